"""A real timeline to export: the harbor-bridge story built by the real `timeline build`."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, sync_playwright
from typer.testing import CliRunner

from timeline.cli import app

STORY = Path(__file__).parent.parent / "stories" / "harbor-bridge"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("built") / "timeline.json"
    args = [
        "build",
        str(STORY / "articles"),
        "--rules",
        str(STORY / "rules"),
        "-o",
        str(output),
        "--no-cache",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return output


def export(*args: str) -> str:
    result = CliRunner().invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


SEEDS = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed story's timeline JSON, as `timeline build corpus/ --rules rules/` writes it."""
    output = tmp_path_factory.mktemp("seeds") / "timeline.json"
    args = ["build", str(SEEDS / "corpus"), "--rules", str(SEEDS / "rules"), "-o", str(output), "--no-cache"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return output


def seed_export(seeds: Path, *args: str) -> str:
    """An export of the seed timeline, disputes from the seed rules."""
    return export("--from", str(seeds), "--rules", str(SEEDS / "rules"), *args)


CHROMIUM = os.environ.get("TIMELINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Debian's Chromium, headless, as root in CI, on a machine whose network is closed: no background traffic.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(
            f"no Chromium at {CHROMIUM}: .ci/run installs Debian's package (apt-get install chromium)"
        )
    profile = tmp_path_factory.mktemp("chromium-profile")  # a new, empty user-data-dir
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS
        )
        yield context
        context.close()
