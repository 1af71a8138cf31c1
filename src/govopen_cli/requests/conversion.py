"""Conversion candidates (第四十四条): information asked for often enough to publish it.

Requests naming the same catalog item, or asking for nearly the same information
(rapidfuzz ``token_set_ratio`` on character bigrams, since Chinese has no spaces
between words, against the first request of each group), ``conversion-threshold``
times or more within ``conversion-window-days``. Requests refused, unanswerable or
not processed are not counted: only information that could be disclosed is a
candidate. A candidate without a catalog item gets a draft item to fill in.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from govopen_cli.catalog.channel import WEBSITE
from govopen_cli.catalog.model import Catalog, Item
from govopen_cli.codes.gr import GR105
from govopen_cli.requests.finding import Findings
from govopen_cli.requests.ledger import Ledger
from govopen_cli.requests.ledger_request import LedgerRequest
from govopen_cli.requests.settings import RequestSettings


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


def applicant_key(request: LedgerRequest) -> str:
    """Who asked, for counting 多个申请人 (第四十四条): the 申请人 column with spaces and
    brackets removed, or the request itself when the name is not recorded."""
    name = _NOT_WORD.sub("", request.applicant_name)
    return f"申请人:{name}" if name else f"申请:{request.row.line}"


def applicant_count(requests: list[LedgerRequest] | tuple[LedgerRequest, ...]) -> int:
    """How many different applicants asked (each unnamed request counts as one)."""
    return len({applicant_key(r) for r in requests})


def _busiest_window(requests: list[LedgerRequest], days: int) -> list[LedgerRequest]:
    """The requests in the earliest window of ``days`` days with the most different applicants."""
    ordered = sorted(requests, key=lambda r: (r.received or dt.date.min, r.row.line))
    received = [r.received or dt.date.min for r in ordered]
    keys = [applicant_key(r) for r in ordered]
    seen: Counter[str] = Counter()
    best_first, best_last, best = 0, -1, 0
    first = 0
    for last, day in enumerate(received):
        seen[keys[last]] += 1
        while (day - received[first]).days >= days:
            seen[keys[first]] -= 1
            if not seen[keys[first]]:
                del seen[keys[first]]
            first += 1
        if len(seen) > best:
            best_first, best_last, best = first, last, len(seen)
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
        if applicant_count(group) < settings.conversion_threshold:
            continue
        window = _busiest_window(group, settings.conversion_window_days)
        if applicant_count(window) < settings.conversion_threshold:
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


def check_conversion(
    out: Findings,
    ledger: Ledger,
    catalog: Catalog | None,
    settings: RequestSettings,
) -> list[ConversionCandidate]:
    """The conversion candidates of ``ledger``, each reported at its first request.

    A candidate whose item is in ``catalog`` says whether it is published already; one
    without gets a draft item (``DRAFT-001`` …) to fill in and paste into the catalog.
    The message says what was counted: different applicants by the 申请人 column, or
    requests when the ledger has no names.
    """
    candidates = []
    agency = ledger.agency or (catalog.agency if catalog is not None else None)
    level = catalog.level if catalog is not None else None
    drafts = 0
    for window, item_id in find_conversion_candidates(ledger.requests, settings):
        first = window[0]
        numbers = "、".join(r.number or r.label for r in window)
        people = applicant_count(window)
        if not ledger.has_applicant_names:
            count = f"{len(window)} 件申请（{numbers}；台账没有“申请人”列，按申请件数计）"
        elif people == len(window):
            count = f"{people} 位申请人的 {len(window)} 件申请（{numbers}）"
        else:
            count = (
                f"{people} 位申请人的 {len(window)} 件申请（{numbers}；同一申请人多次申请只计一位）"
            )
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
