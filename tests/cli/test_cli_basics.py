"""The command answers --version and --help, and exits 2 when it cannot run."""

from __future__ import annotations

import subprocess
import sys

import pytest

from govopen_cli import __version__


def test_version(run_line):
    result = run_line("govopen --version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"govopen {__version__}"


def test_python_m_runs_the_same_command():
    out = subprocess.run(
        [sys.executable, "-m", "govopen_cli", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert __version__ in out.stdout


def test_missing_path_exits_2(run_line, tmp_path):
    result = run_line(f"govopen check {tmp_path / 'nope.yaml'}")
    assert result.exit_code == 2
    assert "路径不存在" in result.stderr


def test_unknown_format_is_a_usage_error(run_line, tmp_path):
    from conftest import CATALOGS

    result = run_line(f"govopen check {tmp_path} --format nope")
    assert result.exit_code == 2
    assert result.stderr == (
        "govopen：用法错误：选项 --format / -f 的值无效：未知的格式 'nope'："
        "可选 text、json、sarif、junit、github、markdown、html。运行 govopen check -h 查看帮助。\n"
    )
    # On a folder that can be checked, the format is still refused before any check runs.
    result = run_line(f"govopen check {CATALOGS} --format nope")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "未知的格式 'nope'" in result.stderr


def test_folder_without_yaml_cannot_be_checked(run_line, tmp_path):
    result = run_line(f"govopen check {tmp_path}")
    assert result.exit_code == 2
    assert "没有 *.yaml" in result.stderr


def test_duties_option_must_name_a_mapping(run_line):
    from conftest import CATALOGS

    catalog = CATALOGS / "pingyao-zrzyj" / "2025.yaml"
    result = run_line(f"govopen check {catalog} --duties {catalog}")
    assert result.exit_code == 2
    assert "不是三定映射文件" in result.stderr


def test_unwritable_output_is_a_clean_error(run_line, tmp_path):
    from conftest import CATALOGS

    catalog = CATALOGS / "pingyao-zrzyj" / "2025.yaml"
    for target in (tmp_path / "nope" / "r.txt", "/proc/govopen-report.txt"):
        result = run_line(f"govopen check {catalog} -o {target}")
        assert result.exit_code == 2, target
        assert "govopen：错误" in result.stderr


def test_output_file_is_readable_by_colleagues(run_line, tmp_path):
    import os
    import stat

    from conftest import CATALOGS

    out = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        run_line(f"govopen check {CATALOGS} --format json -o {out}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_help_screens_speak_chinese():
    out = subprocess.run(
        [sys.executable, "-m", "govopen_cli", "check", "--help"],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "COLUMNS": "100", "PATH": ""},
    )
    assert out.returncode == 0
    for words in ("显示本帮助后退出", "选项", "示例", "退出状态"):
        assert words in out.stdout
    for jargon in ("Show this message", "<list[Path]>", "<bool>", "<str>"):
        assert jargon not in out.stdout


def test_every_today_option_reads_the_same_date_forms(run_line):
    from conftest import CATALOGS

    catalog = CATALOGS / "pingyao-zrzyj" / "2025.yaml"
    assert run_line(f"govopen check {catalog} --today 2025年12月31日").exit_code == 0
    result = run_line(f"govopen check {catalog} --today 明天")
    assert result.exit_code == 2
    assert "2025年9月26日" in result.stderr


def test_a_folder_given_for_a_file_is_named_as_such(run_line, tmp_path):
    result = run_line(f"govopen check {tmp_path} --duties {tmp_path}")
    assert result.exit_code == 2
    assert "是文件夹，请指定三定映射文件" in result.stderr


def govopen(*args: str) -> subprocess.CompletedProcess[str]:
    """``govopen ARGS`` through ``main()``, as a user runs it (CliRunner bypasses main)."""
    return subprocess.run(
        [sys.executable, "-m", "govopen_cli", *args],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "COLUMNS": "100", "PATH": ""},
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["schema"],
            "govopen：用法错误：缺少参数 名称。运行 python -m govopen_cli schema -h 查看帮助。",
        ),
        (["check", "-5"], "没有选项 -5。"),
        (["check", "--fo"], "没有选项 --fo（可能是：--fail-on、--force、--format）。"),
        (["import", "x.xlsx", "--year", "abc"], "选项 --year 的值无效：应为整数。"),
        (["import", "x.xlsx"], "缺少选项 --output / -o。"),
        (["check", "-f"], "选项 -f 需要一个值。"),
        (["check", "--exit-zero=3"], "选项 --exit-zero 不接受值。"),
        (["x"], "没有命令 x。运行 python -m govopen_cli -h 查看帮助。"),
        (["chek"], "没有命令 chek，是不是要用 check、schema？"),
        (["rules", "a", "b"], "多余的参数：b。"),
        (
            ["check", "--fail-on", "bad"],
            "用法错误：未知的严重程度 'bad'：应为 error、warning 或 info。",
        ),
    ],
)
def test_usage_errors_are_told_in_chinese_with_status_2(args, expected):
    out = govopen(*args)
    assert out.returncode == 2
    assert expected in out.stderr
    assert out.stderr.count("\n") == 1, out.stderr  # one line, no English usage box
    assert out.stdout == ""


def test_exit_statuses_and_output_are_as_before(tmp_path):
    assert govopen("--version").returncode == 0
    assert "显示本帮助后退出" in govopen("check", "-h").stdout
    bare = govopen()
    assert bare.returncode == 2 and "命令" in bare.stdout and bare.stderr == ""
    added = govopen("workdays", "add", "2025-09-26", "20")
    assert (added.returncode, added.stdout.strip()) == (0, "2025-10-30")
    holiday = govopen("workdays", "is", "2025-10-01")  # typer.Exit(1)
    assert holiday.returncode == 1 and "不是工作日" in holiday.stdout
    missing = govopen("check", str(tmp_path / "nope.yaml"))  # GovopenError
    assert missing.returncode == 2 and missing.stderr.startswith("govopen：错误：")


def test_unknown_english_messages_are_kept_as_they_are():
    from govopen_cli.cli.usage_error import usage_error_text

    assert usage_error_text("Something new happened.") == "Something new happened."
    assert usage_error_text("Missing argument 'name'.") == "缺少参数 NAME。"
    assert usage_error_text("Invalid value for 'days': Input should be a valid integer") == (
        "参数 DAYS 的值无效：应为整数。"
    )


@pytest.mark.parametrize(
    "click_sentence",
    ["'x' is not a valid int.", "'x' is not a valid integer.", "'x' is not a valid int range."],
)
def test_older_typer_sentences_read_the_same(click_sentence):
    """Typer before 0.29 words a bad number as Click does: the Chinese is the same."""
    from govopen_cli.cli.usage_error import usage_error_text

    assert usage_error_text(f"Invalid value for 'days': {click_sentence}") == (
        "参数 DAYS 的值无效：应为整数。"
    )
    assert usage_error_text("Invalid value for '--min-coverage': 'x' is not a valid float.") == (
        "选项 --min-coverage 的值无效：应为数字。"
    )
