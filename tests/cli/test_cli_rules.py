"""``govopen rules``: the list, one rule's documentation, and a code that does not exist."""

from __future__ import annotations

import json


def test_rules_lists_every_rule_with_name_severity_and_summary(run_line):
    result = run_line("govopen rules")
    assert result.exit_code == 0
    line = next(x for x in result.lines if x.startswith("GO201"))
    assert line.split()[:3] == ["GO201", "proactive-needs-website", "error"]
    assert "政府网站" in line
    assert any(x.startswith("GO303") and " info " in x for x in result.lines)
    assert any(x.startswith("GO001") for x in result.lines)


def test_rules_with_a_code_prints_the_whole_documentation(run_line):
    result = run_line("govopen rules GO301")
    assert result.exit_code == 0
    assert result.lines[0].startswith("GO301 proactive-deadline-too-long")
    for part in ("检查：", "依据：", "错误示例：", "修改：", "第二十六条"):
        assert part in result.stdout


def test_rules_accepts_a_name_and_a_lowercase_code(run_line):
    assert run_line("govopen rules unknown-channel").lines[0].startswith("GO202 unknown-channel")
    assert run_line("govopen rules go202").lines[0].startswith("GO202 unknown-channel")


def test_rules_with_a_prefix_lists_the_family(run_line):
    result = run_line("govopen rules GO5")
    assert result.exit_code == 0
    assert [x.split()[0] for x in result.lines] == ["GO501", "GO502", "GO503"]


def test_unknown_code_exits_2_naming_it(run_line):
    result = run_line("govopen rules GO999")
    assert result.exit_code == 2
    assert "GO999" in result.stderr


def test_misspelt_name_gets_a_suggestion(run_line):
    result = run_line("govopen rules unknown-chanel")
    assert result.exit_code == 2
    assert "unknown-channel" in result.stderr


def test_rules_json_list(run_line):
    result = run_line("govopen rules --format json")
    assert result.exit_code == 0
    rules = json.loads(result.stdout)["rules"]
    go201 = next(r for r in rules if r["code"] == "GO201")
    assert go201["name"] == "proactive-needs-website"
    assert go201["severity"] == "error"
    assert go201["family"] == "GO2"


def test_rules_json_one_rule_has_its_sections(run_line):
    result = run_line("govopen rules GO503 -f json")
    data = json.loads(result.stdout)
    assert data["code"] == "GO503"
    assert "第三十一条" in data["sections"]["basis"]
    assert "征收土地公告" in data["sections"]["example"]


def test_rules_markdown(run_line):
    listed = run_line("govopen rules --format markdown")
    assert listed.lines[0] == "| 编号 | 名称 | 默认严重程度 | 说明 |"
    one = run_line("govopen rules GO201 --format markdown")
    assert one.lines[0] == "## GO201 proactive-needs-website"
    assert "```yaml" in one.stdout


def test_unknown_format_is_a_usage_error(run_line):
    result = run_line("govopen rules --format xml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "govopen：用法错误：选项 --format / -f 的值无效：未知的格式 'xml'："
        "可选 text、json、markdown。运行 govopen rules -h 查看帮助。\n"
    )
