"""Catalog factories for tests: one text from keyword arguments, and a five-text browsing catalog."""

from __future__ import annotations

from curriculum.catalog.schema import Catalog, TextEntry


def make_text(text_id, title, *, author="佚名", era="清", category="traditional", stages=("primary_lower",),
              themes=(), shouze=(), festivals=(), sections=(("正文", ("天地玄黄，宇宙洪荒。",)),)) -> TextEntry:
    """A valid ``TextEntry``; ``sections`` are ``(title, passages)`` pairs."""
    return TextEntry.model_validate(
        {
            "id": text_id, "title": title, "author": author, "era": era, "category": category,
            "stages": stages, "themes": themes, "shouze": shouze, "festivals": festivals,
            "source": {"file": "test"}, "file": f"texts/{text_id}.yaml",
            "sections": [{"title": t, "passages": p} for t, p in sections],
        }
    )


def browse_catalog() -> Catalog:
    """Five texts across categories, stages, themes and festivals (sections with and without headings)."""
    return Catalog(texts=(
        make_text("dizigui", "弟子规", author="李毓秀", stages=("kindergarten", "primary_lower"),
                  themes=("孝", "规范"), shouze=(4, 5),
                  sections=(("总叙", ("弟子规，圣人训。", "首孝弟，次谨信。")),
                            ("入则孝", ("父母呼，应勿缓。",)))),
        make_text("lunyu", "论语", author="孔子弟子及再传弟子", era="春秋",
                  stages=("primary_upper", "junior", "senior"), themes=("勤学", "修身"), shouze=(2,),
                  festivals=("chunjie",),
                  sections=(("学而第一", ("子曰：学而时习之，不亦说乎？有朋自远方来，不亦乐乎？",)),
                            ("为政第二", ("子曰：温故而知新，可以为师矣。",)))),
        make_text("jingyesi", "静夜思", author="李白", era="唐", stages=("kindergarten", "primary_lower"),
                  themes=("思乡",), festivals=("zhongqiu",),
                  sections=(("静夜思", ("床前明月光，疑是地上霜。", "举头望明月，低头思故乡。")),)),
        make_text("qinyuanchun_xue", "沁园春·雪", author="毛泽东", era="现代", category="revolutionary",
                  stages=("junior", "senior", "university"), themes=("爱国",), shouze=(1,),
                  festivals=("national_day",),
                  sections=(("正文", ("北国风光，千里冰封，万里雪飘。",)),)),
        make_text("quotes", "学习论语", author="某某", era="现代", category="socialist",
                  stages=("university",), sections=(("正文", ("我们读论语。",)),)),
    ))
