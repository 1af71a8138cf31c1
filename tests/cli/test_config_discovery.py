"""Each file is checked under the nearest govopen.toml upward from it, not the working directory's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from catalog_samples import CONFIG, make_project

REPO = Path(__file__).resolve().parents[2]


def _check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(
        [sys.executable, "-m", "govopen_cli", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_bundled_catalogs_give_the_same_result_from_another_folder(tmp_path):
    at_root = _check(REPO, "catalogs")
    elsewhere = _check(tmp_path, str(REPO / "catalogs"))
    assert at_root.returncode == elsewhere.returncode == 0, elsewhere.stdout
    assert "GO202" not in elsewhere.stdout
    assert (
        at_root.stdout.splitlines()[-1]
        == "检查了 3 个文件，错误 0 个，警告 0 个，提示 0 个，已豁免 1 个。配置：govopen.toml。"
    )
    assert elsewhere.stdout.splitlines()[-1] == (
        f"检查了 3 个文件，错误 0 个，警告 0 个，提示 0 个，已豁免 1 个。配置：{REPO / 'govopen.toml'}。"
    )


def test_files_under_different_configs_get_their_own(run_line, tmp_path):
    # a/ ignores GO4 (no coverage); b/ has the default: its uncovered duty is an error
    mapping_uncovered = (
        "format: 1\nagency: 演示县自然资源局\nsource: 《演示县自然资源局三定规定》\n"
        "duties:\n  - id: D09\n    text: 负责全县矿产资源管理工作。\n"
    )
    make_project(tmp_path / "a", mapping=mapping_uncovered, config='ignore = ["GO4"]\n')
    make_project(tmp_path / "b", mapping=mapping_uncovered, config=CONFIG)
    result = run_line("govopen check a b", cwd=tmp_path)
    assert result.exit_code == 1
    errors = [line for line in result.lines if " 错误 " in line]
    assert errors and all(line.startswith("b/") for line in errors), errors
    assert result.lines[-1].endswith("配置：a/govopen.toml、b/govopen.toml。")


def test_no_config_says_defaults_are_used(run_line, tmp_path):
    make_project(tmp_path, config=None)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.lines[-1].endswith("未找到 govopen.toml，使用默认设置。")


def test_a_config_saved_with_a_bom_is_read(run_line, tmp_path):
    make_project(tmp_path, config=None)
    (tmp_path / "govopen.toml").write_bytes(b"\xef\xbb\xbf" + b'ignore = ["GO4"]\n')
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.lines[-1].endswith("配置：govopen.toml。")


def test_a_gbk_config_gets_a_chinese_message(run_line, tmp_path):
    make_project(tmp_path, config=None)
    (tmp_path / "govopen.toml").write_bytes(
        '[channels]\nextra = ["征地信息公开平台"]\n'.encode("gbk")
    )
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert "不是 UTF-8 编码" in result.stderr and "另存为" in result.stderr
    assert "codec" not in result.stderr
