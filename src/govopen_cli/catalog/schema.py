"""JSON Schema validation of loaded documents, with messages a 政务公开 officer can act on.

The schemas ship inside the package (``govopen_cli/schemas``; a test keeps them equal
to the repository's ``schemas/``). A document is first checked with jsonschema-rs,
which is fast enough that validating costs a fraction of parsing; only a document
that fails is walked again with :mod:`jsonschema`, whose errors carry the keyword,
the schema and the instance path that the Chinese messages are written from
(:mod:`.schema_errors`, :mod:`.schema_messages`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from importlib import resources
from itertools import islice
from typing import Any

from govopen_cli.catalog.document import Document
from govopen_cli.catalog.schema_errors import schema_diagnostics
from govopen_cli.codes.go.file import GO010
from govopen_cli.diagnostics import Diagnostic, Severity

SCHEMA_NAMES = ("catalog", "duties")
#: Where a date written without quotes is what the format wants.
DATE_FIELDS = ("until",)


def schema_text(name: str) -> str:
    """The JSON text of a shipped schema (``catalog`` or ``duties``)."""
    if name not in SCHEMA_NAMES:
        raise KeyError(name)
    return (resources.files("govopen_cli") / "schemas" / f"{name}.schema.json").read_text(
        encoding="utf-8"
    )


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A shipped schema as data."""
    data: dict[str, Any] = json.loads(schema_text(name))
    return data


@cache
def _fast_validator(name: str) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - the wheel exists for common platforms
        return None
    return jsonschema_rs.validator_for(load_schema(name))


@cache
def _full_validator(name: str) -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(load_schema(name))


#: Most schema problems listed per file: a file of a million wrong items ends in
#: seconds, not minutes (docs/limits.md).
MAX_SCHEMA_PROBLEMS = 10_000


def validate_document(document: Document, kind: str) -> list[Diagnostic]:
    """Validate a loaded document against the ``catalog`` or ``duties`` schema."""
    problems: list[Diagnostic] = []
    fast = _fast_validator(kind)
    if fast is None or not fast.is_valid(document.data):
        errors = _full_validator(kind).iter_errors(document.data)
        found = schema_diagnostics(document, kind, load_schema(kind), errors)
        problems.extend(islice(found, MAX_SCHEMA_PROBLEMS))
        more = next(found, None)  # validation is lazy: stopping here bounds the time
        if more is not None:
            problems.append(
                replace(
                    more,
                    message=f"格式问题超过 {MAX_SCHEMA_PROBLEMS:,} 个，其余未列出。"
                    "请先改正上面列出的问题（常见原因：缩进或列表的写法整体有误）再检查",
                )
            )
    problems.extend(_date_diagnostics(document))
    return problems


def _date_diagnostics(document: Document) -> Iterator[Diagnostic]:
    """Text that YAML reads as a date, where the format wants free text."""
    for pointer in document.dates:
        if pointer.rsplit("/", 1)[-1] in DATE_FIELDS:
            continue
        written = document.source_text(pointer) or ""
        line, column = document.locate(pointer)
        yield GO010.at(
            document.display,
            f"{pointer.rsplit('/', 1)[-1]} 的值 {written} 会被 YAML 读成日期，"
            f"不是文字。请加引号：'{written}'",
            line=line,
            column=column,
            path=pointer,
            severity=Severity.ERROR,
        )
