"""Outputs that never destroy: no input overwritten, nothing replaced without --force,
workbooks that always open, text that no value can forge, interrupts that leave nothing.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from govopen_cli.errors import OutputError
from govopen_cli.output_file import atomic_path

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "examples" / "minimal"
LEDGER_XLSX = REPO / "examples" / "ledger" / "台账-2025.xlsx"
LEDGER_CSV = REPO / "examples" / "ledger" / "台账-2025.csv"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("catalog.yaml", "sanding.yaml"):
        (tmp_path / name).write_bytes((MINIMAL / name).read_bytes())
    (tmp_path / "l.xlsx").write_bytes(LEDGER_XLSX.read_bytes())
    (tmp_path / "l.csv").write_bytes(LEDGER_CSV.read_bytes())
    return tmp_path


@pytest.mark.parametrize(
    ("line", "target"),
    [
        ("govopen check catalog.yaml -o catalog.yaml --force", "catalog.yaml"),
        ("govopen check catalog.yaml -o sanding.yaml --force", "sanding.yaml"),
        ("govopen check catalog.yaml --write-baseline catalog.yaml --force", "catalog.yaml"),
        ("govopen coverage catalog.yaml -o sanding.yaml --force", "sanding.yaml"),
        ("govopen diff catalog.yaml catalog.yaml -o catalog.yaml --force", "catalog.yaml"),
        ("govopen requests report l.xlsx --year 2025 -f xlsx -o l.xlsx --force", "l.xlsx"),
        ("govopen requests check l.csv -o l.csv --force", "l.csv"),
        ("govopen requests check l.csv --drafts l.csv --force", "l.csv"),
        ("govopen inspect x.xlsx --catalog catalog.yaml -o x.xlsx --force", "x.xlsx"),
    ],
)
def test_an_input_is_never_the_output(run_line, project: Path, line: str, target: str) -> None:
    if "x.xlsx" in line:
        assert run_line("govopen export catalog.yaml -o x.xlsx", cwd=project).exit_code == 0
    before = (project / target).read_bytes()
    result = run_line(line, cwd=project)
    assert result.exit_code == 2
    assert "就是本次读取的输入文件" in result.stderr
    assert (project / target).read_bytes() == before


def test_an_input_reached_through_a_link_is_refused(run_line, project: Path) -> None:
    (project / "link.yaml").symlink_to(project / "catalog.yaml")
    result = run_line("govopen check catalog.yaml -o link.yaml --force", cwd=project)
    assert result.exit_code == 2 and "输入文件" in result.stderr


@pytest.mark.parametrize(
    "line",
    [
        "govopen check catalog.yaml -o out",
        "govopen coverage catalog.yaml -o out",
        "govopen diff catalog.yaml catalog.yaml -f xlsx -o out",
        "govopen requests report l.xlsx --year 2025 -f xlsx -o out",
        "govopen requests check l.csv -o out",
        "govopen export catalog.yaml -o out.xlsx",
    ],
)
def test_nothing_is_replaced_without_force(run_line, project: Path, line: str) -> None:
    out = "out.xlsx" if line.endswith(".xlsx") else "out"
    (project / out).write_text("已填写的检查表\n", encoding="utf-8")
    refused = run_line(line, cwd=project)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert (project / out).read_text(encoding="utf-8") == "已填写的检查表\n"
    replaced = run_line(f"{line} --force", cwd=project)
    assert replaced.exit_code in (0, 1)
    assert (project / out).read_bytes() != "已填写的检查表\n".encode()


def test_a_target_taken_while_writing_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    with pytest.raises(OutputError, match="已存在"), atomic_path(target) as tmp:
        tmp.write_text("second", encoding="utf-8")
        target.write_text("first", encoding="utf-8")  # another run got there first
    assert target.read_text(encoding="utf-8") == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_a_control_character_in_the_title_exports_a_sound_workbook(run_line, project):
    text = (project / "catalog.yaml").read_text(encoding="utf-8")
    long_text = "很长的内容" * 7000  # 35,000 characters: more than a cell holds
    text = text.replace("title: 示例县自然资源局", 'title: "示例县\\x01\\x1b自然资源局').replace(
        "（2025年版）\n", '（2025年版）"\n', 1
    )
    text = text.replace("      - 内设机构名称及职责", f"      - {long_text}")
    (project / "catalog.yaml").write_text(text, encoding="utf-8")
    result = run_line("govopen export catalog.yaml -o x.xlsx", cwd=project)
    assert result.exit_code == 0, result.stdout + result.stderr
    with zipfile.ZipFile(project / "x.xlsx") as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(archive.read(name))  # every part well-formed
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "示例县自然资源局" in core
    from openpyxl import load_workbook

    cells = [
        v
        for row in load_workbook(project / "x.xlsx")["目录"].iter_rows(values_only=True)
        for v in row
        if isinstance(v, str)
    ]
    cut = [v for v in cells if "超出 Excel 单元格上限" in v]
    assert cut and all(len(v) <= 32767 for v in cells)


def test_no_value_forges_a_line_or_a_workflow_command(run_line, project: Path) -> None:
    text = (project / "catalog.yaml").read_text(encoding="utf-8")
    forged = '"x\\n::error file=a.yaml::伪造\\n\\x1b[31mcatalog.yaml:1:1: GO001 error 伪造"'
    text = text.replace(
        "    owner: 示例县自然资源局\n", "    owner: 示例县自然资源局\n    bogus: 1\n", 1
    )
    text = text.replace("bogus: 1", f"{forged}: 1", 1)
    (project / "catalog.yaml").write_text(text, encoding="utf-8")
    for fmt in ("text", "github", "markdown"):
        result = run_line(f"govopen check catalog.yaml -f {fmt}", cwd=project)
        lines = result.stdout.splitlines()
        assert not any(line.startswith("::error file=a.yaml") for line in lines), fmt
        assert "\x1b" not in result.stdout, fmt
        assert not any(line.startswith("catalog.yaml:1:1: GO001") for line in lines), fmt
        # an annotation's own line break; a table cell's <br>
        newline = {"github": "%0A", "markdown": "<br>"}.get(fmt, "\\n")
        assert newline in result.stdout and "\\x1b" in result.stdout, fmt


def _export_and_signal(project: Path, sig: int) -> tuple[int, str, list[Path]]:
    """Start an export of a large catalog, signal it mid-way, and see what it left."""
    text = (project / "catalog.yaml").read_text(encoding="utf-8")
    head, items = text.split("items:\n", 1)
    first = items.split("\n\n")[0]
    body = "\n".join(first.replace("JG-001", f"JG-{i:05d}") for i in range(4000))
    (project / "big.yaml").write_text(
        head.replace("  duties: sanding.yaml\n", "") + "items:\n" + body + "\n", encoding="utf-8"
    )
    temp = project / "tmp"
    temp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "govopen_cli", "export", "big.yaml", "-o", "x.xlsx"],
        cwd=project,
        env={"TMPDIR": str(temp), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not any(temp.iterdir()) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)  # the export has started writing sheets
    time.sleep(0.5)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    left = [p for p in [*temp.rglob("*"), *project.glob(".*tmp")]]
    return proc.returncode, err, left


@pytest.mark.parametrize(
    ("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
)
def test_an_interrupted_export_leaves_nothing(project: Path, sig: int, status: int) -> None:
    code, err, left = _export_and_signal(project, sig)
    if code == 0:
        pytest.skip("the export finished before the signal")
    assert code == status, err
    assert "已中断" in err
    assert "Exception ignored" not in err and "Traceback" not in err
    assert left == []
    assert not (project / "x.xlsx").exists()


def test_diff_cells_that_look_like_formulas_stay_text(run_line, project: Path) -> None:
    text = (project / "catalog.yaml").read_text(encoding="utf-8")
    (project / "new.yaml").write_text(
        text.replace("department: 办公室", 'department: "=HYPERLINK(\\"http://x\\")"', 1),
        encoding="utf-8",
    )
    result = run_line("govopen diff catalog.yaml new.yaml -f xlsx -o d.xlsx", cwd=project)
    assert result.exit_code == 0, result.stdout + result.stderr
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(project / "d.xlsx").active.iter_rows() for c in row]
    formula_like = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert formula_like and all(c.data_type == "s" and c.quotePrefix for c in formula_like)
