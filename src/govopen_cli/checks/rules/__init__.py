"""The rule families of ``govopen check``: one module of check functions per family.

GO2xx 公开方式与渠道 (:mod:`.disclosure`) · GO3xx 时限 (:mod:`.time_limit`) · GO4xx 三定覆盖
(:mod:`.coverage`) · GO5xx 征地 (:mod:`.land_acquisition`) · GO6xx 依据与内容
(:mod:`.content`) · GO7xx 公开主体 (:mod:`.owner`) · GX006 import 留下的占位 (:mod:`.placeholder`). Each function is
registered in :mod:`.registry` under its code; what a code means (name, default
severity, documentation) is data in :mod:`govopen_cli.codes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govopen_cli.checks.rules.registry import RULES, Rule

_loaded = False


def load_rules() -> dict[str, Rule]:
    """Import every rule module once, so the registry is complete."""
    global _loaded
    if not _loaded:
        _loaded = True
        # The modules register their functions when imported.
        from govopen_cli.checks.rules import (  # noqa: F401
            content,
            coverage,
            disclosure,
            guide,
            land_acquisition,
            owner,
            placeholder,
            statutory,
            time_limit,
        )
    return RULES


def iter_rules(codes: Iterable[str] | None = None) -> Iterator[Rule]:
    """Registered rules in code order (only those starting with one of ``codes``)."""
    rules = load_rules()
    wanted = list(codes or [])
    for code in sorted(rules):
        if not wanted or any(code.startswith(w) for w in wanted):
            yield rules[code]
