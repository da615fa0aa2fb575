"""Where databases live when `--db` does not say, and where prints and exports go when `-o` does not."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import platformdirs

from sessions.errors import NotFoundError
from sessions.models import Meeting
from sessions.store import Store
from sessions.store.permissions import make_private_folder

APP_NAME = "tablesession"
GROUP_DB_NAME = "group.sqlite3"
DEMO_DB_NAME = "demo.sqlite3"
SLUG_MAX = 60
_NOT_IN_SLUG = re.compile(r"[\W_]+")


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_group_db() -> Path:
    return data_dir() / GROUP_DB_NAME


def default_demo_db() -> Path:
    """The demo never shares a file with the group's real data."""
    return data_dir() / DEMO_DB_NAME


def folder_slug(name: str, *, fallback: str = "group") -> str:
    """A group's name as a folder name: lower case, accents dropped, words joined by '-' (letters of any
    script are kept)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    slug = _NOT_IN_SLUG.sub("-", plain).strip("-")[:SLUG_MAX].rstrip("-")
    return slug or fallback


def default_output_folder(store: Store, meeting: Meeting | None) -> Path:
    """Where the app's and the command line's prints and exports go unless told otherwise:
    Documents/tablesession/GROUP-NAME/MEETING-DATE/ (one folder per group, so two groups meeting on the same
    day never write over each other's files). Nothing is created: see `prepare_output_folder`."""
    try:
        group = store.group.name
    except NotFoundError:
        group = ""
    folder = Path(platformdirs.user_documents_dir()) / APP_NAME / folder_slug(group)
    return folder / meeting.date.isoformat() if meeting is not None else folder


def prepare_output_folder(store: Store, meeting: Meeting | None) -> Path:
    """`default_output_folder`, made if need be, private to the user: its files hold people's details."""
    folder = default_output_folder(store, meeting)
    make_private_folder(folder)
    return folder
