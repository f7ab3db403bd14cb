"""The committed catalog (data/texts.yaml): valid, complete, and fit for every stage."""

from __future__ import annotations

import re
from pathlib import Path

import noto_cjk_sans_otc
import pytest
from fontTools.ttLib import TTCollection

from curriculum.catalog.cleaning import sentences
from curriculum.catalog.loader import catalog_stats, load_catalog
from curriculum.settings import Settings
from curriculum.stages import STAGE_KEYS, STAGES
from curriculum.vocab import CATEGORIES, FESTIVALS

CATALOG_PATH = Path(__file__).resolve().parents[2] / "data" / "texts.yaml"

REQUIRED_IDS = [
    # the nine texts the practice names, with full text
    "dizigui", "sanzijing", "baijiaxing", "qianziwen", "lunyu", "daxue", "daodejing", "lisao",
    "manjianghong_nufachongguan",
    # what a real programme reads
    "shenglv_qimeng", "zengguang_xianwen", "zhuzi_jiaxun", "zhongyong", "mengzi", "shijing",
    "shishuo", "loushiming", "yueyanglouji", "chushibiao", "taohuayuanji",
    "shuidiao_getou", "qingyuan_yuanxi",
    "qingming_dumu", "jiuyue_jiuri_yi_shandong_xiongdi", "youziyin", "jingyesi", "yuanri_wanganshi",
    "qiuxi_dumu", "denggao_dufu", "wangyue_huaiyuan", "jiangxue", "chunwang_dufu", "dengguanquelou", "chunxiao",
]  # fmt: skip

MODERN_IDS = [
    "shaonian_zhongguo_shuo", "yuzhong_tibi", "jiuyi_shi_xia_minghan", "jiuyi_shi_ji_hongchang",
    "meiling_sanzhang", "qiu_ge", "yiyongjun_jinxingqu", "shehuizhuyi_hexin_jiazhiguan",
    "zhongxiaoxuesheng_shouze_2015",
]  # fmt: skip

# Festival → texts, agreed with data/festivals.yaml: exactly these texts carry the key.
FESTIVAL_TEXTS = {
    "chuxi": {"yuanri_wanganshi"},
    "chunjie": {"lunyu", "yuanri_wanganshi"},
    "yuanxiao": {"qingyuan_yuanxi"},
    "qingming": {"qingming_dumu"},
    "duanwu": {"lisao"},
    "qixi": {"qiuxi_dumu"},
    "zhongqiu": {"shuidiao_getou", "wangyue_huaiyuan", "jingyesi"},
    "chongyang": {"jiuyue_jiuri_yi_shandong_xiongdi", "youziyin", "denggao_dufu"},
    "dongzhi": {"jiangxue", "zhuzi_jiaxun"},
    "world_book_day": {"lunyu", "shishuo"},
    "children_day": {"shaonian_zhongguo_shuo"},
    "party_day": {"meiling_sanzhang", "jiuyi_shi_xia_minghan"},
    "teachers_day": {"shishuo"},
    "national_day": {"yiyongjun_jinxingqu", "manjianghong_nufachongguan", "shaonian_zhongguo_shuo"},
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(CATALOG_PATH)


def full(catalog, text_id: str) -> str:
    return "".join(catalog.get(text_id).passages)


def test_default_settings_point_at_the_committed_catalog(monkeypatch):
    monkeypatch.delenv("CLASSICS_DATA_DIR", raising=False)
    assert Settings().catalog_path.resolve() == CATALOG_PATH.resolve()


def test_catalog_is_valid_and_large_enough(catalog):
    stats = catalog_stats(catalog)
    assert stats["texts"] >= 40
    assert stats["passages"] > 2000
    assert stats["characters"] > 50000


def test_every_required_and_modern_text_is_there(catalog):
    missing = [i for i in REQUIRED_IDS + MODERN_IDS if i not in catalog]
    assert missing == []
    poems = [t for t in catalog.texts if t.source.file.endswith(("tangshisanbaishou.json", "qianjiashi.json"))]
    assert len(poems) >= 20


def test_nine_featured_classics_have_their_full_text(catalog):
    daodejing = catalog.get("daodejing")
    assert len(daodejing.sections) == 81
    assert daodejing.sections[0].title == "第一章" and daodejing.sections[-1].title == "第八十一章"
    assert daodejing.passages[0].startswith("道可道，非常道。名可名，非常名。")
    assert "信言不美，美言不信。" in full(catalog, "daodejing")
    assert "天下莫能臣也" in "".join(daodejing.sections[31].passages)

    lunyu = catalog.get("lunyu")
    assert len(lunyu.sections) == 20
    assert lunyu.sections[0].title == "学而篇" and lunyu.sections[-1].title == "尧曰篇"
    assert "不亦说乎" in lunyu.passages[0]
    assert "不知命，无以为君子也" in full(catalog, "lunyu")

    lisao = full(catalog, "lisao")
    assert lisao.startswith("帝高阳之苗裔兮，朕皇考曰伯庸。")
    assert "路漫漫其修远兮，吾将上下而求索。" in lisao
    assert lisao.endswith("乱曰：已矣哉！国无人莫我知兮，又何怀乎故都！既莫足与为美政兮，吾将从彭咸之所居！")

    qianziwen = catalog.get("qianziwen")
    assert qianziwen.characters == 1000 and len(qianziwen.passages) == 125
    assert qianziwen.passages[0] == "天地玄黄，宇宙洪荒。"
    assert qianziwen.passages[-1] == "谓语助者，焉哉乎也。"

    sanzijing = full(catalog, "sanzijing")
    assert sanzijing.startswith("人之初，性本善，性相近，习相远。") and sanzijing.endswith("戒之哉，宜勉力。")
    assert "苟不教，性乃迁，" in sanzijing

    baijiaxing = catalog.get("baijiaxing")
    assert baijiaxing.passages[0] == "赵钱孙李，周吴郑王。" and baijiaxing.passages[-1] == "第五言福，百家姓终。"

    dizigui = catalog.get("dizigui")
    assert [s.title for s in dizigui.sections][:3] == ["总叙", "入则孝", "出则弟"]
    assert dizigui.characters == 1080
    assert "父母呼，应勿缓；父母命，行勿懒。" in dizigui.passages

    assert full(catalog, "daxue").startswith("大学之道，在明明德，在亲民，在止于至善。")
    manjianghong = full(catalog, "manjianghong_nufachongguan")
    assert manjianghong.startswith("怒发冲冠") and manjianghong.endswith("朝天阙。")
    assert catalog.get("manjianghong_nufachongguan").author == "岳飞"


def test_selections_have_titled_sections(catalog):
    assert [s.title for s in catalog.get("shijing").sections][:4] == ["关雎", "桃夭", "静女", "木瓜"]
    assert "蒹葭" in [s.title for s in catalog.get("shijing").sections]
    mengzi = catalog.get("mengzi")
    titles = [s.title for s in mengzi.sections]
    assert "鱼我所欲也" in titles and "生于忧患，死于安乐" in titles
    assert "舍生而取义者也" in "".join(mengzi.sections[titles.index("鱼我所欲也")].passages)
    assert "先天下之忧而忧，后天下之乐而乐" in full(catalog, "yueyanglouji")
    assert full(catalog, "loushiming").endswith("孔子云：何陋之有？")
    assert "但愿人长久，千里共婵娟。" in full(catalog, "shuidiao_getou")
    assert "蓦然回首，那人却在，灯火阑珊处。" in full(catalog, "qingyuan_yuanxi")


def test_modern_texts_keep_their_wording_and_articles(catalog):
    shouze = catalog.get("zhongxiaoxuesheng_shouze_2015")
    assert [p.split(".", 1)[0] for p in shouze.passages] == [str(n) for n in range(1, 10)]
    assert shouze.category == "socialist"
    assert catalog.get("yiyongjun_jinxingqu").category == "revolutionary"
    assert catalog.get("yiyongjun_jinxingqu").passages[0] == "起来！不愿做奴隶的人们！把我们的血肉，筑成我们新的长城！"


def test_festival_links_are_exactly_the_agreed_ones(catalog):
    linked = {key: {t.id for t in catalog.texts if key in t.festivals} for key in FESTIVALS}
    assert linked == FESTIVAL_TEXTS


@pytest.mark.parametrize("stage", STAGE_KEYS)
def test_every_stage_has_five_texts_and_every_category(catalog, stage):
    texts = catalog.for_stage(stage)
    assert len(texts) >= 5
    assert {t.category for t in texts} == set(CATEGORIES)


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.key)
def test_featured_texts_exist_and_are_recommended_for_their_stage(catalog, stage):
    for text_id in stage.featured:
        assert text_id in catalog, text_id
        assert stage.key in catalog.get(text_id).stages, (stage.key, text_id)


def test_early_stages_read_the_primers_and_later_stages_the_four_books(catalog):
    for text_id in ("dizigui", "sanzijing", "baijiaxing", "qianziwen"):
        assert {"kindergarten", "primary_lower"} <= set(catalog.get(text_id).stages)
    for text_id in ("lunyu", "daxue", "daodejing", "lisao", "manjianghong_nufachongguan"):
        stages = set(catalog.get(text_id).stages)
        assert "kindergarten" not in stages and {"junior", "senior"} <= stages


def test_sizheng_topics_serve_senior_and_university(catalog):
    for stage in ("senior", "university"):
        with_topics = [t for t in catalog.for_stage(stage) if t.sizheng]
        assert {t.category for t in with_topics} == set(CATEGORIES), stage


def test_shouze_articles_are_linked(catalog):
    linked = {a for t in catalog.texts for a in t.shouze}
    assert linked == set(range(1, 10))
    assert 5 in catalog.get("dizigui").shouze  # 孝亲尊师善待人


def test_sources_name_file_and_commit(catalog):
    for text in catalog.texts:
        top = text.source.file.split("/", 1)[0]
        assert top in {"chinese-poetry", "daodejing", "modern"}, text.id
        assert bool(text.source.commit) == (top != "modern"), text.id


def test_passages_are_simplified_clean_and_never_cut_a_sentence(catalog):
    for text in catalog.texts:
        for passage in text.passages:
            assert passage == passage.strip() and " " not in passage, text.id
            assert not re.search(r"[`「」『』()]", passage), (text.id, passage)
            # 於 is kept where it is its own word (於戏, 於乎, 於穆) or the surname 於 (荀羊於惠).
            without_yu = passage.replace("於戏", "").replace("於乎", "").replace("於穆", "").replace("荀羊於惠", "")
            assert not re.search(r"[後裏說於們這來時為與會學國]", without_yu), (text.id, passage)
            assert len(passage) <= 80 or len(sentences(passage)) == 1, (text.id, passage)


def test_classical_readings_survive_conversion(catalog):
    assert "震对乾" in full(catalog, "shenglv_qimeng")
    assert "傅说举于版筑之间" in full(catalog, "mengzi")
    assert "荀羊於惠" in full(catalog, "baijiaxing") and "乐于时傅" in full(catalog, "baijiaxing")
    assert "靡室靡家，猃狁之故。" in full(catalog, "shijing")
    assert "於戏前王不忘" in full(catalog, "daxue")


def test_every_character_is_drawable_by_the_shipped_font(catalog):
    font = Path(noto_cjk_sans_otc.__file__).parent / "NotoSansCJK-Regular.ttc"
    collection = TTCollection(str(font))
    sc = next(f for f in collection.fonts if f["name"].getDebugName(4) == "Noto Sans CJK SC")
    cmap = sc.getBestCmap()
    missing = sorted({(ch, t.id) for t in catalog.texts for p in t.passages for ch in p if ord(ch) not in cmap})
    assert missing == []
