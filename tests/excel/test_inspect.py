"""govopen inspect: a 检查表 filled in here with openpyxl, read back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from govopen_cli.calendar.workday import WorkdayCalendar
from govopen_cli.catalog.files import load_file
from govopen_cli.excel.about_sheet import InputFile
from govopen_cli.excel.export_workbook import export_workbook
from govopen_cli.excel.inspection import read_inspection

REPO = Path(__file__).resolve().parents[2]
CATALOG = REPO / "catalogs" / "pingyao-zrzyj" / "2025.yaml"
D = dt.date


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workbook ``govopen export catalogs/pingyao-zrzyj/2025.yaml`` writes, made once."""
    out = tmp_path_factory.mktemp("inspect") / "检查.xlsx"
    catalog = load_file(CATALOG).catalog
    assert catalog is not None
    digest = hashlib.sha256(CATALOG.read_bytes()).hexdigest()
    inputs = [InputFile("目录", str(CATALOG.relative_to(REPO)), digest)]
    export_workbook(catalog, [], None, out, inputs=inputs)
    return out


@pytest.fixture
def workbook(exported, tmp_path) -> Path:
    return Path(shutil.copy(exported, tmp_path / exported.name))


def fill(path: Path, values: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Write ``{item id: {header: value}}`` into the 检查表; the row of each id."""
    wb = openpyxl.load_workbook(path)
    ws = wb["检查表"]
    header = {c.value: c.column for c in ws[2]}
    rows = {ws.cell(r, header["事项编号"]).value: r for r in range(3, ws.max_row + 1)}
    for item_id, cells in values.items():
        for name, value in cells.items():
            ws.cell(rows[item_id], header[name], value)
    wb.save(path)
    return rows


def column(path: Path, name: str) -> str:
    ws = openpyxl.load_workbook(path)["检查表"]
    header = {c.value: c.column_letter for c in ws[2]}
    return header[name]


def inspect(path: Path, today: dt.date = D(2025, 11, 20)):
    catalog = load_file(CATALOG).catalog
    assert catalog is not None
    return read_inspection(path, catalog, WorkdayCalendar(), today=today, display=path.name)


def codes_at(result, source: str) -> list[str]:
    return [d.code for d in result.diagnostics if d.source == source]


def test_late_is_counted_in_working_days_with_make_up_days(workbook):
    rows = fill(
        workbook,
        {
            "JG-001": {
                "是否公开": "是",
                "信息形成日期": D(2025, 9, 26),
                "公开日期": D(2025, 10, 31),
            },
            "JG-002": {
                "是否公开": "是",
                "信息形成日期": D(2025, 9, 26),
                "公开日期": D(2025, 10, 30),
            },
        },
    )
    result = inspect(workbook)
    by_id = {r.item_id: r for r in result.items}
    late, on_time = by_id["JG-001"], by_id["JG-002"]
    assert late.due == on_time.due == D(2025, 10, 30)  # 20 工作日 over the 国庆 holiday
    assert late.late_by == 1 and late.late_unit == "工作日" and late.status == "不合格"
    assert on_time.late_by == 0 and on_time.status == "合格"
    assert [r.item_id for r in result.late] == ["JG-001"]
    at = f"检查表!{column(workbook, '公开日期')}{rows['JG-001']}"
    assert codes_at(result, at) == ["GI101"]
    message = next(d.message for d in result.diagnostics if d.code == "GI101")
    assert "应于 2025-10-30 前公开" in message and "逾期 1 个工作日" in message
    assert result.rate == 50.0


@pytest.mark.parametrize(
    ("formed", "published"),
    [
        ("2025/9/26", "2025年10月31日"),
        # One date reader (date_text) for ledgers and 检查表: compact and full-width forms too.
        ("２０２５-09-26", "20251031"),
    ],
)
def test_dates_written_as_text_are_read(workbook, formed, published):
    fill(
        workbook,
        {"JG-001": {"是否公开": "是", "信息形成日期": formed, "公开日期": published}},
    )
    late = next(r for r in inspect(workbook).items if r.item_id == "JG-001")
    assert late.late_by == 1


def test_free_text_in_a_dropdown_column_is_reported_not_guessed(workbook):
    rows = fill(workbook, {"JG-003": {"是否公开": "已公开，见网站"}})
    result = inspect(workbook)
    at = f"检查表!{column(workbook, '是否公开')}{rows['JG-003']}"
    assert codes_at(result, at) == ["GI001"]
    assert "已公开，见网站" in next(d.message for d in result.diagnostics if d.code == "GI001")
    assert next(r for r in result.items if r.item_id == "JG-003").status == "待核实"


def test_unknown_ids_and_rows_without_id_are_reported(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["检查表"]
    ws.append([None, "XX-999", None, None, None, None, None, "是"])
    ws.append([None, None, None, None, None, None, None, "否"])
    last = ws.max_row
    wb.save(workbook)
    result = inspect(workbook)
    assert codes_at(result, f"检查表!B{last - 1}") == ["GI002"]
    assert "未计入" in next(d.message for d in result.diagnostics if d.code == "GI002")
    assert codes_at(result, f"检查表!B{last}") == ["GI007"]


def test_a_deleted_row_is_reported_at_the_catalog_item(workbook):
    rows = fill(workbook, {})
    wb = openpyxl.load_workbook(workbook)
    wb["检查表"].delete_rows(rows["JG-004"])
    wb.save(workbook)
    result = inspect(workbook)
    missing = [d for d in result.diagnostics if d.code == "GI003"]
    assert len(missing) == 1 and "JG-004" in missing[0].message
    assert missing[0].file.endswith("2025.yaml") and missing[0].line > 1
    assert next(r for r in result.items if r.item_id == "JG-004").status == "未检查"
    assert len(result.items) == 82  # nothing dropped


def test_reordered_rows_still_match_by_id(workbook):
    rows = fill(workbook, {"JG-001": {"是否公开": "是"}, "JG-002": {"是否公开": "否"}})
    wb = openpyxl.load_workbook(workbook)
    ws = wb["检查表"]
    a, b = rows["JG-001"], rows["JG-002"]
    for c in range(1, ws.max_column + 1):
        va, vb = ws.cell(a, c).value, ws.cell(b, c).value
        ws.cell(a, c, vb)
        ws.cell(b, c, va)
    wb.save(workbook)
    result = inspect(workbook)
    by_id = {r.item_id: r for r in result.items}
    assert by_id["JG-001"].status == "合格" and by_id["JG-002"].status == "不合格"
    assert any(d.code == "GI011" for d in result.diagnostics)


def test_problems_name_who_fixes_them(workbook):
    fill(
        workbook,
        {
            "JG-005": {
                "是否公开": "否",
                "问题描述": "权责清单未公开",
                "整改责任处室": "政策法规股",
                "整改期限": D(2025, 11, 15),
            },
            "JG-006": {"是否公开": "是", "要素是否完整": "否"},
            "ZD-006": {"是否公开": "不适用"},
        },
    )
    result = inspect(workbook, today=D(2025, 11, 20))
    problems = {r.item_id: r for r in result.problems}
    assert set(problems) == {"JG-005", "JG-006"}
    assert problems["JG-005"].unit == "政策法规股" and problems["JG-005"].reasons == ["未公开"]
    assert problems["JG-006"].unit == "办公室" and problems["JG-006"].unit_from_catalog
    assert problems["JG-006"].reasons == ["要素不完整"]
    codes = {d.code for d in result.diagnostics}
    assert {"GI102", "GI103", "GI105"} <= codes
    assert result.rate == 0.0 and result.count("不适用") == 1


def test_contradiction_between_tick_and_dates(workbook):
    fill(
        workbook,
        {
            "JG-001": {
                "是否公开": "是",
                "是否及时": "是",
                "信息形成日期": D(2025, 9, 26),
                "公开日期": D(2025, 10, 31),
            }
        },
    )
    result = inspect(workbook)
    assert any(d.code == "GI104" for d in result.diagnostics)
    assert next(r for r in result.items if r.item_id == "JG-001").status == "不合格"


def test_bad_dates_and_wrong_matter(workbook):
    rows = fill(
        workbook, {"JG-001": {"是否公开": "是", "公开日期": "十月底", "一级事项": "政策文件"}}
    )
    result = inspect(workbook)
    assert codes_at(result, f"检查表!{column(workbook, '公开日期')}{rows['JG-001']}") == ["GI005"]
    assert codes_at(result, f"检查表!{column(workbook, '一级事项')}{rows['JG-001']}") == ["GI008"]


def test_per_first_level_results(workbook):
    fill(
        workbook,
        {"JG-001": {"是否公开": "是"}, "JG-002": {"是否公开": "否"}, "ZC-001": {"是否公开": "是"}},
    )
    groups = {g.name: g for g in inspect(workbook).groups}
    assert (groups["机构信息"].items, groups["机构信息"].checked, groups["机构信息"].rate) == (
        6,
        2,
        50.0,
    )
    assert groups["政策文件"].rate == 100.0
    assert groups["回应关切"].rate is None


def test_cli_formats_and_exit_code(run_line, workbook):
    fill(
        workbook,
        {
            "JG-001": {
                "是否公开": "是",
                "信息形成日期": D(2025, 9, 26),
                "公开日期": D(2025, 10, 31),
                "整改责任处室": "办公室",
            }
        },
    )
    result = run_line(f"govopen inspect {workbook} --format json --today 2025-11-20", cwd=REPO)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["late"] == ["JG-001"]
    assert data["summary"]["failed"] == 1 and data["summary"]["rate"] == 0.0
    assert data["problems"][0]["unit"] == "办公室"
    text = run_line(f"govopen inspect {workbook} --today 2025-11-20", cwd=REPO)
    assert "逾期 1 个工作日" in text.stdout and "整改责任处室：办公室" in text.stdout
    md = run_line(f"govopen inspect {workbook} --format markdown --today 2025-11-20", cwd=REPO)
    assert "| 事项编号 | 公开事项 | 问题 |" in md.stdout
    quiet = run_line(f"govopen inspect {workbook} --exit-zero", cwd=REPO)
    assert quiet.exit_code == 0


def test_cli_finds_the_catalog_or_asks_for_it(run_line, workbook, tmp_path):
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    result = run_line(f"govopen inspect {workbook}", cwd=elsewhere)
    assert result.exit_code == 2 and "--catalog" in result.stderr
    result = run_line(f"govopen inspect {workbook} --catalog {CATALOG}", cwd=elsewhere)
    assert result.exit_code == 0


def test_a_catalog_changed_since_the_export_is_reported(run_line, tmp_path):
    catalog = tmp_path / "2025.yaml"
    shutil.copy(CATALOG, catalog)
    shutil.copy(CATALOG.parent / "sanding.yaml", tmp_path / "sanding.yaml")
    xlsx = tmp_path / "x.xlsx"
    assert run_line(f"govopen export {catalog} -o {xlsx}", cwd=tmp_path).exit_code == 0
    catalog.write_text(catalog.read_text(encoding="utf-8") + "\n# 改过\n", encoding="utf-8")
    result = run_line(f"govopen inspect {xlsx} --format json", cwd=tmp_path)
    assert "GI010" in {d["code"] for d in json.loads(result.stdout)["diagnostics"]}


def test_a_workbook_without_inspection_sheet(run_line, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["事项", "内容"])
    wb.save(tmp_path / "x.xlsx")
    result = run_line(f"govopen inspect {tmp_path / 'x.xlsx'} --catalog {CATALOG}", cwd=tmp_path)
    assert result.exit_code == 1 and "GI006" in result.stdout


@pytest.mark.parametrize("header", ["要素是否完整", "渠道是否符合"])
def test_a_no_is_located_at_its_own_column(workbook, header):
    rows = fill(workbook, {"JG-006": {"是否公开": "是", header: "否"}})
    result = inspect(workbook)
    marked = [d for d in result.diagnostics if d.code == "GI103"]
    assert [d.source for d in marked] == [f"检查表!{column(workbook, header)}{rows['JG-006']}"]
    assert f"{header}为“否”" in marked[0].message


def test_ticked_untimely_but_on_time_by_dates_is_not_late(run_line, workbook):
    fill(
        workbook,
        {
            "JG-001": {
                "是否公开": "是",
                "信息形成日期": D(2025, 9, 26),
                "公开日期": D(2025, 10, 31),
            },
            "JG-002": {
                "是否公开": "是",
                "是否及时": "否",
                "信息形成日期": D(2025, 9, 26),
                "公开日期": D(2025, 10, 30),
            },
        },
    )
    result = inspect(workbook)
    assert [r.item_id for r in result.late] == ["JG-001"]
    assert [r.item_id for r in result.ticked_untimely] == ["JG-002"]
    assert next(r for r in result.items if r.item_id == "JG-002").status == "不合格"
    text = run_line(f"govopen inspect {workbook} --today 2025-11-20", cwd=REPO).stdout
    assert "逾期 1 项" in text and "逾期公开（1 项）" in text
    assert "是否及时为“否”、按日期未见逾期（1 项" in text
    assert "JG-002" in text.split("是否及时为“否”、按日期未见逾期")[1].split("问题清单")[0]


def test_free_text_never_passes_an_item(run_line, workbook):
    rows = fill(
        workbook,
        {
            "JG-001": {"是否公开": "是", "渠道是否符合": "基本符合"},
            "JG-002": {"是否公开": "是"},
            "JG-003": {"是否公开": "是", "要素是否完整": "否", "渠道是否符合": "基本符合"},
        },
    )
    result = inspect(workbook)
    by_id = {r.item_id: r for r in result.items}
    assert by_id["JG-001"].status == "待核实"
    assert by_id["JG-001"].unclear == [("渠道是否符合", "基本符合")]
    assert by_id["JG-003"].status == "不合格"  # a 否 elsewhere decides
    assert result.rate == 100.0 / 3  # 待核实 is checked, not 合格
    at = f"检查表!{column(workbook, '渠道是否符合')}{rows['JG-001']}"
    assert codes_at(result, at) == ["GI001"]
    assert "不计为合格" in next(d.message for d in result.diagnostics if d.source == at)
    text = run_line(f"govopen inspect {workbook} --today 2025-11-20", cwd=REPO).stdout
    assert "合格 1，不合格 1，待核实 1" in text
    assert "JG-001 机构信息/" in text.split("待核实（1 项")[1]


@pytest.mark.parametrize("catalog", [True, False])
def test_a_file_that_is_no_workbook_could_not_run(run_line, tmp_path, catalog):
    (tmp_path / "x.xlsx").write_bytes(b"\xd0\xcf\x11\xe0 an old .xls")
    option = f"--catalog {CATALOG}" if catalog else ""
    result = run_line(f"govopen inspect {tmp_path / 'x.xlsx'} {option}", cwd=tmp_path)
    assert result.exit_code == 2
    said = result.stdout + result.stderr
    assert "无法作为 .xlsx 工作簿读取" in said and "说明页没有记录目录文件" not in said


def test_blank_published_with_a_no_elsewhere_is_checked_and_failed(workbook):
    rows = fill(
        workbook,
        {
            "JG-006": {"是否及时": "否"},  # 是否公开 left blank
            "JG-005": {"要素是否完整": "是"},  # only 是: still 未检查, as before
        },
    )
    result = inspect(workbook)
    by_id = {r.item_id: r for r in result.items}
    assert by_id["JG-006"].status == "不合格" and by_id["JG-006"].reasons == ["不及时"]
    assert by_id["JG-005"].status == "未检查"
    row = rows["JG-006"]
    assert codes_at(result, f"检查表!{column(workbook, '是否及时')}{row}") == ["GI103"]
    at_published = [
        d for d in result.diagnostics if d.source == f"检查表!{column(workbook, '是否公开')}{row}"
    ]
    assert len(at_published) == 1 and "是否公开未填写" in at_published[0].message
    assert result.rate == 0.0
