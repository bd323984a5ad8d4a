"""Per-document analysis cache: one JSON file per (document content, tool code and version, event catalog).

A re-run after one article changed only re-analyses that article. Entries are written atomically, so an
interrupted run leaves whole entries or none; an unreadable entry is treated as missing, never trusted.
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
from timeline.atomic import write_text_atomic
from timeline.events.models import DocumentAnalysis

logger = logging.getLogger(__name__)

# Bump when what is stored changes shape (e.g. which Document fields are kept), so old entries are ignored.
CACHE_FORMAT = "3"


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
    """Cached `DocumentAnalysis` JSON under `root/<2 hex>/<key>.json` (sharded so no folder gets huge)."""

    def __init__(self, root: Path, catalog_fingerprint: str) -> None:
        self.root = root
        # Everything besides the document's own bytes that changes what the analysis of a document is.
        self._salt = f"{CACHE_FORMAT}\0{code_fingerprint()}\0{catalog_fingerprint}\0"
        self._marked = False
        self._unwritable = False

    def key(self, content_hash: str) -> str:
        return hashlib.sha256((self._salt + content_hash).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def load(self, key: str) -> DocumentAnalysis | None:
        try:
            # bytes straight to pydantic's parser (it checks the UTF-8): no decoded copy of the text
            return DocumentAnalysis.model_validate_json(self._path(key).read_bytes())
        except (OSError, ValidationError):
            return None  # missing, unreadable or from an incompatible build: analyse again

    def store(self, key: str, analysis_json: str) -> None:
        """Keep one result; a cache that cannot be written (read-only, full disk) only costs speed."""
        if self._unwritable:
            return
        try:
            if not self._marked:
                self._mark_as_cache()
            write_text_atomic(self._path(key), analysis_json)
        except OSError as exc:
            self._unwritable = True
            logger.warning(
                "timeline: cannot write the cache in %s (%s); results are not kept", self.root, exc
            )

    def _mark_as_cache(self) -> None:
        """Keep the cache out of git and backups, the way pytest's and mypy's caches do."""
        self._marked = True
        if not (self.root / ".gitignore").exists():
            write_text_atomic(self.root / ".gitignore", "# created by timeline: the analysis cache\n*\n")
            write_text_atomic(
                self.root / "CACHEDIR.TAG",
                "Signature: 8a477f597d28d172789f06886806bc55\n# timeline's analysis cache\n",
            )
