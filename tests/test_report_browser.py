"""The HTML report as a person sees it: opened in headless Chromium (Debian's `chromium`, driven by
playwright), on a phone's width and a desktop's, on screen and on paper.

Without Chromium these tests are skipped on a developer's machine and fail in CI (CI=true), where
.ci/run installs it.
"""

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "targets.toml"
AS_OF = "2026-12-01"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]  # fmt: skip
runner = CliRunner()


def chromium_path() -> str | None:
    return (
        os.environ.get("LNREV_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs Chromium (.ci/run installs Debian's chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class Visit:
    """A page opened from its file, with everything the browser did and complained of."""

    def __init__(self, browser, path: Path, width: int, media: str = "screen") -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": 800})
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.emulate_media(media=media)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def text(self) -> str:
        return self.page.inner_text("body")

    def close(self) -> None:
        self.context.close()


def write_report(path: Path, *args: str) -> Path:
    result = runner.invoke(app, ["report", "--as-of", AS_OF, "-o", str(path), *args])
    assert result.exit_code == 0, result.stderr
    return path


def shipped_assessments() -> list[dict]:
    result = runner.invoke(app, ["status", "--json", "-f", str(SHIPPED), "--as-of", AS_OF])
    return json.loads(result.stdout)["targets"]


@pytest.mark.parametrize("width", [375, 1280])
def test_the_shipped_report_in_a_browser(browser, tmp_path, width):
    page_file = write_report(tmp_path / "report.html", "-f", str(SHIPPED))
    visit = Visit(browser, page_file, width)
    try:
        assert visit.errors == [] and visit.dialogs == []
        assert visit.requests == [visit.url]  # the page itself, and nothing else at all
        assert visit.page.evaluate("document.documentElement.lang") == "en"
        assert visit.page.evaluate("document.querySelectorAll('script').length") == 0
        scroll = visit.page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width  # nothing wider than the screen: no sideways scrolling
        text = visit.text()
        for target in shipped_assessments():
            assert target["id"] in text
            cell = visit.page.locator(f'li.cell[data-id="{target["id"]}"]')
            assert cell.get_attribute("data-verdict") == target["verdict"]
            assert target["label"] in cell.inner_text()
            assert cell.is_visible()
        charts = visit.page.locator("svg.chart")
        assert charts.count() == len(shipped_assessments())
        for index in range(charts.count()):
            box = charts.nth(index).bounding_box()
            assert 0 < box["width"] <= width and box["height"] > 0
        shot = tmp_path / f"report-{width}.png"
        visit.page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    finally:
        visit.close()


def test_hostile_names_stay_text_in_the_browser(browser, tmp_path):
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(
        '[targets.evil]\nname = "<script>alert(1)</script><img src=x onerror=alert(2)>"\n'
        'source = { title = "t", url = "javascript:alert(3)" }\n'
        "target = { value = 50, by = 2025 }\n"
        "observations = [{ at = 2020, value = 40 }, { at = 2023, value = 46 }]\n",
        encoding="utf-8",
    )
    visit = Visit(browser, write_report(tmp_path / "r.html", "-f", str(hostile)), 1280)
    try:
        visit.page.click("li.cell a")  # follow the grid's link to the section
        for link in visit.page.locator("a").all():
            assert not (link.get_attribute("href") or "").lower().startswith("javascript")
        assert visit.dialogs == [] and visit.errors == []
        assert visit.requests == [visit.url]  # no image fetched either
        assert visit.page.evaluate("document.querySelectorAll('script, img').length") == 0
        assert "<script>alert(1)</script><img src=x onerror=alert(2)>" in visit.text()
        assert "javascript:alert(3)" in visit.text()
        visit.page.screenshot(path=str(tmp_path / "hostile.png"))
    finally:
        visit.close()


def test_chinese_report_in_the_browser(browser, tmp_path):
    page_file = write_report(tmp_path / "zh.html", "-f", str(SHIPPED), "--lang", "zh")
    visit = Visit(browser, page_file, 375)
    try:
        assert visit.page.evaluate("document.documentElement.lang") == "zh-Hans"
        text = visit.text()
        assert "进展一览" in text and "待最终数据" in text
        assert visit.errors == [] and visit.requests == [visit.url]
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= 375
        visit.page.screenshot(path=str(tmp_path / "zh.png"))
    finally:
        visit.close()


def test_on_paper_each_target_is_one_block_and_no_chart_is_cut(browser, tmp_path):
    page_file = write_report(tmp_path / "report.html", "-f", str(SHIPPED))
    visit = Visit(browser, page_file, 1280, media="print")
    try:
        avoid = visit.page.evaluate(
            "[...document.querySelectorAll('section.target, figure, svg.chart, li.cell')]"
            ".map(e => getComputedStyle(e).breakInside)"
        )
        assert avoid and set(avoid) == {"avoid"}
        pdf = tmp_path / "report.pdf"
        visit.page.pdf(path=str(pdf), format="A4")
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
        # A4 at 15 mm margins leaves 180 mm (680 CSS px): every chart fits across the page
        visit.page.set_viewport_size({"width": 680, "height": 960})
        widths = visit.page.evaluate(
            "[...document.querySelectorAll('svg.chart')].map(e => e.getBoundingClientRect().width)"
        )
        assert widths and max(widths) <= 680
    finally:
        visit.close()
