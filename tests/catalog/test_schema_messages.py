"""Schema errors read as instructions, in the official terms, at the field's line."""

from __future__ import annotations

from pathlib import Path

from test_loader import VALID

from conftest import REPO
from govopen_cli.catalog.schema import SCHEMA_NAMES, schema_text
from govopen_cli.checks.run import check_paths


def only(path: Path):
    [diag] = check_paths([path]).report.diagnostics
    return diag


def test_shipped_schemas_equal_the_repository_copies():
    for name in SCHEMA_NAMES:
        repo_copy = (REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert schema_text(name) == repo_copy


def test_missing_field_points_at_the_item_and_names_the_official_term(write):
    diag = only(write("c.yaml", VALID.replace("    owner: 平遥县自然资源局\n", "")))
    assert (diag.code, diag.line, diag.column) == ("GO101", 8, 5)
    assert "owner（公开主体）" in diag.message and "JG-001" in diag.message


def test_misspelled_field_suggests_the_right_one(write):
    diag = only(
        write(
            "c.yaml",
            VALID.replace(
                "    channels: [政府网站]", "    channels: [政府网站]\n    chanels: [政府网站]"
            ),
        )
    )
    assert (diag.code, diag.line) == ("GO104", 16)
    assert "chanels" in diag.message and "channels" in diag.message


def test_enum_variant_is_answered_with_the_canonical_value(write):
    diag = only(write("c.yaml", VALID.replace("mode: 主动", "mode: 主动公开")))
    assert (diag.code, diag.line, diag.column) == ("GO103", 17, 11)
    assert "主动公开" in diag.message and "应写作 主动" in diag.message


def test_level_spelling_from_real_tables(write):
    diag = only(write("c.yaml", VALID.replace("levels: [县级]", "levels: [县级, 乡镇级]")))
    assert diag.path == "/items/0/levels/1"
    assert "应写作 乡级" in diag.message


def test_deadline_days_without_unit(write):
    text = VALID.replace(
        "deadline: 自信息形成或者变更之日起20个工作日内",
        "deadline: {text: 自信息形成或者变更之日起20个工作日内, days: 20}",
    )
    diag = only(write("c.yaml", text))
    assert diag.code == "GO101" and "unit" in diag.message


def test_year_as_quoted_text_says_write_the_number(write):
    diag = only(write("c.yaml", VALID.replace("year: 2025", 'year: "2025"')))
    assert (diag.code, diag.line) == ("GO102", 6)
    assert "2025" in diag.message


def test_empty_basis_list(write):
    text = VALID.replace(
        "    basis:\n      - 《中华人民共和国政府信息公开条例》第二十条\n", "    basis: []\n"
    )
    diag = only(write("c.yaml", text))
    assert diag.code == "GO103" and "公开依据" in diag.message


def test_no_message_is_raw_json_schema_jargon(write):
    text = (
        VALID.replace("audience: 全社会", "audience: 3")
        .replace("content: [机构职能]", "content: 5")
        .replace("channels: [政府网站]", "channels: [{mark: 必选}]")
    )
    report = check_paths([write("c.yaml", text)]).report
    assert report.diagnostics
    for diag in report.diagnostics:
        assert "is not valid under" not in diag.message
        assert "is not of type" not in diag.message


def test_duties_file_is_validated_too(write):
    path = write(
        "sanding.yaml", "format: 1\nagency: 某局\nsource: 《规定》\nduties:\n  - id: D01\n"
    )
    diag = only(path)
    assert (diag.code, diag.line) == ("GO101", 5)
    assert "text（职责内容）" in diag.message


def test_every_missing_field_of_an_empty_item_is_named(write):
    text = VALID.split("  - id: JG-001")[0] + "  - {}\n"
    report = check_paths([write("c.yaml", text)]).report
    missing = sorted(d.message.split("缺少必填字段 ")[1].split("（")[0] for d in report.diagnostics)
    assert missing == sorted(
        [
            "id",
            "matter",
            "content",
            "basis",
            "deadline",
            "owner",
            "channels",
            "audience",
            "mode",
            "levels",
        ]
    )
