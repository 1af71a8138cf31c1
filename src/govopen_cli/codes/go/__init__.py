"""The GO family: catalog and 三定 mapping files, one module per part.

GO0xx 文件与 YAML (:mod:`.file`) · GO1xx 格式 (:mod:`.schema`) · GO2xx 公开方式与渠道
(:mod:`.disclosure`) · GO3xx 公开时限 (:mod:`.time_limit`) · GO4xx 三定覆盖
(:mod:`.coverage`) · GO5xx 征地 (:mod:`.land_acquisition`) · GO6xx 依据与内容
(:mod:`.content`) · GO70x 公开主体 (:mod:`.owner`) · GO71x 标准目录 (:mod:`.guide`) · GO9xx 豁免 (:mod:`.waiver`). The parts mirror the rule modules of
:mod:`govopen_cli.checks.rules`; producers import a code from its part, such as
``from govopen_cli.codes.go.file import GO010``.
"""

from __future__ import annotations

# Importing the family defines all its codes (see govopen_cli.codes.all_codes).
from govopen_cli.codes.go import (  # noqa: F401
    content,
    coverage,
    disclosure,
    file,
    guide,
    land_acquisition,
    owner,
    schema,
    statutory,
    time_limit,
    waiver,
)
