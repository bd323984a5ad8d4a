"""pipeline.build: parallel, cached and sequential builds agree byte for byte; bad input is reported."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from timeline.diagnostics import InputError
from timeline.pipeline import DEFAULT_CACHE_DIR, RunOptions, build, options_from_cli

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"
RULES = ROOT / "rules"
ARTICLES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def _json(corpus: Path, options: RunOptions) -> str:
    result = build([corpus], RULES, options)
    assert result.problems == []
    return result.timeline.model_dump_json(indent=2)


def _cache_entries(cache: Path) -> set[Path]:
    return set(cache.glob("*/*.json"))


def test_parallel_cached_and_sequential_builds_are_byte_identical(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    clean = _json(corpus, RunOptions(jobs=1))
    assert clean.count('"path"') >= len(ARTICLES)  # every article made it into the timeline
    assert _json(corpus, RunOptions(jobs=2, cache_dir=cache)) == clean  # cold cache, two processes
    assert len(_cache_entries(cache)) == len(ARTICLES)
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"  # never committed
    assert _json(corpus, RunOptions(jobs=2, cache_dir=cache)) == clean  # warm cache
    assert _json(corpus, RunOptions(jobs=1, cache_dir=cache)) == clean


def test_only_the_changed_article_is_analysed_again(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _json(corpus, RunOptions(jobs=1, cache_dir=cache))
    before = _cache_entries(cache)
    changed = corpus / ARTICLES[0].name
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nA late correction was added.\n", encoding="utf-8"
    )
    warm = _json(corpus, RunOptions(jobs=1, cache_dir=cache))
    assert len(_cache_entries(cache) - before) == 1
    assert warm == _json(corpus, RunOptions(jobs=1))


def test_unreadable_cache_entries_are_ignored_and_rewritten(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    clean = _json(corpus, RunOptions(jobs=1, cache_dir=cache))
    for entry in _cache_entries(cache):
        entry.write_text('{"document": "truncated', encoding="utf-8")
    assert _json(corpus, RunOptions(jobs=1, cache_dir=cache)) == clean
    assert _json(corpus, RunOptions(jobs=1, cache_dir=cache)) == clean


def test_bad_documents_are_reported_in_order_and_the_rest_is_built(corpus: Path) -> None:
    (corpus / "broken.jsonl").write_text('{"id": "x", "text": "fine"\n{not json}\n', encoding="utf-8")
    (corpus / "empty.html").write_bytes(b"")
    results = [build([corpus], RULES, RunOptions(jobs=jobs)) for jobs in (1, 2)]
    assert [str(problem) for problem in results[0].problems] == [str(p) for p in results[1].problems]
    named = {Path(problem.path).name for problem in results[0].problems}
    assert "broken.jsonl" in named
    built = {Path(document.path).name for document in results[0].timeline.documents}
    assert {path.name for path in ARTICLES} <= built


def test_options_from_the_command_line() -> None:
    assert options_from_cli().cache_dir == DEFAULT_CACHE_DIR
    assert options_from_cli(no_cache=True, cache_dir=Path("elsewhere")).cache_dir is None
    assert options_from_cli(cache_dir=Path("elsewhere")).cache_dir == Path("elsewhere")
    dask = options_from_cli(jobs=3, executor="dask", scheduler="tcp://10.0.0.5:8786")
    assert (dask.jobs, dask.executor, dask.scheduler) == (3, "dask", "tcp://10.0.0.5:8786")
    for bad in ({"jobs": 0}, {"executor": "spark"}, {"scheduler": "tcp://x:8786"}):
        with pytest.raises(InputError) as error:
            options_from_cli(**bad)  # type: ignore[arg-type]
        assert error.value.problem.path.startswith("--")


def test_dask_executor_without_dask_installed_says_how_to_install_it(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an install without the extra looks like
    with pytest.raises(InputError) as error:
        build([corpus], RULES, RunOptions(executor="dask", scheduler="tcp://127.0.0.1:8786"))
    assert "pip install 'timeline[dask]'" in str(error.value)


def test_duplicate_document_id_is_reported_and_the_second_copy_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = '{"id": "story-1", "published": "2026-06-04", "text": "The lab paused work on June 3, 2026."}\n'
    (corpus / "story-1.txt").write_text(
        "The lab paused work on June 3, 2026.\n", encoding="utf-8"
    )  # id: stem
    (corpus / "z.jsonl").write_text(
        '{"id": "other", "text": "Nothing happened."}\n' + record, encoding="utf-8"
    )
    for jobs in (1, 2):
        result = build([corpus], RULES, RunOptions(jobs=jobs))
        assert [str(problem) for problem in result.problems] == [
            f"{corpus / 'z.jsonl'}:2: duplicate document id 'story-1' (first used by "
            f"{corpus / 'story-1.txt'}); this copy is skipped: give it a unique id"
        ]
        assert sorted((document.id, Path(document.path).name) for document in result.timeline.documents) == [
            ("other", "z.jsonl"),
            ("story-1", "story-1.txt"),
        ]


def test_unwritable_cache_only_costs_speed(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    assert _json(corpus, RunOptions(jobs=1, cache_dir=blocked)) == _json(corpus, RunOptions(jobs=1))
    assert [
        record.getMessage() for record in caplog.records if "cannot write the cache" in record.getMessage()
    ]
