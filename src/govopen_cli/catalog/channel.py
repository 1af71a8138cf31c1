"""The vocabulary of 公开渠道和载体: the 13 official names, the variants met in real tables.

Comparisons ignore typography that does not change the name: full-width and
half-width characters (（） and (), ／ and /) and spaces. A name that differs only
in that way *is* the official name. A known variant (纸质载体, 行政服务中心 …) is
recognised and mapped to the official name to write instead.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

WEBSITE = "政府网站"

#: The 13 channel names of the official 标准目录 tables, in their order.
OFFICIAL_CHANNELS: tuple[str, ...] = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏(电子屏)",
    "精准推送",
    "其他",
)

_BOARD = "社区/企事业单位/村公示栏(电子屏)"

#: Variants met in real catalogs -> the official name to write.
CHANNEL_VARIANTS: dict[str, str] = {
    "社区/企事业单位/村公示栏(电子屏幕)": _BOARD,
    # 政府网站
    "门户网站": WEBSITE,
    "政府门户网站": WEBSITE,
    "部门网站": WEBSITE,
    "政府网": WEBSITE,
    "网站": WEBSITE,
    "互联网": WEBSITE,
    "政府信息公开专栏": WEBSITE,  # a column of the website
    "信息公开专栏": WEBSITE,
    # 政府公报
    "公报": "政府公报",
    # 两微一端
    "微信公众号": "两微一端",
    "政务微博": "两微一端",
    "政务微信": "两微一端",
    "微博": "两微一端",
    "微信": "两微一端",
    "政务新媒体": "两微一端",
    "政务客户端": "两微一端",
    "客户端": "两微一端",
    # 发布会/听证会
    "发布会": "发布会/听证会",
    "新闻发布会": "发布会/听证会",
    "听证会": "发布会/听证会",
    # 广播电视
    "广播": "广播电视",
    "电视": "广播电视",
    # 纸质媒体
    "纸质载体": "纸质媒体",
    "报刊": "纸质媒体",
    "报纸": "纸质媒体",
    # 公开查阅点
    "公开查询点": "公开查阅点",
    "查阅点": "公开查阅点",
    "政府信息查阅点": "公开查阅点",
    "政府信息公开查阅点": "公开查阅点",
    # 政务服务中心
    "政府服务中心": "政务服务中心",
    "行政服务中心": "政务服务中心",
    "政务服务大厅": "政务服务中心",
    "政务大厅": "政务服务中心",
    "便民服务中心": "政务服务中心",  # the 乡镇（街道）便民服务中心 is the township's centre
    # 便民服务站
    "便民服务点": "便民服务站",
    "便民服务室": "便民服务站",
    # 入户/现场
    "入户": "入户/现场",
    "现场": "入户/现场",
    # the notice-board channel
    "村(居)公示栏": _BOARD,
    "村(居)务公开栏": _BOARD,
    "村(居)/企事业单位公示栏": _BOARD,
    "村务公开栏": _BOARD,
    "村务公示栏": _BOARD,
    "村公示栏": _BOARD,
    "社区公示栏": _BOARD,
    "公示栏": _BOARD,
    "公开栏": _BOARD,
    "电子屏": _BOARD,
    "公示栏(电子屏)": _BOARD,
    "村公示栏(电子屏)": _BOARD,
    "社区/企事业单位/村公示栏": _BOARD,
    # 其他
    "其它": "其他",
}

_SEPARATORS = re.compile(r"[、,，;；/\\|]")


@lru_cache(maxsize=4096)
def normalize_channel_name(name: str) -> str:
    """The name with typography removed: NFKC width folding, no spaces.

    ``社区/企事业单位/村公示栏（电子屏）`` and ``社区／企事业单位／村公示栏(电子屏)`` both
    give ``社区/企事业单位/村公示栏(电子屏)``.
    """
    folded = unicodedata.normalize("NFKC", name)
    return "".join(folded.split())


def _loose(name: str) -> str:
    # A separator written as 、 or ， instead of / ("入户、现场") is a spelling variant.
    return _SEPARATORS.sub("/", normalize_channel_name(name))


_OFFICIAL_BY_NORMAL = {normalize_channel_name(n): n for n in OFFICIAL_CHANNELS}
_OFFICIAL_BY_LOOSE = {_loose(n): n for n in OFFICIAL_CHANNELS}
_VARIANT_BY_NORMAL = {normalize_channel_name(k): v for k, v in CHANNEL_VARIANTS.items()}
_VARIANT_BY_LOOSE = {_loose(k): v for k, v in CHANNEL_VARIANTS.items()}

Status = Literal["official", "extra", "variant", "unknown"]


@dataclass(frozen=True, slots=True)
class ChannelName:
    """What a written channel name is: official, a project extra, a variant, unknown.

    ``canonical`` is the name to write (the official one for a variant; the name
    itself for an official or extra name; None when unknown).
    """

    written: str
    status: Status
    canonical: str | None


def classify_channel(name: str, extra: Iterable[str] = ()) -> ChannelName:
    """Say what ``name`` is, given the project's extra channel names.

    A catalog names a few dozen channels tens of thousands of times: each (name, extras)
    is worked out once (a bounded cache; the answers are immutable).
    """
    return _classify(name, tuple(extra))


@lru_cache(maxsize=4096)
def _classify(name: str, extra: tuple[str, ...]) -> ChannelName:
    normal = normalize_channel_name(name)
    if normal in _OFFICIAL_BY_NORMAL:
        return ChannelName(name, "official", _OFFICIAL_BY_NORMAL[normal])
    for extra_name in extra:
        if normalize_channel_name(extra_name) == normal:
            return ChannelName(name, "extra", extra_name)
    if normal in _VARIANT_BY_NORMAL:
        return ChannelName(name, "variant", _VARIANT_BY_NORMAL[normal])
    loose = _loose(name)
    if loose in _OFFICIAL_BY_LOOSE:
        return ChannelName(name, "variant", _OFFICIAL_BY_LOOSE[loose])
    if loose in _VARIANT_BY_LOOSE:
        return ChannelName(name, "variant", _VARIANT_BY_LOOSE[loose])
    return ChannelName(name, "unknown", None)


def canonical_channel(name: str, extra: Iterable[str] = ()) -> str:
    """The name to compare channels by: the official name for official names and variants."""
    found = classify_channel(name, extra)
    return found.canonical if found.canonical is not None else normalize_channel_name(name)


def closest_channel(name: str, extra: Iterable[str] = ()) -> str | None:
    """The official (or extra) name an unknown name most likely means, if any is close."""
    return _closest(name, tuple(extra))


@lru_cache(maxsize=1024)
def _closest(name: str, extra: tuple[str, ...]) -> str | None:
    normal = normalize_channel_name(name)
    if not normal:
        return None
    # Every name we know, with the name it stands for.
    known = {normalize_channel_name(n): n for n in OFFICIAL_CHANNELS}
    known.update({normalize_channel_name(n): n for n in extra})
    for variant, official in _VARIANT_BY_NORMAL.items():
        known.setdefault(variant, official)
    # A known name inside the unknown one ("乡镇便民服务中心", "其他媒体"), or the
    # unknown one inside a known name, is a stronger hint than the similarity
    # ratio of short Chinese strings: the longest such name wins.
    contained = [
        k for k in known if len(k) >= 2 and (k in normal or (len(normal) >= 2 and normal in k))
    ]
    if contained:
        return known[max(contained, key=len)]
    matches = difflib.get_close_matches(normal, list(known), n=1, cutoff=0.6)
    return known[matches[0]] if matches else None
