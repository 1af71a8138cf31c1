"""Codes of ``govopen import`` (GX) and ``govopen inspect`` (GI), and the placeholder rule.

The import and inspect codes have no rule function: the workbook reader and the
检查表 reader report them while reading. Registering them here gives them
documentation and lets ``select``/``ignore`` name them. GX006 is also a rule that
``govopen check`` runs: a value that ``govopen import`` wrote as a 待填写
placeholder is reported until someone fills it in.

Families: GX0xx 导入工作簿 · GI0xx 读取检查表 · GI1xx 检查发现的问题.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govopen_cli.catalog.pointer import make_pointer
from govopen_cli.checks.rules import Finding, Rule, RuleContext, register
from govopen_cli.excel.inspection import INSPECT_CODES
from govopen_cli.excel.layout import PLACEHOLDER
from govopen_cli.excel.reader import CODE_PLACEHOLDER, FIELD_NAMES, IMPORT_CODES

_DOCS = {
    "GX001": "检查：工作表中找不到目录表头（前 30 行内要有“公开事项”或“一级事项”，以及公开内容、公开依据、"
    "公开时限等列中的至少两列），或工作表被隐藏。\n\n依据：基层政务公开标准目录的表格版式（两行表头）。\n\n"
    "错误示例：只有“事项”“内容”两列的工作表；govopen diff 写出的变更工作簿（只有事项编号、一级事项、说明）；"
    "隐藏的下拉选项工作表。\n\n"
    "修改：补上规范的列名；隐藏工作表如确是目录，用 --sheet 工作表名 指定。",
    "GX002": "检查：表头中目录格式没有对应字段的列（如“公开时长”“网站所属栏目”），或没有表头却有内容的列；"
    "这些列的内容不导入。\n\n依据：目录文件格式第 1 节列出的字段。\n\n错误示例：“公开时长”列。\n\n"
    "修改：无需修改；如该列内容需要保留，写入“备注”列后重新导入。",
    "GX003": "检查：公开对象、公开方式、公开层级等打勾列中的内容不是 √（✓ ✔ 也可），如“有”“1”。\n\n"
    "依据：标准目录以 √ 标示适用的对象、方式和层级。\n\n错误示例：“主动”列中写“是的”。\n\n"
    "修改：改为 √，不适用的留空。",
    "GX004": "检查：公开渠道前的标注不是 ■（必选）、□（可选）、▲（择一），如 ●、★；该渠道按必选导入。\n\n"
    "依据：标准目录的渠道标注（■ 必选，□ 可选，▲ 标注范围内至少选择其一）。\n\n"
    "错误示例：“●政府网站”。\n\n修改：改用 ■、□ 或 ▲。",
    "GX005": "检查：必填的单元格为空（公开事项、公开内容、公开依据、公开时限、公开主体、公开渠道，或公开对象、"
    "公开方式、公开层级一个勾也没打）；导入时写为“待填写”占位。\n\n依据：目录文件格式第 1 节的必填字段。\n\n"
    "错误示例：公开主体一栏空白。\n\n修改：在表中补上后重新导入，或直接改导入生成的 YAML。",
    "GX006": "检查：目录中仍有 govopen import 留下的“待填写”占位（工作簿没有写明的制定机关、年度、目录标识，"
    "或空白的必填单元格）。\n\n依据：《政府信息公开条例》第二十条要求公开的信息要素完整；目录文件格式第 1 节："
    "这些字段必填，占位只为不丢失已导入的内容。\n\n错误示例：\n    catalog:\n      agency: 待填写（制定机关）\n\n"
    "修改：写上真实的值；或用 govopen import --agency、--year、--id 重新导入。",
    "GX007": "检查：渠道名称是常见的异写（纸质载体、行政服务中心、公开查询点、村(居)务公开栏……），"
    "已按标准目录的名称导入。\n\n依据：标准目录的 13 种公开渠道和载体。\n\n错误示例：“纸质载体”。\n\n"
    "修改：无需修改；表格今后可直接用标准名称（纸质媒体）。",
    "GX008": "检查：渠道前用了形似 □ 的符号（“口”“☐”等，常见于 OCR 或字体替换），已按 □（可选）读取。\n\n"
    "依据：标准目录的渠道标注。\n\n错误示例：“口政务服务中心”。\n\n修改：核对标注是否确为可选；表格中改为 □。",
    "GX009": "检查：两行的事项编号相同；后一行已加后缀（-2、-3）区分。\n\n依据：目录文件格式：事项编号在文件内唯一，"
    "年度对比按编号匹配。\n\n错误示例：两行都写“ZD-002”。\n\n修改：为后一行确定正确的编号。",
    "GX010": "检查：文件不能作为 .xlsx 工作簿读取（.xls 旧格式、损坏、加密或其实不是 Excel 文件）。\n\n"
    "依据：govopen 读取 Office Open XML（.xlsx）工作簿。\n\n错误示例：把 .xls 改名为 .xlsx。\n\n"
    "修改：用 Excel 或 WPS 打开后“另存为”.xlsx。",
    "GX011": "检查：表中的分组标题行（如“一、机构信息”）、说明行（“注：在标注范围内至少选择其一公开……”）或"
    "列序号行，没有作为事项导入；分组标题用作其下一级事项为空的行的一级事项。\n\n依据：标准目录的表格版式。\n\n"
    "错误示例：合并整行的“一、机构信息”。\n\n修改：无需修改；核对其下事项的一级事项是否正确。",
    "GX012": "检查：表中没有事项编号列（或编号为空），已按公开事项生成编号：M- 加“一级/二级/三级”的 SHA-256 前 8 位，"
    "同一事项各年度得到相同编号。\n\n依据：目录文件格式：每个事项要有稳定的编号，年度对比按编号匹配。\n\n"
    "错误示例：只有“序号”没有“事项编号”的表格。\n\n修改：可改为本机关自己的编号体系（如 ZD-001），"
    "此后各年度保持不变。",
    "GX013": "检查：制定机关、年度是从表格标题（如“平遥县自然资源局政务公开基本目录（2025年版）”）推断的。\n\n"
    "依据：目录文件格式第 1 节：catalog.agency、catalog.year。\n\n错误示例：标题中的机关名称是简称。\n\n"
    "修改：核对推断结果；不对时用 --agency、--year 指定。",
    "GX015": "检查：渠道名称不是标准目录的 13 种之一，也不是项目配置中增加的渠道；按原文导入。\n\n"
    "依据：标准目录的公开渠道和载体；项目可在 govopen.toml 的 [channels] extra 中增加。\n\n"
    "错误示例：“政务服务中心窗口”。\n\n修改：改为标准名称（政务服务中心），或把本地渠道加入配置。",
    "GX016": "检查：单元格的值不在允许范围内（五公开类别、时限天数、公开网址、规则豁免、公开对象/方式/层级的文字），"
    "或应写文字的列是日期单元格（如公开时限写成 2025-05-01）。\n\n"
    "依据：目录文件格式第 1 节。\n\n错误示例：五公开类别写“公开”；公开网址写“见网站”（不是网址，写入备注）。\n\n"
    "修改：按消息改为允许的值。",
    "GX017": "检查：公开网址没有写 https:// 或 http://，但看起来是网址（以 www. 开头，或含 .gov.cn、.政务），"
    "已加上 https:// 导入。\n\n依据：目录文件格式第 1 节：channels[].url 是完整网址（以 http:// 或 https:// 开头），"
    "读者点开即可访问。\n\n错误示例：“政府网站：www.pingyao.gov.cn/zrzyj”。\n\n"
    "修改：核对网址；网站只能用 http:// 访问的，改为 http://…。",
    "GX018": "检查：单元格是 Excel 的错误值（#REF!、#N/A、#VALUE!、#DIV/0!、#NAME? 等），即公式出错；"
    "按空白读取，必填的写为“待填写”占位。\n\n依据：目录文件格式第 1 节：字段写的是目录的内容，错误值不是内容。\n\n"
    "错误示例：公开主体列的公式引用了已删除的工作表，显示 #REF!。\n\n"
    "修改：在 Excel 或 WPS 中改正公式，或把公式换成文字（复制后“选择性粘贴-数值”），再重新导入。",
    "GX019": "检查：单元格是公式，但工作簿没有保存公式的计算结果（由程序生成、从未在 Excel 或 WPS 中打开保存过的"
    "文件常见）；govopen 不计算公式，按空白读取，必填的写为“待填写”占位。\n\n"
    "依据：.xlsx 工作簿与公式一起保存计算结果，读取时用的是这个结果。\n\n"
    "错误示例：用脚本生成、公开主体列为 =汇总!B2 的工作簿。\n\n"
    "修改：用 Excel 或 WPS 打开工作簿、保存，再重新导入；或把公式换成文字。",
    "GI001": "检查：检查表的下拉列（是否公开、是否及时、要素是否完整、渠道是否符合）中填了选项以外的文字；"
    "不算作回答，该事项不计为合格：没有其他问题时按“待核实”计（计入已检查，拉低合格率）。\n\n"
    "依据：检查结论只能是 是、否、不适用，汇总公式和合格率按此统计。\n\n"
    "错误示例：是否公开填“已公开，见附件”；渠道是否符合填“基本符合”。\n\n修改：从下拉列表选择；说明写在“问题描述”。",
    "GI002": "检查：检查表中的事项编号不在目录中；这一行的结果不计入。\n\n依据：检查表按事项编号对应目录事项。\n\n"
    "错误示例：把 ZD-002 写成 ZD-02。\n\n修改：改正编号；目录改过时重新导出检查表。",
    "GI003": "检查：目录中的事项在检查表中没有行（行被删除），按未检查计。\n\n"
    "依据：检查表应覆盖目录的全部事项。\n\n错误示例：删除了不想检查的行。\n\n"
    "修改：恢复该行；确实不适用的，是否公开选“不适用”。",
    "GI004": "检查：同一事项编号在检查表中有多行；只计第一行。\n\n依据：每个事项一行。\n\n"
    "错误示例：复制行后忘了改编号。\n\n修改：合并为一行。",
    "GI005": "检查：日期单元格看不懂。\n\n依据：按工作日核对时限需要确切的日期。\n\n"
    "错误示例：“10月底”。\n\n修改：写成 2025-10-31（或 Excel 日期）。",
    "GI006": "检查：工作簿中找不到检查表（有“事项编号”和“是否公开”等列的工作表）。\n\n"
    "依据：govopen export 生成的工作簿包含“检查表”。\n\n错误示例：对导入用的原始目录表运行 inspect。\n\n"
    "修改：先 govopen export 目录 -o 检查.xlsx，在其“检查表”中填写。",
    "GI007": "检查：有检查结果的行没有事项编号，无法对应到目录事项；不计入。\n\n依据：检查表按事项编号对应。\n\n"
    "错误示例：清空了事项编号单元格。\n\n修改：补上事项编号。",
    "GI008": "检查：行中写的一级事项与目录中该编号事项的不同，编号可能填错。\n\n依据：检查表按事项编号对应。\n\n"
    "错误示例：复制粘贴错位的行。\n\n修改：核对事项编号。",
    "GI009": "检查：公开日期早于信息形成日期。\n\n依据：时限自信息形成或者变更之日起算（《政府信息公开条例》第二十六条）。\n\n"
    "错误示例：形成 2025-10-10，公开 2025-09-30。\n\n修改：核对两个日期。",
    "GI010": "检查：目录文件在导出检查表之后改过（SHA-256 与说明页记录的不同），事项可能已增删。\n\n"
    "依据：说明页记录的输入文件及其 SHA-256。\n\n错误示例：导出后又修改了目录。\n\n"
    "修改：核对差异（govopen diff），必要时重新导出检查表。",
    "GI011": "检查：检查表的行顺序与目录不同（排序或移动过行）；按事项编号对应，结果不受影响。\n\n"
    "依据：检查表按事项编号对应。\n\n错误示例：按一级事项排序后的检查表。\n\n修改：无需修改。",
    "GI012": "检查：信息形成日期所在年份的国务院节假日安排未知，无法按工作日核对是否逾期。\n\n"
    "依据：工作日按国务院办公厅节假日安排（含调休）计算，不按周一至周五猜测。\n\n"
    "错误示例：2027 年的日期而未配置节假日文件。\n\n修改：在 govopen.toml 的 holidays 中指定该年的节假日文件。",
    "GI013": "检查：检查表缺少一列（如删除了“公开日期”列），该项按未填写处理。\n\n"
    "依据：govopen export 生成的检查表的列。\n\n错误示例：删除了“信息形成日期”列。\n\n"
    "修改：恢复该列，或重新导出检查表后把结果粘贴回去。",
    "GI101": "检查：公开日期晚于时限：公开时限写明天数时，从信息形成日期的次日起按工作日（含调休）或自然日计算。\n\n"
    "依据：《中华人民共和国政府信息公开条例》第二十六条：自该政府信息形成或者变更之日起20个工作日内及时公开。\n\n"
    "错误示例：信息形成 2025-09-26，时限20个工作日（应于 2025-10-30 前），实际 2025-10-31 公开。\n\n"
    "修改：由整改责任处室说明原因并整改；今后在时限内公开。",
    "GI102": "检查：是否公开为“否”：应主动公开的事项未公开。\n\n"
    "依据：《中华人民共和国政府信息公开条例》第十九条、第二十条、第二十六条。\n\n"
    "错误示例：行政处罚决定未公开。\n\n修改：整改责任处室在整改期限内公开，并填写公开日期和证据链接。",
    "GI103": "检查：是否及时、要素是否完整或渠道是否符合为“否”。\n\n"
    "依据：标准目录规定的公开内容（要素）、时限和渠道。\n\n错误示例：办事指南缺少收费标准。\n\n"
    "修改：按问题描述整改。",
    "GI104": "检查：是否及时的勾选与日期算出的结果不一致（勾“是”但按日期逾期，或勾“否”但按日期在时限内）；两者都计入。\n\n"
    "依据：《中华人民共和国政府信息公开条例》第二十六条。\n\n错误示例：逾期 1 个工作日却勾“是”。\n\n"
    "修改：核对日期和结论。",
    "GI105": "检查：不合格事项的整改期限已过。\n\n依据：检查表中的整改期限。\n\n错误示例：整改期限 2025-11-30，今天 2025-12-05。\n\n"
    "修改：核实整改情况，更新检查表。",
}


def _placeholder_findings(context: RuleContext) -> Iterator[Finding]:
    """检查：目录中仍有 govopen import 留下的“待填写”占位。"""
    document = context.catalog.document
    if document is None:
        return

    def walk(value: Any, parts: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
        if isinstance(value, str):
            if value.startswith(PLACEHOLDER):
                yield parts, value
        elif isinstance(value, dict):
            for key, child in value.items():
                yield from walk(child, [*parts, str(key)])
        elif isinstance(value, list):
            for i, child in enumerate(value):
                yield from walk(child, [*parts, i])

    data = document.data if isinstance(document.data, dict) else {}
    items = data.get("items") if isinstance(data.get("items"), list) else []
    for parts, value in walk(data.get("catalog"), ["catalog"]):
        yield context.at(
            make_pointer(parts),
            f"{FIELD_NAMES.get(str(parts[-1]), parts[-1])}还是 govopen import 留下的占位“{value}”：请写上真实的值",
            field_name=str(parts[-1]),
        )
    for index, item in enumerate(items or []):
        raw_id = item.get("id") if isinstance(item, dict) else None
        item_id = raw_id if isinstance(raw_id, str) else ""
        for parts, value in walk(item, ["items", index]):
            field = str(parts[2]) if len(parts) > 2 else ""
            yield context.at(
                make_pointer(parts),
                f"事项 {item_id} 的{FIELD_NAMES.get(field, field)}还是 govopen import 留下的占位“{value}”："
                "请按工作簿补充",
                item_id=item_id,
                field_name=field,
            )


for _code, (_name, _severity, _summary) in {**IMPORT_CODES, **INSPECT_CODES}.items():
    register(
        Rule(
            code=_code,
            name=_name,
            severity=_severity,
            summary=_summary,
            doc=f"{_summary}\n\n{_DOCS[_code]}",
            check=_placeholder_findings if _code == CODE_PLACEHOLDER else None,
        )
    )
