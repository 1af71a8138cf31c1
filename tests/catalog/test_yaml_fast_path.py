"""The event builder's inline loop gives what PyYAML gives, and what its general path gives.

Three proofs that the fast path (docs/performance.md) changed nothing:

* a plain scalar gets exactly the tag of PyYAML's resolver (``yes``, ``0x1F``, ``~``, ``<<`` …);
* the data equals ``yaml.load`` with the C loader (dates kept as their text) on the
  bundled catalogs and on generated documents;
* the inline loop and the general path (every event one call, as before the loop)
  give the same data, positions, findings and dates, anchors, merges, repeated keys,
  tags and curly quotes included.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govopen_cli.catalog import yaml_events
from govopen_cli.catalog.loader import parse_yaml_bytes
from govopen_cli.catalog.yaml_events import Builder, Trip
from govopen_cli.catalog.yaml_resolve import PlainTags

REPO = Path(__file__).resolve().parents[2]
BUNDLED = sorted([*REPO.glob("catalogs/**/*.yaml"), *REPO.glob("examples/**/*.yaml")])

TRICKY = [
    *[
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "y",
        "Y",
        "n",
        "N",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
    ],
    *[
        "null",
        "Null",
        "NULL",
        "~",
        "0x1F",
        "0X1F",
        "0o17",
        "017",
        "0b101",
        "1_000",
        "1,000",
        "+1",
        "-1",
        "1e3",
        "1.5e-3",
        "3.14",
        ".5",
        "0.",
        "-0",
    ],
    *[
        ".inf",
        "-.inf",
        "+.inf",
        ".Inf",
        ".NaN",
        ".nan",
        ".NAN",
        "1:20",
        "190:20:30",
        "-1:20",
        "2024-01-01",
        "2024-1-1",
    ],
    "2024-01-01 10:00:00",
    "2024-01-01T10:00:00Z",
    "2024-01-01t10:00:00.5+08:00",
    *[
        "=",
        "<<",
        "<<<",
        "<=",
        "==",
        "abc",
        "中文",
        "JG-001",
        "D17",
        "‘002’",
        "“X-1”",
        "title",
        "type",
        "owner",
        "-",
        "--",
        ".",
        "..",
        ":",
        "_",
    ],
    "",
    "1\n",
    "<<\n",
    "yes ",
    " yes",
]

FAST = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@given(st.one_of(st.sampled_from(TRICKY), st.text(max_size=12)))
@example("0x_1F")
@example("+.5")
@FAST
def test_a_plain_scalar_gets_pyyamls_tag(value: str) -> None:
    expected = yaml.SafeLoader("").resolve(yaml.ScalarNode, value, (True, False))
    assert PlainTags().tag_of(value) == expected
    assert PlainTags().asked(value) == expected


def test_a_resolver_for_any_first_character_is_asked_about_every_scalar(monkeypatch) -> None:
    table = {**yaml.SafeLoader.yaml_implicit_resolvers}
    table[None] = [("tag:example,2026:any", re.compile("^中"))]
    monkeypatch.setattr(yaml.SafeLoader, "yaml_implicit_resolvers", table)
    assert PlainTags().tag_of("中文") == "tag:example,2026:any"
    assert PlainTags().tag_of("文") == "tag:yaml.org,2002:str"


# -- data, as PyYAML gives it ------------------------------------------------------


class _TextDates(yaml.CSafeLoader):
    """PyYAML's C loader, dates kept as written (as govopen keeps them)."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: node.value)


def _same(value: Any) -> Any:
    """``value`` with NaN made comparable."""
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {k: _same(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_same(v) for v in value]
    return value


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(REPO)))
def test_bundled_files_give_the_data_of_yaml_load(path: Path) -> None:
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        expected = yaml.load(raw, Loader=_TextDates)
    except yaml.YAMLError:
        pytest.skip("not YAML that PyYAML loads (a mistake example)")
    result = parse_yaml_bytes(raw, path, path.name)
    if result.document is None:  # refused on purpose: alias bomb, empty, top level not a mapping
        assert {d.code for d in result.diagnostics} & {"GO004", "GO005", "GO007"}
        return
    assert _same(result.document.data) == _same(expected)


def _text_keys(value: Any) -> bool:
    """True when every key of every mapping in ``value`` is text."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _text_keys(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_text_keys(v) for v in value)
    return True


# -- generated documents -----------------------------------------------------------

_TEXT_KEYS = ["id", "title", "a", "b", "中文", "o", "‘k’"]
#: Keys that YAML reads as something else: govopen keeps every key as its text.
_KEYS = [*_TEXT_KEYS, "yes", "1", "2024-01-01", "<<"]
_WORDS = [t for t in TRICKY if t and t.strip() == t and "\n" not in t]


@st.composite
def _scalar(draw: Any) -> str:
    text = draw(st.one_of(st.sampled_from(_WORDS), st.text("ab中文1-.:#‘“ ", max_size=6)))
    style = draw(st.sampled_from(["plain", "plain", "single", "double", "tag"]))
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "double":
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "tag":
        tag = draw(st.sampled_from(["!!str", "!!int", "!!float", "!!bool", "!!null", "!", "!x"]))
        return f"{tag} {text}"
    return text


@st.composite
def _document(draw: Any, *, anchors: bool) -> str:
    """A block mapping of flow and block values: with ``anchors``, anchors, aliases,
    merges and keys YAML reads as other than text."""
    keys = _KEYS if anchors else _TEXT_KEYS
    names: list[str] = []
    maps: list[str] = []

    def node(depth: int) -> str:
        choice = draw(st.integers(0, 5 if depth < 3 else 1))
        if anchors and names and draw(st.integers(0, 9)) == 0:
            return "*" + draw(st.sampled_from(names))
        anchor = ""
        if anchors and draw(st.integers(0, 6)) == 0:
            anchor = f"&n{len(names)} "
        if choice <= 1:
            text = anchor + draw(_scalar())
        elif choice <= 3:
            items = [node(depth + 1) for _ in range(draw(st.integers(0, 3)))]
            text = anchor + "[" + ", ".join(items) + "]"
        else:
            pairs = [
                f"{draw(st.sampled_from(keys))}: {node(depth + 1)}"
                for _ in range(draw(st.integers(0, 3)))
            ]
            if anchors and maps and draw(st.integers(0, 3)) == 0:
                pairs.insert(0, "<<: *" + draw(st.sampled_from(maps)))
            text = anchor + "{" + ", ".join(pairs) + "}"
        if anchor:
            names.append(anchor[1:-1])
            if choice > 3:
                maps.append(anchor[1:-1])
        return text

    lines = []
    for _ in range(draw(st.integers(1, 5))):
        key = draw(st.sampled_from(keys))
        if draw(st.booleans()):
            lines.append(f"{key}: {node(0)}")
        else:
            lines.append(f"{key}:")
            lines.extend(f"  - {node(1)}" for _ in range(draw(st.integers(1, 3))))
    return "\n".join(lines) + "\n"


def _built(text: str, *, inline: bool) -> Any:
    """What the loader gives for ``text``, its builder's loop inline or not."""
    Builder.inline = inline
    try:
        result = parse_yaml_bytes(text.encode("utf-8"), Path("x.yaml"), "x.yaml")
    finally:
        Builder.inline = True
    doc = result.document
    return (doc.data, doc.index, doc.dates) if doc else None, result.diagnostics


@given(_document(anchors=False))
@FAST
def test_generated_documents_give_the_data_of_yaml_load(text: str) -> None:
    try:
        expected = yaml.load(text, Loader=_TextDates)
    except (yaml.YAMLError, ValueError, KeyError, IndexError, TypeError, OverflowError):
        return  # e.g. ``!!int abc``: PyYAML refuses, govopen reports it (tests/catalog)
    if not _text_keys(expected):
        return  # ``{a: 1,000}`` has a key 000, which YAML reads as 0: govopen keeps keys as text
    result = parse_yaml_bytes(text.encode("utf-8"), Path("x.yaml"), "x.yaml")
    assert result.document is not None
    if any(d.code == "GO012" for d in result.diagnostics):
        return  # an unsupported tag is reported and its text kept: PyYAML would refuse it
    assert _same(result.document.data) == _same(expected)


@given(_document(anchors=True))
@example("a: &n0 {b: 1, b: 2}\nc: {<<: *n0, b: 3}\nd: [*n0, *n0]\n")
@example("a: {id: 1, title: x, id: 2, title: y}\n")
@example("a: ‘002’\nb: [“X-1”, 2024-01-01]\n")
@example("a: &n0 x\n<<: *n0\n")
@example("a: {[1]: 2, {b: c}: d}\n")
@FAST
def test_the_inline_loop_and_the_general_path_agree(text: str) -> None:
    assert _built(text, inline=True) == _built(text, inline=False)


@pytest.mark.parametrize(("allowance", "trips"), [(7, True), (8, False)])
def test_the_alias_guard_counts_every_expansion(monkeypatch, allowance: int, trips: bool) -> None:
    # 8 values written; each *a adds the 4 of [1, 2, 3]: 16 in all when c's alias is read.
    monkeypatch.setattr(yaml_events, "ALIAS_FACTOR", 1)
    monkeypatch.setattr(yaml_events, "ALIAS_ALLOWANCE", allowance)
    loader = yaml.CSafeLoader(b"a: &a [1, 2, 3]\nb: *a\nc: *a\n")
    try:
        if trips:
            with pytest.raises(Trip):
                Builder("x.yaml", guard=True).build(loader)
        else:
            assert Builder("x.yaml", guard=True).build(loader).value["c"] == [1, 2, 3]
    finally:
        loader.dispose()
