"""GO9xx 豁免: what :mod:`govopen_cli.checks.waiver` reports about the waivers themselves.

It reports them after the other rules have run, since only then is it known which
waivers silenced something.
"""

from __future__ import annotations

from govopen_cli.codes import define
from govopen_cli.diagnostics import Severity

GO901 = define(
    "GO901",
    "waiver-expired",
    Severity.WARNING,
    """检查：事项的豁免（waivers）写了 `until`，而这一日期已过。过期的豁免不再生效，被它豁免的问题照常报告。

    依据：目录文件格式第 1 节：`until` 之后豁免失效。给豁免定期限，是为了到期时重新审视当初的理由。

    错误示例：今天是 2025 年
        waivers:
          - {rule: GO301, reason: 另有规定, until: 2024-12-31}

    修改：处理被豁免的问题后删除这条豁免；理由仍然成立时，把 `until` 改到新的日期。
    """,
    summary="豁免已过有效期（until），不再生效",
)

GO902 = define(
    "GO902",
    "unused-waiver",
    Severity.WARNING,
    """检查：事项的豁免（waivers）是否真的豁免了什么：被豁免的规则在这个事项上没有发现问题，或同一规则重复写了豁免。

    依据：与 ruff 的 unused-noqa 同理：用不到的豁免会在以后悄悄掩盖新的问题。规则没有运行（被 select/ignore 排除，或需要三定映射而没有）时不报告。

    错误示例：事项已列出政府网站，却仍豁免 GO201
        channels: [政府网站]
        waivers:
          - {rule: GO201, reason: 本事项只在公示栏公开}

    修改：删除这条豁免。
    """,
    summary="豁免没有用到：被豁免的规则在该事项上没有发现问题",
)

GO903 = define(
    "GO903",
    "waiver-unknown-rule",
    Severity.ERROR,
    """检查：事项的豁免（waivers）写的 `rule` 是否是 govopen 的规则编号。

    依据：目录文件格式第 1 节：`rule` 是规则编号；写错的编号什么也不豁免。

    错误示例：没有 GO999 这条规则
        waivers:
          - {rule: GO999, reason: 另有规定}

    修改：改成 `govopen rules` 列出的编号，或删除这条豁免。
    """,
    summary="豁免的规则编号不存在",
)
