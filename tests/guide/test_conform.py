"""``govopen conform``: the shipped guide, and catalogs against it row by row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import CATALOGS, EXAMPLES
from govopen_cli.catalog.files import load_file
from govopen_cli.guide.reference import guide_path, load_guide

CATALOG_2025 = CATALOGS / "pingyao-zrzyj" / "2025.yaml"
CATALOG_2024 = CATALOGS / "pingyao-zrzyj" / "2024.yaml"
LAND = ("征地管理政策", "征地前期准备", "征地审查报批", "征地组织实施")


def test_the_shipped_guide_is_a_valid_catalog_with_the_land_part_whole():
    loaded = load_file(guide_path("自然资源"), "catalog")
    assert [d for d in loaded.diagnostics if d.code.startswith(("GO0", "GO1"))] == []
    guide = load_guide("自然资源")
    land = [row for row in guide.items if row.matter[0] in LAND]
    assert {row.matter[0] for row in land} == set(LAND)  # 4 一级事项
    second = [row.matter[1] for row in land if len(row.matter) > 1]
    assert len(second) == 10 and len(set(second)) == 10  # 10 二级事项
    assert second == [
        "拟征收土地告知",
        "拟征收土地现状调查",
        "拟征地听证",
        "征地报批材料",
        "征地批准文件",
        "征收土地公告",
        "征地补偿登记",
        "征地补偿安置方案公告",
        "征地补偿安置方案听证",
        "征地补偿费用支付",
    ]
    assert len(guide.items) == 16
    assert [row.matter for row in guide.items if row.matter[0] not in LAND] == [
        ("机构信息", "自然资源主管部门及派出机构、公共服务机构信息"),
        ("公共服务", "政策文件"),
        ("公共服务", "自然资源领域专项规划"),
        ("公共服务", "重大决策预公开"),
        ("公共服务", "回应关切"),
    ]


def test_the_guide_file_names_its_sources_row_by_row():
    text = guide_path("自然资源").read_text(encoding="utf-8")
    note = text[: text.index("format: 1")]
    for source in (
        "yajiang.gov.cn",
        "scnj.gov.cn",
        "cangyuan.gov.cn",
        "scgw.gov.cn",
        "wenshang.gov.cn",
        "etkqq.gov.cn",
        "ytykzy.com",
        "youhaodoor.com",
        "漳州",
        "寮步",
    ):
        assert source in note
    # Every row is named in the source note with where it comes from.
    for row in load_guide("自然资源").items:
        assert row.id in note or f"{row.id[:3]}01…{row.id[:3]}11" in note, row.id
    assert "不臆造" in note and "办事指南" in note  # a row seen in one table only is not shipped


def test_the_bundled_2025_catalog_conforms_but_for_the_longer_announcement_deadline(run_line):
    result = run_line(f"govopen conform {CATALOG_2025} --format json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["counts"] == {"rows": 16, "present": 15, "missing": 0, "weakened": 1, "extra": 52}
    [weak] = data["weakened"]
    assert weak["row"] == "ZD-07" and [i["id"] for i in weak["items"]] == ["ZD-008"]
    assert weak["weakenings"] == [
        "事项 ZD-008 的公开时限 15个工作日 长于标准目录的 10个工作日（收到征地批准文件之日起10个工作日内）"
    ]
    present = {row["row"]: [i["id"] for i in row["items"]] for row in data["present"]}
    # 矿产资源规划, 专项规划／基础测绘规划 and 地质灾害防治／地质灾害防治规划 are the special plans
    # the guide's 自然资源领域专项规划 row names; the other 地质灾害防治 items are not plans.
    assert present["ZY-03"] == ["GH-005", "GH-006", "GH-007"]
    assert present["ZY-05"] == ["HY-001", "HY-002"]
    assert present["ZD-01"] == ["ZD-001", "ZD-002"]
    assert {"BDC-001", "DZ-001", "GH-001", "TD-003"} <= {i["id"] for i in data["extra"]}


def test_the_2024_catalog_has_every_row_too(run_line):
    data = json.loads(run_line(f"govopen conform {CATALOG_2024} -f json").stdout)
    assert data["counts"]["missing"] == 0
    assert data["counts"]["present"] + data["counts"]["weakened"] == 16


def test_the_minimal_example_lacks_fifteen_rows_and_fails_on_missing(run_line):
    result = run_line(f"govopen conform {EXAMPLES / 'minimal' / 'catalog.yaml'} --fail-on missing")
    assert result.exit_code == 1
    assert result.lines[-1].startswith(
        "对照《自然资源领域基层政务公开标准目录》16 行：具备 1 行，缺少 15 行"
    )
    assert any(
        line.startswith("缺少  ZD-11  征地组织实施／征地补偿费用支付") for line in result.lines
    )
    assert run_line(f"govopen conform {CATALOG_2025} --fail-on missing").exit_code == 0
    assert run_line(f"govopen conform {CATALOG_2025} --fail-on weakened").exit_code == 1


ITEM = """\
  - id: {id}
    matter: {matter}
    content: [要素]
    basis: [《中华人民共和国政府信息公开条例》]
    deadline: {deadline}
    owner: 测试县自然资源局
    channels: {channels}
    audience: 全社会
    mode: {mode}
    levels: {levels}
"""


def _catalog(write, *items: dict[str, str]) -> str:
    text = "format: 1\ncatalog: {id: t, title: 测试目录, agency: 测试县自然资源局, year: 2025}\nitems:\n"
    for n, fields in enumerate(items, 1):
        values = {
            "id": f"T-{n:02d}",
            "deadline": "自信息形成或者变更之日起20个工作日内",
            "channels": "[政府网站, 征地信息公开平台]",
            "mode": "主动",
            "levels": "[县级]",
            **fields,
        }
        text += ITEM.format(**values)
    return str(write("catalog.yaml", text))


def _row(run_line, path: str, row_id: str) -> tuple[str, dict]:
    data = json.loads(run_line(f"govopen conform {path} -f json").stdout)
    for state in ("present", "missing", "weakened"):
        for row in data[state]:
            if row["row"] == row_id:
                return state, row
    raise AssertionError(row_id)


@pytest.mark.parametrize(
    ("matter", "row"),
    [
        ("[规划信息, 专项规划]", "ZY-03"),
        ("[规划信息, 矿产资源规划]", "ZY-03"),
        ("[地质灾害防治, 地质灾害防治规划]", "ZY-03"),
        ("[基本信息, 机构职能]", "ZY-01"),
        ("[基本信息, 联系方式]", "ZY-01"),
        ("[回应关切, 政务舆情回应]", "ZY-05"),
        ("[征地前期准备, 征收土地预公告]", "ZD-02"),
        ("[拟征收土地告知（征地预公告）]", "ZD-02"),
    ],
)
def test_renamed_rows_are_matched(run_line, write, matter, row):
    path = _catalog(write, {"matter": matter})
    data = json.loads(run_line(f"govopen conform {path} -f json").stdout)
    assert data["extra"] == []
    assert data["counts"]["missing"] == 15
    assert [r["row"] for r in data["present"] + data["weakened"]] == [row]


@pytest.mark.parametrize(
    "matter",
    [
        "[地质灾害防治, 年度地质灾害防治方案]",
        "[地质灾害防治, 地质灾害隐患点]",
        "[规划信息, 详细规划]",
    ],
)
def test_a_heading_like_a_renaming_is_not_the_row(run_line, write, matter):
    # The renamings are matched against the item's own name: 地质灾害防治 is a heading, not
    # the 地质灾害防治规划 the 专项规划 row covers.
    path = _catalog(write, {"matter": matter})
    data = json.loads(run_line(f"govopen conform {path} -f json").stdout)
    assert data["counts"]["missing"] == 16 and len(data["extra"]) == 1


@pytest.mark.parametrize(
    ("fields", "weakening"),
    [
        ({"channels": "[政府网站]"}, "缺少标准目录标为必选（■）的渠道“征地信息公开平台”"),
        ({"mode": "依申请"}, "标准目录为主动公开，目录改为依申请公开"),
        (
            {"deadline": "自信息形成或者变更之日起30个工作日内"},
            "公开时限 30个工作日 长于标准目录的 20个工作日",
        ),
    ],
)
def test_a_weakened_row_says_what_it_lost(run_line, write, fields, weakening):
    path = _catalog(write, {"matter": "[征地管理政策, 征地法规政策]", **fields})
    state, row = _row(run_line, path, "ZD-01")
    assert state == "weakened"
    assert any(weakening in w for w in row["weakenings"]), row["weakenings"]


def test_a_dropped_level_and_a_missing_choice_channel_are_weakenings(run_line, write):
    path = _catalog(
        write,
        {
            "matter": "[征地组织实施, 征收土地公告]",
            "channels": "[政府网站]",
            "levels": "[县级]",
            "deadline": "收到征地批准文件之日起10个工作日内",
        },
    )
    state, row = _row(run_line, path, "ZD-07")
    assert state == "weakened"
    assert "缺少标准目录标为必选（■）的渠道“社区/企事业单位/村公示栏(电子屏)”" in row["weakenings"]
    assert "缺少公开层级 乡级" in row["weakenings"]
    path = _catalog(
        write,
        {
            "matter": "[征地组织实施, 征地补偿费用支付]",
            "channels": "[政府网站]",
            "levels": "[县级, 乡级]",
        },
    )
    state, row = _row(run_line, path, "ZD-11")
    assert row["weakenings"][0].startswith(
        "择一（▲）的渠道 社区/企事业单位/村公示栏(电子屏)、入户/现场 一个也没有"
    )


def test_a_shorter_deadline_and_more_channels_are_not_weakenings(run_line, write):
    path = _catalog(
        write,
        {
            "matter": "[征地管理政策]",
            "deadline": "自信息形成之日起5个工作日内",
            "channels": "[政府网站, 征地信息公开平台, 政务服务中心]",
            "levels": "[县级, 乡级]",
        },
    )
    state, _ = _row(run_line, path, "ZD-01")
    assert state == "present"


def test_markdown_and_xlsx(run_line, tmp_path):
    markdown = run_line(f"govopen conform {CATALOG_2025} -f markdown").stdout
    assert "| ZD-07 | 征地组织实施／征收土地公告 | 弱化 | ZD-008 |" in markdown
    out = tmp_path / "对照.xlsx"
    assert run_line(f"govopen conform {CATALOG_2025} -f xlsx -o {out}").exit_code == 0
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert book.sheetnames == ["对照", "自行增加"]
    assert book["对照"].max_row == 17
    assert book["自行增加"].max_row == 53
    assert run_line(f"govopen conform {CATALOG_2025} -f xlsx").exit_code == 2
    again = run_line(f"govopen conform {CATALOG_2025} -f xlsx -o {out}")
    assert again.exit_code == 2 and "已存在：加 --force" in again.stderr
    assert run_line(f"govopen conform {CATALOG_2025} -f xlsx -o {out} --force").exit_code == 0


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (EXAMPLES / "holidays-example.yaml", "节假日文件"),
        (EXAMPLES / "ledger" / "台账-2025.yaml", "依申请公开台账"),
        (EXAMPLES / "minimal" / "sanding.yaml", "三定映射文件"),
    ],
)
def test_a_file_that_is_not_a_catalog_is_refused_not_reported_empty(run_line, path, kind):
    result = run_line(f"govopen conform {path}")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"是{kind}" in result.stderr and "不是目录文件" in result.stderr


def test_an_unknown_guide_or_a_folder_cannot_run(run_line):
    result = run_line(f"govopen conform {CATALOG_2025} --guide 教育")
    assert result.exit_code == 2
    assert "没有名为 '教育' 的标准目录：可选 自然资源" in result.stderr
    assert run_line(f"govopen conform {CATALOGS}").exit_code == 2


def test_check_reports_guide_gaps_when_the_configuration_names_a_guide(run_line, write):
    config = write("govopen.toml", 'guide = "自然资源"\n[channels]\nextra = ["征地信息公开平台"]\n')
    result = run_line(f"govopen check --config {config} {EXAMPLES / 'minimal' / 'catalog.yaml'}")
    missing = [line for line in result.lines if " GO711 " in line]
    assert len(missing) == 15
    assert (
        result.lines[-1] == f"检查了 2 个文件，错误 0 个，警告 15 个，提示 0 个。配置：{config}。"
    )
    result = run_line(f"govopen check --config {config} {CATALOG_2025}")
    [weak] = [line for line in result.lines if " GO712 " in line]
    assert weak.startswith(f"{CATALOG_2025.relative_to(CATALOGS.parent)}:") or "2025.yaml:" in weak
    assert "事项 ZD-008 对应标准目录 ZD-07" in weak
    bad = write("bad.toml", "guide = 3\n")
    assert run_line(f"govopen check --config {bad} {CATALOG_2025}").exit_code == 2


def test_the_guide_data_is_readable_yaml_with_a_note_per_source():
    data = yaml.safe_load(guide_path("自然资源").read_text(encoding="utf-8"))
    assert data["catalog"]["title"] == "自然资源领域基层政务公开标准目录"


def test_a_city_catalog_is_not_asked_for_the_county_levels(run_line, write):
    fields = {
        "matter": "[征地组织实施, 征收土地公告]",
        "levels": "[市级]",
        "channels": "[政府网站, 社区/企事业单位/村公示栏(电子屏)]",
        "deadline": "收到征地批准文件之日起10个工作日内",
    }
    path = _catalog(write, fields)
    state, row = _row(run_line, path, "ZD-07")
    assert state == "weakened" and "缺少公开层级 县级、乡级" in row["weakenings"]
    text = Path(path).read_text(encoding="utf-8").replace("year: 2025}", "year: 2025, level: 市级}")
    city = write("city.yaml", text)
    state, _ = _row(run_line, str(city), "ZD-07")
    assert state == "present"


def test_an_agencys_own_guide_file_is_used_by_path_and_from_the_configuration(
    run_line, write, tmp_path
):
    """A province holding the full guide writes it in the catalog format and names the file:
    its extra row is reported missing; govopen.toml's guide is relative to the config file."""
    shipped = yaml.safe_load(guide_path("自然资源").read_text(encoding="utf-8"))
    shipped["items"].append(
        {
            "id": "ZY-99",
            "matter": ["公共服务", "海域使用权审批结果"],
            "content": ["用海单位、用海位置、面积、批准文号"],
            "basis": ["《中华人民共和国海域使用管理法》"],
            "deadline": "信息形成或者变更之日起20个工作日内",
            "owner": "自然资源主管部门",
            "channels": ["政府网站"],
            "audience": "全社会",
            "mode": "主动",
            "level": ["县级"],
        }
    )
    guide = tmp_path / "标准目录" / "自然资源全文.yaml"
    guide.parent.mkdir()
    guide.write_text(yaml.safe_dump(shipped, allow_unicode=True, sort_keys=False), "utf-8")

    result = run_line(f"govopen conform {CATALOG_2025} --guide {guide} -f json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [row["row"] for row in report["missing"]] == ["ZY-99"]
    assert len(report["present"]) + len(report["weakened"]) == 16

    config = write("govopen.toml", 'guide = "标准目录/自然资源全文.yaml"\n')
    elsewhere = tmp_path / "其他文件夹"
    elsewhere.mkdir()
    result = run_line(f"govopen check --config {config} {CATALOG_2025}", cwd=elsewhere)
    assert [line for line in result.lines if " GO711 " in line and "ZY-99" in line]

    result = run_line(f"govopen conform {CATALOG_2025} --guide {tmp_path / '没有.yaml'}")
    assert result.exit_code == 2
    assert "标准目录文件" in result.stderr and "没有.yaml 不存在" in result.stderr
    broken = write("坏的标准目录.yaml", "format: 1\nitems: [\n")
    result = run_line(f"govopen conform {CATALOG_2025} --guide {broken}")
    assert result.exit_code == 2
    assert f"无法作为目录读取：请先运行 govopen check {broken}" in result.stderr
    mapping = CATALOGS / "pingyao-zrzyj" / "sanding.yaml"
    result = run_line(f"govopen conform {CATALOG_2025} --guide {mapping}")
    assert result.exit_code == 2
    assert "是三定映射文件，不是目录格式的标准目录" in result.stderr
