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


# --- stored keys of each area (CHECK constraints in the schema come from these) ---

# Who came to a community event (also the roles a sign-up can carry).
ATTENDANCE_ROLES: dict[str, str] = {
    "student": "学生",
    "parent": "家长",
    "resident": "居民",
    "volunteer": "志愿者",
    "teacher": "教师",
}


# 结对子: who gives (a school or a cultural society) …
PARTNER_KINDS: dict[str, str] = {"school": "学校", "society": "文化社团"}


# … and who receives (a community or a township).
TARGET_KINDS: dict[str, str] = {"community": "社区", "township": "乡镇"}


# What a pairing shares (资源共享).
PAIRING_RESOURCES: dict[str, str] = {
    "teachers": "师资",
    "exhibition": "展览",
    "works": "文化作品",
    "materials": "学习资源",
}


# People who run community reading.
PERSON_ROLES: dict[str, str] = {"leader": "领读员", "volunteer": "志愿者"}


# An event's life: a festival suggestion waits for a leader's confirmation.
EVENT_STATUSES: dict[str, str] = {"suggested": "待确认", "confirmed": "已确认", "dropped": "已放弃"}


# A sign-up: within the places, on the waitlist, or cancelled.
SIGNUP_STATUSES: dict[str, str] = {"confirmed": "已报名", "waitlist": "候补", "cancelled": "已取消"}


# Venue types named in the programme report (社会层面 …阵地).
VENUE_TYPES: dict[str, str] = {
    "community": "社区",
    "library": "图书馆",
    "patriotic_base": "爱国主义教育基地",
    "science_museum": "科技馆",
    "practice_station": "新时代文明实践站",
    "park": "游园",
    "bus_station": "公交场站",
    "outdoor_screen": "户外大屏",
    "school": "学校",
    "online": "线上",
}


# What a calendar day is for a school, in legend order (computed, never stored).
DAY_STATUSES: dict[str, str] = {
    "school": "上课",
    "weekend": "周末",
    "holiday": "节假日",
    "makeup": "调休上班",
    "closure": "停课",
}


# What one item of a daily session is.
ITEM_KINDS: dict[str, str] = {"new": "新授", "review": "复习", "activity": "活动"}


# Weekly activities a plan can give a weekday (Friday = 背诵检查).
WEEKDAY_PATTERNS: dict[str, str] = {"recitation_check": "背诵检查", "story": "讲故事"}


# Edits a teacher makes to a plan (each one undoable).
PLAN_OPERATIONS: dict[str, str] = {
    "bump": "顺延",
    "lock": "锁定",
    "unlock": "解锁",
    "extra": "加课",
    "reorder": "调整篇目顺序",
    "mark_done": "标记完成",
    "regenerate": "重新排课",
}


# Audiences trained batch by batch (分期分批).
COHORTS: dict[str, str] = {
    "cadres": "党政机关干部",
    "backbone": "企事业理论骨干",
    "principals": "中小学校长",
    "kindergarten_directors": "幼儿园园长",
    "teachers": "教师",
}


# Who is invited to lecture (邀请省内外文化名家、具有实践经验的校长或教师).
SPEAKER_KINDS: dict[str, str] = {
    "cultural_expert": "省内外文化名家",
    "practitioner": "有实践经验的校长或教师",
}


# How a training session is held.
TRAINING_MODES: dict[str, str] = {"offline": "线下", "online": "线上"}


# New-media channels of 云上读经典.
CHANNELS: dict[str, str] = {
    "wechat_account": "公众号",
    "video_account": "视频号",
    "radio": "电台",
    "tv": "电视台",
    "mini_program": "小程序",
    "website": "网站",
}


# What a channel reports for an item.
ONLINE_METRICS: dict[str, str] = {"views": "浏览量", "likes": "点赞", "comments": "评论", "shares": "转发"}


# Where a planned session stands: on the timetable, pushed past the term's end, or dropped.
SESSION_STATUSES: dict[str, str] = {"scheduled": "已排课", "unscheduled": "未能排入", "cancelled": "已取消"}


# A school's own change to its calendar.
ADJUSTMENT_KINDS: dict[str, str] = {"closure": "停课", "makeup": "补课"}


# How a festival's date is given.
FESTIVAL_KINDS: dict[str, str] = {"lunar": "农历", "solar_term": "节气", "fixed": "公历"}


# What a signed-in account may do, each within its scope (a school, a reading point, a district or the city).
ACCOUNT_ROLES: dict[str, str] = {
    "teacher": "教师",
    "leader": "诵读点负责人",
    "bureau": "教育局",
    "admin": "管理员",
}
