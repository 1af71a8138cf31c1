"""diff_catalogs: each kind of change, its code and level, and the JSON shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from govopen_cli.catalog.files import load_file
from govopen_cli.catalog.model import Catalog, Deadline, DutyMap
from govopen_cli.checks.rules import load_rules
from govopen_cli.codes import iter_codes
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.diff.compare import CatalogDiff, diff_catalogs
from govopen_cli.diff.fields import MULTISET_FIELDS, deadline_lengthened
from govopen_cli.diff.match import RENAME_THRESHOLD
from govopen_cli.diff.similarity import similarity

HEADER = {
    "id": "py-zrzyj",
    "title": "平遥县自然资源局政务公开基本目录（2024年版）",
    "agency": "平遥县自然资源局",
    "year": 2024,
}


def item(item_id: str, name: str, first: str = "政策文件", **fields: Any) -> dict[str, Any]:
    """An item whose content is made from its name, so that items differ."""
    data: dict[str, Any] = {
        "id": item_id,
        "matter": [first, name],
        "content": [f"{name}的名称", f"{name}的全文", f"{name}的办理结果"],
        "basis": ["《中华人民共和国政府信息公开条例》第二十条"],
        "deadline": "自信息形成或者变更之日起20个工作日内",
        "owner": "平遥县自然资源局",
        "channels": ["政府网站"],
        "audience": "全社会",
        "mode": "主动",
        "levels": ["县级"],
    }
    data.update(fields)
    return data


BASE = [
    item("ZC-001", "行政规范性文件"),
    item("ZC-002", "政策解读材料", channels=["政府网站", "公开查阅点"]),
    item("TD-001", "土地供应计划", first="土地供应", duties=["D04"]),
]


@pytest.fixture
def make(tmp_path: Path):
    """``make(name, items, **header)`` -> a Catalog loaded from a file, with no problems."""

    def build(name: str, items: list[dict[str, Any]], **header: Any) -> Catalog:
        data = {"format": 1, "catalog": {**HEADER, **header}, "items": items}
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        loaded = load_file(path)
        assert loaded.diagnostics == [], loaded.diagnostics
        assert loaded.catalog is not None
        return loaded.catalog

    return build


def codes(diff: CatalogDiff) -> list[tuple[str, str, str]]:
    return [(c.code, c.severity.label, c.item_id or c.duty_id or c.field) for c in diff.changes]


def with_(base: list[dict[str, Any]], index: int, **fields: Any) -> list[dict[str, Any]]:
    out = [dict(it) for it in base]
    out[index].update(fields)
    return out


# -- no difference ---------------------------------------------------------------------


def test_a_catalog_diffed_with_itself_is_empty(make):
    old = make("old.yaml", BASE)
    diff = diff_catalogs(old, old)
    assert diff.empty
    assert diff.changes == ()
    assert diff.summary() == "两个目录没有差异。"
    data = diff.to_dict()
    for key in ("added", "removed", "renamed", "moved", "changed", "header", "changes"):
        assert data[key] == []


def test_order_only_changes_are_not_differences(make):
    old = make("old.yaml", BASE)
    shuffled = [dict(it) for it in reversed(BASE)]
    shuffled[0]["content"] = list(reversed(shuffled[0]["content"]))
    shuffled[1]["channels"] = ["公开查阅点", "政府网站"]
    shuffled[1]["audience"] = ["全社会"]  # a list of one is the same as the value
    new = make("new.yaml", shuffled)
    assert diff_catalogs(old, new).empty


def test_content_as_one_string_equals_a_list_of_one(make):
    old = make("old.yaml", [item("A-1", "机构职能", content="本局主要职责")])
    new = make("new.yaml", [item("A-1", "机构职能", content=["本局主要职责"])])
    assert diff_catalogs(old, new).empty


def test_levels_and_basis_compare_as_multisets(make):
    basis = ["《条例》第二十条", "《条例》第二十一条"]
    old = make("old.yaml", [item("A-1", "机构职能", levels=["县级", "乡级"], basis=basis)])
    new = make("new.yaml", [item("A-1", "机构职能", levels=["乡级", "县级"], basis=basis[::-1])])
    assert diff_catalogs(old, new).empty
    assert {"content", "basis", "channels", "levels"} <= set(MULTISET_FIELDS)


# -- added, removed --------------------------------------------------------------------


def test_added_item_is_info_located_in_the_new_file(make):
    old = make("old.yaml", BASE)
    new = make("new.yaml", [*BASE, item("GH-008", "国土空间规划实施监测评估", first="规划信息")])
    diff = diff_catalogs(old, new)
    assert diff.added == ("GH-008",)
    assert codes(diff) == [("GD101", "info", "GH-008")]
    change = diff.changes[0]
    assert change.file.endswith("new.yaml")
    assert change.line == new.locate("/items/3").line
    assert change.first_level == "规划信息"


def test_a_change_is_a_diagnostic_of_its_gd_code(make):
    old = make("old.yaml", BASE)
    new = make("new.yaml", [*BASE, item("GH-008", "国土空间规划实施监测评估", first="规划信息")])
    change = diff_catalogs(old, new).changes[0]
    assert isinstance(change, Diagnostic)
    assert (change.code, change.name, change.path) == ("GD101", "item-added", "/items/3")
    assert change.where == f"{change.file}:{change.line}:{change.column}"


def test_removed_proactive_item_is_a_warning_located_in_the_old_file(make):
    old = make("old.yaml", BASE)
    new = make("new.yaml", BASE[:1] + BASE[2:])
    diff = diff_catalogs(old, new)
    assert diff.removed == ("ZC-002",)
    assert codes(diff) == [("GD102", "warning", "ZC-002")]
    assert diff.changes[0].file.endswith("old.yaml")
    assert diff.changes[0].line == old.locate("/items/1").line


def test_removed_on_request_item_is_info(make):
    items = [*BASE, item("YS-001", "依申请公开事项", mode="依申请")]
    diff = diff_catalogs(make("old.yaml", items), make("new.yaml", BASE))
    assert codes(diff) == [("GD102", "info", "YS-001")]


# -- renamed ---------------------------------------------------------------------------


def test_an_id_change_with_the_same_content_is_a_rename(make):
    old = make("old.yaml", BASE)
    new = make("new.yaml", with_(BASE, 0, id="ZC-010"))
    diff = diff_catalogs(old, new)
    assert diff.added == () and diff.removed == ()
    assert [(r.old, r.new, r.similarity) for r in diff.renamed] == [("ZC-001", "ZC-010", 100.0)]
    assert codes(diff) == [("GD103", "info", "ZC-010")]
    assert diff.changed == ()  # nothing else changed


def test_a_renamed_item_with_small_edits_lists_its_changed_fields(make):
    content = list(BASE[0]["content"])
    content[2] = "行政规范性文件的有效性标注"
    new = make("new.yaml", with_(BASE, 0, id="ZC-010", content=content))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    (rename,) = diff.renamed
    assert RENAME_THRESHOLD <= rename.similarity < 100
    (changed,) = diff.changed
    assert changed.to_dict()["id"] == "ZC-010"
    assert changed.to_dict()["old_id"] == "ZC-001"
    assert [f.field for f in changed.fields] == ["content"]
    assert [c for c, _, _ in codes(diff)] == ["GD103", "GD204"]


def test_items_from_one_template_with_different_names_are_not_renamed(make):
    # 办事指南 rows share everything but their name: pairing them would hide a removal.
    guide = {"content": ["办理依据", "申请条件", "申请材料目录", "办理流程", "咨询和投诉方式"]}
    old = make("old.yaml", [item("XK-002", "建设用地规划许可证核发", first="行政许可", **guide)])
    new = make("new.yaml", [item("XK-003", "建设工程规划许可证核发", first="行政许可", **guide)])
    diff = diff_catalogs(old, new)
    assert diff.renamed == ()
    assert diff.removed == ("XK-002",) and diff.added == ("XK-003",)


def test_rename_pairs_are_one_to_one_best_first_and_deterministic(make):
    twin = item("OLD-1", "行政规范性文件")
    old = make("old.yaml", [twin, {**twin, "id": "OLD-2"}])
    new = make("new.yaml", [{**twin, "id": "NEW-1"}])
    diff = diff_catalogs(old, new)
    assert [(r.old, r.new) for r in diff.renamed] == [("OLD-1", "NEW-1")]
    assert diff.removed == ("OLD-2",)


def test_similarity_ignores_the_id_and_the_first_level(make):
    old = make("old.yaml", [item("A", "征地补偿安置方案公告", first="土地征收")])
    new = make("new.yaml", [item("B", "征地补偿安置方案公告", first="征地组织实施")])
    assert similarity(old.items[0], new.items[0]) == 100.0


# -- moved -----------------------------------------------------------------------------


def test_an_item_filed_under_another_first_level_is_moved(make):
    new = make("new.yaml", with_(BASE, 1, matter=["政策解读", "政策解读材料"]))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert [m.to_dict() for m in diff.moved] == [
        {"id": "ZC-002", "old": "政策文件", "new": "政策解读"}
    ]
    assert codes(diff) == [("GD104", "info", "ZC-002")]
    assert diff.changed[0].fields[0].field == "matter"


def test_a_moved_item_is_counted_as_moved_not_also_as_modified(make):
    new = make("new.yaml", with_(BASE, 1, matter=["政策解读", "政策解读材料"]))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert diff.summary() == "移动 1 项；警告 0 个，提示 1 个。"
    assert diff.to_dict()["summary"]["changed"] == 1  # JSON: `changed` lists moved items too


def test_a_moved_item_with_other_edits_is_moved_and_modified(make):
    new = make("new.yaml", with_(BASE, 1, matter=["政策解读", "政策解读材料"], note="新增"))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert diff.summary() == "移动 1 项，修改 1 项；警告 0 个，提示 2 个。"


def test_a_second_level_change_is_wording_not_a_move(make):
    new = make("new.yaml", with_(BASE, 1, matter=["政策文件", "政策解读材料及图解"]))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert diff.moved == ()
    assert codes(diff) == [("GD204", "info", "ZC-002")]


def test_a_renamed_item_can_also_be_moved(make):
    new = make("new.yaml", with_(BASE, 1, id="JD-001", matter=["政策解读", "政策解读材料"]))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert [(r.old, r.new) for r in diff.renamed] == [("ZC-002", "JD-001")]
    assert [m.id for m in diff.moved] == ["JD-001"]
    assert [c for c, _, _ in codes(diff)] == ["GD103", "GD104"]


# -- changed fields --------------------------------------------------------------------


def test_list_fields_show_what_was_added_and_removed(make):
    content = ["行政规范性文件的名称", "行政规范性文件的全文", "清理结果"]
    new = make("new.yaml", with_(BASE, 0, content=content, owner="平遥县人民政府"))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    (changed,) = diff.changed
    fields = {f["field"]: f for f in changed.to_dict()["fields"]}
    assert fields["content"]["added"] == ["清理结果"]
    assert fields["content"]["removed"] == ["行政规范性文件的办理结果"]
    assert fields["content"]["old"] == BASE[0]["content"]
    assert fields["content"]["new"] == content
    assert fields["owner"] == {"field": "owner", "old": "平遥县自然资源局", "new": "平遥县人民政府"}
    assert [c for c, _, _ in codes(diff)] == ["GD204", "GD204"]
    assert "新增 清理结果" in diff.changes[0].message
    assert "删除 行政规范性文件的办理结果" in diff.changes[0].message


def test_a_field_change_is_located_at_the_field_in_the_new_file(make):
    new = make("new.yaml", with_(BASE, 2, owner="平遥县人民政府"))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert diff.changes[0].line == new.locate("/items/2/owner").line


def test_optional_fields_added_or_dropped_are_changes(make):
    new = make("new.yaml", with_(BASE, 0, department="政策法规股", note="每年清理一次"))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    fields = diff.changed[0].to_dict()["fields"]
    assert [(f["field"], f["old"], f["new"]) for f in fields] == [
        ("department", None, "政策法规股"),
        ("note", None, "每年清理一次"),
    ]


def test_basis_changes_are_info(make):
    new = make("new.yaml", with_(BASE, 0, basis=["《中华人民共和国政府信息公开条例》第十九条"]))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert codes(diff) == [("GD205", "info", "ZC-001")]


# -- warnings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "longer"),
    [
        ("自信息形成或者变更之日起20个工作日内", "自信息形成或者变更之日起30个工作日内", True),
        ("自信息形成或者变更之日起20个工作日内", "自信息形成或者变更之日起30日内", True),
        ("自信息形成或者变更之日起二十个工作日内", "自信息形成或者变更之日起20个工作日内", False),
        ("自补偿费用支付之日起20个工作日内", "自补偿费用支付之日起10个工作日内", False),
        ("自信息形成或者变更之日起30日内", "自信息形成或者变更之日起20个工作日内", False),
        ("自信息形成或者变更之日起20个工作日内", "公告时间不少于30日", False),
        ("及时公开", "自信息形成或者变更之日起20个工作日内", False),
        ({"text": "按规定时限", "days": 20, "unit": "工作日"}, "30个工作日内", True),
    ],
)
def test_deadline_lengthened(make, before, after, longer):
    old = make("old.yaml", with_(BASE, 0, deadline=before))
    new = make("new.yaml", with_(BASE, 0, deadline=after))
    diff = diff_catalogs(old, new)
    expected = ("GD201", "warning") if longer else ("GD204", "info")
    assert [(c, s) for c, s, _ in codes(diff)] == [expected]


def test_deadline_lengthened_reads_the_publishing_limit():
    assert deadline_lengthened(Deadline("20个工作日内"), Deadline("25个工作日内"))
    assert not deadline_lengthened(Deadline("20个工作日内"), Deadline("20个工作日内，及时更新"))


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("主动", "依申请", ("GD202", "warning")),
        (["主动", "依申请"], "依申请", ("GD202", "warning")),
        ("依申请", "主动", ("GD204", "info")),
        ("主动", ["主动", "依申请"], ("GD204", "info")),
    ],
)
def test_proactive_turned_into_on_request(make, before, after, expected):
    old = make("old.yaml", with_(BASE, 0, mode=before))
    new = make("new.yaml", with_(BASE, 0, mode=after))
    diff = diff_catalogs(old, new)
    assert [(c, s) for c, s, _ in codes(diff)] == [expected]


def test_a_dropped_channel_is_a_warning(make):
    new = make("new.yaml", with_(BASE, 1, channels=["公开查阅点", "政务服务中心"]))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert codes(diff) == [("GD203", "warning", "ZC-002")]
    assert "政府网站" in diff.changes[0].message
    field = diff.changed[0].fields[0].to_dict()
    assert field["added"] == ["政务服务中心"] and field["removed"] == ["政府网站"]


def test_a_channel_mark_change_or_addition_is_info(make):
    channels = ["政府网站", {"name": "公开查阅点", "mark": "可选"}, "两微一端"]
    new = make("new.yaml", with_(BASE, 1, channels=channels))
    diff = diff_catalogs(make("old.yaml", BASE), new)
    assert codes(diff) == [("GD204", "info", "ZC-002")]
    field = diff.changed[0].fields[0].to_dict()
    assert field["added"] == [{"name": "公开查阅点", "mark": "可选"}, "两微一端"]
    assert field["removed"] == ["公开查阅点"]


# -- header ----------------------------------------------------------------------------


def test_header_changes_are_listed(make):
    old = make("old.yaml", BASE)
    new = make(
        "new.yaml",
        BASE,
        year=2025,
        title="平遥县自然资源局政务公开基本目录（2025年版）",
        document_no="平自然资发〔2025〕9号",
    )
    diff = diff_catalogs(old, new)
    assert [h.to_dict() for h in diff.header] == [
        {
            "field": "title",
            "old": HEADER["title"],
            "new": "平遥县自然资源局政务公开基本目录（2025年版）",
        },
        {"field": "year", "old": 2024, "new": 2025},
        {"field": "document_no", "old": None, "new": "平自然资发〔2025〕9号"},
    ]
    assert [c for c, _, _ in codes(diff)] == ["GD401"] * 3
    assert diff.changes[1].line == new.locate("/catalog/year").line


def test_a_different_catalog_id_is_a_warning(make):
    diff = diff_catalogs(make("old.yaml", BASE), make("new.yaml", BASE, id="other"))
    assert codes(diff) == [("GD402", "warning", "id")]


# -- 三定 duties -------------------------------------------------------------------------


def test_a_duty_losing_its_last_item_is_a_warning(make):
    diff = diff_catalogs(make("old.yaml", BASE), make("new.yaml", BASE[:2]))
    assert codes(diff) == [("GD102", "warning", "TD-001"), ("GD301", "warning", "D04")]
    assert diff.coverage is None


def test_a_duty_keeping_another_item_is_no_warning(make):
    items = [*BASE, item("TD-002", "土地出让结果", first="土地供应", duties=["D04"])]
    diff = diff_catalogs(make("old.yaml", items), make("new.yaml", items[:2] + items[3:]))
    assert [c for c, _, _ in codes(diff)] == ["GD102"]


def mapping(path: Path, duties: list[dict[str, Any]]) -> DutyMap:
    data = {
        "format": 1,
        "agency": "平遥县自然资源局",
        "source": "《平遥县自然资源局职能配置、内设机构和人员编制规定》",
        "duties": duties,
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    loaded = load_file(path)
    assert loaded.diagnostics == [] and loaded.dutymap is not None
    return loaded.dutymap


def test_coverage_before_and_after(make, tmp_path):
    exempt = {"reason": "涉及国家秘密", "basis": "《中华人民共和国政府信息公开条例》第十四条"}
    old_map = mapping(
        tmp_path / "old-sanding.yaml",
        [
            {"id": "D01", "text": "政策法规", "items": ["ZC-001"]},
            {"id": "D04", "text": "土地供应"},
            {"id": "D05", "text": "征地管理"},
            {"id": "D13", "text": "涉密测绘成果", "exempt": exempt},
        ],
    )
    new_map = mapping(
        tmp_path / "new-sanding.yaml",
        [
            {"id": "D01", "text": "政策法规", "items": ["ZC-001"]},
            {"id": "D04", "text": "土地供应"},
            {"id": "D05", "text": "征地管理", "items": ["ZD-001"]},
            {"id": "D13", "text": "涉密测绘成果"},
            {"id": "D21", "text": "新增的职责"},
        ],
    )
    old = make("old.yaml", BASE)
    new_items = [*BASE[:2], item("ZD-001", "拟征收土地告知", first="征地前期准备")]
    new = make("new.yaml", new_items)
    diff = diff_catalogs(old, new, old_map, new_map)
    coverage = diff.coverage
    assert coverage is not None
    assert coverage.before.covered == ("D01", "D04")
    assert coverage.before.missing == ("D05",)
    assert coverage.before.exempt == ("D13",)
    assert coverage.after.covered == ("D01", "D05")
    assert coverage.after.missing == ("D04", "D13", "D21")
    assert coverage.newly_covered == ("D05",)
    assert coverage.newly_missing == ("D04", "D13", "D21")
    duty_codes = [(c.code, c.severity.label, c.duty_id) for c in diff.changes if c.duty_id]
    assert duty_codes == [
        ("GD301", "warning", "D04"),
        ("GD302", "info", "D05"),
        ("GD303", "warning", "D13"),
        ("GD303", "warning", "D21"),
    ]
    located = next(c for c in diff.changes if c.duty_id == "D05")
    assert located.file.endswith("new-sanding.yaml")
    assert coverage.to_dict()["before"] == {
        "file": old_map.display,
        "duties": 4,
        "covered": ["D01", "D04"],
        "missing": ["D05"],
        "exempt": ["D13"],
    }


def test_an_exempt_duty_losing_its_item_is_no_warning(make, tmp_path):
    exempt = {"reason": "涉及国家秘密", "basis": "《中华人民共和国政府信息公开条例》第十四条"}
    old_map = mapping(tmp_path / "a.yaml", [{"id": "D04", "text": "土地供应"}])
    new_map = mapping(tmp_path / "b.yaml", [{"id": "D04", "text": "土地供应", "exempt": exempt}])
    diff = diff_catalogs(make("old.yaml", BASE), make("new.yaml", BASE[:2]), old_map, new_map)
    assert [c for c, _, _ in codes(diff)] == ["GD102"]


# -- shape -----------------------------------------------------------------------------


def test_the_json_shape(make):
    old = make("old.yaml", BASE)
    new_items = [
        item("ZC-001", "行政规范性文件", deadline="自信息形成或者变更之日起30个工作日内"),
        {**BASE[1], "id": "ZC-020"},
        item("GH-008", "国土空间规划实施监测评估", first="规划信息"),
    ]
    diff = diff_catalogs(old, make("new.yaml", new_items, year=2025))
    data = json.loads(json.dumps(diff.to_dict(), ensure_ascii=False))
    assert list(data) == [
        "tool",
        "old",
        "new",
        "added",
        "removed",
        "renamed",
        "moved",
        "changed",
        "header",
        "coverage",
        "changes",
        "summary",
    ]
    assert data["added"] == ["GH-008"]
    assert data["removed"] == ["TD-001"]
    assert data["renamed"] == [{"old": "ZC-002", "new": "ZC-020", "similarity": 100.0}]
    assert data["moved"] == []
    assert data["changed"] == [
        {
            "id": "ZC-001",
            "fields": [
                {
                    "field": "deadline",
                    "old": "自信息形成或者变更之日起20个工作日内",
                    "new": "自信息形成或者变更之日起30个工作日内",
                }
            ],
        }
    ]
    assert data["header"] == [{"field": "year", "old": 2024, "new": 2025}]
    assert data["coverage"] is None
    assert set(data["changes"][0]) == {
        "code",
        "name",
        "severity",
        "item",
        "duty",
        "field",
        "message",
        "file",
        "line",
        "column",
    }
    assert [(c["code"], c["name"], c["severity"]) for c in data["changes"]] == [
        ("GD401", "header-changed", "info"),
        ("GD201", "deadline-lengthened", "warning"),
        ("GD103", "item-renamed", "info"),
        ("GD101", "item-added", "info"),
        ("GD102", "item-removed", "warning"),
        ("GD301", "duty-lost-last-item", "warning"),
    ]
    assert data["summary"] == {
        "added": 1,
        "removed": 1,
        "renamed": 1,
        "moved": 0,
        "changed": 1,
        "header": 1,
        "warning": 3,
        "info": 3,
    }
    assert diff.fails(Severity.WARNING) and not diff.fails(Severity.ERROR)


def test_every_gd_code_is_registered_with_four_part_documentation():
    load_rules()
    gd = {rule.code: rule for rule in iter_codes(["GD"])}
    assert len(gd) >= 14
    for rule in gd.values():
        assert rule.code not in load_rules()
        for part in ("检查：", "依据：", "错误示例：", "修改："):
            assert part in rule.doc, (rule.code, part)
