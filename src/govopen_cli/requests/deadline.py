"""Answer deadlines of 依申请 requests (《政府信息公开条例》), and the check of them.

* 第三十三条: 20 工作日 from receipt; with approval (是否延期) 20 more;
* 第三十一条: the clock starts on receipt (by post: on signing; the ledger's 收到日期);
* 第三十条: an unclear request gets one 补正 notice within 7 工作日, and the clock
  restarts when the completed request arrives (补正收到日期); while the applicant has
  not answered the notice the clock is stopped;
* 第三十二条/第三十三条第二款: time spent consulting a third party (征求第三方意见天数,
  in 工作日) is not counted.

So the due date is ``start + 20 (+20) + consultation days`` 工作日, counted from the
day after ``start`` (receipt, or the 补正 received), and an answer on the due date is
on time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from govopen_cli.calendar.workday import UnknownYearError, WorkdayCalendar
from govopen_cli.codes.gr import GR101, GR102, GR103, GR106, GR107
from govopen_cli.requests.finding import Findings
from govopen_cli.requests.ledger_request import LedgerRequest
from govopen_cli.requests.settings import RequestSettings

ANSWER_DAYS = 20  # 第三十三条
EXTENSION_DAYS = 20  # 第三十三条, with approval
CORRECTION_NOTICE_DAYS = 7  # 第三十条


@dataclass(frozen=True, slots=True)
class DueDate:
    """A request's answer deadline and how it was counted."""

    start: dt.date
    days: int
    due: dt.date | None
    basis: str

    @property
    def paused(self) -> bool:
        """Waiting for the applicant's 补正: the clock is stopped."""
        return self.due is None


def due_date(request: LedgerRequest, calendar: WorkdayCalendar) -> DueDate | None:
    """The deadline of ``request`` (None without a readable 收到日期).

    Raises :class:`~govopen_cli.calendar.workday.UnknownYearError` when the count runs into a
    year whose holiday schedule is not known.
    """
    if request.received is None:
        return None
    parts = [f"{ANSWER_DAYS} 个工作日"]
    days = ANSWER_DAYS
    if request.extended:
        days += EXTENSION_DAYS
        parts.append(f"延期 {EXTENSION_DAYS} 个工作日")
    if request.third_party_days:
        days += request.third_party_days
        parts.append(f"征求第三方意见 {request.third_party_days} 个工作日不计入")
    if request.correction_received is not None:
        start, started = request.correction_received, "收到补正"
    elif request.correction_notice is not None:
        basis = f"{request.correction_notice} 通知补正，申请人尚未补正，答复期限暂停计算"
        return DueDate(request.received, days, None, basis)
    else:
        start, started = request.received, "收到申请"
    basis = f"{start} {started}起 " + " + ".join(parts)
    return DueDate(start, days, calendar.add(start, days), basis)


def _count(calendar: WorkdayCalendar, start: dt.date, end: dt.date) -> int | None:
    """工作日 from ``start`` to ``end``, or None when a year between is not known."""
    try:
        return calendar.count(start, end)
    except UnknownYearError:
        return None


def _late_text(calendar: WorkdayCalendar, due: dt.date, day: dt.date) -> str:
    """``已过 22 个工作日``, or, when ``day`` is in an unknown year, how far in calendar days."""
    late = _count(calendar, due, day)
    if late is not None:
        return f"已过 {late} 个工作日"
    return f"已过 {(day - due).days} 天（工作日数要用 {day.year} 年的节假日安排计算）"


def missing_year_advice(year: int) -> str:
    """How to add the schedule of ``year``: the command that reads the State Council notice."""
    return (
        f"请用 govopen workdays notice 通知.txt -o holidays/{year}.yaml 从《国务院办公厅关于"
        f"{year}年部分节假日安排的通知》生成节假日文件，并在 govopen.toml 中写 "
        f'holidays = "holidays/{year}.yaml"（docs/workdays.md）'
    )


def _open_due(
    out: Findings,
    request: LedgerRequest,
    calendar: WorkdayCalendar,
    today: dt.date,
    year: int,
    settings: RequestSettings,
) -> None:
    """The due date runs into ``year``, whose schedule is unknown: decide what does not
    depend on it (an answer before that year is on time; an open request before it is
    not overdue), and leave the rest open with a warning naming the year."""
    last_known = dt.date(year - 1, 12, 31)
    if request.answered is not None and request.answered <= last_known:
        return  # the due date is in {year} or later: an answer before it is on time
    if request.answered is None and today <= last_known:
        left = _count(calendar, today, last_known)
        if left is not None and left + 1 > settings.due_soon_days:
            return  # not overdue, not due soon: at least one 工作日 of {year} is still to come
    what = (
        f"于 {request.answered} 答复，是否逾期"
        if request.answered is not None
        else f"尚未答复，到 {today} 是否逾期"
    )
    out.add(
        GR107,
        request,
        "received",
        f"{request.label} {what}要看 {year} 年的节假日安排：答复期限数到 {year} 年，"
        f"而 {year} 年的安排未知（已知：{calendar.known_years()} 年），不会按周一至周五猜测。"
        + missing_year_advice(year),
    )


def _check_correction_notice(
    out: Findings, request: LedgerRequest, calendar: WorkdayCalendar
) -> None:
    if request.correction_notice is None or request.received is None:
        return
    try:
        limit = calendar.add(request.received, CORRECTION_NOTICE_DAYS)
    except UnknownYearError as exc:
        year = exc.year or request.received.year + 1
        if request.correction_notice.year >= year:
            out.add(
                GR107,
                request,
                "correction_notice",
                f"{request.label} 的补正通知是否超过 {CORRECTION_NOTICE_DAYS} 个工作日，要看 "
                f"{year} 年的节假日安排，而它未知。" + missing_year_advice(year),
            )
        return
    if request.correction_notice > limit:
        late = _count(calendar, request.received, request.correction_notice)
        spent = f"已过 {late} 个工作日" if late is not None else "已超过"
        out.add(
            GR106,
            request,
            "correction_notice",
            f"{request.label} 于 {request.received} 收到，{request.correction_notice} 才通知补正，"
            f"{spent}：应在收到后 {CORRECTION_NOTICE_DAYS} 个工作日内"
            f"（{limit} 前）一次性告知（条例第三十条）",
        )


def check_deadline(
    out: Findings,
    request: LedgerRequest,
    calendar: WorkdayCalendar,
    today: dt.date,
    settings: RequestSettings,
) -> None:
    """A 补正 notice sent late, an answer given late, an open request overdue or due soon.

    A due date in a known year is decided whatever ``today`` is: a request due
    2026-11-30 and open on 2027-01-05 is overdue even when 2027 is unknown. Only what
    depends on an unknown year's schedule is left open (GR107, naming the year).
    """
    dates = {"received", "correction_notice", "correction_received", "answered"}
    if request.invalid & dates:
        return  # an unreadable date was reported; a deadline from it would mislead
    label = request.label
    _check_correction_notice(out, request, calendar)
    try:
        due = due_date(request, calendar)
    except UnknownYearError as exc:
        year = exc.year or 0
        _open_due(out, request, calendar, today, year, settings)
        return
    if due is None or due.due is None:
        return
    if request.answered is not None:
        if request.answered > due.due:
            late = _count(calendar, due.due, request.answered)
            spent = (
                f"逾期 {late} 个工作日"
                if late is not None
                else f"逾期（晚 {(request.answered - due.due).days} 天；工作日数要用 "
                f"{request.answered.year} 年的节假日安排计算）"
            )
            out.add(
                GR101,
                request,
                "answered",
                f"{label} 答复{spent}：{due.basis}，应在 {due.due} 前答复，"
                f"实际 {request.answered} 答复（条例第三十三条）",
            )
        return
    if not request.open:
        return
    if today > due.due:
        out.add(
            GR102,
            request,
            "answered",
            f"{label} 尚未答复，答复期限（{due.due}）{_late_text(calendar, due.due, today)}"
            f"（{due.basis}；条例第三十三条）",
        )
        return
    left = calendar.count(today, due.due)
    if left <= settings.due_soon_days:
        when = "今天到期" if left == 0 else f"还剩 {left} 个工作日"
        out.add(
            GR103,
            request,
            "answered",
            f"{label} 尚未答复，答复期限 {due.due}，{when}（{due.basis}）",
        )
