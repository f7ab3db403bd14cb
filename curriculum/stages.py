"""School stages (学段) — the "four connections" stage continuum.

Each stage carries its label, the grades it covers, a default reading pace and
the texts the programme features there.

The reading pace is characters per minute of *read-aloud practice with
repetition* (teacher reads, class echoes, class reads together), not silent
reading speed: a kindergarten class practising 弟子规 covers roughly 8 new
characters a minute once echo reading and repetition are counted, a senior high
class about 40. These defaults are adjustable per class.

References:
    漯河市 “四个打通” practice report (shared/domain/practice.md): kindergarten
    and primary read 弟子规 三字经 百家姓 千字文; upper primary and secondary
    read 论语 大学 道德经 离骚 满江红·怒发冲冠; 思政课 in upper senior high and
    university.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    grades: str
    order: int
    chars_per_minute: int
    featured: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("kindergarten", "幼儿园", "小班–大班", 0, 8,
          ("dizigui", "sanzijing", "baijiaxing", "qianziwen")),
    Stage("primary_lower", "小学低段", "1–2 年级", 1, 12,
          ("dizigui", "sanzijing", "baijiaxing", "qianziwen")),
    Stage("primary_middle", "小学中段", "3–4 年级", 2, 16,
          ("sanzijing", "qianziwen", "shenglv_qimeng", "dizigui")),
    Stage("primary_upper", "小学高段", "5–6 年级", 3, 20,
          ("lunyu", "daxue", "zengguang_xianwen", "zhuzi_jiaxun")),
    Stage("junior", "初中", "7–9 年级", 4, 28,
          ("lunyu", "daxue", "daodejing", "manjianghong_nufachongguan")),
    Stage("senior", "高中", "10–12 年级", 5, 36,
          ("lunyu", "daodejing", "lisao", "manjianghong_nufachongguan", "zhongyong")),
    Stage("university", "高校", "本科及以上", 6, 40,
          ("daodejing", "lisao", "mengzi", "zhongyong")),
)

STAGE_BY_KEY: dict[str, Stage] = {s.key: s for s in STAGES}
STAGE_KEYS: tuple[str, ...] = tuple(s.key for s in STAGES)
STAGE_LABELS: dict[str, str] = {s.key: s.label for s in STAGES}


def get_stage(key: str) -> Stage:
    """Return the stage for ``key`` or raise ``KeyError`` with a Chinese message."""
    try:
        return STAGE_BY_KEY[key]
    except KeyError:
        known = "、".join(STAGE_KEYS)
        raise KeyError(f"未知学段“{key}”，可选：{known}") from None


def reading_minutes(characters: int, stage_key: str) -> float:
    """Estimated minutes of read-aloud practice for ``characters`` at a stage's pace."""
    return characters / get_stage(stage_key).chars_per_minute
