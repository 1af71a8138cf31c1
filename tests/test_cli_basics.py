"""The command answers --version and --help, and exits 2 when it cannot run."""

from __future__ import annotations

import subprocess
import sys

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
    result = run_line(f"govopen check {tmp_path} --format nope")
    assert result.exit_code == 2


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
