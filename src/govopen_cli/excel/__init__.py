"""Excel workbooks: export a catalog for inspectors, import agencies' tables, read a filled 检查表.

The only package that imports openpyxl. :mod:`.layout` holds the column definitions
that the writer and the reader share; :mod:`.writer` builds the workbook,
:mod:`.reader` turns official-layout tables into catalog data, :mod:`.inspection`
reads a filled-in 检查表 back (:mod:`.inspect_run` finds its catalog first: the one
call of ``govopen inspect``), and :mod:`.sheet` is the cell reading they (and the
依申请 ledger) share: opening a workbook, merged cells, cell text and names.
:mod:`.diff_sheet` and :mod:`.annual_sheet` build the xlsx of ``govopen diff`` and
``govopen requests report``, writing text as :mod:`.writer` does.
See ``docs/excel.md``.
"""
