"""GO4xx 三定覆盖: the codes of :mod:`govopen_cli.checks.rules.coverage`.

GO401 has no rule function: :mod:`govopen_cli.checks.run` reports it when it looks for
a catalog's mapping.
"""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GO401 = define(
    "GO401",
    "duties-file-missing",
    Severity.ERROR,
    """检查：目录 catalog.duties 写的三定映射文件是否存在。

    依据：目录文件格式第 2 节：duties 是三定映射文件的路径，相对于目录文件所在的文件夹。

    错误示例：目录在 catalogs/2025/ 下，映射在 duties/ 下
        catalog:
          duties: duties/sx-zrzyt.yaml    # 应为 ../../duties/sx-zrzyt.yaml

    修改：改正路径（相对于目录文件所在的文件夹），或删除 catalog.duties。
    """,
    summary="catalog.duties 指向的三定映射文件不存在",
)

GO402 = define(
    "GO402",
    "duty-not-covered",
    Severity.WARNING,
    """三定方案的一项主要职责没有任何目录事项公开，也没有写明不予公开。

    检查：三定映射中的每项职责，是否至少有一个目录事项在 `duties` 中写了它，或它在
    `items` 中列出了至少一个目录中存在的事项；写了 `exempt` 的职责不需要事项。
    几个年度的目录共用一个映射时，每个目录分别检查，消息写明是哪一年的目录。

    依据：标准目录的编制做法：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的
    指导意见》（国办发〔2019〕54号）要求按照权责清单和政务服务事项梳理公开事项、编制公开
    标准目录，各领域标准指引和各地目录按三定方案规定的职责逐项梳理。条例本身（第十九条、
    第二十条）规定的是应当主动公开的信息，并没有要求每项职责对应一个目录事项。为什么是
    警告：这是标准目录的编制做法，不是法律的明文规定；职责没有对应的公开事项，说明目录
    可能有遗漏，但不等于违法。要在 CI 中把覆盖率作为门槛，用 `--min-coverage 100`
    或 govopen.toml 的 `min-coverage = 100`（未达到时报告 GO409，错误），或在 `[severity]`
    中把 GO402 改为 error。

    错误示例：职责 D05 既没有 items，也没有事项写 duties: [D05]
        duties:
          - id: D05
            text: 负责耕地保护和征地管理工作

    修改：在公开这项职责的事项中写 `duties: [D05]`（或在映射的职责下写
    `items: [事项编号]`）；确实没有可公开的信息时，在映射中为它写 `exempt`，包括
    `reason` 和用《》写出的 `basis`。
    """,
)

GO403 = define(
    "GO403",
    "unknown-item-link",
    Severity.ERROR,
    """三定映射的职责链接了目录中不存在的事项。

    检查：三定映射中职责的 `items` 列出的每个事项编号，是否都是目录中的事项。
    几个年度的目录共用一个映射时，消息写明是哪一年的目录缺少该事项。

    依据：目录文件格式第 2 节：两个方向的链接都算覆盖，链接到不存在的编号是错误，
    它让一项职责看似有事项公开，实际没有。为什么是错误：这是文件格式错误，不是法律问题。

    错误示例：目录中没有 ZD-404（多为改号或删除后没有同步修改映射）
        duties:
          - id: D05
            text: 负责耕地保护和征地管理工作
            items: [ZD-404]

    修改：改成目录中正确的事项编号，或删除这一项。
    """,
)

GO404 = define(
    "GO404",
    "unknown-duty-link",
    Severity.ERROR,
    """目录事项链接了三定映射中不存在的职责。

    检查：目录事项的 `duties` 列出的每个职责编号，是否都是三定映射中的职责。

    依据：目录文件格式第 2 节：链接到不存在的职责编号是错误，事项声称公开的职责
    在三定方案中找不到。为什么是错误：这是文件格式错误，不是法律问题。

    错误示例：三定映射中没有 D99
        - id: ZD-002
          duties: [D99]

    修改：改成三定映射中正确的职责编号（消息会提示相近的编号），或删除这一项。
    """,
)

GO405 = define(
    "GO405",
    "exemption-without-basis",
    Severity.ERROR,
    """不予公开的职责没有用《》写出法律依据。

    检查：写了 `exempt` 的职责，其 `basis` 是否含有用《》括起来的法律、法规或文件名称。
    完全没有 `basis` 时由 GO101 报告。

    依据：《中华人民共和国政府信息公开条例》第十四条至第十六条列出不予公开的情形；
    不予公开须有法律依据，而不是“不方便公开”。为什么是错误：没有写出依据的不予公开，无法核对是否属于条例规定的情形。

    错误示例：依据没有写出文件名称
        duties:
          - id: D13
            text: 负责涉密测绘成果管理
            exempt: {reason: 涉密, basis: 按有关规定}

    修改：`basis` 写出依据的文件名称和条款，如
    `《中华人民共和国政府信息公开条例》第十四条`。
    """,
)

GO406 = define(
    "GO406",
    "exempt-duty-linked",
    Severity.WARNING,
    """标为不予公开的职责仍有目录事项与它关联。

    检查：写了 `exempt` 的职责，是否仍被某个事项的 `duties` 写到，或仍在映射的
    `items` 中列出目录中的事项。

    依据：《中华人民共和国政府信息公开条例》第十四条至第十六条规定不予公开的情形；
    一项职责既不予公开、又有事项公开它，要么不予公开的判断已过时，要么关联写错了。为什么是警告：可能只是关联写错，目录本身不足以断定违法。

    错误示例：职责 D13 写了 exempt，事项 CH-007 仍写 duties: [D13]
        - id: CH-007
          duties: [D13]

    修改：该职责确有信息公开时删除 `exempt`；否则从事项的 `duties`（或映射的 `items`）
    中删除这一关联。
    """,
)

GO407 = define(
    "GO407",
    "unknown-unit",
    Severity.WARNING,
    """职责的承担机构不在映射的内设机构中。

    检查：职责的 `units` 列出的每个机构编号，是否都在映射的 `units`（内设机构）中。
    映射没有写 `units` 时不检查。

    依据：三定规定（如《山西省自然资源厅职能配置、内设机构和人员编制规定》）规定
    内设机构及其职责；映射中的机构编号与 `units` 一致，才能按机构统计公开事项。为什么是警告：这是映射文件内部的一致性问题，不是法律问题。

    错误示例：units 中只有 GBZJ
        duties:
          - id: D05
            text: 负责耕地保护和征地管理工作
            units: [GBJZ]

    修改：改成 `units` 中的编号，或在 `units` 中加上 `{id: GBJZ, name: 机构名称}`。
    """,
)

GO408 = define(
    "GO408",
    "duplicate-duty-id",
    Severity.ERROR,
    """三定映射中两项职责的编号相同。

    检查：三定映射中的职责编号是否唯一；报告在第二次及以后出现的编号处。

    依据：目录文件格式第 2 节：职责编号必须唯一，事项的 `duties` 靠它指向职责；
    编号重复时无法知道事项公开的是哪一项职责。为什么是错误：这是文件格式错误，不是法律问题。

    错误示例：两项职责都是 D05
        duties:
          - {id: D05, text: 负责耕地保护工作}
          - {id: D05, text: 负责征地管理工作}

    修改：给每项职责不同的编号，并同步修改引用它的事项。
    """,
)

GO409 = define(
    "GO409",
    "coverage-below-threshold",
    Severity.ERROR,
    """三定职责覆盖率低于项目要求的最低覆盖率。

    检查：覆盖率 =（已覆盖 + 不予公开）÷ 职责总数，是否达到 govopen.toml 的
    `min-coverage`（或命令行的 `--min-coverage`）。未设置最低要求时不检查。

    依据：项目配置 govopen.toml 的 `min-coverage`：本项目对三定覆盖的要求。为什么是错误：未达到项目自己设定的覆盖率要求（可在 govopen.toml 中调整）。

    错误示例：min-coverage = 100，而 6 项职责中 1 项缺失（83.3%）
        duties:
          - id: D06
            text: 负责国土空间规划工作

    修改：补上缺失职责的公开事项（见 GO402）；`govopen coverage 目录文件` 列出逐项情况。
    """,
)
