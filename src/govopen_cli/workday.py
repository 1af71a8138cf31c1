"""工作日: working days under the State Council holiday schedule, with 调休 make-up days.

The years the ``chinese-calendar`` package knows (2004 to its last published
schedule) come from it; a project may add later years with a holiday file. A date
in a year that neither knows is an error (:class:`UnknownYearError`), never a
silent Monday-to-Friday guess.

Why chinese-calendar rather than ``holidays``: ``holidays`` computes Chinese
holidays for any year by rule but knows the official 调休 make-up working days only
for the years whose notice it has transcribed, and returns later years without
them, which silently shifts every deadline; chinese-calendar carries the official
lists and refuses years it does not know, which is what a deadline needs.

Holiday file (YAML)::

    year: 2027
    source: 国务院办公厅关于2027年部分节假日安排的通知
    holidays:                      # 放假日期：单日，或 起..止 的区间
      - 2027-01-01
      - 2027-02-06..2027-02-13
    workdays:                      # 调休上班的周末
      - 2027-02-14
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.errors import GovopenError

ONE_DAY = dt.timedelta(days=1)


class UnknownYearError(GovopenError):
    """A date falls in a year whose official holiday schedule is not known."""


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
    return schedule


class WorkdayCalendar:
    """Answers "is this a 工作日" and counts them, never guessing an unknown year."""

    def __init__(self, schedule: HolidaySchedule | None = None) -> None:
        self.schedule = schedule or HolidaySchedule()
        import chinese_calendar

        self._cc = chinese_calendar
        self._known_last = max(chinese_calendar.constants.holidays).year

    def knows(self, year: int) -> bool:
        """Whether the official schedule of ``year`` is known."""
        return year in self.schedule.years or 2004 <= year <= self._known_last

    def is_workday(self, day: dt.date) -> bool:
        """True for a 工作日 (a make-up Saturday is one; a holiday on a Monday is not)."""
        if day.year in self.schedule.years:
            if day in self.schedule.workdays:
                return True
            return day.weekday() < 5 and day not in self.schedule.holidays
        if not self.knows(day.year):
            raise UnknownYearError(
                f"不知道 {day.year} 年的节假日安排（chinese-calendar 只有 2004—{self._known_last} 年）。"
                f"请在 govopen.toml 的 holidays 中指定该年的节假日文件（按国务院办公厅通知填写），"
                "不会按“周一至周五”猜测"
            )
        return bool(self._cc.is_workday(day))

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

    def count(self, start: dt.date, end: dt.date) -> int:
        """工作日 after ``start`` up to and including ``end`` (negative when end < start)."""
        if end < start:
            return -self.count(end, start)
        total = 0
        day = start
        while day < end:
            day += ONE_DAY
            if self.is_workday(day):
                total += 1
        return total

    def source_of(self, year: int) -> str:
        """Where the schedule of ``year`` comes from."""
        if year in self.schedule.years:
            return self.schedule.sources.get(year, "节假日文件")
        return "chinese-calendar"


def calendar_for(holiday_file: Path | None) -> WorkdayCalendar:
    """A calendar with the project's holiday file added, when there is one."""
    return WorkdayCalendar(load_holiday_file(holiday_file) if holiday_file else None)
