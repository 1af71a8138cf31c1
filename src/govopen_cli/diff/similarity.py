"""How alike two items are, 0-100: the score that tells a renamed item from a new one.

An item is read as two texts, its name and the rest of its content
(:func:`item_texts`), and two items score the lower of the two ``rapidfuzz`` ratios
(:func:`score_texts`). rapidfuzz is imported inside the scoring function, so loading
this module costs nothing until a diff has items to pair.
"""

from __future__ import annotations

from collections.abc import Iterable

from govopen_cli.catalog.model import Item
from govopen_cli.diff.fields import channel_text

#: An item as scored: (its name, the rest of its content as text).
ItemTexts = tuple[str, str]


def _name_text(item: Item) -> str:
    return item.matter[-1] if item.matter else ""


def _body_text(item: Item) -> str:
    def bag(values: Iterable[str]) -> str:
        return "；".join(sorted(values))

    return "\n".join(
        (
            bag(item.content),
            bag(item.basis),
            item.deadline.text,
            item.owner,
            item.department or "",
            bag(channel_text(c) for c in item.channels),
            bag(item.audience),
            item.audience_note or "",
            bag(item.mode),
            bag(item.levels),
            item.stage or "",
        )
    )


def item_texts(item: Item) -> ItemTexts:
    """The two texts :func:`similarity` compares: the item's name, and its body."""
    return _name_text(item), _body_text(item)


def similarity(old: Item, new: Item, cutoff: float = 0.0) -> float:
    """How alike two items are, 0-100, ignoring their ids and their 一级事项.

    The lower of two ``rapidfuzz.fuzz.ratio`` scores (normalized Indel similarity):
    the items' names (the last level of ``matter``), and the rest of their content
    as text (content, basis, deadline, owner, department, channels, audience, mode,
    levels, stage; list fields sorted). Taking the lower keeps two items cut from
    the same template (办事指南 rows differ mostly in their names) apart. Scores
    below ``cutoff`` come back as 0.
    """
    return score_texts(item_texts(old), item_texts(new), cutoff)


def score_texts(old: ItemTexts, new: ItemTexts, cutoff: float) -> float:
    """:func:`similarity` of two items already read with :func:`item_texts`."""
    from rapidfuzz import fuzz

    name = float(fuzz.ratio(old[0], new[0], score_cutoff=cutoff))
    if cutoff > 0 and name == 0.0:  # below the cutoff: the body cannot help
        return 0.0
    body = float(fuzz.ratio(old[1], new[1], score_cutoff=cutoff))
    return min(name, body)
