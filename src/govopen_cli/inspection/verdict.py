"""The verdict on one item of a filled-in 检查表, as pure data: its status, reasons, lateness.

An item's result, from its row:

* 是否公开 = 不适用: outside the compliance rate; empty: 未检查, unless another
  dropdown says 否: the item was checked, and is 不合格 for that 否 (GI103 notes
  the blank 是否公开 at its cell).
* 是否公开 = 否: 不合格 (GI102).
* 是否公开 = 是: 合格, unless it was late, 要素是否完整 = 否 or 渠道是否符合 = 否.
* Free text in a dropdown column (渠道是否符合 = 基本符合, GI001) is no answer: an
  item that is not 不合格 for another reason is 待核实, counted with the checked
  items but never as 合格.

Late (逾期) is what the dates show: when the item's 公开时限 states a count
(publishing_limit), the deadline is that many 工作日 (State Council schedule with
调休 make-up days) or 自然日 after 信息形成日期, and a 公开日期 after it is late
(GI101). 是否及时 = 否 makes the item 不合格 (不及时) too, but is not 逾期 unless the
dates say so: such items are listed apart (:attr:`.result.InspectionResult.ticked_untimely`),
and a tick the dates contradict is reported (GI104). 汇总's live formulas count the
ticks only.

No workbook here: the reader of the sheet fills an :class:`ItemResult` with what the
row says and passes a :data:`Report` that places each finding at the cell of a column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from govopen_cli.calendar.workday import UnknownYearError, WorkdayCalendar
from govopen_cli.catalog.deadline import publishing_limit
from govopen_cli.catalog.model import Item
from govopen_cli.codes.gi import GI001, GI009, GI012, GI101, GI102, GI103, GI104, GI105
from govopen_cli.inspection.result import (
    ANSWERS,
    FAILED,
    NOT_APPLICABLE,
    PASSED,
    QUESTIONS,
    TO_VERIFY,
    UNCHECKED,
    ItemResult,
)

#: ``report(code, message, key)``: a finding about the item's row, at the cell of the
#: column that holds :class:`ItemResult` field ``key`` (the 事项编号 cell when the sheet
#: has no such column).
Report = Callable[[str, str, str], None]


def answer(res: ItemResult, key: str, raw: str, report: Report) -> str | None:
    """What the dropdown cell of question ``key`` answers: 是, 否, 不适用 or None (empty).

    Free text is no answer: it is kept in ``res.unclear`` and reported (GI001).
    """
    if not raw:
        return None
    value = raw.strip()
    if value in ANSWERS:
        return value
    res.unclear.append((QUESTIONS[key], raw))
    report(
        GI001.code,
        f"{QUESTIONS[key]}填的是“{raw}”，不是下拉选项（是、否、不适用）：不算作回答，"
        f"这一事项不计为合格（没有其他问题时按“{TO_VERIFY}”计）；请从下拉列表选择，说明写在“问题描述”",
        key,
    )
    return None


def responsible_unit(res: ItemResult, item: Item) -> None:
    """Who fixes the item: the 整改责任处室 the row names, else the catalog's 责任科室."""
    if not res.unit and item.department:
        res.unit, res.unit_from_catalog = item.department, True


def judge(
    res: ItemResult,
    item: Item,
    calendar: WorkdayCalendar,
    today: dt.date,
    report: Report,
) -> None:
    """Give ``res`` (what the row says) its lateness, reasons and status.

    Reports dates out of order (GI009), a year the calendar does not know (GI012) and
    what the inspection found (GI101–GI105).
    """
    if res.formed and res.published_on and res.published_on < res.formed:
        report(
            GI009.code,
            f"公开日期 {res.published_on} 早于信息形成日期 {res.formed}，请核对",
            "published_on",
        )
    _lateness(res, item, calendar, report)
    _status(res, item, today, report)


def _lateness(
    res: ItemResult,
    item: Item,
    calendar: WorkdayCalendar,
    report: Report,
) -> None:
    limit = publishing_limit(item.deadline)
    if limit is None:
        return
    res.limit = f"{limit.days}个{limit.unit}"
    if res.formed is None:
        return
    try:
        if limit.unit == "工作日":
            res.due = calendar.add(res.formed, limit.days)
        else:
            res.due = res.formed + dt.timedelta(days=limit.days)
        if res.published_on is not None:
            if limit.unit == "工作日":
                res.late_by = calendar.count(res.due, res.published_on)
            else:
                res.late_by = (res.published_on - res.due).days
            res.late_unit = limit.unit
    except UnknownYearError as exc:
        res.due = None
        report(GI012.code, f"无法核对是否逾期：{exc}", "formed")


def _status(
    res: ItemResult,
    item: Item,
    today: dt.date,
    report: Report,
) -> None:
    label = f"{item.id}（{'/'.join(item.matter)}）"
    answered_no = [k for k in ("timely", "complete", "channels_ok") if getattr(res, k) == "否"]
    if res.published is None and not res.unclear and not answered_no:
        res.status = UNCHECKED
        return
    published_free_text = any(c == QUESTIONS["published"] for c, _ in res.unclear)
    if res.published is None and answered_no and not published_free_text:
        # An inspector who ticked 否 in another column has checked the item: it is
        # 不合格 for that 否 (below), and the blank 是否公开 is worth a word.
        names = "、".join(QUESTIONS[k] for k in answered_no)
        report(
            GI103.code,
            f"{label} 是否公开未填写，但{names}为“否”：按已检查、不合格计；请补填是否公开",
            "published",
        )
    if res.published == "不适用":
        res.status = NOT_APPLICABLE
        return
    if res.published == "否":
        res.reasons.append("未公开")
        overdue = ""
        if res.due is not None and today > res.due:
            overdue = f"；应于 {res.due} 前公开（{res.limit}），已过期"
        report(
            GI102.code,
            f"{label} 未公开{overdue}" + _who(res),
            "published",
        )
    else:
        dates_late = res.late_by is not None and res.late_by > 0
        if dates_late:
            res.reasons.append(f"逾期 {res.late_by} 个{res.late_unit}")
            report(
                GI101.code,
                f"{label} 信息形成于 {res.formed}，按“{item.deadline.text}”（{res.limit}）"
                f"应于 {res.due} 前公开，实际 {res.published_on} 公开，逾期 {res.late_by} 个{res.late_unit}"
                + _who(res),
                "published_on",
            )
            if res.timely == "是":
                report(
                    GI104.code,
                    f"是否及时填的是“是”，但按日期逾期 {res.late_by} 个{res.late_unit}：按逾期计，请核对",
                    "timely",
                )
        elif res.timely == "否":
            res.reasons.append("不及时")
            if res.late_by is not None:
                report(
                    GI104.code,
                    f"是否及时填的是“否”，但按日期在时限内（应于 {res.due} 前，实际 {res.published_on}）："
                    "按不及时计，请核对",
                    "timely",
                )
        for key, reason in (("complete", "要素不完整"), ("channels_ok", "渠道不符合")):
            if getattr(res, key) == "否":
                res.reasons.append(reason)
        marked = [
            k
            for k in ("timely", "complete", "channels_ok")
            if getattr(res, k) == "否" and not (k == "timely" and res.late_by and res.late_by > 0)
        ]
        if marked:
            names = "、".join(QUESTIONS[k] for k in marked)
            report(
                GI103.code,
                f"{label} {names}为“否”" + _who(res),
                marked[0],  # the cell that says 否
            )
    if res.reasons:
        res.status = FAILED
    elif res.unclear or res.published is None:
        res.status = TO_VERIFY
    else:
        res.status = PASSED
    if res.status == FAILED and res.fix_by is not None and res.fix_by < today:
        report(
            GI105.code,
            f"{label} 整改期限 {res.fix_by} 已过（今天 {today}），请核实整改情况",
            "fix_by",
        )


def _who(res: ItemResult) -> str:
    if not res.unit:
        return ""
    source = "（目录中的责任科室）" if res.unit_from_catalog else ""
    return f"；整改责任处室：{res.unit}{source}"
