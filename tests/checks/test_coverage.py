"""三定 coverage in ``govopen check``: GO401-GO409, located where the user fixes them."""

from __future__ import annotations

import json

from catalog_samples import (
    CATALOG,
    MAPPING,
    UNCOVERED_DUTY,
    at,
    findings,
    line_of,
    make_project,
)
from govopen_cli.codes import iter_codes


def test_the_sample_catalog_covers_every_duty(run_line, tmp_path):
    make_project(tmp_path)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert result.lines == [
        "检查了 2 个文件，错误 0 个，警告 0 个，提示 0 个。配置：govopen.toml。"
    ]


def test_duty_no_item_discloses_is_a_warning_at_the_duty_in_the_mapping(run_line, tmp_path):
    # practice of the 标准目录 work, not a rule of law: a warning (catalog-format.md §3);
    # --min-coverage makes coverage a gate (GO409, an error)
    mapping = MAPPING + UNCOVERED_DUTY
    make_project(tmp_path, mapping=mapping)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 0
    [line] = findings(result.lines, "GO402")
    assert line.startswith(f"sanding.yaml:{at(mapping, 'id: D04')}: GO402 警告 ")
    gated = run_line("govopen check 2025.yaml --min-coverage 100", cwd=tmp_path)
    assert gated.exit_code == 1
    assert findings(gated.lines, "GO409")
    # names the duty, the start of its text, the catalog, and how to fix it
    assert "D04“负责全县矿产资源管理工作，组织编制并实施…”" in line
    assert "目录 2025.yaml（2025 年）" in line
    assert "duties: [D04]" in line and "exempt" in line


def test_a_duty_is_covered_from_either_side(run_line, tmp_path):
    # D02 is named only by the mapping (items: [DZ-001]); D01 only by items (duties: [D01]).
    make_project(tmp_path, mapping=MAPPING.replace("    items: [DZ-001]\n", ""))
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert [line.split(" ")[1] for line in result.lines[:-1]] == ["GO402"]
    assert "D02" in result.lines[0]


def test_link_from_mapping_to_missing_item_is_an_error_at_the_link(run_line, tmp_path):
    mapping = MAPPING.replace("items: [DZ-001]", "items: [DZ-001, DZ-009]")
    make_project(tmp_path, mapping=mapping)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    [line] = findings(result.lines, "GO403")
    assert line.startswith(f"sanding.yaml:{at(mapping, 'DZ-009')}: GO403 错误 职责 D02 ")
    assert "DZ-009" in line and "是否是 DZ-001" in line


def test_link_from_item_to_missing_duty_is_an_error_at_the_link_in_the_catalog(run_line, tmp_path):
    catalog = CATALOG.replace("duties: [D01]", "duties: [D01, D1]", 1)
    make_project(tmp_path, catalog=catalog)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    [line] = findings(result.lines, "GO404")
    assert line.startswith(f"2025.yaml:{at(catalog, 'D1]')}: GO404 错误 事项 JG-001 ")
    assert "D1 不是三定映射 sanding.yaml 中的职责编号" in line


def test_exemption_must_name_its_legal_basis(run_line, tmp_path):
    mapping = MAPPING.replace(
        "basis: 《中华人民共和国政府信息公开条例》第十四条", "basis: 按有关规定"
    )
    make_project(tmp_path, mapping=mapping)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    [line] = findings(result.lines, "GO405")
    assert line.startswith(f"sanding.yaml:{at(mapping, '按有关规定')}: GO405 错误 职责 D03 ")
    assert "《》" in line


def test_exemption_without_basis_key_is_left_to_the_schema(run_line, tmp_path):
    mapping = MAPPING.replace("      basis: 《中华人民共和国政府信息公开条例》第十四条\n", "")
    make_project(tmp_path, mapping=mapping)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert findings(result.lines, "GO101") and not findings(result.lines, "GO405")


def test_exempt_duty_named_by_an_item_is_a_warning_at_the_link(run_line, tmp_path):
    catalog = CATALOG.replace("duties: [D01]", "duties: [D01, D03]", 1)
    make_project(tmp_path, catalog=catalog)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 0  # a warning does not fail under the default --fail-on
    [line] = findings(result.lines, "GO406")
    assert line.startswith(f"2025.yaml:{at(catalog, 'D03]')}: GO406 警告 事项 JG-001 ")
    assert run_line("govopen check 2025.yaml --fail-on warning", cwd=tmp_path).exit_code == 1


def test_exempt_duty_naming_an_item_is_a_warning_in_the_mapping(run_line, tmp_path):
    mapping = MAPPING.replace("    exempt:\n", "    items: [GK-001]\n    exempt:\n")
    make_project(tmp_path, mapping=mapping)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    [line] = findings(result.lines, "GO406")
    assert line.startswith(f"sanding.yaml:{at(mapping, 'GK-001')}: GO406 警告")
    assert "GK-001" in line and "2025 年" in line


def test_unit_not_in_units_is_a_warning(run_line, tmp_path):
    mapping = MAPPING.replace("units: [DZHJ]", "units: [DZJH]")
    make_project(tmp_path, mapping=mapping)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    [line] = findings(result.lines, "GO407")
    assert line.startswith(f"sanding.yaml:{at(mapping, 'DZJH')}: GO407 警告 职责 D02 ")
    assert "是否是 DZHJ" in line


def test_units_are_not_checked_when_the_mapping_lists_none(run_line, tmp_path):
    mapping = MAPPING.replace(
        "units:\n  - {id: BGS, name: 办公室}\n  - {id: DZHJ, name: 地质环境股}\n", ""
    )
    make_project(tmp_path, mapping=mapping)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 0
    assert not findings(result.lines, "GO407")


def test_duplicate_duty_id_is_an_error_at_the_second_one(run_line, tmp_path):
    mapping = MAPPING + "  - id: D01\n    text: 重复的职责。\n"
    make_project(tmp_path, mapping=mapping)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    [line] = findings(result.lines, "GO408")
    assert line.startswith(f"sanding.yaml:{at(mapping, 'D01', 2)}: GO408 错误 ")
    assert f"第 {line_of(mapping, 'id: D01')} 行" in line


def test_min_coverage_from_the_configuration_fails_below_it(run_line, tmp_path):
    make_project(
        tmp_path,
        mapping=MAPPING + UNCOVERED_DUTY,
        config='select = ["GO4"]\nignore = ["GO402"]\nmin-coverage = 80\n',
    )
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    [line] = findings(result.lines, "GO409")
    assert line.startswith(f"2025.yaml:{at(CATALOG, 'sanding.yaml')}: GO409 错误")
    assert "覆盖率 75%" in line and "要求的 80%" in line and "缺失 1" in line


def test_min_coverage_option_overrides_the_configuration(run_line, tmp_path):
    make_project(
        tmp_path,
        mapping=MAPPING + UNCOVERED_DUTY,
        config='select = ["GO4"]\nignore = ["GO402"]\nmin-coverage = 80\n',
    )
    assert run_line("govopen check 2025.yaml --min-coverage 75", cwd=tmp_path).exit_code == 0
    result = run_line("govopen check 2025.yaml --min-coverage 100", cwd=tmp_path)
    assert result.exit_code == 1 and findings(result.lines, "GO409")


def test_min_coverage_must_be_a_percentage(run_line, tmp_path):
    make_project(tmp_path)
    result = run_line("govopen check 2025.yaml --min-coverage 120", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "govopen：用法错误：选项 --min-coverage 的值无效：120 不是 0 到 100 的百分数。"
    )


def test_mapping_shared_by_two_years(run_line, tmp_path):
    mapping = (
        MAPPING.replace("basis: 《中华人民共和国政府信息公开条例》第十四条", "basis: 保密规定")
        + UNCOVERED_DUTY
    )
    make_project(tmp_path, mapping=mapping)
    make_project(
        tmp_path,
        catalog=CATALOG.replace("year: 2025", "year: 2024").replace("2025年版", "2024年版"),
        mapping=None,
        name="2024.yaml",
    )
    result = run_line("govopen check .", cwd=tmp_path)
    # about the mapping alone: once
    assert len(findings(result.lines, "GO405")) == 1
    # about the mapping against each catalog: once per catalog, each naming its year
    uncovered = findings(result.lines, "GO402")
    assert len(uncovered) == 2
    assert "2024.yaml（2024 年）" in uncovered[0] and "2025.yaml（2025 年）" in uncovered[1]
    assert uncovered[0].split(": GO402")[0] == uncovered[1].split(": GO402")[0]


def test_duties_option_names_the_mapping_on_the_command_line(run_line, tmp_path):
    catalog = CATALOG.replace("  duties: sanding.yaml\n", "")
    make_project(tmp_path, catalog=catalog, mapping=MAPPING + UNCOVERED_DUTY)
    assert run_line("govopen check 2025.yaml", cwd=tmp_path).exit_code == 0  # no mapping named
    result = run_line("govopen check 2025.yaml --duties sanding.yaml", cwd=tmp_path)
    assert findings(result.lines, "GO402")


def test_configuration_duties_names_the_mapping(run_line, tmp_path):
    catalog = CATALOG.replace("  duties: sanding.yaml\n", "")
    make_project(
        tmp_path,
        catalog=catalog,
        mapping=MAPPING + UNCOVERED_DUTY,
        config='select = ["GO4"]\nduties = "sanding.yaml"\n',
    )
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert findings(result.lines, "GO402")


def test_missing_mapping_file_is_an_error_at_catalog_duties(run_line, tmp_path):
    make_project(tmp_path, catalog=CATALOG.replace("duties: sanding.yaml", "duties: nope.yaml"))
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    [line] = findings(result.lines, "GO401")
    assert line.startswith("2025.yaml:7:11: GO401 错误")


def test_json_carries_the_mapping_findings_with_fingerprints(run_line, tmp_path):
    make_project(tmp_path, mapping=MAPPING + UNCOVERED_DUTY)
    result = run_line("govopen check 2025.yaml --format json", cwd=tmp_path)
    [diag] = json.loads(result.stdout)["diagnostics"]
    assert diag["file"] == "sanding.yaml"
    assert diag["code"] == "GO402" and diag["name"] == "duty-not-covered"
    assert diag["path"] == "/duties/3"
    assert diag["fingerprint"] == "GO402:demo-zrzyj::duty:D04"


def test_every_coverage_code_is_documented_in_four_parts():
    codes = list(iter_codes(["GO4", "GO9"]))
    assert [c.code for c in codes] == [f"GO40{i}" for i in range(1, 10)] + [
        "GO901",
        "GO902",
        "GO903",
    ]
    for code in codes:
        for part in ("检查：", "依据：", "错误示例：", "修改："):
            assert part in code.doc, (code.code, part)


# A duty id used twice: the uncovered second D01 hid behind the item naming D01.
DUPLICATED_DUTY = (
    MAPPING
    + """\
  - id: D01
    text: 负责全县矿产资源管理工作，组织编制并实施矿产资源规划。
"""
)
# exempt: yes is not an exemption (no reason, no basis).
EXEMPT_YES = (
    MAPPING
    + """\
  - id: D04
    text: 负责全县矿产资源管理工作，组织编制并实施矿产资源规划。
    exempt: yes
"""
)


def test_duplicated_duty_id_makes_coverage_untrusted_not_100(run_line, tmp_path):
    make_project(tmp_path, mapping=DUPLICATED_DUTY)
    result = run_line("govopen coverage 2025.yaml --min-coverage 100", cwd=tmp_path)
    assert result.exit_code == 1
    figure = result.lines[-1]
    assert figure.startswith("三定映射不可信，覆盖率不能作为结论：职责编号 D01 重复")
    assert "覆盖率 100%" not in figure
    assert [line.split()[-1] for line in result.lines if line.startswith("D01")] == [
        "无法判断",
        "无法判断",
    ]
    # without a threshold too: an untrusted mapping is not a passing coverage
    assert run_line("govopen coverage 2025.yaml", cwd=tmp_path).exit_code == 1


def test_exempt_yes_is_an_error_and_not_counted_as_an_exemption(run_line, tmp_path):
    make_project(tmp_path, mapping=EXEMPT_YES)
    checked = run_line("govopen check 2025.yaml --min-coverage 100", cwd=tmp_path)
    assert checked.exit_code == 1
    [schema] = findings(checked.lines, "GO102")
    assert schema.startswith(f"sanding.yaml:{line_of(EXEMPT_YES, 'exempt: yes')}:13: GO102 错误")
    [threshold] = findings(checked.lines, "GO409")
    assert "三定映射不可信" in threshold and "D04 的 exempt" in threshold
    data = json.loads(run_line("govopen coverage 2025.yaml -f json", cwd=tmp_path).stdout)
    assert data["trusted"] is False and data["passed"] is False
    assert data["counts"]["exempt"] == 1  # D03, the real exemption; not D04
    assert data["counts"]["unclear"] == 1
    assert data["coverage"] == 75.0


def test_a_sound_mapping_stays_trusted(run_line, tmp_path):
    make_project(tmp_path)
    data = json.loads(run_line("govopen coverage 2025.yaml -f json", cwd=tmp_path).stdout)
    assert data["trusted"] is True and data["untrusted"] == [] and data["coverage"] == 100.0
