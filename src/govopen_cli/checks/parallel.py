"""``govopen check`` of many files in worker processes, with the output of a serial run.

Each file of the run is one task: a worker loads it (and its 三定 mapping), runs the
rules and sends back only what the report needs: the findings, and each file it read
with its display name and own diagnostics (no node tree, no model). The parent takes the
answers in the files' order and replays what the serial run does with them: the same
files listed once each in the same order, the same configurations in the same order, the
same progress calls, the same de-duplication of a shared mapping's findings. So the
report is the serial report, byte for byte; memory is one file per worker.

The workers are started with ``spawn`` everywhere (Windows knows nothing else), so the
task function lives here, at module level, and the options travel once per worker.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from govopen_cli.catalog.files import LoadedFile
from govopen_cli.catalog.model import Kind
from govopen_cli.catalog.model_build import detect_kind
from govopen_cli.checks.session import CheckOptions, Session, check_target, with_fingerprints
from govopen_cli.diagnostics import Diagnostic


@dataclass
class Outcome:
    """What checking one file in a worker gives the parent."""

    found: list[Diagnostic]
    #: Each file the task read, in the order read: (resolved path, the file without its
    #: document and model, its diagnostics fingerprinted as the serial run ends with).
    files: list[tuple[Path, LoadedFile]]
    #: The file was checked as a catalog.
    catalog: bool


def check_in_workers(session: Session, targets: list[Path], workers: int) -> list[Diagnostic]:
    """Check ``targets`` in ``workers`` processes; fill ``session`` as a serial run would.

    Returns the findings of all catalogs in the files' order. An error that stops a
    serial run (``--duties`` naming a catalog) stops this one at the same file.
    """
    options = session.options
    sent = replace(options, progress=None, baseline=None, jobs=1)
    found: list[Diagnostic] = []
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(sent,),
    )
    try:
        futures: list[Future[Outcome]] = [pool.submit(_check_one, path) for path in targets]
        for done, (path, future) in enumerate(zip(targets, futures, strict=True), 1):
            found.extend(_merge(session, path, future.result()))
            if options.progress is not None:
                options.progress(done, len(targets))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return found


def _merge(session: Session, path: Path, outcome: Outcome) -> list[Diagnostic]:
    """Take one file's outcome into the parent's session, as the serial run would have."""
    target = path.resolve()
    if outcome.catalog:
        session.config_for(path)
    for key, loaded in outcome.files:
        if key not in session.loaded:
            session.loaded[key] = loaded
            session.order.append(key)
        elif key == target and outcome.catalog:
            # The serial run checks the file it read before (as a link) in place.
            session.loaded[key] = loaded
    return outcome.found


class _WorkerSession(Session):
    """A session for one task that reads each clean 三定 mapping once per worker."""

    def get(self, path: Path, expect: Kind | None = None) -> LoadedFile:
        key = path.resolve()
        if expect == "duties" and key not in self.loaded and key in _MAPPINGS:
            self.loaded[key] = _MAPPINGS[key]
            self.order.append(key)
        loaded = super().get(path, expect)
        if expect == "duties" and _clean_mapping(loaded):
            _MAPPINGS.setdefault(key, loaded)
        return loaded


def _clean_mapping(loaded: LoadedFile) -> bool:
    """A file that is a 三定 mapping by its own content (never changed once read)."""
    return (
        loaded.kind == "duties"
        and loaded.document is not None
        and detect_kind(loaded.document.data) == "duties"
    )


_OPTIONS: CheckOptions | None = None
_MAPPINGS: dict[Path, LoadedFile] = {}


def _start_worker(options: CheckOptions) -> None:
    global _OPTIONS
    _OPTIONS = options


def _check_one(path: Path) -> Outcome:
    """The task: check one file with a fresh session (in a worker process)."""
    assert _OPTIONS is not None
    session = _WorkerSession(_OPTIONS)
    found, catalog = check_target(session, path)
    files = []
    for key in session.order:
        loaded = session.loaded[key]
        bare = LoadedFile(loaded.path, loaded.display, loaded.kind, None, with_fingerprints(loaded))
        files.append((key, bare))
    return Outcome(found=found, files=files, catalog=catalog)
