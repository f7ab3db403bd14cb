"""The recipe table: everything the catalog says about each text, as data.

One ``Recipe`` per catalog text — which corpus file, which extractor (see
``catalog.extractors``), the id and the metadata (title, author, era,
category, stages, themes, 守则 articles, festivals, 思政 topics) — so
re-running ``classics corpus build`` regenerates the whole catalog. To add or
change a text, edit ``RECIPES`` here and rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from curriculum.catalog.extractors import (
    Anthology,
    Chapters,
    Couplets,
    Daodejing,
    Extract,
    ModernText,
    Paragraphs,
    Poem,
    Ranges,
    ThreeCharLines,
    Volumes,
)

# Top folder of the corpus → the upstream commit the copy was taken from
# (see shared/corpus/SOURCES.md and data/SOURCES.md).
SOURCE_COMMITS: dict[str, str] = {
    "chinese-poetry": "99ebbef7e1345c0985c44b9fd96a3f9e776f117b",
    "daodejing": "43bc0f8416360b2f43fa79efd02717c309aa056c",
    "modern": "",
}

MODERN_FILE = "modern/modern_texts.yaml"

SIZHENG_PATRIOTISM = "爱国主义教育"
SIZHENG_IDEALS = "理想信念教育"
SIZHENG_TRADITION = "中华优秀传统文化教育"
SIZHENG_REVOLUTION = "革命传统教育"
SIZHENG_VALUES = "社会主义核心价值观教育"
SIZHENG_MORALS = "道德修养与法治"
SIZHENG_LIFE = "人生观与价值观"

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
    return Recipe(id=id, file=file, select=Poem(title, author), title=title, author=author, era=era, stages=stages,
                  **kw)


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
        title="三字经", author="王应麟（相传），明清增补", era="南宋",
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
    _poem("yuanri_wanganshi", QJS, "元日", "王安石", "北宋", (K, PL, PM), themes=("节俗", "四季"),
          festivals=("chuxi", "chunjie")),
    _poem("qiuxi_dumu", TANG, "秋夕", "杜牧", "唐", (PM, PU), themes=("节俗", "四季"), festivals=("qixi",)),
    _poem("jiuyue_jiuri_yi_shandong_xiongdi", TANG, "九月九日忆山东兄弟", "王维", "唐", (PL, PM, PU),
          themes=("思乡", "亲情", "悌", "节俗"), shouze=(5,), festivals=("chongyang",)),
    _poem("youziyin", TANG, "游子吟", "孟郊", "唐", (K, PL, PM), themes=("孝", "亲情"), shouze=(5,),
          festivals=("chongyang",)),
    _poem("denggao_dufu", TANG, "登高", "杜甫", "唐", (J, S), themes=("家国", "四季", "节俗"),
          festivals=("chongyang",)),
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
