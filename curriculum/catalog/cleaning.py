"""Text cleaning for the corpus import: raw paragraph → the catalog's Simplified, punctuated passages.

For every raw paragraph, in order:

1. editorial notes are stripped (daodejing backtick notes, guwenguanzhi's
   ``(… 一作 …)`` / ``(… 通 …)`` notes) — ``strip_notes``;
2. Traditional → Simplified with OpenCC ``t2s`` (also run on the files that
   are already Simplified: a few stray Traditional characters such as 後 are
   left in them), then the ``converter`` fixes of ``data/corrections.yaml``
   for classical forms OpenCC gets wrong — ``to_simplified``;
3. whitespace removed, half-width punctuation made full-width, corner
   quotes 「」『』 made “”‘’ (mainland convention) — ``clean``;
4. long paragraphs are split at sentence ends (。！？；, with any closing
   quote) into passages of at most ``PASSAGE_LIMIT`` characters where the text
   allows — a sentence is never cut — ``split_passages``.

Between 3 and 4 the importer applies the located ``corrections`` of
``data/corrections.yaml`` (errors of the raw corpus at one place; see
``catalog.corrections``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import opencc

from curriculum.catalog.corrections import ConverterFix, default_corrections
from curriculum.catalog.schema import normalise_passage

PASSAGE_LIMIT = 80

_T2S = opencc.OpenCC("t2s")


def converter_fixes() -> tuple[ConverterFix, ...]:
    """The converter slips of ``data/corrections.yaml`` (``converter:``), applied right after OpenCC."""
    return default_corrections().converter


_BACKTICK_NOTE = re.compile(r"`[^`]*`")
# guwenguanzhi appends variant-reading notes in half-width brackets:
# "(具 通：俱)", "(間隔 一作：隔絕)". Real text never uses half-width brackets.
_BRACKET_NOTE = re.compile(r"\([^()]*\)")
# Half-width punctuation in a few sources, and the corner quotes of the
# Traditional-script files, become the mainland Simplified convention.
_PUNCTUATION = str.maketrans(
    {"?": "？", "!": "！", ":": "：", ";": "；", ",": "，", "「": "“", "」": "”", "『": "‘", "』": "’"}
)
_FULL_STOPS = "。！？"
_SENTENCE_END = "。！？；"
_CLOSERS = "”’」』）》"


def to_simplified(
    text: str, fixes: Sequence[ConverterFix] | None = None, fired: set[str] | None = None
) -> str:
    """OpenCC ``t2s`` plus the converter fixes (default: the shipped table).

    ``fired`` collects the ``wrong`` phrase of every fix that changed something,
    so the import can check each fix still fires where the table says.
    """
    out = _T2S.convert(text)
    for fix in converter_fixes() if fixes is None else fixes:
        if fix.wrong in out:
            out = out.replace(fix.wrong, fix.right)
            if fired is not None:
                fired.add(fix.wrong)
    return out


def strip_notes(text: str) -> str:
    """Remove editorial notes embedded in the raw text."""
    return _BRACKET_NOTE.sub("", _BACKTICK_NOTE.sub("", text))


def clean(text: str, fixes: Sequence[ConverterFix] | None = None, fired: set[str] | None = None) -> str:
    """Notes stripped, Simplified (with ``fixes``, see ``to_simplified``), no whitespace, full-width punctuation."""
    simplified = to_simplified(strip_notes(text), fixes, fired)
    return normalise_passage(simplified).translate(_PUNCTUATION)


def sentences(text: str, ends: str = _SENTENCE_END) -> list[str]:
    """Split after each of ``ends`` (default 。！？；), keeping closing quotes with the sentence."""
    out: list[str] = []
    start = 0
    i = 0
    while i < len(text):
        if text[i] in ends:
            j = i + 1
            while j < len(text) and text[j] in _CLOSERS:
                j += 1
            out.append(text[start:j])
            start = i = j
            continue
        i += 1
    if start < len(text):
        out.append(text[start:])
    return [s for s in out if s]


def _pack(pieces: list[str], limit: int) -> list[str]:
    out: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + len(piece) > limit:
            out.append(current)
            current = piece
        else:
            current += piece
    if current:
        out.append(current)
    return out


def split_passages(paragraph: str, limit: int = PASSAGE_LIMIT) -> list[str]:
    """Pack whole sentences into passages of at most ``limit`` characters.

    Full stops (。！？) are preferred: a semicolon only splits a full sentence
    that is itself longer than the limit, so the two halves of a parallel
    couplet ("两鬓风霜，途次早行之客；一蓑烟雨，溪边晚钓之翁。") stay together.
    A paragraph within the limit stays whole, and so does a single clause
    longer than the limit (a sentence is never cut elsewhere).
    """
    if len(paragraph) <= limit:
        return [paragraph]
    pieces: list[str] = []
    for sentence in sentences(paragraph, _FULL_STOPS):
        pieces.extend(sentences(sentence) if len(sentence) > limit else [sentence])
    return _pack(pieces, limit)
