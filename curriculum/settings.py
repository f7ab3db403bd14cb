"""Application settings, read once from the environment (prefix ``CLASSICS_``).

One pydantic-settings class, as in the FastAPI full-stack template: the
database URL and the data directory are the two things a deployment changes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from curriculum import PROJECT_DIR

DEFAULT_DB_PATH = PROJECT_DIR / "var" / "classics.db"


class Settings(BaseSettings):
    """Deployment settings.

    ``CLASSICS_DATABASE_URL`` selects the store: the embedded SQLite file by
    default, or e.g. ``postgresql+psycopg://user@host/db`` for a city-wide
    deployment. ``CLASSICS_DATA_DIR`` is the one folder of shipped data: the
    catalog (``texts.yaml`` + ``texts/``), the festival rules, the curated
    pinyin readings and the pinyin references; every reader of data asks here.
    """

    model_config = SettingsConfigDict(env_prefix="CLASSICS_", extra="ignore")

    database_url: str = Field(default=f"sqlite:///{DEFAULT_DB_PATH}")
    data_dir: Path = Field(default=PROJECT_DIR / "data")
    timezone: str = "Asia/Shanghai"
    # Sign-in: required unless this is the embedded single-user default. Unset means
    # "on for PostgreSQL (a shared, city-wide deployment), off for SQLite".
    require_sign_in: bool | None = None
    session_hours: int = Field(default=8, ge=1, le=24 * 7)

    @property
    def sign_in_required(self) -> bool:
        if self.require_sign_in is not None:
            return self.require_sign_in
        return not self.database_url.startswith("sqlite")

    @property
    def catalog_path(self) -> Path:
        return self.data_dir / "texts.yaml"

    @property
    def festivals_path(self) -> Path:
        return self.data_dir / "festivals.yaml"

    @property
    def readings_path(self) -> Path:
        return self.data_dir / "pinyin_readings.yaml"

    @property
    def qianziwen_reference_path(self) -> Path:
        return self.data_dir / "reference" / "qianziwen_spells.json"


@lru_cache
def get_settings() -> Settings:
    return Settings()
