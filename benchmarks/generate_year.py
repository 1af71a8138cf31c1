"""Generate one 50,000-item catalog file and a second year of it.

Rows are the bundled 平遥县 catalog's rows with new ids (as in generate_corpus.py).
The second year is the first with, chosen by a fixed seed: renames (new id, same
content), moves (another 一级事项), field changes, removed items and added items.

    python benchmarks/generate_year.py [--items 50000] [--out benchmarks/corpus]

writes ``year-<items>/2025.yaml`` and ``year-<items>/2026.yaml`` under ``--out``.
"""

from __future__ import annotations

import argparse
import copy
import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "catalogs" / "pingyao-zrzyj" / "2025.yaml"
HEADER = "# yaml-language-server: $schema=../../../schemas/catalog.schema.json\n"
SEED = 20261203
# share of the first year's items touched in the second year
RENAMED, MOVED, CHANGED, REMOVED, ADDED = 0.02, 0.02, 0.05, 0.01, 0.01


def first_year(items: int) -> dict:
    """The first year: ``items`` items built from the template's rows."""
    template = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    rows = template["items"]
    data = copy.deepcopy(template)
    data["catalog"]["id"] = "bench-year"
    data["catalog"]["title"] = "基准测试目录（单文件）"
    data["catalog"].pop("duties", None)
    data["items"] = []
    for i in range(items):
        row = copy.deepcopy(rows[i % len(rows)])
        row["id"] = f"{row['id']}-{i:05d}"
        row.pop("duties", None)
        row["matter"] = [*row["matter"][:1], f"{row['matter'][-1]}（{i}）"]
        data["items"].append(row)
    return data


def second_year(first: dict, seed: int = SEED) -> tuple[dict, dict[str, int]]:
    """The next year of ``first`` and how many items each kind of change touched."""
    rng = random.Random(seed)
    data = copy.deepcopy(first)
    data["catalog"]["year"] = first["catalog"]["year"] + 1
    data["catalog"]["title"] = "基准测试目录（单文件，次年）"
    items = data["items"]
    n = len(items)
    tops = sorted({item["matter"][0] for item in items})
    order = list(range(n))
    rng.shuffle(order)
    cuts = [int(n * share) for share in (RENAMED, MOVED, CHANGED, REMOVED)]
    renamed, moved, changed, removed = [], [], [], []
    start = 0
    for bucket, size in zip((renamed, moved, changed, removed), cuts, strict=True):
        bucket.extend(order[start : start + size])
        start += size
    for i in renamed:
        items[i]["id"] = f"R{items[i]['id']}"
    for i in moved:
        current = items[i]["matter"][0]
        items[i]["matter"][0] = rng.choice([t for t in tops if t != current])
    for k, i in enumerate(changed):
        item = items[i]
        if k % 3 == 0:
            item["deadline"] = "自信息形成或者变更之日起10个工作日内"
        elif k % 3 == 1:
            item["department"] = f"{item.get('department', '办公室')}（调整后）"
        else:
            item["content"] = [*item.get("content", []), "新增公开要素"]
    gone = set(removed)
    kept = [item for i, item in enumerate(items) if i not in gone]
    added = []
    for k in range(int(n * ADDED)):
        row = copy.deepcopy(first["items"][rng.randrange(n)])
        row["id"] = f"NEW-{k:05d}"
        row["matter"] = [row["matter"][0], f"新增事项（{k}）"]
        added.append(row)
    for row in added:
        kept.insert(rng.randrange(len(kept) + 1), row)
    data["items"] = kept
    counts = {
        "renamed": len(renamed),
        "moved": len(moved),
        "changed": len(changed),
        "removed": len(removed),
        "added": len(added),
    }
    return data, counts


def write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
    path.write_text(HEADER + text, encoding="utf-8")


def generate(out: Path, items: int) -> tuple[Path, Path, dict[str, int]]:
    """Write both years under ``out/year-<items>/``; return their paths and the change counts."""
    first = first_year(items)
    second, counts = second_year(first)
    folder = out / f"year-{items}"
    old, new = (
        folder / f"{first['catalog']['year']}.yaml",
        folder / f"{second['catalog']['year']}.yaml",
    )
    write(old, first)
    write(new, second)
    return old, new, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "corpus")
    args = parser.parse_args()
    old, new, counts = generate(args.out, args.items)
    for path in (old, new):
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    print("second year: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
