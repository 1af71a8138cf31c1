"""Baselines: record today's findings once, then report only the new ones.

A baseline file is JSON, ``{"version": 1, "fingerprints": {fingerprint: count}}`` with
the fingerprints sorted, so that it diffs well under version control. A finding's
fingerprint never contains a line number, so editing elsewhere in a file leaves it
unchanged:

* a rule's finding: ``CODE:catalog-id:item-id:field`` (set by the rule pipeline);
* a loader or schema problem: ``CODE:document:pointer``, where ``document`` is the
  catalog id (the file path for a mapping or an unreadable file) and the list index
  in ``/items/N`` (``/duties/N``, ``/units/N``) is replaced by the item's (duty's,
  unit's) id, so inserting an item above does not change it.

Several findings may share a fingerprint (a 2024 and a 2025 catalog with the same
id, two syntax errors in one file); the baseline keeps how many there were, and only
those beyond that count are new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from govopen_cli.catalog.model import Catalog, DutyMap
from govopen_cli.catalog.pointer import make_pointer, split_pointer
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.errors import BaselineError
from govopen_cli.input_file import InputFileError, open_regular, read_input_text

BASELINE_VERSION = 1


def stable_pointer(pointer: str, catalog: Catalog | None, dutymap: DutyMap | None) -> str:
    """``/items/3/owner`` -> ``/items/ZD-002/owner``: list indexes of items, duties and
    units replaced by their ids where they have one."""
    tokens: list[str | int] = list(split_pointer(pointer))
    if len(tokens) >= 2 and str(tokens[1]).isdigit():
        # Indexed directly (not a list of ids built per call): a catalog with 40,000
        # findings would otherwise cost 40,000 × 40,000 steps.
        index = int(tokens[1])
        entries: Sequence[Any] = ()
        if catalog is not None and tokens[0] == "items":
            entries = catalog.items
        elif dutymap is not None and tokens[0] == "duties":
            entries = dutymap.duties
        elif dutymap is not None and tokens[0] == "units":
            entries = dutymap.units
        if index < len(entries) and entries[index].id:
            tokens[1] = entries[index].id
    return make_pointer(tokens)


def document_fingerprint(
    diag: Diagnostic, *, catalog: Catalog | None = None, dutymap: DutyMap | None = None
) -> str:
    """The fingerprint of a loader or schema problem (see the module docstring)."""
    key = catalog.id if catalog is not None and catalog.id else PurePath(diag.file).as_posix()
    return f"{diag.code}:{key}:{stable_pointer(diag.path, catalog, dutymap)}"


@dataclass(frozen=True)
class Baseline:
    """How many findings had each fingerprint when the baseline was written."""

    counts: Mapping[str, int]

    @classmethod
    def from_diagnostics(cls, diagnostics: Iterable[Diagnostic]) -> Baseline:
        """A baseline of the findings that count (waived ones are already silenced)."""
        return cls(dict(Counter(d.fingerprint for d in diagnostics if not d.waived)))

    def __len__(self) -> int:
        return sum(self.counts.values())

    def to_text(self) -> str:
        """The file's JSON text, fingerprints sorted."""
        data = {"version": BASELINE_VERSION, "fingerprints": dict(sorted(self.counts.items()))}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def filter_new(self, diagnostics: Iterable[Diagnostic]) -> tuple[list[Diagnostic], int]:
        """The diagnostics beyond the recorded count per fingerprint, and how many were known.

        Waived diagnostics pass through untouched. Among findings sharing a fingerprint,
        the first ones in file order count as known.
        """
        remaining = dict(self.counts)
        kept: list[Diagnostic] = []
        known = 0
        for diag in sorted(diagnostics, key=Diagnostic.sort_key):
            if not diag.waived and remaining.get(diag.fingerprint, 0) > 0:
                remaining[diag.fingerprint] -= 1
                known += 1
            else:
                kept.append(diag)
        return kept, known


def parse_baseline(text: str, source: str) -> Baseline:
    """Read a baseline's JSON text; :class:`BaselineError` when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"基线文件 {source} 不是有效的 JSON：{exc}") from exc
    if not isinstance(data, dict) or "fingerprints" not in data:
        raise BaselineError(
            f"基线文件 {source} 不是 govopen 的基线（缺少 fingerprints）。"
            "请用 govopen check --write-baseline 生成"
        )
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(
            f"基线文件 {source} 的版本 {data.get('version')!r} 不受支持（应为 {BASELINE_VERSION}）。"
            "请用 govopen check --write-baseline 重新生成"
        )
    raw = data["fingerprints"]
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v > 0
        for k, v in raw.items()
    ):
        raise BaselineError(
            f"基线文件 {source} 的 fingerprints 应为“指纹: 正整数次数”的映射。"
            "请用 govopen check --write-baseline 重新生成"
        )
    return Baseline(dict(raw))


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; :class:`BaselineError` when missing or invalid."""
    if not path.exists() and not path.is_symlink():
        raise BaselineError(
            f"找不到基线文件 {path}。先用 govopen check --write-baseline {path} 生成"
        )
    try:
        text = read_input_text(path)
    except InputFileError as exc:
        raise BaselineError(f"无法读取基线文件：{exc}") from exc
    return parse_baseline(text, str(path))


def is_baseline_file(path: Path) -> bool:
    """Whether ``path`` holds a govopen baseline (which ``--write-baseline`` may update)."""
    import os

    try:
        fd, _ = open_regular(path)
    except InputFileError:
        return False
    try:
        head = os.read(fd, 4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    finally:
        os.close(fd)
    return head.lstrip().startswith("{") and '"fingerprints"' in head and '"version"' in head
