"""GX020–GX025: what ``govopen import`` tells about tables as agencies publish them.

Web pages, Word documents, old .xls files: text copied with its line breaks turned into
spaces, typos in the header, 公开事项 merged across its levels, level columns under
local names, a title that names no agency. Loaded with :mod:`.gx`.
"""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GX020 = define(
    "GX020",
    "space-between-hanzi-removed",
    Severity.INFO,
    """两个汉字之间的空格已删除

    检查：单元格中两个汉字之间有空格（从网页或 PDF 复制时，单元格内的换行变成了空格），导入时已删除；每个工作表报告一次，位置是第一处。

    依据：标准目录的文字中，汉字之间的空格没有意义；留着它，“20个工 作日内”读不出 20 个工作日，下一年度改正后的名称在 govopen diff 中成为一删一增。

    错误示例：`信息形成或者变更之日起20个工 作日内`、`机构信 息`。

    修改：无需修改；如原表确需空格（极少见），请在目录文件中改回。
    """,
)

GX021 = define(
    "GX021",
    "header-typo",
    Severity.WARNING,
    """表头的列名写重了，按位置改读

    检查：表头中同一个列名出现两次，而紧随其后应有的列没有出现（如“公开事项”下写成“一级事项 | 一级事项”），第二个按应有的列（二级事项）读取。

    依据：标准目录的表格版式：公开事项分一级事项、二级事项。

    错误示例：`公开事项` 下的两个子列都写成 `一级事项`。

    修改：核对这一列的内容；在原表中把第二个列名改为“二级事项”。
    """,
)

GX022 = define(
    "GX022",
    "column-missing",
    Severity.WARNING,
    """表中没有目录必填字段的列

    检查：表中没有公开对象、公开方式或公开层级等目录必填字段的列，所有事项的这一字段都写为“待填写”占位（govopen check 以 GX006 逐项报告）。

    依据：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）：标准目录包括公开事项的名称、内容、依据、时限、主体、方式、渠道、公开对象等要素；各部门印发的基层政务公开标准目录表格另有公开层级（县级、乡级）列。目录文件格式中这三个字段必填。

    错误示例：只有序号、公开事项、公开内容、公开依据、公开时限、公开主体、公开渠道和载体七列的表。

    修改：在表中补上这一列（如“公开层级”下的“县级”“乡级”）并打勾，重新导入；或直接在目录文件中填写。
    """,
)

GX023 = define(
    "GX023",
    "agency-not-in-title",
    Severity.WARNING,
    """标题中没有制定机关的名称

    检查：没有 --agency，表格标题中政务公开之前的文字不是机关名称（不以局、委、办、政府、中心等结尾），如“自然资源领域基层政务公开标准目录”中的“自然资源领域基层”；制定机关写为“待填写”占位。

    依据：目录文件格式：catalog.agency 是制定并公开目录的机关。

    错误示例：标题 `自然资源领域基层政务公开标准目录`，推断出制定机关“自然资源领域基层”。

    修改：用 --agency 指定制定机关重新导入，如 `--agency 某县自然资源局`；或在目录文件中填写 catalog.agency。
    """,
)

GX024 = define(
    "GX024",
    "matter-merged-across-levels",
    Severity.INFO,
    """公开事项单元格横向合并了几级事项

    检查：公开事项的一个单元格横向合并了一级、二级（、三级）事项列，按一个名称读取，而不是同一名称写两三遍。

    依据：标准目录的表格版式：只有一级的事项常把几级事项的单元格合并。

    错误示例：`政府信息公开指南` 合并了一级事项至三级事项三列，读成 `[政府信息公开指南, 政府信息公开指南, 政府信息公开指南]`。

    修改：无需修改；如这个事项另有一级事项，请在目录文件中补上。
    """,
)

GX025 = define(
    "GX025",
    "level-column-mapped",
    Severity.INFO,
    """公开层级的列名按规定的层级读取

    检查：公开层级下的列名不是省级、市级、县级、乡级、村级之一，按对应的层级读取（镇街级、乡镇级按乡级；乡、村级按乡级和村级）。

    依据：目录文件格式：公开层级取省级、市级、县级、乡级、村级。

    错误示例：公开层级下的列 `镇街级`、`乡、村级`。

    修改：无需修改；核对读取结果即可。
    """,
)
