"""How schema problems are said in Chinese: types, values, and the limits they break.

The wording a 政务公开 officer can act on: a value is named as written (“yes” read as
true/false, ``001`` read as a number), and a value spelled as in real tables
(依申请公开, 街道, ■) is answered with the format's word for it (:data:`VALUE_SYNONYMS`).
"""

from __future__ import annotations

import difflib
from typing import Any

TYPE_ZH = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true/false",
    "array": "列表",
    "object": "映射（字段: 值）",
    "null": "空值",
}


def value_zh(value: Any) -> str:
    """A value as a message names it: ``数字 1``, ``列表``, ``“文字…”``."""
    if isinstance(value, bool):
        return f"布尔值 {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"数字 {value}"
    if value is None:
        return "空值"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    text = str(value)
    return f"“{text[:40]}{'…' if len(text) > 40 else ''}”"


#: Spellings met in real tables for the enumerated values of the format.
VALUE_SYNONYMS = {
    "主动公开": "主动",
    "依申请公开": "依申请",
    "特定群众": "特定群体",
    "特定对象": "特定群体",
    "社会公众": "全社会",
    "乡镇级": "乡级",
    "镇级": "乡级",
    "镇街级": "乡级",
    "街道": "乡级",
    "省": "省级",
    "市": "市级",
    "县": "县级",
    "区县级": "县级",
    "县区级": "县级",
    "■": "必选",
    "□": "可选",
    "▲": "择一",
}


def suggest(value: str, allowed: list[str]) -> str:
    """``，应写作 X`` or ``，是不是 X？`` for a value not among ``allowed``, or nothing."""
    canonical = VALUE_SYNONYMS.get(value.strip())
    if canonical in allowed:
        return f"，应写作 {canonical}"
    guess = difflib.get_close_matches(value, allowed, n=1, cutoff=0.5)
    return f"，是不是 {guess[0]}？" if guess else ""


def type_message(
    name: str, schema: dict[str, Any], value: Any, written: str | None, key: str | None = None
) -> str:
    """``name`` has the wrong type; ``written`` is the value as written when unquoted.

    ``key`` is the field as written in the file, for the ``key: [value]`` form of a list.
    """
    wanted = schema.get("type")
    wanted_list = wanted if isinstance(wanted, list) else [wanted]
    want = "或".join(TYPE_ZH.get(str(w), str(w)) for w in wanted_list)
    if "string" in wanted_list and written is not None and not isinstance(value, str):
        return (
            f"{name} 应为文字，但 YAML 把不加引号的 {written} 读成了{value_zh(value)}"
            f"{'（前导 0 会丢失）' if written.startswith('0') and written != '0' else ''}。"
            f"请加引号：'{written}'"
        )
    if "integer" in wanted_list and isinstance(value, str) and value.strip().isdigit():
        return f"{name} 应为整数，不要加引号：写成 {value.strip()}"
    if wanted_list == ["array"] and key is not None and not isinstance(value, (list, dict)):
        shown = written if written is not None else str(value)
        return (
            f"{name} 应为列表，这里是{value_zh(value)}。即使只有一项也写成列表："
            f"{key}: [{shown}]（多项用英文逗号分开，如 [甲, 乙]）"
        )
    return f"{name} 应为{want}，这里是{value_zh(value)}"


def deadline_number_message(name: str, value: Any) -> str:
    """``deadline: 7``: a 公开时限 is the official wording, not a bare number."""
    text = f"自信息形成或者变更之日起{value}个工作日内"
    return (
        f"{name} 写成了数字 {value}：公开时限要写官方表述（条例第二十六条：自政府信息形成或者变更之日起"
        f"20个工作日内公开，法律法规另有规定的从其规定），如 deadline: {text}；"
        f"要让工具计算天数，写成 deadline: {{text: {text}, days: {value}, unit: 工作日}}"
    )


def enum_message(name: str, allowed: list[Any], value: Any, written: str | None) -> str:
    """``name`` is not one of ``allowed``."""
    options = "、".join(str(a) for a in allowed)
    if isinstance(value, bool) and written is not None:
        return (
            f"{name} 的 {written} 被 YAML 读成了布尔值 {str(value).lower()}，"
            f"不是允许的值。应为 {options} 之一"
        )
    hint = suggest(str(value), [str(a) for a in allowed])
    return f"{name} 的值 {value_zh(value)} 不在允许范围内：应为 {options} 之一{hint}"


def value_message(keyword: str, name: str, error: Any, value: Any) -> str:
    """``name`` breaks the limit of ``keyword`` (minItems, pattern, minimum, …)."""
    limit = error.validator_value
    if keyword == "minItems":
        if limit <= 1:
            return f"{name} 不能是空列表：至少写一项"
        return f"{name} 至少要有 {limit} 项，这里只有 {len(value)} 项"
    if keyword == "maxItems":
        return f"{name} 最多 {limit} 项，这里有 {len(value)} 项"
    if keyword == "uniqueItems":
        dups = sorted({str(v) for v in value if value.count(v) > 1})
        return f"{name} 中有重复的值：{'、'.join(dups)}。请删除重复项"
    if keyword in ("minLength",):
        return f"{name} 不能为空"
    if keyword == "minimum":
        return f"{name} 不能小于 {limit}，这里是 {value}"
    if keyword == "maximum":
        return f"{name} 不能大于 {limit}，这里是 {value}"
    if keyword == "pattern":
        return _pattern_message(name, str(limit), value)
    return f"{name} 的值 {value_zh(value)} 不符合要求：{error.message}"


def _pattern_message(name: str, pattern: str, value: Any) -> str:
    shown = value_zh(value)
    if pattern == "\\S":
        return f"{name} 不能为空或只有空白"
    if pattern == "^\\S+$":
        return f"{name} 的值 {shown} 不能含空格"
    if "http" in pattern:
        return f"{name} 的值 {shown} 不是网址：应以 http:// 或 https:// 开头"
    if "[0-9]{4}-" in pattern:
        return f"{name} 的值 {shown} 不是日期：请写成 YYYY-MM-DD，如 2027-12-31"
    if "[A-Z]{2}" in pattern:
        return f"{name} 的值 {shown} 不是规则编号：应形如 GO301（可用 govopen rules 查看）"
    if "A-Za-z0-9" in pattern:
        return f"{name} 的值 {shown} 只能用字母、数字和“-”“_”“.”，如 sx-zrzyt"
    return f"{name} 的值 {shown} 格式不对（应符合 {pattern}）"
