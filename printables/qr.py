"""Contact QR codes: the module matrix (python-qrcode), chosen mask, and the vector path that draws it.

python-qrcode picks the mask by building the symbol eight times and scoring each in pure Python, about 20 ms
a code; a night's printing needs hundreds. Here the symbol is built once with mask 0, the data modules are
unmasked, and the eight candidates are scored with the standard's penalty rules on whole-symbol bit sets
(one Python integer per symbol, rows or columns packed end to end). The choice is the one python-qrcode
would make (the tests compare them); then the library lays out the symbol with that mask.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import qrcode
from qrcode import util
from qrcode.constants import ERROR_CORRECT_L, ERROR_CORRECT_M
from qrcode.util import BIT_LIMIT_TABLE

QUIET_ZONE = 4  # modules of light margin the standard asks for on every side
ERROR_CORRECTION = ERROR_CORRECT_M
# Tried in this order where space allows: M recovers 15 % of a smudged code, L only 7 % but holds more.
ERROR_LEVELS = (ERROR_CORRECT_M, ERROR_CORRECT_L)
MAX_VERSION = 40

MASKS: tuple[Callable[[int, int], bool], ...] = (
    lambda r, c: (r + c) % 2 == 0,
    lambda r, c: r % 2 == 0,
    lambda r, c: c % 3 == 0,
    lambda r, c: (r + c) % 3 == 0,
    lambda r, c: (r // 2 + c // 3) % 2 == 0,
    lambda r, c: (r * c) % 2 + (r * c) % 3 == 0,
    lambda r, c: ((r * c) % 2 + (r * c) % 3) % 2 == 0,
    lambda r, c: ((r * c) % 3 + (r + c) % 2) % 2 == 0,
)


@dataclass(frozen=True)
class QrMatrix:
    """The dark modules of a symbol, without the quiet zone; `rows[r][c]` is True for dark."""

    rows: tuple[tuple[bool, ...], ...]
    version: int
    mask: int

    @property
    def size(self) -> int:
        return len(self.rows)

    @property
    def size_with_quiet_zone(self) -> int:
        return self.size + 2 * QUIET_ZONE


class _LayoutProbe(qrcode.QRCode):  # type: ignore[misc]
    """Lays out the function patterns and (blank) format areas of a version, leaving data modules as None."""

    def map_data(self, data: Any, mask_pattern: Any) -> None:
        return None


def _pack(lines: list[list[bool]] | list[tuple[bool, ...]]) -> int:
    """Lines of modules as one integer: line i occupies bits i*n .. i*n+n-1, module j at bit i*n+j."""
    text = "".join("".join("1" if cell else "0" for cell in reversed(line)) for line in reversed(lines))
    return int(text, 2) if text else 0


@dataclass(frozen=True)
class _VersionLayout:
    n: int
    fixed_rows: int  # function modules (format areas light), row-packed
    fixed_cols: int
    data_rows: int  # 1 where a data module sits
    data_cols: int
    mask_rows: tuple[int, ...]  # each mask pattern restricted to data modules
    mask_cols: tuple[int, ...]
    valid1: int  # positions with at least 1 more module to the right on the same line
    valid4: int
    valid10: int
    not_last_line: int
    all_bits: int


@lru_cache(maxsize=40)
def _layout(version: int) -> _VersionLayout:
    # Function patterns and data positions depend on the version only, not on the error-correction level.
    probe = _LayoutProbe(version=version, error_correction=ERROR_CORRECTION, border=0)
    probe.add_data(b"")
    probe.makeImpl(True, 0)
    modules: list[list[bool | None]] = probe.modules
    n = len(modules)
    fixed = [[bool(cell) for cell in row] for row in modules]
    data = [[cell is None for cell in row] for row in modules]
    mask_grids = [[[data[r][c] and mask(r, c) for c in range(n)] for r in range(n)] for mask in MASKS]

    def columns(grid: list[list[bool]]) -> list[tuple[bool, ...]]:
        return list(zip(*grid, strict=True))

    def line_positions(limit: int) -> int:
        one_line = (1 << max(n - limit, 0)) - 1
        return sum(one_line << (i * n) for i in range(n))

    return _VersionLayout(
        n=n,
        fixed_rows=_pack(fixed),
        fixed_cols=_pack(columns(fixed)),
        data_rows=_pack(data),
        data_cols=_pack(columns(data)),
        mask_rows=tuple(_pack(grid) for grid in mask_grids),
        mask_cols=tuple(_pack(columns(grid)) for grid in mask_grids),
        valid1=line_positions(1),
        valid4=line_positions(4),
        valid10=line_positions(10),
        not_last_line=(1 << (n * (n - 1))) - 1,
        all_bits=(1 << (n * n)) - 1,
    )


def _runs_penalty(lines: int, layout: _VersionLayout) -> int:
    """Rule 1: a run of L >= 5 same-coloured modules in a line costs L - 2."""
    equal_next = ~(lines ^ (lines >> 1)) & layout.valid1
    windows = equal_next & (equal_next >> 1) & (equal_next >> 2) & (equal_next >> 3) & layout.valid4
    starts = windows & ~(windows << 1)
    return windows.bit_count() + 2 * starts.bit_count()


def _finder_penalty(lines: int, layout: _VersionLayout) -> int:
    """Rule 3: 1:1:3:1:1 dark-light-dark-light-dark with four light modules on either side costs 40."""
    light = ~lines & layout.all_bits
    core = lines & (light >> 1) & (lines >> 2) & (lines >> 3) & (lines >> 4) & (light >> 5) & (lines >> 6)
    light4 = light & (light >> 1) & (light >> 2) & (light >> 3)
    matches = ((core & (light4 >> 7)) | (light4 & (core >> 4))) & layout.valid10
    return 40 * matches.bit_count()


def _penalty(rows: int, cols: int, layout: _VersionLayout) -> int:
    n = layout.n
    score = _runs_penalty(rows, layout) + _runs_penalty(cols, layout)
    # Rule 2: every 2x2 block of one colour costs 3.
    below = ~(rows ^ (rows >> n)) & layout.not_last_line
    beside = ~(rows ^ (rows >> 1)) & layout.valid1
    score += 3 * (below & (below >> 1) & beside & layout.valid1).bit_count()
    score += _finder_penalty(rows, layout) + _finder_penalty(cols, layout)
    # Rule 4: 10 for every 5 % the dark share strays from half (computed as python-qrcode does).
    percent = rows.bit_count() / (n * n)
    score += int(abs(percent * 100 - 50) / 5) * 10
    return score


def best_mask(code: qrcode.QRCode) -> int:
    """The mask with the lowest penalty (the first one on a tie), for a code already made with mask 0."""
    layout = _layout(code.version)
    mask0 = [[bool(cell) for cell in row] for row in code.modules]
    raw_rows = (_pack(mask0) ^ layout.mask_rows[0]) & layout.data_rows
    raw_cols = (_pack(list(zip(*mask0, strict=True))) ^ layout.mask_cols[0]) & layout.data_cols
    scores = [
        _penalty(layout.fixed_rows | (raw_rows ^ mask_r), layout.fixed_cols | (raw_cols ^ mask_c), layout)
        for mask_r, mask_c in zip(layout.mask_rows, layout.mask_cols, strict=True)
    ]
    return scores.index(min(scores))


def modules_of(version: int) -> int:
    """Modules across a symbol of `version`, quiet zone included."""
    return 17 + 4 * version + 2 * QUIET_ZONE


def smallest_version(payload: str, error_correction: int = ERROR_CORRECTION) -> int | None:
    """The smallest version holding `payload` in byte mode at the level, or None when none does."""
    data_bits = 8 * len(payload.encode("utf-8"))
    for version in range(1, MAX_VERSION + 1):
        count_bits = 8 if version < 10 else 16
        if 4 + count_bits + data_bits <= BIT_LIMIT_TABLE[error_correction][version]:
            return version
    return None


@lru_cache(maxsize=2048)
def qr_matrix(payload: str, error_correction: int = ERROR_CORRECTION) -> QrMatrix:
    """The QR symbol of `payload` as UTF-8 bytes (byte mode, no ECI) at the error-correction level."""
    # The version is worked out from the byte count (python-qrcode's own search encodes the data each try).
    code = qrcode.QRCode(
        version=smallest_version(payload, error_correction), error_correction=error_correction, border=0, mask_pattern=0
    )
    # Byte mode stated outright: python-qrcode would pick numeric mode for an all-digit payload, which
    # would not match the version worked out above.
    code.add_data(util.QRData(payload.encode("utf-8"), mode=util.MODE_8BIT_BYTE), optimize=0)
    code.make(fit=code.version is None)
    mask = best_mask(code)
    if mask != 0:
        code.makeImpl(False, mask)
    rows = tuple(tuple(bool(cell) for cell in row) for row in code.modules)
    return QrMatrix(rows=rows, version=code.version, mask=mask)


def _rectangles(matrix: QrMatrix) -> list[tuple[int, int, int, int]]:
    """Dark modules as few rectangles: runs along each row, stacked down while the run repeats."""
    open_runs: dict[tuple[int, int], int] = {}  # (start column, end column) -> first row
    rects: list[tuple[int, int, int, int]] = []
    n = matrix.size
    for r, row in enumerate((*matrix.rows, (False,) * n)):
        runs: set[tuple[int, int]] = set()
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                runs.add((start, c))
            else:
                c += 1
        for run in list(open_runs):
            if run not in runs:
                first = open_runs.pop(run)
                rects.append((run[0], first, run[1] - run[0], r - first))
        for run in runs:
            open_runs.setdefault(run, r)
    return rects


@lru_cache(maxsize=2048)
def qr_path(payload: str, error_correction: int = ERROR_CORRECTION) -> tuple[int, str]:
    """(modules across including the quiet zone, PDF path operators) for the code, in module units with
    the origin at the lower-left corner of the quiet zone. One filled path: crisp at any size, no bitmap."""
    matrix = qr_matrix(payload, error_correction)
    total = matrix.size_with_quiet_zone
    ops = ["0 g"]
    for x, top_row, width, height in _rectangles(matrix):
        y = total - QUIET_ZONE - top_row - height
        ops.append(f"{x + QUIET_ZONE} {y} {width} {height} re")
    ops.append("f")
    return total, "\n".join(ops)


def clear_caches() -> None:
    """Forget computed codes (the benchmark measures a cold start)."""
    qr_matrix.cache_clear()
    qr_path.cache_clear()
