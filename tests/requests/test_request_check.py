"""Deadlines under 第三十条—第三十三条, refusals, and 主动公开 candidates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from govopen_cli.calendar.workday import WorkdayCalendar, calendar_for
from govopen_cli.catalog.config import Config, load_config
from govopen_cli.checks.rules import load_rules
from govopen_cli.codes import iter_codes
from govopen_cli.errors import ConfigError
from govopen_cli.requests.check import RequestCheckOptions, check_ledger
from govopen_cli.requests.conversion import drafts_yaml, similarity_text
from govopen_cli.requests.deadline import due_date
from govopen_cli.requests.ledger import read_ledger
from govopen_cli.requests.settings import RequestSettings
from ledger_files import EXAMPLES

DATA = Path(__file__).parents[1] / "data"
CASES = yaml.safe_load((DATA / "request_cases.yaml").read_text(encoding="utf-8"))
TEST_HOLIDAYS = DATA / "holidays-test-2027.yaml"
D = dt.date.fromisoformat
CAL = WorkdayCalendar()


def run(
    tmp_path: Path,
    rows: list[str],
    today: str,
    *,
    calendar: WorkdayCalendar = CAL,
    catalog: Path | None = None,
    config: Config | None = None,
):
    path = tmp_path / "台账.csv"
    path.write_text(CASES["header"] + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    config = config or Config()
    options = RequestCheckOptions(
        calendar=calendar,
        today=D(today),
        config=config,
        settings=RequestSettings.from_config(config),
        catalog_path=catalog,
    )
    return check_ledger(path, options, display="台账.csv")


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_request_case(tmp_path, case):
    calendar = calendar_for(TEST_HOLIDAYS) if case.get("holidays") else CAL
    result = run(tmp_path, case["rows"], str(case["today"]), calendar=calendar)
    found = [[d.code, d.line] for d in result.report.sorted()]
    assert found == case["expect"], [d.message for d in result.report.sorted()]


def test_every_finding_has_a_passing_and_a_failing_case():
    failing = {code for case in CASES["cases"] for code, _ in case["expect"]}
    missing = [r.code for r in iter_codes(["GR1"]) if r.code not in failing]
    assert missing == [], "GR1xx codes without a failing case in request_cases.yaml"
    passing = [case["name"] for case in CASES["cases"] if not case["expect"]]
    assert len(passing) >= 7


# ── due dates ────────────────────────────────────────────────────────────────


def test_due_date_of_the_example_requests():
    ledger = read_ledger(EXAMPLES / "台账-2025.csv").ledger
    by_number = {r.number: r for r in ledger.requests}
    # received on a Friday before the National Day holiday: the domain check
    assert due_date(by_number["2025-022"], CAL).due == D("2025-10-30")
    # extended (+20) and 15 工作日 of third-party consultation
    due = due_date(by_number["2025-012"], CAL)
    assert due.days == 55
    assert "延期 20 个工作日" in due.basis
    assert "征求第三方意见 15 个工作日不计入" in due.basis
    # 补正: counted from the day the completed request arrived
    due = due_date(by_number["2025-007"], CAL)
    assert due.start == D("2025-04-02")
    assert due.due == D("2025-04-30")
    # still waiting for 补正: no due date
    assert due_date(by_number["2025-027"], CAL).paused


def test_messages_say_how_the_deadline_was_counted(tmp_path):
    result = run(tmp_path, ["1,2025-03-03,自然人,x,,,否,,2025-04-10,予以公开,,"], "2025-12-31")
    [diag] = result.report.diagnostics
    assert diag.message == (
        "申请 1 答复逾期 7 个工作日：2025-03-03 收到申请起 20 个工作日，应在 2025-03-31 前答复，"
        "实际 2025-04-10 答复（条例第三十三条）"
    )
    assert (diag.line, diag.column) == (2, 25)  # the 答复日期 cell
    assert diag.name == "answered-late"
    assert diag.fingerprint == "GR101:ledger:1:答复日期"


def test_unknown_year_message_names_the_fix(tmp_path):
    result = run(tmp_path, ["1,2026-12-20,自然人,x,,,否,,,,,"], "2026-12-25")
    [diag] = result.report.diagnostics
    assert "2027" in diag.message and "holidays" in diag.message


# ── conversion candidates ────────────────────────────────────────────────────

SAME_ITEM = [
    "1,2025-01-06,自然人,甲村征地报批材料,,,否,,2025-01-20,予以公开,,ZD-006",
    "2,2025-03-06,自然人,乙村的征地材料,,,否,,2025-03-20,予以公开,,ZD-006",
    "3,2025-05-06,商业企业,补充耕地方案,,,否,,2025-05-20,部分公开,,ZD-006",
]
SIMILAR = [
    "1,2025-06-03,自然人,申请公开平遥县土地征收成片开发方案（2025年）,,,否,,2025-06-20,予以公开,,",
    "2,2025-06-23,自然人,请提供平遥县2025年土地征收成片开发方案全文,,,否,,2025-07-08,予以公开,,",
    "3,2025-08-18,自然人,申请公开平遥县土地征收成片开发方案及省政府批复,,,否,,2025-09-05,予以公开,,",
]


def test_candidate_for_an_on_request_item_of_the_catalog(tmp_path):
    result = run(tmp_path, SAME_ITEM, "2025-12-31", catalog=DATA / "catalog-small.yaml")
    [diag] = result.report.diagnostics
    assert "ZD-006「征地审查报批 / 征地报批材料」" in diag.message
    assert "mode: [主动, 依申请]" in diag.message
    [candidate] = result.candidates
    assert candidate.draft["mode"] == ["主动", "依申请"]
    assert candidate.numbers == "1、2、3"
    assert "id: ZD-006" in drafts_yaml(result.candidates)


def test_candidate_for_a_proactive_item(tmp_path):
    rows = [r.replace("ZD-006", "TD-001") for r in SAME_ITEM]
    result = run(tmp_path, rows, "2025-12-31", catalog=DATA / "catalog-small.yaml")
    [diag] = result.report.diagnostics
    assert "已列为主动公开" in diag.message
    assert result.candidates[0].draft is None


def test_draft_item_for_similar_requests(tmp_path):
    result = run(tmp_path, SIMILAR, "2025-12-31", catalog=DATA / "catalog-small.yaml")
    [diag] = result.report.diagnostics
    assert "目录中没有对应事项" in diag.message
    snippet = diag.message.split("草拟事项：", 1)[1]
    draft = yaml.safe_load(snippet)
    assert draft["id"] == "DRAFT-001"
    assert draft["owner"] == "测试县自然资源局"
    assert draft["levels"] == ["县级"]
    assert draft["mode"] == "主动"
    assert draft["content"] == ["平遥县土地征收成片开发方案（2025年）"]
    items = yaml.safe_load(drafts_yaml(result.candidates))["items"]
    assert items == [draft]


def test_unknown_catalog_item(tmp_path):
    rows = ["1,2025-01-06,自然人,x,,,否,,2025-01-20,予以公开,,ZD-99"]
    result = run(tmp_path, rows, "2025-12-31", catalog=DATA / "catalog-small.yaml")
    [diag] = result.report.diagnostics
    assert diag.code == "GR011"
    assert "ZD-99" in diag.message


def test_threshold_and_similarity_from_the_config(tmp_path):
    (tmp_path / "govopen.toml").write_text(
        "[requests]\nconversion-threshold = 2\nsimilarity = 99\n", encoding="utf-8"
    )
    config = load_config(tmp_path / "govopen.toml")
    result = run(tmp_path, SAME_ITEM[:2], "2025-12-31", config=config)
    assert [d.code for d in result.report.diagnostics] == ["GR105"]
    result = run(tmp_path, SIMILAR, "2025-12-31", config=config)
    assert result.report.diagnostics == []  # 99 is stricter than these wordings


def test_due_soon_days_from_the_config(tmp_path):
    (tmp_path / "govopen.toml").write_text("[requests]\ndue-soon-days = 2\n", encoding="utf-8")
    config = load_config(tmp_path / "govopen.toml")
    result = run(tmp_path, ["1,2025-12-08,自然人,x,,,否,,,,,"], "2025-12-31", config=config)
    assert result.report.diagnostics == []  # 3 工作日 left


def test_ignore_and_severity_apply(tmp_path):
    (tmp_path / "govopen.toml").write_text(
        'ignore = ["GR105"]\n[severity]\nGR101 = "warning"\n', encoding="utf-8"
    )
    config = load_config(tmp_path / "govopen.toml")
    rows = [*SAME_ITEM, "4,2025-03-03,自然人,x,,,否,,2025-04-10,予以公开,,"]
    result = run(tmp_path, rows, "2025-12-31", config=config)
    assert [(d.code, d.severity.label) for d in result.report.diagnostics] == [("GR101", "warning")]


@pytest.mark.parametrize(
    "table",
    [
        "similarity = 120",
        "conversion-threshold = 1",
        "conversion-threshold = 2.5",
        'due-soon-days = "5"',
        "similar = 80",
    ],
)
def test_bad_requests_settings(tmp_path, table):
    (tmp_path / "govopen.toml").write_text(f"[requests]\n{table}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path / "govopen.toml")


def test_similarity_text_drops_boilerplate_and_short_contents():
    assert similarity_text("申请公开土地") == ""
    assert similarity_text("请提供平遥县供应计划") == "平遥 遥县 县供 供应 应计 计划"


def test_the_example_ledger(tmp_path):
    options = RequestCheckOptions(calendar=CAL, today=D("2025-12-31"))
    result = check_ledger(EXAMPLES / "台账-2025.csv", options, display="台账-2025.csv")
    found = [(d.code, d.message.split(" ", 2)[1]) for d in result.report.sorted()]
    assert found == [
        ("GR105", "有"),
        ("GR101", "2025-005"),
        ("GR106", "2025-008"),
        ("GR105", "有"),
        ("GR104", "2025-018"),
        ("GR102", "2025-025"),
        ("GR103", "2025-028"),
    ]


def test_every_gr_code_is_documented_in_four_parts():
    rules = list(iter_codes(["GR"]))
    assert len(rules) == 20
    for rule in rules:
        summary, *parts = rule.doc.split("\n\n")
        assert summary == rule.summary and "：" not in summary, rule.code
        assert [p.split("：", 1)[0] for p in parts] == ["检查", "依据", "错误示例", "修改"]
        assert rule.code not in load_rules()  # reported by the ledger reader and the checks


def test_an_overdue_request_says_which_deadline_has_passed(tmp_path):
    ledger = tmp_path / "l.csv"
    ledger.write_text(
        "编号,收到日期,申请人类型,答复日期,处理结果\n1,2025-11-03,自然人,,\n", "utf-8"
    )
    options = RequestCheckOptions(calendar=WorkdayCalendar(), today=dt.date(2025, 12, 31))
    message = next(d.message for d in check_ledger(ledger, options).report.diagnostics)
    assert "答复期限（2025-12-01）已过 22 个工作日" in message


def test_overdue_in_an_unknown_year_says_so_without_guessing_the_count(tmp_path):
    result = run(tmp_path, ["1,2026-11-02,自然人,x,,,否,,,,,"], "2027-01-05")
    [diag] = result.report.diagnostics
    assert diag.code == "GR102"
    assert (
        "答复期限（2026-11-30）已过 36 天（工作日数要用 2027 年的节假日安排计算）" in diag.message
    )


def test_open_question_names_the_year_and_the_notice_command(tmp_path):
    result = run(tmp_path, ["1,2026-12-20,自然人,x,,,否,,,,,"], "2027-01-20")
    [diag] = result.report.diagnostics
    assert (diag.code, diag.severity.name) == ("GR107", "WARNING")
    assert "2027 年的节假日安排" in diag.message
    assert "govopen workdays notice 通知.txt -o holidays/2027.yaml" in diag.message


# ── 第四十四条: 多个申请人, not repeated requests ────────────────────────────────

NAMED_HEADER = "编号,收到日期,申请人,申请人类型,申请内容,答复日期,处理结果,关联事项"


def _named(tmp_path: Path, rows: list[str]):
    path = tmp_path / "台账.csv"
    path.write_text(NAMED_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    options = RequestCheckOptions(calendar=CAL, today=D("2025-12-31"))
    return check_ledger(path, options, display="台账.csv")


def test_one_applicant_asking_three_times_is_one_applicant(tmp_path):
    rows = [
        "1,2025-01-06,张某,自然人,征地报批材料,2025-01-20,予以公开,ZD-006",
        "2,2025-03-06,张某,自然人,征地报批材料,2025-03-20,予以公开,ZD-006",
        "3,2025-05-06,张 某,自然人,征地报批材料,2025-05-20,予以公开,ZD-006",
    ]
    assert _named(tmp_path, rows).report.diagnostics == []


def test_three_applicants_are_a_candidate_and_the_message_counts_people(tmp_path):
    rows = [
        "1,2025-01-06,张某,自然人,征地报批材料,2025-01-20,予以公开,ZD-006",
        "2,2025-03-06,张某,自然人,征地报批材料,2025-03-20,予以公开,ZD-006",
        "3,2025-05-06,李某,自然人,征地报批材料,2025-05-20,予以公开,ZD-006",
        "4,2025-06-06,某村民委员会,其他组织（村民委员会）,征地报批材料,2025-06-20,予以公开,ZD-006",
    ]
    [diag] = _named(tmp_path, rows).report.diagnostics
    assert diag.code == "GR105"
    assert "3 位申请人的 4 件申请（1、2、3、4；同一申请人多次申请只计一位）" in diag.message


def test_without_names_the_message_says_it_counts_requests(tmp_path):
    [diag] = run(tmp_path, SAME_ITEM, "2025-12-31").report.diagnostics
    assert "3 件申请（1、2、3；台账没有“申请人”列，按申请件数计）" in diag.message
