"""Pairing old items with new ones: by id, then renamed items by similarity.

1. items with the same ``id`` are the same item;
2. among the rest, an old and a new item whose content is nearly the same are one
   item renamed (:data:`RENAME_THRESHOLD`, see
   :func:`~govopen_cli.diff.similarity.similarity`), paired greedily by best score,
   one to one. Only the pairs :func:`~govopen_cli.diff.blocking.candidate_pairs`
   gives are scored (names sharing a rare character), which are all the pairs that
   can reach the threshold: the result is that of scoring every pair;
3. what is left is removed (old) or added (new).
"""

from __future__ import annotations

from collections.abc import Sequence

from govopen_cli.catalog.model import Catalog, Item
from govopen_cli.diff.blocking import candidate_pairs
from govopen_cli.diff.similarity import item_texts, score_texts

#: Two items of different ids are one item renamed at this similarity (0-100) or above.
RENAME_THRESHOLD = 85.0


def items_by_id(catalog: Catalog) -> dict[str, Item]:
    """Items by id; a repeated id keeps its first item (the loader reports GD001)."""
    out: dict[str, Item] = {}
    for item in catalog.items:
        out.setdefault(item.id, item)
    return out


def match_renames(
    removed: Sequence[Item], added: Sequence[Item], threshold: float = RENAME_THRESHOLD
) -> list[tuple[Item, Item, float]]:
    """Pairs (old, new, similarity) at or above ``threshold``, best first, one to one.

    ``removed`` and ``added`` are in file order; ties go to the earlier old item, then
    the earlier new item, so the result depends on nothing but the two files.
    """
    old_texts = [item_texts(old) for old in removed]
    new_texts = [item_texts(new) for new in added]
    candidates = []
    names = [text[0] for text in old_texts], [text[0] for text in new_texts]
    for i, j in candidate_pairs(*names, threshold):
        score = score_texts(old_texts[i], new_texts[j], threshold)
        if score >= threshold:
            candidates.append((-score, i, j))
    candidates.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for neg_score, i, j in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((removed[i], added[j], -neg_score))
    return pairs
