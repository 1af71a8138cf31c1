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


def check_deadline(
    out: Findings,
    request: LedgerRequest,
    calendar: WorkdayCalendar,
    today: dt.date,
    settings: RequestSettings,
) -> None:
    """A 补正 notice sent late, an answer given late, an open request overdue or due soon."""
    dates = {"received", "correction_notice", "correction_received", "answered"}
    if request.invalid & dates:
        return  # an unreadable date was reported; a deadline from it would mislead
    label = request.label
    try:
        if request.correction_notice is not None and request.received is not None:
            late = calendar.count(request.received, request.correction_notice)
            if late > CORRECTION_NOTICE_DAYS:
                limit = calendar.add(request.received, CORRECTION_NOTICE_DAYS)
                out.add(
                    GR106,
                    request,
                    "correction_notice",
                    f"{label} 于 {request.received} 收到，{request.correction_notice} 才通知补正，"
                    f"已过 {late} 个工作日：应在收到后 {CORRECTION_NOTICE_DAYS} 个工作日内"
                    f"（{limit} 前）一次性告知（条例第三十条）",
                )
        due = due_date(request, calendar)
        if due is None or due.due is None:
            return
        if request.answered is not None:
            if request.answered > due.due:
                late = calendar.count(due.due, request.answered)
                out.add(
                    GR101,
                    request,
                    "answered",
                    f"{label} 答复逾期 {late} 个工作日：{due.basis}，应在 {due.due} 前答复，"
                    f"实际 {request.answered} 答复（条例第三十三条）",
                )
            return
        if not request.open:
            return
        if today > due.due:
            late = calendar.count(due.due, today)
            out.add(
                GR102,
                request,
                "answered",
                f"{label} 尚未答复，答复期限（{due.due}）已过 {late} 个工作日（{due.basis}；"
                "条例第三十三条）",
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
    except UnknownYearError as exc:
        year = exc.year or 0
        out.add(
            GR107,
            request,
            "received",
            f"{label} 的期限要数到 {year} 年，但不知道 {year} 年的节假日安排"
            f"（已知：{calendar.known_years()} 年）：请在 govopen.toml 的 holidays 中指定该年的"
            "节假日文件（docs/workdays.md），不会按周一至周五猜测",
        )
