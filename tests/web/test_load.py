"""Load on loopback, bounded: 60 phones check themselves in while the app runs and the facilitator types."""

from __future__ import annotations

from app.web.bench import ATTENDEES, KEY_TARGET_MS, OTHER_MEMBERS, RESPONSE_TARGET_MS, run_serve_bench


def test_sixty_phones_check_in_once_each_quickly_while_the_app_keeps_answering() -> None:
    figures = run_serve_bench(attendees=ATTENDEES, spread=15.0)
    assert figures["failures"] == 0, figures["first_failure"]
    assert figures["completed"] == ATTENDEES
    assert figures["checked_in"] == ATTENDEES
    assert figures["checked_in_once"] is True
    assert figures["members_after"] == ATTENDEES + OTHER_MEMBERS  # nobody added twice
    assert figures["requests"] == 4 * ATTENDEES
    assert figures["seconds"] < 60
    assert figures["response_p95_ms"] < RESPONSE_TARGET_MS, figures
    assert figures["keys"] > 0
    assert figures["key_p95_ms"] < KEY_TARGET_MS, figures
