"""Reading colours back from a captured terminal screen (the tmux tests' helper)."""

from __future__ import annotations

from tests.tmux_terminal import style_in

SCREEN = "\n".join(
    [
        "\x1b[38;5;17m\u2590\x1b[38;5;115m\x1b[48;5;17mX\x1b[0m Tent cards",
        " \x1b[1m\x1b[48;5;28m SPEAKING \x1b[0m  plain",
    ]
)


def test_the_style_in_force_where_the_text_starts() -> None:
    assert style_in(SCREEN, "X") == "38;5;17;38;5;115;48;5;17"
    assert style_in(SCREEN, "SPEAKING") == "1;48;5;28"


def test_a_reset_clears_the_style_and_missing_text_has_none() -> None:
    assert style_in(SCREEN, "Tent cards") == ""
    assert style_in(SCREEN, "plain") == ""
    assert style_in(SCREEN, "absent") == ""
