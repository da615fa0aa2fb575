"""Names split as a person would; phones, emails and LinkedIn addresses cleaned or flagged."""

from __future__ import annotations

import pytest

from sessions.models import SharedField
from sessions.roster import cleaning
from sessions.roster.consent import choices_from_list, options_vocabulary
from sessions.roster.folding import fold, name_key
from sessions.roster.names import split_full_name


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Cher", "Cher", ""),
        ("  Jordan   Cohen ", "Jordan", "Cohen"),
        ("Mary Ann de la Cruz", "Mary Ann", "de la Cruz"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Cruz, Mary Ann", "Mary Ann", "Cruz"),
        ("Martin Luther King Jr.", "Martin Luther", "King Jr."),
        ("Sammy Davis, Jr.", "Sammy", "Davis Jr."),
        ("Al Green", "Al", "Green"),
        ("Kwame Trần", "Kwame", "Trần"),
    ],
)
def test_single_name_field_is_split_sensibly(full: str, first: str, last: str) -> None:
    split = split_full_name(full)
    assert (split.first_name, split.last_name) == (first, last)


def test_folding_ignores_case_accents_and_punctuation() -> None:
    assert fold("Renée O'Brien-Trần") == "renee o brien tran"
    assert fold("Søren ŁUKASZ") == "soren lukasz"
    assert name_key("Mía", "Fernández") == name_key("MIA", "fernandez")


@pytest.mark.parametrize(
    ("typed", "stored", "problem"),
    [
        ("(214) 555-7364", "+12145557364", None),
        ("+44 20 7946 0958", "+442079460958", None),
        ("555", "555", "'555' is not a valid phone number for region US; kept as typed"),
        ("call me", "call me", "'call me' is not a phone number we can read; kept as typed"),
        ("+1 214 555 0100 ext 5", "+1 214 555 0100 ext 5", "'+1 214 555 0100 ext 5' has an extension; kept as typed"),
        ("", None, None),
    ],
)
def test_phones(typed: str, stored: str | None, problem: str | None) -> None:
    assert cleaning.phone(typed, "US") == cleaning.Cleaned(stored, problem)


def test_phone_region_comes_from_the_group() -> None:
    assert cleaning.phone("020 7946 0958", "GB").value == "+442079460958"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("linkedin.com/in/kwame-brown-12", "https://www.linkedin.com/in/kwame-brown-12"),
        ("https://uk.linkedin.com/in/jo-bloggs/?trk=abc", "https://www.linkedin.com/in/jo-bloggs"),
        ("www.linkedin.com/in/-andersson-21/", "https://www.linkedin.com/in/-andersson-21"),
        ("@sofia-raman", "https://www.linkedin.com/in/sofia-raman"),
        ("in/sofia-raman", "https://www.linkedin.com/in/sofia-raman"),
        ("sofia-raman", "https://www.linkedin.com/in/sofia-raman"),
        ("https://www.linkedin.com/company/acme/", "https://www.linkedin.com/company/acme"),
    ],
)
def test_linkedin_handles_and_urls_are_normalised(typed: str, stored: str) -> None:
    assert cleaning.linkedin(typed) == cleaning.Cleaned(stored)


def test_a_non_linkedin_address_is_left_out_with_a_reason() -> None:
    assert cleaning.linkedin("https://example.com/me").problem == (
        "'https://example.com/me' is not a LinkedIn profile address; left out"
    )


def test_emails_are_checked_for_syntax_only() -> None:
    assert cleaning.email(" Ana@Example.COM ").value == "Ana@Example.COM"
    assert cleaning.email("mailto:ana@example.com").value == "ana@example.com"
    assert cleaning.email("not-an-email") == cleaning.Cleaned(
        None, "'not-an-email' is not a valid email address; left out"
    )


def test_formula_looking_text_is_kept_as_typed() -> None:
    assert cleaning.text(" =SUM(A1:A9) ") == "=SUM(A1:A9)"
    assert cleaning.split_list("-Company, @risk") == ["-Company", "@risk"]


def test_text_is_nfc_normalised() -> None:
    assert cleaning.text("Rene\u0301e") == "Ren\u00e9e"


def test_yes_no_answers() -> None:
    assert [cleaning.yes_no(v) for v in ("Yes", "y", "No", "no, thanks", "", "maybe")] == [
        True,
        True,
        False,
        False,
        None,
        None,
    ]


def test_checkbox_consent_lists() -> None:
    offered, unknown = options_vocabulary(["Email, Phone", "LinkedIn", "", "Fax"])
    assert offered == {SharedField.EMAIL, SharedField.PHONE, SharedField.LINKEDIN}
    assert unknown == {"Fax"}
    assert choices_from_list("LinkedIn", offered) == {
        SharedField.EMAIL: False,
        SharedField.PHONE: False,
        SharedField.LINKEDIN: True,
    }
    assert choices_from_list("  ", offered) == {}  # no answer: defaults stay
