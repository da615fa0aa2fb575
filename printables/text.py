"""Fitting text into a box: shrink a line down to a floor, then wrap, and (for names) shrink further
rather than clip. Pure layout: it measures with the bundled fonts and returns lines and a size."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .bidi import shaped
from .geometry import Box
from .typeface import Weight, metrics, width

ELLIPSIS = "…"
SIZE_STEP = 0.5  # points: how finely sizes are tried when wrapping
_TOKEN = re.compile(r"\S+\s*")
_BREAK_AFTER = re.compile(r"(?<=[-/–—])(?=\S)")


@dataclass(frozen=True)
class TextStyle:
    """How one kind of text is set. Sizes in points.

    size: the preferred (largest) size. floor: a single line shrinks to this before wrapping.
    minimum: wrapped text that still does not fit shrinks to this (names are never clipped).
    shorten: secondary text instead wraps at the floor to at most `max_lines` lines and ends with an
    ellipsis if there is more (never used for names).
    """

    size: float
    floor: float | None = None
    minimum: float | None = None
    weight: Weight = Weight.REGULAR
    max_lines: int = 1
    leading: float = 1.15
    shorten: bool = False

    @property
    def floor_size(self) -> float:
        return self.size if self.floor is None else min(self.floor, self.size)

    @property
    def minimum_size(self) -> float:
        return self.floor_size if self.minimum is None else min(self.minimum, self.floor_size)

    def scaled(self, factor: float, *, least: float = 0.0) -> TextStyle:
        """The style for a cell `factor` times the reference size; preferred and floor sizes stay at or above
        `least` (small print stays legible), only a name's last-resort minimum may go below it."""
        size = max(self.size * factor, least)
        floor = None if self.floor is None else max(self.floor * factor, least)
        minimum = None if self.minimum is None else self.minimum * factor
        return replace(self, size=size, floor=floor, minimum=minimum)


@dataclass(frozen=True)
class Fitted:
    """Text broken into lines at one size. `overflow` is True when it could not be made to fit."""

    lines: tuple[str, ...]
    size: float
    style: TextStyle
    overflow: bool = False
    shortened: bool = False

    @property
    def height(self) -> float:
        return block_height(len(self.lines), self.size, self.style)

    @property
    def width(self) -> float:
        return max((width(line, self.size, self.style.weight) for line in self.lines), default=0.0)


def block_height(lines: int, size: float, style: TextStyle) -> float:
    """From the top of the first line's ascenders to the bottom of the last line's descenders."""
    if lines == 0:
        return 0.0
    ascent, descent = metrics(style.weight)
    return size * (ascent - descent) + (lines - 1) * size * style.leading


def _is_wide(char: str) -> bool:
    """CJK characters: a line may break between any two of them."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: words with their trailing space, split after hyphens and slashes,
    and single CJK characters."""
    pieces: list[str] = []
    for word in _TOKEN.findall(text):
        for part in _BREAK_AFTER.split(word):
            buffer = ""
            for char in part:
                if _is_wide(char):
                    if buffer:
                        pieces.append(buffer)
                        buffer = ""
                    pieces.append(char)
                else:
                    buffer += char
            if buffer:
                pieces.append(buffer)
    return pieces


def _split_long(token: str, limit: float, size: float, weight: Weight) -> list[str]:
    """A token wider than the line, cut between characters."""
    parts: list[str] = []
    current = ""
    for char in token:
        if current and width((current + char).rstrip(), size, weight) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    if current:
        parts.append(current)
    return parts


def whole_words_fit(text: str, limit: float, size: float, weight: Weight = Weight.REGULAR) -> bool:
    """True when every breakable piece of `text` fits the line, so wrapping need not cut a word."""
    return all(width(token.rstrip(), size, weight) <= limit for token in _tokens(text))


def wrap(text: str, limit: float, size: float, weight: Weight = Weight.REGULAR) -> list[str]:
    """Greedy line breaking of `text` so that no line is wider than `limit` at `size` (a word wider than the
    line is cut between characters)."""
    lines: list[str] = []
    current = ""
    for token in _tokens(text):
        candidate = current + token
        if width(candidate.rstrip(), size, weight) <= limit:
            current = candidate
            continue
        if current:
            lines.append(current.rstrip())
            current = ""
        if width(token.rstrip(), size, weight) <= limit:
            current = token
        else:
            *full, current = _split_long(token, limit, size, weight)
            lines.extend(part.rstrip() for part in full)
    if current.strip():
        lines.append(current.rstrip())
    return lines


def ellipsize(line: str, limit: float, size: float, weight: Weight) -> str:
    """`line` cut short with an ellipsis so that it fits `limit`."""
    kept = line
    while kept and width(kept.rstrip() + ELLIPSIS, size, weight) > limit:
        kept = kept[:-1]
    return kept.rstrip(" ,;·-") + ELLIPSIS


def fit(text: str, style: TextStyle, box_width: float, box_height: float, *, atomic: bool = False) -> Fitted:
    """The largest setting of `text` that fits the box, following the style's shrink-then-wrap rules.

    `atomic` text (an email address, a web address, a phone number) is never wrapped: a break would put a
    space into it when it is read back or typed in. It shrinks on its own line down to the style's minimum,
    and only if it is still too wide there is it cut between characters (never with a hyphen or a space).
    """
    text = shaped(" ".join(text.split()))  # Arabic joined before it is measured; see bidi.py
    if not text or box_width <= 0:
        return Fitted((), style.size, style)
    ascent, descent = metrics(style.weight)
    one_line_height = ascent - descent
    by_width = box_width / max(width(text, 1.0, style.weight), 1e-9)
    single = min(style.size, by_width, box_height / one_line_height)
    if single >= style.floor_size:
        return Fitted((text,), single, style)
    if atomic:
        return _fit_atomic(text, style, box_width, box_height, single)

    if style.shorten:
        size = style.floor_size
        lines = wrap(text, box_width, size, style.weight)
        keep = min(max_lines_in(box_height, size, style), max(style.max_lines, 1))
        if keep <= 0:
            return Fitted((), size, style, shortened=True)
        shown = lines[:keep]
        if len(lines) > keep:
            shown[-1] = ellipsize(shown[-1] + " " + lines[keep], box_width, size, style.weight)
        return Fitted(tuple(shown), size, style, shortened=len(lines) > keep)

    # Names: the largest size at which the name fits, on one line or wrapped between whole words (a long
    # hyphenated first name on two lines may be set far larger than on one). Only at the minimum size is a
    # word cut between characters.
    wrapped = _largest_wrapped(text, style, box_width, box_height)
    if wrapped is not None and (wrapped.size > single or single < style.minimum_size):
        return wrapped
    if single >= style.minimum_size:
        return Fitted((text,), single, style)
    return _at_minimum(wrap(text, box_width, style.minimum_size, style.weight), style, box_height)


def _at_minimum(lines: list[str], style: TextStyle, box_height: float) -> Fitted:
    """Lines set at the style's minimum size: the last resort, marked when even they overflow the box."""
    overflow = block_height(len(lines), style.minimum_size, style) > box_height + 1e-6
    return Fitted(tuple(lines), style.minimum_size, style, overflow=overflow)


def _largest_wrapped(text: str, style: TextStyle, box_width: float, box_height: float) -> Fitted | None:
    """`text` on two or more lines broken between whole words, at the largest size (in SIZE_STEP steps, no
    larger than the style's size) that fits the box; None when no size down to the minimum does."""
    tokens = _tokens(text)
    if len(tokens) < 2:
        return None
    widest = max(width(token.rstrip(), 1.0, style.weight) for token in tokens)
    two_lines = block_height(2, 1.0, style)
    start = min(style.size, box_width / max(widest, 1e-9), box_height / two_lines)
    size = style.minimum_size + SIZE_STEP * int((start - style.minimum_size + 1e-9) // SIZE_STEP)
    while size >= style.minimum_size - 1e-9:
        lines = wrap(text, box_width, size, style.weight)
        if block_height(len(lines), size, style) <= box_height + 1e-6:
            return Fitted(tuple(lines), size, style)
        size -= SIZE_STEP
    return None


def _fit_atomic(text: str, style: TextStyle, box_width: float, box_height: float, single: float) -> Fitted:
    if single >= style.minimum_size:
        return Fitted((text,), single, style)
    return _at_minimum(_split_long(text, box_width, style.minimum_size, style.weight), style, box_height)


def fit_atoms(atoms: Sequence[str], style: TextStyle, box_width: float, separator: str = "  ·  ") -> list[Fitted]:
    """Items that must each stay whole (contact details) set on as few lines as they take at the floor size,
    `separator` between items on a line. An item too wide for a line at the floor gets a line of its own at
    the size that fits it. Returned as blocks to stack, top to bottom."""
    atoms = [atom for atom in atoms if atom]
    if not atoms:
        return []
    unbounded = 10_000.0
    joined = fit(separator.join(atoms), style, box_width, unbounded, atomic=True)
    if joined.size >= style.floor_size and len(joined.lines) == 1:
        return [joined]
    size = style.floor_size
    blocks: list[Fitted] = []
    lines: list[str] = []
    current = ""

    def flush() -> None:
        nonlocal current, lines
        if current:
            lines.append(current)
        if lines:
            blocks.append(Fitted(tuple(lines), size, style))
        current, lines = "", []

    for atom in atoms:
        if width(atom, size, style.weight) > box_width:
            flush()
            blocks.append(fit(atom, style, box_width, unbounded, atomic=True))
            continue
        candidate = f"{current}{separator}{atom}" if current else atom
        if width(candidate, size, style.weight) <= box_width:
            current = candidate
        else:
            lines.append(current)
            current = atom
    flush()
    return blocks


def max_lines_in(box_height: float, size: float, style: TextStyle) -> int:
    ascent, descent = metrics(style.weight)
    first = size * (ascent - descent)
    if box_height < first:
        return 0
    return 1 + int((box_height - first + 1e-6) // (size * style.leading))


@dataclass(frozen=True)
class TextLine:
    """One line placed on the page: `y` is the baseline."""

    text: str
    x: float
    y: float
    size: float
    weight: Weight = Weight.REGULAR
    gray: float = 0.0  # 0 is black

    @property
    def width(self) -> float:
        return width(self.text, self.size, self.weight)

    @property
    def box(self) -> Box:
        ascent, descent = metrics(self.weight)
        return Box(self.x, self.y + descent * self.size, self.width, (ascent - descent) * self.size)


def place(
    fitted: Fitted, x: float, top: float, box_width: float, *, align: str = "left", gray: float = 0.0
) -> list[TextLine]:
    """Lines of `fitted` set from `top` downwards, aligned left, centre or right inside `box_width`."""
    ascent, _ = metrics(fitted.style.weight)
    placed = []
    for index, line in enumerate(fitted.lines):
        baseline = top - ascent * fitted.size - index * fitted.size * fitted.style.leading
        line_width = width(line, fitted.size, fitted.style.weight)
        if align == "center":
            left = x + (box_width - line_width) / 2
        elif align == "right":
            left = x + box_width - line_width
        else:
            left = x
        placed.append(TextLine(line, left, baseline, fitted.size, fitted.style.weight, gray))
    return placed
