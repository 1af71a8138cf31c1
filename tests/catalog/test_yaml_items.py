"""The items block written without PyYAML's emitter is what PyYAML writes, byte for byte."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from govopen_cli.catalog import yaml_items
from govopen_cli.catalog.yaml_writer import catalog_yaml

ROOT = Path(__file__).resolve().parents[2]


def both(data: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The file written with the fast items block, and with PyYAML alone."""
    fast = catalog_yaml(data, comments=["c"], sources=["目录!A5"])
    with monkeypatch.context() as m:
        m.setattr(yaml_items, "items_block", lambda *args: None)
        slow = catalog_yaml(data, comments=["c"], sources=["目录!A5"])
    return fast, slow


@pytest.mark.parametrize("path", sorted((ROOT / "catalogs").glob("*/*.yaml")), ids=str)
def test_bundled_catalogs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "items" not in data:
        pytest.skip("not a catalog")
    for item in data["items"]:  # the data import makes: dates as text
        for waiver in item.get("waivers", []):
            if "until" in waiver:
                waiver["until"] = str(waiver["until"])
    fast, slow = both(data, monkeypatch)
    assert fast == slow


TEXT = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "全社会",
            "a: b",
            "- x",
            "#注",
            "yes",
            "null",
            "123",
            "1.5",
            "2024-01-02",
            "'q'",
            '"q"',
            "a\nb",
            "行一\n\n行三",
            " 前空格",
            "后空格 ",
            "[x]",
            "{y}",
            "a, b",
            "@x",
            "`x",
            "%x",
            "!x",
            "&x",
            "*x",
            "|x",
            ">x",
            "x #y",
            "\t制表",
            "~",
            "a\u2028b",
            "a\rb",
            "a\x85b",
            "尾\u2029",
        ]
    ),
    st.text(alphabet="事项 :#-,[]{}'\"\n\tabc1", max_size=12),
)
SCALAR = st.one_of(TEXT, st.integers(-5, 10**6), st.booleans())


ITEM = st.fixed_dictionaries(
    {
        "id": TEXT,
        "matter": st.lists(TEXT, max_size=3),
        "content": st.lists(TEXT, max_size=3),
        "deadline": st.one_of(
            TEXT, st.fixed_dictionaries({"text": TEXT, "days": st.integers(0, 99), "unit": TEXT})
        ),
        "channels": st.lists(
            st.one_of(TEXT, st.fixed_dictionaries({"name": TEXT, "mark": TEXT})), max_size=3
        ),
        "audience": st.one_of(TEXT, st.lists(TEXT, max_size=2)),
        "interpretation": st.booleans(),
        "note": TEXT,
        "waivers": st.lists(st.fixed_dictionaries({"rule": TEXT, "reason": TEXT}), max_size=2),
    }
)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(ITEM, min_size=1, max_size=3))
def test_any_items(items: list[dict[str, Any]]) -> None:
    data = {"format": 1, "catalog": {"id": "x"}, "items": items}
    fast = catalog_yaml(data, comments=["c"], sources=["目录!A5"])
    original = yaml_items.items_block
    try:
        yaml_items.items_block = lambda *args: None  # type: ignore[assignment]
        slow = catalog_yaml(data, comments=["c"], sources=["目录!A5"])
    finally:
        yaml_items.items_block = original  # type: ignore[assignment]
    assert fast == slow


def test_an_item_of_another_shape_after_written_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Items are written to the file one by one; an item the fast block cannot write (here
    the third, a nested mapping) makes the file start over with PyYAML: nothing of the
    first attempt is left in it."""
    from govopen_cli.catalog.yaml_writer import write_catalog_yaml

    good = {"id": "A-1", "matter": ["机构信息"], "content": ["领导信息"], "owner": "某局"}
    odd = {"id": "A-3", "matter": ["机构信息"], "owner": {"name": {"nested": "某局"}}}
    data = {"format": 1, "catalog": {"id": "x"}, "items": [good, dict(good, id="A-2"), odd]}
    target = tmp_path / "out.yaml"
    with target.open("w", encoding="utf-8", newline="") as handle:
        write_catalog_yaml(handle, data, comments=["c"], sources=["目录!A5", "目录!A6"])
    with monkeypatch.context() as m:
        m.setattr(yaml_items, "items_block", lambda *args: None)
        slow = catalog_yaml(data, comments=["c"], sources=["目录!A5", "目录!A6"])
    written = target.read_text(encoding="utf-8")
    assert written == slow
    assert "  # 目录!A6\n" in written and written.count("items:") == 1
