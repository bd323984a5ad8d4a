"""The HTML export in a real browser (Debian's Chromium, driven by Playwright): what a fact-checker sees.

The seed story's page shows every event of the build in order, the executive-order dispute highlighted
with the quotes of both sides, filters that work, links from findings to their evidence, a layout that
fits a phone; no console error, and no request leaves the page. A hostile article stays text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request
from typer.testing import CliRunner

from timeline.chronology.models import Timeline
from timeline.cli import app
from timeline.export.labels import date_label

ROOT = Path(__file__).resolve().parents[2]
FAST = ["--no-cache", "--jobs", "1"]


@dataclass
class Visit:
    page: Page
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def visit(context: BrowserContext, html_file: Path, width: int = 1280) -> Visit:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    seen = Visit(page, html_file.as_uri())

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            seen.errors.append(message.text)

    def request(sent: Request) -> None:
        seen.requests.append(sent.url)

    page.on("console", console)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("request", request)
    page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(seen.url)
    return seen


def export(*args: str) -> None:
    result = CliRunner().invoke(app, ["export", *args, *FAST])
    assert result.exit_code in (0, 2), result.output


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Timeline]:
    folder = tmp_path_factory.mktemp("seeds")
    export(
        "--format", "json", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "-o", str(folder / "t.json")
    )
    timeline = Timeline.model_validate_json((folder / "t.json").read_text(encoding="utf-8"))
    page = folder / "timeline.html"
    export(
        "--format", "html", "--from", str(folder / "t.json"), "--rules", str(ROOT / "rules"), "-o", str(page)
    )
    return page, timeline


def test_the_seed_page_shows_every_event_in_order_and_makes_no_request(
    browser: BrowserContext, seeds: tuple[Path, Timeline]
) -> None:
    page_file, timeline = seeds
    seen = visit(browser, page_file)
    titles = seen.page.locator(".event h3").all_inner_texts()
    assert [title.replace("⚠ Disputed", "").strip() for title in titles] == [e.title for e in timeline.events]
    dates = seen.page.locator(".event .when").all_inner_texts()
    assert dates == [date_label(event.date) for event in timeline.events]
    assert (
        seen.page.locator("#shown").inner_text()
        == f"Showing {len(timeline.events)} of {len(timeline.events)} events"
    )
    assert seen.errors == []
    assert seen.requests == [seen.url]  # the page itself, nothing else


def test_the_executive_order_dispute_is_highlighted_with_both_quotes(
    browser: BrowserContext, seeds: tuple[Path, Timeline]
) -> None:
    seen = visit(browser, seeds[0])
    order = seen.page.locator(".event", has_text="executive order on testing frontier AI models")
    assert "disputed" in (order.get_attribute("class") or "")
    assert order.locator(".badge").is_visible()
    colour = order.evaluate("element => getComputedStyle(element).borderLeftColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "rgb(0, 0, 0)")
    conflict = order.locator(".conflict", has_text="executive-order-terms")
    assert conflict.is_visible()
    sides = conflict.locator(".side")
    voluntary = sides.filter(has_text="voluntarily submit")
    review = sides.filter(has_text="30 days to review")
    assert voluntary.first.is_visible() and review.first.is_visible()
    assert "voluntary" in voluntary.first.inner_text() and "mandatory-review" in review.first.inner_text()
    # side by side on a desktop: the sides fill more than one column
    columns = {round(box["x"]) for side in sides.all() if (box := side.bounding_box())}
    assert len(columns) > 1


def test_filters_by_source_and_by_finding(browser: BrowserContext, seeds: tuple[Path, Timeline]) -> None:
    page_file, timeline = seeds
    seen = visit(browser, page_file)
    page = seen.page
    source = page.locator(".source-filter").nth(4)  # the fifth article, 004: the one with "30 days to review"
    source.uncheck()
    assert not page.locator(".mention", has_text="30 days to review").first.is_visible()
    assert page.locator(".mention", has_text="voluntarily submit").first.is_visible()
    source.check()
    page.select_option("#finding-filter", "disputed")
    disputed = [
        t.replace("⚠ Disputed", "").strip() for t in page.locator(".event:visible h3").all_inner_texts()
    ]
    assert "Trump administration executive order on testing frontier AI models" in disputed
    assert "Future of Life Institute calls for a six-month pause in AI development" not in disputed
    assert page.locator("#shown").inner_text() == f"Showing {len(disputed)} of {len(timeline.events)} events"
    page.select_option("#finding-filter", label="executive-order-terms (1)")
    assert page.locator(".event:visible").count() == 1
    assert page.locator(".finding:visible").count() == 1
    assert seen.errors == []


def test_a_finding_links_to_its_evidence(browser: BrowserContext, seeds: tuple[Path, Timeline]) -> None:
    seen = visit(browser, seeds[0])
    finding = seen.page.locator(".finding", has_text="executive-order-terms")
    link = finding.locator(".evidence a").last
    target = (link.get_attribute("href") or "")[1:]
    link.click()
    assert seen.page.evaluate("location.hash") == f"#{target}"
    evidence = seen.page.locator(f"#{target}")
    assert evidence.is_visible() and "30 days to review" in evidence.inner_text()


def test_the_page_fits_a_phone(browser: BrowserContext, seeds: tuple[Path, Timeline]) -> None:
    seen = visit(browser, seeds[0], width=390)
    overflow = seen.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    # the sources stack in one column on a phone
    boxes = [
        box
        for box in (m.bounding_box() for m in seen.page.locator(".event").first.locator(".mention").all())
        if box
    ]
    assert len({round(box["x"]) for box in boxes}) == 1


def test_article_text_stays_text_in_the_browser(browser: BrowserContext, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile = (
        "---\ntitle: <img src=x onerror=alert(1)>Council news\nsource: <script>alert(2)</script>\n"
        "published: 2026-06-06\n---\n"
        'The council approved <script>alert(3)</script> the "budget" <a href="https://evil.example">here</a> '
        "on Tuesday.\n\nThe mayor resigned on Monday.\n"
    )
    (corpus / "x<b>y.md").write_text(hostile, encoding="utf-8")
    page_file = tmp_path / "page.html"
    export("--format", "html", str(corpus), "--rules", str(tmp_path), "-o", str(page_file))
    seen = visit(browser, page_file)
    assert seen.dialogs == [] and seen.errors == [] and seen.requests == [seen.url]
    assert seen.page.evaluate("document.scripts.length") == 1  # the page's own filter script
    assert seen.page.locator("img, a[href^='http']").count() == 0
    assert "<script>alert(3)</script>" in seen.page.locator("#timeline").inner_text()
    assert json.dumps(seen.page.locator("#documents").inner_text()).count("<img src=x") == 1
