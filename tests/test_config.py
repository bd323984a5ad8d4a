"""The config file: found from the working folder, validated, with errors that say what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import load_config


def test_timeline_toml_found_from_a_subfolder_and_paths_made_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_text(
        'corpus = "articles"\nfail-on = "warning"\n[severity]\n"sources-min-2" = "off"\n', encoding="utf-8"
    )
    sub = tmp_path / "deep" / "er"
    sub.mkdir(parents=True)
    config, problems = load_config(sub)
    assert problems == []
    assert config.corpus == tmp_path.resolve() / "articles"
    assert config.rules is None
    assert config.fail_on == "warning"
    assert config.severity == {"sources-min-2": "off"}


def test_pyproject_tool_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.timeline]\nrules = "checks"\n', encoding="utf-8"
    )
    config, problems = load_config(tmp_path)
    assert problems == []
    assert config.rules == tmp_path.resolve() / "checks"


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path)
    assert problems == [] and config.fail_on == "error" and config.corpus is None


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ('corpus = "a"\ncorpsu = "b"\n', 2, "unknown key 'corpsu'; did you mean 'corpus'?"),
        ('fail-on = "loud"\n', 1, "'fail-on': Input should be"),
        ('[severity]\nsome-rule = "mute"\n', 2, "'severity.some-rule': Input should be"),
    ],
)
def test_bad_config_names_file_line_and_key(tmp_path: Path, content: str, line: int, fragment: str) -> None:
    (tmp_path / "timeline.toml").write_text(content, encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert len(problems) == 1
    assert problems[0].path.endswith("timeline.toml")
    assert problems[0].line == line
    assert fragment in problems[0].message
    assert config.fail_on == "error"  # bad settings are not half-applied


def test_invalid_toml_is_one_clear_problem(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_text("corpus = [\n", encoding="utf-8")
    _, problems = load_config(tmp_path)
    assert len(problems) == 1 and "invalid TOML" in problems[0].message
