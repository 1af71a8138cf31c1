"""Pairing a catalog's items with the rows of a guide, by matter (公开事项).

Real tables rename rows: 自然资源领域专项规划 becomes 专项规划, 拟征收土地告知 becomes
征收土地预公告, a 一级事项 of the guide becomes the 一级 of several narrower items. So a
row is matched on the words of its matter, not on an exact title: every level of the
item against the row's distinctive levels (those a heading shared by several rows,
such as 公共服务, is not), scored with rapidfuzz. The renamings real tables make
(:data:`RENAMINGS`) are matched against the item's own name only (its last level): a
heading such as 地质灾害防治 is not the 地质灾害防治规划. An item goes to the one row it
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
#: Names real tables use for a guide row that share too few characters to match by score,
#: each seen in a real table (the sources are named in the guide's data file):
#: - the statutes' word for the 告知 is 征收土地预公告 (《土地管理法实施条例》第二十六条);
#: - the guide's 专项规划 row names 矿产资源、基础测绘等规划, and the 鄂托克前旗 table lists under it
#:   the 矿产资源总体规划, 基础测绘规划 and 地质灾害防治规划: tables file them as items of their own;
#: - 机构信息 is split into its parts (鄂托克前旗: 基本信息／机构职能、机构设置、联系方式; 上海市
#:   规划和自然资源局: 机关职能、机构设置; the bundled catalogs: 内设机构、办公地址及联系方式).
RENAMINGS = {
    "拟征收土地告知": ("征收土地预公告", "征地预公告"),
    "自然资源领域专项规划": (
        "矿产资源规划",
        "矿产资源总体规划",
        "基础测绘规划",
        "地质灾害防治规划",
    ),
    "机构信息": ("机构职能", "机关职能", "机构设置", "内设机构", "联系方式"),
}
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
        terms[row.id] = levels or row.matter
    return terms


def row_aliases(guide: Catalog) -> dict[str, tuple[str, ...]]:
    """Each row's other names (:data:`RENAMINGS` of its levels), matched to an item's own name."""
    return {
        row.id: tuple(alias for level in row.matter for alias in RENAMINGS.get(level, ()))
        for row in guide.items
    }


def row_score(terms: tuple[str, ...], aliases: tuple[str, ...], item: Item) -> float:
    """How well ``item`` matches a row: any level against the row's terms, its name against the aliases."""
    score = max(similarity(t, level) for t in terms for level in item.matter)
    if aliases:
        score = max(score, *(similarity(alias, item.matter[-1]) for alias in aliases))
    return score


@dataclass(frozen=True)
class Pairing:
    """Which items went to which row, and the items of no row."""

    rows: dict[str, tuple[tuple[Item, float], ...]]
    extra: tuple[Item, ...]


def pair_items(catalog: Catalog, guide: Catalog, threshold: float = THRESHOLD) -> Pairing:
    """Give every item of ``catalog`` to the guide row it matches best (at ``threshold`` or more)."""
    terms = row_terms(guide)
    aliases = row_aliases(guide)
    rows: dict[str, list[tuple[Item, float]]] = {row.id: [] for row in guide.items}
    extra: list[Item] = []
    for item in catalog.items:
        best_id, best = "", 0.0
        for row in guide.items:
            score = row_score(terms[row.id], aliases[row.id], item)
            if score > best:
                best_id, best = row.id, score
        if best >= threshold:
            rows[best_id].append((item, best))
        else:
            extra.append(item)
    return Pairing(rows={k: tuple(v) for k, v in rows.items()}, extra=tuple(extra))
