"""``govopen workdays``: the lines a user types and what they print."""

from __future__ import annotations

from pathlib import Path

import pytest

TEST_HOLIDAYS = Path(__file__).parents[1] / "data" / "holidays-test-2027.yaml"


def test_add_the_domain_check(run_line):
    result = run_line("govopen workdays add 2025-09-26 20")
    assert result.exit_code == 0
    assert result.stdout == "2025-10-30\n"


@pytest.mark.parametrize("date", ["2025/9/26", "2025年9月26日", "2025.9.26", "20250926"])
def test_add_reads_chinese_forms(run_line, date):
    assert run_line(f"govopen workdays add {date} 20").stdout == "2025-10-30\n"


def test_count(run_line):
    result = run_line("govopen workdays count 2025-09-26 2025-10-30")
    assert (result.exit_code, result.stdout) == (0, "20\n")
    assert run_line("govopen workdays count 2025-10-30 2025-09-26").stdout == "-20\n"


def test_is_make_up_saturday(run_line):
    result = run_line("govopen workdays is 2025-10-11")
    assert result.exit_code == 0
    assert result.stdout.startswith("2025-10-11 是工作日（周六，调休上班")


def test_is_holiday_exits_1(run_line):
    result = run_line("govopen workdays is 2025年10月3日")
    assert result.exit_code == 1
    assert "不是工作日" in result.stdout
    assert "法定节假日" in result.stdout


def test_unknown_year_exits_2_with_the_reason(run_line):
    result = run_line("govopen workdays add 2026-12-20 20")
    assert result.exit_code == 2
    assert "不知道 2027 年的节假日安排" in result.stderr
    assert "holidays" in result.stderr


def test_holiday_file_option(run_line):
    result = run_line(f"govopen workdays is 2027-01-09 --holidays {TEST_HOLIDAYS}")
    assert result.exit_code == 0
    assert "测试用虚构安排" in result.stdout
    result = run_line(f"govopen workdays add 2026-12-31 1 --holidays {TEST_HOLIDAYS}")
    assert result.stdout == "2027-01-09\n"


def test_holiday_file_from_govopen_toml(run_line, tmp_path):
    (tmp_path / "govopen.toml").write_text(
        f'holidays = "{TEST_HOLIDAYS.as_posix()}"\n', encoding="utf-8"
    )
    result = run_line("govopen workdays count 2026-12-31 2027-01-11", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (0, "2\n")


def test_bad_holiday_file_exits_2(run_line, tmp_path):
    bad = tmp_path / "h.yaml"
    bad.write_text("year: 2027\nworkdays: [2027-01-06]\n", encoding="utf-8")
    result = run_line(f"govopen workdays is 2027-01-06 --holidays {bad}")
    assert result.exit_code == 2
    assert "本来就是工作日" in result.stderr


def test_bad_date_is_a_usage_error(run_line):
    result = run_line("govopen workdays add 2025-13-01 5")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "govopen：用法错误：日期 '2025-13-01' 不存在：没有 13 月。"
        "运行 govopen workdays add -h 查看帮助。\n"
    )


def test_negative_count_is_a_usage_error(run_line):
    # As typed, -1 reads as an option; after -- it reaches DAYS and its range (min=0).
    result = run_line("govopen workdays add 2025-09-26 -1")
    assert result.exit_code == 2
    assert result.stderr.startswith("govopen：用法错误：没有选项 -1。")
    result = run_line("govopen workdays add 2025-09-26 -- -1")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("govopen：用法错误：参数 DAYS 的值无效：")
    assert result.stderr.endswith("运行 govopen workdays add -h 查看帮助。\n")


@pytest.mark.parametrize(
    ("date", "said"),
    [
        ("2025-02-30", "2 月没有 30 日"),
        ("2025年4月31日", "4 月没有 31 日"),
        ("2025-13-01", "没有 13 月"),
    ],
)
def test_a_well_written_day_that_does_not_exist_is_told_so(run_line, date, said):
    result = run_line(f"govopen workdays add {date} 5")
    assert result.exit_code == 2
    assert said in result.stderr and "格式不对" not in result.stderr


def test_a_ledger_date_that_does_not_exist_is_told_so(run_line, tmp_path):
    ledger = tmp_path / "l.csv"
    ledger.write_text(
        "编号,收到日期,申请人类型,答复日期,处理结果\n1,2025-02-30,自然人,,\n", "utf-8"
    )
    result = run_line(f"govopen requests check {ledger} --today 2025-12-31")
    assert "“2025-02-30”不是有效的日期：2025 年 2 月没有 30 日（只有 28 天）" in result.stdout
