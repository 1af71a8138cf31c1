"""Every diagnostic code govopen reports, as data: one table per family.

A :class:`Code` holds what users and tools need to know about a code: the stable code
(family prefix plus three digits), its kebab-case name, its default severity, a one-line
summary and the documentation in four parts (检查 / 依据 / 错误示例 / 修改), whose 依据
part names the article of law or the format rule the code rests on.

Families, one module each: GO (catalog and mapping files: YAML, schema, the rules of
law, 三定 coverage, waivers; a package :mod:`.go` with one module per part), GD
(``govopen diff``), GR (the 依申请 ledger and the annual report table), GX (``govopen
import``), GI (``govopen inspect``). Each code is a module constant named by its code
(``from govopen_cli.codes.gd import GD101``). Nothing outside this package defines a
code; every producer builds its diagnostics with :meth:`Code.at`, the one constructor
that fills in the code, its name and its default severity. Codes are never reused.
"""

from __future__ import annotations

import importlib
import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from govopen_cli.diagnostics import Diagnostic, Severity

_CODE = re.compile(r"^G[ODRXI][0-9]{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

#: the family modules, imported once by :func:`all_codes`
FAMILIES = ("go", "gd", "gr", "gx", "gi")


@dataclass(frozen=True)
class Code:
    """One diagnostic code and its documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str

    @property
    def family(self) -> str:
        """The code's family prefix, such as ``GO2``."""
        return self.code[:3]

    @property
    def basis(self) -> str:
        """The 依据 part of the documentation: the article the code rests on."""
        for part in self.doc.split("\n\n"):
            if part.startswith("依据："):
                return part.removeprefix("依据：").strip()
        return ""

    def at(
        self,
        file: str,
        message: str,
        *,
        line: int = 1,
        column: int = 1,
        path: str = "",
        source: str = "",
        severity: Severity | None = None,
        fingerprint: str = "",
    ) -> Diagnostic:
        """A diagnostic of this code at a place in ``file``."""
        return Diagnostic(
            file=file,
            line=line,
            column=column,
            code=self.code,
            severity=self.severity if severity is None else severity,
            message=message,
            path=path,
            name=self.name,
            fingerprint=fingerprint,
            source=source,
        )


CODES: dict[str, Code] = {}
_NAMES: dict[str, str] = {}


def define(code: str, name: str, severity: Severity, doc: str, *, summary: str = "") -> Code:
    """Add a code to the registry, refusing a malformed or reused code or name.

    ``doc`` is written like a docstring (its lines after the first are dedented). Its
    first line is the summary, unless ``summary`` gives one that the doc does not repeat.
    """
    if not _CODE.match(code):
        raise ValueError(f"bad code {code!r}")
    if not _NAME.match(name):
        raise ValueError(f"bad code name {name!r}")
    if code in CODES:
        raise ValueError(f"code {code} defined twice")
    if name in _NAMES:
        raise ValueError(f"code name {name} defined twice ({_NAMES[name]}, {code})")
    text = _clean(doc)
    entry = Code(code, name, severity, summary or text.split("\n", 1)[0], text)
    CODES[code] = entry
    _NAMES[name] = code
    return entry


def _clean(doc: str) -> str:
    # What inspect.cleandoc does to a docstring, without importing inspect.
    first, _, rest = doc.strip().partition("\n")
    return f"{first}\n{textwrap.dedent(rest)}".strip() if rest else first


_loaded = False


def all_codes() -> dict[str, Code]:
    """Every family's table, loaded once."""
    global _loaded
    if not _loaded:
        _loaded = True
        for family in FAMILIES:
            importlib.import_module(f"govopen_cli.codes.{family}")
    return CODES


def lookup(code_or_name: str) -> Code | None:
    """The code with this code (GO201) or name (proactive-needs-website), if any."""
    codes = all_codes()
    if code_or_name in codes:
        return codes[code_or_name]
    code = _NAMES.get(code_or_name)
    return codes[code] if code else None


def is_known_code(code_or_prefix: str) -> bool:
    """True when some code starts with ``code_or_prefix``."""
    return any(c.startswith(code_or_prefix) for c in all_codes())


def iter_codes(prefixes: Iterable[str] | None = None) -> Iterator[Code]:
    """Codes in code order (only those starting with one of ``prefixes``)."""
    codes = all_codes()
    wanted = list(prefixes or [])
    for code in sorted(codes):
        if not wanted or any(code.startswith(w) for w in wanted):
            yield codes[code]
