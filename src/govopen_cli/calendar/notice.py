"""The State Council's holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知), read.

Each festival line of the notice reads like::

    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
    2月14日（周六）、2月28日（周六）上班。

:func:`read_notice` turns the lines into a :class:`NoticeSchedule`: holiday ranges and
make-up working days per festival, with the line each came from. It reads the forms
of the notices since 2013: "周六" and "星期六", a range within a month ("4日至6日")
or across months and years ("12月31日至2023年1月2日"), "放假1天，不调休",
"与周末连休", "共N天", "X日补休", several festivals on one line ("国庆节、中秋节"),
and a later notice that extends a holiday ("延长2020年春节假期至2月2日"). It checks
what the notice itself says: a weekday in brackets that is not that date's weekday,
"共N天" that is not the length of the range, a make-up day that is not a weekend day,
a festival missing. Anything it cannot read is an error naming the line: it never
guesses. :func:`holiday_file_text` writes the project's holiday file (see
:mod:`govopen_cli.calendar.workday`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from govopen_cli.calendar.notice_text import NoticeError, NoticeLine

FESTIVALS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
_NUMERALS = "一二三四五六七八九十"
_FEST = "|".join(FESTIVALS)
_ITEM = re.compile(
    rf"^(?:[{_NUMERALS}]+[、.．]|\d+[、.．]|[-•·*●])?"
    rf"(?P<names>(?:{_FEST})(?:[、和及](?:{_FEST}))*)(?:（[^）]*）)?：(?P<body>.*)$"
)
_EXTEND = re.compile(rf"^(?:[{_NUMERALS}]+[、.．])?延长(?P<y>\d{{4}})年(?P<name>{_FEST})假期至")
_ENUMERATED = re.compile(rf"^[{_NUMERALS}]+[、.．]")
_SCHEDULE_WORDS = re.compile(r"放假|上班|调休|补休|假期")
_TITLE_YEAR = re.compile(r"关于(\d{4})年部分节假日安排|现将(\d{4})年元旦")
_DOC_NUMBER = re.compile(r"国办发明电〔\d{4}〕\d+号")
_ISSUED = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_DATE = re.compile(r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?P<note>（[^）]*）)?")
_WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")
_WEEKDAYS = "一二三四五六日"
_TOTAL = re.compile(r"^共(\d+)天$")
_DAYS_OFF = re.compile(r"^(\d+)天")
_LINKED = ("不调休", "与周末连休", "与周六连休", "与周日连休", "放假调休")
_PUNCTUATION = str.maketrans(
    {",": "，", ":": "：", "(": "（", ")": "）", ";": "；", "〔": "〔", "[": "〔", "]": "〕"}
    | {chr(0xFF10 + i): str(i) for i in range(10)}
)
_SPACE = re.compile(r"[\s\u3000\xa0]+")
ONE_DAY = dt.timedelta(days=1)


def normalize(text: str) -> str:
    """A line without spaces, with ASCII punctuation and digits in the notice's forms."""
    return _SPACE.sub("", text).translate(_PUNCTUATION)


@dataclass
class NoticeEntry:
    """What one festival line says: holiday ranges and make-up working days."""

    festival: str
    line: int
    holidays: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    workdays: list[dt.date] = field(default_factory=list)


@dataclass
class NoticeSchedule:
    """A year's schedule read from a notice, every date with the line it came from."""

    year: int
    source: str
    entries: list[NoticeEntry]
    #: Days of a range outside ``year`` that are weekend days (nothing to record here).
    left_out: list[tuple[dt.date, str, int]] = field(default_factory=list)

    @property
    def holidays(self) -> set[dt.date]:
        """Every holiday of ``year``."""
        return {
            first + dt.timedelta(days=i)
            for entry in self.entries
            for first, last in entry.holidays
            for i in range((last - first).days + 1)
        }

    @property
    def workdays(self) -> set[dt.date]:
        """Every make-up working day."""
        return {day for entry in self.entries for day in entry.workdays}


class _Problems:
    """The located errors of one notice, collected so that all are shown at once."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.messages: list[str] = []

    def add(self, line: int, message: str) -> None:
        where = f"{self.display}:{line}" if line else self.display
        self.messages.append(f"{where}: {message}")


@dataclass(frozen=True)
class _Date:
    day: dt.date
    end: int


def _take_date(
    text: str, pos: int, year: int, month: int | None, line: int, problems: _Problems
) -> _Date | None:
    """The date written at ``pos`` (year and month from the context when left out)."""
    match = _DATE.match(text, pos)
    if match is None:
        return None
    y = int(match["y"]) if match["y"] else year
    if match["m"]:
        m = int(match["m"])
    elif month is not None:
        m = month
    else:
        problems.add(line, f"“{match[0]}”没有写月份：读不出是哪一天")
        return None
    try:
        day = dt.date(y, m, int(match["d"]))
    except ValueError:
        problems.add(line, f"“{match[0]}”不是 {y} 年真实的日期")
        return None
    note = match["note"] or ""
    weekday = _WEEKDAY.search(note)
    if weekday is not None:
        written = _WEEKDAYS.index(weekday[1].replace("天", "日"))
        if written != day.weekday():
            problems.add(
                line,
                f"通知写 {match[0]}，但 {day} 是星期{_WEEKDAYS[day.weekday()]}："
                "核对年份是否对应、原文是否抄错",
            )
            return None
    return _Date(day, match.end())


class _Reader:
    """Reads the festival lines of one notice."""

    def __init__(self, year: int, problems: _Problems) -> None:
        self.year = year
        self.problems = problems
        self.entries: list[NoticeEntry] = []

    def _range(self, text: str, line: int) -> tuple[tuple[dt.date, dt.date], int] | None:
        first = _take_date(text, 0, self.year, None, line, self.problems)
        if first is None:
            return None
        if not text.startswith("至", first.end):
            return (first.day, first.day), first.end
        last = _take_date(text, first.end + 1, first.day.year, first.day.month, line, self.problems)
        if last is None:
            return None
        end = last.day
        if end < first.day and not _DATE.match(text, first.end + 1)["y"]:  # type: ignore[index]
            end = end.replace(year=end.year + 1)  # 12月30日至1月1日
        if end < first.day:
            self.problems.add(line, f"{first.day} 至 {end}：结束日期早于开始日期")
            return None
        return (first.day, end), last.end

    def _dates_then(self, text: str, word: str, line: int) -> list[dt.date] | None:
        """``2月14日（周六）、2月28日（周六）上班`` -> the dates, or None if not this form."""
        days: list[dt.date] = []
        pos, month = 0, None
        while True:
            if _DATE.match(text, pos) is None:
                return None
            date = _take_date(text, pos, self.year, month, line, self.problems)
            if date is None:
                return []
            days.append(date.day)
            month, pos = date.day.month, date.end
            if text[pos:] == word:
                return days
            if text[pos : pos + 1] not in ("、", "，", "和"):
                return None
            pos += 1

    def _holiday_sentence(self, sentence: str, entry: NoticeEntry) -> bool:
        """``4月4日至6日放假，共3天``, ``1月1日放假1天，不调休``; False if not this form."""
        line = entry.line
        read = self._range(sentence, line)
        if read is None:
            return False
        (first, last), pos = read
        if not sentence.startswith("放假", pos):
            return False
        rest = sentence[pos + 2 :]
        rest = rest.removeprefix("调休")
        length = (last - first).days + 1
        days_off = _DAYS_OFF.match(rest)
        tails = rest[days_off.end() :] if days_off else rest
        counts = [int(days_off[1])] if days_off else []
        entry.holidays.append((first, last))
        for tail in (t for t in tails.split("，") if t):
            total = _TOTAL.match(tail)
            if total:
                counts.append(int(total[1]))
            elif tail in _LINKED:
                continue
            elif (extra := self._dates_then(tail, "补休", line)) is not None:
                entry.holidays.extend((d, d) for d in extra)
            elif (work := self._dates_then(tail, "上班", line)) is not None:
                entry.workdays.extend(work)
            else:
                self.problems.add(line, f"读不懂“{tail}”（在“{sentence}”中）")
        for count in counts:
            if count != length:
                self.problems.add(
                    line, f"通知写共 {count} 天，而 {first} 至 {last} 是 {length} 天：核对原文"
                )
        return True

    def read_item(self, line: NoticeLine, names: str, body: str) -> None:
        """One festival line: its sentences, each a holiday range or make-up days."""
        entry = NoticeEntry(names, line.number)
        for sentence in (s for s in re.split(r"[。；]", body) if s):
            if sentence.startswith("鼓励"):
                continue  # advice to employers (2024: 除夕), not part of the schedule
            if self._holiday_sentence(sentence, entry):
                continue
            work = self._dates_then(sentence, "上班", line.number)
            if work is not None:
                entry.workdays.extend(work)
                continue
            self.problems.add(
                line.number,
                f"读不懂“{sentence}”：应是“X月X日至X日放假调休，共N天”"
                "或“X月X日（周六）上班”这样的句子",
            )
        self.entries.append(entry)

    def read_extension(self, line: NoticeLine, text: str, festival: str, at: int) -> None:
        """``延长2020年春节假期至2月2日（…），2月3日（星期一）起正常上班``."""
        earlier = [e for e in self.entries if festival in e.festival and e.holidays]
        end = _take_date(text, at, self.year, None, line.number, self.problems)
        if end is None:
            return
        if not earlier:
            self.problems.add(
                line.number,
                f"延长{festival}假期，但前面没有{festival}的安排：把原通知放在这份通知之前",
            )
            return
        entry = earlier[-1]
        last = max(last for _, last in entry.holidays)
        rest = text[end.end :].strip("，。")
        if rest:
            back = self._dates_then(rest.replace("起正常上班", "正常上班"), "正常上班", line.number)
            if back is None or back != [end.day + ONE_DAY]:
                self.problems.add(line.number, f"读不懂“{rest}”")
                return
        if end.day > last:
            added = (last + ONE_DAY, end.day)
            entry.workdays = [d for d in entry.workdays if not added[0] <= d <= added[1]]
            self.entries.append(NoticeEntry(f"{festival}（延长）", line.number, [added]))


def _year(lines: list[NoticeLine], problems: _Problems) -> int:
    """The notice's year: from its body ("现将2027年元旦……") or else its title.

    A saved page may link other years' notices ("相关文章"): the body decides; only
    when the body does not say is the title used, and titles that disagree are an error.
    """
    body: dict[int, int] = {}
    titles: dict[int, int] = {}
    for line in lines:
        for match in _TITLE_YEAR.finditer(normalize(line.text)):
            target = body if match[2] else titles
            target.setdefault(int(match[1] or match[2]), line.number)
    found = body or titles
    if not found:
        raise NoticeError(
            f"{problems.display}: 找不到通知的年份：请连同标题“国务院办公厅关于YYYY年部分节假日"
            "安排的通知”或“现将YYYY年元旦……”一句一起保存"
        )
    if len(found) > 1:
        years = "、".join(f"{y}（第 {n} 行）" for y, n in sorted(found.items()))
        raise NoticeError(f"{problems.display}: 通知中出现了不同的年份：{years}，一次读一年的通知")
    return next(iter(found))


def _source(year: int, lines: list[NoticeLine]) -> str:
    texts = [normalize(line.text) for line in lines]
    numbers = list(dict.fromkeys(m[0] for t in texts for m in _DOC_NUMBER.finditer(t)))
    issued = next((t for t in texts if _ISSUED.match(t)), "")
    extra = "、".join(numbers) + ("，" if numbers and issued else "") + issued
    return f"国务院办公厅关于{year}年部分节假日安排的通知" + (f"（{extra}）" if extra else "")


def _check_year(schedule: NoticeSchedule, problems: _Problems) -> None:
    """Keep ``year``'s days; days of another year are an error unless a weekend day."""
    for entry in schedule.entries:
        kept: list[tuple[dt.date, dt.date]] = []
        for first, last in entry.holidays:
            days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
            for day in days:
                if day.year == schedule.year:
                    continue
                if day.weekday() >= 5:
                    schedule.left_out.append((day, entry.festival, entry.line))
                else:
                    problems.add(
                        entry.line,
                        f"放假日 {day} 在 {day.year} 年，而这份通知是 {schedule.year} 年的："
                        f"请把它写进 {day.year} 年的节假日文件",
                    )
            inside = [d for d in days if d.year == schedule.year]
            if inside:
                kept.append((inside[0], inside[-1]))
        entry.holidays = kept
        for day in entry.workdays:
            if day.year != schedule.year:
                problems.add(entry.line, f"上班日 {day} 不在 {schedule.year} 年")
            elif day.weekday() < 5:
                problems.add(
                    entry.line,
                    f"通知写 {day} 上班，但这天是星期{_WEEKDAYS[day.weekday()]}，本来就上班："
                    "核对原文",
                )


def read_notice(lines: list[NoticeLine], display: str) -> NoticeSchedule:
    """The schedule the notice's lines state; :class:`NoticeError` listing every line
    that cannot be read (nothing is guessed)."""
    problems = _Problems(display)
    year = _year(lines, problems)
    reader = _Reader(year, problems)
    for line in lines:
        text = normalize(line.text)
        item = _ITEM.match(text)
        extension = _EXTEND.match(text)
        if item is not None:
            reader.read_item(line, item["names"], item["body"])
        elif extension is not None:
            reader.read_extension(line, text, extension["name"], extension.end())
        elif _ENUMERATED.match(text) and _DATE.search(text) and _SCHEDULE_WORDS.search(text):
            problems.add(line.number, f"这一行像是放假安排，但读不懂：“{line.text.strip()}”")
    seen = "".join(e.festival for e in reader.entries)
    for festival in FESTIVALS:
        if festival not in seen:
            problems.add(0, f"通知中没有“{festival}”的安排：文本是否完整（从标题抄到落款）？")
    schedule = NoticeSchedule(year, _source(year, lines), reader.entries)
    _check_year(schedule, problems)
    both = sorted(schedule.holidays & schedule.workdays)
    if both:
        problems.add(0, f"{both[0]} 既是放假日又是上班日：核对原文")
    if problems.messages:
        raise NoticeError("\n".join(dict.fromkeys(problems.messages)))
    return schedule


def _range_text(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first}..{last}"


def holiday_file_text(schedule: NoticeSchedule, display: str) -> str:
    """The project's holiday file (YAML) for ``schedule``, each date with its line."""
    out = [
        f"# 由 govopen workdays notice 从 {display} 生成：每个日期后注明通知中的节日和行号。",
        f'# 核对无误后，在 govopen.toml 中指定这个文件：holidays = "holidays/{schedule.year}.yaml"',
    ]
    for day, festival, line in schedule.left_out:
        out.append(
            f"# {day}（{festival}，第 {line} 行）在 {day.year} 年、是周末，不写入 {schedule.year} 年的文件"
        )
    out += [f"year: {schedule.year}", f"source: {json.dumps(schedule.source, ensure_ascii=False)}"]
    out.append("holidays:")
    for entry in schedule.entries:
        for first, last in entry.holidays:
            value = _range_text(first, last)
            out.append(f"  - {value:<24}  # {entry.festival}（第 {entry.line} 行）")
    out.append("workdays:")
    for entry in schedule.entries:
        for day in entry.workdays:
            out.append(f"  - {day.isoformat():<24}  # {entry.festival}（第 {entry.line} 行）")
    if not schedule.workdays:
        out[-1] = "workdays: []"
    return "\n".join(out) + "\n"
