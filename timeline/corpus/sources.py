"""Finding documents: files and folders in, a stream of small picklable `SourceItem`s out.

A folder is walked recursively in sorted order (hidden files and folders skipped). Its `corpus.yaml`
manifest, if any, adds metadata to the files it names; files it does not name are read all the same.
A .jsonl file yields one item per non-blank line, read lazily, so a corpus of a million records never
sits in memory. Problems (a missing path, a bad manifest, an undecodable JSONL line) come out of the same
stream as `InputProblem`s, in place, so the caller reports them in discovery order.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from timeline.corpus.manifest import MANIFEST_NAME, Manifest, ManifestMetadata, load_manifest
from timeline.corpus.models import SourceFormat
from timeline.diagnostics import InputProblem

SUFFIX_FORMATS: dict[str, SourceFormat] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
assert set(SUFFIX_FORMATS.values()) == set(get_args(SourceFormat))

# How much of a file is looked at to tell text from binary.
BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One document to read: a file, or one line of a JSONL file (its text and 1-based line number)."""

    path: str
    format: SourceFormat
    metadata: ManifestMetadata | None = None
    line_text: str | None = None
    line_number: int | None = None
    # Under a walked folder, the path from that folder without the suffix ("nyt/story"), so that
    # nyt/story.txt and wapo/story.txt are two documents; a file named on its own is known by its stem.
    relative_name: str | None = None

    @property
    def name(self) -> str:
        """The document's default id: its relative name under the corpus folder, else its file stem."""
        return self.relative_name or Path(self.path).stem

    @property
    def key(self) -> str:
        """Unique and stable: the path, or path:line for a JSONL record."""
        return self.path if self.line_number is None else f"{self.path}:{self.line_number}"

    def raw_bytes(self) -> bytes:
        """The document's original bytes (the JSONL line, or the whole file). Raises OSError."""
        if self.line_text is not None:
            return self.line_text.encode("utf-8")
        return Path(self.path).read_bytes()

    def content_hash(self) -> str:
        """Hash of everything the document is read from: its key, its bytes and its manifest metadata.

        The key is part of it because the Document carries its path: two copies of one file in two
        places are two documents.
        """
        digest = hashlib.sha256()
        digest.update(f"{self.key}\0{self.format}\0{self.metadata!r}\0".encode())
        try:
            digest.update(self.raw_bytes())
        except OSError as exc:
            digest.update(f"unreadable: {exc}".encode())  # read_document reports it; the hash must not fail
        return digest.hexdigest()


def iter_sources(paths: Sequence[Path]) -> Iterator[SourceItem | InputProblem]:
    """Every document under `paths`, in a stable order, with problems in place."""
    manifests = _Manifests()
    for path in paths:
        if path.is_dir():
            yield from _walk_folder(path, manifests)
        elif path.is_file():
            format = SUFFIX_FORMATS.get(path.suffix.lower())
            if format is None:
                known = " ".join(sorted(SUFFIX_FORMATS))
                yield InputProblem(path=str(path), message=f"unsupported file type; use one of: {known}")
                continue
            yield from manifests.problems_of(path.parent)
            metadata = manifests.get(path.parent).lookup(path.name)
            yield from _file_items(path, format, metadata)
        else:
            yield InputProblem(path=str(path), message="no such file or folder")


class _Manifests:
    """Each folder's manifest, loaded once per discovery; its problems are reported once."""

    def __init__(self) -> None:
        self._loaded: dict[Path, Manifest] = {}
        self._reported: set[Path] = set()

    def get(self, folder: Path) -> Manifest:
        if folder not in self._loaded:
            self._loaded[folder] = load_manifest(folder)
        return self._loaded[folder]

    def problems_of(self, folder: Path) -> list[InputProblem]:
        manifest = self.get(folder)
        if folder in self._reported:
            return []
        self._reported.add(folder)
        return manifest.problems


def _walk_folder(root: Path, manifests: _Manifests) -> Iterator[SourceItem | InputProblem]:
    for folder_name, folder_names, file_names in os.walk(root):
        folder_names[:] = sorted(name for name in folder_names if not name.startswith("."))
        folder = Path(folder_name)
        yield from manifests.problems_of(folder)
        for name in sorted(file_names):
            format = SUFFIX_FORMATS.get(Path(name).suffix.lower())
            if format is None or name.startswith(".") or name == MANIFEST_NAME:
                continue
            path = folder / name
            relative_name = path.relative_to(root).with_suffix("").as_posix()
            yield from _file_items(path, format, _nearest_metadata(root, path, manifests), relative_name)


def _nearest_metadata(root: Path, path: Path, manifests: _Manifests) -> ManifestMetadata | None:
    """Metadata from the closest manifest, between the file's own folder and the walked root, naming it."""
    folder = path.parent
    while True:
        metadata = manifests.get(folder).lookup(path.relative_to(folder).as_posix())
        if metadata is not None or folder == root:
            return metadata
        folder = folder.parent


def _file_items(
    path: Path, format: SourceFormat, metadata: ManifestMetadata | None, relative_name: str | None = None
) -> Iterator[SourceItem | InputProblem]:
    if format != "jsonl":
        yield SourceItem(path=str(path), format=format, metadata=metadata, relative_name=relative_name)
        return
    yield from _jsonl_items(path, metadata, relative_name)


def _jsonl_items(
    path: Path, metadata: ManifestMetadata | None, relative_name: str | None
) -> Iterator[SourceItem | InputProblem]:
    shown = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputProblem(path=shown, message=f"cannot be read: {exc.strerror or exc}")
        return
    with handle:
        if b"\0" in handle.read(BINARY_SNIFF_BYTES):
            yield InputProblem(path=shown, message="is a binary file, not JSON Lines text")
            return
        handle.seek(0)
        any_record = False
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a byte-order mark is no part of the record
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                column = len(raw[: exc.start].decode("utf-8", errors="replace")) + 1
                yield InputProblem(
                    path=shown,
                    line=number,
                    column=column,
                    message=f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                )
                any_record = True  # the file has content, just not all of it readable
                continue
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            any_record = True
            yield SourceItem(
                path=shown,
                format="jsonl",
                metadata=metadata,
                line_text=line,
                line_number=number,
                relative_name=relative_name,
            )
        if not any_record:
            yield InputProblem(path=shown, message="is empty: no JSON record on any line")
