"""File names and values from the input are data, never commands: whatever they hold, every document is
still read, and no output line can start a GitHub workflow command (`::error ...`) or a new line.

Names that are not UTF-8 (Linux allows any bytes but "/" and NUL) are reported and read under their
escaped form, `caf\\xe9.txt`, in one process, in a pool and on Dask, for build, check and export.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest

from .adversary import EVERY_OUTPUT, article, documents, rules, run, two_articles

UNDECODABLE = b"caf\xe9-report.txt"
SHOWN = "caf\\xe9-report.txt"
# What GitHub's runner takes for a workflow command: "::" at the start of a line, after blanks.
COMMAND_LINE = re.compile(r"^\s*::", re.MULTILINE)
# Our own annotations (`check --format github`): properties without a raw "," or ":" before the "::".
OUR_ANNOTATION = re.compile(r"^::(error|warning|notice) (\w+=[^,:\n]*)(,\w+=[^,:\n]*)*::[^\n]*$")


def _undecodable_corpus(folder: Path) -> Path:
    two_articles(folder)
    with open(os.path.join(os.fsencode(folder), UNDECODABLE), "wb") as handle:
        handle.write(article(6, "The Courier").encode())
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", ["build", "check", "export"])
def test_a_name_that_is_not_utf8_loses_no_document(tmp_path: Path, command: str, jobs: str) -> None:
    corpus = _undecodable_corpus(tmp_path / "corpus")
    out = tmp_path / "out.json"
    outputs = {"build": ["-o", out], "check": ["--format", "json"], "export": ["--format", "json", "-o", out]}
    rule_folder = rules(tmp_path / "rules")
    code, stdout, stderr = run(
        command, corpus, "--rules", rule_folder, "--jobs", jobs, "--no-cache", *outputs[command]
    )
    assert code == 2, stderr
    assert f"{corpus}/{SHOWN}: the file name is not UTF-8 text" in stderr
    written = stdout if command == "check" else out.read_text(encoding="utf-8")
    if command == "check":
        findings = json.loads(written)["findings"]
        assert f"{corpus}/{SHOWN}" in {item["path"] for finding in findings for item in finding["evidence"]}
    else:
        assert documents(written)["caf\\xe9-report"] == f"{corpus}/{SHOWN}"
        assert {"daily", "herald"} <= set(documents(written))


def test_a_name_that_is_not_utf8_is_read_on_dask_with_the_paths_of_a_local_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    _undecodable_corpus(tmp_path / "corpus")
    rules(tmp_path / "rules")
    monkeypatch.chdir(tmp_path)  # a relative corpus path, as users type it
    local = run("build", "corpus", "--rules", "rules", "--no-cache", "--jobs", "1")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True) as cluster:
        remote = run(
            "build", "corpus", "--rules", "rules", "--no-cache", "--executor", "dask",
            "--scheduler", cluster.scheduler_address,
        )  # fmt: skip
    assert remote == local
    assert documents(local[1])["caf\\xe9-report"] == f"corpus/{SHOWN}"


HOSTILE_NAMES = ["::error file=x::pwned.txt", "line\n::warning::two.txt", "bell\x07\x1b[2J.txt"]
HOSTILE_VALUE = "Bridge\n::error file=ci.yml,line=1::pwned\r::notice::x"


def _hostile_corpus(folder: Path) -> Path:
    two_articles(folder)
    for index, name in enumerate(HOSTILE_NAMES):
        (folder / name).write_text(article(3 + index, f"Outlet {index}"), encoding="utf-8")
    front = json.dumps(HOSTILE_VALUE)  # a YAML double-quoted string: the newline is really in the title
    (folder / "front.md").write_text(
        f"---\ntitle: {front}\nsource: {front}\npublished: 2026-02-30\n---\n{article(4)}", encoding="utf-8"
    )
    (folder / "::notice::empty.txt").write_text("", encoding="utf-8")  # a problem named by a "::" name
    record = {"id": "::error::id", "title": HOSTILE_VALUE, "source": HOSTILE_VALUE, "text": article(5)}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "dated.md").write_text(
        f"---\ntitle: x\npublished: {front}\n---\n{article(4)}", encoding="utf-8"
    )  # a value quoted back in a problem message
    return folder


@pytest.mark.parametrize("command", EVERY_OUTPUT, ids=lambda command: "-".join(command))
def test_no_output_line_can_start_a_workflow_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    corpus = _hostile_corpus(tmp_path / "corpus")
    rules(tmp_path / "rules")
    monkeypatch.chdir(corpus)  # "." as the corpus: the names start the lines of problems and tables
    options = () if command[0] == "corpus" else ("--rules", "../rules", "--no-cache")
    code, stdout, stderr = run(*command, ".", *options)
    assert code == 2
    produced = stdout + stderr
    annotations = stdout if command[-1] == "github" else ""
    for line in annotations.splitlines():
        assert OUR_ANNOTATION.match(line), line
    assert not COMMAND_LINE.search(stderr + (stdout if not annotations else "")), produced
    assert "\x1b" not in produced and "\x07" not in produced
    assert "\\x3a:notice::empty.txt: is empty" in stderr
    if command == ("build",):
        ids = {"::error::id", "::error file=x::pwned", "line\\n::warning::two", "bell\\x07\\x1b[2J"}
        assert ids <= set(documents(stdout))  # every document read; names written escaped


@pytest.mark.parametrize("table", [("build", "-o", "out.json"), ("corpus",)], ids=["build", "corpus"])
def test_tables_print_names_and_values_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: tuple[str, ...]
) -> None:
    corpus = _hostile_corpus(tmp_path / "corpus")
    rules(tmp_path / "rules")
    monkeypatch.chdir(corpus)
    options = () if table[0] == "corpus" else ("--rules", "../rules", "--no-cache")
    code, stdout, _ = run(table[0], ".", *table[1:], *options)
    assert code == 2
    assert "\\x3a:error::id" in stdout  # the JSONL id, first on its row
    assert "line\\n::warning::two" in stdout
    assert not COMMAND_LINE.search(stdout)


@pytest.mark.parametrize("columns", ["18", "20", "40"])
@pytest.mark.parametrize(
    "command", [("build", "-o", "out.json"), ("corpus",), ("check", "--format", "text")], ids=lambda c: c[0]
)
def test_narrow_terminals_cut_and_wrap_without_starting_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], columns: str
) -> None:
    """Cutting and wrapping to the terminal's width may put a value's inner " ::" at the start of a line."""
    corpus = two_articles(tmp_path / "corpus")
    title = "a ::error file=ci.yml::pwned ::warning::x " * 3
    (corpus / "long.md").write_text(f"---\ntitle: {json.dumps(title)}\n---\n{article(6)}", encoding="utf-8")
    rules(tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", columns)
    options = () if command[0] == "corpus" else ("--rules", "rules", "--no-cache")
    _, stdout, stderr = run(command[0], "corpus", *command[1:], *options)
    assert not COMMAND_LINE.search(stdout + stderr), stdout


INERT_NAMES = ["<img src=x onerror=alert(1)>.txt", "=HYPERLINK(1).txt", "+1+2.md", "@SUM(A1).txt", "-3.txt"]


@pytest.mark.parametrize("export_format", ["csv", "timelinejs", "html", "markdown"])
def test_exports_keep_hostile_file_names_inert(tmp_path: Path, export_format: str) -> None:
    """File names reach the exports as document ids: no markup, no spreadsheet formula (the exports'
    own escaping, checked here for names as the export tests check it for article text)."""
    corpus = two_articles(tmp_path / "corpus")
    for index, name in enumerate(INERT_NAMES):
        (corpus / name).write_text(article(3 + index, f"Outlet {index}"), encoding="utf-8")
    code, stdout, stderr = run(
        "export", "--format", export_format, corpus, "--rules", rules(tmp_path / "rules")
    )
    assert code == 0, stderr
    if export_format in ("html", "markdown"):
        assert not re.search(r"(?<!\\)<img", stdout)  # Markdown shows \<img as text; HTML needs &lt;
    if export_format == "csv":
        cells = [cell for row in csv.reader(io.StringIO(stdout)) for cell in row]
        assert "'=HYPERLINK(1)" in cells or "'=HYPERLINK(1).txt" in " ".join(cells)
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    if export_format == "timelinejs":
        for slide in json.loads(stdout)["events"]:
            assert "<" not in slide["group"] + slide["unique_id"] + slide["text"]["headline"]
