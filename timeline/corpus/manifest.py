"""The `corpus.yaml` manifest of a folder: metadata for the files the folder holds.

    documents:
      - file: 000_story.txt         # relative to the folder; must stay inside it
        title: A headline
        source: The Associated Press
        published: 2026-06-06       # only when known; never guessed
        url: https://example.org/story

Every problem names the manifest's line and column; the entries that are fine are still used.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline.corpus.dateline import parse_date
from timeline.corpus.files import ReadPolicy, link_problem, read_regular, shown
from timeline.diagnostics import InputError, InputProblem
from timeline.yamlsource import LocatedYaml, load_yaml

MANIFEST_NAME = "corpus.yaml"
ENTRY_KEYS = ("file", "title", "source", "published", "url")


@dataclass(frozen=True, slots=True)
class ManifestMetadata:
    """What a manifest says about one file; `where` is the entry's file:line, for evidence."""

    where: str
    title: str | None = None
    source: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass
class Manifest:
    entries: dict[str, ManifestMetadata] = field(default_factory=dict)  # by normalised relative path
    problems: list[InputProblem] = field(default_factory=list)

    def lookup(self, relative_path: str) -> ManifestMetadata | None:
        return self.entries.get(relative_path)


def load_manifest(folder: Path, policy: ReadPolicy) -> Manifest:
    """The folder's manifest; an empty one when there is none. Never raises for bad content.

    Read under the same policy as the documents: a regular file within the size limit, and a symlink
    only when it stays in the folder (or with --follow-symlinks).
    """
    path = folder / MANIFEST_NAME
    manifest = Manifest()
    if not os.path.lexists(path):
        return manifest
    name = shown(path)
    refused = link_problem(path, policy)
    if refused is not None:
        manifest.problems.append(refused)
        return manifest
    try:
        text = read_regular(os.fspath(path), name, policy.max_document_bytes).decode("utf-8-sig")
    except InputError as exc:
        manifest.problems.append(exc.problem)
        return manifest
    except UnicodeDecodeError as exc:
        manifest.problems.append(InputProblem(path=name, message=f"cannot be read as UTF-8 text: {exc}"))
        return manifest
    try:
        located = load_yaml(text, name)
    except InputError as exc:
        manifest.problems.append(exc.problem)
        return manifest
    data = located.data
    if data is None:
        return manifest
    if not isinstance(data, dict) or "documents" not in data:
        manifest.problems.append(
            located.problem((), "a manifest is a mapping with a 'documents:' list of entries")
        )
        return manifest
    for key in data:
        if key != "documents":
            manifest.problems.append(
                located.problem(
                    (key,), f"unknown key '{key}'; the only top-level key is 'documents'", key=True
                )
            )
    documents = data["documents"]
    if not isinstance(documents, list):
        manifest.problems.append(located.problem(("documents",), "'documents' must be a list of entries"))
        return manifest
    for index, entry in enumerate(documents):
        _read_entry(folder, located, index, entry, manifest)
    return manifest


def _read_entry(folder: Path, located: LocatedYaml, index: int, entry: Any, manifest: Manifest) -> None:
    at: tuple[str | int, ...] = ("documents", index)
    if not isinstance(entry, dict):
        manifest.problems.append(located.problem(at, "each entry is a mapping with at least 'file:'"))
        return
    for key in entry:
        if key not in ENTRY_KEYS:
            manifest.problems.append(
                located.problem(
                    (*at, key), f"unknown key '{key}'; use one of: {', '.join(ENTRY_KEYS)}", key=True
                )
            )
    file = entry.get("file")
    if not isinstance(file, str) or not file.strip():
        manifest.problems.append(located.problem(at, "entry has no 'file:' naming the document"))
        return
    relative = posixpath.normpath(file.strip().replace("\\", "/"))
    if posixpath.isabs(relative) or relative == ".." or relative.startswith("../"):
        manifest.problems.append(
            located.problem(
                (*at, "file"), f"'{file}' is outside the corpus folder; name a file inside {folder}"
            )
        )
        return
    if not (folder / relative).is_file():
        manifest.problems.append(located.problem((*at, "file"), f"'{file}' does not exist in {folder}"))
        return
    if relative in manifest.entries:
        manifest.problems.append(
            located.problem((*at, "file"), f"'{file}' is listed twice; keep one entry per file")
        )
        return
    line, _ = located.where(at)
    texts: dict[str, str | None] = {}
    for key in ("title", "source", "url"):
        value = entry.get(key)
        if value is not None and not isinstance(value, str | int | float):
            manifest.problems.append(located.problem((*at, key), f"'{key}' must be plain text"))
            value = None
        texts[key] = str(value).strip() if value is not None else None
    manifest.entries[relative] = ManifestMetadata(
        where=f"{located.path}:{line}",
        title=texts["title"] or None,
        source=texts["source"] or None,
        published=_published(located, at, entry.get("published"), manifest),
        url=texts["url"] or None,
    )


def _published(
    located: LocatedYaml, at: tuple[str | int, ...], value: Any, manifest: Manifest
) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        manifest.problems.append(
            located.problem(
                (*at, "published"), f"'{value}' is not a real calendar date; write it as YYYY-MM-DD"
            )
        )
    return parsed
