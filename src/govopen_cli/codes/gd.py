"""The GD family: the codes ``govopen diff`` classifies changes with.

:mod:`govopen_cli.diff.compare` assigns them while it compares two catalogs. GD0xx inputs
the diff cannot use · GD1xx items added, removed, renamed, moved · GD2xx fields of an
item · GD3xx 三定 duties · GD4xx the catalog header.

The severity defined is the highest a code reports; GD102 is reported as info when the
removed item was not 主动公开.
"""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GD001 = define(
    "GD001",
    "diff-duplicate-id",
    Severity.ERROR,
    """检查：要对比的目录中有两个事项编号相同，无法按编号配对新旧事项，对比不会进行。

    依据：目录文件格式：事项 id 在文件内唯一，且跨年度保持不变（对比按它配对）。

    错误示例：两个事项都写 `id: ZD-002`。

    修改：先用 govopen check 修正，给其中一个事项换一个新编号。
    """,
    summary="事项编号重复，无法对比",
)

GD101 = define(
    "GD101",
    "item-added",
    Severity.INFO,
    """检查：新目录中出现了旧目录没有的事项（按编号，且不是改名）。

    依据：《中华人民共和国政府信息公开条例》第十二条：行政机关编制、公布的政府信息公开目录应当及时更新。新增事项是目录更新的正常结果。

    错误示例：2025 年版新增 `id: BDC-011`（不动产登记信息查询）。

    修改：无需修改；确认新增事项的依据、时限和渠道已按规定填写。
    """,
    summary="新增事项",
)

GD102 = define(
    "GD102",
    "item-removed",
    Severity.WARNING,
    """检查：旧目录中的事项在新目录中没有了（按编号，且不是改名）。原事项为主动公开时是警告，否则是提示。

    依据：《政府信息公开条例》第十九条、第二十条：应当主动公开的信息不能因修订目录而不再公开；删除须有依据（职责划出、法规废止）。

    错误示例：2024 年版的 `id: GK-003`（主动公开）在 2025 年版中找不到。

    修改：确认删除的理由（职责划转、依据废止）并在修订说明中写明；误删的恢复该事项。
    """,
    summary="删除事项（主动公开事项为警告）",
)

GD103 = define(
    "GD103",
    "item-renamed",
    Severity.INFO,
    """检查：事项编号变了，但内容几乎相同（相似度达到阈值），按改名报告，而不是一删一增。

    依据：目录文件格式：事项 id 应跨年度保持稳定，便于对比和追踪。

    错误示例：`id: BDC-003` 改为 `id: BDC-010`，内容不变。

    修改：尽量保留原编号；确需改号的，在修订说明中列出新旧编号对照。
    """,
    summary="事项改了编号（内容几乎相同）",
)

GD104 = define(
    "GD104",
    "item-moved",
    Severity.INFO,
    """检查：事项移到了另一个一级事项下（matter 的第一级变了）。

    依据：基层政务公开标准目录按一级、二级事项分类。

    错误示例：`matter: [政策文件, 政策解读]` 改为 `matter: [政策解读, 政策解读材料]`。

    修改：无需修改；确认新的分类与标准目录一致。
    """,
    summary="事项移到另一个一级事项",
)

GD201 = define(
    "GD201",
    "deadline-lengthened",
    Severity.WARNING,
    """检查：公开时限中写明的天数变长了（按 20 个工作日约合 28 个自然日折算后比较）。公告期、公示期等最短期限不算时限。

    依据：《政府信息公开条例》第二十六条：主动公开的信息自形成或者变更之日起 20 个工作日内公开，法律、法规另有规定的从其规定。

    错误示例：`deadline: 自信息形成或者变更之日起20个工作日内` 改为 `…30个工作日内`。

    修改：恢复原时限；确有法律法规依据的，在公开依据中写明。
    """,
    summary="公开时限延长",
)

GD202 = define(
    "GD202",
    "proactive-to-on-request",
    Severity.WARNING,
    """检查：公开方式不再包括主动公开（如由主动改为依申请）。

    依据：《政府信息公开条例》第十九条、第二十条：涉及公众利益调整、需要公众广泛知晓的政府信息应当主动公开。

    错误示例：`mode: 主动` 改为 `mode: 依申请`。

    修改：恢复主动公开；确属只能依申请公开的，写明不主动公开的依据。
    """,
    summary="主动公开改为依申请公开",
)

GD203 = define(
    "GD203",
    "channel-dropped",
    Severity.WARNING,
    """检查：事项的公开渠道和载体少了一个（按渠道名称比较；只改标注或网址不算）。

    依据：《政府信息公开条例》第二十三条（通过政府公报、政府网站等多种途径公开）、第二十四条（依托政府门户网站集中发布主动公开的政府信息）。

    错误示例：`channels: [政府网站, 公开查阅点]` 改为 `channels: [公开查阅点]`。

    修改：恢复被删除的渠道，或在修订说明中写明不再使用的理由。
    """,
    summary="公开渠道减少",
)

GD204 = define(
    "GD204",
    "field-changed",
    Severity.INFO,
    """检查：事项的字段有改动（措辞、内容要素、主体、层级、对象等），不属于其他更具体的编号。

    依据：目录修订应当可追溯。

    错误示例：`owner: 平遥县自然资源局` 改为 `owner: 平遥县自然资源局办公室`。

    修改：无需修改；确认改动是有意的。
    """,
    summary="事项字段改动（措辞等）",
)

GD205 = define(
    "GD205",
    "basis-changed",
    Severity.INFO,
    """检查：事项的公开依据有增删。

    依据：《中华人民共和国政府信息公开条例》第十二条：政府信息公开目录应当及时更新——所依据的法律、法规修订或废止时，目录的公开依据随之更新。

    错误示例：删除了《中华人民共和国土地管理法实施条例》第二十六条。

    修改：无需修改；确认新依据现行有效。
    """,
    summary="公开依据增删",
)

GD301 = define(
    "GD301",
    "duty-lost-last-item",
    Severity.WARNING,
    """检查：一项三定职责在旧目录中有对应事项，在新目录中一个也没有了（新三定映射中豁免或删除的职责除外）。

    依据：标准目录的编制做法（《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》，国办发〔2019〕54号）：按职责梳理公开事项，三定方案规定的主要职责都在目录中有所体现。条例第二十条第（二）项要求公开的是机关职能本身，不是每项职责一个事项。

    错误示例：唯一写有 `duties: [D05]` 的事项 ZD-002 被删除。

    修改：为该职责补上对应事项，或在三定映射中写明豁免（exempt）及依据。
    """,
    summary="三定职责失去最后一个对应事项",
)

GD302 = define(
    "GD302",
    "duty-newly-covered",
    Severity.INFO,
    """检查：两边都有三定映射时，一项职责在旧目录中没有对应事项，在新目录中有了。

    依据：标准目录的编制做法（国办发〔2019〕54号）：按职责梳理公开事项，三定方案规定的主要职责都在目录中有所体现。

    错误示例：新增事项 YT-002 写有 `duties: [D06]`，D06 原来没有对应事项。

    修改：无需修改。
    """,
    summary="三定职责新覆盖",
)

GD303 = define(
    "GD303",
    "duty-newly-missing",
    Severity.WARNING,
    """检查：两边都有三定映射时，一项职责在新目录中没有对应事项，而旧目录中它并不是未覆盖的（新增的职责，或取消了豁免）。失去最后一个事项的职责报 GD301。

    依据：标准目录的编制做法（国办发〔2019〕54号）：按职责梳理公开事项，三定方案规定的主要职责都在目录中有所体现。

    错误示例：新三定映射增加了职责 D22，没有事项对应它。

    修改：为该职责补上对应事项，或写明豁免（exempt）及依据。
    """,
    summary="三定职责新出现未覆盖",
)

GD401 = define(
    "GD401",
    "header-changed",
    Severity.INFO,
    """检查：目录信息（catalog: 下的标题、年度、发文字号、层级、三定映射路径等）有改动。

    依据：目录文件格式第 1 节。

    错误示例：`year: 2024` 改为 `year: 2025`（年度修订时这是正常的）。

    修改：无需修改；确认标题、年度与发文字号一致。
    """,
    summary="目录信息改动",
)

GD402 = define(
    "GD402",
    "catalog-id-changed",
    Severity.WARNING,
    """检查：两个目录的目录编号（catalog.id）不同，可能对比的不是同一机构的目录。

    依据：目录文件格式：catalog.id 跨年度保持不变，对比按它识别同一目录。

    错误示例：`id: pingyao-zrzyj` 改为 `id: py-zrzyj`。

    修改：保留原编号；确实对比了不同机构的目录时忽略本警告。
    """,
    summary="目录编号不同",
)
