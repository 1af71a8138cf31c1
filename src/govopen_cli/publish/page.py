"""The page around a table: header, search box, large-text switch, footer; and writing it out.

:func:`page_html` returns the whole document. With ``inline=True`` the stylesheet and
script are inside it (a single file, for ``-f html``); otherwise it links
``assets/style.css`` and ``assets/search.js``, which :func:`write_site` copies beside it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path

from govopen_cli.errors import OutputError
from govopen_cli.output_file import write_atomic

ASSETS = ("style.css", "search.js")


def asset_text(name: str) -> str:
    """The text of a shipped asset."""
    return (resources.files("govopen_cli.publish") / "assets" / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Page:
    """What a page says around its table."""

    title: str
    agency: str
    date: str
    table: str
    #: Lines under the title (document number, files, counts), plain text.
    meta: tuple[str, ...] = ()
    legend: str = ""
    search_label: str = "搜索"
    search_hint: str = ""


def esc(text: object) -> str:
    """HTML-escaped text."""
    return escape(str(text), quote=True)


def page_html(page: Page, *, inline: bool = False) -> str:
    """The whole HTML document of ``page``."""
    if inline:
        style = f"<style>\n{asset_text('style.css')}</style>"
        script = f"<script>\n{asset_text('search.js')}</script>"
    else:
        style = '<link rel="stylesheet" href="assets/style.css">'
        script = '<script src="assets/search.js"></script>'
    meta = "".join(f'<p class="meta">{esc(line)}</p>' for line in page.meta)
    legend = f'<p class="legend" id="legend">{esc(page.legend)}</p>' if page.legend else ""
    hint = f' placeholder="{esc(page.search_hint)}"' if page.search_hint else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="govopen">
<title>{esc(page.title)}</title>
{style}
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="page">
<h1>{esc(page.title)}</h1>
<p class="meta">{esc(page.agency)} · {esc(page.date)}</p>
{meta}
</header>
<main id="main">
<div class="tools" role="search">
<div><label for="search">{esc(page.search_label)}</label>
<input type="search" id="search" autocomplete="off"{hint} aria-describedby="count"></div>
<button type="button" id="large-text" aria-pressed="false">大字版</button>
<p class="count" id="count" aria-live="polite"></p>
</div>
{legend}
<div class="table-wrap" role="region" aria-label="{esc(page.title)}" tabindex="0">
{page.table}
</div>
</main>
<footer class="page"><p>{esc(page.agency)} · {esc(page.date)} · 由 govopen 生成，无需联网即可打开和搜索。</p></footer>
{script}
</body>
</html>
"""


def write_site(folder: Path, html: str, *, force: bool = False) -> Path:
    """Write ``folder/index.html`` and ``folder/assets/``; refuse a non-empty folder without ``force``."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} 是文件，不是文件夹：请换一个输出文件夹")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise OutputError(
            f"输出文件夹 {folder} 已存在且不是空的：加 --force 覆盖其中的 index.html 和 assets/，"
            "或换一个文件夹"
        )
    folder.mkdir(parents=True, exist_ok=True)
    assets = folder / "assets"
    if assets.exists() and force and assets.is_dir():
        shutil.rmtree(assets)
    assets.mkdir(exist_ok=True)
    for name in ASSETS:
        write_atomic(assets / name, asset_text(name).encode("utf-8"))
    index = folder / "index.html"
    write_atomic(index, html.encode("utf-8"))
    return index
