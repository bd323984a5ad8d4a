"""The GitHub Action and the pre-commit hooks: valid against their schemas, and their scripts do the job."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from pre_commit.clientlib import load_manifest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
STORY = ROOT / "tests" / "check" / "stories" / "riverside-ward"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
INPUT = re.compile(r"\binputs\.([A-Za-z0-9_-]+)")


def _action() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8")))


def test_action_validates_against_the_github_actions_schema() -> None:
    command = [
        str(BIN / "check-jsonschema"),
        "--builtin-schema",
        "vendor.github-actions",
        str(ROOT / "action.yml"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_action_uses_only_what_it_declares_and_never_pastes_an_input_into_a_script() -> None:
    action = _action()
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    declared = set(action["inputs"])
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = {name for expression in EXPRESSION.findall(text) for name in INPUT.findall(expression)}
    assert used and used <= declared, used - declared
    ids = {step.get("id") for step in steps}
    for name, output in action["outputs"].items():
        step = output["value"].split("steps.", 1)[1].split(".", 1)[0]
        assert step in ids, name
    for step in steps:
        assert "uses" in step or ("run" in step and "shell" in step), step  # composite steps need a shell
        assert "${{" not in step.get("run", ""), f"an expression inside a script can inject: {step['name']}"


def _script(step_id: str) -> str:
    return str(next(step for step in _action()["runs"]["steps"] if step.get("id") == step_id)["run"])


def test_the_actions_check_step_writes_sarif_annotates_and_reports_the_exit_code(tmp_path: Path) -> None:
    workspace = tmp_path / "repository"
    shutil.copytree(STORY / "contradiction", workspace / "news" / "articles")
    shutil.copytree(STORY / "rules", workspace / "news" / "rules")
    (workspace / ".git").mkdir()
    outputs = tmp_path / "github_output"
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_ACTIONS": "true",
        "TIMELINE_CORPUS": "news/articles",
        "TIMELINE_RULES": "news/rules",
        "TIMELINE_FAIL_ON": "",
        "TIMELINE_BASELINE": "",
        "TIMELINE_SARIF": "news/timeline.sarif",
        "TIMELINE_ANNOTATIONS": "true",
    }
    # as GitHub runs a `shell: bash` step
    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _script("check")]
    done = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    sarif = json.loads((workspace / "news" / "timeline.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert {result["ruleId"] for result in results} == {"closure-permanence", "vote-date"}
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("news/articles/")
    annotations = [
        line for line in done.stdout.splitlines() if line.startswith("::error file=news/articles/")
    ]
    assert len(annotations) == 2
    written = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    assert written == {"exit-code": "1", "sarif-file": "news/timeline.sarif"}


def test_pre_commit_hooks_are_a_valid_manifest_and_run_as_pre_commit_runs_them(tmp_path: Path) -> None:
    hooks = {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"timeline-check", "timeline-rules-test"}
    check, rules_test = hooks["timeline-check"], hooks["timeline-rules-test"]
    assert all(hook["language"] == "python" and not hook["pass_filenames"] for hook in hooks.values())
    assert re.search(check["files"], "articles/courier.md") and re.search(check["files"], "timeline.toml")
    assert re.search(rules_test["files"], "rules/riverside.yaml") and not re.search(
        rules_test["files"], "a.md"
    )
    # A repository configured by timeline.toml, as a user of the hook has it
    shutil.copytree(STORY / "consistent", tmp_path / "articles")
    shutil.copytree(STORY / "rules", tmp_path / "rules")
    (tmp_path / "timeline.toml").write_text('corpus = "articles"\nrules = "rules"\n', encoding="utf-8")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "GITHUB_ACTIONS": ""}
    for hook in (check, rules_test):
        command = [*hook["entry"].split(), *hook["args"]]
        done = subprocess.run(
            command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=300
        )
        assert done.returncode == 0, (hook["id"], done.stdout, done.stderr)
    (tmp_path / "articles" / "courier.md").write_text(
        (STORY / "contradiction" / "courier.md").read_text(encoding="utf-8").replace("Tuesday", "Wednesday"),
        encoding="utf-8",
    )
    done = subprocess.run(
        check["entry"].split(), cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1 and "vote-date" in done.stdout
