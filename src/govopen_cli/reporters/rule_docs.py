"""Code documentation, rendered from :mod:`govopen_cli.codes`: ``govopen rules`` and docs/rules.md.

Every code's documentation is four paragraphs starting with ``检查：``, ``依据：``,
``错误示例：`` (a YAML snippet, indented) and ``修改：``, after a one-line summary.
:func:`doc_sections` reads them back; the renderers here turn the codes into text,
JSON-ready data and Markdown. docs/rules.md is :func:`render_rules_markdown`'s output,
regenerated with::

    python -m govopen_cli.reporters.rule_docs docs/rules.md
"""

from __future__ import annotations

import difflib
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govopen_cli.checks.rules import load_rules
from govopen_cli.codes import Code, iter_codes

_CODE_LIKE = re.compile(r"^[A-Za-z]{2}[0-9]*$")

SECTION_MARKERS = ("检查：", "依据：", "错误示例：", "修改：")

FAMILY_TITLES = {
    "GO0": "文件与 YAML",
    "GO1": "格式（schema）",
    "GO2": "公开方式与渠道",
    "GO3": "公开时限",
    "GO4": "三定覆盖",
    "GO5": "征地",
    "GO6": "依据与内容",
    "GO7": "标准目录",
    "GO9": "豁免",
    "GD0": "年度对比：无法对比",
    "GD1": "年度对比：事项",
    "GD2": "年度对比：字段",
    "GD3": "年度对比：三定覆盖",
    "GD4": "年度对比：目录信息",
    "GR0": "依申请台账",
    "GR1": "答复期限与处理",
    "GR2": "年度报告表",
}

GENERATED_NOTE = (
    "<!-- 本文件由 `python -m govopen_cli.reporters.rule_docs docs/rules.md` 从编号表"
    "（src/govopen_cli/codes/）生成，请勿手改：改编号表中的说明后重新生成。 -->"
)


@dataclass(frozen=True)
class DocSections:
    """A rule's documentation, split into its parts ("" for a part it lacks)."""

    summary: str
    check: str = ""
    basis: str = ""
    example: str = ""
    example_code: str = ""
    fix: str = ""

    @property
    def complete(self) -> bool:
        """True when all four parts are there (the example as text or as code)."""
        return bool(self.check and self.basis and (self.example or self.example_code) and self.fix)


def doc_sections(rule_: Code) -> DocSections:
    """Split a code's documentation into summary, 检查, 依据, 错误示例 and 修改.

    A part runs from the line starting with its marker to the next marker. In 错误示例,
    text on the marker's line is prose and the lines after it are the YAML snippet.
    """
    parts: dict[str, list[str]] = {}
    current: str | None = None
    for line in rule_.doc.splitlines():
        marker = next((m for m in SECTION_MARKERS if line.startswith(m)), None)
        if marker is not None:
            current = marker
            parts[marker] = [line[len(marker) :]]
        elif current is not None:
            parts[current].append(line)

    example_lines = parts.get("错误示例：", [""])
    code = textwrap.dedent("\n".join(example_lines[1:])).strip("\n")
    return DocSections(
        summary=rule_.summary,
        check=_join_prose(parts.get("检查：", [])),
        basis=_join_prose(parts.get("依据：", [])),
        example=example_lines[0].strip(),
        example_code=code,
        fix=_join_prose(parts.get("修改：", [])),
    )


def _latin(char: str) -> bool:
    # Latin words and code spans are spaced from Chinese; digits and punctuation are not.
    return char.isascii() and (char.isalpha() or char in "`")


def _join_prose(lines: list[str]) -> str:
    # Wrapped lines join without a space, except next to a Latin word or a code span
    # ("写" + "channels" -> "写 channels", as the docs space Latin words).
    # A blank line ends the part.
    out = ""
    for line in lines:
        text = line.strip()
        if not text:
            break
        if out:
            last, first = out[-1], text[0]
            if _latin(last) or _latin(first):
                out += " "
        out += text
    return out


def lookup_rules(query: str | None) -> tuple[Code | None, list[Code]]:
    """``(rule, [])`` for a code or name, ``(None, rules)`` for a prefix or no query.

    ``(None, [])`` means nothing matches.
    """
    rules = list(iter_codes())
    if not query:
        return None, rules
    wanted = query.strip()
    for rule_ in rules:
        if rule_.code == wanted.upper() or rule_.name == wanted.lower():
            return rule_, []
    return None, [r for r in rules if r.code.startswith(wanted.upper())]


def suggest_rule(query: str) -> str | None:
    """The rule name closest to a query that matched nothing (codes are not guessed)."""
    if _CODE_LIKE.match(query.strip()):
        # GO999 is not "almost GO209": a near code is a different rule.
        return None
    names = [r.name for r in iter_codes()]
    close = difflib.get_close_matches(query, names, n=1, cutoff=0.6)
    return close[0] if close else None


def rule_to_dict(rule_: Code, *, full: bool = False) -> dict[str, Any]:
    """The JSON shape of a rule: code, name, severity, family, summary (and the doc)."""
    data: dict[str, Any] = {
        "code": rule_.code,
        "name": rule_.name,
        "severity": rule_.severity.label,
        "family": rule_.family,
        "summary": rule_.summary,
        "has_check": rule_.code in load_rules(),
    }
    if full:
        sections = doc_sections(rule_)
        data["doc"] = rule_.doc
        data["sections"] = {
            "check": sections.check,
            "basis": sections.basis,
            "example": sections.example_code or sections.example,
            "fix": sections.fix,
        }
    return data


def rules_text(rules: list[Code]) -> str:
    """One line per rule: code, name, severity, summary, in aligned columns."""
    if not rules:
        return ""
    width = max(len(r.name) for r in rules)
    lines = [f"{r.code}  {r.name:<{width}}  {r.severity.zh}  {r.summary}" for r in rules]
    return "\n".join(lines) + "\n"


def rule_text(rule_: Code) -> str:
    """The full documentation of one rule, for the terminal."""
    head = f"{rule_.code} {rule_.name}（默认严重程度：{rule_.severity.label} {rule_.severity.zh}）"
    return f"{head}\n\n{rule_.doc}\n"


def _anchor(rule_: Code) -> str:
    # The anchor GitHub and most renderers give the heading "GO201 proactive-needs-website".
    return f"{rule_.code.lower()}-{rule_.name}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rules_table_markdown(rules: list[Code], *, links: bool = False) -> str:
    """A Markdown table of rules: code, name, default severity, summary."""
    lines = ["| 编号 | 名称 | 默认严重程度 | 说明 |", "| --- | --- | --- | --- |"]
    for r in rules:
        code = f"[{r.code}](#{_anchor(r)})" if links else r.code
        lines.append(f"| {code} | `{r.name}` | {r.severity.label} | {_cell(r.summary)} |")
    return "\n".join(lines) + "\n"


def rule_markdown(rule_: Code, *, level: int = 3) -> str:
    """One rule's documentation as a Markdown section."""
    sections = doc_sections(rule_)
    hashes = "#" * level
    out = [
        f"{hashes} {rule_.code} {rule_.name}",
        "",
        f"默认严重程度：**{rule_.severity.label}**（{rule_.severity.zh}）",
        "",
        sections.summary,
        "",
    ]
    if not sections.complete:
        # Codes defined without the four parts (none today) show their doc as is.
        if rule_.doc and rule_.doc != sections.summary:
            out += [rule_.doc, ""]
        return "\n".join(out)
    out += [f"**检查**：{sections.check}", "", f"**依据**：{sections.basis}", ""]
    if sections.example_code:
        intro = f"：{sections.example}" if sections.example else "："
        out += [f"**错误示例**{intro}", "", "```yaml", sections.example_code, "```", ""]
    else:
        out += [f"**错误示例**：{sections.example}", ""]
    out += [f"**修改**：{sections.fix}", ""]
    return "\n".join(out)


def render_rules_markdown() -> str:
    """docs/rules.md: every code, grouped by family."""
    rules = list(iter_codes())
    out = [
        "# govopen 规则",
        "",
        GENERATED_NOTE,
        "",
        "每条规则有稳定的编号（族前缀加三位数字，永不重用）、kebab-case 名称和默认严重程度。"
        "`govopen rules` 列出全部规则，`govopen rules GO201` 显示一条的完整说明。"
        "在 govopen.toml 中可以用 `select`/`ignore` 选择规则、用 `[severity]` 改严重程度；"
        "对个别事项不适用的规则，在该事项的 `waivers` 中写明理由豁免。",
        "",
        "公开时限怎样读取（期限、最短公示期间、事前时间，工作日与自然日的折算）见 "
        "[deadlines.md](deadlines.md)。",
        "",
        "## 严重程度怎样确定",
        "",
        "- **错误（error）**：法律、行政法规或规章本身被违反，且不取决于目录之外的事实"
        "（如写明的公告期间短于法定最短期间、发布期限长于法定期限），或文件格式错误、无法读取。",
        "- **警告（warning）**：标准目录的做法、国务院办公厅等的规范性文件（如国办发〔2018〕118号的"
        "7个工作日），或只有结合目录之外的事实才能断定的情形（如条例第二十条第（六）项由机关判断"
        "“具有一定社会影响”，第十五条允许第三方同意后公开）。",
        "- **提示（info）**：约定写法（如标准目录的 13 种渠道名称）、需要核对但不是问题的变化。",
        "- “法律、法规另有规定的从其规定”总是优先：确有另外规定的事项，在 `waivers` 中写明依据。"
        "对合法目录的误报是本工具最严重的缺陷：tests/checks/lawful/ 中的合法目录必须没有错误和警告。",
        "",
        "每条规则的“依据”写明所依据的条款，并说明为什么是错误、警告或提示。",
        "",
        rules_table_markdown(rules, links=True),
    ]
    family = None
    for rule_ in rules:
        if rule_.family != family:
            family = rule_.family
            title = FAMILY_TITLES.get(family, "")
            out += [f"## {family}xx {title}".rstrip(), ""]
        out.append(rule_markdown(rule_))
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m govopen_cli.reporters.rule_docs [PATH]``: print docs/rules.md, or write it to PATH."""
    args = sys.argv[1:] if argv is None else argv
    text = render_rules_markdown()
    if args:
        Path(args[0]).write_bytes(text.encode("utf-8"))
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
