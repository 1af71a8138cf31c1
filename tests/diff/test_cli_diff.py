"""``govopen diff`` as a user types it: formats, exit codes, REV:path, the bundled catalogs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from govopen_cli.diff.revision import parse_side
from govopen_cli.errors import GovopenError
from govopen_cli.reporters import DIFF, format_names, render

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "catalogs" / "pingyao-zrzyj"

CATALOG = """\
format: 1
catalog:
  id: py-zrzyj
  title: 平遥县自然资源局政务公开基本目录（{year}年版）
  agency: 平遥县自然资源局
  year: {year}
  duties: sanding.yaml
items:
  - id: ZC-001
    matter: [政策文件, 行政规范性文件]
    content: [文件全文, 制定机关、文号、成文日期]
    basis: [《中华人民共和国政府信息公开条例》第二十条]
    deadline: {deadline}
    owner: 平遥县自然资源局
    channels: [{channels}]
    audience: 全社会
    mode: 主动
    levels: [县级]
    duties: [D01]
  - id: TD-001
    matter: [土地供应, 土地供应计划]
    content: [年度国有建设用地供应计划]
    basis: [《招标拍卖挂牌出让国有建设用地使用权规定》第五条]
    deadline: 自信息形成或者变更之日起20个工作日内
    owner: 平遥县自然资源局
    channels: [政府网站]
    audience: 全社会
    mode: {mode}
    levels: [县级]
"""

MAPPING = """\
format: 1
agency: 平遥县自然资源局
source: 《平遥县自然资源局职能配置、内设机构和人员编制规定》
duties:
  - id: D01
    text: 起草规范性文件草案并组织实施
  - id: D04
    text: 负责国有建设用地供应
    items: [{d04}]
"""


def catalog(
    year: int = 2024,
    deadline: str = "自信息形成或者变更之日起20个工作日内",
    channels: str = "政府网站, 公开查阅点",
    mode: str = "主动",
) -> str:
    return CATALOG.format(year=year, deadline=deadline, channels=channels, mode=mode)


@pytest.fixture
def pair(write):
    """old.yaml and new.yaml: a header change (info) and a dropped channel (warning)."""
    write("sanding.yaml", MAPPING.format(d04="TD-001"))
    old = write("old.yaml", catalog())
    new = write("new.yaml", catalog(year=2025, channels="公开查阅点"))
    return old, new


def test_every_format_name_renders(pair):
    from govopen_cli.diff.compare import diff_sources

    assert format_names(DIFF) == ["text", "markdown", "json", "xlsx"]
    outcome = diff_sources(str(pair[0]), str(pair[1]))
    assert outcome.diff is not None
    for name in format_names(DIFF):
        assert render(DIFF, outcome.diff, name), name


def test_a_catalog_diffed_with_itself_is_empty_and_exits_0(run_line, pair):
    result = run_line(f"govopen diff {pair[0]} {pair[0]} --exit-code --fail-on info")
    assert result.exit_code == 0
    assert "两个目录没有差异" in result.stdout


def test_differences_exit_0_unless_asked(run_line, pair):
    old, new = pair
    result = run_line(f"govopen diff {old} {new}")
    assert result.exit_code == 0
    assert any("GD203 warning" in line and "政府网站" in line for line in result.lines)
    assert any(line.startswith("ZC-001  政策文件 › 行政规范性文件") for line in result.lines)
    assert "警告 1 个，提示 2 个" in result.lines[-1]
    assert "\x1b[" not in result.stdout  # no colour on a pipe


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ("--exit-code", 1),
        ("--fail-on warning", 1),
        ("--fail-on info", 1),
        ("--fail-on error", 0),
        ("--fail-on 警告", 1),
    ],
)
def test_exit_code_and_fail_on(run_line, pair, options, status):
    result = run_line(f"govopen diff {pair[0]} {pair[1]} {options}")
    assert result.exit_code == status
    # The status is the only difference: the same changes are shown, and no error.
    assert result.lines[-1] == "修改 1 项，目录信息 2 处；警告 1 个，提示 2 个。"
    assert result.stderr == ""


def test_fail_on_ignores_changes_below_the_level(run_line, write):
    write("sanding.yaml", MAPPING.format(d04="TD-001"))
    old = write("old.yaml", catalog())
    new = write("new.yaml", catalog(year=2025))  # only the header: info
    result = run_line(f"govopen diff {old} {new} --fail-on warning")
    assert result.exit_code == 0
    assert result.lines[-1] == "目录信息 2 处；警告 0 个，提示 2 个。"
    result = run_line(f"govopen diff {old} {new} --exit-code")
    assert result.exit_code == 1
    assert result.lines[-1] == "目录信息 2 处；警告 0 个，提示 2 个。"
    assert result.stderr == ""


def test_json(run_line, pair):
    result = run_line(f"govopen diff {pair[0]} {pair[1]} --format json")
    data = json.loads(result.stdout)
    assert data["changed"] == [
        {
            "id": "ZC-001",
            "fields": [
                {
                    "field": "channels",
                    "old": ["政府网站", "公开查阅点"],
                    "new": ["公开查阅点"],
                    "added": [],
                    "removed": ["政府网站"],
                }
            ],
        }
    ]
    assert data["coverage"]["newly_covered"] == [] and data["coverage"]["newly_missing"] == []
    assert data["summary"]["warning"] == 1


def test_markdown_for_a_pull_request(run_line, pair):
    result = run_line(f"govopen diff {pair[0]} {pair[1]} -f markdown")
    assert result.exit_code == 0
    lines = result.lines
    assert lines[0] == "### govopen diff"
    assert "| 级别 | 编号 | 事项 | 字段 | 说明 |" in lines
    first_row = lines[lines.index("| --- | --- | --- | --- | --- |") + 1]
    assert first_row.startswith("| **警告** | GD203 | ZC-001 政策文件 | 公开渠道和载体 |")
    assert "#### 三定覆盖" in lines


def test_markdown_escapes_table_cells(run_line, write):
    write("sanding.yaml", MAPPING.format(d04="TD-001"))
    old = write("old.yaml", catalog())
    new = write("new.yaml", catalog(deadline="'20个工作日|及时'"))
    result = run_line(f"govopen diff {old} {new} -f markdown")
    assert "20个工作日\\|及时" in result.stdout


def test_xlsx_is_a_filterable_sheet_of_changes(run_line, pair, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "变更.xlsx"
    result = run_line(f"govopen diff {pair[0]} {pair[1]} -f xlsx -o {out}")
    assert result.exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames == ["变更", "概况"]
    sheet = book["变更"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == ("编号", "级别", "事项编号", "一级事项", "字段", "原值", "新值", "说明")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:I{len(rows)}"
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code["GD203"][1:7] == (
        "警告",
        "ZC-001",
        "政策文件",
        "公开渠道和载体",
        "政府网站、公开查阅点",
        "公开查阅点",
    )
    assert by_code["GD401"][4:7] == ("年度", "2024", "2025")
    assert sheet.column_dimensions["H"].width >= 40


def test_xlsx_needs_an_output_file(run_line, pair):
    result = run_line(f"govopen diff {pair[0]} {pair[1]} -f xlsx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "govopen：用法错误：选项 --format 的值无效：xlsx 格式需要用 -o 指定输出文件。"
        "运行 govopen diff -h 查看帮助。\n"
    )


def test_output_file_for_text(run_line, pair, tmp_path):
    out = tmp_path / "diff.txt"
    assert run_line(f"govopen diff {pair[0]} {pair[1]} -o {out}").exit_code == 0
    assert "GD203" in out.read_text("utf-8")


def test_unknown_format_is_a_usage_error(run_line, pair):
    result = run_line(f"govopen diff {pair[0]} {pair[1]} -f sarif")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "govopen：用法错误：选项 --format / -f 的值无效：未知的格式 'sarif'："
        "可选 text、markdown、json、xlsx。运行 govopen diff -h 查看帮助。\n"
    )


def test_a_side_with_errors_is_not_diffed(run_line, pair, write):
    bad = write("bad.yaml", catalog().replace("owner: 平遥县自然资源局\n", "", 1))
    result = run_line(f"govopen diff {bad} {pair[1]}")
    assert result.exit_code == 2
    assert "govopen check" in result.stderr


def test_repeated_ids_are_not_diffed(write, pair):
    from govopen_cli.diff.compare import diff_sources

    text = catalog().replace("id: TD-001", "id: ZC-001")
    outcome = diff_sources(str(write("dup.yaml", text)), str(pair[1]))
    assert outcome.diff is None
    assert [d.code for d in outcome.problems] == ["GD001"]


def test_a_missing_file_exits_2(run_line, pair, tmp_path):
    result = run_line(f"govopen diff {tmp_path / 'nope.yaml'} {pair[1]}")
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr


def test_a_mapping_is_not_a_catalog(run_line, pair, tmp_path):
    result = run_line(f"govopen diff {tmp_path / 'sanding.yaml'} {pair[1]}")
    assert result.exit_code == 2
    assert "三定映射" in result.stderr


# -- sides -----------------------------------------------------------------------------


def test_parse_side():
    assert parse_side("HEAD~1:catalogs/2024.yaml").rev == "HEAD~1"
    assert parse_side("HEAD~1:catalogs/2024.yaml").path == "catalogs/2024.yaml"
    assert parse_side(":catalogs/2024.yaml").rev == ""  # the index, as in git show
    assert parse_side("catalogs/2024.yaml").rev is None
    assert parse_side("C:\\catalogs\\2024.yaml").rev is None
    assert parse_side("C:/catalogs/2024.yaml").rev is None
    with pytest.raises(GovopenError):
        parse_side("HEAD:")


def test_an_existing_file_with_a_colon_is_a_file(run_line, pair, write):
    odd = write("v1:2024.yaml", catalog())
    assert parse_side(str(odd)).rev is None
    result = run_line(f"govopen diff '{odd}' {pair[0]} --exit-code")
    assert result.exit_code == 0


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository with catalogs/x/2025.yaml and its mapping committed, then edited."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):  # as set inside git hooks
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "repo"
    folder = root / "catalogs" / "x"
    folder.mkdir(parents=True)
    (folder / "2025.yaml").write_text(catalog(year=2025), "utf-8")
    (folder / "sanding.yaml").write_text(MAPPING.format(d04="TD-001"), "utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "2025")
    # The working copy: 主动 -> 依申请, a longer deadline, and D04 no longer linked.
    (folder / "2025.yaml").write_text(
        catalog(year=2025, deadline="自信息形成或者变更之日起30个工作日内", mode="依申请"), "utf-8"
    )
    (folder / "sanding.yaml").write_text(MAPPING.format(d04=""), "utf-8")
    return root


@needs_git
def test_rev_path_reads_the_committed_version(run_line, repo):
    result = run_line(
        "govopen diff HEAD:catalogs/x/2025.yaml catalogs/x/2025.yaml -f json --fail-on warning",
        cwd=repo,
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["old"] == "HEAD:catalogs/x/2025.yaml"
    assert data["new"] == "catalogs/x/2025.yaml"
    assert [(c["code"], c["item"] or c["duty"]) for c in data["changes"]] == [
        ("GD201", "ZC-001"),
        ("GD202", "TD-001"),
        ("GD301", "D04"),
    ]
    # The old side's mapping came from the same revision.
    assert data["coverage"]["before"]["file"] == "HEAD:catalogs/x/sanding.yaml"
    assert data["coverage"]["before"]["covered"] == ["D01", "D04"]
    assert data["coverage"]["after"]["missing"] == ["D04"]


@needs_git
def test_rev_path_relative_to_the_working_directory(run_line, repo):
    result = run_line("govopen diff HEAD:./2025.yaml HEAD:./2025.yaml", cwd=repo / "catalogs" / "x")
    assert result.exit_code == 0
    assert "两个目录没有差异" in result.stdout


@needs_git
def test_git_failure_names_the_revision_and_path(run_line, repo):
    result = run_line("govopen diff HEAD~5:catalogs/x/2025.yaml catalogs/x/2025.yaml", cwd=repo)
    assert result.exit_code == 2
    assert "HEAD~5" in result.stderr and "catalogs/x/2025.yaml" in result.stderr
    result = run_line("govopen diff HEAD:catalogs/x/nope.yaml catalogs/x/2025.yaml", cwd=repo)
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr


@needs_git
def test_rev_path_outside_a_repository_exits_2(run_line, tmp_path):
    result = run_line("govopen diff HEAD:old.yaml new.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert "HEAD:old.yaml" in result.stderr


# -- the bundled catalogs --------------------------------------------------------------


@pytest.mark.skipif(
    not (BUNDLED / "2024.yaml").is_file() or not (BUNDLED / "2025.yaml").is_file(),
    reason="the bundled catalogs are not in this checkout",
)
class TestBundledYears:
    """The two bundled years of 平遥县自然资源局: properties that hold whatever they say."""

    def diff(self, run_line, old: str, new: str) -> dict:
        result = run_line(f"govopen diff {BUNDLED / old} {BUNDLED / new} -f json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    def test_each_year_with_itself_is_empty(self, run_line):
        for year in ("2024.yaml", "2025.yaml"):
            assert self.diff(run_line, year, year)["changes"] == []

    def test_2024_to_2025(self, run_line):
        import yaml

        data = self.diff(run_line, "2024.yaml", "2025.yaml")
        assert {"field": "year", "old": 2024, "new": 2025} in data["header"]
        ids = {}
        for year in ("2024", "2025"):
            loaded = yaml.safe_load((BUNDLED / f"{year}.yaml").read_text("utf-8"))
            ids[year] = {it["id"] for it in loaded["items"]}
        renamed_old = {r["old"] for r in data["renamed"]}
        renamed_new = {r["new"] for r in data["renamed"]}
        assert set(data["added"]) | renamed_new == ids["2025"] - ids["2024"]
        assert set(data["removed"]) | renamed_old == ids["2024"] - ids["2025"]
        assert all(r["similarity"] >= 85 for r in data["renamed"])
        if data["coverage"] is not None:
            assert data["coverage"]["after"]["duties"] > 0

    def test_reversed_swaps_added_and_removed(self, run_line):
        forward = self.diff(run_line, "2024.yaml", "2025.yaml")
        backward = self.diff(run_line, "2025.yaml", "2024.yaml")
        assert sorted(forward["added"]) == sorted(backward["removed"])
        assert sorted(forward["removed"]) == sorted(backward["added"])
        assert len(forward["changed"]) == len(backward["changed"])


# -- golden files and the documented example -------------------------------------------

GOLDEN = REPO / "tests" / "data" / "diff"


@pytest.mark.parametrize(("fmt", "golden"), [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_output_matches_the_golden_file(run_line, fmt, golden):
    result = run_line(f"govopen diff 2024.yaml 2025.yaml -f {fmt}", cwd=GOLDEN)
    assert result.exit_code == 0
    assert result.stdout == (GOLDEN / f"expected.{golden}").read_text("utf-8")


def test_the_documented_examples_are_real_output():
    import re

    doc = (REPO / "docs" / "diff.md").read_text("utf-8")
    example = re.search(r"```json\n(.*?)```", doc, re.S)
    assert example is not None
    expected = json.loads((GOLDEN / "expected.json").read_text("utf-8"))
    assert json.loads(example.group(1)) == expected
    assert (GOLDEN / "expected.txt").read_text("utf-8").strip() in doc


def test_xlsx_summary_counts_a_moved_item_once(run_line, tmp_path):
    import openpyxl

    from conftest import CATALOGS

    folder = CATALOGS / "pingyao-zrzyj"
    out = tmp_path / "变更.xlsx"
    result = run_line(
        f"govopen diff {folder / '2024.yaml'} {folder / '2025.yaml'} -f xlsx -o {out}"
    )
    assert result.exit_code == 0
    text = run_line(f"govopen diff {folder / '2024.yaml'} {folder / '2025.yaml'}").stdout
    rows = dict(openpyxl.load_workbook(out)["概况"].iter_rows(values_only=True))
    assert f"修改 {rows['修改事项']} 项" in text
