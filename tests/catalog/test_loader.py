"""Every pitfall of the format is reported at its node, never "fixed" silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from govopen_cli.catalog.config import load_config
from govopen_cli.catalog.loader import LoadResult, parse_yaml_bytes
from govopen_cli.checks.run import CheckOptions, check_paths

VALID = """\
format: 1
catalog:
  id: demo
  title: 演示目录
  agency: 平遥县自然资源局
  year: 2025
items:
  - id: JG-001
    matter: [机构信息, 机构职能]
    content: [机构职能]
    basis:
      - 《中华人民共和国政府信息公开条例》第二十条
    deadline: 自信息形成或者变更之日起20个工作日内
    owner: 平遥县自然资源局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
"""


def codes_at(path: Path) -> list[tuple[str, int, int]]:
    report = check_paths([path]).report
    return [(d.code, d.line, d.column) for d in report.sorted()]


def test_valid_catalog_has_no_findings(write):
    assert codes_at(write("ok.yaml", VALID)) == []


def test_unquoted_leading_zero_id_names_the_value_and_says_quote_it(write):
    path = write("c.yaml", VALID.replace("id: JG-001", "id: 001"))
    [diag] = check_paths([path]).report.diagnostics
    assert (diag.code, diag.line, diag.column) == ("GO102", 8, 9)
    assert "001" in diag.message and "'001'" in diag.message
    assert diag.path == "/items/0/id"


def test_yes_read_as_boolean_is_reported_with_the_allowed_values(write):
    path = write("c.yaml", VALID.replace("audience: 全社会", "audience: yes"))
    [diag] = check_paths([path]).report.diagnostics
    assert (diag.code, diag.line) == ("GO102", 16)
    assert "yes" in diag.message and "全社会" in diag.message


def test_date_looking_text_must_be_quoted_but_waiver_until_may_be_a_date(write):
    text = VALID.replace("id: JG-001", "id: 2024-01-01") + (
        "    waivers:\n      - rule: GO301\n        reason: 另有规定\n        until: 2027-12-31\n"
    )
    diags = check_paths([write("c.yaml", text)]).report.diagnostics
    # Only the loader's and the schema's codes: the waiver itself is the GO9xx rules' business.
    loader_and_schema = [d for d in diags if d.code < "GO2"]
    assert [(d.code, d.line, d.path) for d in loader_and_schema] == [("GO010", 8, "/items/0/id")]


def test_repeated_key_is_reported_at_both_lines(write):
    text = VALID.replace("    owner: 平遥县自然资源局\n", "    owner: 甲\n    owner: 乙\n")
    diags = check_paths([write("c.yaml", text)]).report.sorted()
    assert [(d.code, d.line) for d in diags] == [("GO003", 14), ("GO003", 15)]
    assert "第 15 行" in diags[0].message and "第 14 行" in diags[1].message


def test_gbk_file_is_named_with_a_conversion_hint(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(VALID.encode("gb18030"))
    [diag] = check_paths([path]).report.diagnostics
    assert diag.code == "GO002"
    assert "GB18030" in diag.message and "iconv" in diag.message
    assert diag.line == 4  # the first non-ASCII byte: the title


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert codes_at(path) == []


def test_alias_bomb_is_refused_before_expanding(write):
    lines = ["format: 1", "x-a0: &a0 [" + ", ".join(["lol"] * 9) + "]"]
    for i in range(1, 10):
        anchor = f"&a{i} " if i < 9 else ""
        lines.append(f"x-a{i}: {anchor}[" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    path = write("bomb.yaml", "\n".join(lines) + "\n")
    diags = check_paths([path]).report.diagnostics
    assert [d.code for d in diags] == ["GO004"]
    assert diags[0].line > 1  # at the node that expands, not the top of the file


def test_self_referencing_alias_is_refused(write):
    diags = check_paths([write("c.yaml", "format: 1\nx-a: &a [1, *a]\n")]).report.diagnostics
    assert [d.code for d in diags] == ["GO004"]


def test_tab_indentation_is_reported_where_the_tab_is(write):
    text = VALID.replace("    owner: 平遥县自然资源局", "\towner: 平遥县自然资源局")
    [diag] = check_paths([write("c.yaml", text)]).report.diagnostics
    assert (diag.code, diag.line, diag.column) == ("GO001", 14, 1)
    assert "Tab" in diag.message


def test_unclosed_quote_is_reported_where_it_opens_not_at_the_end(write):
    text = VALID.replace("title: 演示目录", 'title: "演示目录')
    [diag] = check_paths([write("c.yaml", text)]).report.diagnostics
    assert (diag.code, diag.line, diag.column) == ("GO001", 4, 10)
    assert "引号" in diag.message


def test_unclosed_bracket_names_where_it_opens(write):
    text = VALID.replace("levels: [县级]", "levels: [县级, 乡级")
    [diag] = check_paths([write("c.yaml", text)]).report.diagnostics
    assert (diag.code, diag.line) == ("GO001", 18)
    assert "[" in diag.message


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "GO005"),
        ("# 只有注释\n", "GO005"),
        ("format: 1\n---\nformat: 1\n", "GO006"),
        ("- a\n- b\n", "GO007"),
        ("just text\n", "GO007"),
        ("name: x\n", "GO008"),
    ],
)
def test_unusable_documents(write, text, code):
    assert [c for c, _, _ in codes_at(write("c.yaml", text))] == [code]


def test_binary_garbage_is_not_a_traceback(tmp_path):
    path = tmp_path / "junk.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    assert [c for c, _, _ in codes_at(path)] == ["GO009"]


def test_one_bad_file_does_not_stop_the_others(write, tmp_path):
    write("a-bad.yaml", "format: [\n")
    write("b-good.yaml", VALID.replace("id: JG-001", "id: 001"))
    report = check_paths([tmp_path]).report
    assert report.files == [str(tmp_path / "a-bad.yaml"), str(tmp_path / "b-good.yaml")]
    assert [d.code for d in report.sorted()] == ["GO001", "GO102"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unquoted-id.yaml", ["GO102"]),
        ("yes-as-string.yaml", ["GO102"]),
        ("duplicate-key.yaml", ["GO003", "GO003"]),
        ("gbk-encoded.yaml", ["GO002"]),
        ("bom.yaml", []),
        ("tab-indent.yaml", ["GO001"]),
        ("unclosed-quote.yaml", ["GO001"]),
        ("alias-bomb.yaml", ["GO004"]),
        ("multi-document.yaml", ["GO006"]),
        ("top-level-list.yaml", ["GO007"]),
        ("empty.yaml", ["GO005"]),
        ("missing-field.yaml", ["GO101"]),
        ("bad-enum.yaml", ["GO103"]),
        ("unknown-field.yaml", ["GO104"]),
        ("audience-without-note.yaml", ["GO207"]),
        ("basis-without-title.yaml", ["GO601"]),
        ("channel-variant.yaml", ["GO203"]),
        ("deadline-over-limit.yaml", ["GO301"]),
        ("duplicate-id.yaml", ["GO205"]),
        ("interpretation-missing.yaml", ["GO304"]),
        ("no-website.yaml", ["GO201"]),
        ("old-regulation.yaml", ["GO302", "GO302"]),
        ("single-zeyi.yaml", ["GO204"]),
        ("zhengdi-periods.yaml", ["GO501", "GO503", "GO502"]),
    ],
)
def test_bundled_mistake_examples(name, expected):
    # As a user runs them from the repository: with its govopen.toml.
    options = CheckOptions(config=load_config(REPO / "govopen.toml"))
    report = check_paths([EXAMPLES / "mistakes" / name], options).report
    assert [d.code for d in report.sorted()] == expected


def test_json_shape_is_stable(run_line, write):
    path = write("c.yaml", VALID.replace("id: JG-001", "id: 001"))
    result = run_line(f"govopen check {path} --format json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    [diag] = data["diagnostics"]
    assert {"file", "line", "column", "code", "severity", "message", "path"} <= set(diag)
    assert (diag["line"], diag["column"], diag["severity"], diag["path"]) == (
        8,
        9,
        "error",
        "/items/0/id",
    )
    assert data["summary"]["error"] == 1


def test_fullwidth_colon_is_named_at_its_line(write):
    text = VALID.replace("    owner: 平遥县自然资源局", "    owner：平遥县自然资源局")
    [diag] = check_paths([write("c.yaml", text)]).report.diagnostics
    assert (diag.code, diag.line) == ("GO001", 14)
    assert "全角冒号" in diag.message and "owner: " in diag.message


def test_missing_space_after_colon_is_named(write):
    text = VALID.replace("    owner: 平遥县自然资源局", "    owner:平遥县自然资源局")
    [diag] = check_paths([write("c.yaml", text)]).report.diagnostics
    assert (diag.code, diag.line) == ("GO001", 14)
    assert "缺少空格" in diag.message


def test_fullwidth_space_indentation_is_named(write):
    text = VALID.replace("    owner: 平遥县自然资源局", "\u3000\u3000owner: 平遥县自然资源局")
    [diag] = check_paths([write("c.yaml", text)]).report.diagnostics
    assert (diag.code, diag.line, diag.column) == ("GO001", 14, 1)
    assert "全角空格" in diag.message


def test_a_missing_list_dash_is_one_message_not_one_per_field(write):
    second = VALID.split("items:\n")[1].replace("  - id: JG-001", "    id: JG-002")
    text = VALID + second.replace("机构职能", "内设机构")
    diags = check_paths([write("c.yaml", text)]).report.diagnostics
    assert [(d.code, d.line) for d in diags] == [("GO003", 19)]
    assert "“- ”" in diags[0].message


def test_chinese_field_name_is_answered_with_the_english_one(write):
    text = VALID.replace("    deadline:", "    公开时限:")
    codes = {d.code: d for d in check_paths([write("c.yaml", text)]).report.diagnostics}
    assert "应写作 deadline" in codes["GO104"].message


def test_ledgers_and_holiday_files_are_not_mistaken_for_catalogs():
    report = check_paths(
        [EXAMPLES / "ledger" / "台账-2025.yaml", EXAMPLES / "holidays-example.yaml"]
    ).report
    assert report.diagnostics == []


def test_unclosed_bracket_at_the_end_names_the_right_bracket(write):
    [diag] = check_paths([write("c.yaml", "format: 1\nitems: [\n")]).report.diagnostics
    assert (diag.code, diag.line, diag.column) == ("GO001", 2, 8)
    assert "“[”" in diag.message and "“]”" in diag.message


# --- decisions of the event-based loader (no node tree) -----------------------


def _parse(text: str) -> LoadResult:
    return parse_yaml_bytes(text.encode("utf-8"), Path("x.yaml"), "x.yaml")


def test_positions_without_node_tree() -> None:
    result = _parse('a:\n  b: "001"\n  c: 001\n  d: [x, "y"]\n')
    doc = result.document
    assert doc is not None
    assert doc.locate("/a/b") == (2, 6) and doc.locate("/a/b", key=True) == (2, 3)
    assert doc.source_text("/a/c") == "001" and doc.is_plain_scalar("/a/c")
    assert doc.source_text("/a/b") == "001" and not doc.is_plain_scalar("/a/b")
    assert doc.locate("/a/d/1") == (4, 10) and not doc.is_plain_scalar("/a/d/1")
    assert doc.locate("/a/d/9") == (4, 6) and doc.resolve("/a/d/9")[1] is False


def test_alias_is_built_again_and_located_at_its_anchor() -> None:
    result = _parse("base: &b {k: 2024-01-01}\nx: *b\n")
    doc = result.document
    assert doc is not None
    assert doc.data["x"] == {"k": "2024-01-01"} and doc.data["x"] is not doc.data["base"]
    assert doc.dates == ["/base/k", "/x/k"]
    assert doc.locate("/x/k") == (1, 14)


def test_complex_key_in_a_merged_mapping_is_skipped() -> None:
    # Decision: a list or mapping used as a key inside a merge source is not merged.
    result = _parse("base: &b {[1]: z, k: v}\nx: {<<: *b}\n")
    assert result.document is not None
    assert result.document.data["x"] == {"k": "v"}


def test_aliases_early_in_a_large_file_are_not_refused() -> None:
    # Expansion checked against the whole file's size, even when aliases come first.
    head = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [" + ", ".join(["*a"] * 10) + "]\n"
    head += "c: &c [" + ", ".join(["*b"] * 10) + "]\nd: &d [" + ", ".join(["*c"] * 10) + "]\n"
    head += "e: &e [" + ", ".join(["*d"] * 10) + "]\nf: [" + ", ".join(["*e"] * 3) + "]\n"
    body = "".join(f"k{i}: [1, 2, 3]\n" for i in range(40_000))
    result = _parse(head + body)
    assert [d.code for d in result.diagnostics] == []
    assert result.document is not None and len(result.document.data["f"]) == 3


def test_too_deep_nesting_is_a_located_error() -> None:
    text = "a: " + "[" * 2000 + "]" * 2000 + "\n"
    result = _parse(text)
    assert [(d.code, d.line) for d in result.diagnostics] == [("GO001", 1)]


def test_a_bool_tag_on_other_words_is_a_located_error_not_a_crash() -> None:
    # ``!!bool y`` made PyYAML's constructor raise KeyError, which ended govopen with a traceback.
    result = _parse("a: 1\nb: !!bool y\n")
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("GO012", 2, 4)]
    assert "“y”不能按标签 !!bool 读取" in result.diagnostics[0].message
    assert result.document is not None and result.document.data == {"a": 1, "b": "y"}
