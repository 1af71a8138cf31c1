"""``govopen coverage``: the duty-by-duty table, the figure, the threshold and exit codes."""

from __future__ import annotations

import json
import unicodedata

from catalog_samples import CATALOG, MAPPING, UNCOVERED_DUTY, make_project
from conftest import REPO

NO_DUTIES = CATALOG.replace("  duties: sanding.yaml\n", "")


def test_table_lists_every_duty_with_units_items_and_status(run_line, tmp_path):
    make_project(tmp_path)
    result = run_line("govopen coverage 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert result.lines[0] == "三定覆盖：目录 2025.yaml（2025 年），三定映射 sanding.yaml"
    assert result.lines[1].split() == ["职责", "内容", "承担机构", "公开事项", "状态"]
    rows = {line.split()[0]: line.split() for line in result.lines[2:5]}
    assert rows["D01"][2:] == ["BGS", "JG-001、GK-001", "已覆盖"]
    assert rows["D02"][2:] == ["DZHJ", "DZ-001", "已覆盖"]
    assert rows["D03"][2:] == ["—", "—", "不予公开（涉及国家秘密）"]
    assert result.lines[-1] == "覆盖率 100%：已覆盖 2、不予公开 1、缺失 0，共 3 项职责。"


def test_columns_line_up_with_chinese_text(run_line, tmp_path):
    make_project(tmp_path)
    lines = run_line("govopen coverage 2025.yaml", cwd=tmp_path).lines[1:5]

    # the 状态 column starts at the same display column on every row
    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    starts = {width(line[: line.rindex(line.split()[-1])]) for line in lines}
    assert len(starts) == 1


def test_missing_duty_shows_in_the_table_and_lowers_the_figure(run_line, tmp_path):
    make_project(tmp_path, mapping=MAPPING + UNCOVERED_DUTY)
    result = run_line("govopen coverage 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 0  # no threshold: the table is information
    [row] = [line for line in result.lines if line.startswith("D04")]
    assert row.split()[-3:] == ["—", "—", "缺失"]
    assert result.lines[-1] == "覆盖率 75%：已覆盖 2、不予公开 1、缺失 1，共 4 项职责。"


def test_min_coverage_fails_below_it(run_line, tmp_path):
    make_project(tmp_path, mapping=MAPPING + UNCOVERED_DUTY)
    result = run_line("govopen coverage 2025.yaml --min-coverage 80", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.lines[-1].endswith("低于要求的 80%。")
    result = run_line("govopen coverage 2025.yaml --min-coverage 75", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.lines[-1].endswith("达到要求的 75%。")


def test_min_coverage_from_configuration_and_overridden(run_line, tmp_path):
    make_project(tmp_path, mapping=MAPPING + UNCOVERED_DUTY, config="min-coverage = 100\n")
    result = run_line("govopen coverage 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.lines[-1] == (
        "覆盖率 75%：已覆盖 2、不予公开 1、缺失 1，共 4 项职责。低于要求的 100%。"
    )
    result = run_line("govopen coverage 2025.yaml --min-coverage 50", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.lines[-1].endswith("达到要求的 50%。")


def test_no_mapping_exits_2_and_says_how_to_name_one(run_line, tmp_path):
    make_project(tmp_path, catalog=NO_DUTIES)
    result = run_line("govopen coverage 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert "没有指定三定映射" in result.stderr
    assert "--duties" in result.stderr and "catalog 下写 duties:" in result.stderr


def test_duties_option_names_the_mapping(run_line, tmp_path):
    make_project(tmp_path, catalog=NO_DUTIES)
    result = run_line("govopen coverage 2025.yaml --duties sanding.yaml", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.lines[-1].startswith("覆盖率 100%")


def test_link_problems_are_listed_under_the_table(run_line, tmp_path):
    make_project(tmp_path, mapping=MAPPING.replace("items: [DZ-001]", "items: [DZ-001, DZ-009]"))
    result = run_line("govopen coverage 2025.yaml", cwd=tmp_path)
    [problem] = [line for line in result.lines if ": GO403 " in line]
    assert problem.startswith("sanding.yaml:")


def test_json_format(run_line, tmp_path):
    make_project(tmp_path, mapping=MAPPING + UNCOVERED_DUTY)
    result = run_line("govopen coverage 2025.yaml --format json --min-coverage 90", cwd=tmp_path)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["catalog"] == {"file": "2025.yaml", "id": "demo-zrzyj", "year": 2025}
    assert data["duties_file"] == "sanding.yaml"
    assert (data["coverage"], data["min_coverage"], data["passed"]) == (75.0, 90.0, False)
    assert data["counts"] == {"duties": 4, "covered": 2, "exempt": 1, "missing": 1}
    assert [(d["id"], d["status"]) for d in data["duties"]] == [
        ("D01", "covered"),
        ("D02", "covered"),
        ("D03", "exempt"),
        ("D04", "missing"),
    ]
    assert data["duties"][0]["items"] == ["JG-001", "GK-001"]
    assert data["duties"][2]["exempt"]["basis"] == "《中华人民共和国政府信息公开条例》第十四条"


def test_markdown_format(run_line, tmp_path):
    make_project(tmp_path, mapping=MAPPING + UNCOVERED_DUTY)
    result = run_line("govopen coverage 2025.yaml --format markdown", cwd=tmp_path)
    assert result.lines[0] == "### 三定覆盖：目录 2025.yaml（2025 年），三定映射 sanding.yaml"
    assert "| 职责 | 内容 | 承担机构 | 公开事项 | 状态 |" in result.lines
    assert any(
        line.startswith("| D04 |") and line.endswith("| **缺失** |") for line in result.lines
    )


def test_unknown_format_is_a_usage_error(run_line, tmp_path):
    make_project(tmp_path)
    result = run_line("govopen coverage 2025.yaml --format sarif", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "govopen：用法错误：选项 --format / -f 的值无效：未知的格式 'sarif'："
        "可选 text、json、markdown。运行 govopen coverage -h 查看帮助。\n"
    )


def test_unreadable_catalog_exits_2(run_line, tmp_path):
    make_project(tmp_path, catalog='format: 1\ncatalog: {id: "x\n')
    result = run_line("govopen coverage 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert "govopen check 2025.yaml" in result.stderr


def test_missing_mapping_file_exits_2(run_line, tmp_path):
    make_project(tmp_path, catalog=CATALOG.replace("duties: sanding.yaml", "duties: nope.yaml"))
    result = run_line("govopen coverage 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 2 and "nope.yaml" in result.stderr
    make_project(tmp_path)
    result = run_line("govopen coverage 2025.yaml --duties nope.yaml", cwd=tmp_path)
    assert result.exit_code == 2 and "nope.yaml" in result.stderr


def test_a_folder_is_not_a_catalog(run_line, tmp_path):
    make_project(tmp_path)
    result = run_line(f"govopen coverage {tmp_path}", cwd=tmp_path)
    assert result.exit_code == 2 and "不是文件" in result.stderr


def test_bundled_catalogs_are_fully_covered(run_line):
    for year in ("2024", "2025"):
        path = REPO / "catalogs" / "pingyao-zrzyj" / f"{year}.yaml"
        result = run_line(f"govopen coverage {path} --min-coverage 100", cwd=REPO)
        assert result.exit_code == 0, result.stdout
        assert result.lines[-1] == (
            "覆盖率 100%：已覆盖 17、不予公开 1、缺失 0，共 18 项职责。达到要求的 100%。"
        )
        assert result.stderr == ""
