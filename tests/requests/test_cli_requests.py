"""``govopen requests check|report``: the lines a user types, exit codes, files written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ledger_files import EXAMPLES, write_xlsx

DATA = Path(__file__).parents[1] / "data"
CSV = EXAMPLES / "台账-2025.csv"
CLEAN = (
    "编号,收到日期,申请人类型,答复日期,处理结果\n"
    "1,2025-09-26,自然人,2025-10-30,予以公开\n"
    "2,2025-12-29,商业企业,,\n"
)


def codes_of(lines: list[str]) -> list[str]:
    return [line.split(": ", 1)[1].split(" ", 1)[0] for line in lines if ": GR" in line]


# ── requests check ───────────────────────────────────────────────────────────


def test_check_the_example(run_line):
    result = run_line(f"govopen requests check {CSV} --today 2025-12-31")
    assert result.exit_code == 1
    assert codes_of(result.lines) == ["GR105", "GR101", "GR106", "GR105", "GR104", "GR102", "GR103"]
    assert result.lines[-1] == "检查了 1 个文件，错误 3 个，警告 2 个，提示 2 个。"


def test_the_three_formats_give_the_same_findings(run_line):
    found = []
    for ext in ("csv", "xlsx", "yaml"):
        result = run_line(
            f"govopen requests check {EXAMPLES / f'台账-2025.{ext}'} --today 2025-12-31"
        )
        # the YAML ledger names its agency, which becomes the draft item's owner
        lines = [line.split(": ", 1)[1] for line in result.lines[:-1]]
        found.append([line.replace("owner: 平遥县自然资源局", "owner: 待定") for line in lines])
    assert found[0] == found[1] == found[2]
    assert any("owner: 平遥县自然资源局" in line for line in result.lines)


def test_xlsx_findings_name_the_cell(run_line):
    result = run_line(f"govopen requests check {EXAMPLES / '台账-2025.xlsx'} --today 2025-12-31")
    assert any("台账-2025.xlsx:台账!I9: GR101 error 申请 2025-005" in line for line in result.lines)


def test_today_in_chinese_form_and_exit_zero(run_line):
    result = run_line(f"govopen requests check {CSV} --today 2025年12月31日 --exit-zero")
    assert result.exit_code == 0
    assert "GR102" in result.stdout


def test_fail_on_info(run_line, tmp_path):
    ledger = tmp_path / "l.csv"
    ledger.write_text(CLEAN, encoding="utf-8")
    assert run_line(f"govopen requests check {ledger} --today 2025-12-31").exit_code == 0
    result = run_line(f"govopen requests check {ledger} --today 2026-01-26 --fail-on warning")
    assert result.exit_code == 1  # request 2 is due on 2026-01-27: due soon
    assert codes_of(result.lines) == ["GR103"]


def test_json_output_to_a_file(run_line, tmp_path):
    out = tmp_path / "r.json"
    result = run_line(f"govopen requests check {CSV} --today 2025-12-31 -f json -o {out}")
    assert result.exit_code == 1
    assert result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["error"] == 3
    first = data["diagnostics"][1]
    assert first["code"] == "GR101"
    assert first["name"] == "answered-late"
    assert first["line"] == 8


def test_catalog_and_drafts(run_line, tmp_path):
    drafts = tmp_path / "drafts.yaml"
    result = run_line(
        f"govopen requests check {CSV} --today 2025-12-31 "
        f"--catalog {DATA / 'catalog-small.yaml'} --drafts {drafts}"
    )
    zd = next(line for line in result.lines if "ZD-006" in line and "GR105" in line)
    assert "目前只依申请公开" in zd
    unknown = [line for line in result.lines if "GR011" in line]
    assert len(unknown) > 0  # the small catalog lacks most of the example's items
    items = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]
    assert [i["id"] for i in items] == ["ZD-006", "DRAFT-001"]
    assert items[1]["owner"] == "测试县自然资源局"


def test_unknown_year_is_a_finding_and_the_holiday_file_fixes_it(run_line, tmp_path):
    ledger = tmp_path / "l.csv"
    ledger.write_text("编号,收到日期,申请人类型,答复日期,处理结果\n1,2026-12-20,自然人,,\n")
    result = run_line(f"govopen requests check {ledger} --today 2026-12-25")
    assert result.exit_code == 1
    assert codes_of(result.lines) == ["GR107"]
    holidays = DATA / "holidays-test-2027.yaml"
    result = run_line(f"govopen requests check {ledger} --today 2026-12-25 --holidays {holidays}")
    assert result.exit_code == 0


def test_bad_xlsx_date_is_located(run_line, tmp_path):
    path = tmp_path / "台账.xlsx"
    write_xlsx(
        path,
        [
            ["编号", "收到日期", "申请人类型", "答复日期", "处理结果"],
            ["1", "2025-09-26", "自然人", "2025-10-30", "予以公开"],
            ["2", "二〇二五年十月", "自然人", "", ""],
        ],
    )
    result = run_line(f"govopen requests check {path} --today 2025-12-31")
    assert result.exit_code == 1
    assert "台账.xlsx:台账!B3: GR003 error 申请 2 的收到日期“二〇二五年十月”" in result.lines[0]


def test_config_severity_and_ignore(run_line, tmp_path):
    (tmp_path / "govopen.toml").write_text(
        'ignore = ["GR105"]\n[severity]\nGR101 = "info"\nGR102 = "info"\nGR104 = "info"\n',
        encoding="utf-8",
    )
    result = run_line(f"govopen requests check {CSV} --today 2025-12-31", cwd=tmp_path)
    assert result.exit_code == 0
    assert "GR105" not in result.stdout


def test_missing_ledger_exits_2(run_line, tmp_path):
    result = run_line(f"govopen requests check {tmp_path / 'none.csv'}")
    assert result.exit_code == 2
    assert "找不到台账文件" in result.stderr


def test_missing_catalog_exits_2(run_line, tmp_path):
    result = run_line(f"govopen requests check {CSV} --catalog {tmp_path / 'none.yaml'}")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"govopen：错误：找不到目录文件：{tmp_path / 'none.yaml'}\n"


def test_bad_today_exits_2(run_line):
    result = run_line(f"govopen requests check {CSV} --today 明天")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "govopen：用法错误：日期 '明天' 格式不对：请写成 2025-09-26、2025/9/26、2025.9.26、"
        "2025年9月26日 或 20250926。运行 govopen requests check -h 查看帮助。\n"
    )


# ── requests report ──────────────────────────────────────────────────────────


def test_report_of_a_clean_ledger(run_line, tmp_path):
    ledger = tmp_path / "l.csv"
    ledger.write_text(CLEAN, encoding="utf-8")
    result = run_line(f"govopen requests report {ledger} --year 2025")
    assert result.exit_code == 0
    assert result.lines[0] == "收到和处理政府信息公开申请情况（2025 年度）"
    new = next(line for line in result.lines if line.startswith("一、"))
    assert new.split()[-7:] == ["1", "1", "0", "0", "0", "0", "2"]
    assert result.stderr == ""


def test_report_of_the_example_fails_its_identity(run_line):
    result = run_line(f"govopen requests report {CSV} --year 2025")
    assert result.exit_code == 1
    assert "一、本年新收政府信息公开申请数量" in result.stdout
    assert "GR201" in result.stderr
    assert "“法人或其他组织-其他”列" in result.stderr
    assert "申请 2025-018" in result.stderr


def test_report_markdown_to_a_file(run_line, tmp_path):
    out = tmp_path / "表.md"
    result = run_line(f"govopen requests report {CSV} --year 2025 -f markdown -o {out} --exit-zero")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "| 四、结转下年度继续办理 |  |  | 5 | 0 | 0 | 1 | 0 | 0 | 6 |" in out.read_text("utf-8")


def test_report_json(run_line, tmp_path):
    ledger = tmp_path / "l.csv"
    ledger.write_text(CLEAN, encoding="utf-8")
    result = run_line(f"govopen requests report {ledger} --year 2025 -f json")
    data = json.loads(result.stdout)
    assert data["identity"]["holds"]
    assert data["rows"][-1]["values"] == [0, 1, 0, 0, 0, 0, 1]


def test_report_xlsx(run_line, tmp_path):
    import openpyxl

    out = tmp_path / "年报表.xlsx"
    result = run_line(f"govopen requests report {CSV} --year 2025 -f xlsx -o {out}")
    assert result.exit_code == 1  # the example's identity error, reported on stderr
    ws = openpyxl.load_workbook(out).active
    assert ws["A5"].value == "一、本年新收政府信息公开申请数量"
    assert ws["J5"].value == 31
    assert "A7:A28" in {str(r) for r in ws.merged_cells.ranges}


def test_report_xlsx_needs_an_output_file(run_line):
    result = run_line(f"govopen requests report {CSV} --year 2025 -f xlsx")
    assert result.exit_code == 2
    assert "-o" in result.stderr


def test_report_usage_errors(run_line):
    hint = "运行 govopen requests report -h 查看帮助。\n"
    result = run_line(f"govopen requests report {CSV}")  # no --year
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"govopen：用法错误：缺少选项 --year。{hint}"
    result = run_line(f"govopen requests report {CSV} --year 2025 -f sarif")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "govopen：用法错误：选项 --format 的值无效：未知的格式 'sarif'："
        f"可选 text、markdown、json、xlsx。{hint}"
    )
    result = run_line(f"govopen requests report {CSV} --year 25")  # the range, 2000 to 2100
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("govopen：用法错误：选项 --year 的值无效：")
    assert result.stderr.endswith(hint)


def test_report_of_an_unreadable_ledger(run_line, tmp_path):
    ledger = tmp_path / "l.csv"
    ledger.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run_line(f"govopen requests report {ledger} --year 2025")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "GR001" in result.stderr


def test_a_cell_merged_down_holds_for_each_row_it_covers(run_line, tmp_path):
    import openpyxl

    path = tmp_path / "台账.xlsx"
    write_xlsx(
        path,
        [
            ["编号", "收到日期", "申请人类型", "答复日期", "处理结果"],
            ["1", "2025-09-26", "自然人", "2025-10-30", "予以公开"],
            ["2", "2025-09-29", "", "2025-10-30", "予以公开"],
        ],
    )
    wb = openpyxl.load_workbook(path)
    wb.active.merge_cells("C2:C3")
    wb.active["A5"] = "备注：本台账按收到日期登记"
    wb.active.merge_cells("A5:E5")  # a note merged across is not a request of equal cells
    wb.save(path)
    result = run_line(f"govopen requests check {path} --today 2025-12-31")
    assert "没有申请人类型" not in result.stdout
    assert codes_of(result.lines) == ["GR010"], result.stdout
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("台账.xlsx", b"\xd0\xcf\x11\xe0 an old .xls", "另存为 .xlsx"),
        ("台账.xls", b"\xd0\xcf\x11\xe0", "不支持的台账文件类型"),
        ("台账.csv", b"", "台账文件是空的"),
        ("台账.csv", b"\xff\xfe\x00\xd8\x00", "编码"),
        ("台账.yaml", b"# nothing yet\n", "台账文件是空的"),
    ],
)
@pytest.mark.parametrize("command", ["check", "report --year 2025"])
def test_a_ledger_that_cannot_be_read_at_all_could_not_run(
    run_line, tmp_path, name, content, said, command
):
    ledger = tmp_path / name
    ledger.write_bytes(content)
    result = run_line(f"govopen requests {command} {ledger} --exit-zero")
    assert result.exit_code == 2
    assert "GR001" in result.stdout + result.stderr and said in result.stdout + result.stderr


def test_report_xlsx_prints_like_the_export_and_shows_its_identity_check(run_line, tmp_path):
    import openpyxl

    out = tmp_path / "年报表.xlsx"
    run_line(f"govopen requests report {CSV} --year 2025 -f xlsx -o {out}")
    ws = openpyxl.load_workbook(out).active
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$2:$4"
    assert ws.page_margins.header + 0.125 < ws.page_margins.top
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any("见诊断信息" in t for t in texts)
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    other = rows["法人或其他组织-其他"]
    assert ws.cell(other, 6).value == "不相符"
    assert "申请 2025-018" in ws.cell(other, 7).value
    assert ws.cell(rows["自然人"], 6).value == "相符"
    assert ws.cell(rows["自然人"], 4).value == ws.cell(rows["自然人"], 5).value
