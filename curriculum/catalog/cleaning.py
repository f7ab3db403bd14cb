"""Text cleaning for the corpus import: raw paragraph → the catalog's Simplified, punctuated passages.

For every raw paragraph, in order:

1. editorial notes are stripped (daodejing backtick notes, guwenguanzhi's
   ``(… 一作 …)`` / ``(… 通 …)`` notes) — ``strip_notes``;
2. Traditional → Simplified with OpenCC ``t2s`` (also run on the files that
   are already Simplified: a few stray Traditional characters such as 後 are
   left in them), then ``POST_T2S_FIXES`` for classical readings OpenCC gets
   wrong — ``to_simplified``;
3. whitespace removed, half-width punctuation made full-width, corner
   quotes 「」『』 made “”‘’ (mainland convention) — ``clean``;
4. long paragraphs are split at sentence ends (。！？；, with any closing
   quote) into passages of at most ``PASSAGE_LIMIT`` characters where the text
   allows — a sentence is never cut — ``split_passages``.
"""

from __future__ import annotations

import re

import opencc

from curriculum.catalog.schema import normalise_passage

PASSAGE_LIMIT = 80

_T2S = opencc.OpenCC("t2s")

# Post-conversion fixes: (wrong OpenCC output, correct classical form, why).
# Each is a whole phrase so that it cannot touch another context.
POST_T2S_FIXES: tuple[tuple[str, str, str], ...] = (
    # 孟子: 閒 is the old form of 間 (jiān) in "傅說舉於版築之閒"; OpenCC maps
    # every 閒 to 闲 (leisure), which misreads the line.
    ("版筑之闲", "版筑之间", "閒 = 間 here: 'among the builders'"),
    # 声律启蒙 "離對坎，震對乾" pairs trigrams; OpenCC turns 乾 (qián, the
    # trigram) into 干 (dry) outside its phrase list.
    ("震对干", "震对乾", "乾 = the trigram qián, not 干 'dry'"),
    # 百家姓 "荀羊於惠": the surname 於 (Yū) is its own character, kept by the
    # 2013《通用规范汉字表》; OpenCC merges it into 于 (the surname Yú, which the
    # same text lists separately in "樂于時傅").
    ("荀羊于惠", "荀羊於惠", "surname 於 (Yū) ≠ surname 于 (Yú)"),
    # 诗经《采薇》: OpenCC gives 𤞤 (Ext. B) for 玁; the 《通用规范汉字表》 form
    # is 猃, which every font draws.
    ("𤞤狁", "猃狁", "standard simplified form of 玁"),
    # OpenCC simplifies a few rare characters to forms encoded only in CJK
    # Extension B+ that the shipped PDF/reading font (Noto Sans CJK SC) cannot
    # draw and that printed Simplified editions do not use: keep the source
    # form (tests/catalog checks every character is drawable).
    ("𪭢𪭢", "摐摐", "声律启蒙 钟鼓响摐摐: Ext. B form not in font"),
    ("㶉𫛶", "鸂鶒", "声律启蒙 一双鸂鶒: Ext. B form not in font"),
    ("伤𫛳鸟", "伤鵩鸟", "声律启蒙 贾谊伤鵩鸟: Ext. B form not in font"),
    ("玉𪻐琤", "玉瑽琤", "声律启蒙: Ext. B form not in font"),
    ("荷𦰏", "荷蓧", "论语 以杖荷蓧: Ext. B form not in font"),
    ("𦈎然", "繟然", "道德经 繟然而善谋: Ext. B form not in font"),
    ("𫄥𫄥", "纚纚", "离骚 索胡绳之纚纚: Ext. B form not in font"),
    ("鹈𫛞", "鹈鴃", "离骚 恐鹈鴃之先鸣: Ext. B form not in font"),
    ("众𫉁然", "众薆然", "离骚 众薆然而蔽之: Ext. B form not in font"),
    # Variant characters (异体字) the sources use and OpenCC leaves alone;
    # Simplified editions print the standard form. One character each, so the
    # per-character pinyin alignment of 千字文 is unaffected.
    ("茍", "苟", "三字经/大学 苟不教: 茍 (jì) is a typo for 苟"),
    ("崐", "昆", "千字文 玉出昆冈"),
    ("竝", "并", "千字文 并皆佳妙"),
    ("臯", "皋", "千字文 林皋幸即"),
    ("鼈", "鳖", "孟子 鱼鳖不可胜食"),
    ("踈", "疏", "道德经 天网恢恢，疏而不失"),
    ("讁", "谪", "道德经 善言无瑕谪"),
    ("闚", "窥", "道德经 不窥牖"),
)

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


def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` plus the documented classical fixes."""
    out = _T2S.convert(text)
    for wrong, right, _why in POST_T2S_FIXES:
        out = out.replace(wrong, right)
    return out


def strip_notes(text: str) -> str:
    """Remove editorial notes embedded in the raw text."""
    return _BRACKET_NOTE.sub("", _BACKTICK_NOTE.sub("", text))


def clean(text: str) -> str:
    """Notes stripped, Simplified, no whitespace, full-width punctuation."""
    simplified = to_simplified(strip_notes(text))
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
