"""The classic-text catalog, a leaf of the core: it imports only stages, vocab, errors and settings.

``schema`` (pydantic models), ``loader`` (one located error per problem),
``browse`` (search, facets, cards), ``stage_map`` (学段图谱), and the corpus
import step: ``cleaning`` (OpenCC, notes, punctuation, passages),
``extractors`` (raw file → sections), ``recipes`` (the table of texts, data)
and ``importer`` (the build).
"""

from curriculum.catalog.loader import CatalogInvalid, load_catalog
from curriculum.catalog.schema import Catalog, CatalogError, Section, Source, TextEntry

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogInvalid",
    "Section",
    "Source",
    "TextEntry",
    "load_catalog",
]
