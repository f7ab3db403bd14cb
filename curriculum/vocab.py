"""Controlled vocabularies shared by the catalog, events and dashboards.

Keys are stable English identifiers stored in data and the database; labels are
the Simplified Chinese names shown to users. The structure follows the
programme's "four connections" (四个打通) and "six integrations" (六个融合).
"""

from __future__ import annotations

# Content categories (四个打通 · 内容).
CATEGORIES: dict[str, str] = {
    "traditional": "中华优秀传统文化",
    "revolutionary": "革命文化",
    "socialist": "社会主义先进文化",
}

# Spheres (四个打通 · 学校/家庭/社会).
SPHERES: dict[str, str] = {
    "school": "学校",
    "family": "家庭",
    "society": "社会",
}

# The six integrations (六个融合).
INTEGRATIONS: dict[str, str] = {
    "campus": "经典诵读与校园文化融合",
    "urban_rural": "城乡同步融合",
    "teachers": "与师资队伍建设融合",
    "festivals": "与“我们的节日”融合",
    "moral": "与道德实践养成融合",
    "online": "线上线下融合",
}

# Festivals and national days the programme reads on. Dates are computed in
# ``curriculum.festivals``; this is only the shared key → name table.
FESTIVALS: dict[str, str] = {
    "chuxi": "除夕",
    "chunjie": "春节",
    "yuanxiao": "元宵节",
    "qingming": "清明节",
    "duanwu": "端午节",
    "qixi": "七夕节",
    "zhongqiu": "中秋节",
    "chongyang": "重阳节",
    "dongzhi": "冬至",
    "world_book_day": "世界读书日",
    "children_day": "儿童节",
    "party_day": "建党节",
    "teachers_day": "教师节",
    "national_day": "国庆节",
}

# 《中小学生守则（2015年修订）》 — the nine articles moral-practice links point to.
SHOUZE_ARTICLES: dict[int, str] = {
    1: "爱党爱国爱人民",
    2: "好学多问肯钻研",
    3: "勤劳笃行乐奉献",
    4: "明礼守法讲美德",
    5: "孝亲尊师善待人",
    6: "诚实守信有担当",
    7: "自强自律健身心",
    8: "珍爱生命保安全",
    9: "勤俭节约护家园",
}

# Themes a text can carry. Kept closed so that a typo in the catalog is caught.
THEMES: tuple[str, ...] = (
    "孝", "悌", "仁", "礼", "诚信", "勤学", "修身", "立志", "爱国", "家国",
    "思乡", "亲情", "友情", "师道", "自然", "四季", "节俗", "节俭", "处世",
    "治国", "理想", "奉献", "英雄", "民族精神", "自强", "敬老", "劳动", "规范",
    "识字", "声律", "哲理", "励志", "和谐", "文明",
)

# Short weekday names, indexed like ``date.weekday()`` (0 = Monday). The one
# table every label, chart axis and export uses.
WEEKDAY_LABELS: tuple[str, ...] = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
