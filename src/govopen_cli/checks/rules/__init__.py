"""The rule registry: every code govopen can report, with its name and documentation.

A rule is a function that takes a :class:`RuleContext` and yields :class:`Finding`
values; the :func:`rule` decorator registers it under a stable code (family prefix
plus three digits), a kebab-case name and a default severity. Its docstring is the
documentation that ``govopen rules CODE`` prints and ``docs/rules.md`` is generated
from, in four parts: what it checks, why (the article of law), a failing example,
the fix — each part a paragraph starting with ``检查：``, ``依据：``, ``错误示例：``,
``修改：``.

Codes are never reused. The loader's and the schema's problems are registered here
too (without a function), so that ``select``/``ignore`` and ``govopen rules`` know
every code.

Families: GO0xx file and YAML · GO1xx schema · GO2xx 公开方式与渠道 · GO3xx 时限 ·
GO4xx 三定覆盖 · GO5xx 征地 · GO6xx 依据与内容 · GO9xx 豁免.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from govopen_cli.catalog.config import Config
from govopen_cli.catalog.model import Catalog, DutyMap, Location
from govopen_cli.diagnostics import Severity

_CODE = re.compile(r"^[A-Z]{2}[0-9]{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


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
    """One registered code."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: CheckFunction | None = None
    needs_duties: bool = False

    @property
    def family(self) -> str:
        """The code's family prefix, such as ``GO2``."""
        return self.code[:3]

    def run(self, context: RuleContext) -> Iterator[Finding]:
        """Findings of this rule for one catalog (none when it needs a mapping and has none)."""
        if self.check is None or (self.needs_duties and context.dutymap is None):
            return iter(())
        return iter(self.check(context))


RULES: dict[str, Rule] = {}


def register(rule_: Rule) -> Rule:
    """Add a rule to the registry, refusing a code or name used twice."""
    if not _CODE.match(rule_.code):
        raise ValueError(f"bad rule code {rule_.code!r}")
    if not _NAME.match(rule_.name):
        raise ValueError(f"bad rule name {rule_.name!r}")
    if rule_.code in RULES:
        raise ValueError(f"rule code {rule_.code} registered twice")
    if any(r.name == rule_.name for r in RULES.values()):
        raise ValueError(f"rule name {rule_.name} registered twice")
    RULES[rule_.code] = rule_
    return rule_


def rule(
    code: str, name: str, severity: Severity, *, needs_duties: bool = False
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as rule ``code``; its docstring is the documentation."""

    def decorate(func: CheckFunction) -> CheckFunction:
        doc = inspect.cleandoc(func.__doc__ or "")
        summary = doc.splitlines()[0] if doc else name
        register(Rule(code, name, severity, summary, doc, func, needs_duties))
        return func

    return decorate


def is_known_code(code_or_prefix: str) -> bool:
    """True when some registered code starts with ``code_or_prefix``."""
    load_rules()
    return any(c.startswith(code_or_prefix) for c in RULES)


_loaded = False


def load_rules() -> dict[str, Rule]:
    """Import every rule module once, so the registry is complete."""
    global _loaded
    if not _loaded:
        _loaded = True
        from govopen_cli.checks.rules import builtin  # noqa: F401  (registers by import)
    return RULES


def iter_rules(codes: Iterable[str] | None = None) -> Iterator[Rule]:
    """Registered rules in code order (only those starting with one of ``codes``)."""
    load_rules()
    wanted = list(codes or [])
    for code in sorted(RULES):
        if not wanted or any(code.startswith(w) for w in wanted):
            yield RULES[code]
