"""Every --format renders; each is compared with a golden file in tests/golden/.

To accept a deliberate change of output, regenerate the golden files and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/reporters/test_reporters.py
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from catalog_samples import CATALOG, make_project
from govopen_cli import __version__
from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.reporters import REPORT, RenderOptions, format_names, render_text
from govopen_cli.reporters.github import annotation
from govopen_cli.reporters.markdown import escape_cell
from govopen_cli.reporters.sarif import artifact_uri

GOLDEN = Path(__file__).parents[1] / "golden"
VERSION_MARK = "@VERSION@"

SUFFIX = {
    "text": "txt",
    "json": "json",
    "sarif": "sarif",
    "junit": "xml",
    "github": "txt",
    "markdown": "md",
    "html": "html",
}


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch):
    """The html page carries a date: the golden file is written on 2025-01-01."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")


def fixed_report() -> Report:
    """A report touching every feature of the formats: severities, two files with
    findings and one without, a waived finding, a message with a ``|``."""
    cat, dut = "catalogs/2025.yaml", "catalogs/sanding.yaml"
    return Report(
        files=[cat, "catalogs/2024.yaml", dut],
        diagnostics=[
            Diagnostic(
                dut, 20, 5, "GO402", Severity.ERROR,
                "三定职责 D04“负责全县矿产资源管理工作，组织编制并实施…”在目录 catalogs/2025.yaml"
                "（2025 年）中没有事项公开。请在公开它的事项中写 duties: [D04]；确无可公开的信息时，"
                "在映射中为它写 exempt（reason 和 basis）",
                path="/duties/3", name="duty-not-covered",
                fingerprint="GO402:demo-zrzyj::duty:D04",
            ),
            Diagnostic(
                cat, 19, 19, "GO404", Severity.ERROR,
                "事项 JG-001 的 duties 列出的 D99 不是三定映射 catalogs/sanding.yaml 中的职责编号。"
                "请改成正确的职责编号，或删除这一项",
                path="/items/0/duties/1", name="unknown-duty-link",
                fingerprint="GO404:demo-zrzyj:JG-001:duties:D99",
            ),
            Diagnostic(
                cat, 44, 19, "GO404", Severity.ERROR,
                "事项 GK-001 的 duties 列出的 D99 不是三定映射 catalogs/sanding.yaml 中的职责编号。"
                "请改成正确的职责编号，或删除这一项",
                path="/items/2/duties/1", name="unknown-duty-link",
                fingerprint="GO404:demo-zrzyj:GK-001:duties:D99",
                waived=True, waiver_reason="三定方案修订中，D99 待补",
            ),
            Diagnostic(
                cat, 12, 5, "GO104", Severity.ERROR,
                "事项 JG-001：未知字段 ownr|owner？请改成正确的字段名",
                path="/items/0/ownr", name="unknown-field",
                fingerprint="GO104:demo-zrzyj:/items/JG-001/ownr",
            ),
            Diagnostic(
                cat, 23, 16, "GO901", Severity.WARNING,
                "事项 JG-001 对 GO301 的豁免已于 2025-03-31 到期，不再生效，GO301 的问题照常报告。"
                "处理该问题后删除这条豁免；理由仍然成立时，把 until 改到新的日期",
                path="/items/0/waivers/0/until", name="waiver-expired",
                fingerprint="GO901:demo-zrzyj:JG-001:waivers/GO301",
            ),
            Diagnostic(
                dut, 13, 13, "GO407", Severity.INFO,
                "职责 D02 的 units 列出的 DZJH 不在 units（内设机构）中（是否是 DZHJ？）。"
                "请改成 units 中的编号，或在 units 中加上 {id: DZJH, name: 机构名称}",
                path="/duties/1/units/0", name="unknown-unit",
                fingerprint="GO407:demo-zrzyj::duty:D02/units:DZJH",
            ),
        ],
    )  # fmt: skip


def golden_path(fmt: str) -> Path:
    return GOLDEN / f"report.{fmt}.{SUFFIX[fmt]}"


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_format_matches_its_golden_file(fmt):
    rendered = render_text(REPORT, fixed_report(), fmt).replace(__version__, VERSION_MARK)
    path = golden_path(fmt)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_to_format_is_exhaustive():
    """Every --format name renders a full and an empty report, and has a golden file."""
    for fmt in format_names():
        assert render_text(REPORT, fixed_report(), fmt)
        assert render_text(REPORT, Report(files=["catalogs/2025.yaml"]), fmt)
        assert golden_path(fmt).is_file(), fmt
    assert set(format_names()) == set(SUFFIX)


def test_format_names_keep_the_documented_order():
    assert format_names() == ["text", "json", "sarif", "junit", "github", "markdown", "html"]


def test_sarif_results_point_at_their_rules_and_carry_suppressions():
    log = json.loads(render_text(REPORT, fixed_report(), "sarif"))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "govopen"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["partialFingerprints"]["govopen/v2"].startswith(result["ruleId"])
    by_code = {r["ruleId"]: r for r in run["results"] if not r.get("suppressions")}
    assert by_code["GO407"]["level"] == "note"
    [waived] = [r for r in run["results"] if r.get("suppressions")]
    assert waived["suppressions"] == [
        {"kind": "inSource", "justification": "三定方案修订中，D99 待补"}
    ]
    rule = next(r for r in rules if r["id"] == "GO402")
    assert rule["name"] == "duty-not-covered"
    assert rule["defaultConfiguration"] == {"level": "warning"}
    assert (
        rule["shortDescription"]["text"]
        == "三定方案的一项主要职责没有任何目录事项公开，也没有写明不予公开。"
    )
    assert "\n\n检查：" in rule["help"]["text"] and "\n\n修改：" in rule["help"]["text"]
    # the YAML example keeps its lines; in Markdown it is a fenced block
    assert "\n    duties:\n      - id: D05\n" in rule["help"]["text"]
    assert "```yaml\nduties:\n  - id: D05\n" in rule["help"]["markdown"]


def test_sarif_uris_are_relative_with_forward_slashes_or_file_uris():
    assert artifact_uri("catalogs/平遥/2025.yaml") == "catalogs/%E5%B9%B3%E9%81%A5/2025.yaml"
    assert artifact_uri("/srv/c 1.yaml") == "file:///srv/c%201.yaml"


def test_junit_has_one_suite_per_file_and_one_case_per_rule():
    root = ET.fromstring(render_text(REPORT, fixed_report(), "junit"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["catalogs/2025.yaml", "catalogs/2024.yaml", "catalogs/sanding.yaml"]
    cases = {c.get("name"): c for c in suites["catalogs/2025.yaml"].iter("testcase")}
    assert list(cases) == ["GO104 unknown-field", "GO404 unknown-duty-link", "GO901 waiver-expired"]
    # GO404: one active finding fails, the waived one is only mentioned
    failure = cases["GO404 unknown-duty-link"].find("failure")
    assert failure is not None and failure.text is not None
    assert "JG-001" in failure.text and "GK-001" not in failure.text
    [passing] = suites["catalogs/2024.yaml"].iter("testcase")
    assert passing.get("name") == "govopen check" and not list(passing)
    assert root.get("failures") == "5" and root.get("tests") == "6"


def test_junit_code_with_only_waived_findings_is_skipped():
    waived = fixed_report().diagnostics[2]
    assert waived.waived
    report = Report(files=[waived.file], diagnostics=[waived])
    root = ET.fromstring(render_text(REPORT, report, "junit"))
    [case] = root.iter("testcase")
    assert case.find("skipped") is not None and case.find("failure") is None


def test_github_annotations_escape_what_the_runner_would_misread():
    diag = Diagnostic("dir,x/a:b.yaml", 3, 7, "GO404", Severity.WARNING, "100% 完成\n第二行\r")
    assert annotation(diag) == (
        "::warning file=dir%2Cx/a%3Ab.yaml,line=3,col=7,title=GO404::100%25 完成%0A第二行%0D"
    )
    info = Diagnostic("a.yaml", 1, 1, "GO407", Severity.INFO, "m")
    assert annotation(info).startswith("::notice ")


def test_github_does_not_annotate_waived_findings():
    lines = render_text(REPORT, fixed_report(), "github").splitlines()
    assert not any("GK-001" in line for line in lines)
    assert lines[-1].startswith("检查了 3 个文件")


def test_markdown_escapes_table_breakers():
    assert escape_cell("a|b\nc<d>") == "a\\|b<br>c&lt;d&gt;"
    assert escape_cell("C:\\") == "C:\\\\"  # a trailing backslash cannot escape the next |
    md = render_text(REPORT, fixed_report(), "markdown")
    assert "ownr\\|owner" in md
    assert "<details><summary>已豁免 1 个</summary>" in md


def test_text_hides_waived_findings_unless_asked():
    assert "GK-001" not in render_text(REPORT, fixed_report(), "text")
    shown = render_text(REPORT, fixed_report(), "text", RenderOptions(show_waived=True))
    assert "（已豁免：三定方案修订中，D99 待补）" in shown


# -- the command line ------------------------------------------------------------


def test_github_format_appends_a_job_summary(run_line, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# 之前的内容\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    make_project(tmp_path, catalog=CATALOG.replace("duties: [D01]", "duties: [D01, D99]", 1))
    result = run_line("govopen check 2025.yaml --format github", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.lines[0].startswith("::error file=2025.yaml,line=19,col=19,title=GO404::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# 之前的内容\n\n### govopen check\n")
    assert "| `2025.yaml:19:19` | GO404 unknown-duty-link | 错误 |" in text


def test_job_summary_ends_with_a_blank_line_so_the_next_heading_renders(
    run_line, tmp_path, monkeypatch
):
    # A waived finding makes the summary end in </details>; GitHub's Markdown keeps
    # everything up to the next blank line in that HTML block, so a heading another
    # step appends right after it would show as literal "## …" text.
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    waived = CATALOG.replace(
        "duties: [D01]",
        "duties: [D01, D99]\n    waivers:\n      - {rule: GO404, reason: 三定方案修订中}",
        1,
    )
    make_project(tmp_path, catalog=waived)
    run_line("govopen check 2025.yaml --format github", cwd=tmp_path)
    text = summary.read_text(encoding="utf-8")
    assert "</details>" in text
    assert text.endswith("\n\n")
    run_line("govopen check 2025.yaml --format github", cwd=tmp_path)
    second = summary.read_text(encoding="utf-8")
    assert second == text + text  # appended after the blank line, nothing in between


def test_job_summary_after_another_steps_html_starts_after_a_blank_line(
    run_line, tmp_path, monkeypatch
):
    summary = tmp_path / "summary.md"
    summary.write_text("<details><summary>别的步骤</summary>\n\nx\n</details>", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    make_project(tmp_path)
    run_line("govopen check 2025.yaml --format github", cwd=tmp_path)
    text = summary.read_text(encoding="utf-8")
    assert "</details>\n\n### govopen check\n" in text


def test_requests_check_github_writes_the_job_summary_its_help_promises(
    run_line, tmp_path, monkeypatch
):
    from ledger_files import EXAMPLES

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_line(
        f"govopen requests check {EXAMPLES / '台账-2025.csv'} --today 2025-12-31 --format github"
    )
    assert result.lines[0].startswith("::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### ")
    assert "| 位置 |" in text or "| `" in text
    assert text.endswith("\n\n")


def test_other_formats_leave_the_job_summary_alone(run_line, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    make_project(tmp_path)
    run_line("govopen check 2025.yaml --format markdown", cwd=tmp_path)
    assert not summary.exists()


def test_output_file_gets_the_rendered_format(run_line, tmp_path):
    make_project(tmp_path)
    result = run_line("govopen check 2025.yaml --format sarif -o out.sarif", cwd=tmp_path)
    assert result.exit_code == 0 and result.stdout == ""
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"] == []


# -- what the consumers of the CI files accept ----------------------------------

#: The consumers' own schemas (Jenkins' junit-10.xsd, OASIS sarif-schema-2.1.0.json) are
#: third-party files the project does not commit: put them in a folder and name it in
#: GOVOPEN_CONSUMER_SCHEMAS to run these two validations (docs/ci.md says where they come from).
SCHEMAS = Path(os.environ.get("GOVOPEN_CONSUMER_SCHEMAS", "/nonexistent"))


def _consumer_schema(name: str) -> Path:
    path = SCHEMAS / name
    if not path.is_file():
        pytest.skip(
            f"{name} 不在 GOVOPEN_CONSUMER_SCHEMAS 指定的文件夹中（第三方文件，不随项目提交）"
        )
    return path


def junit_of_every_kind() -> str:
    """Failing cases, a skipped (all waived) case, a passing file."""
    report = fixed_report()
    waived_only = Diagnostic(
        "catalogs/2024.yaml",
        7,
        3,
        "GO301",
        Severity.WARNING,
        "豁免的问题",
        name="x",
        waived=True,
        waiver_reason="另有规定",
    )
    return render_text(
        REPORT,
        Report(
            files=[*report.files, "catalogs/2023.yaml"],
            diagnostics=[*report.diagnostics, waived_only],
        ),
        "junit",
    )


def test_junit_is_valid_against_jenkins_junit_10_xsd():
    import xmlschema

    schema = xmlschema.XMLSchema(str(_consumer_schema("junit-10.xsd")))
    for document in (junit_of_every_kind(), render_text(REPORT, Report(files=[]), "junit")):
        errors = [f"{e.path}: {e.reason}" for e in schema.iter_errors(document)]
        assert errors == []


def test_junit_is_read_by_junitparser_with_file_and_line_in_view(tmp_path):
    from junitparser import Failure, JUnitXml, Skipped

    path = tmp_path / "report.xml"
    path.write_text(junit_of_every_kind(), encoding="utf-8")
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(path))}
    assert list(suites) == [
        "catalogs/2025.yaml",
        "catalogs/2024.yaml",
        "catalogs/sanding.yaml",
        "catalogs/2023.yaml",
    ]
    cases = {case.name: case for case in suites["catalogs/2025.yaml"]}
    go404 = cases["GO404 unknown-duty-link"]
    assert go404.classname == "catalogs/2025.yaml"  # GitLab's "类名" column: the file
    [failure] = [r for r in go404.result if isinstance(r, Failure)]
    assert failure.text.startswith("catalogs/2025.yaml:19:19: GO404 ")  # file:line:column
    [skipped_case] = suites["catalogs/2024.yaml"]
    assert isinstance(skipped_case.result[0], Skipped)
    assert suites["catalogs/2024.yaml"].skipped == 1
    assert (suites["catalogs/2025.yaml"].tests, suites["catalogs/2025.yaml"].failures) == (3, 3)


def sarif_of(run_line, tmp_path: Path, catalog: str) -> dict:
    make_project(tmp_path, catalog=catalog)
    run_line("govopen check 2025.yaml --format sarif -o out.sarif", cwd=tmp_path)
    return json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))


TWO_DUPLICATE_KEYS = CATALOG.replace(
    "    owner: 演示县自然资源局\n", "    owner: 演示县自然资源局\n    owner: 演示县自然资源局\n", 2
)


def test_sarif_two_results_never_share_a_fingerprint(run_line, tmp_path):
    results = sarif_of(run_line, tmp_path, TWO_DUPLICATE_KEYS)["runs"][0]["results"]
    go003 = [r for r in results if r["ruleId"] == "GO003"]
    assert len(go003) == 4  # both places of each of the two duplicated keys
    prints = [tuple(sorted(r["partialFingerprints"].items())) for r in results]
    assert len(set(prints)) == len(prints)


def test_sarif_fingerprints_survive_an_unrelated_edit_above(run_line, tmp_path):
    before = sarif_of(run_line, tmp_path / "a", TWO_DUPLICATE_KEYS)["runs"][0]["results"]
    edited = TWO_DUPLICATE_KEYS.replace("items:\n", "# 2026 年修订\n\nitems:\n", 1)
    after = sarif_of(run_line, tmp_path / "b", edited)["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before]
    moved = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert moved == [line + 2 for line in lines]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]


def test_sarif_regions_have_an_end_and_locations_a_base():
    log = json.loads(render_text(REPORT, fixed_report(), "sarif"))
    run = log["runs"][0]
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = location["region"]
        assert (region["endLine"], region["endColumn"]) == (
            region["startLine"],
            region["startColumn"],
        )


def test_sarif_is_valid_against_the_oasis_sarif_2_1_0_schema(run_line, tmp_path):
    import jsonschema

    schema = json.loads(_consumer_schema("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    for log in (
        json.loads(render_text(REPORT, fixed_report(), "sarif")),
        json.loads(render_text(REPORT, Report(files=[]), "sarif")),
        sarif_of(run_line, tmp_path, TWO_DUPLICATE_KEYS),
    ):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
        assert errors == []
