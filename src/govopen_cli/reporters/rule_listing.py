"""The output of ``govopen rules``: one rule in full, or a table of the rules found.

Registered for the :data:`~govopen_cli.reporters.RULES` kind, in text, JSON and
Markdown. The words come from the rule documentation
(:mod:`govopen_cli.reporters.rule_docs`, written from :mod:`govopen_cli.codes`); this module picks the shape of the answer.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NamedTuple

from govopen_cli.reporters import RULES, RenderOptions, register
from govopen_cli.reporters.rule_docs import (
    rule_markdown,
    rule_text,
    rule_to_dict,
    rules_table_markdown,
    rules_text,
)

if TYPE_CHECKING:
    from govopen_cli.codes import Code


class RuleListing(NamedTuple):
    """What ``govopen rules`` found: one rule (``one``), or the rules a prefix matched."""

    one: Code | None
    listed: list[Code]


@register(RULES, "text")
def render_text(found: RuleListing, options: RenderOptions) -> str:
    """One rule's full documentation, or one line per rule."""
    return rule_text(found.one) if found.one is not None else rules_text(found.listed)


@register(RULES, "json")
def render_json(found: RuleListing, options: RenderOptions) -> str:
    """One rule in full, or ``{"rules": [...]}``; UTF-8, not escaped."""
    if found.one is not None:
        data = rule_to_dict(found.one, full=True)
    else:
        data = {"rules": [rule_to_dict(r) for r in found.listed]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@register(RULES, "markdown")
def render_markdown(found: RuleListing, options: RenderOptions) -> str:
    """One rule as a section, or a Markdown table of the rules."""
    if found.one is not None:
        return rule_markdown(found.one, level=2)
    return rules_table_markdown(found.listed)
