"""JSON Schema validation of loaded documents, with messages a 政务公开 officer can act on.

The schemas ship inside the package (``govopen_cli/schemas``; a test keeps them equal
to the repository's ``schemas/``). A document is first checked with jsonschema-rs,
which is fast enough that validating costs a fraction of parsing; only a document
that fails is walked again with :mod:`jsonschema`, whose errors carry the keyword,
the schema and the instance path that the Chinese messages below are written from.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from govopen_cli.catalog.document import Document
from govopen_cli.catalog.pointer import make_pointer
from govopen_cli.diagnostics import Diagnostic, Severity

SCHEMA_NAMES = ("catalog", "duties")

CODE_MISSING = "GO101"
CODE_TYPE = "GO102"
CODE_VALUE = "GO103"
CODE_UNKNOWN_FIELD = "GO104"

SCHEMA_CODES: dict[str, tuple[str, str]] = {
    CODE_MISSING: ("missing-field", "缺少必填字段"),
    CODE_TYPE: ("wrong-type", "字段类型不对（如未加引号的数字、yes/no）"),
    CODE_VALUE: ("invalid-value", "字段的值不在允许范围内"),
    CODE_UNKNOWN_FIELD: ("unknown-field", "未知字段（常见于拼写错误）"),
}

#: Where a date written without quotes is what the format wants.
DATE_FIELDS = ("until",)

_TYPE_ZH = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true/false",
    "array": "列表",
    "object": "映射（字段: 值）",
    "null": "空值",
}


def schema_text(name: str) -> str:
    """The JSON text of a shipped schema (``catalog`` or ``duties``)."""
    if name not in SCHEMA_NAMES:
        raise KeyError(name)
    return (resources.files("govopen_cli") / "schemas" / f"{name}.schema.json").read_text(
        encoding="utf-8"
    )


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A shipped schema as data."""
    data: dict[str, Any] = json.loads(schema_text(name))
    return data


@cache
def _fast_validator(name: str) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - the wheel exists for common platforms
        return None
    return jsonschema_rs.validator_for(load_schema(name))


@cache
def _full_validator(name: str) -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(load_schema(name))


def _value_zh(value: Any) -> str:
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


def _instance_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


class _Translator:
    """Turns jsonschema errors into located Chinese diagnostics for one document."""

    def __init__(self, document: Document, kind: str) -> None:
        self.doc = document
        self.kind = kind
        self.root_schema = load_schema(kind)

    # -- naming ---------------------------------------------------------------

    def _title(self, schema: dict[str, Any]) -> str:
        if "title" in schema:
            return str(schema["title"])
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = self.root_schema["$defs"].get(ref.split("/")[-1], {})
            return str(target.get("title", ""))
        return ""

    def field_name(self, path: list[str | int], schema: dict[str, Any] | None) -> str:
        """``owner（公开主体）`` or ``channels（公开渠道和载体）第 2 项``."""
        if not path:
            return "文件顶层"
        suffix = ""
        tokens = list(path)
        while tokens and isinstance(tokens[-1], int):
            suffix = f"第 {tokens[-1] + 1} 项" + suffix
            tokens.pop()
        if not tokens:
            return suffix
        name = str(tokens[-1])
        title = self._title(schema or {}) if not suffix else ""
        if not title:
            title = self._property_title(tokens)
        return f"{name}（{title}）{suffix}" if title else f"{name}{suffix}"

    def _property_title(self, tokens: list[str | int]) -> str:
        schema: dict[str, Any] = self.root_schema
        for token in tokens:
            schema = self._deref(schema)
            if isinstance(token, int):
                schema = self._deref(schema.get("items", {}))
            else:
                schema = schema.get("properties", {}).get(token, {})
        return self._title(schema)

    def _deref(self, schema: dict[str, Any]) -> dict[str, Any]:
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return dict(self.root_schema["$defs"].get(ref.split("/")[-1], {}))
        return schema

    def context(self, path: list[str | int]) -> str:
        """``事项 ZD-002：`` for a field inside an item, so the reader knows which row."""
        data = self.doc.data
        if self.kind == "catalog" and len(path) >= 2 and path[0] == "items":
            try:
                item = data["items"][path[1]]
            except (KeyError, IndexError, TypeError):
                return ""
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return f"事项 {item['id']}："
            return f"第 {int(path[1]) + 1} 个事项："
        if self.kind == "duties" and len(path) >= 2 and path[0] == "duties":
            try:
                duty = data["duties"][path[1]]
            except (KeyError, IndexError, TypeError):
                return ""
            if isinstance(duty, dict) and isinstance(duty.get("id"), str):
                return f"职责 {duty['id']}："
            return f"第 {int(path[1]) + 1} 项职责："
        if self.kind == "catalog" and path and path[0] == "catalog":
            return "目录信息 catalog："
        return ""

    # -- translation ------------------------------------------------------------

    def diagnostics(self, errors: Iterable[Any]) -> Iterator[Diagnostic]:
        seen: set[tuple[str, str]] = set()
        for error in errors:
            for code, path, message, at_key in self.translate(error):
                pointer = make_pointer(path)
                if (pointer, message) in seen:
                    continue
                seen.add((pointer, message))
                line, column = self.doc.locate(pointer, key=at_key)
                yield Diagnostic(
                    file=self.doc.display,
                    line=line,
                    column=column,
                    code=code,
                    severity=Severity.ERROR,
                    message=self.context(path) + message,
                    path=pointer,
                    name=SCHEMA_CODES[code][0],
                )

    def translate(self, error: Any) -> list[tuple[str, list[str | int], str, bool]]:
        path: list[str | int] = list(error.absolute_path)
        keyword = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}
        value = error.instance
        if keyword in ("anyOf", "oneOf"):
            return self._alternatives(error, path, schema)
        if keyword == "required":
            # jsonschema reports each missing property as its own error, named in the message.
            quoted = re.match(r"^'([^']*)' is a required property", str(error.message))
            missing = quoted.group(1) if quoted else str(error.validator_value[0])
            title = self._title(schema.get("properties", {}).get(missing, {}))
            label = f"{missing}（{title}）" if title else missing
            return [(CODE_MISSING, path, f"缺少必填字段 {label}：请补上这一项", False)]
        if keyword == "dependentRequired":
            pairs = [
                (k, need)
                for k, needs in error.validator_value.items()
                if isinstance(value, dict) and k in value
                for need in needs
                if need not in value
            ]
            k, need = pairs[0] if pairs else ("days", "unit")
            hint = "（工作日 或 自然日）" if need == "unit" else "（天数）"
            return [
                (
                    CODE_MISSING,
                    path,
                    f"写了 {k} 就必须同时写 {need}{hint}：否则无法判断时限怎么计算",
                    False,
                )
            ]
        if keyword == "additionalProperties":
            extras = (
                [k for k in value if k not in schema.get("properties", {})]
                if isinstance(value, dict)
                else []
            )
            out = []
            allowed = list(schema.get("properties", {}))
            for extra in extras:
                if any(re.search(p, extra) for p in schema.get("patternProperties", {})):
                    continue
                where = self._title(schema) or "这里"
                term = self._field_for_term(extra, schema.get("properties", {}))
                guess = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
                if term is not None:
                    hint = f"字段名用英文：“{extra}”应写作 {term}"
                elif guess:
                    hint = f"是不是 {guess[0]}（{self._title(schema['properties'][guess[0]])}）？"
                else:
                    hint = f"允许的字段有：{'、'.join(allowed)}（扩展字段请以 x- 开头）"
                out.append(
                    (
                        CODE_UNKNOWN_FIELD,
                        [*path, extra],
                        f"未知字段 {extra}：{where}没有这个字段，{hint}",
                        True,
                    )
                )
            return out
        name = self.field_name(path, schema)
        if keyword == "type":
            return [(CODE_TYPE, path, self._type_message(path, name, schema, value), False)]
        if keyword in ("enum", "const"):
            allowed = error.validator_value if keyword == "enum" else [error.validator_value]
            return [
                (
                    self._enum_code(value),
                    path,
                    self._enum_message(path, name, allowed, value),
                    False,
                )
            ]
        return [(CODE_VALUE, path, self._value_message(keyword, name, error, value), False)]

    def _field_for_term(self, term: str, properties: dict[str, Any]) -> str | None:
        """The field whose official Chinese name is ``term`` (公开时限 -> deadline)."""
        wanted = term.strip().rstrip(":：")
        if not wanted or wanted.isascii():
            return None
        for name, sub in properties.items():
            title = self._title(sub)
            bare = re.sub(r"[（(].*?[）)]", "", title)
            if title and (wanted in (title, bare) or title.startswith(wanted)):
                return str(name)
        return None

    def _enum_code(self, value: Any) -> str:
        return CODE_TYPE if isinstance(value, bool) else CODE_VALUE

    def _written(self, path: list[str | int]) -> str | None:
        pointer = make_pointer(path)
        if self.doc.is_plain_scalar(pointer):
            return self.doc.source_text(pointer)
        return None

    def _type_message(
        self, path: list[str | int], name: str, schema: dict[str, Any], value: Any
    ) -> str:
        wanted = schema.get("type")
        wanted_list = wanted if isinstance(wanted, list) else [wanted]
        want = "或".join(_TYPE_ZH.get(str(w), str(w)) for w in wanted_list)
        written = self._written(path)
        if "string" in wanted_list and written is not None and not isinstance(value, str):
            return (
                f"{name} 应为文字，但 YAML 把不加引号的 {written} 读成了{_value_zh(value)}"
                f"{'（前导 0 会丢失）' if written.startswith('0') and written != '0' else ''}。"
                f"请加引号：'{written}'"
            )
        if "integer" in wanted_list and isinstance(value, str) and value.strip().isdigit():
            return f"{name} 应为整数，不要加引号：写成 {value.strip()}"
        return f"{name} 应为{want}，这里是{_value_zh(value)}"

    def _enum_message(
        self, path: list[str | int], name: str, allowed: list[Any], value: Any
    ) -> str:
        options = "、".join(str(a) for a in allowed)
        written = self._written(path)
        if isinstance(value, bool) and written is not None:
            return (
                f"{name} 的 {written} 被 YAML 读成了布尔值 {str(value).lower()}，"
                f"不是允许的值。应为 {options} 之一"
            )
        hint = _suggest(str(value), [str(a) for a in allowed])
        return f"{name} 的值 {_value_zh(value)} 不在允许范围内：应为 {options} 之一{hint}"

    def _value_message(self, keyword: str, name: str, error: Any, value: Any) -> str:
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
            return self._pattern_message(name, str(limit), value)
        return f"{name} 的值 {_value_zh(value)} 不符合要求：{error.message}"

    def _pattern_message(self, name: str, pattern: str, value: Any) -> str:
        shown = _value_zh(value)
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

    def _alternatives(
        self, error: Any, path: list[str | int], schema: dict[str, Any]
    ) -> list[tuple[str, list[str | int], str, bool]]:
        value = error.instance
        actual = _instance_type(value)
        subs = list(error.context or [])
        # Errors from a branch whose type matches the value say what is really wrong.
        relevant = [
            s for s in subs if not (s.validator == "type" and list(s.absolute_path) == path)
        ]
        relevant = [
            s
            for s in relevant
            if _branch_accepts_type(s, actual, self) or list(s.absolute_path) != path
        ]
        if relevant:
            from jsonschema.exceptions import best_match

            best = best_match(relevant)
            if best is not None:
                return self.translate(best)
        name = self.field_name(path, schema)
        enums: list[str] = []
        types: list[str] = []
        for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
            branch = self._deref(branch)
            if "enum" in branch:
                enums.extend(str(v) for v in branch["enum"])
            if branch.get("type"):
                types.append(_TYPE_ZH.get(str(branch["type"]), str(branch["type"])))
        written = self._written(path)
        if enums:
            if isinstance(value, bool) and written is not None:
                return [
                    (
                        CODE_TYPE,
                        path,
                        f"{name} 的 {written} 被 YAML 读成了布尔值 {str(value).lower()}，"
                        f"应为 {'、'.join(dict.fromkeys(enums))} 之一（或它们的列表）",
                        False,
                    )
                ]
            options = list(dict.fromkeys(enums))
            return [
                (
                    CODE_VALUE,
                    path,
                    f"{name} 的值 {_value_zh(value)} 不在允许范围内：应为 "
                    f"{'、'.join(options)} 之一（或它们的列表）"
                    f"{_suggest(str(value), options)}",
                    False,
                )
            ]
        if written is not None and "文字" in types and not isinstance(value, str):
            return [
                (
                    CODE_TYPE,
                    path,
                    f"{name} 应为文字，但 YAML 把不加引号的 {written} 读成了{_value_zh(value)}。"
                    f"请加引号：'{written}'",
                    False,
                )
            ]
        want = "或".join(dict.fromkeys(types)) or "规定的形式"
        return [(CODE_TYPE, path, f"{name} 应为{want}，这里是{_value_zh(value)}", False)]


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


def _suggest(value: str, allowed: list[str]) -> str:
    canonical = VALUE_SYNONYMS.get(value.strip())
    if canonical in allowed:
        return f"，应写作 {canonical}"
    guess = difflib.get_close_matches(value, allowed, n=1, cutoff=0.5)
    return f"，是不是 {guess[0]}？" if guess else ""


def _branch_accepts_type(sub: Any, actual: str, translator: _Translator) -> bool:
    """Whether the anyOf branch that produced ``sub`` would take a value of this type."""
    branch = translator._deref(sub.schema if isinstance(sub.schema, dict) else {})
    declared = branch.get("type")
    if declared is None:
        if "enum" in branch:
            return all(_instance_type(v) == actual for v in branch["enum"])
        return True
    types = declared if isinstance(declared, list) else [declared]
    return actual in types or (actual == "integer" and "number" in types)


def validate_document(document: Document, kind: str) -> list[Diagnostic]:
    """Validate a loaded document against the ``catalog`` or ``duties`` schema."""
    problems: list[Diagnostic] = []
    fast = _fast_validator(kind)
    if fast is None or not fast.is_valid(document.data):
        errors = _full_validator(kind).iter_errors(document.data)
        problems.extend(_Translator(document, kind).diagnostics(errors))
    problems.extend(_date_diagnostics(document))
    return problems


def _date_diagnostics(document: Document) -> Iterator[Diagnostic]:
    """Text that YAML reads as a date, where the format wants free text."""
    for pointer in document.dates:
        if pointer.rsplit("/", 1)[-1] in DATE_FIELDS:
            continue
        written = document.source_text(pointer) or ""
        line, column = document.locate(pointer)
        yield Diagnostic(
            file=document.display,
            line=line,
            column=column,
            code="GO010",
            severity=Severity.ERROR,
            message=(
                f"{pointer.rsplit('/', 1)[-1]} 的值 {written} 会被 YAML 读成日期，"
                f"不是文字。请加引号：'{written}'"
            ),
            path=pointer,
            name="implicit-date",
        )
