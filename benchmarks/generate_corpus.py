"""Generate a province-sized corpus: 130 catalog files, 50,000 items in all.

Items are the bundled 平遥县 catalog's rows with new ids, so the corpus is valid
and realistic in shape (lists, flow and block style, Chinese text).

    python benchmarks/generate_corpus.py [--files 130] [--items 50000] [--out benchmarks/corpus]
"""

from __future__ import annotations

import argparse
import copy
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "catalogs" / "pingyao-zrzyj" / "2025.yaml"


def generate(out: Path, files: int, items: int) -> list[Path]:
    """Write ``files`` catalogs holding ``items`` items in all; return their paths."""
    template = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    rows = template["items"]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    per_file, extra = divmod(items, files)
    for n in range(files):
        count = per_file + (1 if n < extra else 0)
        data = copy.deepcopy(template)
        data["catalog"]["id"] = f"bench-{n:03d}"
        data["catalog"]["title"] = f"基准测试目录第 {n} 号"
        data["catalog"].pop("duties", None)
        data["items"] = []
        for i in range(count):
            row = copy.deepcopy(rows[i % len(rows)])
            row["id"] = f"{row['id']}-{i:05d}"
            row.pop("duties", None)
            row["matter"] = [*row["matter"][:1], f"{row['matter'][-1]}（{i}）"]
            data["items"].append(row)
        path = out / f"catalog-{n:03d}.yaml"
        path.write_text(
            "# yaml-language-server: $schema=../../schemas/catalog.schema.json\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200),
            encoding="utf-8",
        )
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=130)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "corpus")
    args = parser.parse_args()
    paths = generate(args.out, args.files, args.items)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {args.items} items, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
