"""Rename matching scores blocked candidates only, and finds what scoring every pair finds.

The reference below is the matcher before blocking: every removed item scored
against every added item. The blocked matcher must return the same pairs, in the
same order, with the same scores, for any names and bodies and any threshold.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from govopen_cli.catalog.files import load_file
from govopen_cli.catalog.model import Catalog, Deadline, Item
from govopen_cli.diff.blocking import candidate_pairs
from govopen_cli.diff.compare import diff_catalogs, diff_sources
from govopen_cli.diff.match import RENAME_THRESHOLD, match_renames
from govopen_cli.diff.revision import ItemPositions
from govopen_cli.diff.similarity import item_texts, score_texts

# Pieces of real 公开事项 names: names made of them share characters the way a
# catalog's names do (many share 公开/信息/行政, few share a rare character).
PIECES = [
    "政府信息",
    "公开",
    "指南",
    "行政",
    "许可",
    "土地",
    "供应",
    "计划",
    "（",
    "1",
    "2",
    "）",
    "征收",
]
names = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)
bodies = st.lists(
    st.sampled_from(["全文", "名称", "县级", "主动", "政府网站", "第二十条"]), max_size=4
)


def make_item(item_id: str, name: str, body: list[str]) -> Item:
    return Item(
        id=item_id,
        matter=("政策文件", name),
        content=tuple(body),
        basis=(),
        deadline=Deadline("自信息形成之日起20个工作日内"),
        owner="平遥县自然资源局",
        channels=(),
        audience=("全社会",),
        mode=("主动",),
        levels=("县级",),
    )


def all_pairs(removed: list[Item], added: list[Item], threshold: float) -> list[Any]:
    """The matcher before blocking: every pair scored."""
    new_texts = [item_texts(new) for new in added]
    candidates = []
    for i, old in enumerate(removed):
        old_text = item_texts(old)
        for j, new_text in enumerate(new_texts):
            score = score_texts(old_text, new_text, threshold)
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


sides = st.lists(st.tuples(names, bodies), max_size=12)
thresholds = st.sampled_from([RENAME_THRESHOLD, 100.0, 95.0, 70.0, 50.0, 20.0, 1.0, 0.0])


@settings(max_examples=300, deadline=None)
@given(sides, sides, thresholds)
def test_blocked_matching_equals_scoring_every_pair(old_rows, new_rows, threshold):
    removed = [make_item(f"OLD-{k}", name, body) for k, (name, body) in enumerate(old_rows)]
    added = [make_item(f"NEW-{k}", name, body) for k, (name, body) in enumerate(new_rows)]
    assert match_renames(removed, added, threshold) == all_pairs(removed, added, threshold)


@settings(max_examples=300, deadline=None)
@given(st.lists(names, max_size=10), st.lists(names, max_size=10), st.floats(0.5, 100.0))
def test_every_pair_of_names_at_the_threshold_is_a_candidate(old, new, threshold):
    candidates = set(candidate_pairs(old, new, threshold))
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if fuzz.ratio(a, b) >= threshold:
                assert (i, j) in candidates, (a, b, fuzz.ratio(a, b))


def test_names_sharing_no_rare_character_are_not_scored():
    old = ["行政许可事项（1）", "土地供应计划（2）"]
    new = ["土地供应计划（3）", "行政许可事项（4）"]
    assert sorted(candidate_pairs(old, new, RENAME_THRESHOLD)) == [(0, 1), (1, 0)]


# -- the old side keeps only its items' positions --------------------------------------


def write(path: Path, items: list[dict[str, Any]]) -> Path:
    data = {
        "format": 1,
        "catalog": {"id": "py", "title": "平遥县目录", "agency": "平遥县自然资源局", "year": 2024},
        "items": items,
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def row(item_id: str, name: str, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item_id,
        "matter": ["政策文件", name],
        "content": [f"{name}的全文"],
        "basis": ["《中华人民共和国政府信息公开条例》第二十条"],
        "deadline": "自信息形成或者变更之日起20个工作日内",
        "owner": "平遥县自然资源局",
        "channels": ["政府网站"],
        "audience": "全社会",
        "mode": "主动",
        "levels": ["县级"],
    }
    data.update(fields)
    return data


def load(path: Path) -> Catalog:
    loaded = load_file(path)
    assert loaded.catalog is not None and loaded.diagnostics == []
    return loaded.catalog


def test_old_side_changes_are_located_the_same_without_its_document(tmp_path):
    old = load(
        write(
            tmp_path / "2024.yaml",
            [
                row("A-1", "行政规范性文件"),
                row("A-2", "土地供应计划", duties=["D04"]),
                row("A-3", "征收土地公告", duties=["D05"]),
            ],
        )
    )
    new = load(write(tmp_path / "2025.yaml", [row("A-1", "行政规范性文件")]))
    reduced = dataclasses.replace(old, document=None)
    with_document = diff_catalogs(old, new)
    without = diff_catalogs(reduced, new, old_positions=ItemPositions(old))
    assert without == with_document
    lines = (tmp_path / "2024.yaml").read_text("utf-8").splitlines()
    item_at = [n for n, text in enumerate(lines, 1) if text.startswith("- id: A-")]
    duties_at = [n for n, text in enumerate(lines, 1) if text.startswith("  duties:")]
    located = [(c.code, c.item_id or c.duty_id, c.line, c.column) for c in without.changes]
    assert located == [
        ("GD102", "A-2", item_at[1], 3),
        ("GD102", "A-3", item_at[2], 3),
        ("GD301", "D04", duties_at[0] + 1, 3),  # at the list under duties:
        ("GD301", "D05", duties_at[1] + 1, 3),
    ]


def test_diff_sources_drops_the_old_document_and_locates_removed_items(tmp_path):
    old = write(tmp_path / "2024.yaml", [row("A-1", "行政规范性文件"), row("A-2", "土地供应计划")])
    new = write(tmp_path / "2025.yaml", [row("A-1", "行政规范性文件")])
    outcome = diff_sources(str(old), str(new))
    assert outcome.diff is not None
    (removed,) = outcome.diff.changes
    line = old.read_text("utf-8").splitlines().index("- id: A-2") + 1
    assert (removed.code, removed.item_id, removed.line, removed.column) == (
        "GD102",
        "A-2",
        line,
        3,
    )
    assert removed.file.endswith("2024.yaml")
