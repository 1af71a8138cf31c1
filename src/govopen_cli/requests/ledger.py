"""The 依申请公开 ledger (台账): CSV, xlsx or YAML -> frozen :class:`LedgerRequest` rows.

Agencies keep their ledger in a spreadsheet with Chinese headers (编号, 收到日期,
申请人类型, 申请内容, 补正通知日期, 补正收到日期, 是否延期, 征求第三方意见天数,
答复日期, 处理结果, 关联事项 …, each with the variants met in practice). :func:`read_ledger`
reads it: each format into rows (:mod:`.ledger_csv`, :mod:`.ledger_xlsx`,
:mod:`.ledger_yaml`), its columns by :mod:`.ledger_columns`, each row into a request
(:mod:`.ledger_request`), 申请人类型 and 处理结果 mapped onto the categories of the
annual report table (国办公开办函〔2021〕30号) by :mod:`.ledger_values`.

Nothing here raises for a problem in the file: every unreadable cell is a
:class:`~govopen_cli.diagnostics.Diagnostic` located at file:line:column (CSV and
YAML) or at its cell (``台账!C12`` in ``Diagnostic.source`` for xlsx), and the row
is kept with that field empty, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from govopen_cli.codes.gr import GR008, GR010
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.requests.ledger_csv import csv_rows
from govopen_cli.requests.ledger_request import LedgerRequest, build_request
from govopen_cli.requests.ledger_rows import LedgerKind, LedgerReader, RawRow
from govopen_cli.requests.ledger_xlsx import WorkbookReader, xlsx_rows
from govopen_cli.requests.ledger_yaml import yaml_rows


@dataclass(frozen=True)
class Ledger:
    """A read ledger."""

    path: Path
    display: str
    kind: LedgerKind
    requests: tuple[LedgerRequest, ...]
    agency: str | None = None
    sheet: str | None = None

    @property
    def has_applicant_names(self) -> bool:
        """Whether the ledger records who asked (a filled 申请人 column)."""
        return any(r.applicant_name for r in self.requests)


@dataclass
class LedgerResult:
    """What reading gives: the ledger (None when unusable) and the problems found."""

    ledger: Ledger | None
    diagnostics: list[Diagnostic]
    #: The file cannot be read as a table at all (not a workbook, an encoding that is
    #: neither UTF-8 nor GB18030, empty …): the command could not run.
    unreadable: bool = False


def _ranges(lines: list[int]) -> str:
    parts: list[str] = []
    for line in lines:
        if parts and parts[-1].split("—")[-1] == str(line - 1):
            first = parts[-1].split("—")[0]
            parts[-1] = f"{first}—{line}"
        else:
            parts.append(str(line))
    return "、".join(parts)


def _requests(
    reader: LedgerReader, rows: list[RawRow], kind: LedgerKind
) -> Iterator[LedgerRequest]:
    number_only: list[RawRow] = []
    seen: dict[str, LedgerRequest] = {}
    for row in rows:
        request = build_request(reader, row, kind)
        if request is None:
            number_only.append(row)
            continue
        if request.number:
            earlier = seen.get(request.number)
            if earlier is not None:
                where = earlier.row.source or f"第 {earlier.row.line} 行"
                reader.report(
                    GR008,
                    request.at("number"),
                    f"编号 {request.number} 重复（{where}也是这个编号）：统计时会当作两件申请",
                    number=request.number,
                    field_name="编号",
                )
            else:
                seen[request.number] = request
        yield request
    if number_only:
        lines = [r.ref.line for r in number_only]
        reader.report(
            GR010,
            number_only[0].ref,
            f"第 {_ranges(lines)} 行只有编号，没有其他内容，不作为申请处理（共 {len(lines)} 行）",
        )


def ledger_kind(path: Path) -> LedgerKind | None:
    """The ledger format by file name: .csv/.txt, .xlsx/.xlsm, .yaml/.yml."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return None


def read_ledger(
    path: Path, display: str | None = None, *, read_workbook: WorkbookReader | None = None
) -> LedgerResult:
    """Read a ledger file. Problems in it are diagnostics; this never raises for them.

    An .xlsx ledger is read with ``read_workbook``
    (:func:`govopen_cli.excel.ledger_sheet.read_ledger_sheet`): without one, reading
    it raises :class:`ValueError`, a mistake of the caller, not of the file.
    """
    shown = display if display is not None else str(path)
    reader = LedgerReader(path, shown)
    kind = ledger_kind(path)
    sheet = None
    agency = None
    if kind is None:
        reader.cannot_read(
            f"不支持的台账文件类型“{path.suffix or '（无扩展名）'}”：请用 .csv、.xlsx 或 .yaml"
            "（旧版 .xls 请在 Excel 中另存为 .xlsx）",
        )
        return LedgerResult(None, reader.diagnostics, unreadable=True)
    if kind == "csv":
        rows, ok = csv_rows(reader)
    elif kind == "xlsx":
        if read_workbook is None:
            raise ValueError(f"{path}: an .xlsx ledger needs read_workbook to be read")
        rows, ok, sheet = xlsx_rows(reader, read_workbook)
    else:
        rows, ok, agency = yaml_rows(reader)
    if not ok:
        return LedgerResult(None, reader.diagnostics, unreadable=reader.unreadable)
    requests = tuple(_requests(reader, rows, kind))
    ledger = Ledger(
        path=path, display=shown, kind=kind, requests=requests, agency=agency, sheet=sheet
    )
    return LedgerResult(ledger, reader.diagnostics)
