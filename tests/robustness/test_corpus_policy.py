"""The corpus's file-system policy: only regular files inside the corpus are read; nothing hangs or leaks.

A corpus can come from an untrusted pull request: a symlink to a secret outside it, a FIFO named like an
article, a link to /dev/zero, a folder nobody may list, a 200 MB file. Each is reported in one line, the
other documents are still read, and the secret never appears in any output.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timeline.corpus import SourceItem, iter_sources
from timeline.corpus import files as corpus_files
from timeline.diagnostics import InputError, InputProblem

from .adversary import EVERY_OUTPUT, article, documents, rules, run, run_process, two_articles

SECRET = "SECRET-7f3a-do-not-print"


@pytest.fixture
def leaky(tmp_path: Path) -> Path:
    """A corpus with a link to a dated article outside it that holds a secret."""
    outside = tmp_path / "outside.txt"
    outside.write_text(article(3, SECRET) + f"The password is {SECRET}.\n", encoding="utf-8")
    corpus = two_articles(tmp_path / "corpus")
    (corpus / "leak.txt").symlink_to(outside)
    return corpus


@pytest.mark.parametrize("command", EVERY_OUTPUT, ids=lambda command: "-".join(command))
def test_a_symlink_out_of_the_corpus_never_shows_its_text(leaky: Path, command: tuple[str, ...]) -> None:
    options = () if command[0] == "corpus" else ("--no-cache", "--rules", rules(leaky.parent / "rules"))
    code, stdout, stderr = run(*command, leaky, *options)
    assert SECRET not in stdout + stderr
    assert f"{leaky / 'leak.txt'}: is a symlink to something outside the corpus folder; not read" in stderr
    assert code == 2
    assert "herald" in stdout  # the other documents are still read, and the finding between them shown


def test_follow_symlinks_reads_the_link_when_asked(leaky: Path) -> None:
    code, stdout, stderr = run("build", leaky, "--rules", rules(leaky.parent / "rules"), "--follow-symlinks")
    assert code == 0, stderr
    assert SECRET in stdout  # so the test above can tell a leak


def test_a_symlink_named_on_the_command_line_must_stay_in_its_folder(leaky: Path) -> None:
    code, stdout, stderr = run("corpus", leaky / "leak.txt", leaky / "daily.txt")
    assert code == 2 and SECRET not in stdout + stderr
    assert "leak.txt: is a symlink to something outside its folder; not read" in stderr


def test_a_symlink_to_a_hidden_file_in_the_corpus_is_not_read(tmp_path: Path) -> None:
    """actions/checkout keeps the job's token in .git/config: a corpus at the repository's root must not
    let a link to it into any output."""
    corpus = two_articles(tmp_path / "repository")
    (corpus / ".git").mkdir()
    (corpus / ".git" / "config").write_text(
        article(3, SECRET) + f"extraheader = {SECRET}\n", encoding="utf-8"
    )
    (corpus / "notes.txt").symlink_to(corpus / ".git" / "config")
    code, stdout, stderr = run("build", corpus, "--rules", rules(tmp_path / "rules"), "--no-cache")
    assert code == 2 and SECRET not in stdout + stderr
    assert f"{corpus / 'notes.txt'}: is a symlink to a hidden file or folder in the corpus folder" in stderr


def test_links_inside_the_corpus_are_followed_and_each_folder_read_once(tmp_path: Path) -> None:
    corpus = two_articles(tmp_path / "corpus")
    (corpus / "nested").mkdir()
    (corpus / "nested" / "gazette.txt").write_text(article(4, "The Gazette"), encoding="utf-8")
    (corpus / "alias.txt").symlink_to(corpus / "daily.txt")
    (corpus / "nested" / "loop").symlink_to(corpus)  # a cycle: must end
    code, stdout, stderr = run("build", corpus, "--no-cache")
    assert code == 0, stderr
    assert set(documents(stdout)) == {"alias", "daily", "herald", "nested/gazette"}


def test_fifo_in_the_corpus_is_skipped_without_hanging(tmp_path: Path) -> None:
    corpus = two_articles(tmp_path / "corpus")
    os.mkfifo(corpus / "waiting.txt")
    os.mkfifo(corpus / "records.jsonl")
    code, stdout, stderr = run_process("build", corpus, "--no-cache", "--jobs", "1")
    assert code == 2
    assert f"{corpus / 'waiting.txt'}: is a FIFO (named pipe), not a regular file; skipped" in stderr
    assert f"{corpus / 'records.jsonl'}: is a FIFO (named pipe), not a regular file; skipped" in stderr
    assert set(documents(stdout)) == {"daily", "herald"}


def test_fifo_named_on_the_command_line_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "named.txt")
    code, _, stderr = run_process("corpus", tmp_path / "named.txt")
    assert code == 2 and "named.txt: is a FIFO (named pipe), not a regular file; skipped" in stderr


def test_a_file_swapped_for_a_fifo_after_the_listing_is_refused_when_opened(tmp_path: Path) -> None:
    """The file type is checked again on the open descriptor (opened without blocking)."""
    path = tmp_path / "swapped.txt"
    path.write_text(article(4), encoding="utf-8")
    (item,) = [entry for entry in iter_sources([tmp_path]) if isinstance(entry, SourceItem)]
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(InputError) as error:
        item.raw_bytes()
    assert "is a FIFO" in error.value.problem.message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_never_read(tmp_path: Path, device: str) -> None:
    corpus = two_articles(tmp_path / "corpus")
    (corpus / "endless.txt").symlink_to(device)
    code, _, stderr = run_process("corpus", corpus)
    assert code == 2 and "endless.txt: is a symlink to something outside the corpus folder" in stderr
    code, _, stderr = run_process("corpus", corpus, "--follow-symlinks")
    assert code == 2 and "endless.txt: is a device, not a regular file; skipped" in stderr


def test_documents_over_the_size_limit_are_refused_with_the_limit_named(tmp_path: Path) -> None:
    corpus = two_articles(tmp_path / "corpus")
    with (corpus / "huge.txt").open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    records = [f'{{"id": "r{n}", "text": "{article(4)!r}"}}' for n in range(2)]
    long_record = '{"id": "long", "text": "' + "word " * 400 + '"}'
    (corpus / "feed.jsonl").write_text("\n".join([records[0], long_record, records[1]]), encoding="utf-8")
    code, stdout, stderr = run("build", corpus, "--no-cache", "--max-document-size", "1KB")
    assert code == 2
    assert f"{corpus / 'huge.txt'}: is 200 MB, over the limit of 1 KB per document" in stderr
    assert f"{corpus / 'feed.jsonl'}:2: the record on this line is over the limit of 1 KB" in stderr
    assert {"daily", "herald", "r0", "r1"} <= set(documents(stdout))
    code, _, stderr = run("corpus", corpus)  # the default limit, 10 MB
    assert code == 2 and "huge.txt: is 200 MB, over the limit of 10 MB per document" in stderr
    code, _, stderr = run("corpus", corpus, "--max-document-size", "lots")
    assert code == 2 and "--max-document-size: 'lots' is not a size such as 10MB" in stderr


def test_an_unreadable_folder_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = two_articles(tmp_path / "corpus")
    (corpus / "locked").mkdir()
    (corpus / "locked" / "inside.txt").write_text(article(6), encoding="utf-8")
    listing = os.scandir

    def refuse_locked(path: str) -> object:
        if Path(path).name == "locked":  # what chmod 000 does for anyone but root
            raise PermissionError(13, "Permission denied", path)
        return listing(path)

    monkeypatch.setattr(corpus_files.os, "scandir", refuse_locked)
    entries = list(iter_sources([corpus]))
    problems = [str(entry) for entry in entries if isinstance(entry, InputProblem)]
    assert problems == [f"{corpus / 'locked'}: folder cannot be read: Permission denied"]
    assert len([entry for entry in entries if isinstance(entry, SourceItem)]) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root may list any folder")
def test_a_folder_without_permissions_is_reported(tmp_path: Path) -> None:
    corpus = two_articles(tmp_path / "corpus")
    (corpus / "locked").mkdir(mode=0)
    try:
        code, _, stderr = run("corpus", corpus)
    finally:
        (corpus / "locked").chmod(0o755)
    assert code == 2 and "locked: folder cannot be read: Permission denied" in stderr


def test_line_ends_of_every_kind_are_read(tmp_path: Path) -> None:
    text = article(4).replace("\n", "\r")  # old Mac line ends
    (tmp_path / "mac.txt").write_text(text, encoding="utf-8", newline="")
    (tmp_path / "mac-front.md").write_text(
        "---\rtitle: Bridge vote\r---\r" + text, encoding="utf-8", newline=""
    )
    record = '{"id": "x%d", "text": "The council voted on June 4, 2026."}'
    (tmp_path / "mac-records.jsonl").write_text(f"{record % 1}\r{record % 2}\r", encoding="utf-8", newline="")
    code, stdout, stderr = run("corpus", tmp_path, "--format", "json")
    assert code == 0, stderr
    assert '"published": "2026-06-06"' in stdout and '"title": "Bridge vote"' in stdout
    assert '"id": "x1"' in stdout and '"id": "x2"' in stdout


@pytest.mark.parametrize(
    ("value", "accepted"), [("true", False), ("1.5", False), ('""', False), ("7", True), ('"a-7"', True)]
)
def test_a_jsonl_id_is_a_string_or_a_whole_number(tmp_path: Path, value: str, accepted: bool) -> None:
    (tmp_path / "feed.jsonl").write_text(
        f'{{"id": {value}, "text": "The council voted."}}\n', encoding="utf-8"
    )
    code, _, stderr = run("corpus", tmp_path)
    assert (code == 0) == accepted, stderr
    if not accepted:
        assert f'feed.jsonl:1:8: "id" must be a non-empty string or a whole number, not {value}' in stderr


def test_an_impossible_dateline_is_reported_and_the_article_read_as_undated(tmp_path: Path) -> None:
    corpus = two_articles(tmp_path / "corpus")
    (corpus / "odd.txt").write_text(article(4).replace("Jun 06", "Feb 30"), encoding="utf-8")
    code, stdout, stderr = run("build", corpus, "--no-cache")
    assert code == 2
    assert f'{corpus / "odd.txt"}:1: the dateline "Published on: Feb 30, 2026" names no real day' in stderr
    assert "odd" in documents(stdout)
