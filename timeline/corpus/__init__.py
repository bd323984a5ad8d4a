"""corpus stage: read articles (txt, md, html, jsonl, with a corpus.yaml manifest), repair their encoding,
drop site boilerplate, split sentences and keep a map from every cleaned character to the original file."""

from timeline.corpus.models import Document, OffsetMap, Sentence
from timeline.corpus.reader import iter_documents, read_corpus, read_document
from timeline.corpus.sources import SourceItem, iter_sources

__all__ = [
    "Document",
    "OffsetMap",
    "Sentence",
    "SourceItem",
    "iter_documents",
    "iter_sources",
    "read_corpus",
    "read_document",
]
