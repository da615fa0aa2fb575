"""Printed documents for the room: name cards, badges, business cards, table sheets, the door list
and the company index. Each is a function from domain objects to a PDF; nothing here imports the UI."""
