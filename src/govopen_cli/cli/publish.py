"""``govopen publish``: the catalog as the static page of the 政府信息公开专栏."""

from __future__ import annotations

from pathlib import Path

import typer

from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.cli.options import parse_today

#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()


@commands.command(
    "publish",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen publish catalogs/pingyao-zrzyj/2025.yaml -o site/\n\n"
        "  govopen publish 2025.yaml -o site/ --date 2025-03-01 --force\n\n"
        "退出状态：0 已写出；2 无法运行（目录无法读取、输出文件夹已存在且未加 --force）。"
    ),
)
def publish_command(
    catalog: Path = typer.Argument(..., help="目录文件。", show_default=False),
    output: Path = typer.Option(
        ..., "--output", "-o", help="输出文件夹（写入 index.html 和 assets/）。"
    ),
    date: str | None = typer.Option(
        None, "--date", help="页面上的发布日期（YYYY-MM-DD，默认今天）。"
    ),
    force: bool = typer.Option(False, "--force", help="输出文件夹已有内容时覆盖。"),
) -> None:
    """把目录写成政府信息公开专栏的静态页面：官方表格、搜索框、大字版、可打印。

    页面只有一个文件夹（index.html 和 assets/），不从互联网取任何文件，断网也能打开和搜索。
    """
    from govopen_cli.publish.site import publish_catalog

    done = publish_catalog(catalog, output, date=parse_today(date), force=force)
    typer.echo(f"已写出 {done.index}：{done.agency}，{done.items} 项。")
