"""工作日: the official schedule with 调休, the holiday file, and no guessing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govopen_cli.calendar.date_text import date_from_cell, parse_date_text
from govopen_cli.calendar.workday import (
    HolidayFileError,
    UnknownYearError,
    WorkdayCalendar,
    calendar_for,
    load_holiday_file,
)

TEST_HOLIDAYS = Path(__file__).parents[1] / "data" / "holidays-test-2027.yaml"
EXAMPLE_HOLIDAYS = Path(__file__).resolve().parents[2] / "examples" / "holidays-example.yaml"
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


def test_the_domain_check_date(cal):
    # 2025-09-28 and 2025-10-11 are make-up working days; 10-01..10-08 are holidays.
    assert cal.add(D("2025-09-26"), 20) == D("2025-10-30")


def test_make_up_saturday_is_a_workday(cal):
    assert D("2025-10-11").weekday() == 5
    assert cal.is_workday(D("2025-10-11"))
    assert cal.day_kind(D("2025-10-11")) == "调休上班"
    assert cal.day_kind(D("2025-10-03")) == "法定节假日"
    assert cal.day_kind(D("2025-10-18")) == "周末"
    assert cal.day_kind(D("2025-10-09")) == "工作日"


def test_counting_starts_the_next_day(cal):
    assert cal.add(D("2025-06-06"), 0) == D("2025-06-06")
    assert cal.add(D("2025-06-06"), 1) == D("2025-06-09")  # Friday -> Monday


def test_count_is_the_inverse_of_add(cal):
    start = D("2025-09-26")
    assert cal.count(start, D("2025-10-30")) == 20
    assert cal.count(D("2025-10-30"), start) == -20
    assert cal.count(start, start) == 0


def test_unknown_year_is_an_error_not_a_guess(cal):
    with pytest.raises(UnknownYearError) as info:
        cal.add(D("2026-12-20"), 20)
    assert info.value.year == 2027
    assert "2027" in str(info.value)
    assert "holidays" in str(info.value)
    assert not cal.knows(2027)
    assert not cal.knows(2003)


def test_holiday_file_adds_a_year():
    cal = calendar_for(TEST_HOLIDAYS)
    assert cal.knows(2027)
    assert not cal.is_workday(D("2027-01-05"))  # a (fictitious) holiday on a Tuesday
    assert cal.is_workday(D("2027-01-09"))  # a (fictitious) make-up Saturday
    assert cal.day_kind(D("2027-01-09")) == "调休上班"
    assert cal.day_kind(D("2027-01-05")) == "法定节假日"
    # 2026-12-31 (Thu) -> 2027-01-09 (Sat, make-up day) is the first 工作日 after it.
    assert cal.add(D("2026-12-31"), 1) == D("2027-01-09")
    assert cal.source_of(2027) == "测试用虚构安排（非官方）"
    assert "2027（节假日文件）" in cal.known_years()


def test_the_given_holiday_file_wins_over_the_configured_one(tmp_path):
    assert calendar_for(None, TEST_HOLIDAYS).knows(2027)
    assert not calendar_for(None).knows(2027)
    missing = tmp_path / "missing.yaml"
    assert calendar_for(TEST_HOLIDAYS, missing).knows(2027)  # the configured file is not read
    with pytest.raises(HolidayFileError, match=r"missing\.yaml"):
        calendar_for(missing, TEST_HOLIDAYS)


def test_the_bundled_example_reads_and_is_not_a_real_year():
    schedule = load_holiday_file(EXAMPLE_HOLIDAYS)
    assert schedule.years == {2099}
    assert "虚构" in schedule.sources[2099]
    assert D("2099-01-24") in schedule.holidays  # inside a range


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("year: 2027\nholidays: [2027-13-01]\n", "日期不存在"),
        ("year: 2027\nholidays: ['2027-1-x']\n", "不是日期"),
        ("year: 2027\nholidays: [2026-12-31]\n", "不在 2027 年"),
        ("year: 2027\nholidays: [2027-01-08..2027-01-04]\n", "早于开始日期"),
        ("year: 2027\nholidays: [2027-01-09]\nworkdays: [2027-01-09]\n", "既写在 holidays"),
        ("year: 2027\nworkdays: [2027-01-06]\n", "本来就是工作日"),
        ("year: '2027'\n", "year"),
        ("year: 2027\nholiday: []\n", "未知字段"),
    ],
)
def test_bad_holiday_files(tmp_path, text, message):
    path = tmp_path / "h.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HolidayFileError, match=message):
        load_holiday_file(path)


def test_missing_holiday_file(tmp_path):
    with pytest.raises(HolidayFileError, match="找不到"):
        load_holiday_file(tmp_path / "none.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "2025-09-26",
        "2025/9/26",
        "2025/09/26",
        "2025.9.26",
        "2025年9月26日",
        "2025 年 9 月 26 日",
        "2025年9月26号",
        "20250926",
        "２０２５－０９－２６",
        "2025-09-26 00:00:00",
        "2025/9/26 14:30",
        " 2025-9-26 ",
    ],
)
def test_date_forms(text):
    assert parse_date_text(text) == D("2025-09-26")


@pytest.mark.parametrize(
    "text", ["2025-02-30", "25/9/26", "9/26/2025", "2025-09", "二〇二五年九月", "2205-09-26", ""]
)
def test_not_dates(text):
    assert parse_date_text(text) is None


def test_cell_values():
    assert date_from_cell(dt.datetime(2025, 9, 26, 0, 0)) == D("2025-09-26")
    assert date_from_cell(D("2025-09-26")) == D("2025-09-26")
    assert date_from_cell(45926) == D("2025-09-26")  # an Excel serial without date format
    assert date_from_cell(45926.0) == D("2025-09-26")
    assert date_from_cell(45926.5) is None
    assert date_from_cell(12) is None
    assert date_from_cell(True) is None
    assert date_from_cell("2025年9月26日") == D("2025-09-26")


def test_count_agrees_with_counting_day_by_day(cal):
    import random

    rng = random.Random(7)
    for _ in range(200):
        a = D("2024-01-01") + dt.timedelta(days=rng.randrange(0, 1000))
        b = a + dt.timedelta(days=rng.randrange(0, 400))
        b = min(b, D("2026-12-31"))
        naive = sum(cal.is_workday(a + dt.timedelta(days=i)) for i in range(1, (b - a).days + 1))
        assert cal.count(a, b) == naive
        assert cal.add(a, naive) <= b


def test_count_from_the_last_day_of_an_unknown_year(cal):
    # Only the days after 2003-12-31 are counted: 2003 need not be known.
    assert cal.count(D("2003-12-31"), D("2004-01-05")) == 2  # 01-02 (Fri) and 01-05
    with pytest.raises(UnknownYearError):
        cal.count(D("2003-12-30"), D("2004-01-05"))
