"""``govopen publish`` and the html pages, read as files (the browser tests load them)."""

from __future__ import annotations

import re

from conftest import CATALOGS, EXAMPLES, REPO

CATALOG_2025 = CATALOGS / "pingyao-zrzyj" / "2025.yaml"


def test_publish_writes_one_folder_with_every_item(run_line, tmp_path):
    site = tmp_path / "site"
    result = run_line(f"govopen publish {CATALOG_2025} -o {site} --date 2025-03-01")
    assert result.exit_code == 0
    assert result.lines == [f"已写出 {site / 'index.html'}：平遥县自然资源局，82 项。"]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        "assets",
        "assets/search.js",
        "assets/style.css",
        "index.html",
    ]
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.count('<tr id="item-') == 82
    assert '<html lang="zh-CN">' in html
    assert "<caption>平遥县自然资源局政务公开基本目录（2025年版）（共 82 项）</caption>" in html
    assert "发布日期：2025-03-01" in html and "平自然资发〔2025〕9号" in html
    # The official two header rows: groups over their columns, then the columns.
    assert '<th scope="colgroup" colspan="2">公开事项</th>' in html
    assert '<th scope="colgroup" colspan="3">公开层级</th>' in html  # 县级 乡级 村级
    assert '<th scope="col">一级事项</th><th scope="col">二级事项</th>' in html
    # 一级事项 merged down its rows.
    assert '<th scope="rowgroup" rowspan="6" data-group>机构信息</th>' in html
    assert '<th scope="rowgroup" rowspan="5" data-group>征地组织实施</th>' in html
    assert '▲</span><span class="sr-only">择一：</span>' in html
    assert '□</span><span class="sr-only">可选：</span>' in html


def test_the_page_fetches_nothing_from_the_internet(run_line, tmp_path):
    site = tmp_path / "site"
    run_line(f"govopen publish {CATALOG_2025} -o {site}")
    for page in (site / "index.html", site / "assets" / "style.css", site / "assets" / "search.js"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), page
        assert "@import" not in text and "url(" not in text
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="assets/style.css">' in html
    assert '<script src="assets/search.js"></script>' in html


def test_publish_never_replaces_a_folder_without_force(run_line, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "旧页面.html").write_text("old", encoding="utf-8")
    result = run_line(f"govopen publish {CATALOG_2025} -o {site}")
    assert result.exit_code == 2
    assert "已存在且不是空的：加 --force" in result.stderr
    assert not (site / "index.html").exists()
    assert run_line(f"govopen publish {CATALOG_2025} -o {site} --force").exit_code == 0
    assert (site / "index.html").is_file()
    afile = tmp_path / "a.txt"
    afile.write_text("x", encoding="utf-8")
    assert run_line(f"govopen publish {CATALOG_2025} -o {afile}").exit_code == 2


def test_publish_refuses_an_unreadable_catalog(run_line, tmp_path):
    result = run_line(f"govopen publish {EXAMPLES / 'mistakes' / 'empty.yaml'} -o {tmp_path / 's'}")
    assert result.exit_code == 2
    assert "无法作为目录读取" in result.stderr


def test_check_html_is_one_self_contained_page(run_line):
    result = run_line("govopen check examples/mistakes -f html", cwd=REPO)
    assert result.exit_code == 1
    html = result.stdout
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "<script>" in html
    assert "<link" not in html and 'src="' not in html
    assert (
        '<th scope="rowgroup" rowspan="1" data-group>examples/mistakes/bom.yaml</th>' in html
        or ("data-group>examples/mistakes/" in html)
    )
    assert "<caption>检查了 30 个文件" not in html  # only the mistakes folder
    assert re.search(r"<caption>检查了 \d+ 个文件，错误 \d+ 个", html)


def test_channel_links_and_marks(run_line, write, tmp_path):
    catalog = write(
        "catalog.yaml",
        (CATALOG_2025.read_text(encoding="utf-8")).replace(
            "channels: [政府网站]",
            'channels: [{name: 政府网站, url: "https://www.pingyao.gov.cn/zrzyj/"}]',
            1,
        ),
    )
    site = tmp_path / "site"
    assert run_line(f"govopen publish {catalog} -o {site}").exit_code == 0
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://www.pingyao.gov.cn/zrzyj/">政府网站</a>' in html
    assert '<span aria-hidden="true">■</span><span class="sr-only">必选：</span>' in html
