"""Hostile inputs other than workbooks: special files, huge and hostile YAML, links.

Special files run in a process of their own with a timeout: a FIFO that blocked
would otherwise hang the test suite itself.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_files import many_items, many_unknown_keys, run_govopen

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "examples" / "minimal"
LEDGER = REPO / "examples" / "ledger" / "台账-2025.csv"


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "管道.yaml"
    os.mkfifo(path)
    return path


def _special_lines(special: Path, tmp_path: Path) -> list[tuple[str | Path, ...]]:
    catalog = MINIMAL / "catalog.yaml"
    named = {}
    for suffix in (".yaml", ".csv", ".xlsx", ".toml"):  # links with the names commands expect
        named[suffix] = tmp_path / f"special{suffix}"
        named[suffix].symlink_to(special)
    (tmp_path / "govopen.toml").write_text('catalogs = ["special.yaml"]\n', encoding="utf-8")
    return [
        ("check", special),
        ("check",),  # catalogs = [...] in the config
        ("check", catalog, "--duties", named[".yaml"]),
        ("check", catalog, "--baseline", special),
        ("requests", "check", LEDGER, "--holidays", special, "--today", "2026-01-05"),
        ("requests", "check", named[".csv"]),
        ("requests", "check", named[".xlsx"]),
        ("export", special, "-o", tmp_path / "new.xlsx"),
        ("inspect", tmp_path / "x.xlsx", "--catalog", special),
        ("import", named[".xlsx"], "-o", tmp_path / "y.yaml"),
        ("check", catalog, "--config", named[".toml"]),
    ]


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/urandom", "fifo"])
def test_special_files_are_refused_at_once(name: str, tmp_path: Path, request) -> None:
    special = request.getfixturevalue("fifo") if name == "fifo" else Path(name)
    (tmp_path / "x.xlsx").write_bytes(
        (REPO / "examples" / "ledger" / "台账-2025.xlsx").read_bytes()
    )
    for args in _special_lines(special, tmp_path):
        run = run_govopen(*args, cwd=tmp_path, timeout=20)
        assert run.status in (1, 2), (args, run.output)
        assert "不是普通文件" in run.output, (args, run.output)
        assert "Traceback" not in run.output, (args, run.output)


def test_a_file_over_the_size_bound_is_not_read(tmp_path: Path) -> None:
    huge = tmp_path / "flow.yaml"
    with huge.open("wb") as handle:  # sparse: 200 MB that take no room on disk
        handle.write(b"items: [x")
        handle.truncate(200 * 1024 * 1024)
    run = run_govopen("check", huge, cwd=tmp_path, timeout=20)
    assert run.status == 1, run.output
    assert "超过 govopen 读取的上限 64 MB" in run.output


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("!!int abc", "“abc”不能按标签 !!int 读取"),
        ("!!int ''", "“”不能按标签 !!int 读取"),
        ("!!float ''", "“”不能按标签 !!float 读取"),
        ("!!float 县级", "“县级”不能按标签 !!float 读取"),
        ("9" * 5000, "数字有 5000 位"),
    ],
)
def test_hostile_yaml_values_are_diagnostics(run_line, tmp_path: Path, value: str, words: str):
    text = (MINIMAL / "catalog.yaml").read_text(encoding="utf-8")
    path = tmp_path / "h.yaml"
    path.write_text(text.replace("  year: 2025", f"  year: {value}"), encoding="utf-8")
    (tmp_path / "sanding.yaml").write_text(
        (MINIMAL / "sanding.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = run_line(f"govopen check {path}", cwd=tmp_path)
    assert result.exit_code == 1
    assert any(line.startswith("h.yaml:8:9: GO012") and words in line for line in result.lines)


@pytest.mark.parametrize("make", [many_items, many_unknown_keys])
def test_forty_thousand_findings_end_in_seconds(make, tmp_path: Path) -> None:
    path = make(tmp_path)
    run = run_govopen("check", path, "--format", "json", cwd=tmp_path, timeout=60)
    assert run.status == 1, run.output[-500:]
    assert '"error": 10001' in run.stdout  # 10,000 listed, then one line for the rest
    assert "格式问题超过 10,000 个，其余未列出" in run.stdout


def test_three_million_values_end_in_a_message(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"  # 7 MB on one line: 3.5 million items
    path.write_text("items: [" + "x," * 3_500_000 + "x]\n", encoding="utf-8")
    run = run_govopen("check", path, cwd=tmp_path, timeout=60)
    assert run.status == 1, run.output[-500:]
    assert "文件中的值超过 3,000,000 个" in run.output


@pytest.mark.parametrize(
    ("duties", "words"),
    [
        ("/etc/passwd", "项目文件夹"),
        ("a" * 5000 + ".yaml", "过长"),
        ('"a\\0b.yaml"', "NUL"),
        ("secret.txt", "不是三定映射文件"),
    ],
)
def test_duties_links_stay_in_the_project_and_quote_nothing(
    run_line, tmp_path: Path, duties: str, words: str
) -> None:
    (tmp_path / "govopen.toml").write_text("", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("root:x:0:0:TOPSECRET\n", encoding="utf-8")
    text = (MINIMAL / "catalog.yaml").read_text(encoding="utf-8")
    path = tmp_path / "c.yaml"
    path.write_text(text.replace("duties: sanding.yaml", f"duties: {duties}"), encoding="utf-8")
    result = run_line(f"govopen check {path}", cwd=tmp_path)
    assert result.exit_code == 1
    assert "GO401" in result.stdout and words in result.stdout
    assert "root:" not in result.stdout and "TOPSECRET" not in result.stdout


def test_a_link_out_of_the_project_is_followed_when_allowed(run_line, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "govopen.toml").write_text("", encoding="utf-8")
    (tmp_path / "sanding.yaml").write_text(
        (MINIMAL / "sanding.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = (MINIMAL / "catalog.yaml").read_text(encoding="utf-8")
    (project / "c.yaml").write_text(
        text.replace("duties: sanding.yaml", "duties: ../sanding.yaml"), encoding="utf-8"
    )
    refused = run_line("govopen check c.yaml", cwd=project)
    assert refused.exit_code == 1 and "项目文件夹" in refused.stdout
    allowed = run_line("govopen check c.yaml --allow-outside-links", cwd=project)
    assert allowed.exit_code == 0, allowed.stdout


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"\xff\xfe\x00\x00f\x00\x00\x00", "UTF-32 编码"),
        (b'a: "\\ud800"\n', "不是有效的字符"),
        (b"[\n", "“[”没有配对的“]”"),
    ],
)
def test_encodings_and_escapes_are_named_for_what_they_are(run_line, tmp_path, raw, words):
    (tmp_path / "f.yaml").write_bytes(raw)
    result = run_line("govopen check f.yaml", cwd=tmp_path)
    assert result.exit_code == 1 and words in result.lines[0], result.lines
    assert "引号没有闭合" not in result.stdout and "UTF-16" not in result.stdout


def test_a_locked_subfolder_is_reported_not_skipped(run_line, tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "c.yaml").write_bytes((MINIMAL / "catalog.yaml").read_bytes())
    (tmp_path / "ok" / "sanding.yaml").write_bytes((MINIMAL / "sanding.yaml").read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):  # as for a folder without read permission (tests run as root)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", _refusing(os.open, locked), raising=True)
    result = run_line(f"govopen check {tmp_path}", cwd=tmp_path)
    assert result.exit_code == 1
    assert any(line.startswith("locked:1:1: GO011") for line in result.lines), result.lines


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_to_nothing_in_a_folder_is_reported_not_skipped(run_line, tmp_path):
    (tmp_path / "c.yaml").write_bytes((MINIMAL / "catalog.yaml").read_bytes())
    (tmp_path / "sanding.yaml").write_bytes((MINIMAL / "sanding.yaml").read_bytes())
    (tmp_path / "old.yaml").symlink_to(tmp_path / "moved" / "2024.yaml")
    result = run_line(f"govopen check {tmp_path}", cwd=tmp_path)
    assert result.exit_code == 1
    [line] = [line for line in result.lines if line.startswith("old.yaml:1:1: GO011")]
    assert "old.yaml 是一个链接，它指向的" in line and "2024.yaml 不存在" in line
    assert result.lines[-1].startswith("检查了 3 个文件，错误 1 个")
    named = run_line("govopen check old.yaml", cwd=tmp_path)
    assert named.exit_code == 2
    assert "old.yaml 是一个链接，它指向的" in named.stderr and "不存在" in named.stderr


def _refusing(real_open, locked: Path):
    def opener(path, flags, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    return opener
