"""GO7xx 公开主体: who publishes each item."""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GO701 = define(
    "GO701",
    "owner-is-template-wording",
    Severity.WARNING,
    """公开主体照抄了标准目录模板的用语

    检查：公开主体是标准目录模板中的泛称（“自然资源主管部门”“自然资源”“县级人民政府”“有关部门”等），不是具体的机关；同一写法在目录中报告一次，位置是第一个事项。

    依据：《中华人民共和国政府信息公开条例》第十条第一款：行政机关制作的政府信息，由制作该政府信息的行政机关负责公开。标准目录照抄模板时，公众和检查人员看不出由谁公开。

    错误示例：
        - id: JG-001
          owner: 自然资源主管部门

    修改：写出负责公开的具体机关，如“某县自然资源局”。
    """,
)
