"""Fitting text: shrink to a floor, then wrap; names never overflow; secondary text ends in an ellipsis."""

from __future__ import annotations

from printables.text import ELLIPSIS, TextStyle, block_height, fit, whole_words_fit, wrap
from printables.typeface import CJK, SANS, Weight, faces_used, runs, width

from .print_fixtures import LONG_NAME_60

NAME = TextStyle(72, floor=30, minimum=8, weight=Weight.BOLD)


def fits(fitted_lines: tuple[str, ...], size: float, style: TextStyle, box_width: float, box_height: float) -> bool:
    return all(width(line, size, style.weight) <= box_width + 0.01 for line in fitted_lines) and (
        block_height(len(fitted_lines), size, style) <= box_height + 0.01
    )


def test_a_short_name_is_set_at_the_preferred_size() -> None:
    fitted = fit("Olga", NAME, 400, 200)
    assert fitted.lines == ("Olga",)
    assert fitted.size == 72


def test_a_longer_name_shrinks_on_one_line_until_the_floor() -> None:
    fitted = fit("Bartholomew", NAME, 300, 200)
    assert len(fitted.lines) == 1
    assert 30 <= fitted.size < 72
    assert abs(width("Bartholomew", fitted.size, Weight.BOLD) - 300) < 0.5


def test_below_the_floor_the_name_wraps_instead_at_the_largest_size_that_fits() -> None:
    fitted = fit(LONG_NAME_60, NAME, 360, 400)
    assert len(fitted.lines) > 1
    assert fitted.size >= 30
    # Half a point larger no longer fits: the widest word would overflow the line.
    assert not whole_words_fit(LONG_NAME_60, 360, fitted.size + 0.5, NAME.weight)
    assert " ".join(fitted.lines).replace("- ", "-") == LONG_NAME_60
    assert fits(fitted.lines, fitted.size, NAME, 360, 400)


def test_a_name_that_cannot_fit_at_the_floor_keeps_shrinking_rather_than_clipping() -> None:
    fitted = fit(LONG_NAME_60, NAME, 150, 60)
    assert not fitted.overflow
    assert fitted.size < 30
    assert fits(fitted.lines, fitted.size, NAME, 150, 60)
    # Words are kept whole: the lines break at spaces and after hyphens.
    assert " ".join(fitted.lines).replace("- ", "-") == LONG_NAME_60


def test_a_word_wider_than_the_line_is_broken_between_characters() -> None:
    lines = wrap("Supercalifragilisticexpialidocious", 80, 12)
    assert len(lines) > 1
    assert "".join(lines) == "Supercalifragilisticexpialidocious"
    assert all(width(line, 12) <= 80 for line in lines)


def test_secondary_text_is_shortened_with_an_ellipsis() -> None:
    style = TextStyle(10, floor=8, max_lines=2, shorten=True)
    fitted = fit("word " * 80, style, 120, 100)
    assert len(fitted.lines) == 2
    assert fitted.shortened
    assert fitted.lines[-1].endswith(ELLIPSIS)
    assert all(width(line, fitted.size) <= 120 for line in fitted.lines)


def test_cjk_text_breaks_between_characters() -> None:
    lines = wrap("王小明是一位数据分析师正在寻找新的工作机会", 60, 12)
    assert len(lines) > 1
    assert "".join(lines) == "王小明是一位数据分析师正在寻找新的工作机会"


def test_mixed_scripts_are_split_into_runs_by_font() -> None:
    assert [(run.font, run.text) for run in runs("Wang 王小明")] == [(SANS.name, "Wang "), (CJK.name, "王小明")]
    assert faces_used("Γιώργος Дмитрий Renée") == {SANS.name}
