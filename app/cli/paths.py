"""Where databases live when `--db` does not say."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "tablesession"
GROUP_DB_NAME = "group.sqlite3"
DEMO_DB_NAME = "demo.sqlite3"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_group_db() -> Path:
    return data_dir() / GROUP_DB_NAME


def default_demo_db() -> Path:
    """The demo never shares a file with the group's real data."""
    return data_dir() / DEMO_DB_NAME
