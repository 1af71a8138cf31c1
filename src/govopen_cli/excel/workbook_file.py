"""The one door every workbook (.xlsx) comes through, before openpyxl touches it.

An .xlsx file is a zip archive of XML parts. openpyxl trusts both: a 3 MB archive
can inflate to gigabytes, a cell at XFD1048576 makes a reader build a grid of a
million rows by 16,384 columns, and a damaged cell (``t="b"`` holding ``maybe``, a
shared-string index out of range, XML cut off) raises deep inside ``iter_rows``. So
:func:`open_checked`:

1. reads the file through the input door (a regular file, at most
   :data:`~govopen_cli.input_file.MAX_WORKBOOK_BYTES`);
2. checks the zip directory: at most :data:`~.workbook_bounds.MAX_MEMBERS` parts and
   :data:`~.workbook_bounds.MAX_UNCOMPRESSED` bytes once inflated, before anything is inflated;
3. reads every worksheet's XML once, streaming, and checks every cell the way
   openpyxl will read it (:mod:`.workbook_cells`), and that the sheet's used range
   stays within :data:`~.workbook_bounds.MAX_CELLS` cells;
4. opens the workbook (read-only, values not formulas, external links ignored) and
   sets each sheet's size to the range really used, not what ``<dimension>`` claims.

Every problem is an :class:`UnreadableWorkbookError` whose message says, in Chinese,
where (sheet and cell) and what; callers report it as a diagnostic. Anything openpyxl
still raises later while rows are read comes out as :class:`DamagedWorkbookError`
(exit status 2), never as a traceback.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from govopen_cli.excel.workbook_bounds import (
    MAX_MEMBERS,
    MAX_UNCOMPRESSED,
    REPAIR,
    DamagedWorkbookError,
    UnreadableWorkbookError,
)
from govopen_cli.excel.workbook_cells import SheetExtent, check_sheets
from govopen_cli.input_file import MAX_WORKBOOK_BYTES, InputFileError, read_input


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB"


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse an archive whose directory promises too many parts or too many bytes."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnreadableWorkbookError(
            f"工作簿压缩包中有 {len(infos):,} 个部件，超过上限 {MAX_MEMBERS:,}，未读取。{REPAIR}"
        )
    total = sum(max(info.file_size, 0) for info in infos)
    if total > MAX_UNCOMPRESSED:
        biggest = max(infos, key=lambda info: info.file_size)
        raise UnreadableWorkbookError(
            f"工作簿解压后有 {_mb(total)}（其中 {biggest.filename} 有 {_mb(biggest.file_size)}），"
            f"超过 govopen 读取的上限 {_mb(MAX_UNCOMPRESSED)}，未读取（可能是“压缩炸弹”）。"
            "若确是正常的大表，请拆分成几个工作簿"
        )


def open_checked(path: Path) -> Any:
    """``path`` opened for streaming reads of cell values, after the checks above.

    The caller closes it. Raises :class:`UnreadableWorkbookError` for a file that
    is not a sound .xlsx workbook within the bounds.
    """
    raw, extents = check_file(path)
    return load_checked(raw, extents)


def check_file(path: Path) -> tuple[bytes, dict[str, SheetExtent]]:
    """Steps 1–3 above: the file's bytes and each worksheet's extent, by part name."""
    try:
        raw = read_input(path, limit=MAX_WORKBOOK_BYTES)
    except InputFileError as exc:
        raise UnreadableWorkbookError(str(exc)) from exc
    if raw[:2] != b"PK":
        hint = "旧版 .xls 请先用 Excel 或 WPS 另存为 .xlsx"
        if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise UnreadableWorkbookError(f"这是旧版 .xls（或加密的）工作簿，不是 .xlsx：{hint}")
        raise UnreadableWorkbookError(f"无法作为 .xlsx 工作簿读取：文件不是 zip 压缩包。{hint}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise UnreadableWorkbookError(
            f"无法作为 .xlsx 工作簿读取：压缩包已损坏（{exc}）。{REPAIR}"
        ) from exc
    with archive:
        check_archive(archive)
        extents = check_sheets(archive)
    return raw, extents


def load_checked(raw: bytes, extents: dict[str, SheetExtent]) -> Any:
    """Step 4: the checked workbook opened with openpyxl (read-only, values)."""
    wb = _load(raw, extents)
    for ws in getattr(wb, "worksheets", []):
        extent: SheetExtent | None = extents.get(getattr(ws, "_worksheet_path", ""))
        if extent is not None and hasattr(ws, "_cells_by_row"):
            ws._max_row = extent.rows or None
            ws._max_column = extent.columns or None
            ws._cells_by_row = _guarded(ws._cells_by_row, ws.title)
    return wb


def _load(raw: bytes, extents: dict[str, SheetExtent]) -> Any:
    from openpyxl import load_workbook
    from openpyxl.reader import excel

    base = excel.ReadOnlyWorksheet

    class Sheet(base):  # type: ignore[misc,valid-type]
        def _get_size(self) -> None:
            # openpyxl looks for <dimension> before the rows, and without one parses the
            # whole sheet to find none (a workbook written by openpyxl, like an export);
            # the door saw whether there is one, and sets the size itself (above).
            extent = extents.get(self._worksheet_path)
            if extent is None or extent.dimension:
                super()._get_size()

    excel.ReadOnlyWorksheet = Sheet  # only while this workbook is opened
    try:
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
    except KeyError as exc:
        raise UnreadableWorkbookError(
            f"无法作为 .xlsx 工作簿读取：缺少部件 {exc}。{REPAIR}"
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise UnreadableWorkbookError(
            f"无法作为 .xlsx 工作簿读取：{type(exc).__name__}: {str(exc)[:200]}。{REPAIR}"
        ) from exc
    finally:
        excel.ReadOnlyWorksheet = base


def _guarded(
    cells_by_row: Callable[..., Iterator[Any]], title: str
) -> Callable[..., Iterator[Any]]:
    """openpyxl's row reader, with whatever it raises told in Chinese (exit status 2)."""

    def rows(*args: Any, **kwargs: Any) -> Iterator[Any]:
        try:
            yield from cells_by_row(*args, **kwargs)
        except (GeneratorExit, KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:
            raise DamagedWorkbookError(
                f"读取工作表“{title}”时出错：{type(exc).__name__}: {str(exc)[:200]}。{REPAIR}"
            ) from exc

    return rows
