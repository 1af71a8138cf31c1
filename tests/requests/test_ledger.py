"""Reading the 台账: every format, header variants, date forms, located problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govopen_cli.excel.ledger_sheet import read_ledger_sheet
from govopen_cli.requests.ledger import LedgerResult, read_ledger
from govopen_cli.requests.ledger_columns import match_header
from govopen_cli.requests.ledger_values import (
    Outcome,
    parse_applicant,
    parse_flag,
    parse_outcome,
    parse_workdays,
)
from ledger_files import EXAMPLES, write_xlsx

D = dt.date.fromisoformat
HEADER = "编号,收到日期,申请人类型,申请内容,答复日期,处理结果"


def read_csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> LedgerResult:
    path = tmp_path / "台账.csv"
    path.write_bytes(text.encode(encoding))
    return read_ledger(path, "台账.csv")


def codes(result: LedgerResult) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.line, d.column) for d in result.diagnostics)


def fields(result: LedgerResult) -> list[tuple[object, ...]]:
    assert result.ledger is not None
    return [
        (
            r.number,
            r.received,
            r.applicant,
            r.content,
            r.correction_notice,
            r.correction_received,
            r.extended,
            r.third_party_days,
            r.answered,
            r.outcome,
            r.ground,
            r.item,
        )
        for r in result.ledger.requests
    ]


# ── the bundled example ──────────────────────────────────────────────────────


def test_the_three_example_formats_hold_the_same_requests():
    results = [
        read_ledger(EXAMPLES / f"台账-2025.{ext}", read_workbook=read_ledger_sheet)
        for ext in ("csv", "xlsx", "yaml")
    ]
    for result in results:
        assert result.diagnostics == []
    csv_rows = fields(results[0])
    assert len(csv_rows) == 33
    assert fields(results[1]) == csv_rows
    assert fields(results[2]) == csv_rows


def test_example_values():
    ledger = read_ledger(EXAMPLES / "台账-2025.csv").ledger
    assert ledger is not None
    by_number = {r.number: r for r in ledger.requests}
    assert by_number["2025-010"].received == D("2025-05-06")  # written 2025/5/6
    assert by_number["2025-011"].answered == D("2025-07-04")  # written 2025年7月4日
    assert by_number["2025-012"].extended and by_number["2025-012"].third_party_days == 15
    assert by_number["2025-024"].outcome == Outcome("不予公开", 6)  # from the 理由 column
    assert by_number["2025-020"].applicant == "法律服务机构"
    assert by_number["2025-002"].applicant == "法律服务机构"  # 律师事务所
    assert by_number["2025-018"].applicant == "其他"  # 其他组织
    assert by_number["2025-025"].open
    assert not by_number["2025-024"].open


def test_example_yaml_is_located_by_line():
    ledger = read_ledger(EXAMPLES / "台账-2025.yaml").ledger
    assert ledger is not None
    assert ledger.agency == "平遥县自然资源局"
    first = ledger.requests[0]
    assert first.row.line == 5
    assert first.at("answered").line == 10
    assert first.at("answered").pointer == "/requests/0/答复日期"


# ── headers ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("收到日期", "received"),
        ("申请日期", "received"),
        ("登记日期", "received"),
        ("答复日期", "answered"),
        ("办结日期", "answered"),
        ("办理结果", "result"),
        ("征求第三方意见天数（工作日）", "third_party_days"),
        ("* 编号", "number"),
        ("补正收到日期", "correction_received"),
        ("是否延期", "extended"),
        ("申请人", "applicant_name"),
        ("申请人姓名", "applicant_name"),
        ("备注", ""),
        ("答复曰期", None),
    ],
)
def test_header_variants(header, key):
    assert match_header(header) == key


def test_title_row_and_variant_headers(tmp_path):
    text = (
        "平遥县自然资源局2025年依申请公开登记台账,,,,,\n"
        "序号,申请日期,申请人类别,申请公开内容,办结日期,办理结果\n"
        "1,2025-09-26,个人,国有建设用地供应计划,2025-10-30,同意公开\n"
    )
    result = read_csv(tmp_path, text)
    assert result.diagnostics == []
    [request] = result.ledger.requests
    assert (request.number, request.received, request.applicant) == ("1", D("2025-09-26"), "自然人")
    assert request.outcome == Outcome("予以公开")
    assert request.row.line == 3


def test_missing_required_column(tmp_path):
    result = read_csv(tmp_path, "编号,收到日期,申请内容\n1,2025-01-06,x\n")
    messages = [d.message for d in result.diagnostics if d.code == "GR002"]
    assert len(messages) == 3
    assert any("申请人类型" in m for m in messages)
    assert any("答复日期" in m for m in messages)


def test_unknown_column_is_reported_at_its_header(tmp_path):
    result = read_csv(tmp_path, HEADER + ",答复曰期\n1,2025-01-06,自然人,x,,,\n")
    [diag] = [d for d in result.diagnostics if d.code == "GR009"]
    assert (diag.line, diag.column) == (1, len(HEADER) + 2)
    assert "答复曰期" in diag.message


def test_no_header_row(tmp_path):
    result = read_csv(tmp_path, "a,b,c\n1,2,3\n")
    assert result.ledger is None
    assert codes(result) == [("GR001", 1, 1)]


# ── dates ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "written", ["2025-09-26", "2025/9/26", "2025.9.26", "2025年9月26日", "20250926"]
)
def test_csv_date_forms(tmp_path, written):
    result = read_csv(tmp_path, f"{HEADER}\n1,{written},自然人,x,,\n")
    assert result.diagnostics == []
    assert result.ledger.requests[0].received == D("2025-09-26")


def test_bad_csv_date_is_located_at_its_cell(tmp_path):
    result = read_csv(tmp_path, f"{HEADER}\n1,2025-01-06,自然人,x,,\n2,9月26日,自然人,y,,\n")
    [diag] = result.diagnostics
    assert (diag.code, diag.file, diag.line, diag.column) == ("GR003", "台账.csv", 3, 3)
    assert "9月26日" in diag.message
    # the row is kept, with the date empty: never skipped silently
    assert [r.number for r in result.ledger.requests] == ["1", "2"]
    assert result.ledger.requests[1].received is None
    assert "received" in result.ledger.requests[1].invalid


def test_lines_after_a_multi_line_cell(tmp_path):
    text = f'{HEADER}\n1,2025-01-06,自然人,"第一行\n第二行",,\n2,2025-13-01,自然人,y,,\n'
    result = read_csv(tmp_path, text)
    assert result.ledger.requests[0].content == "第一行\n第二行"
    assert codes(result) == [("GR003", 4, 3)]


def test_xlsx_cells(tmp_path):
    path = tmp_path / "台账.xlsx"
    write_xlsx(
        path,
        [
            HEADER.split(","),
            ["1", "2025-09-26", "自然人", "x", dt.datetime(2025, 10, 30), "予以公开"],
            ["2", 45926, "自然人", "y", "2025年10月30日", "予以公开"],
            [3, "2025/9/26", "自然人", "z", "", ""],
            ["4", "下周一", "自然人", "w", "", ""],
        ],
        title="台账",
    )
    result = read_ledger(path, "台账.xlsx", read_workbook=read_ledger_sheet)
    requests = result.ledger.requests
    assert [r.received for r in requests[:3]] == [D("2025-09-26")] * 3
    assert requests[0].answered == requests[1].answered == D("2025-10-30")
    assert requests[2].number == "3"
    [diag] = result.diagnostics
    assert diag.code == "GR003"
    assert diag.source == "台账!B6"
    assert (diag.file, diag.line, diag.column) == ("台账.xlsx", 6, 2)


def test_xlsx_prefers_the_sheet_with_a_header(tmp_path):
    import openpyxl

    path = tmp_path / "l.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表登记依申请公开"])
    ws = wb.create_sheet("2025年")
    ws.append(HEADER.split(","))
    ws.append(["1", dt.date(2025, 1, 6), "自然人", "x", None, None])
    wb.save(path)
    result = read_ledger(path, read_workbook=read_ledger_sheet)
    assert result.ledger.sheet == "2025年"
    assert len(result.ledger.requests) == 1


def test_corrupt_xlsx(tmp_path):
    path = tmp_path / "l.xlsx"
    path.write_bytes(b"not a zip")
    result = read_ledger(path, read_workbook=read_ledger_sheet)
    assert result.ledger is None
    assert [d.code for d in result.diagnostics] == ["GR001"]


def test_an_xlsx_ledger_needs_a_workbook_reader(tmp_path):
    path = tmp_path / "l.xlsx"
    write_xlsx(path, [HEADER.split(","), ["1", "2025-09-26", "自然人", "x", "", ""]])
    with pytest.raises(ValueError, match="read_workbook"):
        read_ledger(path)


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "l.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    result = read_ledger(path)
    assert result.ledger is None
    assert ".xls" in result.diagnostics[0].message


# ── encodings ────────────────────────────────────────────────────────────────


def test_gb18030_csv_is_read_and_reported(tmp_path):
    result = read_csv(tmp_path, f"{HEADER}\n1,2025-01-06,自然人,征地,,\n", encoding="gb18030")
    assert [d.code for d in result.diagnostics] == ["GR005"]
    assert "GB18030" in result.diagnostics[0].message
    assert result.ledger.requests[0].content == "征地"


def test_utf8_bom_is_fine(tmp_path):
    result = read_csv(tmp_path, f"{HEADER}\n1,2025-01-06,自然人,x,,\n", encoding="utf-8-sig")
    assert result.diagnostics == []


def test_tab_separated(tmp_path):
    result = read_csv(tmp_path, HEADER.replace(",", "\t") + "\n1\t2025-01-06\t自然人\tx\t\t\n")
    assert result.diagnostics == []
    assert result.ledger.requests[0].received == D("2025-01-06")


# ── values ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("自然人", "自然人"),
        ("公民", "自然人"),
        ("法人或其他组织-商业企业", "商业企业"),
        ("法人或其他组织（科研机构）", "科研机构"),
        ("山西某某房地产开发有限公司", "商业企业"),
        ("律师事务所", "法律服务机构"),
        ("社会公益组织", "社会公益组织"),
        ("法人或其他组织-其他", "其他"),
        ("法人或其他组织", None),
        ("个体户?", None),
    ],
)
def test_applicant_kinds(text, kind):
    assert parse_applicant(text) == kind


@pytest.mark.parametrize(
    ("text", "ground", "outcome"),
    [
        ("予以公开", "", Outcome("予以公开")),
        ("已主动公开，告知获取途径", "", Outcome("予以公开")),
        ("部分公开", "", Outcome("部分公开")),
        ("不予公开-属于国家秘密", "", Outcome("不予公开", 1)),
        ("不予公开（4）", "", Outcome("不予公开", 4)),
        ("不予公开-1", "", Outcome("不予公开", 1)),
        ("涉及个人隐私，不予公开", "", Outcome("不予公开", 4)),
        ("不予公开", "属于过程性信息", Outcome("不予公开", 6)),
        ("不予公开", "", Outcome("不予公开", None)),
        ("（三）不予公开 7.属于行政执法案卷", "", Outcome("不予公开", 7)),
        ("无法提供-没有现成信息需要另行制作", "", Outcome("无法提供", 2)),
        ("信息不存在", "", Outcome("无法提供", 1)),
        ("不予处理-重复申请", "", Outcome("不予处理", 2)),
        ("重复申请", "", Outcome("不予处理", 2)),
        ("其他处理-申请人无正当理由逾期不补正", "", Outcome("其他处理", 1)),
        ("其他处理-其他", "", Outcome("其他处理", 3)),
        ("其他处理", "", Outcome("其他处理", None)),
    ],
)
def test_outcomes(text, ground, outcome):
    reading = parse_outcome(text, ground)
    assert reading.outcome == outcome
    assert reading.problem == ""


@pytest.mark.parametrize(
    ("text", "ground"), [("已办", ""), ("不予公开-9", ""), ("不予公开", "领导不同意")]
)
def test_unreadable_outcomes(text, ground):
    assert parse_outcome(text, ground).problem


def test_flags_and_days():
    assert parse_flag("是") is True
    assert parse_flag("否") is False
    assert parse_flag("") is False
    assert parse_flag(True) is True
    assert parse_flag("可能") is None
    assert parse_workdays("15") == 15
    assert parse_workdays("15个工作日") == 15
    assert parse_workdays(15.0) == 15
    assert parse_workdays("") == 0
    assert parse_workdays("15天") is None
    assert parse_workdays("两周") is None


def test_bad_values_are_located(tmp_path):
    text = (
        "编号,收到日期,申请人类型,申请内容,是否延期,征求第三方意见天数,答复日期,处理结果\n"
        "1,2025-01-06,个体户?,x,可能,两周,2025-01-20,已办\n"
        "2,2025-01-06,自然人,x,,,2025-01-20,其他处理\n"
    )
    result = read_csv(tmp_path, text)
    assert codes(result) == [
        ("GR004", 2, 14),
        ("GR004", 2, 21),
        ("GR004", 2, 24),
        ("GR004", 2, 38),
        ("GR004", 3, 33),
    ]
    assert len(result.ledger.requests) == 2


# ── consistency ──────────────────────────────────────────────────────────────


def test_open_request_and_missing_pairs(tmp_path):
    text = (
        f"{HEADER}\n"
        "1,2025-01-06,自然人,open,,\n"
        "2,2025-01-06,自然人,answered-no-result,2025-01-20,\n"
        "3,2025-01-06,自然人,result-no-date,,予以公开\n"
        ",2025-01-06,,no-number,,\n"
    )
    result = read_csv(tmp_path, text)
    assert result.ledger.requests[0].open
    assert codes(result) == [
        ("GR007", 3, 48),
        ("GR007", 4, 33),
        ("GR007", 5, 1),
        ("GR007", 5, 13),
    ]


def test_date_order(tmp_path):
    text = (
        "编号,收到日期,申请人类型,补正通知日期,补正收到日期,答复日期,处理结果\n"
        "1,2025-05-06,自然人,2025-05-01,2025-04-30,2025-04-29,予以公开\n"
    )
    result = read_csv(tmp_path, text)
    assert [c for c, _, _ in codes(result)] == ["GR006", "GR006", "GR006", "GR006"]


def test_duplicate_numbers_and_number_only_rows(tmp_path):
    text = (
        f"{HEADER}\n"
        "7,2025-01-06,自然人,x,,\n"
        "7,2025-01-07,自然人,y,,\n"
        "8,,,,,\n"
        "9,,,,,\n"
        ",,,,,\n"
        "11,,,,,\n"
    )
    result = read_csv(tmp_path, text)
    assert codes(result) == [("GR008", 3, 1), ("GR010", 4, 1)]
    info = next(d for d in result.diagnostics if d.code == "GR010")
    assert "第 4—5、7 行" in info.message
    assert len(result.ledger.requests) == 2


# ── YAML ledgers ─────────────────────────────────────────────────────────────


def test_yaml_ledger(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_text(
        "requests:\n"
        "  - 编号: 001\n"
        "    收到日期: 2025-09-26\n"
        "    申请人类型: 自然人\n"
        "    答复日期: 2025年10月30日\n"
        "    处理结果: 予以公开\n"
        "    是否延期: true\n"
        "  - 编号: '002'\n"
        "    收到日期: 2025-02-30\n"
        "    申请人类型: 自然人\n"
        "    答复曰期: 2025-03-01\n",
        encoding="utf-8",
    )
    result = read_ledger(path, "l.yaml")
    first, _second = result.ledger.requests
    assert first.number == "001"
    assert first.answered == D("2025-10-30")
    assert first.extended
    assert codes(result) == [("GR003", 9, 11), ("GR009", 11, 5)]


def test_yaml_syntax_error_uses_the_loader(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_text("requests:\n  - 编号: '1\n", encoding="utf-8")
    result = read_ledger(path)
    assert result.ledger is None
    assert [d.code for d in result.diagnostics] == ["GO001"]


def test_yaml_without_requests(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_text("agency: x\n", encoding="utf-8")
    result = read_ledger(path)
    assert result.ledger is None
    assert [d.code for d in result.diagnostics] == ["GR001"]


def test_unclosed_quote_is_not_read_silently(tmp_path):
    text = f'{HEADER}\n1,2025-01-06,自然人,"未闭合,,\n2,2025-01-07,自然人,x,,\n3,2025-01-08,自然人,y,,\n'
    result = read_csv(tmp_path, text)
    assert result.ledger is None
    [diag] = result.diagnostics
    assert (diag.code, diag.line, diag.column) == ("GR001", 2, 18)
    assert "其后 2 行" in diag.message


def test_data_in_a_column_without_header(tmp_path):
    # an unquoted comma in 申请内容 pushes every later cell one column right
    result = read_csv(tmp_path, f"{HEADER}\n1,2025-01-06,自然人,甲,乙,2025-01-10,予以公开\n")
    assert codes(result) == [("GR003", 2, 20), ("GR004", 2, 22), ("GR009", 2, 33)]
    unlabeled = next(d for d in result.diagnostics if d.code == "GR009")
    assert "第 7 列没有表头" in unlabeled.message


def test_xlsx_column_without_header(tmp_path):
    path = tmp_path / "l.xlsx"
    write_xlsx(
        path, [[*HEADER.split(","), None], ["1", "2025-01-06", "自然人", "x", "", "", "备注"]]
    )
    result = read_ledger(path, read_workbook=read_ledger_sheet)
    [diag] = result.diagnostics
    assert (diag.code, diag.source) == ("GR009", "台账!G2")


def test_a_yaml_ledger_that_is_a_bare_list_is_told_what_a_ledger_needs(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_text("- 编号: 1\n  收到日期: 2025-09-26\n", encoding="utf-8")
    result = read_ledger(path)
    assert result.ledger is None and not result.unreadable
    assert [(d.code, d.line) for d in result.diagnostics] == [("GR001", 1)]
    message = result.diagnostics[0].message
    assert "requests:" in message and "目录文件" not in message
