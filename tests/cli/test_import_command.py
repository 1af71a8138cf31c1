"""``govopen import``: what the workbook itself is told follows govopen.toml and counts
in the exit status, like what ``govopen check`` finds in the file written."""

from __future__ import annotations

from pathlib import Path

import openpyxl

EXTRA_COLUMN = "目录.xlsx:目录!L2: GX002 info 列“备注列”不在目录格式中，其内容未导入"


def clean_workbook(path: Path) -> Path:
    """One item that passes ``govopen check`` once imported; the workbook's title names
    the agency (GX013, info) and it has a column the format does not know (GX002, info)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "目录"
    sheet["A1"] = "某某县自然资源局政务公开基本目录（2025年版）"
    sheet.append(
        [
            "事项编号",
            *("一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体"),
            *("公开渠道和载体", "全社会", "主动", "县级", "备注列"),
        ]
    )
    sheet.append(
        [
            "JG-001",
            *("机构信息", "机构职能", "机构职能、内设机构"),
            "《中华人民共和国政府信息公开条例》第二十条",
            "信息形成或者变更之日起20个工作日内",
            *("某某县自然资源局", "政府网站", "√", "√", "√", "多余"),
        ]
    )
    book.save(path)
    return path


def test_the_workbooks_diagnostics_count_in_the_exit_status(run_line, tmp_path):
    clean_workbook(tmp_path / "目录.xlsx")
    line = "govopen import 目录.xlsx -o out.yaml --id mx --year 2025"
    result = run_line(line, cwd=tmp_path)
    assert result.exit_code == 0
    assert EXTRA_COLUMN in result.lines
    (tmp_path / "out.yaml").unlink()
    result = run_line(f"{line} --fail-on info", cwd=tmp_path)
    # The file written passes the check: the status 1 is the workbook's info.
    assert "✓ out.yaml 通过 govopen check。" in result.lines
    assert EXTRA_COLUMN in result.lines
    assert result.exit_code == 1


def test_govopen_toml_applies_to_the_workbooks_diagnostics(run_line, tmp_path):
    clean_workbook(tmp_path / "目录.xlsx")
    (tmp_path / "govopen.toml").write_text(
        'ignore = ["GX002"]\n\n[severity]\nGX013 = "warning"\n', encoding="utf-8"
    )
    result = run_line(
        "govopen import 目录.xlsx -o out.yaml --id mx --year 2025 --fail-on warning", cwd=tmp_path
    )
    assert not [line for line in result.lines if "GX002" in line]
    [agency] = [line for line in result.lines if "GX013" in line]
    assert agency.startswith("目录.xlsx:目录!A1: GX013 warning 从标题")
    assert "✓ out.yaml 通过 govopen check。" in result.lines
    assert result.exit_code == 1  # the GX013 made a warning by govopen.toml
