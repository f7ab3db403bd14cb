"""Page-test helpers shared by several page tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def download_names(monkeypatch) -> list[str]:
    """The file names download buttons offer, in render order (AppTest keeps them in its media manager only)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    names: list[str] = []
    for method in ("add", "add_deferred"):
        original = getattr(MediaFileManager, method)

        def spy(self, *args, _original=original, **kwargs):
            names.append(kwargs.get("file_name"))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(MediaFileManager, method, spy)
    return names
