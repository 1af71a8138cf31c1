"""The help screens (``govopen -h``, ``govopen COMMAND -h``), drawn in Chinese.

Typer draws its help with rich, in English ("Options", "[default: …]", type names
such as ``<list[Path]>``) and offers no public setting for those words. Every command
and group of govopen is therefore made with :class:`HelpCommand` or :class:`HelpGroup`
(Typer's public ``cls=`` hook), whose ``format_help`` draws the panels Typer draws —
usage, help text, 参数, 选项, 命令, epilog — with Chinese words. The screen reads only
what Click and Typer make public: the command's help and parameters, and the type
hints and :func:`typer.Option` settings of the function behind the command.

rich is imported only when a help screen is drawn.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from govopen_cli.cli.parameter_text import (
    Declared,
    declarations,
    default_text,
    range_text,
    type_text,
)

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.highlighter import RegexHighlighter
    from rich.text import Text

ARGUMENTS_TITLE = "参数"
OPTIONS_TITLE = "选项"
COMMANDS_TITLE = "命令"
DEFAULT_TEXT = "[默认：{}]"
REQUIRED_TEXT = "[必填]"
HELP_OPTION_HELP = "显示本帮助后退出。"

# The colours Typer uses, so that a help screen on a terminal looks as it always did.
_THEME = {
    "option": "bold cyan",
    "switch": "bold green",
    "negative_option": "bold magenta",
    "negative_switch": "bold red",
    "types": "bold yellow",
    "types_sep": "dim",
    "usage": "yellow",
}
_USAGE_STYLE = "bold"
_HELP_STYLE = "dim"
_DEFAULT_STYLE = "dim"
_REQUIRED_STYLE = "red"
_REQUIRED_LONG_STYLE = "dim red"
_BORDER_STYLE = "dim"
_COMMAND_STYLE = "bold cyan"


class HelpCommand(TyperCommand):
    """A Typer command whose help screen is in Chinese."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """Print the help screen (as Typer does: straight to the terminal)."""
        print_help(self, ctx)


class HelpGroup(TyperGroup):
    """A Typer group of commands whose help screen is in Chinese."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """Print the help screen (as Typer does: straight to the terminal)."""
        print_help(self, ctx)


def show_help_without_command(ctx: typer.Context) -> None:
    """Group callback: a group run without a command shows its help and exits 2."""
    if ctx.invoked_subcommand is None:
        print_help(ctx.command, ctx)
        raise typer.Exit(2)


def print_help(command: Any, ctx: typer.Context) -> None:
    """Draw the help screen of ``command`` on standard output."""
    from rich.align import Align
    from rich.padding import Padding

    console = _console()
    highlight = _highlighter()
    console.print(Padding(highlight(_usage(command, ctx)), 1), style=_USAGE_STYLE)
    if command.help:
        console.print(Padding(Align(_help_text(command.help), pad=False), (0, 1, 1, 1)))
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    declared = declarations(command)
    help_option = command.get_help_option(ctx)
    for title, kind in ((ARGUMENTS_TITLE, TyperArgument), (OPTIONS_TITLE, TyperOption)):
        rows = [
            _param_row(p, declared.get(p.name), p is help_option, ctx)
            for p in params
            if isinstance(p, kind)
        ]
        if rows:
            console.print(_params_panel(title, rows))
    if isinstance(command, TyperGroup):
        subcommands = [command.get_command(ctx, name) for name in command.list_commands(ctx)]
        shown = [c for c in subcommands if c is not None and not c.hidden]
        if shown:
            console.print(_commands_panel(shown))
    if command.epilog:
        epilog = _markup(command.epilog)
        console.print(Padding(Align(epilog, pad=False), 1))


# -- the parts of the screen ----------------------------------------------------------


def _console() -> Console:
    from rich.console import Console
    from rich.theme import Theme

    # Colour and width follow the same environment variables as Typer's help did.
    force_terminal = (
        True
        if os.environ.get("GITHUB_ACTIONS")
        or os.environ.get("FORCE_COLOR")
        or os.environ.get("PY_COLORS")
        else None
    )
    if os.environ.get("_TYPER_FORCE_DISABLE_TERMINAL"):
        force_terminal = False
    width = os.environ.get("TERMINAL_WIDTH")
    return Console(
        theme=Theme(_THEME),
        highlighter=_highlighter(),
        color_system="auto",
        force_terminal=force_terminal,
        width=int(width) if width else None,
    )


@functools.cache
def _highlighter() -> RegexHighlighter:
    from rich.highlighter import RegexHighlighter

    class OptionHighlighter(RegexHighlighter):
        highlights = [  # noqa: RUF012 (rich reads this class attribute)
            r"(^|\W)(?P<switch>\-\w+)(?![a-zA-Z0-9])",
            r"(^|\W)(?P<option>\-\-[\w\-]+)(?![a-zA-Z0-9])",
            r"(?P<types>\<[^\>]+\>)",
            r"(?P<usage>Usage: )",
        ]

    return OptionHighlighter()


@functools.cache
def _types_highlighter() -> RegexHighlighter:
    from rich.highlighter import RegexHighlighter

    class TypesHighlighter(RegexHighlighter):
        highlights = [  # noqa: RUF012 (rich reads this class attribute)
            r"^(?P<types_sep>(\[|<))",
            r"(?P<types_sep>\|)",
            r"(?P<types_sep>(\]|>))(\.\.\.)?$",
        ]

    return TypesHighlighter()


def _markup(text: str, style: str = "") -> Text:
    """Help text as Typer reads it: dedented, rich markup, options highlighted."""
    from rich.text import Text

    text = inspect.cleandoc(text)
    if "\033[" in text:
        return _highlighter()(Text.from_ansi(text, style=style))
    return _highlighter()(Text.from_markup(text, style=style))


def _usage(command: Any, ctx: typer.Context) -> str:
    """``Usage: govopen check [OPTIONS] [paths]...``: arguments in braces when required."""
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument):
            name = param.metavar or param.name or ""
            name = f"{{{name}}}" if param.required else f"[{name}]"
            pieces.append(name + ("..." if param.nargs != 1 else ""))
    if isinstance(command, TyperGroup):
        pieces.append(command.subcommand_metavar or "COMMAND [ARGS]...")
    formatter = ctx.make_formatter()
    formatter.write_usage(ctx.command_path, " ".join(pieces))
    return str(formatter.getvalue()).rstrip("\n")


def _help_text(text: str) -> RenderableType:
    """The first paragraph as it is; the others dim, after a blank line."""
    from rich.console import Group
    from rich.text import Text

    first, *rest = inspect.cleandoc(text).partition("\f")[0].split("\n\n")
    if not first.startswith("\b"):
        first = first.replace("\n", " ")
    parts: list[RenderableType] = [_markup(first.strip())]
    if rest:
        parts += [Text(""), _markup("\n\n".join(rest), style=_HELP_STYLE)]
    return Group(*parts)


def _param_row(
    param: Any, declared: Declared | None, is_help: bool, ctx: typer.Context
) -> list[RenderableType]:
    """One row of a 参数 or 选项 panel: required mark, names, type, help."""
    from rich.columns import Columns
    from rich.text import Text

    highlight = _highlighter()
    shown_name = None
    if isinstance(param, TyperArgument):
        shown_name = param.metavar or param.name or ""
        if param.metavar is None and param.nargs != 1:
            shown_name += "..."
    long_names, short_names = _split_names(param.opts, shown_name)
    negative_long, negative_short = _split_names(param.secondary_opts, shown_name)
    types = Text(style=_THEME["types"], overflow="fold")
    types.append(type_text(param, declared))
    types.append(range_text(declared))
    items: list[RenderableType] = []
    help_text = HELP_OPTION_HELP if is_help else param.help
    if help_text:
        paragraphs = [
            p.replace("\n", " ").strip()
            if not p.startswith("\b")
            else "{}\n".format(p.strip("\b\n"))
            for p in help_text.split("\n\n")
        ]
        items.append(_markup("\n".join(paragraphs).strip()))
    default = default_text(param, ctx)
    if default:
        items.append(Text(DEFAULT_TEXT.format(default), style=_DEFAULT_STYLE))
    if param.required:
        items.append(Text(REQUIRED_TEXT, style=_REQUIRED_LONG_STYLE))
    return [
        Text("*", style=_REQUIRED_STYLE) if param.required else "",
        highlight(",".join(long_names)),
        highlight(",".join(short_names)),
        highlight(",".join(negative_long)),
        highlight(",".join(negative_short)),
        _types_highlighter()(types),
        Columns(items),
    ]


def _split_names(opts: Iterable[str], shown_name: str | None) -> tuple[list[str], list[str]]:
    """``--format`` to the long column; ``-f`` (or an argument's name) to the short one."""
    long_names, short_names = [], []
    for opt in opts:
        if "--" in opt:
            long_names.append(opt)
        else:
            short_names.append(shown_name or opt)
    return long_names, short_names


def _params_panel(title: str, rows: list[list[RenderableType]]) -> RenderableType:
    from rich.panel import Panel
    from rich.table import Table

    table = Table(
        highlight=True,
        show_header=False,
        expand=True,
        box=None,
        show_lines=False,
        leading=0,
        pad_edge=False,
        padding=(0, 1),
    )
    with_required = any(row[0] for row in rows)
    for row in rows:
        table.add_row(*(row if with_required else row[1:]))
    return Panel(table, border_style=_BORDER_STYLE, title=title, title_align="left")


def _commands_panel(commands: list[Any]) -> RenderableType:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    table = Table(
        highlight=False,
        show_header=False,
        expand=True,
        box=None,
        show_lines=False,
        leading=0,
        pad_edge=False,
        padding=(0, 1),
    )
    # Like Typer: a greedy description column, so that panels line up.
    table.add_column(
        style=_COMMAND_STYLE, no_wrap=True, width=max(len(c.name or "") for c in commands)
    )
    table.add_column("Description", justify="left", no_wrap=False, ratio=10)
    for command in commands:
        first = inspect.cleandoc(command.short_help or command.help or "").split("\n\n")[0]
        if first.startswith("\b"):
            first = first.replace("\b\n", "")
        table.add_row(Text(command.name or ""), _markup(first.strip()))
    return Panel(table, border_style=_BORDER_STYLE, title=COMMANDS_TITLE, title_align="left")
