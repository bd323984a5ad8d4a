"""Per-document analysis cache: one JSON file per (document content, tool version, event catalog).

A re-run after one article changed only re-analyses that article. Entries are written atomically, so an
interrupted run leaves whole entries or none; an unreadable entry is treated as missing, never trusted.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from timeline import __version__
from timeline.atomic import write_text_atomic
from timeline.events.models import DocumentAnalysis

# Bump when what is stored changes shape (e.g. which Document fields are kept), so old entries are ignored.
CACHE_FORMAT = "1"


class AnalysisCache:
    """Cached `DocumentAnalysis` JSON under `root/<2 hex>/<key>.json` (sharded so no folder gets huge)."""

    def __init__(self, root: Path, catalog_fingerprint: str) -> None:
        self.root = root
        # Everything besides the document's own bytes that changes what the analysis of a document is.
        self._salt = f"{CACHE_FORMAT}\0{__version__}\0{catalog_fingerprint}\0"

    def key(self, content_hash: str) -> str:
        return hashlib.sha256((self._salt + content_hash).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def load(self, key: str) -> DocumentAnalysis | None:
        try:
            text = self._path(key).read_text(encoding="utf-8")
            return DocumentAnalysis.model_validate_json(text)
        except (OSError, UnicodeDecodeError, ValidationError):
            return None  # missing, unreadable or from an incompatible build: analyse again

    def store(self, key: str, analysis_json: str) -> None:
        write_text_atomic(self._path(key), analysis_json)
