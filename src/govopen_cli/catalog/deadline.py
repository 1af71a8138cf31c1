"""Reading the day counts out of 公开时限 wording.

The official wording is free text ("自信息形成或者变更之日起20个工作日内",
"公告时间不少于30日", "听证7个工作日前", "每年1月31日前"). This module finds the counts
in it and says what each one is: a limit for publishing (``limit``), a minimum
period a notice stays up (``minimum``: never a deadline; with a cue such as 不少于,
公告期, or right after the posting verb: "公告30日", "公示30天"), or a lead time
before an event (``before``: "听证7个工作日前", "开始日前20日发布"). Dates such as
1月31日 are not counts.

Limits in 工作日 and in 自然日 are compared at five working days to a week of
seven days (:func:`longer_than`, :func:`shorter_than`): 20 工作日 is four weeks, 28
自然日. Holidays are not counted in that comparison; counting real dates is
:mod:`govopen_cli.workdays`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from govopen_cli.catalog.model import Deadline

Unit = Literal["工作日", "自然日"]
Kind = Literal["limit", "minimum", "before"]

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUM = r"[0-9０-９]+|[零〇一二两三四五六七八九十百]+"
_COUNT = re.compile(
    rf"(?<![月0-9０-９])(?P<num>{_NUM})\s*(?:个)?\s*(?P<unit>工作日|自然日|日|天|个月|月)"
)
# A cue before a count makes it a minimum period. 公告期 and 公示期 are cues, but not
# in 公告期满 / 公示期结束: "公告期满后5个工作日内" is a limit that starts when it ends.
_MINIMUM_CUE = re.compile(
    r"不少于|不得少于|至少|不低于|(?:公示|公告|征求意见)(?:期|时间)(?!满|届满|结束)"
)
_WINDOW = 12  # characters before a count in which a cue applies to it
# A count right after a posting verb is how long the notice stays up: "公告30日",
# "公示30天", "张贴公告10个工作日", "挂牌10日" (but "公告后5个工作日内" has its 后).
_POSTING_VERB = re.compile(
    r"(?:公告|公示|张贴|挂牌|征求意见|征集意见|公开征求意见|预公告)(?:期|时间|期间|期限)?"
    r"(?:为|是|共)?\s*$"
)
# A count right after "…前" ("开始日前20日发布", "听证会前7日") is a lead time.
_LEAD_BEFORE = re.compile(r"(?:日|之日|时间|会|开始|截止)?(?:以)?前\s*$")
# Words that say when a count starts (or ends): 自…之日起, 收到…后, 期满后, 7个工作日前.
_ANCHOR = re.compile(r"起|之日|后|前|收到|自|从|届满|期满|结束|以来|当日|当天|同步")


def chinese_number(text: str) -> int | None:
    """``20``, ``２０``, ``二十``, ``十五``, ``一百二十`` -> int; None if not a number."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """One count found in a 公开时限 text."""

    days: int
    unit: Unit
    kind: Kind
    fragment: str


@lru_cache(maxsize=4096)
def parse_time_limits(text: str) -> tuple[TimeLimit, ...]:
    """Every count in ``text``, classified. Months count as 30 自然日 each.

    A catalog repeats a few hundred 公开时限 wordings over thousands of items and
    several rules read each: a text is read once (a bounded cache of immutable answers).
    """
    found: list[TimeLimit] = []
    previous_end = 0
    for match in _COUNT.finditer(text):
        # A cue belongs to the count it precedes, never to one further on.
        window_start = max(previous_end, match.start() - _WINDOW)
        previous_end = match.end()
        number = chinese_number(match.group("num"))
        if number is None:
            continue
        unit_text = match.group("unit")
        unit: Unit
        if unit_text in ("个月", "月"):
            if unit_text == "月" and not match.group(0).startswith(match.group("num") + "个"):
                # "3月" alone is a month of the year, not a duration.
                continue
            days, unit = number * 30, "自然日"
        else:
            days = number
            unit = "工作日" if unit_text == "工作日" else "自然日"
        before = text[window_start : match.start()]
        after = text[match.end() : match.end() + 2]
        kind: Kind
        if _LEAD_BEFORE.search(before):
            kind = "before"
        elif _MINIMUM_CUE.search(before) or (
            # "公告30日" is how long; "公告30日内" is by when.
            _POSTING_VERB.search(before) and not after.startswith(("内", "以内"))
        ):
            kind = "minimum"
        elif after.startswith("前") or after.startswith("以前"):
            kind = "before"
        else:
            kind = "limit"
        found.append(TimeLimit(days=days, unit=unit, kind=kind, fragment=match.group(0)))
    return tuple(found)


def publishing_limit(deadline: Deadline) -> TimeLimit | None:
    """The deadline for publishing, if the item states one.

    A count stated outright (``{days, unit}``) wins; otherwise the first ``limit``
    count in the text. Minimum posting periods and lead times are not deadlines.
    """
    if deadline.days is not None and deadline.unit is not None:
        unit: Unit = "工作日" if deadline.unit == "工作日" else "自然日"
        return TimeLimit(days=deadline.days, unit=unit, kind="limit", fragment=deadline.text)
    for limit in parse_time_limits(deadline.text):
        if limit.kind == "limit":
            return limit
    return None


def minimum_period(text: str) -> TimeLimit | None:
    """The minimum posting period stated in ``text`` ("公告时间不少于30日"), if any."""
    for limit in parse_time_limits(text):
        if limit.kind == "minimum":
            return limit
    return None


def has_anchor(text: str) -> bool:
    """True when ``text`` says when its counts start: 自…之日起, 收到…后, 期满后, …前.

    The counts themselves are left out first, so the 自 of 自然日 is no anchor.
    """
    return bool(_ANCHOR.search(_COUNT.sub("", text)))


def _natural_days(days: int, unit: str) -> int:
    # Five working days to the week of seven: 20 工作日 = 28 自然日. Counted in fifths
    # of a day, so the comparison stays in whole numbers: 1 工作日 = 7, 1 自然日 = 5.
    return days * 7 if unit == "工作日" else days * 5


def longer_than(limit: TimeLimit, days: int, unit: Unit) -> bool:
    """True when ``limit`` is longer than ``days`` ``unit`` (20 工作日 = 28 自然日)."""
    return _natural_days(limit.days, limit.unit) > _natural_days(days, unit)


def shorter_than(limit: TimeLimit, days: int, unit: Unit) -> bool:
    """True when ``limit`` is shorter than ``days`` ``unit`` (10 工作日 = 14 自然日)."""
    return _natural_days(limit.days, limit.unit) < _natural_days(days, unit)


def describe(limit: TimeLimit) -> str:
    """``20个工作日`` or ``30日``: the count as the official wording writes it."""
    return f"{limit.days}个工作日" if limit.unit == "工作日" else f"{limit.days}日"
