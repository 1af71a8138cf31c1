"""The rules' shortcuts give what the plain computations give, for any text or data."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govopen_cli.catalog.model import normal_text
from govopen_cli.catalog.model_build import item_from_data
from govopen_cli.checks.rules.placeholder import holds_placeholder, placeholders

# Full-width letters and digits, ideographic and other Unicode spaces, CJK: what catalogs hold.
TEXT = st.text(
    alphabet=st.sampled_from(
        list("公开事项待填写（）()ＡＢ１２ab12 \t\n\u3000\u00a0\u2003\u200b，、；")
    )
    | st.characters(),
    max_size=30,
)


@given(TEXT)
def test_normal_text_is_nfkc_without_spaces(text: str) -> None:
    assert normal_text(text) == "".join(unicodedata.normalize("NFKC", text).split())


@given(st.lists(TEXT, max_size=4), st.lists(TEXT, max_size=3))
def test_item_texts_are_the_normalised_fields(matter: list[str], content: list[str]) -> None:
    item = item_from_data({"matter": matter, "content": content})
    slow = [normal_text(m) for m in item.matter]
    assert item.matter_key == tuple(slow)
    assert item.matter_text == "".join(slow)  # worked out once, then read from the slot
    assert item.matter_text == "".join(slow)
    assert item.what_text == "".join(slow) + "".join(normal_text(c) for c in item.content)


VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.integers() | TEXT | st.sampled_from(["待填写", "待填写：公开主体"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["id", "matter", "owner", "x"]), children, max_size=4)
    ),
    max_leaves=20,
)


@given(VALUES)
def test_placeholder_screen_agrees_with_the_walk(value: Any) -> None:
    assert holds_placeholder(value) == any(True for _ in placeholders(value, []))
