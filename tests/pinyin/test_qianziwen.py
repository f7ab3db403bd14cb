"""千字文 against the reference pinyin of chinese-poetry (``spells``): the ≥ 99.5 % target."""

from pathlib import Path

from curriculum.pinyin import agreement_with_reference, annotate_text, load_reference, plain_annotate

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
    assert 0.95 < plain.ratio < 0.98  # the documented baseline (~96.6 %)


def test_remaining_differences_are_the_references_doubtful_entries_not_copied(qianziwen):
    ours, _ = _report(qianziwen)
    left = {(m.char, m.got, m.expected) for m in ours.mismatches}
    # 化被草木: 被 pī (the reference writes "pi" without a tone)
    assert ("被", "pī", "pi") in left
    # 渠荷的历: 的历 = 的皪, dì (the reference's "de" is the modern particle)
    assert ("的", "dì", "de") in left
    assert len(left) <= 5


def test_same_figure_on_the_committed_catalog(catalog):
    ours, plain = _report(catalog.get("qianziwen"))
    assert ours.total == 1000
    assert ours.ratio >= TARGET
    assert plain.ratio < ours.ratio
