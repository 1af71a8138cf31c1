"""``govopen check``: load, validate and apply the rules to catalogs and 三定 mappings.

:func:`check_paths` is the one core call behind the command. It never prints and
never exits: every problem in the user's files becomes a diagnostic in the returned
:class:`~govopen_cli.diagnostics.Report`, and one bad file never stops the others.
Only "cannot run at all" (a path that does not exist) raises.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from govopen_cli.baseline import Baseline, document_fingerprint
from govopen_cli.config import Config
from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.errors import PathNotFoundError, UsageError
from govopen_cli.loader import (
    CODE_UNKNOWN_KIND,
    Document,
    LoadResult,
    load_document,
    parse_document,
)
from govopen_cli.model import (
    Catalog,
    DutyMap,
    Kind,
    catalog_from_data,
    detect_kind,
    dutymap_from_data,
    other_file_kind,
)
from govopen_cli.rules import RULES, Finding, RuleContext, iter_rules, load_rules
from govopen_cli.schema import validate_document
from govopen_cli.waiver import WaiverBook

YAML_SUFFIXES = (".yaml", ".yml")


def display_path(path: Path) -> str:
    """The path as users see it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def discover_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, and ``*.yaml``/``*.yml`` below folders named, in a stable order."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise PathNotFoundError(f"路径不存在：{path}")
        if path.is_dir():
            candidates = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in YAML_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
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
            Diagnostic(
                file=display,
                line=1,
                column=1,
                code=CODE_UNKNOWN_KIND,
                severity=Severity.WARNING,
                message="既不是政务公开目录（没有 catalog、items），也不是三定映射（没有 duties），"
                "未检查。若是目录文件，请补上 format、catalog、items",
                name="unknown-file-kind",
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


@dataclass
class CheckOptions:
    """What a check run needs besides the paths."""

    config: Config = field(default_factory=Config)
    duties: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    #: Keep every file's node tree and model in the result (export, coverage need
    #: them). ``check`` does not: it releases each catalog once its rules have run,
    #: so memory stays bounded by the largest file, not the whole corpus.
    keep_files: bool = True
    #: Report only findings this baseline does not already record.
    baseline: Baseline | None = None


@dataclass
class CheckResult:
    """The report, plus the loaded files for commands that go on (export, coverage)."""

    report: Report
    files: list[LoadedFile]

    @property
    def catalogs(self) -> list[LoadedFile]:
        """The catalog files that could be read."""
        return [f for f in self.files if f.catalog is not None]


class _Session:
    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.loaded: dict[Path, LoadedFile] = {}
        self.order: list[Path] = []

    def get(self, path: Path, expect: Kind | None = None) -> LoadedFile:
        key = path.resolve()
        if key not in self.loaded:
            self.loaded[key] = load_file(path, expect)
            self.order.append(key)
        return self.loaded[key]

    def release(self, loaded: LoadedFile) -> None:
        """Drop a checked catalog's node tree and model; keep its diagnostics."""
        loaded.document = None
        loaded.catalog = None

    def mapping_for(self, cat_file: LoadedFile) -> tuple[LoadedFile | None, list[Diagnostic]]:
        """The 三定 mapping for a catalog: --duties, then catalog.duties, then config."""
        catalog = cat_file.catalog
        assert catalog is not None
        options = self.options
        if options.duties is not None:
            mapping = self.get(options.duties, "duties")
            if mapping.kind == "catalog":
                raise UsageError(
                    f"--duties 指定的 {mapping.display} 是目录文件，不是三定映射文件。"
                    "三定映射文件的顶层是 format、agency、source、duties"
                )
            return mapping, []
        if catalog.duties_ref:
            target = catalog.duties_path
            assert target is not None
            if not target.is_file():
                return None, [
                    _bad_duties_link(
                        cat_file,
                        f"catalog.duties 指向的三定映射文件 {catalog.duties_ref} 不存在"
                        f"（按本文件所在目录解析为 {display_path(target)}）。请改正路径",
                    )
                ]
            mapping = self.get(target, "duties")
            if mapping.kind == "catalog":
                return None, [
                    _bad_duties_link(
                        cat_file,
                        f"catalog.duties 指向的 {catalog.duties_ref} 是目录文件，"
                        "不是三定映射文件：请改为三定映射文件的路径",
                    )
                ]
            return mapping, []
        if options.config.duties:
            return self.get(options.config.resolve(options.config.duties), "duties"), []
        return None, []


def _bad_duties_link(cat_file: LoadedFile, message: str) -> Diagnostic:
    """GO401 at the catalog's ``catalog.duties``."""
    assert cat_file.catalog is not None
    loc = cat_file.catalog.locate("/catalog/duties")
    return Diagnostic(
        file=cat_file.display,
        line=loc.line,
        column=loc.column,
        code="GO401",
        severity=Severity.ERROR,
        message=message,
        path="/catalog/duties",
        name="duties-file-missing",
        fingerprint=f"GO401:{cat_file.catalog.id}::duties",
    )


def run_rules(context: RuleContext) -> Iterator[tuple[str, Finding]]:
    """Every enabled rule's findings for one catalog."""
    for rule_ in iter_rules():
        if context.config.enabled(rule_.code):
            for finding in rule_.run(context):
                yield rule_.code, finding


def _to_diagnostic(code: str, finding: Finding, catalog: Catalog, config: Config) -> Diagnostic:
    rule_ = RULES[code]
    return Diagnostic(
        file=finding.location.file,
        line=finding.location.line,
        column=finding.location.column,
        code=code,
        severity=config.severity_for(code, rule_.severity),
        message=finding.message,
        path=finding.pointer,
        name=rule_.name,
        fingerprint=f"{code}:{catalog.id}:{finding.item_id}:{finding.field}",
    )


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
    session = _Session(options)
    report = Report()
    found: list[Diagnostic] = []
    for path in discover_files(paths):
        loaded = session.get(path)
        if loaded.catalog is not None:
            found.extend(_check_catalog(session, loaded))
            if not options.keep_files:
                session.release(loaded)
    files = [session.loaded[k] for k in session.order]
    for loaded in files:
        report.files.append(loaded.display)
        report.extend(_with_fingerprints(loaded))
    report.extend(_unique(found))
    report.diagnostics = apply_config(report.diagnostics, options.config)
    if options.baseline is not None:
        report.diagnostics, report.baselined = options.baseline.filter_new(report.diagnostics)
    return CheckResult(report=report, files=files if options.keep_files else [])


def _check_catalog(session: _Session, cat_file: LoadedFile) -> list[Diagnostic]:
    """The rules' findings for one catalog, with its items' waivers applied.

    Also marks the waived problems among the catalog file's own (loader and schema)
    diagnostics and gives them fingerprints (while the model is there to name the
    items), and adds the waivers' own findings (GO9xx).
    """
    catalog = cat_file.catalog
    assert catalog is not None
    options = session.options
    mapping_file, found = session.mapping_for(cat_file)
    cat_file.mapping = mapping_file
    dutymap = mapping_file.dutymap if mapping_file is not None else None
    context = RuleContext(
        catalog=catalog, config=options.config, dutymap=dutymap, today=options.today
    )
    book = WaiverBook(catalog, options.today)
    for code, finding in run_rules(context):
        found.append(
            book.waive(_to_diagnostic(code, finding, catalog, options.config), finding.item_id)
        )
    cat_file.diagnostics = [book.waive(d) for d in _with_fingerprints(cat_file)]

    def ran(code: str) -> bool:
        rule_ = RULES.get(code)
        return (
            rule_ is not None
            and options.config.enabled(code)
            and (dutymap is not None or not rule_.needs_duties)
        )

    found.extend(book.findings(ran))
    return found


def _with_fingerprints(loaded: LoadedFile) -> list[Diagnostic]:
    """A file's loader and schema diagnostics, each with a fingerprint for baselines."""
    return [
        d
        if d.fingerprint
        else replace(
            d,
            fingerprint=document_fingerprint(d, catalog=loaded.catalog, dutymap=loaded.dutymap),
        )
        for d in loaded.diagnostics
    ]


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


def apply_config(diagnostics: list[Diagnostic], config: Config) -> list[Diagnostic]:
    """Drop what ``select``/``ignore`` exclude and apply per-rule severities."""
    out = []
    for diag in diagnostics:
        if not config.enabled(diag.code):
            continue
        if diag.code in config.severity:
            diag = diag.with_severity(config.severity[diag.code])
        out.append(diag)
    return out
