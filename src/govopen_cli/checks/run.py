"""``govopen check``: load, validate and apply the rules to catalogs and 三定 mappings.

:func:`check_paths` is the one core call behind the command. It never prints and
never exits: every problem in the user's files becomes a diagnostic in the returned
:class:`~govopen_cli.diagnostics.Report`, and one bad file never stops the others.
Only "cannot run at all" (a path that does not exist) raises. Many files are checked
in worker processes (:mod:`.parallel`) with the same report as one after another.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from govopen_cli.catalog.config import Config, apply_config
from govopen_cli.catalog.files import LoadedFile, discover_files, display_path
from govopen_cli.checks.rules import load_rules
from govopen_cli.checks.session import CheckOptions, Session, check_target, with_fingerprints
from govopen_cli.diagnostics import Diagnostic, Report

__all__ = ["CheckOptions", "CheckResult", "check_paths"]


@dataclass
class CheckResult:
    """The report, plus the loaded files for commands that go on (export, coverage)."""

    report: Report
    files: list[LoadedFile]
    #: The configurations the files were checked under, in the order first used.
    configs: list[Config] = field(default_factory=list)
    #: How many worker processes checked the files (0: this process, one after another).
    workers: int = 0

    @property
    def catalogs(self) -> list[LoadedFile]:
        """The catalog files that could be read."""
        return [f for f in self.files if f.catalog is not None]


def check_paths(paths: list[Path], options: CheckOptions | None = None) -> CheckResult:
    """Check files and folders: the core of ``govopen check``.

    Loads every file, runs the rules on each catalog (against its 三定 mapping when it
    has one), applies the items' waivers, the configuration's ``select``/``ignore``/
    ``severity`` and, last, the baseline. Raises
    :class:`~govopen_cli.errors.PathNotFoundError` for a path that does not exist;
    everything else is a diagnostic.
    """
    options = options or CheckOptions()
    load_rules()
    session = Session(options)
    found: list[Diagnostic] = []
    targets = list(discover_files(paths))
    workers = 0 if options.keep_files else worker_count(options.jobs, len(targets))
    if workers > 1:
        # imported here: most runs are serial and need no process pool at start-up
        from concurrent.futures.process import BrokenProcessPool

        from govopen_cli.checks.parallel import check_in_workers

        try:
            found = check_in_workers(session, targets, workers)
        except (OSError, NotImplementedError, BrokenProcessPool):
            # No worker processes here (a locked-down runner without semaphores, a worker
            # killed for memory): the same check, in this process, from the start.
            session, workers = Session(options), 0
    if workers <= 1:
        workers = 0
        for done, path in enumerate(targets, 1):
            found.extend(check_target(session, path)[0])
            if options.progress is not None:
                options.progress(done, len(targets))
    report = Report()
    files = [session.loaded[k] for k in session.order]
    for loaded in files:
        report.files.append(loaded.display)
        report.extend(apply_config(with_fingerprints(loaded), session.config_for(loaded.path)))
    report.extend(_unique(found))
    report.configs = [display_path(c.path) if c.path else "" for c in session.configs]
    if options.baseline is not None:
        report.diagnostics, report.baselined = options.baseline.filter_new(report.diagnostics)
    return CheckResult(
        report=report,
        files=files if options.keep_files else [],
        configs=session.configs,
        workers=workers,
    )


#: Fewer files than this are checked in this process when ``--jobs`` is left to choose:
#: starting a worker (a fresh Python importing govopen) costs more than a few files.
MIN_FILES_FOR_WORKERS = 8
#: Windows cannot wait on more worker processes than this.
MAX_WORKERS = 61


def worker_count(jobs: int | None, files: int) -> int:
    """How many worker processes check ``files`` files (0 or 1: none)."""
    if jobs is None:
        if files < MIN_FILES_FOR_WORKERS:
            return 0
        jobs = usable_cpus()
    return min(jobs, files, MAX_WORKERS) if files > 1 else 0


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux: Windows, macOS
        return os.cpu_count() or 1


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop exact repeats: a finding about a mapping that several catalogs share."""
    seen: set[tuple[str, int, int, str, str, bool]] = set()
    out = []
    for diag in diagnostics:
        key = (diag.file, diag.line, diag.column, diag.code, diag.message, diag.waived)
        if key not in seen:
            seen.add(key)
            out.append(diag)
    return out
