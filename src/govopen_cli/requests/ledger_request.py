"""One request of the ledger (:class:`LedgerRequest`), and how a row becomes one.

:func:`build_request` reads a row's fields in named steps (编号, dates, 申请人类型,
是否延期, 征求第三方意见天数, 处理结果) and then checks them against each other
(a result without an answer date, dates out of order). A field whose cell cannot be
read is reported where it is, left empty and named in ``invalid``: the row is kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from govopen_cli.calendar.date_text import DATE_FORMS, date_from_cell, date_problem, parse_date_text
from govopen_cli.cell_value import cell_text
from govopen_cli.codes import Code
from govopen_cli.codes.gr import GR003, GR004, GR006, GR007
from govopen_cli.requests.ledger_columns import column_header
from govopen_cli.requests.ledger_rows import CellRef, LedgerKind, LedgerReader, RawRow
from govopen_cli.requests.ledger_values import (
    APPLICANT_FORMS,
    OUTCOME_FORMS,
    OUTCOME_SUBCATEGORIES,
    REFUSALS,
    Outcome,
    parse_applicant,
    parse_flag,
    parse_outcome,
    parse_workdays,
)


@dataclass(frozen=True)
class LedgerRequest:
    """One request of the ledger. A field whose cell could not be read is None/empty
    and named in ``invalid``; its diagnostic was reported while reading."""

    number: str
    received: dt.date | None
    applicant: str | None
    content: str
    correction_notice: dt.date | None
    correction_received: dt.date | None
    extended: bool
    third_party_days: int
    answered: dt.date | None
    outcome: Outcome | None
    ground: str
    item: str
    row: CellRef
    cells: tuple[tuple[str, CellRef], ...] = ()
    invalid: frozenset[str] = frozenset()
    #: 申请人 (name), when the ledger has that column: who asked, for 第四十四条.
    applicant_name: str = ""
    #: The 申请人类型 as written, for messages about a type that cannot be placed.
    applicant_text: str = ""

    def at(self, key: str) -> CellRef:
        """The cell of field ``key`` (the row when the ledger has no such cell)."""
        for name, ref in self.cells:
            if name == key:
                return ref
        return self.row

    @property
    def label(self) -> str:
        """How messages name the request."""
        return f"申请 {self.number}" if self.number else f"第 {self.row.line} 行的申请"

    @property
    def open(self) -> bool:
        """Not answered yet (and the answer date is not merely unreadable)."""
        return self.answered is None and "answered" not in self.invalid


class _RowFields:
    """The fields of one row being read: each step reads one and reports its problems."""

    def __init__(self, reader: LedgerReader, row: RawRow, kind: LedgerKind) -> None:
        self.reader = reader
        self.row = row
        self.kind = kind
        self.texts = {key: cell_text(cell.value) for key, cell in row.cells.items()}
        self.number = self.texts.get("number", "")
        self.invalid: set[str] = set()
        self.who = f"申请 {self.number} " if self.number else "这件申请"

    def ref(self, key: str) -> CellRef:
        cells = self.row.cells
        return cells[key].ref if key in cells else self.row.ref

    def report(self, code: Code, key: str, message: str) -> None:
        self.reader.report(
            code, self.ref(key), message, number=self.number, field_name=column_header(key)
        )

    def date(self, key: str) -> dt.date | None:
        """A date field; a cell that holds no date is reported and marked invalid."""
        texts = self.texts
        if key not in self.row.cells or not texts.get(key):
            return None
        value = self.row.cells[key].value
        day = date_from_cell(value) if self.kind == "xlsx" else parse_date_text(cell_text(value))
        if day is None:
            self.invalid.add(key)
            problem = date_problem(texts[key])
            header = column_header(key)
            self.report(
                GR003,
                key,
                f"{self.who}的{header}“{texts[key]}”不是有效的日期：{problem}"
                if problem
                else f"{self.who}的{header}“{texts[key]}”不是可以识别的日期：请写成 {DATE_FORMS}",
            )
        return day

    def require_number(self) -> None:
        if not self.number:
            self.report(GR007, "number", "这件申请没有编号：请补填，便于核对和统计")

    def received(self) -> dt.date | None:
        """收到日期, which every request needs: the deadline counts from it."""
        received = self.date("received")
        if not self.texts.get("received"):
            self.invalid.add("received")
            self.report(
                GR007,
                "received",
                f"{self.who}没有收到日期：答复期限从收到申请之日起算（条例第三十一条），请补填",
            )
        return received

    def applicant(self) -> str | None:
        """申请人类型 as one of the annual report's columns."""
        text = self.texts.get("applicant")
        if not text:
            self.report(
                GR007,
                "applicant",
                f"{self.who}没有申请人类型：年度报告要按申请人类型统计，请填写 {APPLICANT_FORMS}",
            )
            return None
        applicant = parse_applicant(text)
        if applicant is None:
            self.report(
                GR004,
                "applicant",
                f"{self.who}的申请人类型“{text}”无法归入年度报告的申请人类别，"
                f"不能计入年度报告表：请写 {APPLICANT_FORMS}",
            )
        return applicant

    def extended(self) -> bool:
        """是否延期; unreadable counts as 否 (and is reported)."""
        cells = self.row.cells
        extended = parse_flag(cells["extended"].value) if "extended" in cells else False
        if extended is None:
            self.report(
                GR004,
                "extended",
                f"{self.who}的是否延期“{self.texts['extended']}”无法识别：请写 是 或 否（空白视为否）",
            )
            return False
        return extended

    def third_party_days(self) -> int:
        """征求第三方意见天数 in 工作日; unreadable counts as 0 (and is reported)."""
        cells = self.row.cells
        days = parse_workdays(cells["third_party_days"].value) if "third_party_days" in cells else 0
        if days is None:
            self.report(
                GR004,
                "third_party_days",
                f"{self.who}的征求第三方意见天数“{self.texts['third_party_days']}”无法识别："
                "请写工作日数，如 15（征求意见所需时间按工作日计，不计入答复期限）",
            )
            return 0
        return days

    def outcome(self, ground: str) -> Outcome | None:
        """处理结果 in the annual report's categories, its sub-category from the 理由 if need be."""
        result_text = self.texts.get("result", "")
        if not result_text:
            return None
        reading = parse_outcome(result_text, ground)
        outcome = reading.outcome
        if reading.problem:
            self.invalid.add("result")
            hint = (
                f"请写明是哪一种：{'、'.join(OUTCOME_SUBCATEGORIES[outcome.category])}"
                if outcome is not None
                else f"可写 {OUTCOME_FORMS}"
            )
            self.report(GR004, "result", f"{self.who}的{reading.problem}。{hint}")
        elif outcome is not None and not outcome.complete and outcome.category not in REFUSALS:
            self.report(
                GR004,
                "result",
                f"{self.who}的处理结果“{result_text}”没有写明是哪一种，不能计入年度报告表：请写 "
                + "、".join(
                    f"{outcome.category}-{s}" for s in OUTCOME_SUBCATEGORIES[outcome.category]
                ),
            )
        return outcome

    def check_pairs(
        self, answered: dt.date | None, notice: dt.date | None, corrected: dt.date | None
    ) -> None:
        """Fields that come in pairs: an answer and its result, a 补正 and its notice."""
        who = self.who
        result_text = self.texts.get("result", "")
        if answered is not None and not result_text:
            self.report(
                GR007,
                "result",
                f"{who}已于 {answered} 答复，但没有处理结果：年度报告要按处理结果统计，请补填",
            )
        if result_text and not self.texts.get("answered"):
            self.report(
                GR007,
                "answered",
                f"{who}有处理结果“{result_text}”，但没有答复日期：请补填答复日期；"
                "尚未答复的，处理结果留空",
            )
        if corrected is not None and notice is None and "correction_notice" not in self.invalid:
            self.report(
                GR007,
                "correction_notice",
                f"{who}有补正收到日期 {corrected}，但没有补正通知日期：请补填",
            )

    def check_order(
        self,
        received: dt.date | None,
        notice: dt.date | None,
        corrected: dt.date | None,
        answered: dt.date | None,
    ) -> None:
        """Each date on or after the one it follows."""
        order = (
            ("correction_notice", notice, received, "补正通知日期", "收到日期"),
            ("correction_received", corrected, notice, "补正收到日期", "补正通知日期"),
            ("answered", answered, received, "答复日期", "收到日期"),
            ("answered", answered, corrected, "答复日期", "补正收到日期"),
        )
        for key, later, earlier, later_name, earlier_name in order:
            if later is not None and earlier is not None and later < earlier:
                self.report(
                    GR006,
                    key,
                    f"{self.who}的{later_name} {later} 早于{earlier_name} {earlier}：请核对日期",
                )


def build_request(reader: LedgerReader, row: RawRow, kind: LedgerKind) -> LedgerRequest | None:
    """The request of ``row``, its problems reported; None for a row with only a 编号."""
    fields = _RowFields(reader, row, kind)
    texts = fields.texts
    if not any(texts.get(k) for k in texts if k != "number"):
        return None
    fields.require_number()
    received = fields.received()
    applicant = fields.applicant()
    notice = fields.date("correction_notice")
    corrected = fields.date("correction_received")
    answered = fields.date("answered")
    extended = fields.extended()
    days = fields.third_party_days()
    ground = texts.get("ground", "")
    outcome = fields.outcome(ground)
    fields.check_pairs(answered, notice, corrected)
    fields.check_order(received, notice, corrected, answered)
    return LedgerRequest(
        number=fields.number,
        received=received,
        applicant=applicant,
        content=texts.get("content", ""),
        correction_notice=notice,
        correction_received=corrected,
        extended=extended,
        third_party_days=days,
        answered=answered,
        outcome=outcome,
        ground=ground,
        item=texts.get("item", ""),
        row=row.ref,
        cells=tuple((key, cell.ref) for key, cell in row.cells.items()),
        invalid=frozenset(fields.invalid),
        applicant_name=texts.get("applicant_name", ""),
        applicant_text=texts.get("applicant", ""),
    )
