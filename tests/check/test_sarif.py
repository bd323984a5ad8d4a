"""SARIF for code scanning: the OASIS 2.1.0 schema, GitHub's documented requirements, and URIs relative to
the repository whichever folder `timeline check` runs from."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from timeline import HOMEPAGE

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"
MULTITOOL = (
    ROOT / ".ci" / "tools" / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"
)
FAST = ["--no-cache", "--jobs", "1"]
PASCAL = re.compile(r"[A-Z][A-Za-z0-9]*")
LEVELS = {"none", "note", "warning", "error"}
# GitHub's upload limits (docs: "SARIF support for code scanning"): past them, files or results are refused.
MAX_RUNS, MAX_RESULTS, MAX_RULES, MAX_TAGS, MAX_LOCATIONS = 20, 25_000, 25_000, 20, 1_000


def _absolute_uri(value: Any) -> bool:
    return isinstance(value, str) and re.match(r"^[a-z][a-z0-9+.-]*://", value) is not None


def _location_problems(where: str, location: dict[str, Any], base_ids: dict[str, Any]) -> list[str]:
    physical = location.get("physicalLocation") or {}
    artifact = physical.get("artifactLocation") or {}
    uri, base = artifact.get("uri"), artifact.get("uriBaseId")
    problems = []
    if not isinstance(uri, str) or not uri:
        problems.append(f"{where}: artifactLocation.uri is required")
    elif base is None and not uri.startswith("file:///"):
        problems.append(f"{where}: a relative uri needs a uriBaseId")
    elif base is not None and (base not in base_ids or _absolute_uri(uri) or uri.startswith("/")):
        problems.append(f"{where}: uri {uri!r} must be relative to a declared uriBaseId, not {base!r}")
    if not isinstance((physical.get("region") or {}).get("startLine"), int):
        problems.append(f"{where}: region.startLine is required")
    return problems


def _rule_problems(where: str, rule: dict[str, Any]) -> list[str]:
    problems = []
    for key in ("shortDescription", "fullDescription"):
        if not (rule.get(key) or {}).get("text"):
            problems.append(f"{where}: {key}.text is required")
    help_ = rule.get("help") or {}
    if not help_.get("text") or not help_.get("markdown"):
        problems.append(f"{where}: help.text and help.markdown are required")
    if not PASCAL.fullmatch(str(rule.get("name", ""))):
        problems.append(f"{where}: name must be a Pascal-case identifier, not {rule.get('name')!r}")
    if not _absolute_uri(rule.get("helpUri")):
        problems.append(f"{where}: helpUri must be an absolute URI")
    if (rule.get("defaultConfiguration") or {}).get("level") not in LEVELS:
        problems.append(f"{where}: defaultConfiguration.level must be one of {sorted(LEVELS)}")
    if len((rule.get("properties") or {}).get("tags", [])) > MAX_TAGS:
        problems.append(f"{where}: more than {MAX_TAGS} tags")
    return problems


def _result_problems(
    where: str, result: dict[str, Any], rule_ids: list[str], base_ids: dict[str, Any]
) -> list[str]:
    problems = []
    text = (result.get("message") or {}).get("text", "")
    if not text or not text.rstrip().endswith((".", "!", "?")):
        problems.append(f"{where}: message.text must be whole sentences")
    if result.get("ruleId") not in rule_ids:
        problems.append(f"{where}: ruleId {result.get('ruleId')!r} has no rule in tool.driver.rules")
    elif "ruleIndex" in result and rule_ids[result["ruleIndex"]] != result["ruleId"]:
        problems.append(f"{where}: ruleIndex points at another rule")
    if result.get("level") not in LEVELS:
        problems.append(f"{where}: level must be one of {sorted(LEVELS)}")
    if not result.get("partialFingerprints"):
        problems.append(f"{where}: partialFingerprints are needed to follow a result across runs")
    locations = result.get("locations") or []
    if not 1 <= len(locations) <= MAX_LOCATIONS:
        problems.append(f"{where}: between 1 and {MAX_LOCATIONS} locations are required")
    related = result.get("relatedLocations") or []
    if len({item.get("id") for item in related}) != len(related):
        problems.append(f"{where}: relatedLocations need distinct ids")
    for kind, items in (("locations", locations), ("relatedLocations", related)):
        for number, location in enumerate(items):
            problems += _location_problems(f"{where}.{kind}[{number}]", location, base_ids)
    return problems


def github_problems(sarif: dict[str, Any]) -> list[str]:
    """GitHub code scanning's documented requirements (and the SARIF multitool's GitHub rules), as code."""
    problems = [] if sarif.get("version") == "2.1.0" and sarif.get("$schema") else ["version/$schema"]
    runs = sarif.get("runs") or []
    if not 1 <= len(runs) <= MAX_RUNS:
        problems.append(f"between 1 and {MAX_RUNS} runs")
    for run_number, run in enumerate(runs):
        driver = run["tool"]["driver"]
        if not driver.get("name") or not (driver.get("version") or driver.get("semanticVersion")):
            problems.append("tool.driver needs a name and a version")
        if not _absolute_uri(driver.get("informationUri")):
            problems.append("tool.driver.informationUri must be an absolute URI")
        base_ids = run.get("originalUriBaseIds") or {}
        for name, base in base_ids.items():
            if not str(base.get("uri", "")).startswith("file:///") or not base["uri"].endswith("/"):
                problems.append(f"originalUriBaseIds.{name}: an absolute file URI ending in '/'")
        rules = driver.get("rules") or []
        rule_ids = [rule.get("id") for rule in rules]
        if len(rules) > MAX_RULES or len(set(rule_ids)) != len(rule_ids):
            problems.append("rules: at most 25,000, with distinct ids")
        for number, rule in enumerate(rules):
            problems += _rule_problems(f"runs[{run_number}].rules[{number}]", rule)
        results = run.get("results") or []
        if len(results) > MAX_RESULTS:
            problems.append(f"more than {MAX_RESULTS} results")
        for number, result in enumerate(results):
            problems += _result_problems(f"runs[{run_number}].results[{number}]", result, rule_ids, base_ids)
    return problems


def sarif_from(folder: Path, *args: str) -> dict[str, Any]:
    """`timeline check ... --format sarif`, run from `folder` as a user would (a subprocess)."""
    command = [sys.executable, "-m", "timeline", "check", *args, "--format", "sarif", *FAST]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return dict(json.loads(done.stdout))


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with the seed story in a subfolder, and a folder below it to run from."""
    repository = tmp_path_factory.mktemp("repository")
    (repository / ".git").mkdir()
    shutil.copytree(ROOT / "corpus", repository / "news" / "corpus")
    shutil.copytree(ROOT / "rules", repository / "news" / "rules")
    (repository / "news" / "notes").mkdir()
    return repository


@pytest.fixture(scope="module")
def from_root(repository: Path) -> dict[str, Any]:
    return sarif_from(repository, "news/corpus", "--rules", "news/rules")


def _uris(sarif: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [
        (
            location["physicalLocation"]["artifactLocation"]["uri"],
            location["physicalLocation"]["artifactLocation"].get("uriBaseId"),
        )
        for result in sarif["runs"][0]["results"]
        for location in [*result["locations"], *result.get("relatedLocations", [])]
    ]


def test_sarif_passes_the_oasis_schema_and_githubs_requirements(from_root: dict[str, Any]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(from_root)
    assert github_problems(from_root) == []
    [run] = from_root["runs"]
    terms = next(result for result in run["results"] if result["ruleId"] == "executive-order-terms")
    assert terms["level"] == "error" and terms["relatedLocations"]
    assert "voluntar" in terms["message"]["text"] and "30 days to review" in terms["message"]["text"]
    assert run["tool"]["driver"]["informationUri"] == HOMEPAGE
    rule = run["tool"]["driver"]["rules"][terms["ruleIndex"]]
    assert rule["name"] == "ExecutiveOrderTerms"
    assert "Defined in news/rules/checks.yaml:" in rule["fullDescription"]["text"]


def test_uris_are_relative_to_the_repository_from_its_root_and_from_a_subfolder(
    repository: Path, from_root: dict[str, Any]
) -> None:
    uris = _uris(from_root)
    assert uris and all(base == "%SRCROOT%" and uri.startswith("news/corpus/") for uri, base in uris)
    base = from_root["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == repository.as_uri() + "/"
    from_subfolder = sarif_from(repository / "news" / "notes", "../corpus", "--rules", "../rules")
    assert _uris(from_subfolder) == uris
    assert github_problems(from_subfolder) == []


def test_without_a_repository_uris_are_relative_to_the_config_file(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "corpus", project / "articles")
    (project / "timeline.toml").write_text('corpus = "articles"\nrules = "rules"\n', encoding="utf-8")
    shutil.copytree(ROOT / "rules", project / "rules")
    (project / "deep" / "er").mkdir(parents=True)
    sarif = sarif_from(project / "deep" / "er")
    uris = _uris(sarif)
    assert uris and all(uri.startswith("articles/") and base == "%SRCROOT%" for uri, base in uris)
    assert sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"


def test_sarif_multitool_finds_no_error_or_warning(tmp_path: Path, from_root: dict[str, Any]) -> None:
    tool = Path(os.environ.get("SARIF_MULTITOOL", MULTITOOL))
    if not tool.is_file():
        pytest.skip(f"the SARIF multitool is not installed at {tool} (.ci/run installs it from npm)")
    log = tmp_path / "timeline.sarif"
    log.write_text(json.dumps(from_root), encoding="utf-8")
    output = tmp_path / "validation.sarif"
    command = [
        str(tool),
        "validate",
        "--rule-kind",
        "Gh;Sarif",
        "--level",
        "Error;Warning",
        "-o",
        str(output),
        str(log),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert output.is_file(), done.stdout + done.stderr
    validation = json.loads(output.read_text(encoding="utf-8"))
    found = [
        f"{result['ruleId']}: {result['message'].get('text', result['message'])}"
        for run in validation["runs"]
        for result in run.get("results", [])
    ]
    assert found == []
