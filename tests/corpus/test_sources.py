"""Discovery: stable order, manifests applied, JSONL streamed line by line, items small and picklable."""

from __future__ import annotations

import pickle
from pathlib import Path

from timeline.corpus import SourceItem, iter_documents, iter_sources
from timeline.diagnostics import InputProblem


def test_folders_are_walked_in_sorted_order_and_hidden_or_unknown_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second story text.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First story text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("<p>Third story text.</p>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not a story.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    keys = [item.key for item in iter_sources([tmp_path]) if isinstance(item, SourceItem)]
    assert keys == [str(tmp_path / "a.md"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.html")]


def test_jsonl_items_are_one_per_line_with_their_line_number(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "x", "text": "One."}\n\n{"id": "y", "text": "Two."}\n', encoding="utf-8")
    items = list(iter_sources([path]))
    assert [(item.key, item.line_text) for item in items if isinstance(item, SourceItem)] == [
        (f"{path}:1", '{"id": "x", "text": "One."}'),
        (f"{path}:3", '{"id": "y", "text": "Two."}'),
    ]


def test_jsonl_is_streamed_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "x", "text": "One."}\n' * 3, encoding="utf-8")
    stream = iter_sources([path])
    first = next(stream)
    with path.open("a", encoding="utf-8") as more:  # written after discovery started
        more.write('{"id": "late", "text": "Late."}\n' + "\n" * 20000)
    rest = list(stream)
    assert isinstance(first, SourceItem)
    assert [item.line_number for item in rest if isinstance(item, SourceItem)] == [2, 3, 4]


def test_items_pickle_and_hash_what_they_are_read_from(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The council met.", encoding="utf-8")
    item = SourceItem(path=str(path), format="txt")
    assert pickle.loads(pickle.dumps(item)) == item
    before = item.content_hash()
    assert before == SourceItem(path=str(path), format="txt").content_hash()
    path.write_text("The council met again.", encoding="utf-8")
    assert item.content_hash() != before
    copy = tmp_path / "copy.txt"
    copy.write_text("The council met again.", encoding="utf-8")
    assert SourceItem(path=str(copy), format="txt").content_hash() != item.content_hash()


def test_an_explicit_file_gets_its_folders_manifest(tmp_path: Path) -> None:
    (tmp_path / "corpus.yaml").write_text(
        "documents:\n  - file: s.txt\n    source: Town Crier\n", encoding="utf-8"
    )
    (tmp_path / "s.txt").write_text("The council met on Monday.", encoding="utf-8")
    documents = [
        entry for entry in iter_documents([tmp_path / "s.txt"]) if not isinstance(entry, InputProblem)
    ]
    assert [document.source for document in documents] == ["Town Crier"]


def test_crlf_and_byte_order_mark_do_not_shift_columns(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("\ufeffHeadline here\r\n\r\nThe council met on Monday.\r\n".encode())
    (document,) = [entry for entry in iter_documents([path]) if not isinstance(entry, InputProblem)]
    assert document.text == "Headline here\n\nThe council met on Monday."
    assert document.locate(document.text.index("council")) == (3, 5)
