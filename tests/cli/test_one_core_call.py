"""The core calls behind ``requests report``, ``inspect`` and ``export``: data in, data out, no printing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from govopen_cli.catalog.config import Config
from govopen_cli.catalog.files import load_file
from govopen_cli.errors import CatalogUnreadableError, GovopenError
from govopen_cli.excel.about_sheet import InputFile
from govopen_cli.excel.export_workbook import export_workbook
from govopen_cli.excel.inspect_run import inspect_workbook
from govopen_cli.excel.ledger_sheet import read_ledger_sheet
from govopen_cli.requests.annual_report import build_report

REPO = Path(__file__).resolve().parents[2]
CATALOG = REPO / "catalogs" / "pingyao-zrzyj" / "2025.yaml"
EXAMPLE_LEDGER = REPO / "examples" / "ledger" / "台账-2025.csv"


def test_build_report_gives_the_table_and_the_identity_diagnostics(capsys):
    result = build_report(EXAMPLE_LEDGER, 2025, Config(), display="台账.csv")
    assert result.table is not None and result.table.year == 2025
    assert result.table.title == "收到和处理政府信息公开申请情况（2025 年度）"
    assert "GR201" in {d.code for d in result.report.diagnostics}
    assert result.report.files == ["台账.csv"]
    assert not result.unreadable
    assert capsys.readouterr() == ("", "")


def test_build_report_of_an_unreadable_ledger_has_no_table(tmp_path):
    ledger = tmp_path / "台账.xlsx"
    ledger.write_bytes(b"not a workbook")
    result = build_report(ledger, 2025, Config(), read_workbook=read_ledger_sheet)
    assert result.table is None
    assert result.unreadable
    assert result.report.diagnostics


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An exported 检查表 whose 说明 names the catalog by its absolute path."""
    out = tmp_path_factory.mktemp("inspect-run") / "检查.xlsx"
    catalog = load_file(CATALOG).catalog
    assert catalog is not None
    digest = hashlib.sha256(CATALOG.read_bytes()).hexdigest()
    export_workbook(catalog, [], None, out, inputs=[InputFile("目录", str(CATALOG), digest)])
    return out


def test_inspect_workbook_finds_the_catalog_its_about_sheet_names(exported, capsys):
    result = inspect_workbook(exported, Config())
    assert result.items
    assert not result.unreadable
    assert capsys.readouterr() == ("", "")


def test_inspect_workbook_without_a_catalog_anywhere_cannot_run(tmp_path):
    not_a_workbook = tmp_path / "检查.xlsx"
    not_a_workbook.write_bytes(b"x")
    with pytest.raises(GovopenError, match="无法读取工作簿"):
        inspect_workbook(not_a_workbook, Config())


def test_an_unreadable_catalog_carries_its_diagnostics(exported, tmp_path):
    broken = tmp_path / "目录.yaml"
    broken.write_text("not: [a catalog\n", encoding="utf-8")
    with pytest.raises(CatalogUnreadableError) as caught:
        inspect_workbook(exported, Config(), catalog=broken)
    assert [d.code for d in caught.value.diagnostics] == ["GO001"]


def test_export_catalog_writes_the_workbook_and_returns_the_check(tmp_path, capsys):
    from govopen_cli.catalog.config import load_config
    from govopen_cli.checks.run import CheckOptions
    from govopen_cli.excel.export_run import export_catalog

    out = tmp_path / "检查.xlsx"
    options = CheckOptions(config=load_config(REPO / "govopen.toml"))
    result = export_catalog(CATALOG, out, options)
    assert result.summary is not None and result.summary.items == 82
    assert out.is_file()
    assert [d for d in result.report.diagnostics if not d.waived] == []
    assert capsys.readouterr() == ("", "")


def test_export_catalog_of_a_broken_file_writes_nothing(tmp_path):
    from govopen_cli.checks.run import CheckOptions
    from govopen_cli.excel.export_run import export_catalog

    broken = tmp_path / "2025.yaml"
    broken.write_text("format: [\n", encoding="utf-8")
    out = tmp_path / "检查.xlsx"
    result = export_catalog(broken, out, CheckOptions())
    assert result.summary is None
    assert not out.exists()
    assert [d.code for d in result.report.diagnostics] == ["GO001"]
