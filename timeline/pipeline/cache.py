"""Per-document analysis cache: one JSON file per (document content, tool code and version, event catalog).

A re-run after one article changed only re-analyses that article. Entries are written atomically, so an
interrupted run leaves whole entries or none; an unreadable or foreign entry is treated as missing, never
trusted.
"""

from __future__ import annotations

import hashlib
import logging
import re
from functools import cache
from importlib import metadata
from pathlib import Path

from pydantic import ValidationError

from timeline import __version__
from timeline.atomic import remove_stale_temporaries, write_text_atomic
from timeline.corpus.files import read_regular
from timeline.diagnostics import InputError
from timeline.events.models import DocumentAnalysis

logger = logging.getLogger(__name__)

# Bump when what is stored changes shape (e.g. which Document fields are kept), so old entries are ignored.
CACHE_FORMAT = "4"
# The first line of an entry: this and its key.
ENTRY_HEADER = "timeline-cache"
# No analysis of a document within the size limit comes near this; anything larger is not an entry.
MAX_ENTRY_BYTES = 512 * 1024 * 1024


@cache
def code_fingerprint() -> str:
    """The tool's version, its own files and its dependencies' versions.

    The files count as well as the version number so that an edited checkout (a developer's, or a patched
    install) never reuses results of code that is no longer there; reading them takes milliseconds.
    """
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".yaml", ".yml", ".json", ".txt"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    try:
        requirements = metadata.requires("timeline") or []
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        requirements = []
    for requirement in sorted(requirements):
        name = re.match(r"[A-Za-z0-9._-]+", requirement)
        if name is None or "extra ==" in requirement:
            continue
        try:
            digest.update(f"{name.group()}=={metadata.version(name.group())}".encode())
        except metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()


class AnalysisCache:
    """Cached `DocumentAnalysis` JSON under `root/<2 hex>/<key>.json` (sharded so no folder gets huge).

    An entry is trusted only when it is a regular file (a FIFO or a link to /dev/zero is never opened for
    long, never read without end), no larger than MAX_ENTRY_BYTES, and its first line names its own key
    (an entry copied over another document's is a miss, not that document's analysis).
    """

    def __init__(self, root: Path, catalog_fingerprint: str) -> None:
        self.root = root
        # Everything besides the document's own bytes that changes what the analysis of a document is.
        self._salt = f"{CACHE_FORMAT}\0{code_fingerprint()}\0{catalog_fingerprint}\0"
        # Only a folder this run creates is marked as a cache (.gitignore "*"): `--cache-dir .` must never
        # hide the user's own files from git.
        self._ours = not root.exists()
        self._started = False
        self._unwritable = False
        self._tidied: set[str] = set()

    def key(self, content_hash: str) -> str:
        return hashlib.sha256((self._salt + content_hash).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    @staticmethod
    def _header(key: str) -> bytes:
        return f"{ENTRY_HEADER} {key}\n".encode()

    def load(self, key: str) -> DocumentAnalysis | None:
        path = self._path(key)
        try:
            raw = read_regular(str(path), str(path), MAX_ENTRY_BYTES)
        except InputError:
            return None  # missing, unreadable, not a regular file, too large: analyse again
        header = self._header(key)
        if not raw.startswith(header):
            return None  # from an older format, or another document's entry put in this one's place
        try:
            # bytes straight to pydantic's parser (it checks the UTF-8): no decoded copy of the text
            return DocumentAnalysis.model_validate_json(raw[len(header) :])
        except ValidationError:
            return None  # damaged or from an incompatible build: analyse again

    def store(self, key: str, analysis_json: str) -> None:
        """Keep one result; a cache that cannot be written (read-only, full disk) only costs speed."""
        if self._unwritable:
            return
        path = self._path(key)
        try:
            if not self._started:
                self._start()
            if path.parent.name not in self._tidied:  # temporary files of runs killed with -9
                self._tidied.add(path.parent.name)
                remove_stale_temporaries(path.parent)
            write_text_atomic(path, [self._header(key).decode(), analysis_json], tidy=False)
        except (OSError, InputError) as exc:
            self._unwritable = True
            logger.warning(
                "timeline: cannot write the cache in %s (%s); results are not kept", self.root, exc
            )

    def _start(self) -> None:
        """Keep a cache folder this run creates out of git and backups, as pytest's and mypy's are."""
        self._started = True
        if not self._ours:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.root / ".gitignore", "# created by timeline: the analysis cache\n*\n")
        write_text_atomic(
            self.root / "CACHEDIR.TAG",
            "Signature: 8a477f597d28d172789f06886806bc55\n# timeline's analysis cache\n",
        )
