"""Tables shaped like the 标准目录 counties publish (web pages, Word, Excel), with our own rows.

The shapes are those of real county 自然资源领域基层政务公开标准目录 pages: a title, a
two-row header (公开事项 over 一级/二级事项, 公开对象, 公开方式 and 公开层级 over their
tick columns), 一级事项 merged down its rows, □ written as 口, line breaks copied as
spaces. One :class:`Table` is written as .xlsx, .html or .docx, so every reader is tried
on the same cells.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

TITLE = "自然资源领域基层政务公开标准目录"
CHANNELS = "■政府网站 口政府公报\n口两微一端 □发布会/听证会\n口便民服务站口入户/现场"


@dataclass
class Table:
    """Rows of cells (None: covered by a merge or empty) and merges (r1, c1, r2, c2), 1-based."""

    rows: list[list[Any]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    title: str = TITLE

    def write(self, path: Path) -> Path:
        writers = {
            ".xlsx": self.xlsx,
            ".xls": self.xls,
            ".ods": lambda p: write_ods(self, p),
            ".html": self.html,
            ".docx": self.docx,
        }
        writers[path.suffix](path)
        return path

    def xls(self, path: Path) -> None:
        """An old Excel 97–2003 workbook (as WPS saves one), title row first."""
        import xlwt

        wb = xlwt.Workbook(encoding="utf-8")
        ws = wb.add_sheet("目录")
        ws.write(0, 0, self.title)
        starts = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in self.merges}
        inside = {
            (r, c)
            for r1, c1, r2, c2 in self.merges
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
        }
        for r, cells in enumerate(self.rows, 1):
            for c, value in enumerate(cells, 1):
                if (r, c) in starts:
                    r2, c2 = starts[(r, c)]
                    ws.write_merge(r, r2, c - 1, c2 - 1, value)
                elif value is not None and (r, c) not in inside:
                    ws.write(r, c - 1, value)
        wb.save(str(path))

    def xlsx(self, path: Path) -> None:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "目录"
        ws.cell(1, 1, self.title)
        for r, row in enumerate(self.rows, 2):
            for c, value in enumerate(row, 1):
                if value is not None:
                    ws.cell(r, c, value)
        for r1, c1, r2, c2 in self.merges:
            ws.merge_cells(f"{get_column_letter(c1)}{r1 + 1}:{get_column_letter(c2)}{r2 + 1}")
        wb.save(path)

    def _covered(self) -> dict[tuple[int, int], tuple[int, int] | None]:
        covered: dict[tuple[int, int], tuple[int, int] | None] = {}
        for r1, c1, r2, c2 in self.merges:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    covered[(r, c)] = (r2 - r1 + 1, c2 - c1 + 1) if (r, c) == (r1, c1) else None
        return covered

    def html(self, path: Path) -> None:
        covered = self._covered()
        out = [
            "<!DOCTYPE html><html><head><meta charset='utf-8'>",
            f"<title>{html.escape(self.title)}_某县人民政府</title></head><body>",
            "<div class='nav'><table><tr><td>首页</td><td>政务公开</td></tr></table></div>",
            f"<div class='article'><h2>{html.escape(self.title)}</h2>",
            "<table border='1'><tbody>",
        ]
        for r, row in enumerate(self.rows, 1):
            out.append("<tr>")
            for c, value in enumerate(row, 1):
                span = covered.get((r, c), (1, 1))
                if span is None:
                    continue
                attrs = (f" rowspan='{span[0]}'" if span[0] > 1 else "") + (
                    f" colspan='{span[1]}'" if span[1] > 1 else ""
                )
                words = "" if value is None else html.escape(str(value))
                # as pages are saved: source lines wrapped anywhere, line breaks as <br>
                words = words.replace("\n", "<br>\n")
                out.append(f"<td{attrs}><p>{words}</p></td>")
            out.append("</tr>")
        out.append("</tbody></table></div></body></html>")
        path.write_text("\n".join(out), encoding="utf-8")

    def docx(self, path: Path) -> None:
        import docx

        document = docx.Document()
        document.add_paragraph(self.title)
        width = max(len(r) for r in self.rows)
        table = document.add_table(rows=len(self.rows), cols=width)
        for r, row in enumerate(self.rows):
            for c, value in enumerate(row):
                if value is not None:
                    table.cell(r, c).text = str(value)
        for r1, c1, r2, c2 in self.merges:
            table.cell(r1 - 1, c1 - 1).merge(table.cell(r2 - 1, c2 - 1))
        document.save(str(path))


HEADER_TOP = [
    "序号",
    "公开事项",
    None,
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体（在标注范围内至少选择其一公开）",
    "公开对象",
    None,
    "公开方式",
    None,
    "公开层级",
    None,
]
HEADER_SUB = [None, "一级事项", "二级事项", None, None, None, None, None]
HEADER_SUB += ["全社会", "特定群体", "主动", "依申请", "县级", "乡级"]
#: The two header rows' merges: single columns down both rows, groups across.
HEADER_MERGES = [(1, c, 2, c) for c in (1, 4, 5, 6, 7, 8)] + [
    (1, 2, 1, 3),
    (1, 9, 1, 10),
    (1, 11, 1, 12),
    (1, 13, 1, 14),
]


def row(
    seq: int,
    first: str | None,
    second: str | None,
    content: str,
    deadline: str = "信息形成或者变更之日起20个工作日内",
    owner: str = "某县自然资源局",
    channels: str = CHANNELS,
    ticks: tuple[str, ...] = ("√", "", "√", "", "√", "√"),
) -> list[Any]:
    return [
        seq,
        first,
        second,
        content,
        "《中华人民共和国政府信息公开条例》",
        deadline,
        owner,
        channels,
        *[t or None for t in ticks],
    ]


def county_table(**changes: Any) -> Table:
    """Four rows under the official two-row header; 公共服务 merged down two rows."""
    rows = [
        list(HEADER_TOP),
        list(HEADER_SUB),
        row(1, "机构信息", "机构职能", "机构名称、机构职能、办公地址、办公电话"),
        row(2, "公共服务", "政策文件", "本级出台的自然资源政策文件及相关解读"),
        row(3, None, "自然资源领域专项规划", "矿产资源、基础测绘等规划"),
        row(
            4, "政府信息公开", "政府信息公开工作年度报告", "年度报告全文", deadline="每年1月31日前"
        ),
    ]
    table = Table(rows, [*HEADER_MERGES, (4, 2, 5, 2)])
    for key, value in changes.items():
        setattr(table, key, value)
    return table


def write_ods(table: Table, path: Path) -> Path:
    """``table`` as an OpenDocument spreadsheet, as LibreOffice writes one (title row first)."""
    import zipfile
    from xml.sax.saxutils import escape

    rows = [[table.title], *table.rows]
    spans = {(r1 + 1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in table.merges}
    covered = {
        (r + 1, c)
        for r1, c1, r2, c2 in table.merges
        for r in range(r1, r2 + 1)
        for c in range(c1, c2 + 1)
        if (r, c) != (r1, c1)
    }
    body = []
    for r, cells in enumerate(rows, 1):
        body.append("<table:table-row>")
        for c, value in enumerate(cells, 1):
            if (r, c) in covered:
                body.append("<table:covered-table-cell/>")
                continue
            rs, cs = spans.get((r, c), (1, 1))
            attrs = f' table:number-rows-spanned="{rs}" table:number-columns-spanned="{cs}"'
            if value is None:
                body.append(f"<table:table-cell{attrs if (rs, cs) != (1, 1) else ''}/>")
                continue
            paragraphs = "".join(
                f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n")
            )
            body.append(
                f'<table:table-cell office:value-type="string"{attrs}>{paragraphs}</table:table-cell>'
            )
        body.append("</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="目录">'
        + "".join(body)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path
