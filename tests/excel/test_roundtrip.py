"""export then import gives back the same catalog.

Compared on ``Catalog.to_data()``. The only normalisation is what the table
layout cannot carry (docs/excel.md, "往返"): the order of the values of
audience, mode and levels, which tick columns give in the official order.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from govopen_cli.catalog.config import load_config
from govopen_cli.catalog.files import load_file
from govopen_cli.catalog.model import AUDIENCES, LEVELS, MODES
from govopen_cli.catalog.model_build import catalog_from_data
from govopen_cli.checks.run import CheckOptions, check_paths
from govopen_cli.excel.export_workbook import export_workbook
from govopen_cli.excel.reader import import_workbook

REPO = Path(__file__).resolve().parents[2]
BUNDLED = [
    REPO / "catalogs" / "pingyao-zrzyj" / "2024.yaml",
    REPO / "catalogs" / "pingyao-zrzyj" / "2025.yaml",
    REPO / "examples" / "minimal" / "catalog.yaml",
]


def normalise(data: dict[str, Any]) -> dict[str, Any]:
    """What the table cannot carry: the order of ticked values."""
    orders = {"audience": AUDIENCES, "mode": MODES, "levels": LEVELS}
    for item in data["items"]:
        for key, order in orders.items():
            value = item[key]
            if isinstance(value, list):
                item[key] = sorted(value, key=order.index)
    return data


def roundtrip(path: Path, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    catalog = load_file(path).catalog
    assert catalog is not None
    out = tmp_path / f"{path.stem}.xlsx"
    export_workbook(catalog, [], None, out)
    result = import_workbook(out)
    assert result.catalog is not None
    assert [d for d in result.diagnostics if d.severity.label != "info"] == []
    back = catalog_from_data(result.catalog)
    return normalise(catalog.to_data()), normalise(back.to_data())


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bundled_catalogs_come_back_the_same(path, tmp_path):
    original, back = roundtrip(path, tmp_path)
    assert back["catalog"] == original["catalog"]
    for a, b in zip(original["items"], back["items"], strict=True):
        assert b == a, a["id"]


def test_every_field_the_format_has(write, tmp_path):
    path = write(
        "full.yaml",
        """format: 1
catalog:
  id: full-test
  title: 测试局政务公开基本目录（2025年版）
  agency: 测试局
  year: 2025
  document_no: 测发〔2025〕1号
  level: 市级
items:
  - id: "001"
    matter: [执法监察, “双随机、一公开”, 抽查结果]
    content: 抽查结果（含＝号、“引号”，以及全角：冒号）
    basis: ["=《条例》第二十条", 《中华人民共和国政府信息公开条例》]
    deadline: {text: 自抽查结束之日起20个工作日内, days: 20, unit: 工作日}
    owner: 测试局
    department: 执法监察科
    channels:
      - {name: 政府网站, url: "https://www.example.gov.cn/sjs/"}
      - {name: 征地信息公开平台, mark: 择一}
      - {name: 社区/企事业单位/村公示栏(电子屏), mark: 择一}
      - {name: 两微一端, mark: 可选}
    audience: [特定群体, 全社会]
    audience_note: 被抽查单位
    mode: [依申请, 主动]
    levels: [乡级, 市级, 村级]
    stage: 结果
    duties: [D01, D02]
    interpretation: true
    note: |-
      第一行说明
      第二行说明
    waivers:
      - {rule: GO301, reason: 依据《实施条例》另有规定, until: 2027-12-31}
      - {rule: GO205, reason: 不适用}
  - id: "002"
    matter: [执法监察]
    content: [只有一个要素]
    basis: [《中华人民共和国行政处罚法》第四十八条]
    deadline: 本级财政部门批复后20日内
    owner: 测试局
    channels: [政府网站]
    audience: 全社会
    mode: 主动
    levels: [市级]
""",
    )
    original, back = roundtrip(path, tmp_path)
    assert back == original


def test_cli_export_then_import_passes_check(run_line, tmp_path):
    folder = tmp_path / "pingyao"
    shutil.copytree(REPO / "catalogs" / "pingyao-zrzyj", folder)
    shutil.copy(REPO / "govopen.toml", tmp_path / "govopen.toml")
    xlsx = tmp_path / "检查.xlsx"
    assert run_line(f"govopen export {folder / '2025.yaml'} -o {xlsx}", cwd=tmp_path).exit_code == 0
    out = folder / "2025-back.yaml"
    result = run_line(f"govopen import {xlsx} -o {out}", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert "通过 govopen check" in result.stdout
    original = load_file(folder / "2025.yaml").catalog
    back = load_file(out).catalog
    assert original is not None and back is not None
    assert normalise(back.to_data()) == normalise(original.to_data())
    config = load_config(tmp_path / "govopen.toml")
    assert check_paths([out], CheckOptions(config=config)).report.diagnostics == []


def test_a_large_catalog_round_trips(tmp_path):
    template = load_file(BUNDLED[1]).catalog
    assert template is not None
    items = []
    for n in range(600):
        data = template.items[n % len(template.items)].to_data()
        data["id"] = f"X-{n:04d}"
        data["matter"] = [f"类别{n // 7:03d}", *data["matter"][1:]]
        items.append(data)
    data = {**template.to_data(), "items": items}
    catalog = catalog_from_data(data)
    out = tmp_path / "large.xlsx"
    export_workbook(catalog, [], None, out)
    back = import_workbook(out).catalog
    assert back is not None
    assert normalise(catalog_from_data(back).to_data()) == normalise(catalog.to_data())
