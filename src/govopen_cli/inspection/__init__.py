"""The verdict of a filled-in 检查表, as pure data: no workbook, no openpyxl.

:mod:`.result` holds the results (per item, per 一级事项, the 合格率) and the four
questions an inspector answers; :mod:`.verdict` the rules that turn what a row says
into a status, with lateness counted in 工作日; the GI codes are in :mod:`govopen_cli.codes.gi`.
Reading the sheet itself is :mod:`govopen_cli.excel.inspection`'s job.
"""
