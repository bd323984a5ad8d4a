"""What the reader may open, and how: the corpus's file-system policy.

A corpus may come from an untrusted pull request, so reading it must never leak or hang:
* only regular files are read. FIFOs, devices and sockets are skipped with a warning, and every file is
  opened non-blocking and checked again on the open descriptor, so a file swapped for a FIFO between the
  listing and the read cannot hang the build either;
* a symlink is followed only when it resolves inside the corpus folder it was found in (for a file named on
  the command line: inside that file's folder), and not to a hidden file or folder there, unless the user
  passes `--follow-symlinks`; otherwise it is skipped with a warning. A link to /etc/passwd or to
  .git/config never puts that file's text into an output;
* a document larger than the size limit (10 MB by default, `--max-document-size`) is refused with a message
  that says so, instead of running out of memory;
* a folder that cannot be listed is reported, never skipped silently.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from timeline.diagnostics import InputError, InputProblem, escape_controls

DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3, "GB": 1024**3}
_READ_BLOCK = 1 << 20


@dataclass(frozen=True)
class ReadPolicy:
    """How far the reader may go: symlinks out of the corpus folder, and the size of one document."""

    follow_symlinks: bool = False
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES


def read_policy(follow_symlinks: bool = False, max_document_size: str | None = None) -> ReadPolicy:
    """The policy from the command line's --follow-symlinks and --max-document-size; InputError if bad."""
    try:
        limit = parse_size(max_document_size) if max_document_size else DEFAULT_MAX_DOCUMENT_BYTES
    except ValueError as exc:
        raise InputError(InputProblem(path="--max-document-size", message=str(exc))) from None
    return ReadPolicy(follow_symlinks=follow_symlinks, max_document_bytes=limit)


def parse_size(text: str) -> int:
    """Bytes in "10MB", "500KB", "2G" or "1048576"; raises ValueError for anything else or zero."""
    cleaned = text.strip().upper().replace(" ", "")
    number = cleaned.rstrip("BKMG")
    unit = cleaned[len(number) :]
    if unit not in _UNITS or not number.replace(".", "", 1).isdigit():
        raise ValueError(f"'{text}' is not a size such as 10MB, 500KB or 2GB")
    size = int(float(number) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"'{text}' must be more than 0 bytes")
    return size


def describe_size(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def shown(path: str | os.PathLike[str]) -> str:
    """The path as it is written to JSON and printed: an undecodable byte of a non-UTF-8 name as `\\xe9`,
    a control character as `\\n` or `\\x1b` (see `escape_controls`); an ordinary path unchanged."""
    return escape_controls(os.fspath(path))


DOCUMENT_SIZE_ADVICE = "per document; split it, or raise the limit with --max-document-size"


def size_problem(path: str, size: int, limit: int, advice: str = DOCUMENT_SIZE_ADVICE) -> InputProblem:
    return InputProblem(
        path=path, message=f"is {describe_size(size)}, over the limit of {describe_size(limit)} {advice}"
    )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_regular_problem(path: str, mode: int) -> InputProblem:
    return InputProblem(path=path, message=f"is {_kind(mode)}, not a regular file; skipped")


def open_regular(location: str, shown_path: str) -> tuple[int, int]:
    """A read-only descriptor on a regular file and its size; InputError for anything else.

    O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever. The file type is checked on the
    open descriptor, so what is read is what was checked.
    """
    try:
        descriptor = os.open(location, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(InputProblem(path=shown_path, message=f"cannot be read: {exc.strerror or exc}")) from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise InputError(not_regular_problem(shown_path, info.st_mode))
    return descriptor, info.st_size


def read_regular(location: str, shown_path: str, limit: int, advice: str = DOCUMENT_SIZE_ADVICE) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError (one clear line) otherwise."""
    descriptor, size = open_regular(location, shown_path)
    try:
        if size > limit:
            raise InputError(size_problem(shown_path, size, limit, advice))
        pieces: list[bytes] = []
        total = 0
        while total <= limit:  # the file may grow while it is read: never past the limit
            piece = os.read(descriptor, min(_READ_BLOCK, limit + 1 - total))
            if not piece:
                break
            pieces.append(piece)
            total += len(piece)
        if total > limit:
            raise InputError(size_problem(shown_path, total, limit, advice))
        return b"".join(pieces)
    except OSError as exc:
        raise InputError(InputProblem(path=shown_path, message=f"cannot be read: {exc.strerror or exc}")) from None
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class FoundFile:
    """A file the walk found to read."""

    location: str  # what to open (the real name, undecodable bytes and all)
    relative: str  # its path under the walked folder, "/"-separated, as shown


class Walk:
    """Everything to read under one corpus folder, sorted, hidden entries skipped.

    Yields each folder as it is entered (a Path: its manifest applies from there), the files in it that
    `wanted` accepts by name, then its subfolders; problems come in place.
    """

    def __init__(self, root: Path, policy: ReadPolicy, wanted: Callable[[str], bool]) -> None:
        self.root = root
        self.policy = policy
        self._wanted = wanted
        self._real_root = os.path.realpath(root)
        self._seen_folders: set[tuple[int, int]] = set()

    def __iter__(self) -> Iterator[Path | FoundFile | InputProblem]:
        return self._folder(os.fspath(self.root), "")

    def _folder(self, folder: str, prefix: str) -> Iterator[Path | FoundFile | InputProblem]:
        try:
            info = os.stat(folder)
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            yield InputProblem(path=shown(folder), message=f"folder cannot be read: {exc.strerror or exc}")
            return
        if (info.st_dev, info.st_ino) in self._seen_folders:  # reached again through a link: read once
            return
        self._seen_folders.add((info.st_dev, info.st_ino))
        yield Path(folder)
        subfolders: list[tuple[str, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = f"{prefix}{entry.name}"
            location = os.fspath(Path(folder, entry.name))  # "x.txt" in ".", not "./x.txt"
            verdict = self._verdict(entry)
            if verdict == "folder":
                subfolders.append((location, f"{relative}/"))
            elif verdict == "file":
                yield FoundFile(location=location, relative=relative)
            elif isinstance(verdict, InputProblem):
                yield verdict
        for path, relative in subfolders:  # the folder's own files first, as os.walk gives them
            yield from self._folder(path, relative)

    def _verdict(self, entry: os.DirEntry[str]) -> str | InputProblem | None:
        """'file', 'folder', None (not a document: left alone) or the problem to report."""
        link = entry.is_symlink()
        try:
            mode = entry.stat(follow_symlinks=link).st_mode
        except OSError as exc:
            if link and not self._wanted(entry.name):
                return None
            message = "is a broken symlink" if link else f"cannot be read: {exc.strerror or exc}"
            return InputProblem(path=shown(entry.path), message=f"{message}; skipped")
        folder = stat.S_ISDIR(mode)
        if not folder and not self._wanted(entry.name):
            return None
        refused = _link_refusal(self._real_root, entry.path, "the corpus folder") if link else None
        if refused and not self.policy.follow_symlinks:
            return InputProblem(path=shown(entry.path), message=refused)
        if folder:  # a link to a folder inside the corpus: its files are read once (see _seen_folders)
            return "folder"
        if stat.S_ISREG(mode):
            return "file"
        return not_regular_problem(shown(entry.path), mode)


def _link_refusal(real_folder: str, link: str | os.PathLike[str], folder_name: str) -> str | None:
    """Why a symlink is not followed, or None: it must resolve to what a walk of the folder reads itself,
    inside the folder and not hidden there (a link to .git/config must not put a CI token in an output)."""
    target = os.path.realpath(link)
    if os.path.commonpath([real_folder, target]) != real_folder:
        where = f"something outside {folder_name}"
    elif any(part.startswith(".") for part in Path(os.path.relpath(target, real_folder)).parts):
        where = f"a hidden file or folder in {folder_name}"
    else:
        return None
    return f"is a symlink to {where}; not read (pass --follow-symlinks to read it)"


def link_problem(path: Path, policy: ReadPolicy) -> InputProblem | None:
    """For a file named on its own: a symlink out of the file's folder is refused as in a walk."""
    if policy.follow_symlinks or not path.is_symlink():
        return None
    refused = _link_refusal(os.path.realpath(path.parent), path, "its folder")
    return InputProblem(path=shown(path), message=refused) if refused else None


_LINE_END = re.compile(rb"\r\n|\r|\n")


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of a stream without their line ends ("\\n", "\\r\\n" or a lone "\\r"); None for a line
    longer than `limit` bytes, which is skipped without ever being held in memory whole."""
    buffer = b""
    overlong = False
    while True:
        data = handle.read(_READ_BLOCK)
        buffer += data
        start = 0
        for end in _LINE_END.finditer(buffer):
            if data and end.group() == b"\r" and end.end() == len(buffer):
                break  # maybe the first half of "\r\n": wait for the next block
            line = buffer[start : end.start()]
            yield None if overlong or len(line) > limit else line
            overlong = False
            start = end.end()
        buffer = buffer[start:]
        if len(buffer) > limit:  # the rest of this line is only counted, never kept
            overlong = True
            buffer = b""
        if not data:
            if buffer or overlong:
                yield None if overlong else buffer
            return
