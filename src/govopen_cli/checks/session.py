"""One ``govopen check`` run's files: loading each once, its 三定 mapping, its rules.

:class:`Session` holds what a run has read (a mapping shared by many catalogs is read
once) and :func:`check_target` checks one file of the run in it. :mod:`.run` drives the
files one after another, or hands them to :mod:`.parallel`'s worker processes, whose
sessions hold one file each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from govopen_cli.catalog.config import Config, ConfigFinder, apply_config
from govopen_cli.catalog.files import LoadedFile, display_path, load_file
from govopen_cli.catalog.model import Catalog, Kind
from govopen_cli.catalog.model_build import detect_kind
from govopen_cli.checks.baseline import Baseline, document_fingerprint
from govopen_cli.checks.link_scope import link_problem, project_roots
from govopen_cli.checks.rules import iter_rules, load_rules
from govopen_cli.checks.rules.registry import Finding, RuleContext
from govopen_cli.checks.waiver import WaiverBook
from govopen_cli.codes import Code, all_codes
from govopen_cli.codes.go.coverage import GO401
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.errors import UsageError


@dataclass
class CheckOptions:
    """What a check run needs besides the paths."""

    config: Config = field(default_factory=Config)
    #: Each file under the nearest govopen.toml upward from it (``govopen check``);
    #: None: every file under :attr:`config`.
    finder: ConfigFinder | None = None
    duties: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    #: Keep every file's node tree and model in the result (export, coverage need
    #: them). ``check`` does not: it releases each catalog once its rules have run,
    #: so memory stays bounded by the largest file, not the whole corpus.
    keep_files: bool = True
    #: Report only findings this baseline does not already record.
    baseline: Baseline | None = None
    #: Follow ``catalog.duties`` links out of the project folder (``--allow-outside-links``).
    links_anywhere: bool = False
    #: Called as ``progress(files done, files)`` after each file (a bar on a terminal).
    progress: Callable[[int, int], None] | None = None
    #: Worker processes for many files (``--jobs``): None = as many as CPUs, when there
    #: are enough files to be worth it; 1 = this process only. Only when ``keep_files``
    #: is off: the files are checked in the workers and only their findings come back.
    jobs: int | None = 1


class Session:
    """The files one run (or one worker's task) has read, keyed by resolved path, in order."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.loaded: dict[Path, LoadedFile] = {}
        self.order: list[Path] = []
        self.configs: list[Config] = []
        #: Files read as a linked mapping and dropped again (not a mapping at all).

    def config_for(self, path: Path) -> Config:
        """The configuration a file is checked under."""
        finder = self.options.finder
        config = finder.config_for(path) if finder is not None else self.options.config
        if all(config is not c for c in self.configs):
            self.configs.append(config)
        return config

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
        config = self.config_for(cat_file.path)
        if options.duties is not None:
            mapping = self.get(options.duties, "duties")
            if mapping.kind == "catalog":
                raise UsageError(
                    f"--duties 指定的 {mapping.display} 是目录文件，不是三定映射文件。"
                    "三定映射文件的顶层是 format、agency、source、duties"
                )
            return mapping, []
        if catalog.duties_ref:
            refused = outside_link(catalog.duties_ref, catalog.path, options)
            target = catalog.duties_path if refused is None else None
            if target is not None and target.is_file():
                refused = outside_link(catalog.duties_ref, catalog.path, options, exists=True)
            if refused is not None:
                return None, [_bad_duties_link(cat_file, refused)]
            assert target is not None
            if not target.is_file():
                return None, [
                    _bad_duties_link(
                        cat_file,
                        f"catalog.duties 指向的三定映射文件 {catalog.duties_ref} 不存在"
                        f"（按本文件所在目录解析为 {display_path(target)}）。请改正路径",
                    )
                ]
            known = target.resolve() in self.loaded  # a file of the run: it stays in the report
            mapping = self.get(target, "duties")
            if not_a_mapping(mapping):  # its lines are never quoted: it may be any file
                if not known:
                    self.loaded.pop(target.resolve())
                    self.order.remove(target.resolve())
                return None, [
                    _bad_duties_link(
                        cat_file,
                        f"catalog.duties 指向的 {catalog.duties_ref} 不是三定映射文件"
                        "（顶层没有 format、agency、source、duties），未读取其内容。请改正路径",
                    )
                ]
            if mapping.kind == "catalog":
                return None, [
                    _bad_duties_link(
                        cat_file,
                        f"catalog.duties 指向的 {catalog.duties_ref} 是目录文件，"
                        "不是三定映射文件：请改为三定映射文件的路径",
                    )
                ]
            return mapping, []
        if config.duties:
            return self.get(config.resolve(config.duties), "duties"), []
        return None, []


def outside_link(
    ref: str, catalog_path: Path | None, options: CheckOptions, *, exists: bool = False
) -> str | None:
    """Why ``catalog.duties`` may not be followed: not a path, or (``exists``) a file outside
    the project. None when it may."""
    base = catalog_path.parent if catalog_path is not None else Path.cwd()
    if options.links_anywhere or not exists:
        return link_problem(ref, base, (Path("/"),))
    return link_problem(ref, base, project_roots(catalog_path, options.config))


def not_a_mapping(loaded: LoadedFile) -> bool:
    """A linked file that is no 三定 mapping by its content (nor a catalog, nor YAML)."""
    if loaded.document is None:
        return loaded.path.suffix.lower() not in (".yaml", ".yml")
    return detect_kind(loaded.document.data) is None


def _bad_duties_link(cat_file: LoadedFile, message: str) -> Diagnostic:
    """GO401 at the catalog's ``catalog.duties``."""
    assert cat_file.catalog is not None
    loc = cat_file.catalog.locate("/catalog/duties")
    return GO401.at(
        cat_file.display,
        message,
        line=loc.line,
        column=loc.column,
        path="/catalog/duties",
        fingerprint=f"{GO401.code}:{cat_file.catalog.id}::duties",
    )


def run_rules(context: RuleContext) -> Iterator[tuple[Code, Finding]]:
    """Every enabled rule's findings for one catalog."""
    for rule_ in iter_rules():
        if context.config.enabled(rule_.code.code):
            for finding in rule_.run(context):
                yield rule_.code, finding


def _to_diagnostic(code: Code, finding: Finding, catalog: Catalog, config: Config) -> Diagnostic:
    return code.at(
        finding.location.file,
        finding.message,
        line=finding.location.line,
        column=finding.location.column,
        path=finding.pointer,
        severity=config.severity_for(code.code, code.severity),
        fingerprint=f"{code.code}:{catalog.id}:{finding.item_id}:{finding.field}",
    )


def check_target(session: Session, path: Path) -> tuple[list[Diagnostic], bool]:
    """Load one file of the run and, when it is a catalog, its findings (and True)."""
    loaded = session.get(path)
    if loaded.catalog is None:
        return [], False
    config = session.config_for(loaded.path)
    found = apply_config(_check_catalog(session, loaded, config), config)
    if not session.options.keep_files:
        session.release(loaded)
    return found, True


def _check_catalog(session: Session, cat_file: LoadedFile, config: Config) -> list[Diagnostic]:
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
    context = RuleContext(catalog=catalog, config=config, dutymap=dutymap, today=options.today)
    book = WaiverBook(catalog, options.today)
    for code, finding in run_rules(context):
        found.append(book.waive(_to_diagnostic(code, finding, catalog, config), finding.item_id))
    cat_file.diagnostics = [book.waive(d) for d in with_fingerprints(cat_file)]

    rules = load_rules()

    def ran(code: str) -> bool:
        rule_ = rules.get(code)
        return (
            code in all_codes()
            and config.enabled(code)
            and (dutymap is not None or rule_ is None or not rule_.needs_duties)
        )

    found.extend(book.findings(ran))
    return found


def with_fingerprints(loaded: LoadedFile) -> list[Diagnostic]:
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
