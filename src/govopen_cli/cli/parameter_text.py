"""What a help screen says of a parameter besides its help: its type, range and default.

The type is a word a 政务公开 officer knows (``文字``, ``路径…``), not a Python type. It
is read from the type hint of the function behind the command, and the range from
its :func:`typer.Option` / :func:`typer.Argument` settings: public, and the same in
every Typer version (the parameter objects Typer builds are not).
"""

from __future__ import annotations

import inspect
import types
import typing
from typing import Any

import typer
from typer.core import TyperArgument, TyperOption
from typer.models import ParameterInfo

#: What a value is, in the words a 政务公开 officer uses (a Python type means nothing).
TYPE_WORDS = {
    "<str>": "文字",
    "<int>": "整数",
    "<float>": "数字",
    "<Path>": "路径",
    "<list[Path]>": "路径…",
    "<list[str]>": "文字…",
}


class Declared(typing.NamedTuple):
    """What the function behind a command says of one parameter."""

    annotation: Any
    minimum: float | None
    maximum: float | None


def declarations(command: Any) -> dict[str, Declared]:
    """Parameter name -> its type hint and number range, from the command's function."""
    if command.callback is None:
        return {}
    function = inspect.unwrap(command.callback)  # Typer wraps it, keeping __wrapped__
    hints = typing.get_type_hints(function, include_extras=True)
    found = {}
    for name, parameter in inspect.signature(function).parameters.items():
        hint = hints.get(name)
        settings = [parameter.default]
        if typing.get_origin(hint) is typing.Annotated:
            hint, *metadata = typing.get_args(hint)
            settings += metadata
        info = next((s for s in settings if isinstance(s, ParameterInfo)), None)
        found[name] = Declared(
            hint,
            getattr(info, "min", None) if info else None,
            getattr(info, "max", None) if info else None,
        )
    return found


def _type_name(annotation: Any) -> str:
    """``str``, ``Path``, ``list[Path]``: the type behind ``X | None`` and ``list[X]``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is list:
        return f"list[{_type_name(typing.get_args(annotation)[0])}]"
    return getattr(annotation, "__name__", str(annotation))


def type_text(param: Any, declared: Declared | None) -> str:
    """The type column: a Chinese word, the option's metavar, nothing for a flag."""
    if isinstance(param, TyperOption):
        if param.metavar is not None:
            return str(param.metavar)
        if param.is_flag:
            return ""
    if declared is None:
        return ""
    ranged = declared.minimum is not None or declared.maximum is not None
    label = f"<{_type_name(declared.annotation)}{' range' if ranged else ''}>"
    if isinstance(param, TyperArgument) and param.metavar is not None:
        return label  # a named argument keeps Typer's label
    return TYPE_WORDS.get(label, label)


def range_text(declared: Declared | None) -> str:
    """`` [x>=0]``, `` [2000<=x<=2100]``: the range of a number, if it has one."""
    if declared is None or (declared.minimum is None and declared.maximum is None):
        return ""
    if declared.minimum is None:
        return f" [x<={declared.maximum}]"
    if declared.maximum is None:
        return f" [x>={declared.minimum}]"
    return f" [{declared.minimum}<=x<={declared.maximum}]"


def default_text(param: Any, ctx: typer.Context) -> str:
    """The default value shown after the help (``text``), or "" when there is none to show."""
    if isinstance(param.show_default, str):
        return f"({param.show_default})"
    default = param.default
    if default is None or not (param.show_default or ctx.show_default):
        return ""
    if isinstance(param, TyperOption) and param.is_flag and not default:
        return ""
    if isinstance(default, (list, tuple)):
        return ", ".join(str(d) for d in default)
    if inspect.isfunction(default):
        return "(dynamic)"
    return str(default)
