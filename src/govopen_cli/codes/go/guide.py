"""GO7xx 标准目录: a catalog against the national sector guide named in govopen.toml (``guide``).

Reported by :mod:`govopen_cli.checks.rules.guide` only when the configuration names a
guide; ``govopen conform`` shows the same comparison row by row.
"""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GO711 = define(
    "GO711",
    "guide-row-missing",
    Severity.WARNING,
    """标准目录中的一行在目录中没有对应事项。

    检查：govopen.toml 写了 `guide`（如 `guide = "自然资源"`）时，标准目录的每一行在目录中是否都有对应的事项（按公开事项名称配对，容许改名）。

    依据：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）要求基层政府对照国务院部门制定的 26 个试点领域标准指引全面梳理细化公开事项，编制本级标准目录；自然资源领域的标准目录见 govopen 附带的参照数据（docs/guide.md 列出来源）。标准目录不是法律：缺一行是警告，本级确实没有这项职能时可在 select/ignore 中关闭。

    错误示例：目录没有任何“征地补偿费用支付”事项，而标准目录有
        items:
          - matter: [征地组织实施, 征收土地公告]

    修改：按标准目录增加该事项（`govopen conform 目录文件` 列出该行的内容、时限和渠道）；本级不承担这项职能时在 govopen.toml 的 ignore 中写 GO711。
    """,
)

GO712 = define(
    "GO712",
    "guide-row-weakened",
    Severity.WARNING,
    """对应事项弱化了标准目录：少了必选渠道、层级，改为依申请，或时限更长。

    检查：与标准目录某行对应的事项是否弱化了该行：标准目录标为必选（■）的渠道缺少、择一（▲）的渠道一个也没有、主动公开改为依申请、少了公开层级、公开时限长于标准目录。

    依据：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）要求基层政府对照国务院部门制定的标准指引“全面梳理细化”相关领域的公开事项、编制本级标准目录：细化是在指引之上，渠道、层级、方式和时限弱于指引的行值得复核。指引不是法律：法律、法规另有规定的从其规定（如征收土地公告，《土地管理法实施条例》（2021）第三十一条给 15 个工作日，长于 2019 年指引的 10 个工作日），此时在事项的 waivers 中写明理由。

    错误示例：标准目录“征地管理政策”为 ■政府网站 ■征地信息公开平台
        matter: [征地管理政策, 征地法规政策]
        channels: [政府网站]

    修改：补上缺少的渠道或公开层级、改回主动公开、把时限缩短到不超过标准目录；另有规定时在事项的 waivers 中写明 GO712 和理由。
    """,
)
