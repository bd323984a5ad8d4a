"""Every kind of bad input: one clear line naming file, line and column, exit code 2, no traceback, and the
good documents next to it still listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# fixture (under fixtures/bad), the exact start of the problem line on stderr, a document still listed
CASES = [
    ("binary.txt", "bad/binary.txt: is a binary file", None),
    ("empty.txt", "bad/empty.txt: is empty", None),
    ("invalid_utf8.txt", "bad/invalid_utf8.txt:4:8: not valid UTF-8 (byte 0xe9)", None),
    ("front_matter_malformed.md", "bad/front_matter_malformed.md:4:1: invalid YAML", None),
    # a stated date that names no real day is reported, and the article is still read, as undated
    (
        "front_matter_impossible_date.md",
        "bad/front_matter_impossible_date.md:3:12: \"2026-02-30\" is not a real calendar date, so the article is "
        "not dated by it",
        "front_matter_impossible_date",
    ),
    ("manifest_malformed", "bad/manifest_malformed/corpus.yaml:4:4: invalid YAML", "ok"),
    (
        "manifest_impossible_date",
        "bad/manifest_impossible_date/corpus.yaml:3:16: cannot read value '2026-02-30'",
        "ok",
    ),
    (
        "manifest_missing_file",
        "bad/manifest_missing_file/corpus.yaml:3:11: 'gone.txt' does not exist",
        "ok",
    ),
    (
        "manifest_outside",
        "bad/manifest_outside/corpus.yaml:3:11: '../empty.txt' is outside the corpus folder",
        "ok",
    ),
    # story.txt and story.md in one folder (the id names the folder too when a parent folder is read)
    ("duplicate_ids", "bad/duplicate_ids/story.txt: duplicate id '", "story"),
    ("jsonl_not_json.jsonl", "bad/jsonl_not_json.jsonl:2:46: not valid JSON", "a1"),
    ("jsonl_missing_text.jsonl", 'bad/jsonl_missing_text.jsonl:2:1: record has no "text"', "b1"),
    (
        "jsonl_impossible_date.jsonl",
        'bad/jsonl_impossible_date.jsonl:1:27: "published" "2026-02-30" is not a real calendar date, so the '
        "article is not dated by it",
        "c1",
    ),
    ("jsonl_duplicate_id.jsonl", "bad/jsonl_duplicate_id.jsonl:2: duplicate id 'd1'", "d1"),
]


@pytest.mark.parametrize(("fixture", "problem", "still_listed"), CASES, ids=[case[0] for case in CASES])
@pytest.mark.usefixtures("in_fixtures")
def test_bad_input_is_one_located_line_and_exit_2(
    run_cli: Callable[..., tuple[int, str, str]], fixture: str, problem: str, still_listed: str | None
) -> None:
    code, stdout, stderr = run_cli("corpus", f"bad/{fixture}", "--format", "json")
    assert code == 2
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(problem)
    assert "Traceback" not in stderr + stdout
    if still_listed is not None:
        assert f'"id": "{still_listed}"' in stdout


@pytest.mark.usefixtures("in_fixtures")
def test_all_bad_inputs_at_once_report_each_and_list_the_good_ones(
    run_cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, stdout, stderr = run_cli("corpus", "bad", "formats")
    assert code == 2
    reported = stderr.splitlines()
    for _, problem, _ in CASES:
        assert any(line.startswith(problem) for line in reported), problem
    for listed in ("harbour", "wire-1", "a1", "b1", "d1"):
        assert listed in stdout


def test_a_path_that_does_not_exist_is_named(
    run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    code, _, stderr = run_cli("corpus", str(tmp_path / "nowhere"))
    assert code == 2
    assert stderr == f"{tmp_path / 'nowhere'}: no such file or folder\n"


def test_an_unsupported_file_named_on_the_command_line(
    run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    sheet = tmp_path / "figures.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    code, _, stderr = run_cli("corpus", str(sheet))
    assert code == 2
    assert stderr.startswith(f"{sheet}: unsupported file type")


def test_same_file_name_in_two_folders_is_two_documents(
    run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    for outlet in ("nyt", "wapo"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(f"The {outlet} story.\n", encoding="utf-8")
    code, stdout, stderr = run_cli("corpus", str(tmp_path), "--format", "json")
    assert code == 0, stderr
    assert '"id": "nyt/story"' in stdout and '"id": "wapo/story"' in stdout
