"""`timeline check` through the real CLI: the seed story, a second story, formats, exit codes, baselines."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from timeline.check.formats import github_annotation
from timeline.check.models import Evidence, Finding
from timeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"
SEED_RULES = ROOT / "rules"
STORY = Path(__file__).parent / "stories" / "riverside-ward"
FAST = ["--no-cache", "--jobs", "1"]


def check(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, ["check", *args, *FAST], env=env or {"GITHUB_ACTIONS": ""})


def findings(result: Result) -> list[dict[str, Any]]:
    return list(json.loads(result.stdout)["findings"])


@pytest.fixture(scope="module")
def seed_report() -> Result:
    return check(str(SEEDS), "--rules", str(SEED_RULES), "--format", "json")


def test_seed_story_reports_the_executive_order_terms(seed_report: Result) -> None:
    assert seed_report.exit_code == 1, seed_report.stderr
    [terms] = [f for f in findings(seed_report) if f["rule"] == "executive-order-terms"]
    assert terms["severity"] == "error"
    by_doc = {item["doc"][:3]: item for item in terms["evidence"]}
    assert "004" in by_doc and "30 days to review" in by_doc["004"]["quote"]
    voluntary = [
        doc for doc in ("000", "001", "003") if "voluntarily submit" in by_doc.get(doc, {}).get("quote", "")
    ]
    assert len(voluntary) >= 2
    assert by_doc["004"]["value"] != by_doc[voluntary[0]]["value"]


def test_seed_story_reports_the_blacklist_timing_with_003(seed_report: Result) -> None:
    timing = [f for f in findings(seed_report) if f["rule"] == "blacklist-timing"]
    assert timing
    quotes = {item["doc"][:3]: item["quote"] for item in timing[0]["evidence"]}
    assert "set to take effect in 2026" in quotes["003"]
    assert "later in 2026" in quotes["000"]


def test_seed_story_is_quiet_where_the_articles_agree(seed_report: Result) -> None:
    """OpenAI's report on Wednesday, one day before the post; the 2023 six-month pause."""
    loud = [f for f in findings(seed_report) if f["severity"] in ("error", "warning")]
    assert not [f for f in loud if f["rule"] in ("report-before-post", "post-date", "fli-letter-date")]
    assert not [f for f in loud if f["rule"].startswith("builtin/")]


def _words(text: str) -> str:
    # Encoding repairs change punctuation (mojibake quotes), never the words: compare those.
    return " ".join(re.findall(r"[A-Za-z0-9]+", text))


def test_every_evidence_location_holds_its_quote(seed_report: Result) -> None:
    evidence = [item for finding in findings(seed_report) for item in finding["evidence"] if item["quote"]]
    assert evidence
    for item in evidence:
        line = Path(item["path"]).read_text(encoding="utf-8").splitlines()[item["line"] - 1]
        assert _words(item["quote"])[:60] in _words(line[item["column"] - 1 :]), item


def test_output_is_deterministic(seed_report: Result) -> None:
    again = check(str(SEEDS), "--rules", str(SEED_RULES), "--format", "json")
    assert again.stdout == seed_report.stdout


def test_second_story_flags_the_planted_contradictions() -> None:
    result = check(str(STORY / "contradiction"), "--rules", str(STORY / "rules"), "--format", "json")
    assert result.exit_code == 1, result.stderr
    errors = {(f["rule"], tuple(sorted({e["value"] for e in f["evidence"]}))) for f in findings(result)}
    assert ("closure-permanence", ("permanent", "temporary")) in errors
    vote = [f for f in findings(result) if f["rule"] == "vote-date"]
    assert vote and {e["doc"] for e in vote[0]["evidence"]} == {"courier", "metro-daily", "valley-post"}


def test_second_story_consistent_variant_is_clean() -> None:
    result = check(str(STORY / "consistent"), "--rules", str(STORY / "rules"), "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert findings(result) == []


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["consistent"], 0),
        (["contradiction"], 1),
        (["consistent", "--format", "xml"], 2),
        (["consistent", "--fail-on", "fatal"], 2),
        (["missing-folder"], 2),
    ],
    ids=["clean", "findings", "bad-format", "bad-fail-on", "missing-corpus"],
)
def test_exit_codes(args: list[str], code: int) -> None:
    result = check(str(STORY / args[0]), "--rules", str(STORY / "rules"), *args[1:])
    assert result.exit_code == code, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_fail_on_sets_the_threshold(tmp_path: Path) -> None:
    # One undated article that shares nothing with a dated one: no window can be inferred, info only.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "undated.txt").write_text("Ferries added crossings on Thursday.\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    no_rules = ["--rules", str(tmp_path / "rules")]
    result = check(str(corpus), *no_rules, "--format", "json")
    assert {f["rule"]: f["severity"] for f in findings(result)} == {"builtin/undated-article": "info"}
    assert result.exit_code == 0
    assert check(str(corpus), *no_rules, "--fail-on", "warning").exit_code == 0
    assert check(str(corpus), *no_rules, "--fail-on", "info").exit_code == 1


def test_config_overrides_severity_and_fail_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "timeline.toml").write_text(
        'fail-on = "warning"\n[severity]\n"closure-permanence" = "info"\n"vote-date" = "off"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = check(str(STORY / "contradiction"), "--rules", str(STORY / "rules"), "--format", "json")
    rules = {f["rule"]: f["severity"] for f in findings(result)}
    assert rules == {"closure-permanence": "info"}
    assert result.exit_code == 0  # nothing at or above the configured "warning"
    assert (
        check(str(STORY / "contradiction"), "--rules", str(STORY / "rules"), "--fail-on", "info").exit_code
        == 1
    )


def test_config_naming_an_unknown_rule_is_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "timeline.toml").write_text('[severity]\n"vote-dat" = "off"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = check(str(STORY / "consistent"), "--rules", str(STORY / "rules"))
    assert result.exit_code == 2
    assert "severity: no rule 'vote-dat'; did you mean 'vote-date'?" in result.stderr


# ::error file=…,line=…,col=…,title=…::message — property values may not hold raw ",", ":" or newlines.
PROPERTY = r"(file|line|col|endLine|endColumn|title)=[^,:\r\n]*"
ANNOTATION = re.compile(rf"::(error|warning|notice)( {PROPERTY}(,{PROPERTY})*)?::[^\r\n]*")


def test_github_format_is_chosen_on_actions_and_well_formed() -> None:
    result = check(
        str(STORY / "contradiction"), "--rules", str(STORY / "rules"), env={"GITHUB_ACTIONS": "true"}
    )
    lines = result.stdout.splitlines()
    assert lines and all(ANNOTATION.fullmatch(line) for line in lines), lines
    assert any(line.startswith("::error file=") and "title=closure-permanence" in line for line in lines)


def test_github_annotation_escapes_data_and_properties() -> None:
    finding = Finding(
        rule="odd",
        severity="warning",
        message="100% sure,\r\nreally: yes",
        evidence=[Evidence(doc="d", path="dir,x/a:b.txt", line=3, column=4, quote="q", value="v")],
    )
    line = github_annotation(finding)
    assert ANNOTATION.fullmatch(line), line
    assert "file=dir%2Cx/a%3Ab.txt,line=3,col=4," in line
    assert line.split("::", 2)[2].startswith("100%25 sure,%0D%0Areally: yes%0A")


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(STORY / "contradiction", corpus)
    baseline = tmp_path / "baseline.json"
    rules = ["--rules", str(STORY / "rules")]

    written = check(str(corpus), *rules, "--write-baseline", str(baseline))
    assert written.exit_code == 0 and baseline.is_file()
    quiet = check(str(corpus), *rules, "--baseline", str(baseline), "--format", "json")
    assert quiet.exit_code == 0
    assert json.loads(quiet.stdout)["summary"]["baselined"] == 2

    # Edits elsewhere in an article move the quotes to other lines: still the same findings.
    post = corpus / "valley-post.md"
    head, body = post.read_text(encoding="utf-8").split("---\n", 2)[1:]
    post.write_text(f"---\n{head}---\nAn editor's note.\n\n{body}", encoding="utf-8")
    assert check(str(corpus), *rules, "--baseline", str(baseline)).exit_code == 0

    # A new contradiction is not in the baseline.
    courier = corpus / "courier.md"
    courier.write_text(
        courier.read_text(encoding="utf-8").replace("on Tuesday", "on Wednesday"), encoding="utf-8"
    )
    fresh = check(str(corpus), *rules, "--baseline", str(baseline), "--format", "json")
    assert fresh.exit_code == 1
    assert [f["rule"] for f in findings(fresh)] == ["vote-date"]


def test_unreadable_baseline_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "baseline.json").write_text("{not json", encoding="utf-8")
    result = check(
        str(STORY / "consistent"),
        "--rules",
        str(STORY / "rules"),
        "--baseline",
        str(tmp_path / "baseline.json"),
    )
    assert result.exit_code == 2
    assert f"{tmp_path / 'baseline.json'}:1:2: invalid JSON" in result.stderr


def test_text_format_groups_findings_by_rule_without_colour_when_piped() -> None:
    result = check(str(STORY / "contradiction"), "--rules", str(STORY / "rules"))
    assert result.exit_code == 1
    assert "\x1b[" not in result.stdout
    headings = [line for line in result.stdout.splitlines() if re.match(r"^(ERROR|WARNING|INFO) ", line)]
    assert headings == ["ERROR closure-permanence (1)", "ERROR vote-date (1)"]
    assert "valley-post.md:6:1" in result.stdout and "permanent" in result.stdout
    assert result.stdout.rstrip().endswith("2 error(s), 0 warning(s), 0 info (2 finding(s))")


def test_past_tense_event_dated_after_publication(tmp_path: Path) -> None:
    """An article published June 6 that reports as done something it dates June 9: the quote is shown.
    A later date in the future tense is a plan, not a slip."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "gazette.md").write_text(
        "---\ntitle: Treaty news\npublished: 2026-06-06\n---\n"
        "The treaty was signed on June 9, 2026, officials said.\n\n"
        "Leaders will meet again on June 12, 2026 to review it.\n",
        encoding="utf-8",
    )
    (tmp_path / "rules").mkdir()
    result = check(str(articles), "--rules", str(tmp_path / "rules"), "--format", "json")
    assert result.exit_code == 0, result.stderr  # a warning, below the default --fail-on error
    late = [f for f in findings(result) if f["rule"] == "builtin/past-after-publication"]
    assert len(late) == 1
    [evidence] = late[0]["evidence"]
    assert "The treaty was signed on June 9, 2026" in evidence["quote"]
    assert evidence["line"] == 5
    assert not any("June 12" in item["quote"] for finding in findings(result) for item in finding["evidence"])
