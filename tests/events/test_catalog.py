"""The event catalog: one YAML file per case; `# expect:` lines give the exact problems reported."""

from __future__ import annotations

import pickle
from pathlib import Path

import jsonschema
import pytest
import yaml

from timeline.events import catalog_json_schema, load_catalog, load_rule_files

CASES = sorted((Path(__file__).parent / "catalog_cases").glob("*.yaml"))


def _expected(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"{path}:{line.removeprefix('# expect: ')}" for line in lines if line.startswith("# expect: ")]


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_catalog_problems_name_file_line_column(case: Path) -> None:
    files, problems = load_rule_files(case)
    _, catalog_problems = load_catalog(files)
    assert sorted(str(problem) for problem in problems + catalog_problems) == sorted(_expected(case))


def test_valid_catalog_is_picklable_with_a_content_fingerprint(tmp_path: Path) -> None:
    files, _ = load_rule_files(Path(__file__).parent / "catalog_cases" / "valid.yaml")
    catalog, problems = load_catalog(files)
    assert problems == []
    assert [event.id for event in catalog.events] == ["post"]
    copy = pickle.loads(pickle.dumps(catalog))
    assert copy.fingerprint == catalog.fingerprint
    # the same content in another file has the same fingerprint; other content another one
    moved = tmp_path / "moved.yaml"
    moved.write_text((Path(__file__).parent / "catalog_cases" / "valid.yaml").read_text(), encoding="utf-8")
    assert load_catalog(load_rule_files(moved)[0])[0].fingerprint == catalog.fingerprint
    moved.write_text(moved.read_text().replace("Blog post", "Blog entry"), encoding="utf-8")
    assert load_catalog(load_rule_files(moved)[0])[0].fingerprint != catalog.fingerprint


def test_rule_folder_reads_yaml_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.yml").write_text("events:\n  b:\n    title: B\n    triggers: [bee]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("rules: []\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a rule file", encoding="utf-8")
    files, problems = load_rule_files(tmp_path)
    assert problems == []
    assert [Path(file.path).name for file in files] == ["a.yaml", "b.yml"]
    catalog, _ = load_catalog(files)
    assert [event.id for event in catalog.events] == ["b"]


def test_missing_rules_folder_is_a_problem_only_when_named(tmp_path: Path) -> None:
    assert load_rule_files(None) == ([], [])
    files, problems = load_rule_files(tmp_path / "absent")
    assert files == []
    assert [problem.message for problem in problems] == ["rules folder not found; check --rules"]


def test_event_defined_in_two_files_is_reported(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(
            "events:\n  post:\n    title: P\n    triggers: [post]\n", encoding="utf-8"
        )
    catalog, problems = load_catalog(load_rule_files(tmp_path)[0])
    assert [event.id for event in catalog.events] == ["post"]
    assert [str(problem) for problem in problems] == [
        f"{tmp_path / 'b.yaml'}:2:3: event 'post' is already defined at {tmp_path / 'a.yaml'}:2"
    ]


def test_catalog_json_schema_accepts_the_seed_catalog_and_refuses_typos() -> None:
    schema = catalog_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    seed = Path(__file__).parent.parent.parent / "rules" / "events.yaml"
    jsonschema.validate(yaml.safe_load(seed.read_text(encoding="utf-8"))["events"], schema)
    with pytest.raises(jsonschema.ValidationError, match="trigers"):
        jsonschema.validate({"post": {"title": "Post", "trigers": ["post"]}}, schema)
