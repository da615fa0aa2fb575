"""`tablesession print poster`: the door poster's QR code opens this meeting's attendee page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from app.cli.main import main
from app.web.poster_file import poster_address
from app.web.tokens import MeetingTokens, group_secret
from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.store import Store


def test_the_poster_carries_the_meetings_attendee_address(
    store: Store, meeting: Meeting, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert meeting.id is not None
    out = tmp_path / "poster.pdf"
    code = main(["--db", str(db_path), "print", "poster", "--address", "192.168.1.20", "-o", str(out)])
    assert code == 0
    assert "wrote" in capsys.readouterr().out
    token = MeetingTokens.for_meeting(group_secret(db_path), meeting.id).attendee
    document = pypdfium2.PdfDocument(str(out))
    assert len(document) == 1
    page = document[0]
    text = page.get_textpage().get_text_range()
    assert "Check in here" in text
    assert "Scan the code" in text
    assert "I’m new here" in text
    image = page.render(scale=2).to_pil()
    found = [barcode.text for barcode in zxingcpp.read_barcodes(image)]
    assert found == [f"http://192.168.1.20:8765/{token}/"]
    assert out.stat().st_mode & 0o077 == 0


def test_the_poster_address_is_read_or_refused() -> None:
    assert poster_address("10.0.0.5:9000") == ("10.0.0.5", 9000)
    assert poster_address("10.0.0.5") == ("10.0.0.5", 8765)
    with pytest.raises(TablesessionError, match="not a port number"):
        poster_address("10.0.0.5:http")
