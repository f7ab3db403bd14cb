"""Import step: the raw corpus → the committed catalog.

``build_catalog(source, out)`` reads the raw files under ``source`` (a copy of
``shared/corpus``: chinese-poetry JSON, the daodejing JSON, the compiled
modern texts), and writes ``out/texts.yaml`` plus ``out/texts/<id>.yaml``.

Everything the catalog says about a text lives in ``RECIPES`` below — which
file, which selection, the id and the metadata (title, author, era, category,
stages, themes, 守则 articles, festivals, 思政 topics) — so re-running the build
regenerates the whole catalog. The build is deterministic: the same corpus
gives byte-identical output.

Text processing, in order, for every raw paragraph:

1. editorial notes are stripped (daodejing backtick notes and the stray
   chapter number, guwenguanzhi's ``(… 一作 …)`` / ``(… 通 …)`` notes);
2. Traditional → Simplified with OpenCC ``t2s`` (also run on the files that
   are already Simplified: a few stray Traditional characters such as 後 are
   left in them), then ``POST_T2S_FIXES`` for classical readings OpenCC gets
   wrong;
3. whitespace removed, half-width punctuation made full-width, corner
   quotes 「」『』 made “”‘’ (mainland convention);
4. long paragraphs are split at sentence ends (。！？；, with any closing
   quote) into passages of at most ``PASSAGE_LIMIT`` characters where the text
   allows — a sentence is never cut.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import opencc
import yaml

from curriculum.catalog.schema import Section, Source, TextEntry, TextMeta, normalise_passage
from curriculum.errors import DomainError

# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------

# Top folder of the corpus → the upstream commit the copy was taken from
# (see shared/corpus/SOURCES.md and data/SOURCES.md).
SOURCE_COMMITS: dict[str, str] = {
    "chinese-poetry": "99ebbef7e1345c0985c44b9fd96a3f9e776f117b",
    "daodejing": "43bc0f8416360b2f43fa79efd02717c309aa056c",
    "modern": "",
}

MODERN_FILE = "modern/modern_texts.yaml"
PASSAGE_LIMIT = 80

SIZHENG_PATRIOTISM = "爱国主义教育"
SIZHENG_IDEALS = "理想信念教育"
SIZHENG_TRADITION = "中华优秀传统文化教育"
SIZHENG_REVOLUTION = "革命传统教育"
SIZHENG_VALUES = "社会主义核心价值观教育"
SIZHENG_MORALS = "道德修养与法治"
SIZHENG_LIFE = "人生观与价值观"


class CorpusError(DomainError):
    """The corpus does not contain what a recipe asks for (message in Chinese)."""


# --------------------------------------------------------------------------
# Text cleaning
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# Selectors: raw JSON/YAML → sections of raw paragraphs
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RawSection:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Extract:
    sections: tuple[RawSection, ...]
    defaults: dict[str, Any] = field(default_factory=dict)  # metadata the source itself provides


def _s(text: str) -> str:
    """Simplified form of a raw title/author, for matching recipes written in Simplified."""
    return to_simplified(text).strip()


@dataclass(frozen=True)
class Paragraphs:
    """A dict with ``paragraphs`` (三字经, 大学 …): one section."""

    section: str

    def __call__(self, raw: Any) -> Extract:
        return Extract((RawSection(self.section, tuple(raw["paragraphs"])),))


@dataclass(frozen=True)
class Chapters:
    """A list of ``{chapter, paragraphs}`` (论语) or a dict whose ``content`` is one (增广贤文)."""

    suffix: str = ""  # appended to chapter titles that lack it ("学而" → "学而篇")

    def __call__(self, raw: Any) -> Extract:
        chapters = raw["content"] if isinstance(raw, dict) else raw
        sections = []
        for chapter in chapters:
            title = _s(chapter["chapter"])
            if self.suffix and not title.endswith(self.suffix):
                title += self.suffix
            sections.append(RawSection(title, tuple(chapter["paragraphs"])))
        return Extract(tuple(sections))


@dataclass(frozen=True)
class Volumes:
    """``content`` of volumes → ``content`` of chapters (声律启蒙): "上卷·一东"."""

    def __call__(self, raw: Any) -> Extract:
        return Extract(
            tuple(
                RawSection(f"{_s(vol['title'])}·{_s(ch['chapter']).replace(' ', '')}", tuple(ch["paragraphs"]))
                for vol in raw["content"]
                for ch in vol["content"]
            )
        )


@dataclass(frozen=True)
class ThreeCharLines:
    """弟子规: lines of space-separated three-character phrases, unpunctuated.

    The common printed form punctuates each line of four phrases as
    "父母呼，应勿缓；父母命，行勿懒。" — characters kept exactly in order.
    """

    def __call__(self, raw: Any) -> Extract:
        sections = []
        for chapter in raw["content"]:
            lines = []
            for line in chapter["paragraphs"]:
                groups = line.split()
                marks = ["，", "；"] * (len(groups) // 2)
                marks = marks[: len(groups) - 1] + ["。"]
                lines.append("".join(g + m for g, m in zip(groups, marks)))
            sections.append(RawSection(_s(chapter["chapter"]), tuple(lines)))
        return Extract(tuple(sections))


@dataclass(frozen=True)
class Couplets:
    """千字文: 250 unpunctuated four-character lines paired into 125 couplets.

    "天地玄黄" + "宇宙洪荒" → "天地玄黄，宇宙洪荒。" Only punctuation is added,
    so per-character reference pinyin still aligns.
    """

    section: str

    def __call__(self, raw: Any) -> Extract:
        lines = [line.strip() for line in raw["paragraphs"]]
        if len(lines) % 2:
            raise CorpusError(f"行数为奇数（{len(lines)}），无法配成对句")
        pairs = tuple(f"{a}，{b}。" for a, b in zip(lines[::2], lines[1::2]))
        return Extract((RawSection(self.section, pairs),))


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 32 → 三十二, 81 → 八十一 (chapter titles)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_CN_DIGITS[tens] if tens > 1 else "") + "十" + (_CN_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Daodejing:
    """openbilly/daodejing_json: the first object holds 81 chapters, one paragraph each.

    Besides the backtick notes, chapter 32 carries a stray footnote digit
    ("，1天下莫能臣也"); the classical text never contains Arabic digits, so
    digits are dropped here.
    """

    def __call__(self, raw: Any) -> Extract:
        chapters = raw[0]["paragraphs"]
        return Extract(
            tuple(
                RawSection(f"第{chinese_number(i)}章", (re.sub(r"[0-9]", "", strip_notes(text)),))
                for i, text in enumerate(chapters, start=1)
            )
        )


def _walk_poems(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict with ``paragraphs`` (or ``content`` of strings) in a nested anthology."""
    if isinstance(node, list):
        for item in node:
            yield from _walk_poems(item)
    elif isinstance(node, dict):
        body = node.get("paragraphs")
        if body is None and isinstance(node.get("content"), list) and node["content"] and isinstance(node["content"][0], str):
            body = node["content"]
        if body is not None and isinstance(body, list) and body and isinstance(body[0], str):
            yield node
        for value in node.values():
            if isinstance(value, (list, dict)):
                yield from _walk_poems(value)


def _poem_titles(node: dict[str, Any]) -> set[str]:
    """The names a piece goes by: anthologies use ``title``, ``chapter`` or (词) ``rhythmic``."""
    return {_s(node[k]) for k in ("title", "chapter", "rhythmic") if isinstance(node.get(k), str)}


def _poem_body(node: dict[str, Any]) -> list[str]:
    return node.get("paragraphs") or node.get("content")


@dataclass(frozen=True)
class Poem:
    """One piece from an anthology, matched (in Simplified) by title, author and optionally its opening.

    ``title`` matches the source title exactly; ``author`` is contained in the
    source author ("（唐）杜牧" contains "杜牧"); ``opening`` must start the text
    (for 词 with a common tune name).
    """

    title: str
    author: str = ""
    opening: str = ""
    section: str = ""

    def __call__(self, raw: Any) -> Extract:
        found = []
        for node in _walk_poems(raw):
            if self.title not in _poem_titles(node):
                continue
            if self.author and self.author not in _s(node.get("author", "")):
                continue
            body = _poem_body(node)
            if self.opening and not clean("".join(body)).startswith(self.opening):
                continue
            found.append(body)
        if len(found) != 1:
            what = f"{self.title}（{self.author}）{self.opening}"
            raise CorpusError(f"“{what}”应恰好出现一次，实际 {len(found)} 次")
        return Extract((RawSection(self.section or self.title, tuple(found[0])),))


@dataclass(frozen=True)
class Anthology:
    """Several poems from one file, one section per poem (诗经选读): ``(title, group)`` pairs.

    A title the file uses more than once (无衣 is in both 唐风 and 秦风) gets
    its group in the section title: "无衣（秦风）".
    """

    poems: tuple[tuple[str, str], ...]

    def __call__(self, raw: Any) -> Extract:
        sections = []
        nodes = list(_walk_poems(raw))
        for title, group in self.poems:
            named = [n for n in nodes if title in _poem_titles(n)]
            matches = [n for n in named if _s(n.get("section", "")) == group]
            if len(matches) != 1:
                raise CorpusError(f"“{title}（{group}）”应恰好出现一次，实际 {len(matches)} 次")
            display = f"{title}（{group}）" if len(named) > 1 else title
            sections.append(RawSection(display, tuple(_poem_body(matches[0]))))
        return Extract(tuple(sections))


@dataclass(frozen=True)
class Ranges:
    """Titled selections by paragraph range: ``(section title, chapter index, start, stop)``.

    孟子's paragraphs follow dialogue turns, so a well-known chapter spans
    several consecutive paragraphs of one 篇.
    """

    picks: tuple[tuple[str, int, int, int], ...]

    def __call__(self, raw: Any) -> Extract:
        return Extract(
            tuple(RawSection(title, tuple(raw[ci]["paragraphs"][a:b])) for title, ci, a, b in self.picks)
        )


@dataclass(frozen=True)
class ModernText:
    """One entry of modern_texts.yaml; the file provides title, author, year and category hint."""

    text_id: str

    def __call__(self, raw: Any) -> Extract:
        for item in raw:
            if item.get("id") == self.text_id:
                return Extract(
                    (RawSection(item["title"], tuple(item["paragraphs"])),),
                    {
                        "title": item["title"],
                        "author": item["author"],
                        "era": era_of_year(int(item["year"])),
                        "category": item.get("category_hint"),
                    },
                )
        raise CorpusError(f"现代篇目中没有“{self.text_id}”")


def era_of_year(year: int) -> str:
    """近代 before the May Fourth movement, 现代 until 1949, 当代 after."""
    if year < 1919:
        return "近代"
    if year < 1949:
        return "现代"
    return "当代"


# --------------------------------------------------------------------------
# Recipes
# --------------------------------------------------------------------------

K, PL, PM, PU, J, S, U = (
    "kindergarten",
    "primary_lower",
    "primary_middle",
    "primary_upper",
    "junior",
    "senior",
    "university",
)


@dataclass(frozen=True)
class Recipe:
    """How to build one catalog text: source file, selection, and metadata."""

    id: str
    file: str
    select: Callable[[Any], Extract]
    stages: tuple[str, ...]
    title: str = ""
    author: str = ""
    era: str = ""
    category: str = ""  # empty: the source's hint (modern texts), else traditional
    themes: tuple[str, ...] = ()
    shouze: tuple[int, ...] = ()
    festivals: tuple[str, ...] = ()
    sizheng: tuple[str, ...] = ()
    note: str = ""
    split: bool = True  # split long paragraphs into sentence passages


CP = "chinese-poetry"
TANG = f"{CP}/蒙学/tangshisanbaishou.json"
QJS = f"{CP}/蒙学/qianjiashi.json"
GUWEN = f"{CP}/蒙学/guwenguanzhi.json"
SONGCI = f"{CP}/宋词/宋词三百首.json"
CHUCI = f"{CP}/楚辞/chuci.json"


def _poem(id: str, file: str, title: str, author: str, era: str, stages: tuple[str, ...], **kw: Any) -> Recipe:
    return Recipe(id=id, file=file, select=Poem(title, author), title=title, author=author, era=era, stages=stages, **kw)


RECIPES: tuple[Recipe, ...] = (
    # ---- 蒙学 -----------------------------------------------------------
    Recipe(
        "dizigui", f"{CP}/蒙学/dizigui.json", ThreeCharLines(), (K, PL, PM),
        title="弟子规", author="李毓秀", era="清",
        themes=("孝", "悌", "礼", "诚信", "规范", "文明"), shouze=(4, 5, 6),
        note="原文三字一组、无标点；按通行本加标点（，；，。）。",
    ),
    Recipe(
        "sanzijing", f"{CP}/蒙学/sanzijing-traditional.json", Paragraphs("三字经"), (K, PL, PM),
        title="三字经", author="王应麟", era="南宋",
        themes=("勤学", "孝", "识字", "立志"), shouze=(2, 5),
        note="选传统版（通行本）：新版为章太炎重订本，含“称行省，三十五”等清末内容及讹字（酸甘甘、王传者），不是学校诵读的通行本。",
    ),
    Recipe(
        "baijiaxing", f"{CP}/蒙学/baijiaxing.json", Paragraphs("百家姓"), (K, PL),
        title="百家姓", author="佚名", era="北宋",
        themes=("识字", "家国"),
    ),
    Recipe(
        "qianziwen", f"{CP}/蒙学/qianziwen.json", Couplets("千字文"), (K, PL, PM),
        title="千字文", author="周兴嗣", era="南北朝·梁",
        themes=("识字", "修身", "自然"), shouze=(2, 4),
        note="原文 250 句四字、无标点；两句配成一联并加标点，字序不变。",
    ),
    Recipe(
        "shenglv_qimeng", f"{CP}/蒙学/shenglvqimeng.json", Volumes(), (PL, PM, PU),
        title="声律启蒙", author="车万育", era="清",
        themes=("声律", "自然", "四季"), shouze=(2,),
    ),
    Recipe(
        "zengguang_xianwen", f"{CP}/蒙学/zengguangxianwen.json", Chapters(), (PM, PU, J),
        title="增广贤文", author="佚名", era="明",
        themes=("处世", "修身", "勤学", "诚信"), shouze=(2, 4, 6),
    ),
    Recipe(
        "zhuzi_jiaxun", f"{CP}/蒙学/zhuzijiaxun.json", Paragraphs("朱子家训"), (PU, J),
        title="朱子家训", author="朱柏庐", era="清",
        themes=("节俭", "修身", "处世", "规范"), shouze=(3, 4, 9), festivals=("dongzhi",),
    ),
    # ---- 四书 · 道德经 ---------------------------------------------------
    Recipe(
        "lunyu", f"{CP}/论语/lunyu.json", Chapters(suffix="篇"), (PU, J, S, U),
        title="论语", author="孔子弟子及再传弟子", era="先秦",
        themes=("仁", "礼", "勤学", "孝", "修身", "师道", "诚信"), shouze=(2, 4, 5, 6),
        festivals=("chunjie", "world_book_day"), sizheng=(SIZHENG_TRADITION, SIZHENG_MORALS),
    ),
    Recipe(
        "daxue", f"{CP}/四书五经/daxue.json", Paragraphs("大学"), (PU, J, S, U),
        title="大学", author="曾子（相传）", era="先秦",
        themes=("修身", "治国", "家国", "立志"), shouze=(2, 7),
        sizheng=(SIZHENG_TRADITION, SIZHENG_LIFE),
    ),
    Recipe(
        "zhongyong", f"{CP}/四书五经/zhongyong.json", Paragraphs("中庸"), (S, U),
        title="中庸", author="子思（相传）", era="先秦",
        themes=("修身", "诚信", "哲理", "和谐"), shouze=(6, 7),
        sizheng=(SIZHENG_TRADITION, SIZHENG_LIFE),
    ),
    Recipe(
        "mengzi", f"{CP}/四书五经/mengzi.json",
        Ranges((
            ("寡人之于国也", 0, 4, 9),
            ("老吾老以及人之老", 0, 39, 40),
            ("人皆有不忍人之心", 2, 38, 39),
            ("得道多助，失道寡助", 3, 0, 1),
            ("富贵不能淫", 5, 2, 4),
            ("自暴自弃", 6, 13, 14),
            ("鱼我所欲也", 10, 26, 27),
            ("学问之道", 10, 27, 28),
            ("生于忧患，死于安乐", 11, 52, 53),
            ("君子有三乐", 12, 21, 22),
            ("孔子登东山而小鲁", 12, 25, 26),
            ("民为贵", 13, 15, 16),
        )),
        (J, S, U),
        title="孟子（选读）", author="孟子", era="先秦",
        themes=("仁", "立志", "自强", "治国", "民族精神"), shouze=(1, 7),
        sizheng=(SIZHENG_TRADITION, SIZHENG_LIFE, SIZHENG_IDEALS),
        note="选名篇 12 章；按篇内段落范围选取，篇名为通行题名。",
    ),
    Recipe(
        "daodejing", "daodejing/daodejing.json", Daodejing(), (J, S, U),
        title="道德经", author="老子", era="先秦",
        themes=("哲理", "自然", "修身", "和谐"), shouze=(7,),
        sizheng=(SIZHENG_TRADITION, SIZHENG_LIFE),
        note="王弼本 81 章；去掉反引号内的校勘注及第三十二章的注码“1”。",
    ),
    # ---- 诗经 · 楚辞 -------------------------------------------------------
    Recipe(
        "shijing", f"{CP}/诗经/shijing.json",
        Anthology((
            ("关雎", "周南"), ("桃夭", "周南"), ("静女", "邶风"), ("木瓜", "卫风"),
            ("子衿", "郑风"), ("硕鼠", "魏风"), ("蒹葭", "秦风"), ("无衣", "秦风"),
            ("鹿鸣", "鹿鸣之什"), ("采薇", "鹿鸣之什"),
        )),
        (J, S, U),
        title="诗经（选读）", author="佚名", era="先秦",
        themes=("自然", "友情", "爱国", "礼"), shouze=(1, 4),
        sizheng=(SIZHENG_TRADITION,),
    ),
    Recipe(
        "lisao", CHUCI, Poem("离骚", "屈原"), (J, S, U),
        title="离骚", author="屈原", era="先秦",
        themes=("爱国", "修身", "理想", "民族精神"), shouze=(1, 7), festivals=("duanwu",),
        sizheng=(SIZHENG_PATRIOTISM, SIZHENG_IDEALS, SIZHENG_TRADITION),
    ),
    Recipe(
        "guoshang", CHUCI, Poem("国殇", "屈原"), (J, S, U),
        title="国殇", author="屈原", era="先秦",
        themes=("爱国", "英雄", "民族精神"), shouze=(1,),
        sizheng=(SIZHENG_PATRIOTISM,),
    ),
    # ---- 古文观止 -----------------------------------------------------------
    Recipe(
        "shishuo", GUWEN, Poem("师说", "韩愈"), (S, U),
        title="师说", author="韩愈", era="唐",
        themes=("师道", "勤学"), shouze=(2, 5), festivals=("teachers_day", "world_book_day"),
        sizheng=(SIZHENG_TRADITION,),
    ),
    Recipe(
        "loushiming", GUWEN, Poem("陋室铭", "刘禹锡"), (PU, J),
        title="陋室铭", author="刘禹锡", era="唐",
        themes=("修身", "节俭"), shouze=(7, 9),
    ),
    Recipe(
        "taohuayuanji", GUWEN, Poem("桃花源记", "陶渊明"), (PU, J),
        title="桃花源记", author="陶渊明", era="东晋",
        themes=("理想", "自然", "和谐"),
    ),
    Recipe(
        "yueyanglouji", GUWEN, Poem("岳阳楼记", "范仲淹"), (J, S),
        title="岳阳楼记", author="范仲淹", era="北宋",
        themes=("家国", "理想", "修身"), shouze=(1, 3),
        sizheng=(SIZHENG_PATRIOTISM, SIZHENG_LIFE),
        note="去掉原文中“(具 通：俱)”等异文注。",
    ),
    Recipe(
        "chushibiao", GUWEN, Poem("前出师表", "诸葛亮"), (J, S),
        title="出师表", author="诸葛亮", era="三国·蜀",
        themes=("家国", "奉献", "诚信"), shouze=(1, 3, 6),
        sizheng=(SIZHENG_PATRIOTISM,),
        note="古文观止题作《前出师表》。",
    ),
    # ---- 宋词 ---------------------------------------------------------------
    Recipe(
        "manjianghong_nufachongguan", f"{CP}/宋词/yuefei-manjianghong.json", Poem("满江红", "岳飞"),
        (PU, J, S, U),
        title="满江红·怒发冲冠", author="岳飞", era="南宋",
        themes=("爱国", "英雄", "民族精神", "立志"), shouze=(1, 7), festivals=("national_day",),
        sizheng=(SIZHENG_PATRIOTISM, SIZHENG_IDEALS),
    ),
    Recipe(
        "shuidiao_getou", SONGCI, Poem("水调歌头", "苏轼", "明月几时有"), (PU, J, S),
        title="水调歌头·明月几时有", author="苏轼", era="北宋",
        themes=("思乡", "亲情", "节俗", "哲理"), festivals=("zhongqiu",),
    ),
    Recipe(
        "qingyuan_yuanxi", SONGCI, Poem("青玉案", "辛弃疾", "东风夜放花千树"), (J, S),
        title="青玉案·元夕", author="辛弃疾", era="南宋",
        themes=("节俗", "理想"), festivals=("yuanxiao",),
    ),
    Recipe(
        "busuanzi_yongmei", SONGCI, Poem("卜算子", "陆游", "驿外断桥边"), (J, S),
        title="卜算子·咏梅", author="陆游", era="南宋",
        themes=("修身", "自强", "理想"), shouze=(7,),
    ),
    # ---- 唐诗三百首 / 千家诗 ------------------------------------------------
    _poem("jingyesi", QJS, "静夜思", "李白", "唐", (K, PL), themes=("思乡", "自然"), festivals=("zhongqiu",)),
    _poem("chunxiao", TANG, "春晓", "孟浩然", "唐", (K, PL), themes=("四季", "自然")),
    _poem("dengguanquelou", TANG, "登鹳雀楼", "王之涣", "唐", (K, PL, PM), themes=("立志", "自然"), shouze=(2, 7)),
    _poem("jiangxue", TANG, "江雪", "柳宗元", "唐", (PL, PM), themes=("四季", "自然"), festivals=("dongzhi",)),
    _poem("xiangsi", TANG, "相思", "王维", "唐", (PL, PM), themes=("友情", "自然")),
    _poem("luzhai", TANG, "鹿柴", "王维", "唐", (PM, PU), themes=("自然",)),
    _poem("qingming_dumu", QJS, "清明", "杜牧", "唐", (K, PL, PM), themes=("节俗", "四季"), festivals=("qingming",)),
    _poem("yuanri_wanganshi", QJS, "元日", "王安石", "北宋", (K, PL, PM), themes=("节俗", "四季"), festivals=("chuxi", "chunjie")),
    _poem("qiuxi_dumu", TANG, "秋夕", "杜牧", "唐", (PM, PU), themes=("节俗", "四季"), festivals=("qixi",)),
    _poem("jiuyue_jiuri_yi_shandong_xiongdi", TANG, "九月九日忆山东兄弟", "王维", "唐", (PL, PM, PU),
          themes=("思乡", "亲情", "悌", "节俗"), shouze=(5,), festivals=("chongyang",)),
    _poem("youziyin", TANG, "游子吟", "孟郊", "唐", (K, PL, PM), themes=("孝", "亲情"), shouze=(5,),
          festivals=("chongyang",)),
    _poem("denggao_dufu", TANG, "登高", "杜甫", "唐", (J, S), themes=("家国", "四季", "节俗"), festivals=("chongyang",)),
    _poem("wangyue_huaiyuan", TANG, "望月怀远", "张九龄", "唐", (PU, J), themes=("思乡", "亲情", "节俗"),
          festivals=("zhongqiu",)),
    _poem("chunwang_dufu", TANG, "春望", "杜甫", "唐", (J, S), themes=("爱国", "家国"), shouze=(1,),
          sizheng=(SIZHENG_PATRIOTISM,)),
    _poem("liangzhouci_wangzhihuan", TANG, "凉州词", "王之涣", "唐", (PM, PU), themes=("家国", "自然")),
    Recipe("chusai_wangchangling", TANG, Poem("出塞·秦时明月汉时关", "王昌龄", section="出塞"), (PM, PU, J),
           title="出塞", author="王昌龄", era="唐", themes=("爱国", "英雄"), shouze=(1,)),
    _poem("song_yuaner_shi_anxi", QJS, "送元二使安西", "王维", "唐", (PM, PU), themes=("友情",)),
    Recipe("huixiang_oushu", TANG, Poem("回乡偶书·其一", "贺知章", section="回乡偶书（其一）"), (PL, PM),
           title="回乡偶书（其一）", author="贺知章", era="唐", themes=("思乡", "敬老")),
    _poem("fengqiao_yebo", TANG, "枫桥夜泊", "张继", "唐", (PU, J), themes=("思乡", "自然")),
    _poem("zaofa_baidicheng", TANG, "早发白帝城", "李白", "唐", (PM, PU), themes=("自然",)),
    _poem("huanghelou_song_menghaoran", TANG, "黄鹤楼送孟浩然之广陵", "李白", "唐", (PM, PU), themes=("友情", "自然")),
    _poem("fude_guyuancao_songbie", TANG, "赋得古原草送别", "白居易", "唐", (PL, PM), themes=("自然", "自强", "友情"),
          shouze=(7,)),
    _poem("wangyue_dufu", TANG, "望岳", "杜甫", "唐", (PU, J), themes=("立志", "自然", "励志"), shouze=(7,)),
    _poem("shanju_qiuming", TANG, "山居秋暝", "王维", "唐", (PU, J), themes=("自然", "四季")),
    _poem("wen_guanjun_shou_henan_hebei", TANG, "闻官军收河南河北", "杜甫", "唐", (J, S), themes=("爱国", "家国"),
          shouze=(1,), sizheng=(SIZHENG_PATRIOTISM,)),
    _poem("song_dushaofu_zhiren_shuzhou", TANG, "送杜少府之任蜀州", "王勃", "唐", (PU, J), themes=("友情", "立志")),
    Recipe("guanshu_yougan", QJS, Poem("观书有感（其一）", "朱熹"), (PM, PU),
           title="观书有感（其一）", author="朱熹", era="南宋", themes=("勤学", "哲理"), shouze=(2,)),
    Recipe("chunri_zhuxi", QJS, Poem("春日", "朱熹"), (PL, PM),
           title="春日", author="朱熹", era="南宋", themes=("四季", "自然")),
    _poem("yin_hushang_chuqing_houyu", QJS, "饮湖上初晴后雨", "苏轼", "北宋", (PM, PU), themes=("自然", "四季")),
    # ---- 近现代 · 当代 (modern_texts.yaml, metadata from the file) -----------
    Recipe(
        "shaonian_zhongguo_shuo", MODERN_FILE, ModernText("shaonian_zhongguo_shuo"), (PU, J, S, U),
        themes=("爱国", "立志", "励志", "理想"), shouze=(1, 7), festivals=("children_day", "national_day"),
        sizheng=(SIZHENG_PATRIOTISM, SIZHENG_IDEALS),
        note="分类按 category_hint 作传统文化（清末爱国散文，早于革命文化的时间界限）。",
    ),
    Recipe(
        "yuzhong_tibi", MODERN_FILE, ModernText("yuzhong_tibi"), (J, S, U),
        themes=("爱国", "英雄", "民族精神"), shouze=(1,),
        sizheng=(SIZHENG_PATRIOTISM, SIZHENG_IDEALS),
    ),
    Recipe(
        "jiuyi_shi_xia_minghan", MODERN_FILE, ModernText("jiuyi_shi_xia_minghan"), (PU, J, S, U),
        themes=("英雄", "理想", "奉献"), shouze=(1,), festivals=("party_day",),
        sizheng=(SIZHENG_REVOLUTION, SIZHENG_IDEALS),
    ),
    Recipe(
        "jiuyi_shi_ji_hongchang", MODERN_FILE, ModernText("jiuyi_shi_ji_hongchang"), (J, S, U),
        themes=("爱国", "英雄", "民族精神"), shouze=(1,),
        sizheng=(SIZHENG_REVOLUTION, SIZHENG_PATRIOTISM),
    ),
    Recipe(
        "meiling_sanzhang", MODERN_FILE, ModernText("meiling_sanzhang"), (J, S, U),
        themes=("英雄", "理想", "奉献"), shouze=(1,), festivals=("party_day",),
        sizheng=(SIZHENG_REVOLUTION, SIZHENG_IDEALS),
    ),
    Recipe(
        "qiu_ge", MODERN_FILE, ModernText("qiu_ge"), (PU, J, S),
        themes=("英雄", "理想", "自强"), shouze=(1, 7),
        sizheng=(SIZHENG_REVOLUTION, SIZHENG_IDEALS),
    ),
    Recipe(
        "yiyongjun_jinxingqu", MODERN_FILE, ModernText("yiyongjun_jinxingqu"), (K, PL, PM, PU, J, S, U),
        themes=("爱国", "民族精神", "英雄"), shouze=(1,), festivals=("national_day",),
        sizheng=(SIZHENG_PATRIOTISM, SIZHENG_REVOLUTION),
        note="国歌：各学段都学唱、诵读。",
    ),
    Recipe(
        "shehuizhuyi_hexin_jiazhiguan", MODERN_FILE, ModernText("shehuizhuyi_hexin_jiazhiguan"),
        (K, PL, PM, PU, J, S, U),
        themes=("文明", "和谐", "诚信", "爱国"), shouze=(1, 4, 6),
        sizheng=(SIZHENG_VALUES,),
    ),
    Recipe(
        "zhongxiaoxuesheng_shouze_2015", MODERN_FILE, ModernText("zhongxiaoxuesheng_shouze_2015"),
        (PL, PM, PU, J, S),
        themes=("规范", "文明", "勤学", "诚信"), shouze=(1, 2, 3, 4, 5, 6, 7, 8, 9),
        sizheng=(SIZHENG_VALUES, SIZHENG_MORALS),
        note="守则本身：九条是“道德实践养成”关联的条目编号。",
        split=False,  # each article is one passage, keeping its number with it
    ),
)


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------


def _load_raw(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        if path.suffix in (".yaml", ".yml"):
            return yaml.safe_load(fh)
        return json.load(fh)


def _source_for(recipe: Recipe) -> Source:
    top = recipe.file.split("/", 1)[0]
    return Source(file=recipe.file, commit=SOURCE_COMMITS.get(top, ""), note=recipe.note)


def build_text(recipe: Recipe, raw: Any) -> TextEntry:
    """Apply one recipe to the loaded raw file; raises ``CorpusError`` or pydantic errors."""
    extract = recipe.select(raw)
    sections = []
    for raw_section in extract.sections:
        passages: list[str] = []
        for paragraph in raw_section.paragraphs:
            text = clean(paragraph)
            if not text:
                continue
            passages.extend(split_passages(text) if recipe.split else [text])
        if not passages:
            raise CorpusError(f"{recipe.id}：“{raw_section.title}”没有正文")
        sections.append(Section(title=clean(raw_section.title), passages=tuple(passages)))
    defaults = extract.defaults
    meta = {
        "id": recipe.id,
        "title": recipe.title or defaults.get("title", ""),
        "author": recipe.author or defaults.get("author", ""),
        "era": recipe.era or defaults.get("era", ""),
        "category": recipe.category or defaults.get("category") or "traditional",
        "stages": recipe.stages,
        "themes": recipe.themes,
        "shouze": recipe.shouze,
        "festivals": recipe.festivals,
        "sizheng": recipe.sizheng,
        "source": _source_for(recipe),
        "file": f"texts/{recipe.id}.yaml",
    }
    return TextEntry(**meta, sections=tuple(sections))


@dataclass
class BuildReport:
    texts: int
    passages: int
    characters: int
    written: list[Path]
    removed: list[Path]


def _check_modern_coverage(source: Path, recipes: Iterable[Recipe]) -> None:
    """Every modern text must be imported: a new entry without a recipe is an error, not a silent skip."""
    path = source / MODERN_FILE
    if not path.exists():
        return
    wanted = {item["id"] for item in _load_raw(path)}
    have = {r.select.text_id for r in recipes if isinstance(r.select, ModernText)}
    missing = sorted(wanted - have)
    if missing:
        raise CorpusError(f"{MODERN_FILE} 中的篇目没有导入配方：{'、'.join(missing)}")


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)


HEADER = (
    "# 经典诵读书目 — generated by `classics corpus build` from the raw corpus.\n"
    "# Do not edit by hand: change the recipes in curriculum/catalog/importer.py\n"
    "# and rebuild. Sources and licences: data/SOURCES.md.\n"
)


def build_catalog(
    source: str | Path,
    out: str | Path,
    *,
    recipes: Iterable[Recipe] = RECIPES,
    progress: Callable[[list[Recipe]], Iterable[Recipe]] | None = None,
) -> BuildReport:
    """Build the catalog from ``source`` into ``out`` (``texts.yaml`` + ``texts/<id>.yaml``).

    Nothing is written unless every recipe succeeds, so a failed build never
    leaves a half-updated catalog. Text files of ids no longer in the recipes
    are removed.
    """
    source, out = Path(source), Path(out)
    recipes = list(recipes)
    ids = [r.id for r in recipes]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CorpusError(f"配方编号重复：{'、'.join(duplicates)}")
    _check_modern_coverage(source, recipes)

    cache: dict[str, Any] = {}
    entries: list[TextEntry] = []
    for recipe in progress(recipes) if progress else recipes:
        path = source / recipe.file
        if recipe.file not in cache:
            if not path.exists():
                raise CorpusError(f"{recipe.id}：找不到源文件 {path}")
            cache[recipe.file] = _load_raw(path)
        try:
            entries.append(build_text(recipe, cache[recipe.file]))
        except CorpusError as exc:
            raise CorpusError(f"{recipe.id}（{recipe.file}）：{exc}") from exc

    texts_dir = out / "texts"
    texts_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    index = []
    meta_fields = list(TextMeta.model_fields)
    for entry in entries:
        data = entry.model_dump(mode="json")
        index.append({k: data[k] for k in meta_fields})
        body = {"id": entry.id, "title": entry.title, "sections": [s.model_dump(mode="json") for s in entry.sections]}
        target = out / entry.file
        target.write_text(_dump(body), encoding="utf-8")
        written.append(target)
    catalog_path = out / "texts.yaml"
    catalog_path.write_text(HEADER + _dump({"version": 1, "texts": index}), encoding="utf-8")
    written.insert(0, catalog_path)

    keep = {out / e.file for e in entries}
    removed = sorted(p for p in texts_dir.glob("*.yaml") if p not in keep)
    for stale in removed:
        stale.unlink()
    return BuildReport(
        texts=len(entries),
        passages=sum(len(e.passages) for e in entries),
        characters=sum(e.characters for e in entries),
        written=written,
        removed=removed,
    )


__all__ = [
    "BuildReport",
    "CorpusError",
    "POST_T2S_FIXES",
    "RECIPES",
    "Recipe",
    "build_catalog",
    "build_text",
    "chinese_number",
    "clean",
    "split_passages",
    "strip_notes",
    "to_simplified",
]
