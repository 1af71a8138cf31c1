"""govopen import on tables shaped like the 标准目录 counties publish: web pages, Word, .xls, .ods.

Each case is a shape met in real county 自然资源领域基层政务公开标准目录 pages (the
rows are our own): see :mod:`published`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from govopen_cli.excel.reader import import_workbook
from govopen_cli.excel.text import parse_channels

sys.path.insert(0, str(Path(__file__).parent))
from published import HEADER_SUB, county_table, row

FORMATS = [".xlsx", ".xls", ".ods", ".html", ".docx"]
#: Where the first channel cell is (row 3 of the table, column 8) in each format; the
#: web page has a navigation table before the catalog, as real pages do.
FIRST_CHANNEL_CELL = {
    ".xlsx": "目录!H4",
    ".xls": "目录!H4",
    ".ods": "目录!H4",
    ".html": "表2 第3行第8列",
    ".docx": "表1 第3行第8列",
}
STANDARD_CHANNELS = [
    {"name": "政府网站", "mark": "必选"},
    {"name": "政府公报", "mark": "可选"},
    {"name": "两微一端", "mark": "可选"},
    {"name": "发布会/听证会", "mark": "可选"},
    {"name": "便民服务站", "mark": "可选"},
    {"name": "入户/现场", "mark": "可选"},
]


def _channels(item: dict) -> list[dict]:
    return [c if isinstance(c, dict) else {"name": c, "mark": "必选"} for c in item["channels"]]


def _codes(result) -> dict[str, list]:
    found: dict[str, list] = {}
    for d in result.diagnostics:
        found.setdefault(d.code, []).append(d)
    return found


@pytest.mark.parametrize("suffix", FORMATS)
def test_every_format_puts_every_cell_where_it_belongs(tmp_path, suffix):
    result = import_workbook(county_table().write(tmp_path / f"目录{suffix}"))
    items = result.catalog["items"]
    assert [it["matter"] for it in items] == [
        ["机构信息", "机构职能"],
        ["公共服务", "政策文件"],
        ["公共服务", "自然资源领域专项规划"],  # 一级事项 merged down two rows
        ["政府信息公开", "政府信息公开工作年度报告"],
    ]
    assert items[0]["content"] == "机构名称、机构职能、办公地址、办公电话"
    assert items[0]["basis"] == ["《中华人民共和国政府信息公开条例》"]
    assert items[0]["deadline"] == "信息形成或者变更之日起20个工作日内"
    assert items[3]["deadline"] == "每年1月31日前"
    assert all(it["owner"] == "某县自然资源局" for it in items)
    assert all(_channels(it) == STANDARD_CHANNELS for it in items)
    assert all(it["audience"] == "全社会" and it["mode"] == "主动" for it in items)
    assert all(it["levels"] == ["县级", "乡级"] for it in items)
    assert result.catalog["catalog"]["title"] == "自然资源领域基层政务公开标准目录"
    lookalike = _codes(result)["GX008"]
    assert [d.source for d in lookalike] == [FIRST_CHANNEL_CELL[suffix]]


def test_a_space_between_two_hanzi_is_a_copied_line_break(tmp_path):
    table = county_table()
    table.rows[2] = row(
        1,
        "机构信 息",
        "机构 职能",
        "机构名称、机构职能、办 公电话",
        deadline="信息形成或者变更之日起20个工 作日内",
        owner="某县自然资 源局",
    )
    table.rows[4][2] = "自然资源 领域专项 规划"
    table.rows[4][4] = "《中共中央办公厅 国务院办公厅关于全面推进政务公开工作的意见》"
    result = import_workbook(table.write(tmp_path / "目录.html"))
    first, _, third, _ = result.catalog["items"]
    assert first["matter"] == ["机构信息", "机构职能"]
    assert first["content"] == "机构名称、机构职能、办公电话"
    assert first["deadline"] == "信息形成或者变更之日起20个工作日内"
    assert first["owner"] == "某县自然资源局"
    assert third["matter"] == ["公共服务", "自然资源领域专项规划"]
    # the space between joint issuers is how their names are written: kept
    assert third["basis"] == ["《中共中央办公厅 国务院办公厅关于全面推进政务公开工作的意见》"]
    (told,) = _codes(result)["GX020"]
    assert told.source == "表2 第3行第2列" and "共 7 处" in told.message


def test_a_mark_glued_to_the_channel_before_it_splits_the_channels():
    parsed = parse_channels("□便民服务站口入户/现场口社区/企事业单位/村公示栏")
    assert [(c.name, c.mark) for c in parsed.channels] == [
        ("便民服务站", "可选"),
        ("入户/现场", "可选"),
        ("社区/企事业单位/村公示栏(电子屏)", "可选"),
    ]
    # 口 inside a name that is no pair of channels stays a character
    assert [c.name for c in parse_channels("■政务服务中心窗口").channels] == ["政务服务中心窗口"]


def test_a_header_typo_yi_ji_twice_reads_the_second_as_er_ji(tmp_path):
    table = county_table()
    table.rows[1] = list(HEADER_SUB)
    table.rows[1][2] = "一级事项"
    result = import_workbook(table.write(tmp_path / "目录.xlsx"))
    assert result.catalog["items"][0]["matter"] == ["机构信息", "机构职能"]
    (typo,) = _codes(result)["GX021"]
    assert typo.source == "目录!C3" and typo.severity.name == "WARNING"
    assert "二级事项" in typo.message
    assert "GX002" not in _codes(result)


@pytest.mark.parametrize("suffix", [".xlsx", ".html", ".docx"])
def test_a_matter_merged_across_its_levels_is_one_name(tmp_path, suffix):
    table = county_table()
    table.rows.append(row(5, "政府信息公开指南", None, "公开方式、受理机构、办理流程"))
    table.merges.append((7, 2, 7, 3))
    result = import_workbook(table.write(tmp_path / f"目录{suffix}"))
    assert result.catalog["items"][-1]["matter"] == ["政府信息公开指南"]
    (merged,) = _codes(result)["GX024"]
    assert "政府信息公开指南" in merged.message


def _levels_table(*levels: str):
    table = county_table()
    for r in table.rows:
        del r[12:]
    table.rows[0][12:] = ["公开层级"] + [None] * (len(levels) - 1)
    table.rows[1][12:] = list(levels)
    for r in table.rows[2:]:
        r[12:] = ["√"] * len(levels)
    table.merges = [m for m in table.merges if m[1] < 13] + [(1, 13, 1, 12 + len(levels))]
    return table


def test_level_columns_under_local_names(tmp_path):
    result = import_workbook(_levels_table("县级", "乡、村级").write(tmp_path / "a.xlsx"))
    assert result.catalog["items"][0]["levels"] == ["县级", "乡级", "村级"]
    result = import_workbook(
        _levels_table("市级", "县级", "镇街级", "村级").write(tmp_path / "b.xlsx")
    )
    assert result.catalog["items"][0]["levels"] == ["市级", "县级", "乡级", "村级"]
    (mapped,) = _codes(result)["GX025"]
    assert mapped.source == "目录!O3" and "“镇街级”按“乡级”" in mapped.message


def test_a_table_without_level_columns_is_told_once_and_checked_once(run_line, tmp_path):
    table = county_table()
    for r in table.rows:
        del r[12:]
    table.merges = [m for m in table.merges if m[1] < 13]
    source = table.write(tmp_path / "目录.xlsx")
    out = tmp_path / "out.yaml"
    result = run_line(
        f"govopen import {source} -o {out} --agency 某县自然资源局 --year 2025 --id x",
        cwd=tmp_path,
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [ln for ln in lines if "GX022" in ln] == [
        "目录.xlsx:目录!A2: GX022 警告 表中没有“公开层级”列：所有事项的公开层级写为“待填写”占位。"
        "请在表中加上公开层级（“县级”“乡级”）并打勾后重新导入，或在目录文件中逐项填写"
    ]
    # the gap is told once: not again per item by the check (GX006), nor as an invalid
    # value (GO103), nor as an empty cell (GX005)
    assert not any(code in ln for ln in lines for code in ("GX006", "GO103", "GX005"))
    assert (
        lines[-1]
        == f"✗ {out} 未通过 govopen check（另有 4 个“待填写”占位已在上面按原表位置报告）：请按上面列出的位置修改。"
    )
    # `govopen check` on the file reports each placeholder, once
    check = run_line("govopen check out.yaml", cwd=tmp_path)
    assert sum("GX006" in ln for ln in check.stdout.splitlines()) == 4
    assert "GO103" not in check.stdout


def test_an_empty_cell_is_told_once_at_its_cell(run_line, tmp_path):
    table = county_table()
    table.rows[3][6] = None  # 公开主体 left empty
    source = table.write(tmp_path / "目录.xlsx")
    result = run_line(
        f"govopen import {source} -o out.yaml --agency 某县自然资源局 --year 2025 --id x",
        cwd=tmp_path,
    )
    lines = result.stdout.splitlines()
    assert [ln for ln in lines if "待填写（公开主体）" in ln] == [
        "目录.xlsx:目录!G5: GX005 警告 公开主体为空，已写为“待填写（公开主体）”，请补充"
    ]
    assert result.exit_code == 1


def test_a_title_without_an_agency_is_no_agency(run_line, tmp_path):
    source = county_table().write(tmp_path / "目录.xlsx")
    result = import_workbook(source)
    assert result.catalog["catalog"]["agency"].startswith("待填写")
    (told,) = _codes(result)["GX023"]
    assert told.source == "目录!A1" and "“自然资源领域基层”不是机关名称" in told.message
    assert "GX013" not in _codes(result)
    with_option = import_workbook(source, agency="某县自然资源局")
    assert with_option.catalog["catalog"]["agency"] == "某县自然资源局"
    assert "GX023" not in _codes(with_option)


def test_template_wording_as_owner_is_told_once(run_line, tmp_path):
    table = county_table()
    for r in table.rows[2:]:
        r[6] = "自然资源主管部门"
    out = tmp_path / "out.yaml"
    result = run_line(
        f"govopen import {table.write(tmp_path / '目录.xlsx')} -o {out} "
        "--agency 某县自然资源局 --year 2025 --id x",
        cwd=tmp_path,
    )
    (told,) = [ln for ln in result.stdout.splitlines() if "GO701" in ln]
    assert told.startswith("out.yaml:") and "警告" in told
    assert "“自然资源主管部门”是标准目录模板中的泛称" in told and "共 4 个事项" in told
    assert "如“某县自然资源局”" in told


def test_an_annual_report_row_keeps_its_deadline_for_check(run_line, tmp_path):
    table = county_table()
    table.rows[5][5] = "信息形成或者变更之日起20个工 作日内"
    out = tmp_path / "out.yaml"
    run_line(
        f"govopen import {table.write(tmp_path / '目录.html')} -o {out} "
        "--agency 某县自然资源局 --year 2025 --id x",
        cwd=tmp_path,
    )
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    report = data["items"][3]
    assert report["matter"] == ["政府信息公开", "政府信息公开工作年度报告"]
    assert report["deadline"] == "信息形成或者变更之日起20个工作日内"


@pytest.mark.parametrize("name", ["目录.pdf", "目录.csv", "目录.doc"])
def test_a_file_of_another_kind_is_refused_in_chinese(run_line, tmp_path, name):
    (tmp_path / name).write_bytes(b"%PDF-1.4 or anything")
    result = run_line(f"govopen import {tmp_path / name} -o {tmp_path / 'o.yaml'}", cwd=tmp_path)
    assert result.exit_code == 2
    assert "GX010" in result.stdout
    assert ".xlsx、.xls" in result.stdout and ".ods" in result.stdout
    assert ".docx" in result.stdout and ".html" in result.stdout


def test_a_folder_imports_every_table_with_one_summary(run_line, tmp_path):
    folder = tmp_path / "收集"
    (folder / "乙县").mkdir(parents=True)
    county_table().write(folder / "甲县.xlsx")
    county_table().write(folder / "乙县" / "标准目录.html")
    county_table().write(folder / "丙县.docx")
    (folder / "说明.txt").write_text("不是表格", encoding="utf-8")
    out = tmp_path / "catalogs"
    result = run_line(f"govopen import {folder} -o {out} --year 2025", cwd=tmp_path)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))
    assert written == ["丙县.yaml", "乙县/标准目录.yaml", "甲县.yaml"]
    assert result.stdout.splitlines()[-1] == (
        f"导入了 {folder} 中的 3 个文件：写出 3 个目录文件到 {out}，共 12 个事项。"
    )
    assert result.exit_code == 1  # the agency is a placeholder in each: check says so
    again = run_line(f"govopen import {folder} -o {out}", cwd=tmp_path)
    assert again.exit_code == 2 and "已存在" in again.stderr


def test_a_folder_wants_a_folder_as_output(run_line, tmp_path):
    folder = tmp_path / "收集"
    folder.mkdir()
    county_table().write(folder / "甲县.xlsx")
    result = run_line(f"govopen import {folder} -o {tmp_path / 'x.yaml'}", cwd=tmp_path)
    assert result.exit_code == 2 and "输出文件夹" in result.stderr
    result = run_line(f"govopen import {folder} -o {tmp_path / 'c'} --id x", cwd=tmp_path)
    assert result.exit_code == 2 and "--id" in result.stderr


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [("<meta charset='gb2312'>", "gb18030"), ("", "utf-8"), ("", "gb18030")],
)
def test_a_saved_web_page_in_any_encoding(tmp_path, declared, encoding):
    page = county_table().write(tmp_path / "u.html").read_text(encoding="utf-8")
    page = page.replace("<meta charset='utf-8'>", declared)
    (tmp_path / "p.html").write_bytes(page.encode(encoding))
    result = import_workbook(tmp_path / "p.html")
    assert result.items == 4
    assert result.catalog["items"][0]["matter"] == ["机构信息", "机构职能"]


def test_a_cangyuan_shaped_header_with_spaces_inside_names(tmp_path):
    table = county_table()
    table.rows[0][0] = "序 号"
    table.rows[0][8] = "公开 对象"
    table.rows[1][1:3] = ["一级 事项", "二级 事项"]
    table.rows[1][8:] = ["全 社 会", "特定群体", "主 动", "依 申 请", "县 级", "乡 级"]
    result = import_workbook(table.write(tmp_path / "目录.html"))
    item = result.catalog["items"][0]
    assert item["matter"] == ["机构信息", "机构职能"]
    assert item["audience"] == "全社会" and item["levels"] == ["县级", "乡级"]
    assert "GX002" not in _codes(result) and "GX025" not in _codes(result)


def test_an_xls_saved_under_an_xlsx_name_is_still_read(tmp_path):
    source = county_table().write(tmp_path / "目录.xls")
    renamed = source.rename(tmp_path / "目录.xlsx")
    assert import_workbook(renamed).items == 4
