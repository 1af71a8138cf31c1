"""``govopen workdays notice``: the State Council's real notices of 2020–2026, read.

The fixtures in notices/ are the published texts as the search corpus stores them
(source address in the first line). The file each one gives must agree with
chinese-calendar, which transcribes the same notices, on every day of its year.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import chinese_calendar
import pytest

from govopen_cli.calendar.workday import WorkdayCalendar, load_holiday_file

NOTICES = Path(__file__).parent / "notices"
YEARS = range(2020, 2027)


def _days(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((dt.date(year + 1, 1, 1) - first).days)]


def _agrees_with_chinese_calendar(path: Path, year: int) -> None:
    schedule = load_holiday_file(path)
    assert schedule.years == {year}
    calendar = WorkdayCalendar(schedule)
    for day in _days(year):
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
        assert (not calendar.is_workday(day)) == chinese_calendar.is_holiday(day), day
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        named = bool(on_holiday and name)
        if day.weekday() < 5:
            assert (day in schedule.holidays) == named, day
        else:  # a weekend day may be named by next year's notice (2022-12-31: 2023 元旦)
            assert day not in schedule.holidays or named, day


@pytest.mark.parametrize("year", YEARS)
def test_the_real_notice_gives_chinese_calendars_schedule(run_line, tmp_path, year):
    out = tmp_path / "holidays" / f"{year}.yaml"
    result = run_line(f"govopen workdays notice {NOTICES / f'{year}.txt'} -o {out}")
    assert result.exit_code == 0, result.stderr
    assert f"已写入 {out}：{year} 年放假" in result.stderr
    _agrees_with_chinese_calendar(out, year)


def test_a_saved_web_page_is_read_with_the_lines_of_the_page(run_line, tmp_path):
    out = tmp_path / "2026.yaml"
    result = run_line(f"govopen workdays notice {NOTICES / '2026.html'} -o {out}")
    assert result.exit_code == 0, result.stderr
    _agrees_with_chinese_calendar(out, 2026)
    text = out.read_text(encoding="utf-8")
    # 二、春节 is on line 7 of the page; the decoy in <script> is not read
    assert "  - 2026-02-15..2026-02-23    # 春节（第 7 行）" in text
    assert "2026-01-01\n" not in text


def test_the_written_file_says_where_it_comes_from(run_line):
    result = run_line(f"govopen workdays notice {NOTICES / '2025.txt'}")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert 'source: "国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）"' in lines
    assert "  - 2025-01-28..2025-02-04    # 春节（第 7 行）" in lines
    assert "  - 2025-10-11                # 国庆节、中秋节（第 11 行）" in lines


def test_a_cross_year_range_keeps_this_years_days(run_line):
    stdout = run_line(f"govopen workdays notice {NOTICES / '2023.txt'}").stdout
    assert "# 2022-12-31（元旦，第 5 行）在 2022 年、是周末，不写入 2023 年的文件" in stdout
    assert "  - 2023-01-01..2023-01-02    # 元旦（第 5 行）" in stdout


def test_the_2020_extension_notice_is_read_after_the_notice(run_line):
    stdout = run_line(f"govopen workdays notice {NOTICES / '2020.txt'}").stdout
    assert "  - 2020-01-31..2020-02-02    # 春节（延长）（第 18 行）" in stdout
    assert "2020-02-01                # 春节" not in stdout  # no longer a working Saturday
    assert 'source: "国务院办公厅关于2020年部分节假日安排的通知（2019年11月21日）"' in stdout


def test_full_width_punctuation_reads_the_same(run_line, tmp_path):
    """The corpus stores ASCII punctuation; gov.cn publishes full-width: both read."""
    text = (NOTICES / "2025.txt").read_text(encoding="utf-8")
    wide = text.translate(str.maketrans({",": "，", ":": "：", "(": "（", ")": "）"}))
    (tmp_path / "wide.txt").write_text(wide, encoding="utf-8")
    narrow = run_line(f"govopen workdays notice {NOTICES / '2025.txt'}").stdout
    result = run_line(f"govopen workdays notice {tmp_path / 'wide.txt'}")
    assert result.stdout.split("\n", 1)[1] == narrow.split("\n", 1)[1]


def test_a_gbk_text_file_is_read(run_line, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes((NOTICES / "2024.txt").read_text(encoding="utf-8").encode("gb18030"))
    assert run_line(f"govopen workdays notice {gbk}").exit_code == 0


# ── what it cannot read: an error with the line, exit 2, nothing written ─────────
# The notices below are made up for the tests (year 2099): they are not official.

FAKE = """国务院办公厅关于2099年部分节假日安排的通知
一、元旦：1月1日（星期四）放假，共1天。
二、春节：1月21日至27日放假调休，共7天。1月18日（星期日）上班。
三、清明节：4月4日（星期六）至6日放假，共3天。
四、劳动节：5月1日至5日放假调休，共5天。
五、端午节：6月1日放假，与周末连休。
六、中秋节、国庆节：10月1日至8日放假调休，共8天。10月10日（星期六）上班。
"""


def _notice(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "通知.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_made_up_notice_reads(run_line, tmp_path):
    out = tmp_path / "h.yaml"
    result = run_line(f"govopen workdays notice {_notice(tmp_path, FAKE)} -o {out}")
    assert result.exit_code == 0, result.stderr
    schedule = load_holiday_file(out)
    assert dt.date(2099, 6, 1) in schedule.holidays
    assert schedule.workdays == {dt.date(2099, 1, 18), dt.date(2099, 10, 10)}


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (
            ("1月1日（星期四）", "1月1日（星期五）"),
            2,
            "通知写 1月1日（星期五），但 2099-01-01 是星期四",
        ),
        (("共7天", "共6天"), 3, "通知写共 6 天，而 2099-01-21 至 2099-01-27 是 7 天"),
        (("放假调休，共5天", "放假调休，另行通知"), 5, "读不懂“另行通知”"),
        (
            ("1月18日（星期日）上班", "1月18日（星期日）上半天班"),
            3,
            "读不懂“1月18日（星期日）上半天班”",
        ),
        (("10月10日（星期六）上班", "10月9日上班"), 7, "通知写 2099-10-09 上班，但这天是星期五"),
        (("5月1日至5日", "5月1日至32日"), 5, "“32日”不是 2099 年真实的日期"),
    ],
)
def test_an_unreadable_line_is_an_error_with_its_number(run_line, tmp_path, change, line, message):
    path = _notice(tmp_path, FAKE.replace(*change))
    out = tmp_path / "h.yaml"
    result = run_line(f"govopen workdays notice {path} -o {out}")
    assert result.exit_code == 2
    assert f"{path}:{line}: {message}" in result.stderr
    assert not out.exists()


def test_a_missing_festival_is_an_error(run_line, tmp_path):
    text = "\n".join(line for line in FAKE.splitlines() if "端午节" not in line)
    result = run_line(f"govopen workdays notice {_notice(tmp_path, text)}")
    assert result.exit_code == 2
    assert "通知中没有“端午节”的安排" in result.stderr


def test_a_notice_without_its_year_is_an_error(run_line, tmp_path):
    result = run_line(f"govopen workdays notice {_notice(tmp_path, FAKE.split(chr(10), 1)[1])}")
    assert result.exit_code == 2
    assert "找不到通知的年份" in result.stderr


def test_an_existing_file_needs_force(run_line, tmp_path):
    path = _notice(tmp_path, FAKE)
    out = tmp_path / "h.yaml"
    out.write_text("keep", encoding="utf-8")
    result = run_line(f"govopen workdays notice {path} -o {out}")
    assert result.exit_code == 2 and "已存在" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep"
    assert run_line(f"govopen workdays notice {path} -o {out} --force").exit_code == 0
    assert load_holiday_file(out).years == {2099}


def test_a_page_linking_other_years_notices_takes_the_year_of_its_body(run_line, tmp_path):
    page = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>\n" for line in FAKE.splitlines()[1:])
    page.write_text(
        "<html><head><title>国务院办公厅关于2099年部分节假日安排的通知</title></head><body>\n"
        "<p>经国务院批准，现将2099年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的"
        "具体安排通知如下。</p>\n"
        + body
        + "<ul><li><a href='x'>国务院办公厅关于2098年部分节假日安排"
        "的通知</a></li></ul></body></html>\n",
        encoding="utf-8",
    )
    result = run_line(f"govopen workdays notice {page}")
    assert result.exit_code == 0, result.stderr
    assert "year: 2099" in result.stdout


def test_titles_of_two_years_without_a_body_year_are_an_error(run_line, tmp_path):
    text = FAKE + "国务院办公厅关于2098年部分节假日安排的通知\n"
    result = run_line(f"govopen workdays notice {_notice(tmp_path, text)}")
    assert result.exit_code == 2
    assert "通知中出现了不同的年份：2098（第 8 行）、2099（第 1 行）" in result.stderr


# December 2026: the 2027 schedule is out, chinese-calendar does not have it yet.
# MADE UP for the test (not the official 2027 schedule, which is not in the corpus).
FAKE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日放假，共1天。
二、春节：2月6日至12日放假调休，共7天。2月13日（星期六）上班。
三、清明节：4月5日放假，共1天。
四、劳动节：5月1日至5日放假调休，共5天。
五、端午节：6月9日放假，共1天。
六、中秋节：9月15日放假，共1天。
七、国庆节：10月1日至7日放假调休，共7天。
"""


def test_the_notice_settles_what_waited_for_the_next_year(run_line, tmp_path):
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        "编号,收到日期,申请人类型,答复日期,处理结果\n"
        "1,2026-11-02,自然人,,\n"  # due 2026-11-30: overdue whatever 2027 holds
        "2,2026-12-20,自然人,,\n",  # due in 2027: open until the 2027 schedule is known
        encoding="utf-8",
    )
    before = run_line(f"govopen requests check {ledger} --today 2027-01-20")
    assert "GR102 error 申请 1 尚未答复，答复期限（2026-11-30）已过 51 天" in before.stdout
    assert (
        "GR107 warning 申请 2 尚未答复，到 2027-01-20 是否逾期要看 2027 年的节假日安排"
        in before.stdout
    )
    assert "govopen workdays notice 通知.txt -o holidays/2027.yaml" in before.stdout

    notice = tmp_path / "通知.txt"
    notice.write_text(FAKE_2027, encoding="utf-8")
    holidays = tmp_path / "holidays" / "2027.yaml"
    assert run_line(f"govopen workdays notice {notice} -o {holidays}").exit_code == 0
    after = run_line(f"govopen requests check {ledger} --today 2027-01-20 --holidays {holidays}")
    assert "GR107" not in after.stdout
    assert "GR102 error 申请 1 尚未答复，答复期限（2026-11-30）已过 36 个工作日" in after.stdout
    assert "GR102 error 申请 2 尚未答复，答复期限（2027-01-18）已过 2 个工作日" in after.stdout


def test_pasted_text_on_standard_input(run_line, monkeypatch):
    import io

    text = (NOTICES / "2022.txt").read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    result = run_line("govopen workdays notice -")
    assert result.exit_code == 0, result.stderr
    assert "  - 2022-01-31..2022-02-06    # 春节（第 6 行）" in result.stdout
    monkeypatch.setattr("sys.stdin", io.StringIO(text.replace("共7天", "共6天", 1)))
    result = run_line("govopen workdays notice -")
    assert result.exit_code == 2
    assert "标准输入:6: 通知写共 6 天" in result.stderr
