"""govopen import: agencies' tables as they really are, built here with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import yaml

from govopen_cli.catalog.files import load_file
from govopen_cli.errors import GovopenError
from govopen_cli.excel.reader import import_workbook
from govopen_cli.excel.sheet_import import generated_id

TITLE = "某某县自然资源局政务公开基本目录（2024年版）"


def messy_workbook(path: Path) -> Path:
    """Two sheets: a title row, a two-row header in another order, merges, 口 marks …"""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "征地"
    ws["A1"] = TITLE
    ws.merge_cells("A1:P1")
    top = {
        "A": "序号",
        "B": "公开事项",
        "D": "公开渠道和载体",
        "E": "公开内容（要素）",
        "F": "公开依据",
        "G": "公开时限",
        "H": "公开主体",
        "I": "公开方式",
        "K": "公开对象",
        "M": "公开层级",
        "O": "公开时长",
        "P": "联系人",
    }
    sub = {
        "B": "一级事项",
        "C": "二级事项",
        "I": "依申请公开",
        "J": "主动公开",
        "K": "特定群众",
        "L": "全社会",
        "M": "县级",
        "N": "乡镇级",
    }
    for col, name in top.items():
        ws[f"{col}2"] = name
    for col, name in sub.items():
        ws[f"{col}3"] = name
    for col in "ADEFGHOP":
        ws.merge_cells(f"{col}2:{col}3")
    for first, last in (("B", "C"), ("I", "J"), ("K", "L"), ("M", "N")):
        ws.merge_cells(f"{first}2:{last}2")
    rows = [
        [
            1,
            "征地前期准备",
            "拟征收土地告知",
            "■政府网站\n口社区/企事业单位/村公示栏（电子屏）",
            "1.拟征收土地的用途、位置；2.补偿标准。3.安置途径",
            "《中华人民共和国土地管理法》第四十七条；《中华人民共和国土地管理法实施条例》第二十六条",
            "自信息形成或者变更之日起20个工作日内",
            "某某县人民政府",
            None,
            "✓",
            "✔",
            None,
            "√",
            "√",
            "长期",
            "张三",
        ],
        [
            2,
            None,
            "拟征收土地现状调查",
            "▲纸质载体\n▲政府网站",
            "（1）调查范围\n（2）调查内容",
            "1.《中华人民共和国土地管理法实施条例》第二十六条",
            "调查结束后5个工作日内",
            "某某县自然资源局",
            None,
            "√",
            None,
            "√",
            "√",
            None,
            None,
            None,
        ],
        [
            3,
            "征地审查报批",
            "征地批准文件",
            "政府网站",
            "征地批准文件",
            "《中华人民共和国土地管理法》",
            "收到征地批准文件之日起10个工作日内",
            "某某县自然资源局",
            "有",
            "√",
            None,
            "√",
            "√",
            None,
            None,
            None,
        ],
    ]
    for r, values in enumerate(rows, 4):
        for c, value in enumerate(values, 1):
            if value is not None:
                ws.cell(r, c, value)
    ws.merge_cells("B4:B5")
    ws["A7"] = "注：在标注范围内至少选择其一公开，法律法规规章另有规定的从其规定"
    ws.merge_cells("A7:P7")

    ws2 = wb.create_sheet("规划")
    header = [
        "事项编号",
        "一级事项",
        "二级事项",
        "公开内容(要素)",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道",
        "全社会",
        "特定群体",
        "主动",
        "依申请",
        "县级",
        "乡级",
    ]
    ws2.append(header)
    ws2.append(
        [
            "GH-001",
            "规划信息",
            "国土空间总体规划",
            "1.规划文本\n2.规划图件",
            "《中华人民共和国城乡规划法》",
            "自规划批准之日起20个工作日内",
            "某某县自然资源局",
            "政府网站、政务服务中心",
            "√",
            None,
            "√",
            None,
            "√",
            None,
        ]
    )
    ws2.append(
        [
            "GH-002",
            "规划信息",
            "详细规划",
            "规划批前公示",
            "《中华人民共和国城乡规划法》",
            "自规划批准之日起20个工作日内",
            "某某县自然资源局",
            "□行政服务中心\n■政府网站",
            "√",
            None,
            "√",
            None,
            "√",
            None,
        ]
    )
    wb.save(path)
    return path


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    return messy_workbook(tmp_path / "目录.xlsx")


def _by_source(result, source: str) -> list[str]:
    return [d.code for d in result.diagnostics if d.source == source]


def test_reads_both_sheets_whatever_the_column_order(messy):
    result = import_workbook(messy)
    assert result.sheets == ["征地", "规划"]
    items = result.catalog["items"]
    assert [it["matter"] for it in items] == [
        ["征地前期准备", "拟征收土地告知"],
        ["征地前期准备", "拟征收土地现状调查"],  # the merged 一级事项 cell holds for both rows
        ["征地审查报批", "征地批准文件"],
        ["规划信息", "国土空间总体规划"],
        ["规划信息", "详细规划"],
    ]
    first = items[0]
    assert first["content"] == ["拟征收土地的用途、位置", "补偿标准", "安置途径"]
    assert first["basis"] == [
        "《中华人民共和国土地管理法》第四十七条",
        "《中华人民共和国土地管理法实施条例》第二十六条",
    ]
    assert first["owner"] == "某某县人民政府"
    assert first["mode"] == "主动" and first["audience"] == "特定群体"
    assert first["levels"] == ["县级", "乡级"]  # 乡镇级 is 乡级


def test_marks_lookalikes_and_variants(messy):
    result = import_workbook(messy)
    items = result.catalog["items"]
    assert items[0]["channels"] == [
        "政府网站",
        {"name": "社区/企事业单位/村公示栏(电子屏)", "mark": "可选"},  # 口 read as □, （）as ()
    ]
    assert items[1]["channels"] == [
        {"name": "纸质媒体", "mark": "择一"},
        {"name": "政府网站", "mark": "择一"},
    ]
    assert items[3]["channels"] == ["政府网站", "政务服务中心"]
    assert items[4]["channels"] == [{"name": "政务服务中心", "mark": "可选"}, "政府网站"]
    assert "GX008" in _by_source(result, "征地!D4")
    assert "GX007" in _by_source(result, "征地!D5")  # 纸质载体 -> 纸质媒体
    assert "GX007" in _by_source(result, "规划!H3")  # 行政服务中心 -> 政务服务中心


def test_numbered_content_becomes_elements_and_plain_text_stays_text(messy):
    items = import_workbook(messy).catalog["items"]
    assert items[1]["content"] == ["调查范围", "调查内容"]
    assert items[1]["basis"] == ["《中华人民共和国土地管理法实施条例》第二十六条"]
    assert items[2]["content"] == "征地批准文件"
    assert items[3]["content"] == ["规划文本", "规划图件"]


def test_a_bad_tick_is_located_at_its_cell(messy):
    result = import_workbook(messy)
    bad = [d for d in result.diagnostics if d.code == "GX003"]
    assert [d.source for d in bad] == ["征地!I6"]
    assert (bad[0].line, bad[0].column) == (6, 9)
    assert "“有”" in bad[0].message
    assert result.catalog["items"][2]["mode"] == "主动"


def test_extra_columns_and_note_rows_are_reported(messy):
    result = import_workbook(messy)
    assert "GX002" in _by_source(result, "征地!O2")  # 公开时长
    assert "GX002" in _by_source(result, "征地!P2")  # 联系人
    assert "GX011" in _by_source(result, "征地!A7")  # 注：……


def test_ids_explicit_or_generated_stably(messy, tmp_path):
    first = import_workbook(messy).catalog["items"]
    again = import_workbook(messy_workbook(tmp_path / "again.xlsx")).catalog["items"]
    assert [it["id"] for it in first] == [it["id"] for it in again]
    assert first[0]["id"] == generated_id(["征地前期准备", "拟征收土地告知"])
    assert first[0]["id"].startswith("M-")
    assert [it["id"] for it in first[3:]] == ["GH-001", "GH-002"]


def test_header_from_the_title_row_and_options(messy):
    result = import_workbook(messy)
    header = result.catalog["catalog"]
    assert header["title"] == TITLE
    assert header["agency"] == "某某县自然资源局"
    assert header["year"] == 2024
    assert header["id"].startswith("待填写")
    assert result.placeholders == ["id"]
    assert any(d.code == "GX013" for d in result.diagnostics)
    given = import_workbook(
        messy, agency="某某县自然资源局（县林业局）", year=2025, catalog_id="mx-zrzyj"
    )
    assert given.catalog["catalog"]["agency"] == "某某县自然资源局（县林业局）"
    assert given.catalog["catalog"]["year"] == 2025
    assert given.placeholders == []


#: A plain official table after its first column (事项编号 or 序号).
_TEN_COLUMNS = [
    "一级事项",
    "二级事项",
    "公开内容",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "全社会",
    "主动",
    "县级",
]


def test_duplicate_ids_are_told_and_kept_apart(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事项编号", *_TEN_COLUMNS])
    row = ["《中华人民共和国政府信息公开条例》", "实时公开", "某局", "政府网站", "√", "√", "√"]
    ws.append(["A-1", "机构信息", "机构职能", "职能", *row])
    ws.append(["A-1", "机构信息", "领导信息", "领导", *row])
    wb.save(tmp_path / "d.xlsx")
    result = import_workbook(tmp_path / "d.xlsx")
    assert [it["id"] for it in result.catalog["items"]] == ["A-1", "A-1-2"]
    assert [d.source for d in result.diagnostics if d.code == "GX009"] == ["Sheet!A3"]


def test_empty_required_cells_become_placeholders(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [
            "一级事项",
            "二级事项",
            "公开内容",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道和载体",
            "全社会",
            "特定群体",
            "主动",
            "依申请",
        ]
    )
    ws.append(
        ["机构信息", "机构职能", "职能", None, "实时公开", None, "政府网站", None, None, "√", None]
    )
    wb.save(tmp_path / "e.xlsx")
    result = import_workbook(tmp_path / "e.xlsx", agency="某局", year=2025, catalog_id="x")
    item = result.catalog["items"][0]
    assert item["basis"][0].startswith("待填写")
    assert item["owner"].startswith("待填写")
    assert item["audience"].startswith("待填写")
    assert item["levels"][0].startswith("待填写")  # the table has no 公开层级 columns at all
    sources = {d.source for d in result.diagnostics if d.code == "GX005"}
    assert {"Sheet!D2", "Sheet!F2", "Sheet!H2"} <= sources


def test_cli_writes_readable_yaml_and_reports_placeholders(run_line, messy, tmp_path):
    out = tmp_path / "out.yaml"
    result = run_line(f"govopen import {messy} -o {out}", cwd=tmp_path)
    assert result.exit_code == 1
    assert out.is_file()
    assert "征地!I6: GX003 warning" in result.stdout
    assert "GX006 error" in result.stdout  # the check on the written file names the placeholder
    assert "未通过 govopen check" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert "\\u" not in text
    assert "    matter: [征地前期准备, 拟征收土地告知]" in text
    assert "  # 征地!A4\n  - id: M-" in text
    assert "id: 待填写" in text
    data = yaml.safe_load(text)
    assert data["catalog"]["agency"] == "某某县自然资源局"
    loaded = load_file(out)
    assert loaded.catalog is not None and len(loaded.catalog.items) == 5


def test_cli_with_options_passes_check(run_line, messy, tmp_path):
    out = tmp_path / "out.yaml"
    result = run_line(f"govopen import {messy} -o {out} --id mx-zrzyj", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert "✓" in result.stdout and "通过 govopen check" in result.stdout


def test_cli_refuses_to_overwrite_without_force(run_line, messy, tmp_path):
    out = tmp_path / "out.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = run_line(f"govopen import {messy} -o {out} --id mx", cwd=tmp_path)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert run_line(f"govopen import {messy} -o {out} --id mx --force", cwd=tmp_path).exit_code == 0
    assert "mine" not in out.read_text(encoding="utf-8")


def test_cli_sheet_option(run_line, messy, tmp_path):
    out = tmp_path / "out.yaml"
    result = run_line(
        f"govopen import {messy} -o {out} --id mx --sheet 规划 --title 规划目录 --agency 某局 --year 2025",
        cwd=tmp_path,
    )
    assert result.exit_code == 0
    assert len(yaml.safe_load(out.read_text(encoding="utf-8"))["items"]) == 2
    result = run_line(
        f"govopen import {messy} -o {tmp_path / 'x.yaml'} --sheet 不存在", cwd=tmp_path
    )
    assert result.exit_code == 2 and "征地" in result.stderr


def test_no_catalog_table_writes_nothing(run_line, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(tmp_path / "n.xlsx")
    out = tmp_path / "n.yaml"
    result = run_line(f"govopen import {tmp_path / 'n.xlsx'} -o {out}", cwd=tmp_path)
    assert result.exit_code == 1
    assert "GX001" in result.stdout and "未写出" in result.stdout
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("old.xls", b"\xd0\xcf\x11\xe0 not a zip"), ("empty.xlsx", b""), ("cut.xlsx", b"PK\x03\x04")],
)
def test_a_file_that_is_no_workbook_could_not_run(run_line, tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    result = run_line(f"govopen import {tmp_path / name} -o {tmp_path / 'o.yaml'}", cwd=tmp_path)
    assert result.exit_code == 2
    assert "GX010" in result.stdout and "另存为 .xlsx" in result.stdout
    assert not (tmp_path / "o.yaml").exists()


def test_the_output_path_is_checked_before_reading(run_line, messy, tmp_path, monkeypatch):
    import govopen_cli.excel.reader

    def not_now(*args, **kwargs):
        raise AssertionError("read before the output path was checked")

    monkeypatch.setattr(govopen_cli.excel.reader, "import_workbook", not_now)
    result = run_line(f"govopen import {messy} -o {tmp_path / 'no' / 'o.yaml'}", cwd=tmp_path)
    assert result.exit_code == 2 and "输出目录不存在" in result.stderr


def test_hidden_sheets_are_skipped_unless_named(tmp_path, messy):
    wb = openpyxl.load_workbook(messy)
    wb["规划"].sheet_state = "hidden"
    wb.save(messy)
    assert import_workbook(messy).sheets == ["征地"]
    assert import_workbook(messy, sheets=["规划"]).sheets == ["规划"]
    with pytest.raises(GovopenError, match="没有工作表"):
        import_workbook(messy, sheets=["无"])


def test_section_heading_rows_give_the_first_level(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", *_TEN_COLUMNS])
    ws.append(["一、机构信息"])
    ws.merge_cells("A2:K2")
    ws.append(
        [
            1,
            None,
            "机构职能",
            "职能",
            "《中华人民共和国政府信息公开条例》",
            "实时公开",
            "某局",
            "政府网站",
            "√",
            "√",
            "√",
        ]
    )
    wb.save(tmp_path / "s.xlsx")
    result = import_workbook(tmp_path / "s.xlsx")
    assert result.catalog["items"][0]["matter"] == ["机构信息", "机构职能"]
    assert "GX011" in _by_source(result, "Sheet!A2")


def test_every_import_and_inspect_code_is_documented_in_four_parts():
    from govopen_cli.checks.rules import load_rules
    from govopen_cli.codes import iter_codes

    codes = list(iter_codes(["GX", "GI"]))
    assert len(codes) == 36
    for code in codes:
        for part in ("检查：", "依据：", "错误示例：", "修改："):
            assert part in code.doc, (code.code, part)
    assert "GX006" in load_rules()  # the one that `govopen check` runs


def test_year_out_of_range_is_a_usage_error(run_line, messy, tmp_path):
    result = run_line(f"govopen import {messy} -o {tmp_path / 'o.yaml'} --year 1999", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "govopen：用法错误：选项 --year 的值无效：年度 1999 不在 2000—2100 之间。"
        "运行 govopen import -h 查看帮助。\n"
    )
    assert not (tmp_path / "o.yaml").exists()


@pytest.mark.parametrize(
    ("written", "url", "note", "code"),
    [
        ("www.x.gov.cn/gh", "https://www.x.gov.cn/gh", None, "GX017"),
        ("政府网站：x.gov.cn", "https://x.gov.cn", None, "GX017"),
        ("见网站", None, "公开网址：见网站", "GX016"),
        ("政府网站：https://x.gov.cn/a，", "https://x.gov.cn/a", None, None),
    ],
)
def test_an_address_without_https_is_never_dropped(tmp_path, written, url, note, code):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事项编号", *_TEN_COLUMNS, "公开网址"])
    ws.append(
        [
            "A-1",
            "机构信息",
            "机构职能",
            "职能",
            "《中华人民共和国政府信息公开条例》",
            "实时公开",
            "某局",
            "政府网站",
            "√",
            "√",
            "√",
            written,
        ]
    )
    wb.save(tmp_path / "u.xlsx")
    result = import_workbook(tmp_path / "u.xlsx")
    item = result.catalog["items"][0]
    channel = item["channels"][0]
    assert (channel.get("url") if isinstance(channel, dict) else None) == url
    assert item.get("note") == note
    found = [d for d in result.diagnostics if d.source == "Sheet!L2"]
    assert [d.code for d in found] == ([code] if code else [])
    if code:
        assert written in found[0].message
        assert found[0].severity.name == ("INFO" if code == "GX017" else "WARNING")


@pytest.mark.parametrize("merged", [True, False])
def test_a_title_row_right_above_a_one_row_header(tmp_path, merged):
    title = "平遥县自然资源局政务公开基本目录（2025年版）"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    if merged:
        ws.merge_cells("A1:K1")
    ws.append(["事项编号", *_TEN_COLUMNS])
    row = ["《中华人民共和国政府信息公开条例》", "实时公开", "某局", "政府网站", "√", "√", "√"]
    ws.append(["A-1", "机构信息", "机构职能", "职能", *row])
    wb.save(tmp_path / "t.xlsx")
    result = import_workbook(tmp_path / "t.xlsx")
    header = result.catalog["catalog"]
    assert (header["title"], header["agency"], header["year"]) == (title, "平遥县自然资源局", 2025)
    assert _by_source(result, "Sheet!A1") == ["GX013"]
    assert result.catalog["items"][0]["id"] == "A-1"


def _one_item_workbook(path: Path, **cells: object) -> Path:
    """A one-item table (header in row 1, the item in row 2); ``F="…"`` sets cell F2."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事项编号", *_TEN_COLUMNS])
    ws.append(
        [
            "A-1",
            "机构信息",
            "机构职能",
            "职能",
            "《中华人民共和国政府信息公开条例》",
            "实时公开",
            "某局",
            "政府网站",
            "√",
            "√",
            "√",
        ]
    )
    for letter, value in cells.items():
        ws[f"{letter}2"] = value
    wb.save(path)
    return path


def test_a_date_cell_in_the_deadline_column_is_told(tmp_path):
    import datetime as dt

    path = _one_item_workbook(tmp_path / "d.xlsx", F=dt.datetime(2025, 5, 1))
    result = import_workbook(path)
    assert result.catalog["items"][0]["deadline"] == "2025-05-01"
    found = [d for d in result.diagnostics if d.source == "Sheet!F2"]
    assert [d.code for d in found] == ["GX016"]
    assert "日期单元格（2025-05-01）" in found[0].message and "公开时限" in found[0].message


@pytest.mark.parametrize("error", ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?"])
def test_an_excel_error_value_is_not_imported_as_text(tmp_path, error):
    result = import_workbook(_one_item_workbook(tmp_path / "e.xlsx", G=error))
    assert result.catalog["items"][0]["owner"].startswith("待填写")
    found = [d for d in result.diagnostics if d.source == "Sheet!G2"]
    assert [d.code for d in found] == ["GX018"]  # not also GX005 "为空"
    assert error in found[0].message


def test_an_error_value_in_a_tick_column_is_not_a_bad_tick(tmp_path):
    result = import_workbook(_one_item_workbook(tmp_path / "e.xlsx", I="#N/A"))
    assert _by_source(result, "Sheet!I2") == ["GX005", "GX018"]  # no tick left, and why


def test_a_formula_whose_value_was_not_saved_is_named_as_such(tmp_path):
    # openpyxl writes formulas without their value, as any program does
    result = import_workbook(_one_item_workbook(tmp_path / "f.xlsx", G="=Sheet2!A1"))
    assert result.catalog["items"][0]["owner"].startswith("待填写")
    found = [d for d in result.diagnostics if d.source == "Sheet!G2"]
    assert [d.code for d in found] == ["GX019"]
    assert "没有保存公式的计算结果" in found[0].message and "WPS" in found[0].message


def test_a_diff_workbook_is_not_a_catalog(run_line, tmp_path):
    pingyao = Path(__file__).resolve().parents[2] / "catalogs" / "pingyao-zrzyj"
    changes = tmp_path / "变更.xlsx"
    diff = run_line(
        f"govopen diff {pingyao / '2024.yaml'} {pingyao / '2025.yaml'} -f xlsx -o {changes}"
    )
    assert changes.is_file(), diff.stdout
    out = tmp_path / "d.yaml"
    result = run_line(f"govopen import {changes} -o {out}", cwd=tmp_path)
    assert result.exit_code == 1
    assert "GX001 error" in result.stdout and "GX005" not in result.stdout
    assert not out.exists()
