"""The 年度报告 table: counting by year, the identity per column, every output form."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from govopen_cli.reporters.annual_table import (
    display_width,
    render_table_markdown,
    render_table_text,
    render_table_xlsx,
    table_to_dict,
)
from govopen_cli.requests.annual_report import (
    COLUMNS,
    ROWS,
    AnnualTable,
    build_annual_table,
    check_identity,
)
from govopen_cli.requests.ledger import read_ledger

HEADER = "编号,收到日期,申请人类型,答复日期,处理结果"
# Counted by hand for 2025 (see each row's comment).
SMALL = [
    "A,2024-12-20,自然人,2025-01-10,予以公开",  # 二, 三(一)
    "B,2024-12-28,商业企业,2024-12-30,予以公开",  # not in 2025 at all
    "C,2025-03-01,自然人,2025-03-20,不予公开-属于国家秘密",  # 一, 三(三)1
    "D,2025-05-01,法律服务机构,2025-05-20,部分公开",  # 一, 三(二)
    "E,2025-12-20,自然人,,",  # 一, 四
    "F,2025-12-25,科研机构,2026-01-05,予以公开",  # 一, 四 (answered next year)
    "G,2024-11-01,社会公益组织,,",  # 二, 四
    "H,2025-02-01,法人或其他组织-其他,2025-02-10,其他处理-其他",  # 一, 三(六)3
    "I,2026-01-03,自然人,,",  # not in 2025
    "J,2025-04-01,商业企业,2025-04-10,不予处理-重复申请",  # 一, 三(五)2
]
#          自然人 商业 科研 公益 法律 其他 总计
EXPECTED = {
    "new": [2, 1, 1, 0, 1, 1, 6],
    "carried": [1, 0, 0, 1, 0, 0, 2],
    "result:予以公开": [1, 0, 0, 0, 0, 0, 1],
    "result:部分公开": [0, 0, 0, 0, 1, 0, 1],
    "result:不予公开:1": [1, 0, 0, 0, 0, 0, 1],
    "result:不予处理:2": [0, 1, 0, 0, 0, 0, 1],
    "result:其他处理:3": [0, 0, 0, 0, 0, 1, 1],
    "result-total": [2, 1, 0, 0, 1, 1, 5],
    "next": [1, 0, 1, 1, 0, 0, 3],
}


def table_for(tmp_path: Path, rows: list[str], year: int = 2025):
    path = tmp_path / "台账.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ledger = read_ledger(path, "台账.csv").ledger
    assert ledger is not None
    return build_annual_table(ledger, year), ledger


@pytest.fixture
def small(tmp_path) -> AnnualTable:
    return table_for(tmp_path, SMALL)[0]


def test_the_official_rows_in_order():
    labels = [r.full_label for r in ROWS]
    assert labels[0] == "一、本年新收政府信息公开申请数量"
    assert labels[1] == "二、上年结转政府信息公开申请数量"
    assert labels[2] == "（一）予以公开"
    assert labels[3] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert labels[4:12] == [
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ]
    assert [r.category for r in ROWS[12:15]] == ["（四）"] * 3
    assert [r.category for r in ROWS[15:20]] == ["（五）"] * 5
    assert [r.category for r in ROWS[20:23]] == ["（六）"] * 3
    assert labels[-2:] == ["（七）总计", "四、结转下年度继续办理"]
    assert len(ROWS) == 25
    assert COLUMNS == (
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    )


def test_counts_by_hand(small):
    for key, values in EXPECTED.items():
        assert small.counts[key] == values, key
    untouched = set(small.counts) - set(EXPECTED)
    assert all(small.counts[k] == [0] * 7 for k in untouched)
    assert small.failing_columns == []


def test_identity_failure_names_the_column(tmp_path):
    rows = [*SMALL, "K,2025-06-01,自然人,2025-06-10,不予公开"]
    table, ledger = table_for(tmp_path, rows)
    assert table.failing_columns == ["自然人", "总计"]
    diags = check_identity(table, ledger)
    assert [d.code for d in diags] == ["GR201", "GR201"]
    first = diags[0]
    assert "“自然人”列" in first.message
    assert "一 + 二 = 3 + 1 = 4，三（七）+ 四 = 2 + 1 = 3" in first.message
    assert "申请 K：已在本年答复，但处理结果为空或无法归类" in first.message
    assert first.line == 12  # the row of request K
    assert "“总计”列" in diags[1].message


def test_identity_failure_from_a_missing_receipt_date(tmp_path):
    rows = [*SMALL, "L,,商业企业,2025-07-01,予以公开"]
    table, ledger = table_for(tmp_path, rows)
    assert table.failing_columns == ["商业企业", "总计"]
    [business, _] = check_identity(table, ledger)
    assert "“法人或其他组织-商业企业”列" in business.message
    assert "收到日期为空或无法识别" in business.message


def test_unknown_applicant_is_not_counted(tmp_path):
    table, _ = table_for(tmp_path, [*SMALL, "M,2025-01-05,个体户?,2025-01-10,予以公开"])
    assert table.counts["new"] == EXPECTED["new"]
    assert [r.number for r in table.uncounted] == ["M"]


def test_another_year(tmp_path):
    table, _ = table_for(tmp_path, SMALL, year=2026)
    assert table.counts["new"][6] == 1  # I
    assert table.counts["carried"][6] == 3  # E, F, G
    assert table.counts["result-total"][6] == 1  # F answered 2026-01-05
    assert table.counts["next"][6] == 3
    assert table.failing_columns == []


# ── output forms ─────────────────────────────────────────────────────────────


def test_text_is_aligned(small):
    text = render_table_text(small)
    lines = text.splitlines()
    assert lines[0] == "收到和处理政府信息公开申请情况（2025 年度）"
    new = next(line for line in lines if line.startswith("一、"))
    total = next(line for line in lines if "（七）总计" in line)
    assert new.split()[-7:] == ["2", "1", "1", "0", "1", "1", "6"]
    assert total.split()[-7:] == ["2", "1", "0", "0", "1", "1", "5"]
    assert display_width(new) == display_width(total)
    assert "  （三）不予公开" in lines
    assert "各列均相符" in lines[-1]


def test_markdown(small):
    text = render_table_markdown(small)
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 2 | 1 | 1 | 0 | 1 | 1 | 6 |" in text
    assert "| 三、本年度办理结果 | （一）予以公开 |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" in text
    assert "|  | （三）不予公开 | 1.属于国家秘密 | 1 |" in text
    assert "法人或其他组织<br>商业企业" in text


def test_json(small):
    data = json.loads(json.dumps(table_to_dict(small)))
    assert data["year"] == 2025
    assert data["identity"] == {"holds": True, "failing_columns": [], "uncounted": []}
    assert data["rows"][0]["values"] == EXPECTED["new"]


def test_xlsx_read_back(small):
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(render_table_xlsx(small)))
    ws = wb.active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4", "A7:A28", "B9:B16"} <= merged
    assert ws["D3"].value == "自然人"
    assert [ws.cell(4, c).value for c in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert ws["J3"].value == "总计"
    assert ws["A5"].value == "一、本年新收政府信息公开申请数量"
    assert [ws.cell(5, c).value for c in range(4, 11)] == EXPECTED["new"]
    assert ws["A7"].value == "三、本年度办理结果"
    assert ws["B9"].value == "（三）不予公开"
    assert ws["C9"].value == "1.属于国家秘密"
    assert ws["B28"].value == "（七）总计"
    assert [ws.cell(28, c).value for c in range(4, 11)] == EXPECTED["result-total"]
    assert ws["A29"].value == "四、结转下年度继续办理"


def test_an_applicant_type_that_cannot_be_placed_is_stated_not_dropped(tmp_path):
    table, ledger = table_for(tmp_path, [*SMALL, "M,2025-01-05,个体户?,2025-01-10,予以公开"])
    assert not table.failing_columns  # both sides lack it ...
    [diag] = check_identity(table, ledger)  # ... so the table says it is short
    assert (diag.code, diag.line) == ("GR202", 12)
    assert "少计 申请 M：申请人类型“个体户?”无法归入任何一列" in diag.message
    assert "本表少计 1 件申请" in render_table_text(table)
    assert table_to_dict(table)["identity"]["uncounted"] == ["M"]


def test_a_request_outside_the_year_with_an_unknown_type_is_not_short(tmp_path):
    table, ledger = table_for(tmp_path, [*SMALL, "M,2023-01-05,个体户?,2023-01-10,予以公开"])
    assert check_identity(table, ledger) == [] and table.short_note == ""


def test_an_unknown_result_breaks_the_identity_and_the_table_says_so(tmp_path):
    table, ledger = table_for(tmp_path, [*SMALL, "N,2025-06-01,自然人,2025-06-10,已办"])
    assert table.failing_columns == ["自然人", "总计"]
    left, right = table.identity("总计")
    assert (left, right) == (9, 8)  # 一 + 二 counts N, 三 cannot
    [_natural, total] = check_identity(table, ledger)
    assert "申请 N：已在本年答复，但处理结果为空或无法归类" in total.message
    assert "自然人、总计 列不相符" in render_table_text(table)


def test_statutory_wordings_and_village_committees_are_counted(tmp_path):
    rows = [
        "P,2025-03-01,其他组织（村民委员会）,2025-03-20,经检索没有所申请公开的信息",
        "Q,2025-04-01,居民委员会,2025-04-20,所申请公开信息不属于本行政机关负责公开",
        "R,2025-05-06,自然人,2025-05-20,不属于本机关负责公开",
    ]
    table, ledger = table_for(tmp_path, rows)
    assert check_identity(table, ledger) == []
    assert table.value("new", "其他") == 2
    assert table.value("result:无法提供:1", "其他") == 2
    assert table.value("result:无法提供:1", "自然人") == 1
    assert table.value("result:予以公开", "总计") == 0


def test_the_workbook_says_the_table_is_short(tmp_path):
    import openpyxl

    table, _ = table_for(tmp_path, [*SMALL, "M,2025-01-05,个体户?,2025-01-10,予以公开"])
    wb = openpyxl.load_workbook(io.BytesIO(render_table_xlsx(table)))
    texts = [str(c.value) for row in wb.active.iter_rows() for c in row if c.value]
    assert any("各列均相符。本表少计 1 件申请" in t for t in texts)
