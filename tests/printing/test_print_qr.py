"""QR symbols: the fast mask choice must be python-qrcode's own, and the drawn path must be the symbol."""

from __future__ import annotations

import qrcode
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode import util

from printables.qr import QUIET_ZONE, _rectangles, qr_matrix, qr_path


def reference_symbol(payload: str) -> tuple[int, list[list[bool]]]:
    """python-qrcode's own symbol and mask for the payload in byte mode, chosen the slow way."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(util.QRData(payload.encode("utf-8"), mode=util.MODE_8BIT_BYTE), optimize=0)
    code.best_fit()
    scores = []
    for mask in range(8):
        code.makeImpl(True, mask)
        scores.append(util.lost_point(code.modules))
    best = scores.index(min(scores))
    code.makeImpl(False, best)
    return best, [[bool(cell) for cell in row] for row in code.modules]


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="abcXYZ019;:,\r\né王Ω@.-", min_size=1, max_size=260))
def test_symbol_and_mask_match_python_qrcode(payload: str) -> None:
    mask, modules = reference_symbol(payload)
    matrix = qr_matrix(payload)
    assert matrix.mask == mask
    assert [list(row) for row in matrix.rows] == modules


def test_rectangles_cover_exactly_the_dark_modules() -> None:
    matrix = qr_matrix("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dubois;Olga;;;\r\nFN:Olga Dubois\r\nEND:VCARD\r\n")
    painted = [[False] * matrix.size for _ in range(matrix.size)]
    for x, top, width, height in _rectangles(matrix):
        for row in range(top, top + height):
            for column in range(x, x + width):
                assert not painted[row][column], "rectangles overlap"
                painted[row][column] = True
    assert painted == [list(row) for row in matrix.rows]


def test_path_leaves_a_four_module_quiet_zone() -> None:
    modules, path = qr_path("hello")
    assert modules == qr_matrix("hello").size + 2 * QUIET_ZONE
    coordinates = [line.split()[:4] for line in path.splitlines() if line.endswith(" re")]
    xs = [int(x) for x, _, _, _ in coordinates]
    ys = [int(y) for _, y, _, _ in coordinates]
    rights = [int(x) + int(w) for x, _, w, _ in coordinates]
    tops = [int(y) + int(h) for _, y, _, h in coordinates]
    assert min(xs) == QUIET_ZONE
    assert min(ys) == QUIET_ZONE
    assert max(rights) == modules - QUIET_ZONE
    assert max(tops) == modules - QUIET_ZONE
