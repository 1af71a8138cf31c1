"""Reading the text of official-table cells: numbered 公开内容, 公开依据 lists, channel marks, ticks.

Pure text functions, no openpyxl: the reader calls them cell by cell and turns
what they could not understand into located diagnostics. Content text is never
normalised (full-width punctuation in an element stays as written); only names
that are matched against a vocabulary (channels, headers, ticks) are folded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from govopen_cli.catalog.channel import classify_channel
from govopen_cli.catalog.model import Channel
from govopen_cli.excel import layout

#: Separators dropped from the end of a list element: "1.机构名称；2.职能。"
TRAILING = "；;，,、。 \t"

_MARKER_PATTERNS = {
    "arabic": re.compile(r"(?<![0-9０-９.．])([0-9０-９]{1,2})\s*[.．、)）](?![0-9０-９])"),
    "paren": re.compile(r"[（(]\s*([0-9０-９]{1,2})\s*[)）]"),
    "circled": re.compile(r"([①-⑳])"),
    "hanzi": re.compile(r"([一二三四五六七八九十]{1,3})\s*[、.．]"),
    "hanzi-paren": re.compile(r"[（(]([一二三四五六七八九十]{1,3})[)）]"),
}
_HANZI = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_BULLET = re.compile(r"^\s*[•·●◆▪\-－–]\s*")


def _number(text: str) -> int:
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _HANZI.get(text[1:], 0)
    if "十" in text:
        tens, _, units = text.partition("十")
        return _HANZI.get(tens, 0) * 10 + _HANZI.get(units, 0)
    return _HANZI.get(text, 0)


def _numbered_spans(text: str) -> list[tuple[int, int]] | None:
    """Where the markers of a "1. … 2. …" sequence are, when ``text`` starts with marker 1."""
    for pattern in _MARKER_PATTERNS.values():
        first = pattern.match(text)
        if first is None or _number(first.group(1)) != 1:
            continue
        spans = [first.span()]
        expected = 2
        pos = first.end()
        while True:
            found = None
            for m in pattern.finditer(text, pos):
                if _number(m.group(1)) == expected:
                    found = m
                    break
            if found is None:
                break
            spans.append(found.span())
            pos = found.end()
            expected += 1
        return spans
    return None


def clean_element(text: str) -> str:
    """An element without surrounding space and trailing separators."""
    return text.strip().rstrip(TRAILING).strip()


def strip_numbering(text: str) -> str:
    """``1.《条例》`` -> ``《条例》``; ``一、机构信息`` -> ``机构信息``."""
    text = text.strip()
    for pattern in _MARKER_PATTERNS.values():
        m = pattern.match(text)
        if m is not None and text[m.end() :].strip():
            return text[m.end() :].strip()
    return text


def parse_content(text: str) -> tuple[list[str], bool]:
    """公开内容: (elements, is_list). Numbered cells and multi-line cells are lists."""
    text = text.strip()
    if not text:
        return [], False
    spans = _numbered_spans(text)
    if spans is not None:
        elements = []
        for i, (_, end) in enumerate(spans):
            stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            element = clean_element(text[end:stop])
            if element:
                elements.append(element)
        return elements, True
    lines = [clean_element(_BULLET.sub("", line)) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > 1:
        return lines, True
    return [text], False


_BASIS_SPLIT = re.compile(r"[；;]\s*(?=《|[0-9０-９]{1,2}\s*[.．、]|[（(][0-9０-９]|$)")
_BASIS_JOIN = re.compile(r"(?<=》)\s*[、，,]?\s*(?=《)")


def parse_basis(text: str) -> list[str]:
    """公开依据: one title per line; several 《》 on one line are split."""
    out: list[str] = []
    for line in text.splitlines():
        for part in _BASIS_SPLIT.split(line):
            for piece in _BASIS_JOIN.split(part):
                piece = clean_element(strip_numbering(piece))
                if piece:
                    out.append(piece)
    return out


def one_line(text: str) -> str:
    """A single-line field: line breaks inside the cell joined (CJK needs no space)."""
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    if not parts:
        return ""
    joined = parts[0]
    for part in parts[1:]:
        if (
            joined[-1].isascii()
            and joined[-1].isalnum()
            and part[0].isascii()
            and part[0].isalnum()
        ):
            joined += " "
        joined += part
    return joined


#: A space between two Chinese characters, except after the name of an organ (the space
#: between joint issuers, 《中共中央办公厅 国务院办公厅关于……》, is how they are written)
#: and before 口 (a channel mark: "■政府网站 口政府公报").
_HANZI_SPACE = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])(?<![厅部委院局署会室府央])"
    r"[ \t\u00a0\u3000]+(?=[\u3400-\u4dbf\u4e00-\u9fff])(?!口)"
)


def close_hanzi_spaces(text: str) -> tuple[str, int]:
    """``20个工 作日内`` -> ``20个工作日内``: spaces between two Chinese characters (a line
    break inside a cell, copied from a web page or a PDF) removed; and how many. A space
    after the name of an organ (厅 部 委 院 局 署 会 室 府 央) stays: it separates joint issuers."""
    return _HANZI_SPACE.subn("", text)


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """Split on any of ``separators`` except inside （）()【】《》."""
    depth = 0
    parts: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch in "（(【《〈[":
            depth += 1
        elif ch in "）)】》〉]" and depth:
            depth -= 1
        if depth == 0 and ch in separators:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


@dataclass
class ChannelNote:
    """Something about a channel cell worth telling: a look-alike mark, a variant …"""

    kind: str  # lookalike | unknown-mark | variant | unknown-name | duplicate
    text: str
    detail: str = ""


@dataclass
class ParsedChannels:
    """The channels of one cell and what was noticed reading them."""

    channels: list[Channel] = field(default_factory=list)
    notes: list[ChannelNote] = field(default_factory=list)


_LOOKALIKE_START = re.compile(r"(^|[\s、，,；;])口(?=\S)")
_MARKS = "".join(layout.MARK_OF_SYMBOL)


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sm", "Po") and ch not in "（(【《〈\"'“‘/"


def parse_channels(text: str, known: Iterable[str] = ()) -> ParsedChannels:
    """公开渠道和载体: one channel per mark (■ □ ▲), line or separator."""
    result = ParsedChannels()
    known = tuple(known)
    if "口" in text and _LOOKALIKE_START.search(text):
        result.notes.append(ChannelNote("lookalike", "口"))
        text = _LOOKALIKE_START.sub(lambda m: m.group(1) + "□", text)
    for look, official in layout.LOOKALIKE_MARKS.items():
        if look != "口" and look in text:
            result.notes.append(ChannelNote("lookalike", look))
            text = text.replace(look, official)
    seen: set[str] = set()
    for segment in re.split(f"(?=[{_MARKS}])", text):
        segment = segment.strip()
        if not segment:
            continue
        mark = "必选"
        if segment[0] in layout.MARK_OF_SYMBOL:
            mark = layout.MARK_OF_SYMBOL[segment[0]]
            segment = segment[1:]
        for raw in split_outside_brackets(segment, "\n、，,；;"):
            name = raw.strip()
            piece_mark = mark
            if name and _is_symbol(name[0]):
                # Not one of ■ □ ▲: the channel is kept, as 必选 (the default).
                result.notes.append(ChannelNote("unknown-mark", name[0], name[1:].strip()))
                name = name[1:].strip()
                piece_mark = "必选"
            if not name:
                continue
            glued = _split_glued(name, known)
            if glued is not None:
                result.notes.append(ChannelNote("lookalike", "口"))
                for n, part in enumerate(glued):
                    part_mark = piece_mark if n == 0 else "可选"
                    part_found = classify_channel(part, known)
                    part_name = part_found.canonical or part
                    if part_found.status == "variant":
                        result.notes.append(ChannelNote("variant", part, part_name))
                    if part_name not in seen:
                        seen.add(part_name)
                        result.channels.append(Channel(name=part_name, mark=part_mark))
                continue
            found = classify_channel(name, known)
            canon = found.canonical
            if canon is None:
                result.notes.append(ChannelNote("unknown-name", name))
                canon = name
            elif found.status == "variant":
                result.notes.append(ChannelNote("variant", name, canon))
            if canon in seen:
                result.notes.append(ChannelNote("duplicate", canon))
                continue
            seen.add(canon)
            result.channels.append(Channel(name=canon, mark=piece_mark))
    return result


def _split_glued(name: str, known: tuple[str, ...]) -> list[str] | None:
    """``便民服务站口入户/现场`` -> [便民服务站, 入户/现场]: 口 marks glued to the channel
    before them, when the name is no channel but every part is (so 窗口 stays a word)."""
    if "口" not in name or classify_channel(name, known).canonical is not None:
        return None
    for i, ch in enumerate(name):
        if ch == "口" and 0 < i < len(name) - 1:
            left, right = name[:i], name[i + 1 :]
            if classify_channel(left, known).canonical is None:
                continue
            if classify_channel(right, known).canonical is not None:
                return [left, right]
            rest = _split_glued(right, known)
            if rest is not None:
                return [left, *rest]
    return None


_TICK_START = "√✓✔☑✅"


def parse_tick(text: str) -> tuple[bool | None, str]:
    """(ticked, extra text). ticked is None when the cell is not a tick mark at all."""
    t = text.strip()
    if not t:
        return False, ""
    if t in layout.TICKS:
        return True, ""
    if t in layout.NO_TICKS:
        return False, ""
    if t[0] in _TICK_START:
        return True, t[1:].strip().strip("（）()：:，,、 ")
    return None, t


def parse_choices(text: str, values: dict[str, tuple[str, ...]]) -> tuple[list[str], list[str]]:
    """Words of a one-column group ("主动、依申请") -> (values found, words not understood)."""
    found: list[str] = []
    unknown: list[str] = []
    for word in split_outside_brackets(text, "\n、，,；;/ 和及"):
        key = layout.header_key(word)
        match = None
        for value, names in values.items():
            keys = [layout.header_key(n) for n in (value, *names)]
            if key in keys or (len(key) > 1 and any(key.startswith(k) for k in keys if len(k) > 1)):
                match = value
                break
        if match is None:
            unknown.append(word)
        elif match not in found:
            found.append(match)
    return found, unknown


_COUNT = re.compile(r"^\s*([0-9０-９]+)\s*个?\s*(工作日|自然日|日|天)\s*$")


def parse_count(text: str) -> tuple[int, str] | None:
    """``20个工作日`` -> (20, 工作日); ``30日`` -> (30, 自然日)."""
    m = _COUNT.match(text)
    if m is None:
        return None
    unit = "工作日" if m.group(2) == "工作日" else "自然日"
    return int(unicodedata.normalize("NFKC", m.group(1))), unit


_WAIVER = re.compile(
    r"^\s*([A-Z]{2}[0-9]{3})\s*[:：]?\s*(.*?)\s*(?:[（(]有效期至\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*[)）])?\s*$"
)


def parse_waiver(line: str) -> tuple[str, str, str | None] | None:
    """``GO301：理由（有效期至 2027-12-31）`` -> (rule, reason, until)."""
    m = _WAIVER.match(line)
    if m is None or not m.group(2):
        return None
    return m.group(1), m.group(2), m.group(3)


_URL = re.compile(r"https?://\S+")
#: A name before the address: ``政府网站：www.x.gov.cn``; the name has no dot or slash.
_NAMED = re.compile(r"^([^：:./]*?)\s*[：:]\s*(.*)$")
_URL_END = "，,；;。 "


@dataclass(frozen=True)
class UrlLine:
    """One line of a 公开网址 cell, and how it was read.

    ``kind`` is ``url`` (an http(s) address), ``domain`` (an address written without
    ``https://``, which ``url`` now has) or ``other`` (no address: ``见网站``), whose
    line the caller keeps elsewhere rather than drop.
    """

    name: str
    url: str
    text: str
    kind: str


def looks_like_domain(value: str) -> bool:
    """``www.x.gov.cn/gh``, ``x.gov.cn``, ``公开.政务``: an address without its scheme."""
    if not value or any(ch.isspace() for ch in value):
        return False
    host = value.split("/", 1)[0].lower()
    return host.startswith("www.") or ".gov.cn" in host or host.endswith(".政务")


def parse_urls(text: str) -> list[UrlLine]:
    """公开网址 lines: ``政府网站：https://…`` -> name and url; a bare URL has name "".

    Every non-empty line gives a :class:`UrlLine`, so nothing is dropped silently.
    """
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        m = _URL.search(line)
        if m is not None:
            name = line[: m.start()].strip().rstrip("：:").strip()
            out.append(UrlLine(name, m.group(0).rstrip(_URL_END), line, "url"))
            continue
        named = _NAMED.match(line)
        name, value = (named.group(1), named.group(2)) if named else ("", line)
        value = value.strip().rstrip(_URL_END)
        if looks_like_domain(value):
            out.append(UrlLine(name, f"https://{value}", line, "domain"))
        else:
            out.append(UrlLine(name, "", line, "other"))
    return out
