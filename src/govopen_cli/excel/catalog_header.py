"""The catalog header of an imported workbook: id, title, agency, year, 文号.

Options win; then the 说明 sheet of a workbook govopen exported; then the title row
above the table (the agency and year are inferred from a title such as
"某县自然资源局2025年政务公开标准目录", and reported, GX013); what none of them says is
written as a 待填写 placeholder and reported (GX006).
"""

from __future__ import annotations

import re
from typing import Any

from govopen_cli.codes.gx import GX006, GX013
from govopen_cli.codes.gx_tables import GX023
from govopen_cli.excel import layout
from govopen_cli.excel.import_report import PLACEHOLDERS, ImportReport

_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2}|19[0-9]{2})(?![0-9])")
#: How the name of an agency ends: 某县自然资源局, 某县人民政府, 某镇人民政府 ...
_AGENCY_END = re.compile(
    r"(局|委|委员会|办|办公室|厅|部|院|政府|中心|所|站|队|处|署|会|分局|公司|街道|镇|乡|馆|室)$"
)
_AGENCY_IN_TITLE = re.compile(
    r"^(.+?)(?:[（(]?\s*(?:19|20)[0-9]{2}\s*年?[版度]?\s*[)）]?)?(?:政务公开|政府信息公开|信息公开)"
)


def catalog_header(
    report: ImportReport,
    about: dict[str, str] | None,
    found: dict[str, tuple[str, int, int]],
    sheet: str,
    agency: str | None,
    year: int | None,
    catalog_id: str | None,
    title: str | None,
) -> tuple[dict[str, Any], list[str]]:
    """Options first, then 说明 (a govopen export), then the title row, then placeholders."""
    from_about: dict[str, str] = {}
    if about is not None:
        for zh, key in layout.ABOUT_HEADER_KEYS.items():
            if about.get(zh):
                from_about[key] = about[zh]
    header: dict[str, Any] = {}
    inferred: list[str] = []
    title_text = title or from_about.get("title") or (found["title"][0] if "title" in found else "")
    found_agency = found.get("agency", ("", 0, 0))[0]
    not_agency = ""
    if not found_agency and title_text and not from_about.get("agency"):
        m = _AGENCY_IN_TITLE.match(title_text)
        if m is not None and m.group(1).strip():
            found_agency = m.group(1).strip(" （(")
            if not _AGENCY_END.search(found_agency):
                not_agency, found_agency = found_agency, ""
            elif agency is None:
                inferred.append(f"制定机关“{found_agency}”")
    found_year: int | None = None
    if title_text and not from_about.get("year"):
        ym = _YEAR.search(title_text)
        if ym is not None:
            found_year = int(ym.group(1))
            if year is None:
                inferred.append(f"年度 {found_year}")
    header["id"] = catalog_id or from_about.get("id") or ""
    header["title"] = title_text
    header["agency"] = agency or from_about.get("agency") or found_agency
    year_value: Any = year
    if year_value is None and from_about.get("year", "").isdigit():
        year_value = int(from_about["year"])
    if year_value is None:
        year_value = found_year
    header["year"] = year_value
    placeholders = []
    for key in ("id", "title", "agency", "year"):
        if header[key] in ("", None):
            header[key] = PLACEHOLDERS[key]
            placeholders.append(key)
    if "document_no" in found or from_about.get("document_no"):
        header["document_no"] = from_about.get("document_no") or found["document_no"][0]
    for key in ("level", "duties"):
        if from_about.get(key):
            header[key] = from_about[key]
    row, col = found.get("title", ("", 1, 1))[1:]
    where = sheet if row else ""  # a title outside the table (a web page heading) has no cell
    if not_agency and agency is None:
        report.add(
            GX023.code,
            f"标题“{title_text}”中的“{not_agency}”不是机关名称，制定机关写为“待填写”占位；"
            "请用 --agency 指定，如 --agency 某县自然资源局",
            sheet=where,
            row=row,
            col=col,
        )
    if inferred:
        report.add(
            GX013.code,
            f"从标题“{title_text}”推断出{'、'.join(inferred)}；如不对，请用 --agency、--year 指定",
            sheet=where,
            row=row,
            col=col,
        )
    if placeholders:
        names = {
            "id": "目录标识（--id）",
            "title": "目录名称（--title）",
            "agency": "制定机关（--agency）",
            "year": "年度（--year）",
        }
        report.add(
            GX006.code,
            "工作簿没有写明"
            + "、".join(names[k] for k in placeholders)
            + "：已写为“待填写”占位，请在文件中补充或用括号中的选项重新导入",
        )
    return header, placeholders
