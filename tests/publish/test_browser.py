"""The pages in a real browser: headless Chromium loads them from file://, the search
filters rows, screenshots at phone and desktop width, and axe-core finds no violation.

Skips, saying why, when Chromium or axe-core is not installed (.ci/run installs both:
Debian's chromium, npm's axe-core).
"""

from __future__ import annotations

import json
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CATALOGS, REPO
from govopen_cli.catalog.files import load_file
from page_browser import Browser, find_axe, find_chromium

CATALOG_2025 = CATALOGS / "pingyao-zrzyj" / "2025.yaml"

CHROMIUM = find_chromium()
AXE = find_axe()
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="没有 Chromium：apt-get install chromium（或设置 GOVOPEN_CHROMIUM）后运行浏览器测试",
    ),
    pytest.mark.skipif(
        AXE is None,
        reason="没有 axe-core：npm install --no-save axe-core（或设置 GOVOPEN_AXE 为 axe.min.js）",
    ),
]

VISIBLE_ROWS = "document.querySelectorAll('tbody tr:not([hidden])').length"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    driver = Browser(CHROMIUM)
    try:
        yield driver
    finally:
        driver.close()


def search(browser: Browser, words: str) -> int:
    """Type ``words`` into the search box; the number of rows left visible."""
    browser.evaluate(
        "(function(){var i=document.getElementById('search');"
        f"i.value={json.dumps(words)};i.dispatchEvent(new Event('input'));}})()"
    )
    return int(browser.evaluate(VISIBLE_ROWS))


def violations(browser: Browser) -> list[str]:
    """axe-core's violations on the page as it is now: ``rule: html of the first node``."""
    assert AXE is not None
    if not browser.evaluate("typeof axe !== 'undefined'"):
        browser.evaluate(AXE.read_text(encoding="utf-8") + ";true")
    found = browser.evaluate(
        "axe.run(document).then(function(r){return r.violations.map("
        "function(v){return v.id+': '+v.help+' '+v.nodes[0].html.slice(0,200)})})"
    )
    return list(found)


def png_width(path: Path) -> int:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int(struct.unpack(">I", data[16:20])[0])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled 2025 catalog published, then the folder copied elsewhere (a USB stick)."""
    from typer.testing import CliRunner

    from govopen_cli.cli.app import app

    built = tmp_path_factory.mktemp("publish") / "site"
    result = CliRunner().invoke(app, ["publish", str(CATALOG_2025), "-o", str(built)])
    assert result.exit_code == 0, result.output
    moved = tmp_path_factory.mktemp("usb") / "目录网页"
    shutil.copytree(built, moved)
    return moved


def _shown_text(item) -> str:  # what a row of the page shows of an item
    parts = [*item.matter, *item.content, *item.basis, item.deadline.text, item.owner]
    return "".join(parts + [c.name for c in item.channels])


def test_the_published_page_shows_every_item_and_fetches_nothing_online(browser, site):
    browser.viewport(1280)
    browser.open((site / "index.html").as_uri())
    assert browser.evaluate("document.querySelectorAll('tbody tr').length") == 82
    assert browser.evaluate(VISIBLE_ROWS) == 82
    assert browser.evaluate("document.getElementById('count').textContent") == "共 82 项"
    assert browser.evaluate("document.documentElement.lang") == "zh-CN"
    urls = browser.requested_urls()
    assert urls and all(u.startswith("file://") for u in urls), urls
    # The stylesheet applied: the header cells have their background.
    assert (
        browser.evaluate("getComputedStyle(document.querySelector('thead th')).backgroundColor")
        == "rgb(232, 238, 247)"
    )


def test_the_search_filters_rows_without_a_server(browser, site):
    browser.viewport(1280)
    browser.open((site / "index.html").as_uri())
    catalog = load_file(CATALOG_2025).catalog
    assert catalog is not None
    expected = sum("征地" in _shown_text(it) for it in catalog.items)
    assert 0 < expected < 82
    assert search(browser, "征地") == expected
    assert browser.evaluate("document.getElementById('count').textContent") == (
        f"显示 {expected} 项，共 82 项"
    )
    # A row in the middle of its group keeps its 一级事项, merged over the visible rows.
    assert search(browser, "拟征地听证") == 1
    assert (
        browser.evaluate(
            "(function(){var r=document.querySelector('tbody tr:not([hidden])');"
            "var th=r.querySelector('th[data-group]');return th && th.textContent+' '+th.rowSpan})()"
        )
        == "征地前期准备 1"
    )
    assert search(browser, "没有这个事项xyz") == 0
    assert search(browser, "") == 82
    assert browser.evaluate("document.querySelector('#item-ZD-003 th[data-group]').rowSpan") == 3


def test_screenshots_and_accessibility_at_phone_and_desktop_width(browser, site, tmp_path):
    for width in (375, 1280):
        browser.viewport(width)
        browser.open((site / "index.html").as_uri())
        shot = browser.screenshot(tmp_path / f"目录-{width}.png")
        assert png_width(shot) >= width - 20
        assert violations(browser) == [], width
    # On a phone the table is one block per item, nothing wider than the screen.
    browser.viewport(375)
    browser.open((site / "index.html").as_uri())
    assert browser.evaluate("document.documentElement.scrollWidth") <= 375
    assert (
        browser.evaluate("getComputedStyle(document.querySelector('thead')).position") == "absolute"
    )


def test_large_text_and_print(browser, site):
    browser.viewport(1280)
    browser.open((site / "index.html").as_uri())
    size = "parseFloat(getComputedStyle(document.querySelector('tbody td')).fontSize)"
    before = browser.evaluate(size)
    browser.evaluate("document.getElementById('large-text').click()")
    assert browser.evaluate("document.documentElement.classList.contains('large-text')")
    assert (
        browser.evaluate("document.getElementById('large-text').getAttribute('aria-pressed')")
        == "true"
    )
    assert browser.evaluate(size) >= before * 1.3
    assert violations(browser) == []
    browser.evaluate("document.getElementById('large-text').click()")
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert (
            browser.evaluate("getComputedStyle(document.querySelector('.tools')).display") == "none"
        )
        assert browser.evaluate("getComputedStyle(document.querySelector('thead')).display") == (
            "table-header-group"
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""})


def test_the_summary_and_check_pages(browser, tmp_path, run_line):
    summary = tmp_path / "汇总.html"
    assert (
        run_line(f"govopen summary catalogs examples -f html -o {summary}", cwd=REPO).exit_code == 0
    )
    findings = tmp_path / "问题.html"
    run_line(f"govopen check examples/mistakes -f html -o {findings}", cwd=REPO)
    for page, word in ((summary, "平遥"), (findings, "GO201")):
        for width in (375, 1280):
            browser.viewport(width)
            browser.open(page.as_uri())
            browser.screenshot(tmp_path / f"{page.stem}-{width}.png")
            assert violations(browser) == [], (page.name, width)
        total = browser.evaluate("document.querySelectorAll('tbody tr').length")
        shown = search(browser, word)
        assert 0 < shown < total, (page.name, shown, total)
        assert all(
            word in text
            for text in browser.evaluate(
                "Array.prototype.map.call(document.querySelectorAll('tbody tr:not([hidden])'),"
                "function(r){return r.closest('tbody').textContent})"
            )
        )
