"""jsonschema's errors -> located Chinese diagnostics (GO101-GO104).

Each error is turned into the field it is about (by the schema's titles: ``owner（公开主体）``),
the item or duty it is in, a code, and a message from :mod:`.schema_messages`, located
at the value (or, for an unknown field, its key) in the file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from govopen_cli.catalog.document import Document
from govopen_cli.catalog.placeholder import PLACEHOLDER
from govopen_cli.catalog.pointer import make_pointer
from govopen_cli.catalog.schema_messages import (
    TYPE_ZH,
    deadline_number_message,
    enum_message,
    suggest,
    type_message,
    value_message,
    value_zh,
)
from govopen_cli.codes import all_codes
from govopen_cli.codes.go.schema import GO101, GO102, GO103, GO104
from govopen_cli.diagnostics import Diagnostic, Severity


def schema_diagnostics(
    document: Document, kind: str, root_schema: dict[str, Any], errors: Iterable[Any]
) -> Iterator[Diagnostic]:
    """The diagnostics of jsonschema ``errors`` about ``document`` (``kind`` names its schema)."""
    return _Translator(document, kind, root_schema).diagnostics(errors)


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

    def __init__(self, document: Document, kind: str, root_schema: dict[str, Any]) -> None:
        self.doc = document
        self.kind = kind
        self.root_schema = root_schema

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
            if isinstance(error.instance, str) and error.instance.startswith(PLACEHOLDER):
                continue  # a value govopen import left as a placeholder: GX006 reports it once
            for code, path, message, at_key in self.translate(error):
                pointer = make_pointer(path)
                if (pointer, message) in seen:
                    continue
                seen.add((pointer, message))
                line, column = self.doc.locate(pointer, key=at_key)
                yield all_codes()[code].at(
                    self.doc.display,
                    self.context(path) + message,
                    line=line,
                    column=column,
                    path=pointer,
                    severity=Severity.ERROR,
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
            return [(GO101.code, path, f"缺少必填字段 {label}：请补上这一项", False)]
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
                    GO101.code,
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
                        GO104.code,
                        [*path, extra],
                        f"未知字段 {extra}：{where}没有这个字段，{hint}",
                        True,
                    )
                )
            return out
        name = self.field_name(path, schema)
        if keyword == "type":
            return [
                (
                    GO102.code,
                    path,
                    type_message(name, schema, value, self._written(path), _key(path)),
                    False,
                )
            ]
        if keyword in ("enum", "const"):
            allowed = error.validator_value if keyword == "enum" else [error.validator_value]
            return [
                (
                    self._enum_code(value),
                    path,
                    enum_message(name, allowed, value, self._written(path)),
                    False,
                )
            ]
        return [(GO103.code, path, value_message(keyword, name, error, value), False)]

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
        return GO102.code if isinstance(value, bool) else GO103.code

    def _written(self, path: list[str | int]) -> str | None:
        pointer = make_pointer(path)
        if self.doc.is_plain_scalar(pointer):
            return self.doc.source_text(pointer)
        return None

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
                types.append(TYPE_ZH.get(str(branch["type"]), str(branch["type"])))
        written = self._written(path)
        if enums:
            if isinstance(value, bool) and written is not None:
                return [
                    (
                        GO102.code,
                        path,
                        f"{name} 的 {written} 被 YAML 读成了布尔值 {str(value).lower()}，"
                        f"应为 {'、'.join(dict.fromkeys(enums))} 之一（或它们的列表）",
                        False,
                    )
                ]
            options = list(dict.fromkeys(enums))
            return [
                (
                    GO103.code,
                    path,
                    f"{name} 的值 {value_zh(value)} 不在允许范围内：应为 "
                    f"{'、'.join(options)} 之一（或它们的列表）"
                    f"{suggest(str(value), options)}",
                    False,
                )
            ]
        if _key(path) == "deadline" and isinstance(value, (int, float)):
            return [(GO102.code, path, deadline_number_message(name, value), False)]
        if written is not None and "文字" in types and not isinstance(value, str):
            return [
                (
                    GO102.code,
                    path,
                    f"{name} 应为文字，但 YAML 把不加引号的 {written} 读成了{value_zh(value)}。"
                    f"请加引号：'{written}'",
                    False,
                )
            ]
        want = "或".join(dict.fromkeys(types)) or "规定的形式"
        return [(GO102.code, path, f"{name} 应为{want}，这里是{value_zh(value)}", False)]


def _key(path: list[str | int]) -> str | None:
    """The field name the path ends in, as written in the file (None for a list index)."""
    return path[-1] if path and isinstance(path[-1], str) else None


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
