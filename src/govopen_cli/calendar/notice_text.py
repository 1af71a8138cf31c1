"""The text of a State Council holiday notice as a user saved it: lines with their numbers.

A notice arrives as pasted text, a .txt file, or a saved web page. A web page is read
with the standard library's HTML parser (never with regular expressions over tags):
block elements (``<p>``, ``<div>``, ``<br>``, ``<li>`` …) end a line, inline ones
(``<strong>``, ``<span>``) do not, ``<script>``/``<style>`` are skipped, and each
line keeps the number of the source line where its text starts, so that an error
points into the file the user has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from govopen_cli.errors import GovopenError


class NoticeError(GovopenError):
    """A notice that cannot be read, or a line of it that cannot be understood."""


@dataclass(frozen=True, slots=True)
class NoticeLine:
    """One line of the notice's text and where it starts in the file (1-based)."""

    number: int
    text: str


_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>])", re.I)


class _TextCollector(HTMLParser):
    """Collects the visible text of a page, one entry per block, with its source line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[NoticeLine] = []
        self._parts: list[str] = []
        self._start = 0
        self._skipping = 0

    def _flush(self) -> None:
        text = "".join(self._parts).strip()
        if text:
            self.lines.append(NoticeLine(self._start, text))
        self._parts = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if not self._parts and data.strip():
            # getpos() is where this text begins; its leading blank lines move the start down
            self._start = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        if self._parts or data.strip():
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_lines(text: str) -> list[NoticeLine]:
    """The visible lines of an HTML page, each with the source line it starts on."""
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    return collector.lines


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NoticeError(f"{path}：编码无法识别（应为 UTF-8 或 GB18030/GBK），请另存为 UTF-8 文本")


def is_html(path: Path, text: str) -> bool:
    """A saved web page: by its name (.html, .htm, .shtml) or by how its text begins."""
    return path.suffix.lower() in (".html", ".htm", ".shtml", ".xhtml") or bool(
        _HTML_START.match(text)
    )


def text_lines(text: str, name: Path) -> list[NoticeLine]:
    """The lines of a notice's text (HTML when it looks like a page), numbered from 1."""
    if is_html(name, text):
        return html_lines(text)
    return [
        NoticeLine(n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")  # a note the user added
    ]


def notice_lines(path: Path) -> list[NoticeLine]:
    """The lines of the notice at ``path`` (text or HTML), numbered as in the file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise NoticeError(f"找不到通知文件 {path}") from exc
    except OSError as exc:
        raise NoticeError(f"无法读取通知文件 {path}：{exc.strerror or exc}") from exc
    return text_lines(_decode(data, path), path)
