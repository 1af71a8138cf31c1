"""govopen export: the inspector's workbook, opened again with openpyxl as Excel would."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import openpyxl
import pytest

from govopen_cli.checks.run import check_paths
from govopen_cli.errors import OutputError
from govopen_cli.excel import layout
from govopen_cli.excel.export_workbook import export_workbook

REPO = Path(__file__).resolve().parents[2]
CATALOGS = REPO / "catalogs"
EXAMPLES = REPO / "examples"

CATALOG_2025 = CATALOGS / "pingyao-zrzyj" / "2025.yaml"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "检查.xlsx"
    result = check_paths([CATALOG_2025])
    catalog = result.catalogs[0].catalog
    assert catalog is not None
    from govopen_cli.checks.coverage import compute_coverage

    dutymap = next(f.dutymap for f in result.files if f.dutymap is not None)
    export_workbook(catalog, result.report.diagnostics, compute_coverage(catalog, dutymap), out)
    return out


def _merged(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_cli_writes_every_sheet_in_order(run_line, tmp_path):
    out = tmp_path / "检查.xlsx"
    result = run_line(f"govopen export {CATALOG_2025} -o {out}", cwd=REPO)
    assert result.exit_code == 0, result.stdout
    assert "82 个事项" in result.stdout
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["目录", "检查表", "覆盖情况", "问题清单", "汇总", "说明"]


def test_catalog_sheet_has_the_official_two_row_header(exported):
    ws = openpyxl.load_workbook(exported)["目录"]
    assert ws["A1"].value == "平遥县自然资源局政务公开基本目录（2025年版）"
    assert [ws["A2"].value, ws["B2"].value, ws["B3"].value, ws["C3"].value] == [
        "序号",
        "公开事项",
        "一级事项",
        "二级事项",
    ]
    row2 = [c.value for c in ws[2]]
    row3 = [c.value for c in ws[3]]
    for group, subs in (
        ("公开对象", ["全社会", "特定群体"]),
        ("公开方式", ["主动", "依申请"]),
        ("公开层级", ["县级", "乡级"]),
    ):
        col = row2.index(group)
        assert row3[col : col + len(subs)] == subs
    merged = _merged(ws)
    assert "A2:A3" in merged and "B2:D2" in merged  # 序号 spans both rows; 公开事项 its subs
    assert row2[-1] == "事项编号"


def test_first_level_cells_are_merged_over_their_rows(exported):
    ws = openpyxl.load_workbook(exported)["目录"]
    # JG-001 … JG-006 are 机构信息: rows 4..9
    assert ws["B4"].value == "机构信息"
    assert "B4:B9" in _merged(ws)
    assert ws["B5"].value is None


def test_channels_carry_their_marks_and_ticks_are_checks(exported):
    ws = openpyxl.load_workbook(exported)["目录"]
    header = [c.value for c in ws[2]]
    ids = [c.value for c in ws[openpyxl.utils.get_column_letter(len(header))]]
    catalog = check_paths([CATALOG_2025]).catalogs[0].catalog
    zeyi = next(it for it in catalog.items if any(c.mark == "择一" for c in it.channels))
    row = ids.index(zeyi.id) + 1
    channels = ws.cell(row, header.index("公开渠道和载体") + 1).value.splitlines()
    assert channels == [
        f"{'■□▲'[('必选', '可选', '择一').index(c.mark)]}{c.name}" for c in zeyi.channels
    ]
    assert any(line.startswith("▲") for line in channels)
    row = ids.index("JG-001") + 1
    assert "■政府网站" in ws.cell(row, header.index("公开渠道和载体") + 1).value
    assert "□公开查阅点" in ws.cell(row, header.index("公开渠道和载体") + 1).value
    assert ws.cell(row, header.index("公开对象") + 1).value == "√"


def test_print_settings_landscape_fit_width_header_rows_repeated(exported):
    wb = openpyxl.load_workbook(exported)
    ws = wb["目录"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$2:$3"
    assert ws.freeze_panes == "A4"
    assert wb["检查表"].print_title_rows == "$2:$2"
    assert ws["E4"].font.name == "宋体"
    assert ws["E4"].alignment.wrap_text


def test_inspection_sheet_dropdowns_ids_and_frozen_panes(exported):
    ws = openpyxl.load_workbook(exported)["检查表"]
    header = [c.value for c in ws[2]]
    for name in (
        "是否公开",
        "是否及时",
        "要素是否完整",
        "渠道是否符合",
        "信息形成日期",
        "公开日期",
        "证据链接",
        "问题描述",
        "整改责任处室",
        "整改期限",
        "事项编号",
    ):
        assert name in header
    assert ws["B3"].value == "JG-001"
    assert ws.freeze_panes == "E3"
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and lists[0].formula1 == '"是,否,不适用"'
    first = openpyxl.utils.get_column_letter(header.index("是否公开") + 1)
    last = openpyxl.utils.get_column_letter(header.index("渠道是否符合") + 1)
    assert str(lists[0].sqref) == f"{first}3:{last}84"
    assert any(dv.type == "date" for dv in ws.data_validations.dataValidation)


def test_summary_formulas_count_over_the_inspection_sheet(exported):
    ws = openpyxl.load_workbook(exported)["汇总"]
    formulas = [
        c.value
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert any("COUNTIF('检查表'!" in f for f in formulas)
    assert any("COUNTIFS('检查表'!" in f for f in formulas)
    assert any(
        "'目录'!" in f and '"√"' in f for f in formulas
    )  # 公开方式 / 层级 from the tick columns
    assert any("'覆盖情况'!" in f for f in formulas)
    with zipfile.ZipFile(exported) as z:
        assert any(n.startswith("xl/charts/chart") for n in z.namelist())


def test_coverage_and_about_sheets(exported):
    wb = openpyxl.load_workbook(exported)
    cov = wb["覆盖情况"]
    statuses = {cov.cell(r, 4).value for r in range(3, cov.max_row + 1)} - {None}
    assert statuses <= {"已覆盖", "不予公开", "缺失"} and "已覆盖" in statuses
    about = {
        r[0]: r[1] for r in wb["说明"].iter_rows(min_row=2, max_col=2, values_only=True) if r[0]
    }
    assert about["生成工具"].startswith("govopen ")
    assert about["目录标识"] == "pingyao-zrzyj"
    assert about["年度"] == 2025


def test_about_sheet_names_inputs_with_their_sha256(run_line, tmp_path):
    out = tmp_path / "x.xlsx"
    assert run_line(f"govopen export {CATALOG_2025} -o {out}", cwd=REPO).exit_code == 0
    rows = list(openpyxl.load_workbook(out)["说明"].iter_rows(values_only=True))
    digest = hashlib.sha256(CATALOG_2025.read_bytes()).hexdigest()
    assert any(r[0] == "目录" and r[3] == digest for r in rows)
    assert any(r[0] == "三定映射" for r in rows)
    assert any(r[0] == "GO101" for r in rows)  # the rule set


def test_findings_sheet_lists_check_results(run_line, tmp_path):
    out = tmp_path / "x.xlsx"
    result = run_line(f"govopen export {EXAMPLES / 'mistakes' / 'missing-field.yaml'} -o {out}")
    assert result.exit_code == 0
    ws = openpyxl.load_workbook(out)["问题清单"]
    row = [c.value for c in ws[3]]
    assert row[1] == "GO101" and row[3] == "错误" and row[5] == "JG-001"
    assert "missing-field.yaml:" in row[4]


def test_formula_looking_text_stays_text(write, tmp_path):
    catalog = write(
        "c.yaml",
        """format: 1
catalog: {id: t, title: 测试目录, agency: 测试局, year: 2025}
items:
  - id: A-1
    matter: [机构信息, "=HYPERLINK(\\"http://x\\")"]
    content: ["=SUM(A1:A2)", "+86 电话", "-1 级", "@备注"]
    basis: [《中华人民共和国政府信息公开条例》]
    deadline: 实时公开
    owner: 测试局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
""",
    )
    result = check_paths([catalog])
    out = tmp_path / "t.xlsx"
    export_workbook(result.catalogs[0].catalog, [], None, out)
    ws = openpyxl.load_workbook(out)["目录"]
    cell = ws["C4"]
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"
    assert cell.quotePrefix
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no formula at all in the 目录 sheet
    values = openpyxl.load_workbook(out, data_only=True)["目录"]["D4"].value
    assert values.splitlines() == ["1.=SUM(A1:A2)", "2.+86 电话", "3.-1 级", "4.@备注"]


def test_written_file_has_ordinary_permissions(run_line, tmp_path):
    import os
    import stat

    out = tmp_path / "x.xlsx"
    assert run_line(f"govopen export {CATALOG_2025} -o {out}", cwd=REPO).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_refuses_to_overwrite_without_force(run_line, tmp_path):
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"filled in by an inspector")
    result = run_line(f"govopen export {CATALOG_2025} -o {out}", cwd=REPO)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_bytes() == b"filled in by an inspector"
    assert run_line(f"govopen export {CATALOG_2025} -o {out} --force", cwd=REPO).exit_code == 0
    assert zipfile.is_zipfile(out)


def test_failed_write_leaves_no_temp_file_and_the_old_file_untouched(tmp_path, monkeypatch):
    from openpyxl.workbook.workbook import Workbook

    catalog = check_paths([CATALOG_2025]).catalogs[0].catalog
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"old")

    def broken_save(self, filename):
        Path(filename).write_bytes(b"half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(OutputError, match="No space left"):
        export_workbook(catalog, [], None, out, force=True)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.xlsx"]


def test_interrupted_write_leaves_no_temp_file(tmp_path, monkeypatch):
    from openpyxl.workbook.workbook import Workbook

    catalog = check_paths([CATALOG_2025]).catalogs[0].catalog

    def interrupted(self, filename):
        raise KeyboardInterrupt

    monkeypatch.setattr(Workbook, "save", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_workbook(catalog, [], None, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_missing_output_folder_is_an_output_error(tmp_path):
    catalog = check_paths([CATALOG_2025]).catalogs[0].catalog
    with pytest.raises(OutputError, match="输出目录不存在"):
        export_workbook(catalog, [], None, tmp_path / "nope" / "x.xlsx")


def test_progress_is_reported_to_the_end(tmp_path):
    catalog = check_paths([CATALOG_2025]).catalogs[0].catalog
    seen: list[tuple[int, int]] = []
    export_workbook(
        catalog, [], None, tmp_path / "x.xlsx", progress=lambda d, t: seen.append((d, t))
    )
    # Items, not rows: each item has a 目录 and a 检查表 row, counted once.
    assert seen[-1] == (len(catalog.items), len(catalog.items)) == (82, 82)
    assert all(total == 82 and done <= total for done, total in seen)


def test_layout_is_the_single_source_of_header_names():
    # Every header the writer uses is one the reader finds again.
    for col in layout.CATALOG_COLUMNS:
        assert layout.find_column(col.header) == col, col.header


def test_inspection_sheet_shows_a_count_stated_outside_the_wording(write, tmp_path):
    catalog = write(
        "c.yaml",
        """format: 1
catalog: {id: t, title: 测试目录, agency: 测试局, year: 2025}
items:
  - id: A-1
    matter: [机构信息, 机构职能]
    content: 职能
    basis: [《中华人民共和国政府信息公开条例》]
    deadline: {text: 按规定时限公开, days: 20, unit: 工作日}
    owner: 测试局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
  - id: A-2
    matter: [机构信息, 领导信息]
    content: 领导
    basis: [《中华人民共和国政府信息公开条例》]
    deadline: {text: 自信息形成之日起20个工作日内, days: 20, unit: 工作日}
    owner: 测试局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
""",
    )
    out = tmp_path / "t.xlsx"
    export_workbook(check_paths([catalog]).catalogs[0].catalog, [], None, out)
    ws = openpyxl.load_workbook(out)["检查表"]
    assert ws["F3"].value == "按规定时限公开（20个工作日）"
    assert ws["F4"].value == "自信息形成之日起20个工作日内"


def test_summary_says_its_rate_counts_dropdown_answers_only(exported):
    ws = openpyxl.load_workbook(exported)["汇总"]
    labels = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    rate = labels.index("合格率") + 1
    note = ws.cell(rate + 1, 1).value
    assert "只统计检查表下拉列的回答" in note and "以 govopen inspect" in note
    assert f"A{rate + 1}:F{rate + 1}" in _merged(ws)


def test_about_sheet_time_is_local_with_its_offset(tmp_path):
    import datetime as dt

    catalog = check_paths([CATALOG_2025]).catalogs[0].catalog
    out = tmp_path / "x.xlsx"
    zone = dt.timezone(dt.timedelta(hours=8))
    export_workbook(
        catalog, [], None, out, generated=dt.datetime(2026, 11, 26, 17, 52, 17, 5, zone)
    )
    about = {r[0]: r[1] for r in openpyxl.load_workbook(out)["说明"].iter_rows(values_only=True)}
    assert about["生成时间"] == "2026-11-26 17:52:17（UTC+08:00）"


def test_printed_header_and_footer_fit_in_their_margins(exported):
    for ws in openpyxl.load_workbook(exported).worksheets:
        margins = ws.page_margins
        # a 9-point line is 1/8 inch: it must end before the body starts
        assert margins.header + 0.125 < margins.top, ws.title
        assert margins.footer + 0.125 < margins.bottom, ws.title


# -- in print: page setup, row heights, what a reader without a calculator sees --------

EXCEL_MAX_ROW_HEIGHT = 409  # points: Excel cuts a taller row, and its text with it


def _heights(ws) -> list[float]:
    return [d.height for d in ws.row_dimensions.values() if d.height is not None]


def test_diff_workbook_prints_like_the_export_with_rows_as_tall_as_their_text(run_line, tmp_path):
    out = tmp_path / "变更.xlsx"
    old, new = CATALOGS / "pingyao-zrzyj" / "2024.yaml", CATALOG_2025
    assert run_line(f"govopen diff {old} {new} -f xlsx -o {out}").exit_code in (0, 1)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert "2025.yaml" in ws.oddHeader.center.text and "&P" in ws.oddFooter.center.text
    changes = wb["变更"]
    assert changes.print_title_rows == "$1:$1"
    # every text cell wraps, and a row with a long 说明 is taller than one line
    heights = {r: changes.row_dimensions[r].height for r in range(2, changes.max_row + 1)}
    assert all(h is not None and h <= EXCEL_MAX_ROW_HEIGHT for h in heights.values())
    assert max(heights.values()) > 2 * 15
    for row in changes.iter_rows(min_row=2):
        assert all(c.alignment.wrap_text for c in row if isinstance(c.value, str))


def test_no_row_is_taller_than_excel_allows_and_long_content_widens_its_column(
    write, run_line, tmp_path
):
    import yaml

    catalog = yaml.safe_load(CATALOG_2025.read_text(encoding="utf-8"))
    item = catalog["items"][0]
    item["content"] = [
        f"第{n}项公开内容：{'本机关依法应当主动公开的政府信息' * 3}" for n in range(1, 16)
    ]
    source = write("长内容.yaml", yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False))
    out = tmp_path / "长内容.xlsx"
    run_line(f"govopen export {source} -o {out}", cwd=CATALOG_2025.parent)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert max(_heights(ws), default=0) <= EXCEL_MAX_ROW_HEIGHT, ws.title
    ws = wb["目录"]
    headers = [c.value for c in ws[2]]
    letter = openpyxl.utils.get_column_letter(headers.index("公开内容（要素）") + 1)
    from govopen_cli.excel.writer import LINE_HEIGHT, text_lines

    text = ws[f"{letter}4"].value
    shown = (ws.row_dimensions[4].height - 4) // LINE_HEIGHT
    assert text_lines(text, ws.column_dimensions[letter].width) <= shown  # nothing cut off


def test_channel_legend_stands_under_the_catalog_table(exported):
    ws = openpyxl.load_workbook(exported)["目录"]
    last_item = max(
        r
        for r in range(4, ws.max_row + 1)
        if ws.cell(r, 1).value is not None and str(ws.cell(r, 1).value).isdigit()
    )
    [legend_row] = [r for r in range(1, ws.max_row + 1) if "■" in str(ws.cell(r, 1).value)]
    assert legend_row == last_item + 2
    assert "■ 为必选" in ws.cell(legend_row, 1).value and "□ 为可选" in ws.cell(legend_row, 1).value
    assert (
        f"A{legend_row}:{openpyxl.utils.get_column_letter(ws.max_column)}{legend_row}"
        in _merged(ws)
    )


def test_coverage_ids_stand_on_the_row_of_their_names(exported):
    ws = openpyxl.load_workbook(exported)["覆盖情况"]
    items = {
        ws.cell(r, 5).value: ws.cell(r, 6).value
        for r in range(3, ws.max_row + 1)
        if ws.cell(r, 5).value
    }
    assert all("\n" not in i and "\n" not in (m or "") for i, m in items.items())
    assert items["ZC-001"] == "政策文件/法律法规规章"
    assert items["GH-008"] == "规划信息/国土空间规划实施监测评估"
    # D06 is covered by eight items: eight rows, the duty's cells merged over them
    d06 = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == "D06")
    assert f"A{d06}:A{d06 + 7}" in _merged(ws) and f"D{d06}:D{d06 + 7}" in _merged(ws)
    assert ws.cell(d06 + 7, 5).value == "XK-004" and ws.cell(d06 + 8, 1).value == "D07"
    # 汇总 still counts each duty once
    duties = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value]
    assert len(duties) == len(set(duties)) == 18


def test_summary_shows_its_counts_to_readers_that_do_not_calculate(exported):
    # data_only: the cached values, as a preview, a phone viewer or pandas reads them
    values = openpyxl.load_workbook(exported, data_only=True)["汇总"]
    formulas = openpyxl.load_workbook(exported)["汇总"]
    rows = {
        values.cell(r, 1).value: [values.cell(r, c).value for c in range(2, 7)]
        for r in range(1, values.max_row + 1)
    }
    assert rows["是否公开"][:4] == [0, 0, 0, 82]  # 是 否 不适用 未填写: nothing answered yet
    assert rows["合计"][0] == 82
    assert rows["机构信息"][0] == 6
    import yaml

    items = yaml.safe_load(CATALOG_2025.read_text(encoding="utf-8"))["items"]
    modes = [it["mode"] if isinstance(it["mode"], list) else [it["mode"]] for it in items]
    assert rows["主动"][0] == sum("主动" in m for m in modes)
    assert rows["依申请"][0] == sum("依申请" in m for m in modes)
    assert rows["职责总数"][0] == 18
    from govopen_cli.diagnostics import Severity

    errors = check_paths([CATALOG_2025]).report.count(Severity.ERROR)
    warnings = check_paths([CATALOG_2025]).report.count(Severity.WARNING)
    assert rows["错误"][0] == errors
    assert rows["警告"][0] == warnings
    assert rows["覆盖率（已覆盖＋不予公开）"][0] == 1
    # every count has its value, and the formulas are still there; the rates
    # (=IF(…=0,"",…)) are rightly blank while nothing is answered
    counted = 0
    for row in formulas.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cached = values[cell.coordinate].value
                if cell.value.startswith("=IF(") and cell.coordinate != "B" + str(
                    next(
                        r
                        for r in range(1, values.max_row + 1)
                        if values.cell(r, 1).value == "覆盖率（已覆盖＋不予公开）"
                    )
                ):
                    assert cached is None, cell.coordinate
                else:
                    assert isinstance(cached, int | float), cell.coordinate
                    counted += 1
    assert counted > 40
