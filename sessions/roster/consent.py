"""Sharing choices read from a registration file: yes/no questions and checkbox lists, asked either way.

Forms ask "May we share your email?" as often as "Please do NOT share my email", and people answer checkbox
lists with exclusions ("Everything except my phone number", "No email please"). Each question and answer is
read for what it says; when its meaning is not certain the field stays private and the import says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sessions.models import SharedField

from .cleaning import NO, YES, split_list, yes_no
from .folding import fold

# Words in a checkbox option and the card field each stands for ("Email", "Phone number", "LinkedIn").
OPTION_WORDS: tuple[tuple[tuple[str, ...], SharedField], ...] = (
    (("linkedin",), SharedField.LINKEDIN),
    (("email", "e mail", "mail"), SharedField.EMAIL),
    (("phone", "mobile", "cell", "telephone", "text", "whatsapp"), SharedField.PHONE),
    (("website", "web", "site", "portfolio"), SharedField.WEBSITE),
    (("headline", "about"), SharedField.HEADLINE),
    (("employer", "employers", "companies", "company", "work history"), SharedField.EMPLOYERS),
    (("target", "targets", "looking"), SharedField.TARGETS),
)
NOTHING = frozenset({"none", "nothing", "no", "none of the above", "n a"})
POLITE = frozenset({"thanks", "thank you", "thx", "please", "ta", "cheers"})  # options that say nothing at all
EVERYTHING = frozenset({"all", "everything", "all of the above", "all of them", "any", "anything", "all of it"})

# "do not share", "never show", "don't list": a refusal, up to three words between the two.
_NEGATED_VERB = re.compile(
    r"\b(not|never|no|(?:do|did|would|should|does|wo|ca)(?:n t|nt))\b(?: \w+){0,3}? "
    r"(share|sharing|shared|show|shown|publish|published|display|displayed|include|included|list|listed|give|see)\b"
)
_HIDING = re.compile(r"\b(hide|hidden|withhold|withheld|private|opt out|exclude|excluded|confidential)\b")
_ASKING = re.compile(r"\b(may|can|could|ok|okay|happy|allow|agree|consent|permission|like us to|want us to|or)\b")
# An option that refuses what it names: "No email please", "Don't share my phone", "not my LinkedIn".
_REFUSING = re.compile(
    r"\b(not|no|never|(?:do|did|would|should|does|wo|ca)(?:n t|nt)|without|hide|private|exclude|excluding|withhold)\b"
)
# An answer that makes its yes conditional or unsure: "Yes, but only my table", "maybe", "ask me first".
_UNSURE = re.compile(r"\b(but|except|only|unless|if|maybe|perhaps|depends|ask|not sure|unsure|later)\b")
_EXCEPT = re.compile(r"\b(?:except|except for|but not|apart from|other than|besides|excluding|minus)\b")


class Polarity(StrEnum):
    """Which way a consent question is asked."""

    GRANTS = "grants"  # "May we share your email?": yes shares it
    REFUSES = "refuses"  # "Please do NOT share my email": yes keeps it private
    UNCLEAR = "unclear"  # "Share your email, or keep it private?": a yes says nothing certain


def question_polarity(title: str) -> Polarity:
    words = fold(title)
    if not (_NEGATED_VERB.search(words) or _HIDING.search(words)):
        return Polarity.GRANTS
    # A refusal next to a request for permission or an alternative ("may we ... or keep it private?") is ambiguous.
    return Polarity.UNCLEAR if _ASKING.search(words) else Polarity.REFUSES


def option_field(option: str) -> SharedField | None:
    named = option_fields(option)
    return named[0] if named else None


def option_fields(option: str) -> list[SharedField]:
    """Every card field an option names, in the order of OPTION_WORDS ("Email and phone" names two)."""
    words = f" {fold(option)} "
    return [shared for keys, shared in OPTION_WORDS if any(f" {key} " in words for key in keys)]


def _understood(option: str) -> bool:
    """Whether an option says something we can read, even if it names no field ("Nothing", "Everything")."""
    folded = fold(option)
    known = folded in NOTHING or folded in EVERYTHING or folded in POLITE
    return known or bool(option_fields(option)) or bool(_REFUSING.search(folded))


def options_vocabulary(cells: Iterable[str]) -> tuple[set[SharedField], set[str]]:
    """The fields a checkbox column offers (every field anyone's answer names) and the options we cannot place."""
    offered: set[SharedField] = set()
    unknown: set[str] = set()
    for cell in cells:
        for option in split_list(cell):
            offered.update(option_fields(option))
            if not _understood(option):
                unknown.add(option)
    return offered, unknown


_UNSURE_OPTION = re.compile(r"\b(unless|if|maybe|perhaps|depends|ask|not sure|unsure|later)\b")


def _mentions(words: str, vocabulary: frozenset[str]) -> bool:
    padded = f" {words} "
    return any(f" {word} " in padded for word in vocabulary)


@dataclass
class Reading:
    """What one answer says: the fields it shares or keeps private, and each doubt that kept fields private."""

    choices: dict[SharedField, bool] = field(default_factory=dict)
    unsure: list[tuple[str, frozenset[SharedField]]] = field(default_factory=list)  # (why, fields kept private)

    def doubt(self, why: str, fields: Iterable[SharedField]) -> None:
        self.unsure.append((why, frozenset(fields)))


@dataclass
class _ListAnswer:
    """A checkbox answer taken apart, option by option."""

    ticked: set[SharedField] = field(default_factory=set)  # named plainly ("Email")
    everything: bool = False  # "Everything", "All of the above"
    refused: set[SharedField] = field(default_factory=set)  # "No email please", "... except my phone"
    doubtful: set[SharedField] = field(default_factory=set)


def read_list(cell: str, offered: set[SharedField], polarity: Polarity = Polarity.GRANTS) -> Reading:
    """A checkbox answer. Ticked options are shared, offered ones left unticked are not (the other way round
    when the question asks what to keep private). A blank cell is no answer at all."""
    reading = Reading()
    if not cell.strip():
        return reading
    if polarity is Polarity.UNCLEAR:
        reading.choices = _ordered(dict.fromkeys(offered | set(_named(cell)), False))
        return reading
    answer = _ListAnswer()
    for option in split_list(cell):
        _read_option(option, offered, polarity, answer, reading)
    contradicted = answer.ticked & answer.refused
    for shared in _in_order(contradicted):
        reading.doubt(f"the answer both names and refuses {shared.value}", [shared])
    fields = offered | answer.ticked | answer.refused
    if polarity is Polarity.REFUSES:
        # Ticked here means "keep private"; an exclusion ("everything except my email") leaves that one shared.
        private = (offered if answer.everything else answer.ticked) - answer.refused
        choices = {shared: shared not in private for shared in fields}
    else:
        shared_now = (offered if answer.everything else set()) | answer.ticked
        choices = {shared: shared in shared_now and shared not in answer.refused for shared in fields}
    for shared in answer.doubtful | contradicted:
        choices[shared] = False
    reading.choices = _ordered(choices)
    return reading


def _read_option(
    option: str, offered: set[SharedField], polarity: Polarity, answer: _ListAnswer, reading: Reading
) -> None:
    folded = fold(option)
    named = set(option_fields(option))
    parts = _EXCEPT.split(folded, maxsplit=1)
    if len(parts) == 2:  # "Everything except my phone number", "Email but not phone"
        head, tail = parts
        excepted, head_fields = set(option_fields(tail)), set(option_fields(head))
        if not excepted:
            answer.doubtful |= named or offered
            reading.doubt(f"{option!r} does not say which field it leaves out", named or offered)
            return
        answer.refused |= excepted
        if head_fields:
            answer.ticked |= head_fields
        elif _mentions(head, EVERYTHING):
            answer.everything = True
        else:
            others = offered - excepted
            answer.doubtful |= others
            reading.doubt(f"{option!r} does not say what it shares", others)
    elif _UNSURE_OPTION.search(folded):
        answer.doubtful |= named or offered
        reading.doubt(f"{option!r} is not a plain choice", named or offered)
    elif folded in NOTHING:
        if polarity is Polarity.GRANTS:
            answer.refused |= offered
    elif _REFUSING.search(folded):
        if polarity is Polarity.REFUSES:  # "not my email" under "what should we NOT share?": a double negative
            answer.doubtful |= named or offered
            reading.doubt(f"{option!r} refuses a refusal", named or offered)
        else:
            answer.refused |= named or offered
    elif folded in EVERYTHING:
        answer.everything = True
    elif folded not in POLITE:
        answer.ticked |= named


def _in_order(fields: Iterable[SharedField]) -> list[SharedField]:
    chosen = set(fields)
    return [shared for shared in SharedField if shared in chosen]


def _ordered(choices: dict[SharedField, bool]) -> dict[SharedField, bool]:
    return {shared: choices[shared] for shared in SharedField if shared in choices}


def _named(cell: str) -> list[SharedField]:
    return [shared for option in split_list(cell) for shared in option_fields(option)]


def choices_from_list(cell: str, offered: set[SharedField]) -> dict[SharedField, bool]:
    """The fields a checkbox answer shares and keeps private (see read_list)."""
    return read_list(cell, offered).choices


def read_yes_no(cell: str, shared: SharedField, polarity: Polarity) -> Reading:
    """An answer to "may others see your email?" (or to "please do NOT share my email")."""
    reading = Reading()
    answer = cell.strip()
    if not answer:
        return reading
    said = yes_no(answer)
    plain = fold(answer) in {fold(word) for word in YES | NO}
    if polarity is Polarity.UNCLEAR:
        reading.doubt("the question does not say whether a yes shares it or keeps it private", [shared])
    elif said is None:
        reading.doubt(f"{answer[:40]!r} is not a clear yes or no", [shared])
    elif said and polarity is Polarity.GRANTS and _UNSURE.search(fold(answer)) and not plain:
        reading.doubt(f"{answer[:40]!r} is not a plain yes", [shared])
    elif not said and polarity is Polarity.REFUSES and not plain:
        reading.doubt(f"{answer[:40]!r} answers a 'do not share' question with more than a no", [shared])
    else:
        reading.choices[shared] = said != (polarity is Polarity.REFUSES)
        return reading
    reading.choices[shared] = False
    return reading


Warn = Callable[[str, str], None]  # (the column's title, the message) for the row being read


@dataclass(frozen=True)
class ConsentColumn:
    """A column answering a consent question: a yes/no for one field, or a checkbox list."""

    index: int
    title: str
    polarity: Polarity
    shared: SharedField | None = None  # None: a checkbox list


@dataclass
class ConsentReader:
    """Reads a file's consent columns row by row; notes about whole columns are in `column_notes`."""

    columns: list[ConsentColumn]
    offered: set[SharedField] = field(default_factory=set)
    column_notes: list[tuple[str, str]] = field(default_factory=list)  # (the column's title, the message)

    @classmethod
    def of(
        cls,
        headers: list[str],
        columns: Iterable[tuple[int, SharedField | None]],
        rows: Iterable[tuple[int, Sequence[str]]],
    ) -> ConsentReader:
        """`columns`: each consent column's index and its field (None for a checkbox list); `rows`: each row's
        number as a spreadsheet shows it, and its cells."""
        reader = cls([ConsentColumn(i, headers[i], question_polarity(headers[i]), shared) for i, shared in columns])
        numbered = list(rows)
        for column in reader.columns:
            cells = [values[column.index] for _, values in numbered]
            if column.shared is None:
                offered, unknown = options_vocabulary(cells)
                reader.offered |= offered
                reader.column_notes.extend(
                    (column.title, f"option {option!r} is not a card field we know; it changes nothing")
                    for option in sorted(unknown)
                )
            if column.polarity is Polarity.UNCLEAR:
                answered = [str(number) for number, values in numbered if values[column.index].strip()]
                if answered:
                    reader.column_notes.append(
                        (
                            column.title,
                            "not clear whether a yes shares or keeps private; kept private for row(s) "
                            + ", ".join(answered[:20])
                            + (f" and {len(answered) - 20} more" if len(answered) > 20 else ""),
                        )
                    )
        return reader

    def read(self, values: Sequence[str], warn: Warn) -> dict[SharedField, bool]:
        """The sharing choices in one row. A field a later column answers plainly wins over a list."""
        choices: dict[SharedField, bool] = {}
        for column in sorted(self.columns, key=lambda c: c.shared is not None):
            cell = values[column.index]
            if column.shared is None:
                reading = read_list(cell, self.offered, column.polarity)
            else:
                reading = read_yes_no(cell, column.shared, column.polarity)
            if column.polarity is not Polarity.UNCLEAR:  # said once for the whole column
                for why, kept in reading.unsure:
                    fields = ", ".join(f.value for f in _in_order(kept))
                    warn(column.title, f"{why}; kept {fields} private" if fields else f"{why}; it changes nothing")
            choices.update(reading.choices)
        return choices
