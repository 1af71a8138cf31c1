"""The workbook layout: sheet names, columns, header names and their variants, marks and ticks.

One source of truth for the sheets of the export (:mod:`.catalog_sheet`,
:mod:`.inspection_sheet`, which write these headers) and for :mod:`.table_header` /
:mod:`.inspection` (which find them again, in any order and under the spellings real
tables use). The 检查表's dropdown questions are the inspection's own
(:data:`govopen_cli.inspection.result.QUESTIONS`). No openpyxl here: plain data and
text functions.

The 目录 sheet follows the official 标准目录 table (two header rows)::

    序号 | 公开事项(一级事项 二级事项 [三级事项]) | 公开内容（要素） | 公开依据 | 公开时限 | 公开主体
         | 公开渠道和载体 | 公开对象(全社会 特定群体) | 公开方式(主动 依申请) | 公开层级(县级 乡级 …)
         | [local columns: 五公开类别 责任科室 特定群体说明 公开网址 时限天数 对应三定职责
            需政策解读 规则豁免 备注] | 事项编号

Local columns are written only when some item uses the field, so a plain catalog
prints as the plain official table; 事项编号 is always written (it is what makes
the table read back into the same catalog).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from govopen_cli.catalog.channel import OFFICIAL_CHANNELS
from govopen_cli.catalog.model import LEVELS
from govopen_cli.inspection.result import QUESTIONS

SHEET_CATALOG = "目录"
SHEET_INSPECTION = "检查表"
SHEET_COVERAGE = "覆盖情况"
SHEET_FINDINGS = "问题清单"
SHEET_SUMMARY = "汇总"
SHEET_ABOUT = "说明"
EXPORT_SHEETS = (
    SHEET_CATALOG,
    SHEET_INSPECTION,
    SHEET_COVERAGE,
    SHEET_FINDINGS,
    SHEET_SUMMARY,
    SHEET_ABOUT,
)

TICK = "√"
#: Cell texts read as a tick.
TICKS = frozenset({"√", "✓", "✔", "☑", "✅", "v", "V", "是", "Y", "y", "●"})
#: Cell texts read as "not ticked" without comment.
NO_TICKS = frozenset({"×", "✗", "✘", "x", "X", "否", "无", "/", "-", "—", "－", "－－", "——"})

#: Channel mark symbols, official ones first.
MARK_OF_SYMBOL = {"■": "必选", "□": "可选", "▲": "择一"}
#: Look-alikes met in OCR'd tables and some fonts, read as the official mark.
LOOKALIKE_MARKS = {"口": "□", "☐": "□", "◻": "□", "▢": "□", "◼": "■", "▪": "■", "△": "▲"}

#: The 13 channels of the official tables and the variants met in real ones: one list
#: for the whole tool, kept in :mod:`govopen_cli.catalog.channel`.
CHANNELS = OFFICIAL_CHANNELS

#: Column kinds, which say how a cell is written and read.
#: text: one line (line breaks joined) · lines: kept as written · content/basis/channels:
#: lists · tick: √ in a column of a group · choice: a group's values written out in one
#: column ("主动、依申请") · seq: 序号 · id: 事项编号.


@dataclass(frozen=True)
class Column:
    """One column of a sheet: what it holds, its header, and the names it goes by."""

    key: str
    header: str
    width: float
    kind: str = "text"
    group: str | None = None
    aliases: tuple[str, ...] = ()
    #: For tick columns: the value a tick stands for (全社会, 主动, 县级 …).
    value: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this column is found by."""
        return (self.header, *self.aliases)


def _tick(field: str, value: str, group: str, aliases: tuple[str, ...] = ()) -> Column:
    return Column(f"{field}:{value}", value, 5, "tick", group, aliases, value)


_LEVEL_ALIASES = {
    "省级": ("省", "省级部门"),
    "市级": ("市", "市(州)级", "设区市级", "地市级"),
    "县级": ("县", "县(区)级", "县(市、区)级", "区县级", "县区级", "县(市)级"),
    "乡级": (
        "乡",
        "乡镇级",
        "镇街级",
        "镇(街)级",
        "乡镇街道级",
        "街道级",
        "乡镇",
        "乡(镇)级",
        "乡镇(街道)级",
        "乡镇(街道)",
        "镇级",
    ),
    "村级": ("村", "村(社区)级", "村(居)级", "村居级"),
}

SEQ = Column("seq", "序号", 5, "seq", aliases=("序", "编码序号"))
ITEM_ID = Column("id", "事项编号", 10, "id", aliases=("编号", "事项代码", "目录编号", "事项id"))
MATTER_GROUP = "公开事项"
MATTER1 = Column("matter1", "一级事项", 10, group=MATTER_GROUP, aliases=("一级", "一级目录"))
MATTER2 = Column("matter2", "二级事项", 12, group=MATTER_GROUP, aliases=("二级", "二级目录"))
MATTER3 = Column("matter3", "三级事项", 12, group=MATTER_GROUP, aliases=("三级", "三级目录"))
CONTENT = Column(
    "content",
    "公开内容（要素）",
    32,
    "content",
    aliases=("公开内容", "公开要素", "公开内容要素", "内容", "公开的内容"),
)
BASIS = Column("basis", "公开依据", 28, "basis", aliases=("依据", "法律依据", "公开依据(文件)"))
DEADLINE = Column("deadline", "公开时限", 14, aliases=("时限", "公开时间要求", "公开期限"))
OWNER = Column("owner", "公开主体", 10, aliases=("责任主体", "公开责任主体", "主体"))
CHANNELS_COL = Column(
    "channels",
    "公开渠道和载体",
    18,
    "channels",
    aliases=("公开渠道", "公开载体", "公开渠道及载体", "渠道和载体", "公开渠道与载体", "渠道"),
)
AUDIENCE_GROUP = "公开对象"
MODE_GROUP = "公开方式"
LEVEL_GROUP = "公开层级"
AUDIENCE_TICKS = (
    _tick("audience", "全社会", AUDIENCE_GROUP, ("社会公众", "全社会公开")),
    _tick("audience", "特定群体", AUDIENCE_GROUP, ("特定群众", "特定对象", "特定人群")),
)
MODE_TICKS = (
    _tick("mode", "主动", MODE_GROUP, ("主动公开",)),
    _tick("mode", "依申请", MODE_GROUP, ("依申请公开",)),
)
LEVEL_TICKS = tuple(_tick("levels", lv, LEVEL_GROUP, _LEVEL_ALIASES[lv]) for lv in LEVELS)
#: One column for two levels, met in real tables ("乡、村级"): a tick stands for both.
#: Read only; the export writes a column per level.
LEVEL_TOWN_VILLAGE = Column(
    "levels:乡级、村级",
    "乡、村级",
    5,
    "tick",
    LEVEL_GROUP,
    ("乡村级", "乡(镇)、村级", "乡镇、村级", "乡镇(街道)、村(社区)级", "镇、村级"),
    "乡级、村级",
)
#: A group written as one column of words ("主动、依申请") rather than ticks.
AUDIENCE_CHOICE = Column("audience", AUDIENCE_GROUP, 10, "choice", aliases=("对象",))
MODE_CHOICE = Column("mode", MODE_GROUP, 10, "choice", aliases=("公开形式",))
LEVEL_CHOICE = Column("levels", LEVEL_GROUP, 10, "choice", aliases=("层级",))

STAGE = Column("stage", "五公开类别", 7, aliases=("五公开", "公开类别", "五公开分类", "五公开属性"))
DEPARTMENT = Column(
    "department",
    "责任科室",
    10,
    aliases=("责任股室", "责任处室", "承办科室", "承办股室", "承办处室", "责任部门", "牵头科室"),
)
AUDIENCE_NOTE = Column("audience_note", "特定群体说明", 14, "lines", aliases=("特定群体范围",))
URL = Column("url", "公开网址", 22, "url", aliases=("网址", "公开链接", "链接", "网站地址"))
DEADLINE_COUNT = Column("deadline_count", "时限天数", 8, aliases=("时限(天数)", "时限工作日数"))
DUTIES = Column("duties", "对应三定职责", 8, "duties", aliases=("三定职责", "对应职责", "职责编号"))
INTERPRETATION = Column(
    "interpretation", "需政策解读", 6, "tick", aliases=("政策解读", "是否需要解读"), value="是"
)
WAIVERS = Column("waivers", "规则豁免", 20, "lines", aliases=("豁免",))
NOTE = Column("note", "备注", 16, "lines", aliases=("说明", "备注说明"))

#: Every column the reader knows, in the order the writer lays them out.
CATALOG_COLUMNS = (
    SEQ,
    MATTER1,
    MATTER2,
    MATTER3,
    CONTENT,
    BASIS,
    DEADLINE,
    OWNER,
    CHANNELS_COL,
    *AUDIENCE_TICKS,
    *MODE_TICKS,
    *LEVEL_TICKS,
    LEVEL_TOWN_VILLAGE,
    STAGE,
    DEPARTMENT,
    AUDIENCE_NOTE,
    URL,
    DEADLINE_COUNT,
    DUTIES,
    INTERPRETATION,
    WAIVERS,
    NOTE,
    ITEM_ID,
)
GROUP_CHOICES = (AUDIENCE_CHOICE, MODE_CHOICE, LEVEL_CHOICE)
GROUPS = (MATTER_GROUP, AUDIENCE_GROUP, MODE_GROUP, LEVEL_GROUP)

#: Local columns met in real tables that the catalog format has no field for.
NOT_CARRIED = ("网站所属栏目", "公开时长", "所属栏目", "栏目名称", "更新频率", "公开形式")


@dataclass(frozen=True)
class CatalogFeatures:
    """Which optional columns a catalog needs."""

    matter3: bool = False
    levels: tuple[str, ...] = ("县级", "乡级")
    stage: bool = False
    department: bool = False
    audience_note: bool = False
    url: bool = False
    deadline_count: bool = False
    duties: bool = False
    interpretation: bool = False
    waivers: bool = False
    note: bool = False


def catalog_columns(features: CatalogFeatures) -> list[Column]:
    """The 目录 sheet's columns for a catalog, left to right."""
    wanted = {
        "matter3": features.matter3,
        "stage": features.stage,
        "department": features.department,
        "audience_note": features.audience_note,
        "url": features.url,
        "deadline_count": features.deadline_count,
        "duties": features.duties,
        "interpretation": features.interpretation,
        "waivers": features.waivers,
        "note": features.note,
    }
    columns = []
    for col in CATALOG_COLUMNS:
        if col.key in wanted and not wanted[col.key]:
            continue
        if col.key.startswith("levels:") and col.value not in features.levels:
            continue
        columns.append(col)
    return columns


# ── 检查表 ──────────────────────────────────────────────────────────────────

INSPECTION_COLUMNS = (
    Column("seq", "序号", 5, "seq"),
    Column("id", "事项编号", 10, "id", aliases=("编号", "事项代码")),
    Column("matter1", "一级事项", 12, aliases=("一级",)),
    Column("matter", "公开事项", 18, aliases=("二级事项", "事项名称")),
    Column("mode", "公开方式", 8),
    Column("deadline", "公开时限", 16, aliases=("时限",)),
    Column("department", "责任科室", 10, aliases=("责任股室",)),
    Column("published", QUESTIONS["published"], 7, "dropdown", aliases=("已公开", "公开情况")),
    Column("timely", QUESTIONS["timely"], 7, "dropdown", aliases=("及时性", "是否按时")),
    Column("complete", QUESTIONS["complete"], 8, "dropdown", aliases=("内容是否完整", "要素完整")),
    Column(
        "channels_ok", QUESTIONS["channels_ok"], 8, "dropdown", aliases=("渠道是否正确", "渠道符合")
    ),
    Column("formed", "信息形成日期", 12, "date", aliases=("形成日期", "信息形成(变更)日期")),
    Column("published_on", "公开日期", 12, "date", aliases=("发布日期", "实际公开日期")),
    Column("evidence", "证据链接", 24, aliases=("证据", "证据(链接、截图)", "链接")),
    Column("problem", "问题描述", 24, "lines", aliases=("存在问题", "问题")),
    Column("unit", "整改责任处室", 12, aliases=("整改责任科室", "整改责任单位", "整改单位")),
    Column("fix_by", "整改期限", 12, "date", aliases=("整改时限",)),
)


def inspection_column(key: str) -> Column:
    """The 检查表 column with this key."""
    for col in INSPECTION_COLUMNS:
        if col.key == key:
            return col
    raise KeyError(key)


# ── 说明 ────────────────────────────────────────────────────────────────────

#: 说明 sheet keys for the catalog header, so an exported workbook reads back whole.
ABOUT_HEADER_KEYS = {
    "目录标识": "id",
    "目录名称": "title",
    "制定机关": "agency",
    "年度": "year",
    "印发文号": "document_no",
    "机关层级": "level",
    "三定映射": "duties",
}
ABOUT_TOOL = "生成工具"
ABOUT_CATALOG_FILE = "目录文件"


# ── text normalisation ─────────────────────────────────────────────────────

_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"\([^)]*\)")


def fold(text: str) -> str:
    """Full-width to half-width (NFKC), no whitespace: for matching names, never for output."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def header_key(text: str) -> str:
    """A header cell as a lookup key: folded, lower-case ASCII."""
    return fold(text).lower()


def _header_index() -> dict[str, Column]:
    index: dict[str, Column] = {}
    for col in (*CATALOG_COLUMNS, *GROUP_CHOICES):
        for name in col.names:
            index.setdefault(header_key(name), col)
    return index


HEADER_INDEX = _header_index()
GROUP_KEYS = {header_key(g): g for g in GROUPS}


def find_column(name: str) -> Column | None:
    """The catalog column a header cell names, or None."""
    key = header_key(name)
    if not key:
        return None
    candidates = [key]
    stripped = _PAREN.sub("", key)
    if stripped and stripped != key:
        candidates.append(stripped)
    for cand in candidates:
        if cand in HEADER_INDEX:
            return HEADER_INDEX[cand]
    for cand in candidates:
        # 公开依据（法律法规名称）, 公开内容及标准 …: a known name followed by more words
        for col in (CONTENT, BASIS, DEADLINE, OWNER, CHANNELS_COL):
            if cand.startswith(header_key(col.header).split("(")[0]):
                return col
    return None


def is_not_carried(name: str) -> bool:
    """A local column the catalog format has no field for (公开时长, 网站所属栏目 …)."""
    key = header_key(name)
    return any(key.startswith(header_key(n)) for n in NOT_CARRIED)


def numbered(elements: list[str] | tuple[str, ...]) -> str:
    """Elements as the numbered lines of a 公开内容 cell: ``1.…`` one per line."""
    return "\n".join(f"{n}.{text}" for n, text in enumerate(elements, 1))
