"""GO1xx 格式: what the schema check (:mod:`govopen_cli.catalog.schema`) reports."""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GO101 = define(
    "GO101",
    "missing-field",
    Severity.ERROR,
    """检查：缺少必填字段。

    依据：目录文件格式第 1、2 节列出的必填字段。

    错误示例：事项没有 owner（公开主体）。

    修改：补上该字段。
    """,
    summary="缺少必填字段",
)

GO102 = define(
    "GO102",
    "wrong-type",
    Severity.ERROR,
    """检查：字段类型不对：应为文字却是数字、布尔值等，常见于未加引号的 001、yes。

    依据：目录文件格式的“易错点”。

    错误示例：`id: 001`、`audience: yes`

    修改：加引号或写成规定的值。
    """,
    summary="字段类型不对（如未加引号的数字、yes/no）",
)

GO103 = define(
    "GO103",
    "invalid-value",
    Severity.ERROR,
    """检查：字段的值不在允许范围内（枚举、格式、个数）。

    依据：目录文件格式。

    错误示例：`mode: 主动公开`

    修改：写成消息给出的规定值，如 `mode: 主动`。
    """,
    summary="字段的值不在允许范围内",
)

GO104 = define(
    "GO104",
    "unknown-field",
    Severity.ERROR,
    """检查：未知字段，多为拼写错误。

    依据：目录文件格式。

    错误示例：`chanels:`

    修改：改成正确的字段名；自定义扩展字段以 x- 开头。
    """,
    summary="未知字段（常见于拼写错误）",
)
