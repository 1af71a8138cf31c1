"""Codes reported by the loader and the schema check, and the rule modules' imports.

These codes have no rule function: the loader and :mod:`govopen_cli.catalog.schema` report
them while reading. Registering them here gives them documentation and lets
``select``/``ignore`` name them.
"""

from __future__ import annotations

from govopen_cli.catalog.loader_codes import LOADER_CODES
from govopen_cli.catalog.schema_errors import SCHEMA_CODES
from govopen_cli.checks.rules import Rule, register
from govopen_cli.diagnostics import Severity

_DOCS = {
    "GO001": "YAML 语法错误：缩进、冒号、引号或括号不对，文件无法读取。\n\n"
    '依据：YAML 1.1 语法。\n\n错误示例：`title: "未闭合的引号`\n\n修改：按消息所指的行和列改正；'
    "文字中含“: ”时给整个值加引号。",
    "GO002": "文件不是 UTF-8 编码（常见为 GB18030/GBK）。\n\n依据：目录文件格式规定使用 UTF-8。\n\n"
    "错误示例：用 WPS 以“ANSI/GBK”保存的目录文件。\n\n修改：iconv -f GB18030 -t UTF-8 原文件 > 新文件，"
    "或“另存为”UTF-8。带 BOM 的 UTF-8 可以接受。",
    "GO003": "同一映射中同一个字段写了两次：YAML 只保留后一个，前一个被悄悄丢弃。\n\n依据：目录文件格式。\n\n"
    "错误示例：一个事项里写了两行 `owner:`。\n\n修改：合并为一个字段。",
    "GO004": "锚点/别名（&、*）展开后过大或引用自身，拒绝读取（防止“billion laughs”）。\n\n"
    "依据：目录文件格式的安全要求。\n\n错误示例：多层嵌套引用的别名。\n\n修改：直接写出内容，不要多层嵌套引用。",
    "GO005": "文件为空或只有注释。\n\n依据：目录文件格式。\n\n错误示例：空文件。\n\n修改：写入目录内容，或删除该文件。",
    "GO006": "一个文件里有多个 YAML 文档（多个 `---`）。\n\n依据：目录文件格式：一个文件一个目录。\n\n"
    "错误示例：两个 `---` 分隔的目录。\n\n修改：拆成多个文件。",
    "GO007": "文件顶层不是映射。\n\n依据：目录文件格式。\n\n错误示例：顶层是 `- id: ...` 列表。\n\n"
    "修改：顶层写 format、catalog、items。",
    "GO008": "无法判断文件是目录还是三定映射。\n\n依据：目录文件格式。\n\n错误示例：既没有 items 也没有 duties 的 YAML。\n\n"
    "修改：补上 catalog/items（目录）或 duties（三定映射），或不要把其他 YAML 放在目录文件夹中。",
    "GO009": "不是文本文件。\n\n依据：目录文件格式。\n\n错误示例：把 .xlsx 改名为 .yaml。\n\n"
    "修改：Excel 目录用 govopen import 导入。",
    "GO010": "不加引号的文字被 YAML 读成了日期。\n\n依据：目录文件格式的“易错点”。\n\n"
    "错误示例：`id: 2024-01-01`\n\n修改：加引号：`id: '2024-01-01'`（豁免的 until 可以不加）。",
    "GO011": "文件无法读取（权限、被占用等）。\n\n依据：—\n\n错误示例：无读权限的文件。\n\n修改：检查文件权限。",
    "GO012": "使用了不支持的 YAML 标签（如 !!python/object）。\n\n依据：目录文件格式只用普通数据。\n\n"
    "错误示例：`id: !!binary ...`\n\n修改：删除标签。",
    "GO101": "缺少必填字段。\n\n依据：目录文件格式第 1、2 节列出的必填字段。\n\n错误示例：事项没有 owner（公开主体）。\n\n"
    "修改：补上该字段。",
    "GO102": "字段类型不对：应为文字却是数字、布尔值等，常见于未加引号的 001、yes。\n\n依据：目录文件格式的“易错点”。\n\n"
    "错误示例：`id: 001`、`audience: yes`\n\n修改：加引号或写成规定的值。",
    "GO103": "字段的值不在允许范围内（枚举、格式、个数）。\n\n依据：目录文件格式。\n\n"
    "错误示例：`mode: 主动公开`\n\n修改：写成消息给出的规定值，如 `mode: 主动`。",
    "GO104": "未知字段，多为拼写错误。\n\n依据：目录文件格式。\n\n错误示例：`chanels:`\n\n"
    "修改：改成正确的字段名；自定义扩展字段以 x- 开头。",
}

for code, (name, summary) in {**LOADER_CODES, **SCHEMA_CODES}.items():
    register(
        Rule(
            code=code,
            name=name,
            severity=Severity.ERROR if code != "GO008" else Severity.WARNING,
            summary=summary,
            doc=f"检查：{_DOCS[code]}" if code in _DOCS else summary,
        )
    )

# Rule modules register themselves when imported.

from govopen_cli.checks.rules import (  # noqa: E402,F401
    content,
    coverage,
    disclosure,
    land_acquisition,
    request_codes,
    time_limit,
    waiver,
)
from govopen_cli.checks.rules import diff_codes as _diff_codes  # noqa: E402,F401
from govopen_cli.checks.rules import excel_codes as _excel_codes  # noqa: E402,F401
