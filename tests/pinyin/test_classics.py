"""Well-known 多音字 of the classics, read as every annotated edition prints them.

``assert_reading(text_id, phrase, reading, at=k)``: in the catalog text, the
k-th character (0-based) of the first place ``phrase`` occurs reads
``reading`` — with the pinyin the reader and ``classics pinyin`` show.
"""

import pytest

from curriculum.pinyin import annotate_text, is_classical


@pytest.fixture(scope="module")
def assert_reading(catalog):
    cache = {}

    def check(text_id, phrase, reading, *, at):
        entry = catalog.get(text_id)
        if text_id not in cache:
            cache[text_id] = annotate_text(entry)
        for passage, pairs in zip(entry.passages, cache[text_id]):
            start = passage.find(phrase)
            if start != -1:
                char, got = pairs[start + at]
                assert (char, got) == (phrase[at], reading), f"{text_id}“{passage}”"
                return
        raise AssertionError(f"{text_id} 中没有“{phrase}”")

    return check


def test_dizigui(assert_reading):
    assert_reading("dizigui", "首孝弟", "tì", at=2)
    assert_reading("dizigui", "弟子规", "dì", at=0)
    assert_reading("dizigui", "兄道友，弟道恭", "dì", at=4)
    assert_reading("dizigui", "应勿缓", "yìng", at=0)
    assert_reading("dizigui", "晨则省", "xǐng", at=2)
    assert_reading("dizigui", "亲所好", "hào", at=2)
    assert_reading("dizigui", "亲所恶", "wù", at=2)
    assert_reading("dizigui", "朝起早", "zhāo", at=0)
    assert_reading("dizigui", "长者先", "zhǎng", at=0)
    assert_reading("dizigui", "彼说长", "cháng", at=2)
    assert_reading("dizigui", "年方少", "shào", at=2)
    assert_reading("dizigui", "下称家", "chèn", at=1)
    assert_reading("dizigui", "苟擅为，子道亏", "zǐ", at=4)
    assert_reading("dizigui", "无限好；德日进", "hǎo", at=2)


def test_sanzijing(assert_reading):
    assert_reading("sanzijing", "首孝弟", "tì", at=2)
    assert_reading("sanzijing", "弟于长", "tì", at=0)
    assert_reading("sanzijing", "弟于长", "zhǎng", at=2)
    assert_reading("sanzijing", "子不学", "zǐ", at=0)
    assert_reading("sanzijing", "择邻处", "chǔ", at=2)
    assert_reading("sanzijing", "玉不琢", "zhuó", at=2)
    assert_reading("sanzijing", "方少时", "shào", at=1)
    assert_reading("sanzijing", "礼乐备", "yuè", at=1)
    assert_reading("sanzijing", "尚游说", "shuì", at=2)
    assert_reading("sanzijing", "八百载", "zǎi", at=2)
    assert_reading("sanzijing", "最长久", "cháng", at=1)
    assert_reading("sanzijing", "乃曾子", "zēng", at=1)
    assert_reading("sanzijing", "朝于斯", "zhāo", at=0)


def test_lunyu(assert_reading):
    assert_reading("lunyu", "不亦说乎", "yuè", at=2)
    assert_reading("lunyu", "不亦乐乎", "lè", at=2)
    assert_reading("lunyu", "其为人也孝弟", "tì", at=5)
    assert_reading("lunyu", "而好犯上者", "hào", at=1)
    assert_reading("lunyu", "吾日三省吾身", "xǐng", at=3)
    assert_reading("lunyu", "出则弟", "tì", at=2)
    assert_reading("lunyu", "朝闻道", "zhāo", at=0)
    assert_reading("lunyu", "事君数", "shuò", at=2)
    assert_reading("lunyu", "知者乐水", "yào", at=2)
    assert_reading("lunyu", "知者乐水", "zhì", at=0)
    assert_reading("lunyu", "唯仁者能好人，能恶人", "wù", at=8)
    assert_reading("lunyu", "子曰", "zǐ", at=0)
    assert_reading("lunyu", "成事不说", "shuō", at=3)
    assert_reading("lunyu", "子路不说", "yuè", at=3)


def test_qianziwen(assert_reading):
    assert_reading("qianziwen", "辰宿列张", "xiù", at=1)
    assert_reading("qianziwen", "律吕调阳", "tiáo", at=2)
    assert_reading("qianziwen", "乐殊贵贱", "yuè", at=0)
    assert_reading("qianziwen", "说感武丁", "yuè", at=0)
    assert_reading("qianziwen", "化被草木", "pī", at=1)
    assert_reading("qianziwen", "渠荷的历", "dì", at=2)


def test_other_texts(assert_reading):
    assert_reading("manjianghong_nufachongguan", "怒发冲冠", "fà", at=1)
    assert_reading("chunwang_dufu", "不胜簪", "shēng", at=1)
    assert_reading("chusai_wangchangling", "飞将", "jiàng", at=1)
    assert_reading("daxue", "如好好色", "hǎo", at=2)
    # a modern text keeps modern readings: no classical 子 zǐ there
    assert_reading("zhongxiaoxuesheng_shouze_2015", "及时还", "huán", at=2)


def test_poems_and_prose_as_in_the_school_textbooks(assert_reading):
    assert_reading("dengguanquelou", "白日依山尽", "jìn", at=4)
    assert_reading("song_yuaner_shi_anxi", "渭城朝雨", "zhāo", at=2)
    assert_reading("song_yuaner_shi_anxi", "客舍青青", "shè", at=1)
    assert_reading("zaofa_baidicheng", "万重山", "chóng", at=1)
    assert_reading("huixiang_oushu", "少小离家", "shào", at=0)
    assert_reading("huanghelou_song_menghaoran", "唯见长江", "cháng", at=2)
    assert_reading("youziyin", "临行密密缝", "féng", at=4)
    assert_reading("taohuayuanji", "屋舍俨然", "shè", at=1)
    assert_reading("taohuayuanji", "率妻子邑人", "shuài", at=0)
    assert_reading("yueyanglouji", "浩浩汤汤", "shāng", at=2)
    assert_reading("chushibiao", "以遗陛下", "wèi", at=1)
    assert_reading("shuidiao_getou", "何似在人间", "sì", at=1)


def test_baijiaxing_reads_surnames(assert_reading):
    assert_reading("baijiaxing", "乐于时傅", "yuè", at=0)
    assert_reading("baijiaxing", "伍余元卜", "bǔ", at=3)
    assert_reading("baijiaxing", "干解应宗", "xiè", at=1)
    assert_reading("baijiaxing", "郁单杭洪", "shàn", at=1)
    assert_reading("baijiaxing", "淳于单于", "chán", at=2)
    assert_reading("baijiaxing", "曾毋沙乜", "zēng", at=0)
    assert_reading("baijiaxing", "万俟司马", "mò", at=0)
    assert_reading("baijiaxing", "尉迟公羊", "yù", at=0)


def test_daxue_and_mengzi(assert_reading):
    assert_reading("daxue", "弟者，所以事长也", "tì", at=0)  # a position rule: the comma splits the phrase
    assert_reading("daxue", "上长长而民兴弟", "tì", at=6)
    assert_reading("daxue", "以修身为本", "wéi", at=3)
    assert_reading("mengzi", "民为贵", "wéi", at=1)
    assert_reading("mengzi", "傅说举于版筑之间", "yuè", at=1)
    assert_reading("mengzi", "曾益其所不能", "zēng", at=0)
    assert_reading("mengzi", "一箪食", "sì", at=2)
    assert_reading("mengzi", "度，然后知长短", "duó", at=0)
    assert_reading("mengzi", "然后知长短", "cháng", at=3)
    assert_reading("lunyu", "虽少，必作", "shào", at=1)
    assert_reading("lunyu", "千乘之国", "shèng", at=1)


def test_shijing(assert_reading):
    assert_reading("shijing", "君子好逑", "hǎo", at=2)
    assert_reading("shijing", "钟鼓乐之", "lè", at=2)
    assert_reading("shijing", "灼灼其华", "huā", at=3)
    assert_reading("shijing", "白露为霜", "wéi", at=2)
    assert_reading("shijing", "道阻且长", "cháng", at=3)
    assert_reading("shijing", "与子同裳", "cháng", at=3)
    assert_reading("shijing", "雨雪霏霏", "yù", at=0)
    assert_reading("daodejing", "周行而不殆", "xíng", at=1)  # not the 诗经 road (háng)


def test_shenglv_qimeng(assert_reading):
    assert_reading("shenglv_qimeng", "道旁系剑子婴降", "xiáng", at=6)
    assert_reading("shenglv_qimeng", "奉璧蔺相如", "xiàng", at=3)
    assert_reading("shenglv_qimeng", "地久对天长", "cháng", at=4)
    assert_reading("shenglv_qimeng", "骤雨不终朝", "zhāo", at=4)
    assert_reading("shenglv_qimeng", "尘生边将旧征袍", "jiàng", at=3)
    assert_reading("shenglv_qimeng", "云对雨", "yǔ", at=2)


def test_zengguang_xianwen(assert_reading):
    assert_reading("zengguang_xianwen", "多少少年郎", "shào", at=2)
    assert_reading("zengguang_xianwen", "除非己莫为", "wéi", at=4)
    assert_reading("zengguang_xianwen", "一日为师", "wéi", at=2)
    assert_reading("zengguang_xianwen", "士为知己者死", "wèi", at=1)  # for the sake of
    assert_reading("zengguang_xianwen", "长江后浪推前浪", "cháng", at=0)


def test_lisao(assert_reading):
    assert_reading("lisao", "朝搴阰之木兰兮", "zhāo", at=0)
    assert_reading("lisao", "长太息以掩涕兮", "cháng", at=0)
    assert_reading("lisao", "余独好修以为常", "hào", at=2)
    assert_reading("lisao", "来吾道夫先路", "fú", at=3)
    assert_reading("lisao", "仆夫悲余马怀兮", "fū", at=1)
    assert_reading("zengguang_xianwen", "人到公门正好修", "hǎo", at=5)  # 正好, not 离骚's 好修


def test_daodejing_and_zhongyong(assert_reading):
    assert_reading("daodejing", "为学日益", "wéi", at=0)
    assert_reading("daodejing", "以万物为刍狗", "wéi", at=3)
    assert_reading("daodejing", "圣人为腹不为目", "wèi", at=2)
    assert_reading("zhongyong", "唯天下至诚，为能尽其性", "wéi", at=6)
    assert_reading("zhongyong", "旅酬下为上", "wèi", at=3)


def test_lunyu_wei(assert_reading):
    assert_reading("lunyu", "为人谋而不忠乎", "wèi", at=0)
    assert_reading("lunyu", "为政以德", "wéi", at=0)
    assert_reading("lunyu", "和为贵", "wéi", at=1)
    assert_reading("lunyu", "古之学者为己", "wèi", at=4)
    assert_reading("lunyu", "克己复礼为仁", "wéi", at=4)


def test_daodejing_chu_chang_qiang(assert_reading):
    assert_reading("daodejing", "是以圣人处无为之事", "chǔ", at=4)
    assert_reading("daodejing", "不可长保", "cháng", at=2)
    assert_reading("daodejing", "故强为之容", "qiǎng", at=1)
    assert_reading("daodejing", "其事好还", "hào", at=2)
    assert_reading("zengguang_xianwen", "不愁无处下金钩", "chù", at=3)


def test_zhongyong(assert_reading):
    assert_reading("zhongyong", "莫见乎隐", "xiàn", at=1)
    assert_reading("zhongyong", "发而皆中节", "zhòng", at=3)
    assert_reading("zhongyong", "故大德必得其位", "dé", at=4)
    assert_reading("zhongyong", "祸福将至", "jiāng", at=2)


def test_lunyu_readings_a_reviewer_found_wrong(assert_reading):
    assert_reading("lunyu", "巧言令色，鲜矣仁", "xiǎn", at=5)  # 鲜 = few
    assert_reading("lunyu", "众星共之", "gǒng", at=2)  # 共 = 拱
    assert_reading("lunyu", "父没，观其行", "mò", at=1)  # died
    assert_reading("lunyu", "吾十有五而志于学", "yòu", at=2)  # 有 = 又
    assert_reading("lunyu", "不知为不知，是知也", "zhì", at=7)  # 知 = 智
    assert_reading("lunyu", "求之与，抑与之与", "yú", at=2)  # 与 = 欤
    assert_reading("lunyu", "求之与，抑与之与", "yǔ", at=5)  # give
    assert_reading("lunyu", "求之与，抑与之与", "yú", at=7)
    assert_reading("lunyu", "天下有道则见", "xiàn", at=5)  # 见 = 现
    assert_reading("shishuo", "或师焉，或不焉", "fǒu", at=5)  # 不 = 否


def test_lunyu_tongjia_and_old_readings(assert_reading):
    assert_reading("lunyu", "民鲜久矣", "xiǎn", at=1)
    assert_reading("lunyu", "子路共之", "gǒng", at=2)
    assert_reading("lunyu", "文王既没", "mò", at=3)
    assert_reading("lunyu", "没阶，趋进", "mò", at=0)
    assert_reading("lunyu", "樊迟问知", "zhì", at=3)
    assert_reading("lunyu", "可谓知矣", "zhì", at=2)
    assert_reading("lunyu", "曰：“未知，焉得仁", "zhì", at=4)  # a position rule
    assert_reading("lunyu", "未知生，焉知死", "zhī", at=1)  # but 未知生 is to know
    assert_reading("lunyu", "邦有道则知", "zhì", at=4)
    assert_reading("lunyu", "知及之，仁不能守之", "zhì", at=0)
    assert_reading("lunyu", "唯上知与下愚不移", "zhì", at=2)
    assert_reading("lunyu", "唯上知与下愚不移", "yǔ", at=3)  # "and", not the particle
    assert_reading("lunyu", "君子一言以为知，一言以为不知", "zhì", at=6)
    assert_reading("lunyu", "君子一言以为知，一言以为不知", "zhì", at=13)
    assert_reading("lunyu", "是鲁孔丘与", "yú", at=4)
    assert_reading("lunyu", "归与！归与", "yú", at=1)
    assert_reading("lunyu", "子行三军，则谁与", "yǔ", at=7)  # verb: go along with
    assert_reading("lunyu", "岁不我与", "yǔ", at=3)  # verb: wait for
    assert_reading("lunyu", "见其二子焉", "xiàn", at=0)
    assert_reading("lunyu", "不如诸夏之亡也", "wú", at=5)  # 亡 = 无
    assert_reading("lunyu", "今也则亡", "wú", at=3)
    assert_reading("lunyu", "日知其所亡", "wú", at=4)
    assert_reading("lunyu", "亡之，命矣夫", "wáng", at=0)  # lose
    assert_reading("lunyu", "归孔子豚", "kuì", at=0)  # 归 = 馈
    assert_reading("lunyu", "齐人归女乐", "kuì", at=2)
    assert_reading("lunyu", "饭疏食饮水", "sì", at=2)
    assert_reading("lunyu", "杀鸡为黍而食之", "sì", at=5)  # feed
    assert_reading("lunyu", "乘肥马，衣轻裘", "yì", at=4)  # wear
    assert_reading("lunyu", "衣敝缊袍，与衣狐貉者立", "yì", at=0)
    assert_reading("lunyu", "衣敝缊袍，与衣狐貉者立", "yì", at=6)
    assert_reading("lunyu", "恶衣恶食", "yī", at=1)  # the noun
    assert_reading("lunyu", "公则说", "yuè", at=2)
    assert_reading("lunyu", "女器也", "rǔ", at=0)
    assert_reading("lunyu", "居！吾语女", "rǔ", at=4)
    assert_reading("lunyu", "居！吾语女", "yù", at=3)
    assert_reading("lunyu", "女为《周南》", "rǔ", at=0)
    assert_reading("lunyu", "于女安乎", "rǔ", at=1)
    assert_reading("lunyu", "唯女子与小人为难养也", "nǚ", at=1)
    assert_reading("lunyu", "非帷裳", "cháng", at=2)


def test_mengzi_daxue_zhongyong_daodejing_and_prose(assert_reading):
    assert_reading("daxue", "天下鲜矣", "xiǎn", at=2)
    assert_reading("zhongyong", "鲜能知味也", "xiǎn", at=0)
    assert_reading("zhongyong", "知仁勇三者", "zhì", at=0)
    assert_reading("zhongyong", "好学近乎知", "zhì", at=4)
    assert_reading("zhongyong", "成物，知也", "zhì", at=3)  # a position rule
    assert_reading("zhongyong", "舜其大孝也与", "yú", at=5)
    assert_reading("zhongyong", "不见而章", "xiàn", at=1)
    assert_reading("zhongyong", "衣锦尚䌹", "yì", at=0)
    assert_reading("mengzi", "非所以内交于孺子之父母也", "nà", at=3)  # 内 = 纳
    assert_reading("daodejing", "没身不殆", "mò", at=0)
    assert_reading("daodejing", "生之徒，十有三", "yòu", at=5)
    assert_reading("daodejing", "不自见，故明", "xiàn", at=2)
    assert_reading("daodejing", "使夫知者不敢为也", "zhì", at=2)
    assert_reading("daodejing", "其犹张弓与", "yú", at=4)
    assert_reading("daodejing", "治大国若烹小鲜", "xiān", at=6)  # fish, not few
    assert_reading("lisao", "孰求美而释女", "rǔ", at=5)
    assert_reading("lisao", "说操筑于傅岩兮", "yuè", at=0)
    assert_reading("chushibiao", "尔来二十有一年矣", "yòu", at=4)
    assert_reading("shenglv_qimeng", "知音人说郑声哇", "wā", at=6)
    assert_reading("shenglv_qimeng", "破的而探牛心", "dì", at=1)
    assert_reading("lunyu", "问一得三", "dé", at=2)


def test_no_tone_sandhi_in_recitation_texts(assert_reading, catalog):
    assert_reading("zengguang_xianwen", "待到明年差不多", "bù", at=5)
    assert_reading("zengguang_xianwen", "一个山头一只虎", "yī", at=0)
    assert_reading("lunyu", "孔子不见，归孔子豚", "bù", at=2)
    sandhi = [
        f"{entry.id}“{''.join(c for c, _ in passage)}”：{char} {reading}"
        for entry in catalog.texts
        for passage in annotate_text(entry)
        for char, reading in passage
        if (char == "不" and reading in {"bú", "bu"}) or (char == "一" and reading != "yī")
    ]
    assert sandhi == []


# The only toneless readings a text may print: particles and noun suffixes (neutral in every
# edition). Particles only in modern texts and in 增广贤文's vernacular sayings (免得, 稳的不滚);
# elsewhere in the classics 的 is dì (的然), 哇 wā, 个 gè.
NEUTRAL_SUFFIXES = {("子", "zi"), ("头", "tou")}
NEUTRAL_PARTICLES = {
    ("了", "le"), ("的", "de"), ("得", "de"), ("地", "de"), ("着", "zhe"), ("吧", "ba"), ("们", "men"),
}
VERNACULAR = {"zengguang_xianwen"}
# 白了少年头: the aspect particle 了, printed le in the school textbook's 满江红.
ALLOWED = {("manjianghong_nufachongguan", "了", "le")}


def test_no_toneless_syllable_except_genuine_neutral_tones(catalog):
    toneless = set()
    for entry in catalog.texts:
        allowed = NEUTRAL_SUFFIXES
        if not is_classical(entry) or entry.id in VERNACULAR:
            allowed = NEUTRAL_SUFFIXES | NEUTRAL_PARTICLES
        for passage in annotate_text(entry):
            for char, reading in passage:
                toneless_reading = reading and not any(c in reading for c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹ")
                if toneless_reading and (char, reading) not in allowed and (entry.id, char, reading) not in ALLOWED:
                    toneless.add(f"{entry.id}：{char} {reading}")
    assert sorted(toneless) == []


def test_fu_as_a_particle_and_a_demonstrative(assert_reading):
    assert_reading("lunyu", "逝者如斯夫", "fú", at=4)  # ends the sentence
    assert_reading("lunyu", "夫如是，则四方之民", "fú", at=0)  # opens it
    assert_reading("lunyu", "夫子之文章", "fū", at=0)  # the master
    assert_reading("lunyu", "夫人不言", "fú", at=0)  # "that man"
    assert_reading("lunyu", "夫人自称曰小童", "fū", at=0)  # the lord's wife
    assert_reading("lunyu", "今夫颛臾", "fú", at=1)
    assert_reading("daodejing", "夫唯不争", "fú", at=0)
    assert_reading("daodejing", "是以大丈夫处其厚", "fū", at=4)
    assert_reading("zhongyong", "道其不行矣夫", "fú", at=5)
    assert_reading("zhongyong", "夫妇之愚", "fū", at=0)
    assert_reading("zhongyong", "葬以大夫", "fū", at=3)
    assert_reading("zhongyong", "今夫天", "fú", at=1)
    assert_reading("daxue", "灾必逮夫身", "fú", at=3)
    assert_reading("mengzi", "此之谓大丈夫", "fū", at=5)
    assert_reading("shishuo", "夫庸知其年之先后生于吾乎", "fú", at=0)


def test_daxue_and_zhongyong_as_zhu_xi_reads_them(assert_reading):
    assert_reading("daxue", "此之谓自谦", "qiè", at=4)
    assert_reading("daxue", "见君子而后厌然", "yǎn", at=5)
    assert_reading("daxue", "瞻彼淇澳", "yù", at=3)
    assert_reading("daxue", "有所好乐", "hào", at=2)
    assert_reading("daxue", "之其所贱恶而辟焉", "wù", at=4)
    assert_reading("daxue", "虽不中不远矣", "zhòng", at=2)
    assert_reading("daxue", "尧、舜率天下以仁", "shuài", at=3)
    assert_reading("daxue", "絜矩之道", "xié", at=0)
    assert_reading("daxue", "其所厚者薄", "bó", at=4)
    assert_reading("zhongyong", "不变塞焉", "sè", at=2)
    assert_reading("zhongyong", "不可度思", "duó", at=2)
    assert_reading("zhongyong", "矧可射思", "yì", at=2)
    assert_reading("zhongyong", "齐明盛服", "zhāi", at=0)
    assert_reading("zhongyong", "追王大王", "wàng", at=1)
    assert_reading("zhongyong", "追王大王", "tài", at=2)
    assert_reading("zhongyong", "亲亲之杀", "shài", at=3)
    assert_reading("zhongyong", "既廪称事", "xì", at=0)
    assert_reading("zhongyong", "不勉而中", "zhòng", at=3)
    assert_reading("zhongyong", "一撮土之多", "cuō", at=1)
    assert_reading("zhongyong", "载华岳而不重", "huà", at=1)
    assert_reading("zhongyong", "考诸三王而不缪", "miù", at=6)
    assert_reading("zhongyong", "无不覆帱", "dào", at=3)
    assert_reading("zhongyong", "的然而日亡", "dì", at=0)
    assert_reading("zhongyong", "於穆不已", "wū", at=0)
    assert_reading("zhongyong", "予怀明德", "yú", at=0)
    assert_reading("zengguang_xianwen", "人情似纸张张薄", "báo", at=6)  # the colloquial saying


def test_lunyu_yu_sang_xiang_and_the_delights(assert_reading):
    assert_reading("lunyu", "天生德于予", "yú", at=4)  # 予 = I
    assert_reading("lunyu", "宰予昼寝", "yǔ", at=1)  # the disciple 宰予
    assert_reading("lunyu", "子食于有丧者之侧", "sāng", at=4)  # mourning
    assert_reading("lunyu", "丧，与其易也，宁戚", "sāng", at=0)  # a position rule
    assert_reading("lunyu", "天丧予", "sàng", at=1)  # heaven destroys me
    assert_reading("lunyu", "子语鲁大师乐", "yù", at=1)
    assert_reading("lunyu", "子语鲁大师乐", "tài", at=3)
    assert_reading("lunyu", "子语鲁大师乐", "yuè", at=5)
    assert_reading("lunyu", "从之，纯如也", "zòng", at=0)  # 从 = 纵
    assert_reading("lunyu", "叶公语孔子曰", "yù", at=2)
    assert_reading("lunyu", "管仲相桓公", "xiàng", at=2)
    assert_reading("lunyu", "事父母，几谏", "jī", at=4)
    assert_reading("lunyu", "冠者五六人", "guàn", at=0)
    assert_reading("lunyu", "益者三乐，损者三乐", "yào", at=3)
    assert_reading("lunyu", "乐节礼乐", "yuè", at=3)
    assert_reading("lunyu", "乐骄乐", "lè", at=2)
    assert_reading("lunyu", "闻乐不乐", "yuè", at=1)
    assert_reading("lunyu", "闻乐不乐", "lè", at=3)
    assert_reading("lunyu", "恶紫之夺朱也", "wù", at=0)
    assert_reading("lunyu", "恶称人之恶者", "è", at=4)
    assert_reading("lunyu", "奢则不孙", "xùn", at=3)
    assert_reading("lunyu", "亿则屡中", "zhòng", at=3)
    assert_reading("lunyu", "子路，行行如也", "hàng", at=3)
    assert_reading("lunyu", "陈文子有马十乘", "shèng", at=6)
    assert_reading("lunyu", "少者怀之", "shào", at=0)
    assert_reading("lunyu", "多识于鸟兽草木之名", "zhì", at=1)
    assert_reading("mengzi", "君子有三乐", "lè", at=4)  # 孟子's three joys stay lè
    assert_reading("lunyu", "吾不与祭，如不祭", "yù", at=2)  # take part
    assert_reading("lunyu", "而不与焉", "yù", at=2)
    assert_reading("lunyu", "吾不与也", "yǔ", at=2)  # go along with


def test_mengzi_and_daodejing_sweep(assert_reading):
    assert_reading("mengzi", "所欲有甚于生者", "shèn", at=3)
    assert_reading("mengzi", "故患有所不辟也", "bì", at=5)  # 辟 = 避
    assert_reading("mengzi", "丈夫之冠也", "guàn", at=3)
    assert_reading("mengzi", "语人曰", "yù", at=0)
    assert_reading("mengzi", "粢盛既洁", "chéng", at=1)
    assert_reading("mengzi", "然而旱干水溢", "gān", at=3)
    assert_reading("daodejing", "音声相和", "hè", at=3)
    assert_reading("daodejing", "唯之与阿", "ē", at=3)
    assert_reading("daodejing", "乐与饵，过客止", "yuè", at=0)
    assert_reading("daodejing", "将欲歙之", "xī", at=2)
    assert_reading("daodejing", "塞其兑", "sè", at=0)
    assert_reading("daodejing", "蜂虿虺蛇不螫", "huǐ", at=2)
    assert_reading("daodejing", "使有什伯之器而不用", "shí", at=2)
    assert_reading("shenglv_qimeng", "贫对富，塞对通", "sè", at=4)
    assert_reading("shenglv_qimeng", "榆塞对兰崖", "sài", at=1)
