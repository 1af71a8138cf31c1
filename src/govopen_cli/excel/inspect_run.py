"""``govopen inspect`` as one call: find the catalog a filled-in 检查表 was exported
from, load it, and read the 检查表 back against it (:mod:`.inspection` does the reading).

Nothing here prints or exits: the command renders the result and picks the exit code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_cli.errors import CatalogUnreadableError, GovopenError, PathNotFoundError, UsageError

if TYPE_CHECKING:
    from govopen_cli.catalog.config import Config
    from govopen_cli.inspection.result import InspectionResult


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def catalog_for(workbook: Path, named: str, roots: tuple[Path, ...] | None = None) -> Path:
    """The catalog a workbook's 说明 names: as written, then beside the workbook.

    With ``roots``, only a file below one of them is taken (a workbook is a file from elsewhere:
    its 说明 must not lead govopen to read, and quote, any file of the machine).
    """
    from govopen_cli.checks.link_scope import link_problem

    candidates = [Path(named), workbook.parent / named, workbook.parent / Path(named).name]
    for candidate in candidates:
        beside = candidate.parent == workbook.parent and "/" not in named and "\\" not in named
        if roots is not None and not beside and link_problem(str(candidate), Path.cwd(), roots):
            continue
        if candidate.is_file():
            return candidate
    raise PathNotFoundError(
        f"工作簿说明页记录的目录文件 {named} 找不到（按当前目录和工作簿所在目录都找过）；"
        "请用 --catalog 指定"
    )


def inspect_workbook(
    workbook: Path,
    config: Config,
    *,
    catalog: Path | None = None,
    today: dt.date | None = None,
) -> InspectionResult:
    """Read the filled-in 检查表 of ``workbook`` against its catalog.

    The catalog is ``catalog`` when given, else the file the workbook's 说明 records
    (as written, then beside the workbook). The config gives the holiday file and the
    ``select``/``ignore`` and severities applied to the result's diagnostics.

    Raises :class:`~govopen_cli.errors.GovopenError` when the inspection cannot run:
    no catalog can be found, or (:class:`~govopen_cli.errors.CatalogUnreadableError`,
    with the catalog's diagnostics) the catalog cannot be read.
    """
    from govopen_cli.calendar.workday import calendar_for
    from govopen_cli.catalog.config import apply_config
    from govopen_cli.catalog.files import display_path, load_file
    from govopen_cli.catalog.model_build import detect_kind
    from govopen_cli.checks.link_scope import project_roots
    from govopen_cli.excel.about_sheet import AboutInfo, read_about
    from govopen_cli.excel.inspection import read_inspection

    try:
        about = read_about(workbook)
    except Exception as exc:  # not an xlsx: read_inspection reports it when it can
        if catalog is None:
            raise UsageError(f"无法读取工作簿 {workbook}：{exc}") from exc
        about = AboutInfo()
    if catalog is None:
        if not about.catalog_file:
            raise GovopenError(f"{workbook} 的说明页没有记录目录文件：请用 --catalog 指定")
        # The project is where govopen runs (a workbook comes back from elsewhere).
        roots = project_roots(Path.cwd() / "govopen.toml", config)
        catalog = catalog_for(workbook, about.catalog_file, roots)
        loaded = load_file(catalog, "catalog")
        if loaded.document is None or detect_kind(loaded.document.data) != "catalog":
            raise GovopenError(  # its lines are never quoted: it may be any file
                f"工作簿说明页记录的 {catalog} 不是目录文件，未读取其内容；请用 --catalog 指定"
            )
    else:
        loaded = load_file(catalog, "catalog")
    if loaded.catalog is None:
        raise CatalogUnreadableError(f"{catalog} 不能作为目录读取（见上）", loaded.diagnostics)
    calendar = calendar_for(config.resolve(config.holidays) if config.holidays else None)
    result = read_inspection(
        workbook,
        loaded.catalog,
        calendar,
        today=today,
        display=display_path(workbook),
        expected_sha256=about.catalog_sha256,
        catalog_sha256=sha256_of(catalog),
    )
    result.diagnostics = apply_config(result.diagnostics, config)
    return result
