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
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import get_args

from timeline.corpus.files import (
    DEFAULT_MAX_DOCUMENT_BYTES,
    DOCUMENT_SIZE_ADVICE,
    ReadPolicy,
    Walk,
    bounded_lines,
    describe_size,
    link_problem,
    not_regular_problem,
    open_regular,
    read_regular,
    shown,
)
from timeline.corpus.manifest import MANIFEST_NAME, Manifest, ManifestMetadata, load_manifest
from timeline.corpus.models import SourceFormat
from timeline.diagnostics import InputError, InputProblem

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
DEFAULT_POLICY = ReadPolicy()


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One document to read: a file, or one line of a JSONL file (its text and 1-based line number)."""

    path: str  # as shown and written (see files.shown): a name that is not UTF-8 or has controls, escaped
    format: SourceFormat
    metadata: ManifestMetadata | None = None
    line_text: str | None = None
    line_number: int | None = None
    # Under a walked folder, the path from that folder without the suffix ("nyt/story"), so that
    # nyt/story.txt and wapo/story.txt are two documents; a file named on its own is known by its stem.
    relative_name: str | None = None
    # Where the file is opened when that is not `path`: its real name when `path` shows it escaped, an
    # absolute path on a Dask worker (whose working folder is its own).
    location: str | None = None
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES  # the size limit for this document (--max-document-size)

    @property
    def file(self) -> str:
        """What to open."""
        return self.location or self.path

    @property
    def name(self) -> str:
        """The document's default id: its relative name under the corpus folder, else its file stem."""
        return self.relative_name or Path(self.path).stem

    @property
    def key(self) -> str:
        """Unique and stable: the path, or path:line for a JSONL record."""
        return self.path if self.line_number is None else f"{self.path}:{self.line_number}"

    def raw_bytes(self) -> bytes:
        """The document's original bytes (the JSONL line, or the whole file). Raises InputError."""
        if self.line_text is not None:
            return self.line_text.encode("utf-8")
        return read_regular(self.file, self.path, self.max_bytes)

    def content_hash(self) -> str:
        """Hash of everything the document is read from: its key, its bytes and its manifest metadata.

        The key is part of it because the Document carries its path: two copies of one file in two
        places are two documents.
        """
        digest = hashlib.sha256()
        digest.update(f"{self.key}\0{self.format}\0{self.metadata!r}\0".encode())
        try:
            digest.update(self.raw_bytes())
        except InputError as exc:
            digest.update(f"unreadable: {exc}".encode())  # read_document reports it; the hash must not fail
        return digest.hexdigest()


def iter_sources(
    paths: Sequence[Path], policy: ReadPolicy = DEFAULT_POLICY
) -> Iterator[SourceItem | InputProblem]:
    """Every document under `paths`, in a stable order, with problems in place."""
    manifests = _Manifests(policy)
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            missing = isinstance(exc, FileNotFoundError | NotADirectoryError)
            message = "no such file or folder" if missing else f"cannot be read: {exc.strerror or exc}"
            yield InputProblem(path=shown(path), message=message)
            continue
        if stat.S_ISDIR(mode):
            yield from _walk_folder(path, manifests, policy)
        elif not stat.S_ISREG(mode):
            yield not_regular_problem(shown(path), mode)
        elif (refused := link_problem(path, policy)) is not None:
            yield refused
        else:
            format = SUFFIX_FORMATS.get(path.suffix.lower())
            if format is None:
                known = " ".join(sorted(SUFFIX_FORMATS))
                yield InputProblem(path=shown(path), message=f"unsupported file type; use one of: {known}")
                continue
            yield from manifests.problems_of(path.parent)
            metadata = manifests.get(path.parent).lookup(path.name)
            yield from _file_items(os.fspath(path), format, metadata, policy)


class _Manifests:
    """Each folder's manifest, loaded once per discovery; its problems are reported once."""

    def __init__(self, policy: ReadPolicy) -> None:
        self._policy = policy
        self._loaded: dict[Path, Manifest] = {}
        self._reported: set[Path] = set()

    def get(self, folder: Path) -> Manifest:
        if folder not in self._loaded:
            self._loaded[folder] = load_manifest(folder, self._policy)
        return self._loaded[folder]

    def problems_of(self, folder: Path) -> list[InputProblem]:
        manifest = self.get(folder)
        if folder in self._reported:
            return []
        self._reported.add(folder)
        return manifest.problems


def _document_name(name: str) -> bool:
    """Whether a walk reads a file of this name (a known suffix; never the manifest itself)."""
    return Path(name).suffix.lower() in SUFFIX_FORMATS and name != MANIFEST_NAME


def _walk_folder(root: Path, manifests: _Manifests, policy: ReadPolicy) -> Iterator[SourceItem | InputProblem]:
    for found in Walk(root, policy, _document_name):
        if isinstance(found, InputProblem):
            yield found
        elif isinstance(found, Path):
            yield from manifests.problems_of(found)
        else:
            path = Path(found.location)
            format = SUFFIX_FORMATS[path.suffix.lower()]
            relative_name = shown(found.relative[: -len(path.suffix)] if path.suffix else found.relative)
            metadata = _nearest_metadata(root, path, manifests)
            yield from _file_items(found.location, format, metadata, policy, relative_name)


def _nearest_metadata(root: Path, path: Path, manifests: _Manifests) -> ManifestMetadata | None:
    """Metadata from the closest manifest, between the file's own folder and the walked root, naming it."""
    folder = path.parent
    while True:
        metadata = manifests.get(folder).lookup(path.relative_to(folder).as_posix())
        if metadata is not None or folder == root:
            return metadata
        folder = folder.parent


def _file_items(
    location: str,
    format: SourceFormat,
    metadata: ManifestMetadata | None,
    policy: ReadPolicy,
    relative_name: str | None = None,
) -> Iterator[SourceItem | InputProblem]:
    path = shown(location)
    if path != location:
        yield InputProblem(
            path=path,
            message="the file name is not UTF-8 text or holds control characters; the document is read and "
            "shown with the name escaped, as here (rename the file to keep its name)",
        )
    item = SourceItem(
        path=path,
        format=format,
        metadata=metadata,
        relative_name=relative_name,
        location=location if path != location else None,
        max_bytes=policy.max_document_bytes,
    )
    if format != "jsonl":
        yield item
        return
    yield from _jsonl_items(item)


def _jsonl_items(file: SourceItem) -> Iterator[SourceItem | InputProblem]:
    try:
        descriptor, _ = open_regular(file.file, file.path)
    except InputError as exc:
        yield exc.problem
        return
    with os.fdopen(descriptor, "rb") as handle:
        if b"\0" in handle.read(BINARY_SNIFF_BYTES):
            yield InputProblem(path=file.path, message="is a binary file, not JSON Lines text")
            return
        handle.seek(0)
        any_record = False
        for number, raw in enumerate(bounded_lines(handle, file.max_bytes), start=1):
            if raw is None:
                any_record = True
                yield InputProblem(
                    path=file.path,
                    line=number,
                    message=f"the record on this line is over the limit of {describe_size(file.max_bytes)} "
                    + DOCUMENT_SIZE_ADVICE,
                )
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a byte-order mark is no part of the record
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                column = len(raw[: exc.start].decode("utf-8", errors="replace")) + 1
                yield InputProblem(
                    path=file.path,
                    line=number,
                    column=column,
                    message=f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                )
                any_record = True  # the file has content, just not all of it readable
                continue
            if not line.strip():
                continue
            any_record = True
            yield replace(file, line_text=line, line_number=number)
        if not any_record:
            yield InputProblem(path=file.path, message="is empty: no JSON record on any line")
