"""Address-book fixtures: files built from the public headers of each export, with fictional people."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


class AddressBooks:
    OUTLOOK_DESKTOP = FIXTURES / "outlook-desktop.csv"
    OUTLOOK_WEB = FIXTURES / "outlook-web.csv"
    GOOGLE = FIXTURES / "google-contacts.csv"
    MEETUP_MEMBERS_XLS = FIXTURES / "meetup-members.xls"
    MEETUP_MEMBERS_CSV = FIXTURES / "meetup-members.csv"
    IPHONE = FIXTURES / "iphone.vcf"
    ANDROID = FIXTURES / "android-2.1.vcf"
    VCARD_4 = FIXTURES / "contacts-4.0.vcf"
    BROKEN = FIXTURES / "broken.vcf"
