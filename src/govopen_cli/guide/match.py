"""Pairing a catalog's items with the rows of a guide, by matter (公开事项).

Real tables rename rows: 自然资源领域专项规划 becomes 专项规划, 拟征收土地告知 becomes
征收土地预公告, a 一级事项 of the guide becomes the 一级 of several narrower items. So a
row is matched on the words of its matter, not on an exact title: every level of the
item against the row's distinctive levels (those a heading shared by several rows,
such as 公共服务, is not), scored with rapidfuzz. An item goes to the one row it
matches best; a row with at least one item is present.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from govopen_cli.catalog.model import Catalog, Item

#: Lowest score (0-100) at which an item counts as the row's.
THRESHOLD = 80
#: A level contained in the other counts this much (专项规划 in 自然资源领域专项规划).
_CONTAINED = 90
#: Names real tables use for a guide row that share too few characters to match by
#: score: the statutes' word for the 告知 is 征收土地预公告 (《土地管理法实施条例》第二十六条).
RENAMINGS = {"拟征收土地告知": ("征收土地预公告", "征地预公告")}
_NOISE = re.compile(r"[\s“”\"'‘’《》（）()、，,·•\-—_]")


def _norm(text: str) -> str:
    return _NOISE.sub("", text)


@lru_cache(maxsize=1 << 16)  # a system's catalogs repeat the same headings many times
def similarity(a: str, b: str) -> float:
    """How alike two matter names are, 0-100: fuzzy ratio, or containment of 4+ characters."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    score = float(fuzz.ratio(a, b))
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and short in long_:
        score = max(score, _CONTAINED)
    return score


def row_terms(guide: Catalog) -> dict[str, tuple[str, ...]]:
    """Each row's distinctive levels: a 一级 shared by several rows is only a heading."""
    shared = Counter(it.matter[0] for it in guide.items if len(it.matter) > 1)
    terms = {}
    for row in guide.items:
        levels = tuple(
            level
            for i, level in enumerate(row.matter)
            if not (i == 0 and len(row.matter) > 1 and shared[level] > 1)
        )
        levels = levels or row.matter
        terms[row.id] = levels + tuple(alias for lv in levels for alias in RENAMINGS.get(lv, ()))
    return terms


@dataclass(frozen=True)
class Pairing:
    """Which items went to which row, and the items of no row."""

    rows: dict[str, tuple[tuple[Item, float], ...]]
    extra: tuple[Item, ...]


def pair_items(catalog: Catalog, guide: Catalog, threshold: float = THRESHOLD) -> Pairing:
    """Give every item of ``catalog`` to the guide row it matches best (at ``threshold`` or more)."""
    terms = row_terms(guide)
    rows: dict[str, list[tuple[Item, float]]] = {row.id: [] for row in guide.items}
    extra: list[Item] = []
    for item in catalog.items:
        best_id, best = "", 0.0
        for row in guide.items:
            score = max(similarity(t, level) for t in terms[row.id] for level in item.matter)
            if score > best:
                best_id, best = row.id, score
        if best >= threshold:
            rows[best_id].append((item, best))
        else:
            extra.append(item)
    return Pairing(rows={k: tuple(v) for k, v in rows.items()}, extra=tuple(extra))
