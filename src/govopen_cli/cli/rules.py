"""``govopen rules``: list the rules, or show the full documentation of one."""

from __future__ import annotations

import typer

from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.cli.options import format_option
from govopen_cli.cli.output import emit
from govopen_cli.errors import GovopenError
from govopen_cli.reporters import RULES

#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()


@commands.command(
    "rules",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen rules                    列出全部规则\n\n"
        "  govopen rules GO201              显示一条规则的完整说明\n\n"
        "  govopen rules unknown-channel    也可以写规则名称\n\n"
        "  govopen rules GO3                列出编号以 GO3 开头的规则（公开时限）\n\n"
        "  govopen rules --format markdown  输出 Markdown 表格\n\n"
        "退出状态：0 正常；2 没有这条规则或格式不对。"
    ),
)
def rules_command(
    query: str | None = typer.Argument(
        None,
        metavar="CODE",
        help="规则编号（GO201）、名称（proactive-needs-website）或编号前缀（GO2）。",
        show_default=False,
    ),
    fmt: str = format_option(RULES, "输出格式：text（默认）、json、markdown。"),
) -> None:
    """列出检查规则（编号、名称、默认严重程度、说明），或显示一条规则的完整说明。"""
    from govopen_cli.reporters import render
    from govopen_cli.reporters.rule_docs import lookup_rules, suggest_rule
    from govopen_cli.reporters.rule_listing import RuleListing

    found = RuleListing(*lookup_rules(query))
    if found.one is None and not found.listed:
        guess = suggest_rule(query or "")
        hint = f"是不是 {guess}？" if guess else ""
        raise GovopenError(f"没有编号或名称为 {query} 的规则。{hint}govopen rules 列出全部规则")
    emit(render(RULES, found, fmt), None)
