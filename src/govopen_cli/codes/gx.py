"""The GX family: what ``govopen import`` reports while reading a workbook (GX0xx).

GX006 is also a rule that ``govopen check`` runs
(:mod:`govopen_cli.checks.rules.placeholder`): a value that ``govopen import`` wrote as
a 待填写 placeholder is reported until someone fills it in.
"""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GX001 = define(
    "GX001",
    "header-not-found",
    Severity.WARNING,
    """工作表中找不到目录表头

    检查：工作表中找不到目录表头（前 30 行内要有“公开事项”或“一级事项”，以及公开内容、公开依据、公开时限等列中的至少两列），或工作表被隐藏。

    依据：基层政务公开标准目录的表格版式（两行表头）。

    错误示例：只有“事项”“内容”两列的工作表；govopen diff 写出的变更工作簿（只有事项编号、一级事项、说明）；隐藏的下拉选项工作表。

    修改：补上规范的列名；隐藏工作表如确是目录，用 --sheet 工作表名 指定。
    """,
)

GX002 = define(
    "GX002",
    "unknown-column",
    Severity.INFO,
    """目录格式没有对应字段的列，已忽略

    检查：表头中目录格式没有对应字段的列（如“公开时长”“网站所属栏目”），或没有表头却有内容的列；这些列的内容不导入。

    依据：目录文件格式第 1 节列出的字段。

    错误示例：“公开时长”列。

    修改：无需修改；如该列内容需要保留，写入“备注”列后重新导入。
    """,
)

GX003 = define(
    "GX003",
    "bad-tick",
    Severity.WARNING,
    """打勾列中的内容不是 √

    检查：公开对象、公开方式、公开层级等打勾列中的内容不是 √（✓ ✔ 也可），如“有”“1”。

    依据：标准目录以 √ 标示适用的对象、方式和层级。

    错误示例：“主动”列中写“是的”。

    修改：改为 √，不适用的留空。
    """,
)

GX004 = define(
    "GX004",
    "unknown-channel-mark",
    Severity.WARNING,
    """渠道前的标注不是 ■ □ ▲

    检查：公开渠道前的标注不是 ■（必选）、□（可选）、▲（择一），如 ●、★；该渠道按必选导入。

    依据：标准目录的渠道标注（■ 必选，□ 可选，▲ 标注范围内至少选择其一）。

    错误示例：“●政府网站”。

    修改：改用 ■、□ 或 ▲。
    """,
)

GX005 = define(
    "GX005",
    "empty-required-cell",
    Severity.WARNING,
    """必填的单元格为空

    检查：必填的单元格为空（公开事项、公开内容、公开依据、公开时限、公开主体、公开渠道，或公开对象、公开方式、公开层级一个勾也没打）；导入时写为“待填写”占位。

    依据：目录文件格式第 1 节的必填字段。

    错误示例：公开主体一栏空白。

    修改：在表中补上后重新导入，或直接改导入生成的 YAML。
    """,
)

GX006 = define(
    "GX006",
    "placeholder-used",
    Severity.ERROR,
    """导入时留下的“待填写”占位尚未补充

    检查：目录中仍有 govopen import 留下的“待填写”占位（工作簿没有写明的制定机关、年度、目录标识，或空白的必填单元格）。

    依据：目录文件格式第 1 节：这些字段必填，占位只为不丢失已导入的内容（这是本工具的格式规则，不是条例的条文：条例没有规定目录的字段）。为什么是错误：占位不是真实的值，目录中留着它就是不完整的文件。

    错误示例：
        catalog:
          agency: 待填写（制定机关）

    修改：写上真实的值；或用 govopen import --agency、--year、--id 重新导入。
    """,
)

GX007 = define(
    "GX007",
    "channel-variant-mapped",
    Severity.INFO,
    """渠道名称按标准名称导入

    检查：渠道名称是常见的异写（纸质载体、行政服务中心、公开查询点、村(居)务公开栏……），已按标准目录的名称导入。

    依据：标准目录的 13 种公开渠道和载体。

    错误示例：“纸质载体”。

    修改：无需修改；表格今后可直接用标准名称（纸质媒体）。
    """,
)

GX008 = define(
    "GX008",
    "lookalike-mark",
    Severity.INFO,
    """形似 □ 的符号（如“口”）按 □ 读取

    检查：渠道前用了形似 □ 的符号（“口”“☐”等，常见于 OCR 或字体替换），已按 □（可选）读取。

    依据：标准目录的渠道标注。

    错误示例：“口政务服务中心”。

    修改：核对标注是否确为可选；表格中改为 □。
    """,
)

GX009 = define(
    "GX009",
    "import-duplicate-id",
    Severity.WARNING,
    """事项编号重复，已加后缀区分

    检查：两行的事项编号相同；后一行已加后缀（-2、-3）区分。

    依据：目录文件格式：事项编号在文件内唯一，年度对比按编号匹配。

    错误示例：两行都写“ZD-002”。

    修改：为后一行确定正确的编号。
    """,
)

GX010 = define(
    "GX010",
    "unreadable-workbook",
    Severity.ERROR,
    """无法读取工作簿

    检查：文件不能作为 .xlsx 工作簿读取（.xls 旧格式、损坏、加密或其实不是 Excel 文件）。

    依据：govopen 读取 Office Open XML（.xlsx）工作簿。

    错误示例：把 .xls 改名为 .xlsx。

    修改：用 Excel 或 WPS 打开后“另存为”.xlsx。
    """,
)

GX011 = define(
    "GX011",
    "skipped-row",
    Severity.INFO,
    """分组标题行或说明行，未作为事项导入

    检查：表中的分组标题行（如“一、机构信息”）、说明行（“注：在标注范围内至少选择其一公开……”）或列序号行，没有作为事项导入；分组标题用作其下一级事项为空的行的一级事项。

    依据：标准目录的表格版式。

    错误示例：合并整行的“一、机构信息”。

    修改：无需修改；核对其下事项的一级事项是否正确。
    """,
)

GX012 = define(
    "GX012",
    "generated-id",
    Severity.INFO,
    """没有事项编号，已按公开事项生成

    检查：表中没有事项编号列（或编号为空），已按公开事项生成编号：M- 加“一级/二级/三级”的 SHA-256 前 8 位，同一事项各年度得到相同编号。

    依据：目录文件格式：每个事项要有稳定的编号，年度对比按编号匹配。

    错误示例：只有“序号”没有“事项编号”的表格。

    修改：可改为本机关自己的编号体系（如 ZD-001），此后各年度保持不变。
    """,
)

GX013 = define(
    "GX013",
    "header-inferred",
    Severity.INFO,
    """目录信息从标题推断

    检查：制定机关、年度是从表格标题（如“平遥县自然资源局政务公开基本目录（2025年版）”）推断的。

    依据：目录文件格式第 1 节：catalog.agency、catalog.year。

    错误示例：标题中的机关名称是简称。

    修改：核对推断结果；不对时用 --agency、--year 指定。
    """,
)

GX015 = define(
    "GX015",
    "import-unknown-channel",
    Severity.INFO,
    """不是标准目录的渠道名称

    检查：渠道名称不是标准目录的 13 种之一，也不是项目配置中增加的渠道；按原文导入。

    依据：标准目录的公开渠道和载体；项目可在 govopen.toml 的 [channels] extra 中增加。

    错误示例：“政务服务中心窗口”。

    修改：改为标准名称（政务服务中心），或把本地渠道加入配置。
    """,
)

GX016 = define(
    "GX016",
    "bad-cell-value",
    Severity.WARNING,
    """单元格的值不在允许范围内

    检查：单元格的值不在允许范围内（五公开类别、时限天数、公开网址、规则豁免、公开对象/方式/层级的文字），或应写文字的列是日期单元格（如公开时限写成 2025-05-01）。

    依据：目录文件格式第 1 节。

    错误示例：五公开类别写“公开”；公开网址写“见网站”（不是网址，写入备注）。

    修改：按消息改为允许的值。
    """,
)

GX017 = define(
    "GX017",
    "url-scheme-added",
    Severity.INFO,
    """公开网址没有写 https://，已补上

    检查：公开网址没有写 https:// 或 http://，但看起来是网址（以 www. 开头，或含 .gov.cn、.政务），已加上 https:// 导入。

    依据：目录文件格式第 1 节：channels[].url 是完整网址（以 http:// 或 https:// 开头），读者点开即可访问。

    错误示例：“政府网站：www.pingyao.gov.cn/zrzyj”。

    修改：核对网址；网站只能用 http:// 访问的，改为 http://…。
    """,
)

GX018 = define(
    "GX018",
    "excel-error-value",
    Severity.WARNING,
    """单元格是 Excel 错误值（#REF! 等）

    检查：单元格是 Excel 的错误值（#REF!、#N/A、#VALUE!、#DIV/0!、#NAME? 等），即公式出错；按空白读取，必填的写为“待填写”占位。

    依据：目录文件格式第 1 节：字段写的是目录的内容，错误值不是内容。

    错误示例：公开主体列的公式引用了已删除的工作表，显示 #REF!。

    修改：在 Excel 或 WPS 中改正公式，或把公式换成文字（复制后“选择性粘贴-数值”），再重新导入。
    """,
)

GX019 = define(
    "GX019",
    "formula-value-not-saved",
    Severity.WARNING,
    """单元格是公式，工作簿没有保存它的计算结果

    检查：单元格是公式，但工作簿没有保存公式的计算结果（由程序生成、从未在 Excel 或 WPS 中打开保存过的文件常见）；govopen 不计算公式，按空白读取，必填的写为“待填写”占位。

    依据：.xlsx 工作簿与公式一起保存计算结果，读取时用的是这个结果。

    错误示例：用脚本生成、公开主体列为 =汇总!B2 的工作簿。

    修改：用 Excel 或 WPS 打开工作簿、保存，再重新导入；或把公式换成文字。
    """,
)

# The codes of tables as agencies publish them (web pages, Word, .xls), kept apart for size.
import govopen_cli.codes.gx_tables  # noqa: E402, F401
