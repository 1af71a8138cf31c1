"""--write-baseline records today's findings; --baseline then reports only new ones."""

from __future__ import annotations

import json

import pytest

from catalog_samples import CATALOG, MAPPING, UNCOVERED_DUTY, make_project
from govopen_cli.catalog.model_build import catalog_from_data
from govopen_cli.checks.baseline import Baseline, parse_baseline, stable_pointer
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import BaselineError

# Two known problems: an uncovered duty (GO402) and a link to a missing duty (GO404),
# plus a misspelt field inside an item (GO104, a schema problem).
KNOWN = CATALOG.replace("duties: [D01]", "duties: [D01, D99]", 1).replace(
    "    owner: 演示县自然资源局\n", "    owner: 演示县自然资源局\n    ownr: 办公室\n", 1
)
KNOWN_MAPPING = MAPPING + UNCOVERED_DUTY

NEW_ITEM = """\
  - id: XX-001
    matter: [新增事项]
    content: [内容]
    basis: [《中华人民共和国政府信息公开条例》第二十条]
    deadline: 自信息形成或者变更之日起20个工作日内
    owner: 演示县自然资源局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
    duties: [D98]
"""


@pytest.fixture
def baselined(run_line, tmp_path):
    """A project whose findings are recorded in b.json."""
    make_project(tmp_path, catalog=KNOWN, mapping=KNOWN_MAPPING)
    result = run_line("govopen check 2025.yaml --write-baseline b.json", cwd=tmp_path)
    assert result.exit_code == 0
    return tmp_path


def test_write_baseline_records_findings_and_exits_0(baselined, run_line):
    data = json.loads((baselined / "b.json").read_text(encoding="utf-8"))
    assert data == {
        "version": 1,
        "fingerprints": {
            "GO104:demo-zrzyj:/items/JG-001/ownr": 1,
            "GO402:demo-zrzyj::duty:D04": 1,
            "GO404:demo-zrzyj:JG-001:duties:D99": 1,
        },
    }


def test_write_baseline_still_shows_the_findings(run_line, tmp_path):
    make_project(tmp_path, catalog=KNOWN, mapping=KNOWN_MAPPING)
    result = run_line("govopen check 2025.yaml --write-baseline b.json", cwd=tmp_path)
    assert result.exit_code == 0
    assert len(result.lines) == 4
    assert "已把 3 个问题记入基线 b.json" in result.stderr


def test_baseline_hides_known_findings_and_counts_them(baselined, run_line):
    result = run_line("govopen check 2025.yaml --baseline b.json", cwd=baselined)
    assert result.exit_code == 0, result.stdout
    assert result.lines == [
        "检查了 2 个文件，错误 0 个，警告 0 个，提示 0 个，基线中已有 3 个（未列出）。"
    ]


def test_baseline_reports_a_new_finding(baselined, run_line):
    (baselined / "2025.yaml").write_text(KNOWN + NEW_ITEM, encoding="utf-8")
    result = run_line("govopen check 2025.yaml --baseline b.json", cwd=baselined)
    assert result.exit_code == 1
    [line] = result.lines[:-1]
    assert ": GO404 " in line and "D98" in line


def test_editing_elsewhere_in_the_file_keeps_the_baseline_valid(baselined, run_line):
    # New lines above every finding: a comment, a new first item; the known items move down.
    first_item = "items:\n"
    edited = "# 2025年修订\n" + KNOWN.replace(
        first_item, first_item + NEW_ITEM.replace("duties: [D98]", "duties: [D01]"), 1
    )
    (baselined / "2025.yaml").write_text(edited, encoding="utf-8")
    (baselined / "sanding.yaml").write_text(
        KNOWN_MAPPING.replace("duties:\n", "# 主要职责\nduties:\n"), encoding="utf-8"
    )
    result = run_line("govopen check 2025.yaml --baseline b.json", cwd=baselined)
    assert result.exit_code == 0, result.stdout
    assert "基线中已有 3 个" in result.lines[-1]


def test_same_rule_on_another_item_is_new(baselined, run_line):
    catalog = KNOWN.replace("    duties: [D01]\n", "    duties: [D01, D99]\n")
    (baselined / "2025.yaml").write_text(catalog, encoding="utf-8")
    result = run_line("govopen check 2025.yaml --baseline b.json", cwd=baselined)
    assert [line.split(": ")[1].split(" ")[0] for line in result.lines[:-1]] == ["GO404"]
    assert "事项 GK-001" in result.lines[0]


def test_only_findings_beyond_the_recorded_count_are_new(baselined, run_line):
    # The 2024 catalog has the same id and the same problems, so the same fingerprints;
    # the baseline recorded each once (from 2025 alone): one of each pair is new.
    (baselined / "2024.yaml").write_text(KNOWN.replace("year: 2025", "year: 2024"), "utf-8")
    result = run_line("govopen check 2024.yaml 2025.yaml --baseline b.json", cwd=baselined)
    assert result.exit_code == 1
    assert sorted(line.split(": ")[1][:5] for line in result.lines[:-1]) == [
        "GO104",
        "GO402",
        "GO404",
    ]
    assert "基线中已有 3 个" in result.lines[-1]


def test_fixed_findings_simply_disappear(baselined, run_line):
    (baselined / "sanding.yaml").write_text(MAPPING, encoding="utf-8")
    result = run_line("govopen check 2025.yaml --baseline b.json", cwd=baselined)
    assert result.exit_code == 0
    assert "基线中已有 2 个" in result.lines[-1]


def test_json_summary_counts_baselined_findings(baselined, run_line):
    result = run_line("govopen check 2025.yaml --baseline b.json --format json", cwd=baselined)
    data = json.loads(result.stdout)
    assert data["diagnostics"] == []
    assert data["summary"]["baselined"] == 3


def test_json_summary_has_no_baselined_key_without_a_baseline(run_line, tmp_path):
    make_project(tmp_path)
    data = json.loads(run_line("govopen check 2025.yaml --format json", cwd=tmp_path).stdout)
    assert "baselined" not in data["summary"]


def test_missing_or_invalid_baseline_cannot_run(run_line, tmp_path):
    make_project(tmp_path)
    result = run_line("govopen check 2025.yaml --baseline nope.json", cwd=tmp_path)
    assert result.exit_code == 2 and "--write-baseline" in result.stderr
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    result = run_line("govopen check 2025.yaml --baseline bad.json", cwd=tmp_path)
    assert result.exit_code == 2 and "不是 govopen 的基线" in result.stderr


def test_baseline_and_write_baseline_together_is_a_usage_error(run_line, tmp_path):
    make_project(tmp_path)
    result = run_line(
        "govopen check 2025.yaml --baseline b.json --write-baseline b.json", cwd=tmp_path
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "govopen：用法错误：--baseline 和 --write-baseline 不能同时使用：更新基线只需 "
        "--write-baseline。运行 govopen check -h 查看帮助。\n"
    )
    assert not (tmp_path / "b.json").exists()


def test_parse_baseline_refuses_other_versions_and_bad_counts():
    with pytest.raises(BaselineError, match="版本"):
        parse_baseline('{"version": 2, "fingerprints": {}}', "b.json")
    with pytest.raises(BaselineError, match="正整数"):
        parse_baseline('{"version": 1, "fingerprints": {"x": "1"}}', "b.json")
    assert len(parse_baseline('{"version": 1, "fingerprints": {"x": 2}}', "b.json")) == 2


def test_baseline_text_is_sorted_and_ignores_waived_findings():
    def diag(fp: str, waived: bool = False) -> Diagnostic:
        return Diagnostic(
            "c.yaml", 1, 1, "GO404", Severity.ERROR, "m", fingerprint=fp, waived=waived
        )

    baseline = Baseline.from_diagnostics([diag("b"), diag("a"), diag("b"), diag("c", True)])
    assert (
        baseline.to_text()
        == '{\n  "version": 1,\n  "fingerprints": {\n    "a": 1,\n    "b": 2\n  }\n}\n'
    )


def test_stable_pointer_names_items_by_id():
    catalog = catalog_from_data({"items": [{"id": "JG-001"}, {"id": ""}, {"id": "a/b"}]})
    assert stable_pointer("/items/0/channels/1", catalog, None) == "/items/JG-001/channels/1"
    assert stable_pointer("/items/1/owner", catalog, None) == "/items/1/owner"  # no id
    assert stable_pointer("/items/2", catalog, None) == "/items/a~1b"
    assert stable_pointer("/catalog/year", catalog, None) == "/catalog/year"
