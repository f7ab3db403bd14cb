"""Catalog schema (pydantic).

The catalog is two layers on disk:

* ``data/texts.yaml`` — metadata, one entry per text (``TextMeta``);
* ``data/texts/<id>.yaml`` — the full text, ``sections`` → ``passages``.

A *passage* is the smallest unit the planner schedules and never splits: a
line of verse, a sentence or a short paragraph, in Simplified Chinese.
``TextEntry`` is the merged, validated view the rest of the package uses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator

from curriculum.stages import STAGE_KEYS
from curriculum.vocab import CATEGORIES, FESTIVALS, SHOUZE_ARTICLES, THEMES

Category = Literal["traditional", "revolutionary", "socialist"]
ID_PATTERN = r"^[a-z][a-z0-9_]*$"


def count_characters(text: str) -> int:
    """Count the readable characters of ``text``: CJK ideographs and letters/digits, not punctuation."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] in ("L", "N"))


class Source(BaseModel):
    """Where the full text came from (file inside the corpus, and its commit)."""

    model_config = ConfigDict(extra="forbid")

    file: str = Field(min_length=1)
    commit: str = Field(default="", description="source repository commit, empty for compiled sources")
    note: str = ""


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    passages: tuple[str, ...] = Field(min_length=1)

    @field_validator("passages", mode="before")
    @classmethod
    def _null_is_empty(cls, value: object) -> object:
        # A bare "- " in YAML is None: report it as an empty passage, not a type error.
        if isinstance(value, (list, tuple)):
            return [("" if p is None else p) for p in value]
        return value

    @field_validator("passages")
    @classmethod
    def _passages_not_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for index, passage in enumerate(value, start=1):
            if not passage or not passage.strip():
                raise ValueError(f"第 {index} 段为空")
        return value


class TextMeta(BaseModel):
    """One entry of ``texts.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    author: str = Field(min_length=1)
    era: str = Field(min_length=1, description="dynasty or period, e.g. 唐, 宋, 现代")
    category: Category
    stages: tuple[str, ...] = Field(min_length=1)
    themes: tuple[str, ...] = ()
    shouze: tuple[int, ...] = Field(default=(), description="《中小学生守则》 article numbers 1–9")
    festivals: tuple[str, ...] = ()
    sizheng: tuple[str, ...] = Field(default=(), description="思政课 topics this text serves")
    source: Source
    file: str = Field(min_length=1, description="full-text file, relative to texts.yaml")

    @field_validator("stages")
    @classmethod
    def _known_stages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [s for s in value if s not in STAGE_KEYS]
        if unknown:
            raise ValueError(f"未知学段：{'、'.join(unknown)}（可选：{'、'.join(STAGE_KEYS)}）")
        return value

    @field_validator("themes")
    @classmethod
    def _known_themes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [t for t in value if t not in THEMES]
        if unknown:
            raise ValueError(f"未知主题：{'、'.join(unknown)}")
        return value

    @field_validator("shouze")
    @classmethod
    def _known_articles(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        unknown = [str(a) for a in value if a not in SHOUZE_ARTICLES]
        if unknown:
            raise ValueError(f"《中小学生守则》只有第 1–9 条，不认识：{'、'.join(unknown)}")
        return value

    @field_validator("festivals")
    @classmethod
    def _known_festivals(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [f for f in value if f not in FESTIVALS]
        if unknown:
            raise ValueError(f"未知节日：{'、'.join(unknown)}")
        return value


class TextEntry(TextMeta):
    """A catalog text with its full text loaded."""

    sections: tuple[Section, ...] = Field(min_length=1)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passages(self) -> tuple[str, ...]:
        return tuple(p for s in self.sections for p in s.passages)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def characters(self) -> int:
        return sum(count_characters(p) for p in self.passages)

    @property
    def category_label(self) -> str:
        return CATEGORIES[self.category]

    def full_text(self) -> str:
        return "\n".join(self.passages)


@dataclass(frozen=True)
class CatalogError:
    """One problem in the catalog, located by file, text id and field."""

    file: str
    text_id: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.text_id:
            where += f" · {self.text_id}"
        if self.field:
            where += f" · {self.field}"
        return f"{where}：{self.message}"


class Catalog(BaseModel):
    """All texts, in catalog order, with lookups used everywhere."""

    model_config = ConfigDict(frozen=True)

    texts: tuple[TextEntry, ...]

    def get(self, text_id: str) -> TextEntry:
        for text in self.texts:
            if text.id == text_id:
                return text
        raise KeyError(f"书目中没有“{text_id}”")

    def __contains__(self, text_id: object) -> bool:
        return any(t.id == text_id for t in self.texts)

    def ids(self) -> list[str]:
        return [t.id for t in self.texts]

    def for_stage(self, stage_key: str) -> list[TextEntry]:
        return [t for t in self.texts if stage_key in t.stages]


_WS = re.compile(r"\s+")


def normalise_passage(text: str) -> str:
    """Collapse internal whitespace; passages are stored without stray spaces."""
    return _WS.sub("", text).strip()
