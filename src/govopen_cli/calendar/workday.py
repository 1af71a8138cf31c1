"""工作日: working days under the State Council holiday schedule, with 调休 make-up days.

The years the ``chinese-calendar`` package knows (2004 to its last published
schedule) come from it; a project may add later years with a holiday file. A date
in a year that neither knows is an error (:class:`UnknownYearError`), never a
silent Monday-to-Friday guess.

Why chinese-calendar rather than ``holidays``: ``holidays`` computes Chinese
holidays for any year by rule but knows the official 调休 make-up working days only
for the years whose notice it has transcribed, and returns later years without
them, which silently shifts every deadline; chinese-calendar carries the official
lists and refuses years it does not know, which is what a deadline needs
(docs/workdays.md has the comparison).

Holiday file (YAML; the dates below only show the format, they are NOT the
official schedule of any year)::

    year: 2027
    source: 国务院办公厅关于2027年部分节假日安排的通知（按通知原文填写）
    holidays:                      # 放假日期：单日，或 起..止 的区间
      - 2027-01-01
      - 2027-10-01..2027-10-07
    workdays:                      # 调休上班的周六、周日
      - 2027-09-26
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from govopen_cli.errors import GovopenError

ONE_DAY = dt.timedelta(days=1)
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

DayKind = Literal["工作日", "调休上班", "法定节假日", "周末"]


class UnknownYearError(GovopenError):
    """A date falls in a year whose official holiday schedule is not known."""

    def __init__(self, message: str, year: int | None = None) -> None:
        super().__init__(message)
        self.year = year


class HolidayFileError(GovopenError):
    """A holiday file cannot be read."""


@dataclass
class HolidaySchedule:
    """Holidays and make-up working days for some years, from a project's file."""

    years: set[int] = field(default_factory=set)
    holidays: set[dt.date] = field(default_factory=set)
    workdays: set[dt.date] = field(default_factory=set)
    sources: dict[int, str] = field(default_factory=dict)


def _parse_day(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise HolidayFileError(f"{where}：{value!r} 不是日期，请写成 YYYY-MM-DD") from exc


def _expand(value: Any, where: str) -> list[dt.date]:
    if isinstance(value, str) and ".." in value:
        first, last = (_parse_day(v, where) for v in value.split("..", 1))
        if last < first:
            raise HolidayFileError(f"{where}：区间 {value} 的结束日期早于开始日期")
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return [_parse_day(value, where)]


def load_holiday_file(path: Path) -> HolidaySchedule:
    """Read a project's holiday file (one year per file, or a list of such mappings)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise HolidayFileError(f"找不到节假日文件 {path}") from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise HolidayFileError(f"无法读取节假日文件 {path}：{exc}") from exc
    except ValueError as exc:  # PyYAML builds 2027-13-01 as a date and fails
        raise HolidayFileError(
            f"节假日文件 {path} 中有的日期不存在（{exc}）：请按 YYYY-MM-DD 写真实的日期"
        ) from exc
    entries = data if isinstance(data, list) else [data]
    schedule = HolidaySchedule()
    for n, entry in enumerate(entries, 1):
        where = f"{path} 第 {n} 个年度"
        if not isinstance(entry, dict) or not isinstance(entry.get("year"), int):
            raise HolidayFileError(f"{where}：应写明 year（如 year: 2027）、holidays 和 workdays")
        year = entry["year"]
        unknown = set(entry) - {"year", "source", "holidays", "workdays"}
        if unknown:
            raise HolidayFileError(f"{where}：未知字段 {'、'.join(sorted(unknown))}")
        for key, target in (("holidays", schedule.holidays), ("workdays", schedule.workdays)):
            values = entry.get(key) or []
            if not isinstance(values, list):
                raise HolidayFileError(f"{where}：{key} 应为日期列表")
            for value in values:
                for day in _expand(value, f"{where} {key}"):
                    if day.year != year:
                        raise HolidayFileError(f"{where}：{day} 不在 {year} 年")
                    target.add(day)
        schedule.years.add(year)
        schedule.sources[year] = str(entry.get("source", path))
    _check_schedule(schedule, path)
    return schedule


def _check_schedule(schedule: HolidaySchedule, path: Path) -> None:
    """Refuse a file that cannot be what a State Council notice says."""
    both = sorted(schedule.holidays & schedule.workdays)
    if both:
        raise HolidayFileError(
            f"{path}：{both[0]} 既写在 holidays 又写在 workdays 中：一天只能是放假或调休上班之一"
        )
    weekdays = sorted(d for d in schedule.workdays if d.weekday() < 5)
    if weekdays:
        raise HolidayFileError(
            f"{path}：workdays 中的 {weekdays[0]} 是{WEEKDAY_NAMES[weekdays[0].weekday()]}，"
            "本来就是工作日：workdays 只写调休上班的周六、周日"
        )


class WorkdayCalendar:
    """Answers "is this a 工作日" and counts them, never guessing an unknown year."""

    def __init__(self, schedule: HolidaySchedule | None = None) -> None:
        self.schedule = schedule or HolidaySchedule()
        import chinese_calendar

        self._cc = chinese_calendar
        self._known_last: int = max(chinese_calendar.constants.holidays).year
        # Per year, the running count of 工作日 through each day: a ledger asks for
        # thousands of counts over the same few years.
        self._through: dict[int, list[int]] = {}

    @property
    def last_package_year(self) -> int:
        """The last year chinese-calendar knows."""
        return self._known_last

    def knows(self, year: int) -> bool:
        """Whether the official schedule of ``year`` is known."""
        return year in self.schedule.years or 2004 <= year <= self._known_last

    def known_years(self) -> str:
        """The years this calendar knows, for messages: ``2004—2026、2027（节假日文件）``."""
        extra = sorted(y for y in self.schedule.years if not 2004 <= y <= self._known_last)
        text = f"2004—{self._known_last}"
        if extra:
            text += "、" + "、".join(str(y) for y in extra) + "（节假日文件）"
        return text

    def _require(self, year: int) -> None:
        if not self.knows(year):
            raise UnknownYearError(
                f"不知道 {year} 年的节假日安排（已知：{self.known_years()} 年；"
                f"chinese-calendar 只有 2004—{self._known_last} 年）。"
                f"请用 govopen workdays notice 通知.txt -o holidays/{year}.yaml 从国务院办公厅的通知"
                "生成该年的节假日文件，并在 govopen.toml 的 holidays 中指定它（或用 --holidays），"
                "不会按“周一至周五”猜测",
                year,
            )

    def is_workday(self, day: dt.date) -> bool:
        """True for a 工作日 (a make-up Saturday is one; a holiday on a Monday is not)."""
        through = self._year_through(day.year)
        index = day.timetuple().tm_yday
        return through[index] > through[index - 1]

    def _looked_up(self, day: dt.date) -> bool:
        if day.year in self.schedule.years:
            if day in self.schedule.workdays:
                return True
            return day.weekday() < 5 and day not in self.schedule.holidays
        self._require(day.year)
        return bool(self._cc.is_workday(day))

    def day_kind(self, day: dt.date) -> DayKind:
        """What ``day`` is: 工作日, 调休上班 (a weekend make-up day), 法定节假日 or 周末."""
        working = self.is_workday(day)
        weekend = day.weekday() >= 5
        if working:
            return "调休上班" if weekend else "工作日"
        if day.year in self.schedule.years:
            return "法定节假日" if day in self.schedule.holidays else "周末"
        on_holiday, name = self._cc.get_holiday_detail(day)
        return "法定节假日" if on_holiday and name else "周末"

    def add(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` 工作日 after ``start``, counting from the next day (as the 条例 does)."""
        if days < 0:
            raise ValueError("days must be >= 0")
        day = start
        remaining = days
        while remaining:
            day += ONE_DAY
            if self.is_workday(day):
                remaining -= 1
        return day

    def _year_through(self, year: int) -> list[int]:
        """``[0, n1, n2, …]``: 工作日 from 1 January through each day of ``year``."""
        through = self._through.get(year)
        if through is None:
            self._require(year)
            through = [0]
            day = dt.date(year, 1, 1)
            while day.year == year:
                through.append(through[-1] + self._looked_up(day))
                day += ONE_DAY
            self._through[year] = through
        return through

    def _workdays_through(self, day: dt.date) -> int:
        return self._year_through(day.year)[day.timetuple().tm_yday]

    def count(self, start: dt.date, end: dt.date) -> int:
        """工作日 after ``start`` up to and including ``end`` (negative when end < start)."""
        if end < start:
            return -self.count(end, start)
        if start.year == end.year:
            return self._workdays_through(end) - self._workdays_through(start)
        total = self._workdays_through(end)
        for year in range(start.year + 1, end.year):
            total += self._year_through(year)[-1]
        if (start.month, start.day) != (12, 31):  # 31 December: its year adds nothing
            total += self._year_through(start.year)[-1] - self._workdays_through(start)
        return total

    def source_of(self, year: int) -> str:
        """Where the schedule of ``year`` comes from."""
        if year in self.schedule.years:
            return self.schedule.sources.get(year, "节假日文件")
        return "chinese-calendar"


def calendar_for(holiday_file: Path | None, configured: Path | None = None) -> WorkdayCalendar:
    """The calendar of a run, with a holiday file added when there is one.

    ``holiday_file`` (``--holidays``) wins over ``configured`` (govopen.toml's
    ``holidays``, resolved by the caller: the calendar does not read the configuration).
    """
    chosen = holiday_file if holiday_file is not None else configured
    return WorkdayCalendar(load_holiday_file(chosen) if chosen else None)
