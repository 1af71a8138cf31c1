"""Finding and loading the files govopen reads: catalogs and 三定 mappings.

:func:`load_file` is the one way a catalog or mapping file becomes data: it parses
(with positions), classifies, validates against the schema and builds the model.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from govopen_cli.catalog.document import Document
from govopen_cli.catalog.loader import LoadResult, load_document, parse_document
from govopen_cli.catalog.model import Catalog, DutyMap, Kind
from govopen_cli.catalog.model_build import (
    catalog_from_data,
    detect_kind,
    dutymap_from_data,
    other_file_kind,
)
from govopen_cli.catalog.schema import validate_document
from govopen_cli.codes.go.file import GO008
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import CatalogUnreadableError, PathNotFoundError

YAML_SUFFIXES = (".yaml", ".yml")


def display_path(path: Path) -> str:
    """The path as users see it: relative to the working directory when inside it.

    A link is shown by its own name, not by the file it points to (which may not exist).
    """
    try:
        where = path.absolute().parent.resolve() / path.name
        return str(where.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def discover_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, and ``*.yaml``/``*.yml`` below folders named, in a stable order."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            if path.is_symlink():
                raise PathNotFoundError(
                    f"{path} 是一个链接，它指向的 {os.readlink(path)} 不存在：请修复或删除这个链接"
                )
            raise PathNotFoundError(f"路径不存在：{path}")
        if path.is_dir():
            candidates = _yaml_files_below(path)
            if not candidates:
                raise PathNotFoundError(
                    f"文件夹 {path} 中没有 *.yaml 或 *.yml 文件：请确认路径，或直接写出要检查的文件"
                )
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _yaml_files_below(folder: Path) -> list[Path]:
    """``*.yaml``/``*.yml`` below ``folder`` (hidden names skipped), sorted; then every
    subfolder that could not be read, so that the loader reports it (never skipped silently)."""
    found: list[Path] = []
    locked: list[Path] = []

    def unreadable(exc: OSError) -> None:
        locked.append(Path(exc.filename) if exc.filename else folder)

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            candidate = Path(root) / name
            if not name.startswith(".") and candidate.suffix.lower() in YAML_SUFFIXES:
                # a link to nothing (or to something that is no file) is reported, not skipped
                (found if candidate.is_file() else locked).append(candidate)
    return sorted(found) + sorted(locked)


@dataclass
class LoadedFile:
    """One file after loading and schema validation."""

    path: Path
    display: str
    kind: Kind | None
    document: Document | None
    diagnostics: list[Diagnostic]
    catalog: Catalog | None = None
    dutymap: DutyMap | None = None
    #: For a catalog: the 三定 mapping it was checked against, when it has one.
    mapping: LoadedFile | None = None


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file's objects are built.

    Parsing and model building only allocate (the node tree has no cycles), so a
    collector pass over the growing heap is pure cost: measured at a third of the
    run time on a province-sized corpus.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_file(path: Path, expect: Kind | None = None) -> LoadedFile:
    """Load, classify and schema-check one file; build its model when usable."""
    with paused_gc():
        display = display_path(path)
        return _loaded_file(path, display, load_document(path, display), expect)


def load_bytes(raw: bytes, path: Path, display: str, expect: Kind | None = None) -> LoadedFile:
    """What :func:`load_file` does, for bytes read from elsewhere (a git revision)."""
    with paused_gc():
        return _loaded_file(path, display, parse_document(raw, path, display), expect)


def _loaded_file(path: Path, display: str, result: LoadResult, expect: Kind | None) -> LoadedFile:
    """A parsed document classified, schema-checked and built into its model."""
    diagnostics = list(result.diagnostics)
    doc = result.document
    if doc is None:
        return LoadedFile(path, display, expect, None, diagnostics)
    kind = detect_kind(doc.data) or expect
    if kind is None and other_file_kind(doc.data) is not None:
        return LoadedFile(path, display, None, doc, diagnostics)  # not a file check reads
    if kind is None:
        diagnostics.append(
            GO008.at(
                display,
                "既不是政务公开目录（没有 catalog、items），也不是三定映射（没有 duties），"
                "未检查。若是目录文件，请补上 format、catalog、items",
                severity=Severity.WARNING,
            )
        )
        return LoadedFile(path, display, None, doc, diagnostics)
    diagnostics.extend(validate_document(doc, kind))
    loaded = LoadedFile(path, display, kind, doc, diagnostics)
    if kind == "catalog":
        loaded.catalog = catalog_from_data(doc.data, path=path, display=display, document=doc)
    else:
        loaded.dutymap = dutymap_from_data(doc.data, path=path, display=display, document=doc)
    return loaded


def unreadable_catalog(loaded: LoadedFile) -> CatalogUnreadableError:
    """The error of a command that needs ``loaded`` as a catalog and cannot read it: its
    first problem, located, and the command that lists them all."""
    first = next((d for d in loaded.diagnostics if d.severity >= Severity.ERROR), None)
    first = first or next(iter(loaded.diagnostics), None)
    detail = f"（{first.file}:{first.line}:{first.column}: {first.message}）" if first else ""
    return CatalogUnreadableError(
        f"{loaded.display} 无法作为目录读取{detail}。请先运行 govopen check {loaded.display}",
        loaded.diagnostics,
    )


def load_catalog(path: Path) -> Catalog:
    """The catalog at ``path``, or :class:`CatalogUnreadableError` saying why not."""
    loaded = load_file(path, "catalog")
    if loaded.catalog is None:
        raise unreadable_catalog(loaded)
    return loaded.catalog
