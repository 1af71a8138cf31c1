"""The codes the YAML loader reports (GO001-GO012), and how its parts build one.

Decoding, syntax errors, the alias guard and the event builder all report with
:func:`loader_diagnostic`, always as an error.
"""

from __future__ import annotations

from govopen_cli.diagnostics import Diagnostic, Severity

# Loader diagnostics: codes never change meaning.
CODE_SYNTAX = "GO001"
CODE_ENCODING = "GO002"
CODE_DUPLICATE_KEY = "GO003"
CODE_ALIAS_BOMB = "GO004"
CODE_EMPTY = "GO005"
CODE_MULTI_DOC = "GO006"
CODE_NOT_MAPPING = "GO007"
CODE_UNKNOWN_KIND = "GO008"
CODE_BINARY = "GO009"
CODE_IMPLICIT_DATE = "GO010"
CODE_UNREADABLE = "GO011"
CODE_TAG = "GO012"

LOADER_CODES: dict[str, tuple[str, str]] = {
    CODE_SYNTAX: ("yaml-syntax", "YAML 语法错误"),
    CODE_ENCODING: ("not-utf8", "文件不是 UTF-8 编码"),
    CODE_DUPLICATE_KEY: ("duplicate-key", "同一映射中键重复"),
    CODE_ALIAS_BOMB: ("alias-expansion", "锚点/别名展开过大"),
    CODE_EMPTY: ("empty-file", "文件为空"),
    CODE_MULTI_DOC: ("multiple-documents", "一个文件中有多个 YAML 文档"),
    CODE_NOT_MAPPING: ("top-level-not-mapping", "顶层不是映射"),
    CODE_UNKNOWN_KIND: ("unknown-file-kind", "无法识别的文件类型"),
    CODE_BINARY: ("binary-file", "不是文本文件"),
    CODE_IMPLICIT_DATE: ("implicit-date", "文本被 YAML 读成日期"),
    CODE_UNREADABLE: ("unreadable-file", "文件无法读取"),
    CODE_TAG: ("unsupported-tag", "不支持的 YAML 标签"),
}


def loader_diagnostic(
    display: str, line: int, column: int, code: str, message: str, pointer: str = ""
) -> Diagnostic:
    """An error of one of :data:`LOADER_CODES` at a 1-based place in ``display``."""
    return Diagnostic(
        file=display,
        line=line,
        column=column,
        code=code,
        severity=Severity.ERROR,
        message=message,
        path=pointer,
        name=LOADER_CODES[code][0],
    )
