"""千字文 against the reference pinyin of chinese-poetry (``spells``): the ≥ 99.5 % target."""

from pathlib import Path

import pytest

from curriculum.pinyin import annotate_text, plain_annotate
from curriculum.pinyin_reference import agreement_with_reference, load_reference, reference_corrections_path

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference" / "qianziwen_spells.json"

TARGET = 0.995


def _report(entry):
    ref = load_reference(REFERENCE)
    ours = agreement_with_reference(annotate_text(entry), ref)
    plain = agreement_with_reference([plain_annotate(p) for p in entry.passages], ref)
    print(
        f"\n千字文拼音一致率：本项目 {ours.ratio:.2%}（{ours.agree}/{ours.total}），"
        f"仅用 pypinyin {plain.ratio:.2%}（{plain.agree}/{plain.total}）"
    )
    for m in ours.mismatches:
        print(f"  {m.char}：本项目 {m.got}，参考 {m.expected}（{m.context}）")
    return ours, plain


def test_reference_covers_the_whole_text():
    ref = load_reference(REFERENCE)
    assert ref.title == "千字文"
    assert len(ref.chars) == len(ref.spells) == 1000
    assert ref.chars.startswith("天地玄黄宇宙洪荒")
    assert ref.spells[:4] == ("tiān", "dì", "xuán", "huáng")


def test_agreement_reaches_target_and_beats_plain_pypinyin(qianziwen):
    ours, plain = _report(qianziwen)
    assert ours.total == 1000
    assert ours.ratio >= TARGET
    assert plain.ratio < ours.ratio
    assert 0.95 < plain.ratio < 0.98  # the documented baseline (96.6 % against the corrected reference)


def test_remaining_differences_after_correcting_the_reference(qianziwen):
    ours, _ = _report(qianziwen)
    left = {(m.char, m.got, m.expected) for m in ours.mismatches}
    # The reference's known errors (被 pi, 的 de, 裳 shāng, 匪 fēi, and the characters it shares with the
    # corpus: 树/徂/雕) are corrected on load; only 俶载南亩 载 is still an open question.
    assert left == {("载", "zài", "zǎi")}


def test_the_known_errors_are_corrected_and_the_raw_file_is_kept():
    raw = load_reference(REFERENCE, corrected=False)
    fixed = load_reference(REFERENCE)
    assert len(fixed.corrected) == 7
    changed = {(raw.chars[i], raw.spells[i], fixed.chars[i], fixed.spells[i])
               for i in range(len(raw.chars)) if (raw.chars[i], raw.spells[i]) != (fixed.chars[i], fixed.spells[i])}
    assert changed == {
        ("裳", "shāng", "裳", "cháng"), ("树", "shù", "竹", "zhú"), ("被", "pi", "被", "pī"),
        ("匪", "fēi", "匪", "fěi"), ("徂", "cú", "组", "zǔ"), ("的", "de", "的", "dì"), ("雕", "diāo", "凋", "diāo"),
    }


def test_a_stale_known_error_is_refused(tmp_path):
    import shutil

    copy = tmp_path / "qianziwen_spells.json"
    shutil.copy(REFERENCE, copy)
    reference_corrections_path(copy).write_text(
        "corrections:\n  - {line: 天地玄黄, char: 天, from: tiàn, to: tiān, reason: x, source: y}\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="参考注音为 tiān，不是 tiàn"):
        load_reference(copy)


def test_same_figure_on_the_committed_catalog(catalog):
    ours, plain = _report(catalog.get("qianziwen"))
    assert ours.total == 1000
    assert ours.ratio >= TARGET
    assert plain.ratio < ours.ratio
