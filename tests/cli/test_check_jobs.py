"""``govopen check -j N``: many files checked in worker processes give the serial report.

The corpus is what makes a parallel run go wrong if anything is shared carelessly:
catalogs of two projects (each with its own govopen.toml) sharing one 三定 mapping per
project, a mapping that is also a file of the run, items with waivers, a catalog whose
``catalog.duties`` names another catalog or a file that is no mapping, broken files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govopen_cli.checks.run import CheckOptions, check_paths

ROOT = Path(__file__).resolve().parents[2]
PINGYAO = ROOT / "catalogs" / "pingyao-zrzyj"
MISTAKES = ROOT / "examples" / "mistakes"


def _corpus(base: Path) -> Path:
    """Two projects, 16 files: shared mappings, waivers, configurations, odd links."""
    a = base / "province" / "a"
    b = base / "province" / "b"
    a.mkdir(parents=True)
    b.mkdir(parents=True)
    (a / "govopen.toml").write_text(
        'fail-on = "warning"\nignore = ["GO601"]\n[severity]\nGO206 = "info"\n'
        '[channels]\nextra = ["征地信息公开平台"]\n',
        encoding="utf-8",
    )
    (b / "govopen.toml").write_text('select = ["GO2", "GO4", "GX", "GO9"]\n', encoding="utf-8")
    # a duty no item covers: the same finding at the shared mapping, once per run
    mapping = (PINGYAO / "sanding.yaml").read_text(encoding="utf-8")
    (a / "sanding.yaml").write_text(
        mapping + "\n  - id: D99\n    text: 负责无人公开的职责。\n    units: [BGS]\n",
        encoding="utf-8",
    )
    shutil.copy(PINGYAO / "sanding.yaml", b / "sanding.yaml")
    for n, year in enumerate(("2024", "2025", "2024", "2025")):
        text = (PINGYAO / f"{year}.yaml").read_text(encoding="utf-8")
        (a / f"{n}-{year}.yaml").write_text(text, encoding="utf-8")
        (b / f"{n}-{year}.yaml").write_text(
            text.replace("sanding.yaml", "../a/sanding.yaml"), encoding="utf-8"
        )
    linked = (PINGYAO / "2025.yaml").read_text(encoding="utf-8")
    (b / "to-catalog.yaml").write_text(
        linked.replace("sanding.yaml", "0-2024.yaml"), encoding="utf-8"
    )
    (b / "to-holidays.yaml").write_text(
        linked.replace("sanding.yaml", "holidays.yaml"), encoding="utf-8"
    )
    shutil.copy(ROOT / "tests" / "data" / "holidays-test-2027.yaml", b / "holidays.yaml")
    for name in ("duplicate-id.yaml", "unclosed-quote.yaml", "no-website.yaml"):
        shutil.copy(MISTAKES / name, b / name)
    return base / "province"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_parallel_output_is_the_serial_output(run_line, tmp_path: Path, fmt: str) -> None:
    corpus = _corpus(tmp_path)
    serial = run_line(
        f"govopen check -j 1 --today 2026-06-01 --format {fmt} province", cwd=tmp_path
    )
    parallel = run_line(
        f"govopen check -j 2 --today 2026-06-01 --format {fmt} province", cwd=tmp_path
    )
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.stdout == serial.stdout
    assert "D99" in serial.stdout  # the shared mapping's finding
    assert "province/b/0-2024.yaml" in serial.stdout
    assert corpus.is_dir()


def test_the_run_used_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    seen: list[tuple[int, int]] = []
    serial = check_paths([corpus], CheckOptions(keep_files=False, jobs=1))
    parallel = check_paths(
        [corpus],
        CheckOptions(keep_files=False, jobs=2, progress=lambda d, n: seen.append((d, n))),
    )
    assert (serial.workers, parallel.workers) == (0, 2)
    assert parallel.report.diagnostics == serial.report.diagnostics
    assert parallel.report.files == serial.report.files
    # every file named is in the report, the holidays file a catalog links to as well
    assert len(serial.report.files) == 16
    assert any(name.endswith("b/holidays.yaml") for name in serial.report.files)
    assert seen == [(d, 16) for d in range(1, 17)]  # the bar moves file by file, in order


@pytest.mark.parametrize("failure", [OSError(38, "Function not implemented"), NotImplementedError])
def test_a_machine_without_worker_processes_checks_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    """A locked-down CI runner (no semaphores for multiprocessing) still gets its report."""
    import govopen_cli.checks.parallel as parallel_module

    def refuse(*args: object, **kwargs: object) -> None:
        raise failure

    corpus = _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    serial = check_paths([corpus], CheckOptions(keep_files=False, jobs=1))
    monkeypatch.setattr(parallel_module, "ProcessPoolExecutor", refuse)
    fallback = check_paths([corpus], CheckOptions(keep_files=False, jobs=2))
    assert fallback.workers == 0
    assert fallback.report.diagnostics == serial.report.diagnostics
    assert fallback.report.files == serial.report.files


def test_duties_option_naming_a_catalog_stops_the_parallel_run(run_line, tmp_path: Path) -> None:
    _corpus(tmp_path)
    line = "govopen check -j 2 --duties province/a/0-2024.yaml province"
    serial = run_line(line.replace("-j 2", "-j 1"), cwd=tmp_path)
    parallel = run_line(line, cwd=tmp_path)
    assert parallel.exit_code == serial.exit_code == 2
    assert parallel.stderr == serial.stderr
    assert "是目录文件" in parallel.stderr


def test_few_files_stay_in_this_process_unless_asked(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    few = [corpus / "a" / "0-2024.yaml", corpus / "a" / "1-2025.yaml"]
    assert check_paths(few, CheckOptions(keep_files=False, jobs=None)).workers == 0
    assert check_paths(few, CheckOptions(keep_files=False, jobs=2)).workers == 2
    # commands that keep the files (export, coverage) never use workers
    assert check_paths([corpus], CheckOptions(keep_files=True, jobs=2)).workers == 0
