"""events stage: event mentions from the catalog (`events:` in rule files) and open extraction."""

from timeline.events.catalog import Catalog, CatalogEvent, EventSpec, catalog_json_schema, load_catalog
from timeline.events.extract import extract_mentions
from timeline.events.models import DocumentAnalysis, Mention
from timeline.events.rulefiles import load_rule_files

__all__ = [
    "Catalog",
    "CatalogEvent",
    "DocumentAnalysis",
    "EventSpec",
    "Mention",
    "catalog_json_schema",
    "extract_mentions",
    "load_catalog",
    "load_rule_files",
]
