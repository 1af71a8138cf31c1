"""GO0xx 文件与 YAML: what :mod:`govopen_cli.catalog.loader` reports while reading a file."""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GO001 = define(
    "GO001",
    "yaml-syntax",
    Severity.ERROR,
    """检查：YAML 语法错误：缩进、冒号、引号或括号不对，文件无法读取。

    依据：YAML 1.1 语法。

    错误示例：`title: "未闭合的引号`

    修改：按消息所指的行和列改正；文字中含“: ”时给整个值加引号。
    """,
    summary="YAML 语法错误",
)

GO002 = define(
    "GO002",
    "not-utf8",
    Severity.ERROR,
    """检查：文件不是 UTF-8 编码（常见为 GB18030/GBK）。

    依据：目录文件格式规定使用 UTF-8。

    错误示例：用 WPS 以“ANSI/GBK”保存的目录文件。

    修改：iconv -f GB18030 -t UTF-8 原文件 > 新文件，或“另存为”UTF-8。带 BOM 的 UTF-8 可以接受。
    """,
    summary="文件不是 UTF-8 编码",
)

GO003 = define(
    "GO003",
    "duplicate-key",
    Severity.ERROR,
    """检查：同一映射中同一个字段写了两次：YAML 只保留后一个，前一个被悄悄丢弃。

    依据：目录文件格式。

    错误示例：一个事项里写了两行 `owner:`。

    修改：合并为一个字段。
    """,
    summary="同一映射中键重复",
)

GO004 = define(
    "GO004",
    "alias-expansion",
    Severity.ERROR,
    """检查：锚点/别名（&、*）展开后过大或引用自身，拒绝读取（防止“billion laughs”）。

    依据：目录文件格式的安全要求。

    错误示例：多层嵌套引用的别名。

    修改：直接写出内容，不要多层嵌套引用。
    """,
    summary="锚点/别名展开过大",
)

GO005 = define(
    "GO005",
    "empty-file",
    Severity.ERROR,
    """检查：文件为空或只有注释。

    依据：目录文件格式。

    错误示例：空文件。

    修改：写入目录内容，或删除该文件。
    """,
    summary="文件为空",
)

GO006 = define(
    "GO006",
    "multiple-documents",
    Severity.ERROR,
    """检查：一个文件里有多个 YAML 文档（多个 `---`）。

    依据：目录文件格式：一个文件一个目录。

    错误示例：两个 `---` 分隔的目录。

    修改：拆成多个文件。
    """,
    summary="一个文件中有多个 YAML 文档",
)

GO007 = define(
    "GO007",
    "top-level-not-mapping",
    Severity.ERROR,
    """检查：文件顶层不是映射。

    依据：目录文件格式。

    错误示例：顶层是 `- id: ...` 列表。

    修改：顶层写 format、catalog、items。
    """,
    summary="顶层不是映射",
)

GO008 = define(
    "GO008",
    "unknown-file-kind",
    Severity.WARNING,
    """检查：无法判断文件是目录还是三定映射。

    依据：目录文件格式。

    错误示例：既没有 items 也没有 duties 的 YAML。

    修改：补上 catalog/items（目录）或 duties（三定映射），或不要把其他 YAML 放在目录文件夹中。
    """,
    summary="无法识别的文件类型",
)

GO009 = define(
    "GO009",
    "binary-file",
    Severity.ERROR,
    """检查：不是文本文件。

    依据：目录文件格式。

    错误示例：把 .xlsx 改名为 .yaml。

    修改：Excel 目录用 govopen import 导入。
    """,
    summary="不是文本文件",
)

GO010 = define(
    "GO010",
    "implicit-date",
    Severity.ERROR,
    """检查：不加引号的文字被 YAML 读成了日期。

    依据：目录文件格式的“易错点”。

    错误示例：`id: 2024-01-01`

    修改：加引号：`id: '2024-01-01'`（豁免的 until 可以不加）。
    """,
    summary="文本被 YAML 读成日期",
)

GO011 = define(
    "GO011",
    "unreadable-file",
    Severity.ERROR,
    """检查：文件无法读取（权限、被占用等）。

    依据：—

    错误示例：无读权限的文件。

    修改：检查文件权限。
    """,
    summary="文件无法读取",
)

GO012 = define(
    "GO012",
    "unsupported-tag",
    Severity.ERROR,
    """检查：使用了不支持的 YAML 标签（如 !!python/object）。

    依据：目录文件格式只用普通数据。

    错误示例：`id: !!binary ...`

    修改：删除标签。
    """,
    summary="不支持的 YAML 标签",
)
