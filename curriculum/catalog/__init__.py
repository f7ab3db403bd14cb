"""The classic-text catalog: schema, loader and the corpus import step."""

from curriculum.catalog.schema import Catalog, CatalogError, Section, Source, TextEntry
from curriculum.catalog.loader import CatalogInvalid, load_catalog

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogInvalid",
    "Section",
    "Source",
    "TextEntry",
    "load_catalog",
]
