"""No false finding: a lawful 市级 catalog gets no error and no warning.

tests/checks/lawful/catalog.yaml is a 37-item 基本目录 of a (fictional) 市级 自然资源和规划局,
worded like real 标准目录 rows, with every 征地 二级事项 of the 2019 guide and the categories
the 条例 requires, and its 三定 mapping. Several rows use lawful wordings that earlier
versions reported as errors (the official 492号/711号 citation, a proactive 15个工作日, a
posting period "公告30日", a lead time "开始日前20日", a 现状调查 row that mentions the 预公告,
one notice split into rows by 公开主体, "其他（中国土地市场网）", the 法治政府建设年度报告).
`govopen inspect` (GI101) and `govopen diff` (GD201) read 公开时限 the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

REPO = Path(__file__).resolve().parents[2]
LAWFUL = Path(__file__).resolve().parent / "lawful"
CATALOG = LAWFUL / "catalog.yaml"
D = dt.date


def _diagnostics(result) -> list[dict]:
    return json.loads(result.stdout)["diagnostics"]


def test_the_lawful_catalog_has_no_error_and_no_warning(run_line):
    result = run_line(f"govopen check {CATALOG} --format json", cwd=REPO)
    found = [
        f"{d['line']}: {d['code']} {d['message']}"
        for d in _diagnostics(result)
        if d["severity"] in ("error", "warning")
    ]
    assert found == []
    assert result.exit_code == 0


def test_the_lawful_catalog_is_a_city_catalog_with_every_zhengdi_matter():
    import yaml

    data = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    assert data["catalog"]["level"] == "市级"
    items = data["items"]
    assert len(items) >= 30
    matters = {m for item in items for m in item["matter"]}
    guide = {
        "拟征收土地告知",
        "拟征收土地现状调查",
        "拟征地听证",
        "征地报批材料",
        "征地批准文件",
        "征收土地公告",
        "征地补偿登记",
        "征地补偿安置方案公告",
        "征地补偿安置方案听证",
        "征地补偿费用支付",
    }
    assert guide <= matters


def test_the_lawful_catalog_covers_its_sanding(run_line):
    result = run_line(f"govopen coverage {CATALOG} --min-coverage 100", cwd=REPO)
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize(
    ("code", "old", "new"),
    [
        # A posting period without a cue word is how long the notice stays up.
        ("GD201", "自信息形成之日起5个工作日内发布", "公示30天，期满后5个工作日内发布"),
        # A lead time before an event is not a publishing deadline.
        ("GD201", "自信息形成之日起10个工作日内", "至少在挂牌开始日前30日发布"),
    ],
)
def test_diff_reads_posting_periods_and_lead_times_as_check_does(
    run_line, tmp_path, code, old, new
):
    import yaml

    data = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    data["catalog"].pop("duties")
    for year, deadline in ((2024, old), (2025, new)):
        data["catalog"]["year"] = year
        data["items"][0]["deadline"] = deadline
        (tmp_path / f"{year}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    result = run_line(f"govopen diff {tmp_path / '2024.yaml'} {tmp_path / '2025.yaml'} -f json")
    data = json.loads(result.stdout)
    assert [c["id"] for c in data["changed"]] == ["JG-001"], "the deadline change is listed"
    assert code not in [d["code"] for d in data["changes"]]


def test_diff_still_reports_a_longer_deadline(run_line, tmp_path):
    import yaml

    data = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    data["catalog"].pop("duties")
    for year, deadline in (
        (2024, "自信息形成之日起5个工作日内"),
        (2025, "自信息形成之日起15个工作日内"),
    ):
        data["catalog"]["year"] = year
        data["items"][0]["deadline"] = deadline
        (tmp_path / f"{year}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    result = run_line(f"govopen diff {tmp_path / '2024.yaml'} {tmp_path / '2025.yaml'} -f json")
    assert "GD201" in [d["code"] for d in json.loads(result.stdout)["changes"]]


def _fill(book: Path, values: dict[str, dict[str, object]]) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb["检查表"]
    header = {c.value: c.column for c in ws[2]}
    rows = {ws.cell(r, header["事项编号"]).value: r for r in range(3, ws.max_row + 1)}
    for item_id, cells in values.items():
        for name, value in cells.items():
            ws.cell(rows[item_id], header[name], value)
    wb.save(book)


def test_inspect_does_not_count_a_posting_period_or_lead_time_as_the_limit(run_line, tmp_path):
    book = tmp_path / "检查.xlsx"
    assert run_line(f"govopen export {CATALOG} -o {book}", cwd=REPO).exit_code == 0
    # GH-002 "规划报送审批前公告30日" and TD-001 "开始日前20日发布，挂牌时间不少于10日" state
    # no publishing limit: published 40 days after the information was formed is not late.
    # JG-001 promises 15 工作日 (lawful): 2025-09-26 + 15 工作日 = 2025-10-24, so 10-31 is late.
    late = {"是否公开": "是", "信息形成日期": D(2025, 9, 1), "公开日期": D(2025, 10, 11)}
    _fill(
        book,
        {
            "GH-002": late,
            "TD-001": late,
            "JG-001": {
                "是否公开": "是",
                "信息形成日期": D(2025, 9, 26),
                "公开日期": D(2025, 10, 31),
            },
        },
    )
    result = run_line(f"govopen inspect {book} --catalog {CATALOG} -f json --today 2026-01-01")
    data = json.loads(result.stdout)
    assert data["late"] == ["JG-001"]
    limits = {r["id"]: r["limit"] for r in data["items"]}
    assert limits["GH-002"] is None and limits["TD-001"] is None
    assert limits["JG-001"] == "15个工作日"


def test_the_planted_other_law_violations_are_found(run_line):
    result = run_line("govopen check examples/mistakes/other-law-periods.yaml -f json", cwd=REPO)
    found = [(d["code"], d["severity"], d["line"]) for d in _diagnostics(result)]
    assert found == [
        ("GO604", "warning", 18),
        ("GO307", "error", 19),
        ("GO310", "error", 33),
        ("GO211", "warning", 51),
    ]
    assert result.exit_code == 1
