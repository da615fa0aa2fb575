"""Guessing what a question-titled column means from its words ("What role are you looking for?" -> target roles).

Rules are data, tried in order: the first rule whose pattern matches a title claims it. Consent
questions come first, because "May others see your email address?" also mentions email.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import ImportField as F
from .folding import fold

# Asked either way: "May others see your email?" and "Please do NOT share my email" / "Hide my phone number".
_CONSENT = (
    r"\b(share|sharing|see|show|shown|visible|consent|permission|publish|display|may other|ok to|okay to"
    r"|hide|hidden|withhold|keep private|kept private|private)\b"
)


@dataclass(frozen=True)
class Rule:
    field: F
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None = None

    def claims(self, title: str) -> bool:
        return bool(self.pattern.search(title)) and not (self.unless and self.unless.search(title))


def _rule(field: F, pattern: str, unless: str | None = None) -> Rule:
    return Rule(field, re.compile(pattern), re.compile(unless) if unless else None)


RULES: tuple[Rule, ...] = (
    _rule(F.SHARE_LIST, rf"{_CONSENT}.*(contact details|check all|all that apply|which|what)"),
    _rule(F.SHARE_EMAIL, rf"{_CONSENT}.*\be ?mail\b|\be ?mail\b.*{_CONSENT}"),
    _rule(F.SHARE_PHONE, rf"{_CONSENT}.*\b(phone|mobile|cell)\b|\b(phone|mobile|cell)\b.*{_CONSENT}"),
    _rule(F.SHARE_LINKEDIN, rf"{_CONSENT}.*\blinkedin\b|\blinkedin\b.*{_CONSENT}"),
    _rule(F.FIRST_TIME, r"\b(first time|first meeting|first visit|new here|new to)\b"),
    _rule(F.EMAIL, r"\be ?mail\b"),
    _rule(F.LINKEDIN, r"\blinkedin\b"),
    _rule(F.PHONE, r"\b(phone|mobile|cell|telephone|tel|whatsapp)\b"),
    _rule(F.WEBSITE, r"\b(website|web site|homepage|home page|portfolio|blog|url)\b"),
    _rule(F.FIRST_NAME, r"\b(first name|given name|forename|first)\b"),
    _rule(F.LAST_NAME, r"\b(last name|surname|family name|last)\b"),
    _rule(F.FULL_NAME, r"\bname\b", unless=r"\b(company|employer|organi[sz]ation|event|user|group|team|school|file)\b"),
    _rule(
        F.TARGET_COMPANIES,
        r"\b(target|dream|would like|want|interested|wish|hoping|looking)\b.*\bcompan"
        r"|\bcompan.*\b(target|dream|want|interest)",
    ),
    _rule(
        F.TARGET_ROLES,
        r"\b(looking for|target|next role|seeking|want|wish|hope|hoping|aspir\w*|interested in|next|goal)\b",
    ),
    _rule(
        F.EMPLOYERS,
        r"\b(companies|employers|worked for|worked at|past employ\w*|previous employ\w*|organi[sz]ations)\b",
    ),
    _rule(F.COMPANY, r"\b(company|employer|organi[sz]ation|workplace|where do you work)\b"),
    _rule(F.HEADLINE, r"\b(headline|about you|tagline|bio|summary|elevator|one line|introduce)\b"),
    _rule(F.JOB_TITLE, r"\b(title|position|role|job|occupation|profession)\b"),
    _rule(F.SUBGROUPS, r"\b(sub ?group|subgroups|track|cohort|circle|chapter|industry|function|department)\b"),
    _rule(F.STATUS, r"\b(attendee status|registration status|status)\b"),
    _rule(F.RSVP, r"\brsvp\b"),
    _rule(F.GUESTS, r"\bguests?\b"),
)


def guess_field(title: str) -> F | None:
    """The field a column titled `title` most likely holds, or None."""
    folded = fold(title)
    for rule in RULES:
        if rule.claims(folded):
            return rule.field
    return None
