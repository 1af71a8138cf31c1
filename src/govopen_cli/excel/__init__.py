"""Excel workbooks: export a catalog for inspectors, import agencies' tables, read a filled 检查表.

The only package that imports openpyxl. Shared by all: :mod:`.layout` (sheet names,
columns and the names they go by, marks and ticks; plain data), :mod:`.text` (the
text of official-table cells), :mod:`.sheet` (opening a workbook, merged cells, cell
names) and :mod:`.writer` (named styles, print setup, text kept as text, the
streaming sheet every exported sheet is written through).

``govopen export``: :mod:`.export_run` checks the catalog and :mod:`.export_workbook`
writes the workbook, one module per sheet: :mod:`.catalog_sheet` (目录),
:mod:`.inspection_sheet` (检查表), :mod:`.coverage_sheet` (覆盖情况),
:mod:`.findings_sheet` (问题清单), :mod:`.summary_sheet` (汇总) and
:mod:`.about_sheet` (说明, which import and inspect read back).

``govopen import``: :mod:`.reader` finds each sheet's header (:mod:`.table_header`),
turns its rows into items (:mod:`.sheet_import`) cell by cell (:mod:`.cell_reader`),
takes the catalog header from the options, 说明 or the title (:mod:`.catalog_header`)
and reports through :mod:`.import_report`; :mod:`govopen_cli.catalog.yaml_writer`
writes the catalog file.

``govopen inspect``: :mod:`.inspect_run` finds the catalog and :mod:`.inspection`
reads the 检查表 back; the verdict on each item is :mod:`govopen_cli.inspection`'s.

:mod:`.diff_sheet` and :mod:`.annual_sheet` build the xlsx of ``govopen diff`` and
``govopen requests report``. See ``docs/excel.md``.
"""
