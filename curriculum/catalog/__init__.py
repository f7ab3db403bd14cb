"""The classic-text catalog: schema, loader and the corpus import step."""

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
