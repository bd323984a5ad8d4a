"""What `pip install .` gives a user: the package data the exports need, the type hints, the licence."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from timeline import HOMEPAGE

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_holds_the_html_page_assets_the_type_hints_and_the_data(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: building writes build/ and *.egg-info next to the sources
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name if source.exists() else _mkdir(source) / name)
    shutil.copytree(ROOT / "timeline", source / "timeline", ignore=shutil.ignore_patterns("__pycache__"))
    wheel = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
    command = [*wheel, str(source), "-w", str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    [built] = tmp_path.glob("timeline-*.whl")
    names = set(zipfile.ZipFile(built).namelist())
    assert {"timeline/py.typed", "timeline/export/page.css", "timeline/export/page.js"} <= names
    data = {path.relative_to(ROOT).as_posix() for path in (ROOT / "timeline").rglob("*.yaml")}
    assert data and data <= names


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def test_licence_and_homepage_agree_with_the_project_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "MIT"}
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert project["urls"]["Homepage"] == HOMEPAGE
