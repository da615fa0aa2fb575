"""The Textual app a facilitator runs during the meeting."""
