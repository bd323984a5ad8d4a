"""Per-document work, the part that runs anywhere: in this process, a worker process or a Dask worker."""

from __future__ import annotations

from timeline.corpus import SourceItem, read_document
from timeline.corpus.models import OffsetMap
from timeline.corpus.reader import unexpected_problem
from timeline.diagnostics import InputError
from timeline.events import Catalog, extract_mentions
from timeline.events.models import DocumentAnalysis
from timeline.temporal import tag


def analyse_source(item: SourceItem, catalog: Catalog) -> DocumentAnalysis:
    """Read one document, tag its time expressions and extract its event mentions. Raises InputError."""
    document = read_document(item)
    timexes = tag(document.text, document.published)
    mentions = extract_mentions(document, timexes, catalog)
    return DocumentAnalysis(document=document, timexes=timexes, mentions=mentions)


def analyse_chunk(items: list[SourceItem], catalog: Catalog) -> list[tuple[bool, str]]:
    """Worker side: (True, analysis JSON) or (False, problem JSON) for each item, in order.

    JSON rather than objects: it is what the cache stores, so computed and cached results take the same
    path back into the merge.
    """
    outcomes: list[tuple[bool, str]] = []
    for item in items:
        try:
            analysis = slim(analyse_source(item, catalog))
            # Without the defaults: half the bytes, and a third less memory once parsed again.
            outcomes.append((True, analysis.model_dump_json(exclude_defaults=True)))
        except InputError as exc:
            outcomes.append((False, exc.problem.model_dump_json()))
        except Exception as exc:  # a bug on one odd document must not lose the other documents
            outcomes.append((False, unexpected_problem(item, exc, "analysed").model_dump_json()))
    return outcomes


def slim(analysis: DocumentAnalysis) -> DocumentAnalysis:
    """Only what the merge needs (the document's metadata and the mentions), to keep memory flat.

    The text, its sentence and offset maps and the document's own time expressions are dropped (a
    mention keeps the one that dates it); at 100k articles they would be most of the merge's memory.
    """
    document = analysis.document
    offsets = OffsetMap(first_line=document.offsets.first_line, column_offset=document.offsets.column_offset)
    kept = document.model_copy(update={"text": "", "sentences": [], "offsets": offsets})
    return analysis.model_copy(update={"document": kept, "timexes": []})
