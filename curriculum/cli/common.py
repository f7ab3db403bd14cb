"""Helpers shared by the CLI command modules: settings, engine, sessions, output."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
from sqlmodel import Session

from curriculum.db import make_engine, upgrade_database
from curriculum.settings import get_settings


def get_engine(upgrade: bool = True):
    """The CLI's engine (the CLI is an entry point, so it may create one)."""
    engine = make_engine(get_settings().database_url)
    if upgrade:
        upgrade_database(engine)
    return engine


@contextmanager
def session_scope() -> Iterator[Session]:
    engine = get_engine()
    with Session(engine) as session:
        yield session
    engine.dispose()


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def fail(message: str, code: int = 1) -> None:
    """Print a Chinese error message to stderr and exit with ``code``."""
    click.secho(message, fg="red", err=True)
    raise SystemExit(code)
