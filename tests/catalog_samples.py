"""A small valid catalog and its 三定 mapping, for the coverage, waiver and baseline tests.

Tests change them with ``str.replace`` and write them to a temporary folder with
:func:`make_project`, which also writes a ``govopen.toml`` selecting the families
those tests are about, so that rules of other families cannot change their outcome.
"""

from __future__ import annotations

from pathlib import Path

CATALOG = """\
format: 1
catalog:
  id: demo-zrzyj
  title: 演示县自然资源局政务公开基本目录（2025年版）
  agency: 演示县自然资源局
  year: 2025
  duties: sanding.yaml
items:
  - id: JG-001
    matter: [机构信息, 机构职能]
    content: [本局主要职责, 内设机构名称及职责]
    basis: [《中华人民共和国政府信息公开条例》第二十条]
    deadline: 自信息形成或者变更之日起20个工作日内
    owner: 演示县自然资源局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
    duties: [D01]
  - id: DZ-001
    matter: [地质灾害防治, 年度地质灾害防治方案]
    content: [主要灾害点的分布, 重点防范期]
    basis: [《地质灾害防治条例》]
    deadline: 方案经县人民政府批准后20个工作日内
    owner: 演示县自然资源局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
  - id: GK-001
    matter: [政府信息公开, 政府信息公开工作年度报告]
    content: [年度报告全文]
    basis: [《中华人民共和国政府信息公开条例》第四十九条]
    deadline: 每年1月31日前
    owner: 演示县自然资源局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [县级]
    duties: [D01]
"""

MAPPING = """\
format: 1
agency: 演示县自然资源局
source: 《演示县自然资源局职能配置、内设机构和人员编制规定》
units:
  - {id: BGS, name: 办公室}
  - {id: DZHJ, name: 地质环境股}
duties:
  - id: D01
    text: 负责本局政务公开、新闻宣传和机关日常运转工作。
    units: [BGS]
  - id: D02
    text: 负责全县地质灾害防治工作。组织编制年度地质灾害防治方案，组织开展隐患排查。
    units: [DZHJ]
    items: [DZ-001]
  - id: D03
    text: 负责涉密测绘地理信息成果的保密管理。
    exempt:
      reason: 涉及国家秘密
      basis: 《中华人民共和国政府信息公开条例》第十四条
"""

#: Only the loader, schema, coverage and waiver families run in these tests.
CONFIG = 'select = ["GO0", "GO1", "GO4", "GO9"]\n'

#: A duty that no item discloses, added to :data:`MAPPING`.
UNCOVERED_DUTY = """\
  - id: D04
    text: 负责全县矿产资源管理工作，组织编制并实施矿产资源规划。
"""


def make_project(
    root: Path,
    *,
    catalog: str = CATALOG,
    mapping: str | None = MAPPING,
    config: str | None = CONFIG,
    name: str = "2025.yaml",
) -> Path:
    """Write the catalog (as ``name``), the mapping and govopen.toml under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / name
    path.write_text(catalog, encoding="utf-8")
    if mapping is not None:
        (root / "sanding.yaml").write_text(mapping, encoding="utf-8")
    if config is not None:
        (root / "govopen.toml").write_text(config, encoding="utf-8")
    return path


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line containing ``needle``."""
    found = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return found[nth - 1]


def findings(result_lines: list[str], code: str) -> list[str]:
    """The output lines that report ``code``."""
    return [line for line in result_lines if f": {code} " in line]


def at(text: str, needle: str, nth: int = 1) -> str:
    """``line:column`` (1-based) of the ``nth`` occurrence of ``needle`` in ``text``."""
    line = line_of(text, needle, nth)
    column = text.splitlines()[line - 1].index(needle) + 1
    return f"{line}:{column}"
