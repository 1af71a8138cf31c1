"""``govopen summary``: one row per agency, the numbers of the other commands, worst first."""

from __future__ import annotations

import json
import shutil

from conftest import CATALOGS, EXAMPLES, REPO


def _summary(run_line, args: str) -> dict:
    result = run_line(f"govopen summary {args} -f json", cwd=REPO)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_bundled_and_minimal_catalogs(run_line):
    data = _summary(run_line, "catalogs examples/minimal --guide 自然资源")
    assert [a["agency"] for a in data["agencies"]] == ["示例县自然资源局", "平遥县自然资源局"]
    example, pingyao = data["agencies"]
    assert pingyao == {
        "agency": "平遥县自然资源局",
        "id": "pingyao-zrzyj",
        "file": "catalogs/pingyao-zrzyj/2025.yaml",
        "year": 2025,
        "level": "县级",
        "items": 82,
        "errors": 0,
        "warnings": 0,
        "coverage": 100.0,
        "guide": {"missing": 0, "weakened": 1},
        "changes": {
            "since": "catalogs/pingyao-zrzyj/2024.yaml",
            "total": 15,
            "added": 4,
            "removed": 2,
        },
    }
    assert example["items"] == 3 and example["coverage"] == 100.0
    assert example["guide"] == {"missing": 15, "weakened": 0}
    assert example["changes"] is None
    assert data["totals"] == {
        "agencies": 2,
        "items": 85,
        "errors": 0,
        "warnings": 0,
        "coverage": 100.0,
        "missing": 15,
        "weakened": 1,
        "unreadable": 0,
    }


def test_the_numbers_are_those_of_check_diff_and_coverage(run_line):
    import re

    check = run_line("govopen check catalogs/pingyao-zrzyj/2025.yaml", cwd=REPO)
    assert check.lines[-1].startswith("检查了 2 个文件，错误 0 个，警告 0 个")
    years = "catalogs/pingyao-zrzyj/2024.yaml catalogs/pingyao-zrzyj/2025.yaml"
    closing = run_line(f"govopen diff {years}", cwd=REPO).lines[-1]
    assert closing.startswith(
        "新增 4 项，删除 2 项，改编号 1 项，移动 1 项，修改 4 项，目录信息 3 处；"
    )
    # 较上年变更 is the count of diff's closing line (before the "；"), not its 17 change records.
    counted = sum(int(n) for n in re.findall(r"(\d+) [项处]", closing.split("；")[0]))
    changes = json.loads(run_line(f"govopen diff {years} -f json", cwd=REPO).stdout)
    assert len(changes["changes"]) == 17
    row = _summary(run_line, "catalogs")["agencies"][0]
    assert row["changes"]["total"] == counted == 15
    assert row["changes"]["added"] == len(changes["added"])
    assert row["changes"]["removed"] == len(changes["removed"])
    coverage = run_line("govopen coverage catalogs/pingyao-zrzyj/2025.yaml", cwd=REPO)
    assert coverage.lines[-1].startswith("覆盖率 100%")


def test_the_examples_one_row_per_file_worst_first(run_line):
    import re

    check = run_line("govopen check examples", cwd=REPO)
    counted = re.match(r"检查了 (\d+) 个文件，错误 (\d+) 个，警告 (\d+) 个", check.lines[-1])
    assert counted, check.lines[-1]
    errors, warnings = int(counted[2]), int(counted[3])
    data = _summary(run_line, "examples")
    rows = data["agencies"]
    # examples/mistakes holds one broken copy per file: each readable catalog is its own row.
    assert len(rows) == 20
    assert data["totals"]["unreadable"] == 7
    # Errors in rows plus one per unreadable file are check's; warnings are check's.
    assert data["totals"]["errors"] + data["totals"]["unreadable"] == errors
    assert data["totals"]["warnings"] == warnings
    keys = [(-r["errors"], -r["warnings"]) for r in rows]
    assert keys == sorted(keys)
    assert rows[0]["errors"] == 3 and rows[-1]["errors"] == 0
    assert data["guide"] is None and all(r["guide"] is None for r in rows)


def test_two_years_of_one_agency_are_one_row(run_line, tmp_path):
    system = tmp_path / "system"
    shutil.copytree(CATALOGS / "pingyao-zrzyj", system / "pingyao")
    shutil.copytree(EXAMPLES / "minimal", system / "example")
    data = _summary(run_line, str(system))
    assert len(data["agencies"]) == 2
    assert {a["agency"]: a["changes"] is not None for a in data["agencies"]} == {
        "平遥县自然资源局": True,
        "示例县自然资源局": False,
    }


def test_text_markdown_html_and_xlsx(run_line, tmp_path):
    text = run_line("govopen summary catalogs examples/minimal --guide 自然资源", cwd=REPO)
    assert text.lines[0].split() == [
        "机构", "层级", "年度", "事项", "错误", "警告", "三定覆盖", "标准目录缺少", "标准目录弱化", "较上年变更", "文件",
    ]  # fmt: skip
    assert text.lines[-2].split() == [
        "合计（2",
        "个机构）",
        "—",
        "—",
        "85",
        "0",
        "0",
        "100%",
        "15",
        "1",
        "—",
    ]
    markdown = run_line("govopen summary catalogs -f markdown", cwd=REPO).stdout
    assert (
        "| 平遥县自然资源局 | 县级 | 2025 | 82 | 0 | 0 | 100% | — | — | 15 | catalogs/pingyao-zrzyj/2025.yaml |"
        in markdown
    )
    html = run_line("govopen summary catalogs -f html", cwd=REPO).stdout
    assert html.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in html
    assert '<th scope="row" data-label="机构">平遥县自然资源局' in html
    out = tmp_path / "汇总.xlsx"
    assert run_line(f"govopen summary catalogs -f xlsx -o {out}", cwd=REPO).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out)["汇总"]
    assert [c.value for c in sheet[2]][:4] == ["平遥县自然资源局", "县级", 2025, 82]
    assert sheet.max_row == 3
    again = run_line(f"govopen summary catalogs -f xlsx -o {out}", cwd=REPO)
    assert again.exit_code == 2 and "已存在" in again.stderr
    assert run_line(f"govopen summary catalogs -f xlsx -o {out} --force", cwd=REPO).exit_code == 0
