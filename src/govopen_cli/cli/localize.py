"""Chinese for the parts of the help screens that Typer writes itself.

Typer (with its vendored Click) prints a few fixed English strings and type labels
such as ``<list[Path]>`` that mean nothing to a 政务公开 officer. The strings it
exposes as module constants are replaced here, and the type column shows a Chinese
word instead of a Python type. Click's own error sentences ("Missing argument …")
are not translatable without patching its code and stay in English; our messages
around them are Chinese.
"""

from __future__ import annotations

from typing import Any

_TYPE_WORDS = {
    "<str>": "文字",
    "<int>": "整数",
    "<float>": "数字",
    "<Path>": "路径",
    "<path>": "路径",
    "<file>": "文件",
    "<directory>": "文件夹",
    "<list[Path]>": "路径…",
    "<list[str]>": "文字…",
}


def _display_type(original: Any) -> Any:
    def display(self: Any, ctx: Any) -> str | None:
        if getattr(self, "is_flag", False) and not getattr(self, "metavar", None):
            return ""
        shown = original(self, ctx)
        if shown is None or getattr(self, "metavar", None):
            return shown  # type: ignore[no-any-return]
        bare = str(shown).removesuffix("...")
        word = _TYPE_WORDS.get(bare, bare)
        return word + ("…" if str(shown).endswith("...") and not word.endswith("…") else "")

    return display


def localize_typer() -> None:
    """Install the Chinese strings (idempotent)."""
    import typer.core
    from typer._click import decorators

    if getattr(typer.core, "_govopen_localized", False):
        return
    typer.core._govopen_localized = True  # type: ignore[attr-defined]
    for cls in (typer.core.TyperOption, typer.core.TyperArgument):
        cls.display_type_rich = _display_type(cls.display_type_rich)  # type: ignore[method-assign]
    original_help_option = decorators.help_option

    def help_option(param_decls: list[str]) -> Any:
        decorate = original_help_option(param_decls)

        def apply(command: Any) -> Any:
            result = decorate(command)
            command.params[-1].help = "显示本帮助后退出。"
            return result

        return apply

    decorators.help_option = help_option


def localize_rich_help() -> None:
    """Panel titles and fixed strings of the rich help screen (imported only for help)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
    rich_utils.OPTIONS_PANEL_TITLE = "选项"
    rich_utils.COMMANDS_PANEL_TITLE = "命令"
    rich_utils.ERRORS_PANEL_TITLE = "错误"
    rich_utils.DEFAULT_STRING = "[默认：{}]"
    rich_utils.REQUIRED_LONG_STRING = "[必填]"
    rich_utils.ABORTED_TEXT = "已中止。"
    rich_utils.RICH_HELP = "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。"
