"""Slips of a Chinese keyboard, each told where it is and what to type instead (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

BASE = (Path(__file__).parents[2] / "examples" / "mistakes" / "unquoted-id.yaml").read_text("utf-8")
GOOD = BASE.replace("  - id: 001", "  - id: '001'")


def check(run_line, write, text: str):
    path = write("目录.yaml", text)
    result = run_line(f"govopen check {path.name}", cwd=path.parent)
    return result.exit_code, result.lines[0]


def test_the_base_catalog_passes(run_line, write):
    assert check(run_line, write, GOOD)[0] == 0


@pytest.mark.parametrize(
    ("old", "new", "where", "said"),
    [
        (
            "  - id: '001'",
            "  - id: ‘002’",
            "目录.yaml:11:9: GO001 错误 ",
            "用了中文引号 ‘’（中文输入法下输入的）：YAML 不把它当作引号，"
            "会把引号连同 002 一起读进值里。请改成英文引号：'002'",
        ),
        (
            "  - id: '001'",
            "  - id: “ZC-002”",
            "目录.yaml:11:9: GO001 错误 ",
            '请改成英文引号："ZC-002"',
        ),
        (
            "  - id: '001'",
            "  － id: '001'",
            "目录.yaml:11:3: GO001 错误 ",
            "第 11 行开头的“－”是全角横线",
        ),
        (
            "  - id: '001'",
            "  -id: '001'",
            "目录.yaml:11:3: GO001 错误 ",
            "第 11 行“-id:”的“-”后面缺少空格：列表项要写成“- id: …”",
        ),
        (
            "    owner: ",
            "  owner: ",
            "目录.yaml:19:3: GO001 错误 ",
            "第 19 行的字段 owner 缩进了 2 个空格，比上一行的字段 deadline（4 个空格）少",
        ),
        (
            "    channels: [政府网站, {name: 公开查阅点, mark: 可选}]",
            "    channels: 政府网站",
            "目录.yaml:21:15: GO102 错误 ",
            "应为列表，这里是“政府网站”。即使只有一项也写成列表：channels: [政府网站]",
        ),
        (
            "    deadline: 自信息形成或者变更之日起20个工作日内",
            "    deadline: 20",
            "目录.yaml:18:15: GO102 错误 ",
            "写成了数字 20：公开时限要写官方表述（条例第二十六条",
        ),
    ],
)
def test_each_slip_has_its_own_located_explanation(run_line, write, old, new, where, said):
    assert old in GOOD
    status, line = check(run_line, write, GOOD.replace(old, new, 1))
    assert status == 1
    assert line.startswith(where), line
    assert said in line
    assert "对齐，或列表项" not in line  # not the one message for every indentation slip


def test_a_deadline_number_is_shown_both_written_forms(run_line, write):
    text = GOOD.replace("deadline: 自信息形成或者变更之日起20个工作日内", "deadline: 20")
    line = check(run_line, write, text)[1]
    assert "deadline: 自信息形成或者变更之日起20个工作日内" in line
    assert "deadline: {text: 自信息形成或者变更之日起20个工作日内, days: 20, unit: 工作日}" in line
    assert "加引号" not in line


@pytest.mark.parametrize("title", ["“十四五”自然资源规划", "“放管服”改革", "“双随机、一公开”"])
def test_chinese_quotes_in_a_title_are_text(run_line, write, title):
    text = GOOD.replace("matter: [机构信息, 机构职能]", f"matter: [机构信息, {title}]")
    status, line = check(run_line, write, text)
    assert (status, "中文引号" in line) == (0, False), line
