"""``govopen requests check``: answer deadlines and 主动公开 candidates of a ledger.

The deadline of a request (《政府信息公开条例》):

* 第三十三条: 20 工作日 from receipt; with approval (是否延期) 20 more;
* 第三十一条: the clock starts on receipt (by post: on signing; the ledger's 收到日期);
* 第三十条: an unclear request gets one 补正 notice within 7 工作日, and the clock
  restarts when the completed request arrives (补正收到日期); while the applicant has
  not answered the notice the clock is stopped;
* 第三十二条/第三十三条第二款: time spent consulting a third party (征求第三方意见天数,
  in 工作日) is not counted.

So the due date is ``start + 20 (+20) + consultation days`` 工作日, counted from the
day after ``start`` (receipt, or the 补正 received), and an answer on the due date is
on time. :func:`check_ledger` is the one core call; it never prints.

Conversion candidates (第四十四条): requests naming the same catalog item, or asking
for nearly the same information (rapidfuzz ``token_set_ratio`` on character bigrams,
since Chinese has no spaces between words, against the first request of each
group), ``conversion-threshold`` times or more within ``conversion-window-days``. Requests refused, unanswerable or not processed
are not counted: only information that could be disclosed is a candidate.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.calendar.workday import UnknownYearError, WorkdayCalendar
from govopen_cli.catalog.channel import WEBSITE
from govopen_cli.catalog.config import Config
from govopen_cli.catalog.model import Catalog, Item
from govopen_cli.codes import Code
from govopen_cli.codes.gr import GR006, GR011, GR101, GR102, GR103, GR104, GR105, GR106, GR107
from govopen_cli.diagnostics import Diagnostic, Report
from govopen_cli.requests.ledger import (
    OUTCOME_SUBCATEGORIES,
    REFUSALS,
    Ledger,
    LedgerRequest,
    column_header,
    ledger_diagnostic,
    read_ledger,
)

ANSWER_DAYS = 20  # 第三十三条
EXTENSION_DAYS = 20  # 第三十三条, with approval
CORRECTION_NOTICE_DAYS = 7  # 第三十条


@dataclass(frozen=True)
class RequestSettings:
    """The ``[requests]`` table of govopen.toml."""

    conversion_threshold: int = 3
    similarity: float = 80.0
    due_soon_days: int = 5
    conversion_window_days: int = 365

    @classmethod
    def from_config(cls, config: Config) -> RequestSettings:
        """Settings from a (validated) configuration, defaults for what it leaves out."""
        table = config.requests
        default = cls()
        return cls(
            conversion_threshold=int(
                table.get("conversion-threshold", default.conversion_threshold)
            ),
            similarity=float(table.get("similarity", default.similarity)),
            due_soon_days=int(table.get("due-soon-days", default.due_soon_days)),
            conversion_window_days=int(
                table.get("conversion-window-days", default.conversion_window_days)
            ),
        )


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


@dataclass(frozen=True)
class ConversionCandidate:
    """Requests for the same information, often enough to publish it proactively."""

    requests: tuple[LedgerRequest, ...]
    item_id: str = ""
    item: Item | None = None
    draft: dict[str, Any] | None = None

    @property
    def numbers(self) -> str:
        """The request numbers, for messages."""
        return "、".join(r.number or f"第{r.row.line}行" for r in self.requests)


@dataclass(frozen=True)
class RequestCheckOptions:
    """What a requests check needs besides the ledger."""

    calendar: WorkdayCalendar
    today: dt.date
    config: Config = field(default_factory=Config)
    settings: RequestSettings = field(default_factory=RequestSettings)
    catalog_path: Path | None = None


@dataclass
class RequestCheckResult:
    """The report, the ledger as read, and the conversion candidates."""

    report: Report
    ledger: Ledger | None
    candidates: list[ConversionCandidate] = field(default_factory=list)
    catalog: Catalog | None = None
    #: The ledger file cannot be read as a table at all: the check could not run.
    unreadable: bool = False


class _Findings:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.diagnostics: list[Diagnostic] = []

    def add(self, code: Code, request: LedgerRequest, key: str, message: str) -> None:
        ref = request.at(key) if key else request.row
        self.diagnostics.append(
            ledger_diagnostic(
                self.ledger.display,
                code,
                ref,
                message,
                number=request.number,
                field_name=column_header(key) if key else "",
            )
        )


def _check_dates_not_future(out: _Findings, request: LedgerRequest, today: dt.date) -> None:
    for key, value in (
        ("received", request.received),
        ("correction_notice", request.correction_notice),
        ("correction_received", request.correction_received),
        ("answered", request.answered),
    ):
        if value is not None and value > today:
            out.add(
                GR006,
                request,
                key,
                f"{request.label} 的{column_header(key)} {value} 晚于今天（{today}）："
                "请核对年份、月份是否写错（检查另一天的情况请用 --today）",
            )


def _check_deadline(
    out: _Findings,
    request: LedgerRequest,
    calendar: WorkdayCalendar,
    today: dt.date,
    settings: RequestSettings,
) -> None:
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


def _check_ground(out: _Findings, request: LedgerRequest) -> None:
    outcome = request.outcome
    if (
        outcome is None
        or outcome.category not in REFUSALS
        or outcome.sub is not None
        or request.ground.strip()
        or "result" in request.invalid
    ):
        return
    subs = OUTCOME_SUBCATEGORIES[outcome.category]
    out.add(
        GR104,
        request,
        "result",
        f"{request.label} 的处理结果“{outcome.category}”没有写明理由（条例第三十六条），"
        f"也无法计入年度报告表：请写明是哪一种，如“{outcome.category}-{subs[0]}”"
        f"（共 {len(subs)} 种，见 docs/ledger.md），或在“理由”列写明依据",
    )


# ── conversion to 主动公开 ───────────────────────────────────────────────────

_BOILERPLATE = re.compile(
    r"申请公开|请求公开|要求公开|申请获取|申请提供|请提供|要求提供|申请查阅|公开|关于|有关|相关|全文|复印件|的"
)
_NOT_WORD = re.compile(r"[\W_]+")
MIN_SIMILAR_LENGTH = 6  # shorter contents ("土地") would match everything


def similarity_text(content: str) -> str:
    """The content as space-separated character bigrams, without request boilerplate."""
    core = _NOT_WORD.sub("", _BOILERPLATE.sub("", content))
    if len(core) < MIN_SIMILAR_LENGTH:
        return ""
    return " ".join(core[i : i + 2] for i in range(len(core) - 1))


def _eligible(request: LedgerRequest) -> bool:
    if request.received is None:
        return False
    return request.outcome is None or request.outcome.discloses


def _busiest_window(requests: list[LedgerRequest], days: int) -> list[LedgerRequest]:
    """The requests in the earliest window of ``days`` days that holds the most of them."""
    ordered = sorted(requests, key=lambda r: (r.received or dt.date.min, r.row.line))
    received = [r.received or dt.date.min for r in ordered]
    best_first, best_last = 0, -1
    first = 0
    for last, day in enumerate(received):
        while (day - received[first]).days >= days:
            first += 1
        if last - first > best_last - best_first:
            best_first, best_last = first, last
    return ordered[best_first : best_last + 1]


def find_conversion_candidates(
    requests: tuple[LedgerRequest, ...], settings: RequestSettings
) -> list[tuple[list[LedgerRequest], str]]:
    """Groups of requests for the same item or similar content, with their item id.

    Requests are taken in order of receipt. One naming a 关联事项 joins that item's
    group. One without joins the group whose first request (its representative,
    received within the window) it resembles most, at ``similarity`` or above, or
    starts a group of its own. Comparing with representatives, not with every
    member, keeps groups from drifting ("甲村方案" ~ "乙村方案" ~ "乙村规划" …) and the
    work near-linear. A group counts when ``conversion_threshold`` of its requests
    fall within ``conversion_window_days``.
    """
    from rapidfuzz import fuzz, process

    pool = sorted(
        (r for r in requests if _eligible(r)),
        key=lambda r: (r.received or dt.date.min, r.row.line),
    )
    span = dt.timedelta(days=settings.conversion_window_days)
    groups: list[list[LedgerRequest]] = []
    by_item: dict[str, int] = {}
    rep_texts: list[str] = []
    rep_days: list[dt.date] = []
    rep_groups: list[int] = []

    def start_group(request: LedgerRequest, text: str) -> int:
        groups.append([request])
        if text:
            rep_texts.append(text)
            rep_days.append(request.received or dt.date.min)
            rep_groups.append(len(groups) - 1)
        return len(groups) - 1

    for request in pool:
        item = request.item.strip()
        text = similarity_text(request.content)
        if item:
            if item in by_item:
                groups[by_item[item]].append(request)
            else:
                by_item[item] = start_group(request, text)
            continue
        if text:
            received = request.received or dt.date.min
            first = bisect.bisect_right(rep_days, received - span)
            best = process.extractOne(
                text,
                rep_texts[first:],
                scorer=fuzz.token_set_ratio,
                score_cutoff=settings.similarity,
            )
            if best is not None:
                groups[rep_groups[first + best[2]]].append(request)
                continue
        start_group(request, text)
    found = []
    for group in groups:
        if len(group) < settings.conversion_threshold:
            continue
        window = _busiest_window(group, settings.conversion_window_days)
        if len(window) < settings.conversion_threshold:
            continue
        items = Counter(r.item.strip() for r in window if r.item.strip())
        item_id = min(items, key=lambda k: (-items[k], k)) if items else ""
        found.append((window, item_id))
    found.sort(key=lambda pair: (pair[0][0].received or dt.date.min, pair[0][0].row.line))
    return found


_LEADING_BOILERPLATE = re.compile(
    r"^(申请公开|请求公开|要求公开|申请获取|申请提供|请提供|申请查阅|关于)"
)


def requested_information(content: str) -> str:
    """The 申请内容 without its leading "申请公开", on one line."""
    core = _LEADING_BOILERPLATE.sub("", content.strip())
    return " ".join(core.split()).strip("：:，,。")


def _title(content: str) -> str:
    core = requested_information(content)
    return core if len(core) <= 30 else core[:30] + "…"


def draft_item(
    window: list[LedgerRequest], number: int, agency: str | None, level: str | None
) -> dict[str, Any]:
    """A catalog item to fill in, for information asked for again and again."""
    first = window[0]
    dates = [r.received for r in window if r.received is not None]
    numbers = "、".join(r.number for r in window if r.number)
    return {
        "id": f"DRAFT-{number:03d}",
        "matter": ["待定", _title(first.content) or "待定"],
        "content": [requested_information(first.content) or "待定"],
        "basis": ["《中华人民共和国政府信息公开条例》第四十四条"],
        "deadline": "自信息形成或者变更之日起20个工作日内",
        "owner": agency or "待定",
        "channels": [WEBSITE],
        "audience": "全社会",
        "mode": "主动",
        "levels": [level or "待定"],
        "note": f"依申请转主动公开：{min(dates)}—{max(dates)} 收到相同或相近的申请 "
        f"{len(window)} 件（{numbers}）。编号、事项分类、依据、时限请按目录规则改写",
    }


def _flow(data: dict[str, Any]) -> str:
    import yaml

    text: str = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_flow_style=True, width=100_000
    )
    return text.strip()


def _conversion(
    out: _Findings,
    ledger: Ledger,
    catalog: Catalog | None,
    settings: RequestSettings,
) -> list[ConversionCandidate]:
    candidates = []
    agency = ledger.agency or (catalog.agency if catalog is not None else None)
    level = catalog.level if catalog is not None else None
    drafts = 0
    for window, item_id in find_conversion_candidates(ledger.requests, settings):
        first = window[0]
        count = f"{len(window)} 件申请（{'、'.join(r.number or r.label for r in window)}）"
        item = catalog.item(item_id) if catalog is not None and item_id else None
        span = f"{first.received}—{window[-1].received}"
        if item is not None:
            matter = " / ".join(item.matter)
            if "主动" in item.mode:
                message = (
                    f"{span} 有 {count}都涉及目录事项 {item.id}「{matter}」，该事项已列为主动公开："
                    "请核对是否已按时公开、公开位置是否便于查找，并在答复中告知获取途径"
                    "（条例第三十六条第一项）"
                )
                candidate = ConversionCandidate(tuple(window), item_id, item)
            else:
                message = (
                    f"{span} 有 {count}都涉及目录事项 {item.id}「{matter}」，该事项目前只依申请公开："
                    "可纳入主动公开（条例第四十四条），在目录中改为 mode: [主动, 依申请]"
                )
                data = item.to_data()
                data["mode"] = ["主动", "依申请"]
                candidate = ConversionCandidate(tuple(window), item_id, item, data)
        elif item_id and catalog is None:
            message = (
                f"{span} 有 {count}都涉及关联事项 {item_id}：可纳入主动公开（条例第四十四条）。"
                "用 --catalog 指定目录，可核对该事项现在的公开方式"
            )
            candidate = ConversionCandidate(tuple(window), item_id)
        else:
            drafts += 1
            data = draft_item(window, drafts, agency, level)
            missing = f"关联事项 {item_id} 不在目录中，" if item_id else "目录中没有对应事项，"
            message = (
                f"{span} 有 {count}所申请的信息相同或相近（“{_title(first.content)}”），{missing}"
                f"可纳入主动公开（条例第四十四条）。草拟事项：{_flow(data)}"
            )
            candidate = ConversionCandidate(tuple(window), item_id, None, data)
        key = "item" if item_id else "content"
        out.add(GR105, first, key, message)
        candidates.append(candidate)
    return candidates


def drafts_yaml(candidates: list[ConversionCandidate]) -> str:
    """The draft and changed items of the candidates, as a YAML ``items:`` list to paste."""
    import yaml

    items = [c.draft for c in candidates if c.draft is not None]
    header = (
        "# govopen requests check 生成：依申请转主动公开的候选事项。\n"
        "# DRAFT- 开头的是草拟的新事项：编号、事项分类、公开依据、时限、层级请按目录规则改写；\n"
        "# 其余是目录中已有、建议改为 mode: [主动, 依申请] 的事项。核对后再并入目录的 items。\n"
    )
    if not items:
        return header + "items: []\n"
    body: str = yaml.safe_dump({"items": items}, allow_unicode=True, sort_keys=False, width=100_000)
    return header + body


def check_ledger(
    path: Path, options: RequestCheckOptions, display: str | None = None
) -> RequestCheckResult:
    """Read and check one ledger: the core of ``govopen requests check``.

    Problems are diagnostics in the returned report; this raises only for what stops
    the run (a catalog path that does not exist is checked by the caller).
    """
    from govopen_cli.catalog.config import apply_config
    from govopen_cli.catalog.files import display_path, load_file

    shown = display if display is not None else display_path(path)
    result = read_ledger(path, shown)
    report = Report(title="govopen requests check")
    report.files.append(shown)
    report.extend(result.diagnostics)
    catalog = None
    if options.catalog_path is not None:
        loaded = load_file(options.catalog_path, "catalog")
        report.files.append(loaded.display)
        catalog = loaded.catalog
        if catalog is None:
            report.extend(loaded.diagnostics)
    ledger = result.ledger
    candidates: list[ConversionCandidate] = []
    if ledger is not None:
        out = _Findings(ledger)
        for request in ledger.requests:
            _check_dates_not_future(out, request, options.today)
            _check_deadline(out, request, options.calendar, options.today, options.settings)
            _check_ground(out, request)
            item_id = request.item.strip()
            if catalog is not None and item_id and catalog.item(item_id) is None:
                out.add(
                    GR011,
                    request,
                    "item",
                    f"{request.label} 的关联事项 {item_id} 在目录 "
                    f"{catalog.display}（{catalog.id}）中不存在",
                )
        candidates = _conversion(out, ledger, catalog, options.settings)
        report.extend(out.diagnostics)
    report.diagnostics = apply_config(report.diagnostics, options.config)
    return RequestCheckResult(report, ledger, candidates, catalog, result.unreadable)
