"""The rule registry: the check functions of ``govopen check``, keyed by code.

A rule is a function that takes a :class:`RuleContext` and yields :class:`Finding`
values; the :func:`rule` decorator registers it under a code defined in
:mod:`govopen_cli.codes`, which holds the code's name, default severity and
documentation. Codes that no rule function reports (the loader's, the schema's, the
waivers', those of other commands) live only in :mod:`govopen_cli.codes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from govopen_cli.catalog.config import Config
from govopen_cli.catalog.model import Catalog, DutyMap, Location
from govopen_cli.codes import Code, all_codes


@dataclass(frozen=True)
class Finding:
    """What a rule found: where, what, and what identifies it across edits."""

    location: Location
    message: str
    pointer: str = ""
    item_id: str = ""
    field: str = ""


@dataclass
class RuleContext:
    """What a rule may look at for one catalog."""

    catalog: Catalog
    config: Config
    dutymap: DutyMap | None = None
    today: dt.date = field(default_factory=dt.date.today)

    def at(
        self,
        pointer: str,
        message: str,
        *,
        item_id: str = "",
        field_name: str = "",
        key: bool = False,
    ) -> Finding:
        """A finding located at ``pointer`` in the catalog file."""
        return Finding(
            location=self.catalog.locate(pointer, key=key),
            message=message,
            pointer=pointer,
            item_id=item_id,
            field=field_name,
        )


CheckFunction = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A check function and the code its findings carry."""

    code: Code
    check: CheckFunction
    needs_duties: bool = False

    def run(self, context: RuleContext) -> Iterator[Finding]:
        """Findings of this rule for one catalog (none when it needs a mapping and has none)."""
        if self.needs_duties and context.dutymap is None:
            return iter(())
        return iter(self.check(context))


RULES: dict[str, Rule] = {}


def rule(
    code: Code | str, *, needs_duties: bool = False
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as the check of ``code`` (defined in codes/)."""
    entry = code if isinstance(code, Code) else all_codes().get(code)
    if entry is None:
        raise ValueError(f"rule code {code} is not defined in govopen_cli.codes")

    def decorate(func: CheckFunction) -> CheckFunction:
        if entry.code in RULES:
            raise ValueError(f"rule code {entry.code} registered twice")
        RULES[entry.code] = Rule(entry, func, needs_duties)
        return func

    return decorate
