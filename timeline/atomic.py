"""Atomic output: a reader sees the old file or the whole new one, never half of it.

The text goes to a temporary file next to the target (`.NAME.PID.XXXXXXXX.tmp`), is flushed to disk and
renamed over the target. Ctrl-C, SIGTERM and write errors remove the temporary file; a `kill -9` can leave
it behind, and the next write of the same target removes it once the process that made it is gone.

Where `-o` names something that is not a regular file: a character device or a pipe (/dev/null,
/dev/stdout, `-o >(gzip > t.gz)`) is written straight through, since that is what a user means by it and
replacing /dev/null with a file would break the machine; a folder, a block device or a socket is refused.
Every failure is an InputError: one line, `path: cannot write: reason`, exit 2.
"""

from __future__ import annotations

import errno
import fcntl
import os
import secrets
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from timeline.diagnostics import InputError, InputProblem, escape_controls

# Names for a descriptor this process already has open, whatever it is connected to.
_STANDARD_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}
_DESCRIPTOR_FOLDERS = ("/dev/fd/", "/proc/self/fd/")
# A temporary file whose maker cannot be told (an older naming) is stale after this long.
STALE_SECONDS = 3600


def write_text_atomic(path: str | os.PathLike[str], text: str | Iterable[str], *, tidy: bool = True) -> None:
    """Write `text` (or its pieces, one after another, so a large output never sits in memory whole) to
    `path`. `tidy`: first remove this target's temporary files left by killed runs. Raises InputError."""
    target = Path(path)
    pieces = [text] if isinstance(text, str) else text
    try:
        info = os.stat(target)  # follows links: what would be written is what counts
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    descriptor = _open_descriptor(target)
    if info is not None and (descriptor is not None or _is_stream(info.st_mode)):
        _write_through(target, pieces, descriptor)
        return
    if info is not None and not stat.S_ISREG(info.st_mode):
        problem = InputProblem(
            path=escape_controls(str(target)), message=f"{_what(info.st_mode)}; give a file name"
        )
        raise InputError(problem)
    # A symlink to a file stays a link: the file it points at is replaced.
    real = Path(os.path.realpath(target)) if info is not None else target
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        if tidy:
            remove_stale_temporaries(real.parent, real.name)
        _replace(real, pieces)
    except OSError as exc:
        raise _cannot_write(target, exc) from None


def _replace(target: Path, pieces: Iterable[str]) -> None:
    # Named before it exists (rather than by mkstemp), so that a Ctrl-C at any point, even between the
    # file's creation and the first line below, finds the name to remove.
    tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), _mode_for(target))  # private while written; an output is not
            handle.writelines(pieces)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:  # Ctrl-C, SIGTERM (see cli/app.py), a full disk: never leave the temporary file
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path, name: str = "") -> None:
    """Remove `folder`'s temporary files (of the target `name`, else of any) whose process is gone."""
    prefix = f".{name}." if name else "."
    try:
        candidates = [entry for entry in os.scandir(folder) if entry.name.startswith(prefix)]
    except OSError:
        return
    for entry in candidates:
        if entry.name.endswith(".tmp") and _is_stale(entry):
            Path(entry.path).unlink(missing_ok=True)


def _is_stale(entry: os.DirEntry[str]) -> bool:
    parts = entry.name.rsplit(".", 3)  # [".NAME", PID, random, "tmp"]
    maker = int(parts[1]) if len(parts) == 4 and parts[1].isdigit() else None
    if maker is None:
        try:
            return time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
        except OSError:
            return False
    if maker == os.getpid():
        return False
    try:
        os.kill(maker, 0)
    except ProcessLookupError:
        return True
    except OSError:  # another user's process: alive
        return False
    return False


def _open_descriptor(target: Path) -> int | None:
    """The descriptor that /dev/stdout, /dev/stderr or /dev/fd/N names."""
    name = os.path.abspath(target)
    if name in _STANDARD_STREAMS:
        return _STANDARD_STREAMS[name]
    for folder in _DESCRIPTOR_FOLDERS:
        if name.startswith(folder) and name[len(folder) :].isdigit():
            return int(name[len(folder) :])
    return None


def _is_stream(mode: int) -> bool:
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_through(target: Path, pieces: Iterable[str], descriptor: int | None) -> None:
    """Write into a device, a pipe or a descriptor already open (never replace it)."""
    try:
        if descriptor is not None:
            # The same open file as our own stdout or stderr: what was printed before stays before.
            sys.stdout.flush()
            sys.stderr.flush()
            fd = os.dup(descriptor)
        else:
            # O_NONBLOCK for the open only: a FIFO nobody reads would otherwise wait for ever.
            fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    except OSError as exc:
        raise _cannot_write(target, exc, "nothing is reading this pipe") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(pieces)
    except OSError as exc:
        raise _cannot_write(target, exc) from None


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISBLK(mode):
        return "is a block device, which an output never replaces"
    return "is not a regular file"


def _cannot_write(target: Path, exc: OSError, when_no_reader: str = "") -> InputError:
    reason = exc.strerror or str(exc)
    if when_no_reader and exc.errno == errno.ENXIO:  # opening a FIFO that has no reader
        reason = when_no_reader
    return InputError(InputProblem(path=escape_controls(str(target)), message=f"cannot write: {reason}"))


def _mode_for(target: Path) -> int:
    """The mode the file being replaced had, else what a plain new file gets under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
