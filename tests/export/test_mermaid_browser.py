"""The Markdown export's diagram rendered by Mermaid itself (its npm package, in Chromium), as GitHub would:
it parses, it is at most eight columns wide, disputed events are marked, long titles wrap in their column."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from playwright.sync_api import BrowserContext

from .conftest import seed_export

MERMAID = Path(__file__).resolve().parents[2] / ".ci/tools/node_modules/mermaid/dist/mermaid.min.js"
RENDER = """async (text) => {
  mermaid.initialize({startOnLoad: false});
  try {
    const {svg} = await mermaid.render("diagram", text);
    document.body.innerHTML = svg;
    return "";
  } catch (error) { return String(error); }
}"""
TEXTS = """() => Array.from(document.querySelectorAll("svg text")).map(text => ({
  text: text.textContent, lines: text.querySelectorAll("tspan").length,
  width: text.getBoundingClientRect().width}))"""


def test_the_seed_diagram_renders_in_mermaid(browser: BrowserContext, seeds: Path) -> None:
    if not MERMAID.is_file():
        pytest.skip(f"Mermaid is not installed at {MERMAID} (.ci/run installs it from npm)")
    markdown = seed_export(seeds, "--format", "markdown")
    (fence,) = [
        t for t in MarkdownIt("commonmark").parse(markdown) if t.type == "fence" and t.info == "mermaid"
    ]
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(MERMAID))
    assert page.evaluate(RENDER, fence.content) == ""
    texts = [{**item, "text": " ".join(item["text"].split())} for item in page.evaluate(TEXTS)]
    columns = [line for line in fence.content.splitlines()[2:] if not line.strip().startswith(":")]
    assert 0 < len(columns) <= 8
    assert any(item["text"].startswith("⚠ disputed") for item in texts)
    refusal = next(item for item in texts if "Anthropic refuses to" in item["text"])
    assert refusal["lines"] > 1  # wrapped in its column
    assert max(item["width"] for item in texts) < 200  # no text runs out of its column
    assert errors == []
