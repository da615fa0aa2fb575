"""Options several commands share."""

from __future__ import annotations

import argparse


def add_meeting_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--meeting",
        metavar="ID|DATE",
        help="which meeting (an id or YYYY-MM-DD); default: today's, else the latest",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
