"""Importing a meeting exported as JSON (see meeting_json.py) into this laptop's group.

The same people are matched, not duplicated: by email (ignoring case), else by name when no email
says otherwise. A new member arrives with the file's card (whole, or what was shared) and sharing
choices as recorded there. A matched member keeps this laptop's card; blank fields are filled from the
file (shared only if both laptops share that field), and when the file's card is the newer one its
values, sharing choices and tags win. The meeting is
matched by date (and title when several share the date), attendance is merged, the seating plan and
settings are replaced by the file's, its seating rules are added unless this laptop has them already
(or has a rule they contradict: this laptop's rules stand, and the summary says which were left out),
clock commands and seat changes not yet logged are added. Everything is checked before anything is written, and
the writing happens in one transaction: a bad file changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from sessions.errors import ConflictError, TablesessionError
from sessions.models import Meeting, Member, Round, Seat, SeatingPlan, SeatingRule, SharedField, Table
from sessions.roster.updating import imported_sharing
from sessions.seating.rules import largest_table
from sessions.store import ClockEvent, SeatChange, SeatChangeKind, Store
from sessions.store.members import email_key
from sessions.timekeeping import Clock

from .meeting_json import FORMAT, VERSION, MeetingDocument

MAX_PROBLEMS_SHOWN = 3


class ImportFileError(TablesessionError):
    """The file cannot be imported; the message names the file and where in it the problem is."""

    def __init__(self, path: Path, where: str, problem: str) -> None:
        super().__init__(f"{path}: {where}: {problem}" if where else f"{path}: {problem}")
        self.path = path
        self.where = where


@dataclass(frozen=True)
class ImportSummary:
    path: Path
    meeting: Meeting
    meeting_created: bool
    members_added: int
    members_matched: int
    attendance: int
    rounds: int
    clock_events_added: int
    settings: bool = False  # whether the file's seating settings were taken
    rules_added: int = 0
    rules_known: int = 0  # rules this laptop had already
    rules_refused: tuple[str, ...] = ()  # why each rule left out was left out

    def lines(self) -> list[str]:
        verb = "created" if self.meeting_created else "merged into"
        rules = f"seating rules: {self.rules_added} added, {self.rules_known} already here"
        if self.rules_refused:
            rules += f", {len(self.rules_refused)} left out"
        return [
            f"{self.path}: {verb} meeting {self.meeting.id} ({self.meeting.label})",
            f"members: {self.members_added} added, {self.members_matched} matched to people already here",
            f"attendance: {self.attendance} registrations; seating: {self.rounds} rounds; "
            f"clock log: {self.clock_events_added} commands added",
            f"{rules}; seating settings: {'from the file' if self.settings else 'none in the file'}",
            *(f"  left out: {reason}" for reason in self.rules_refused),
        ]


def member_from(values: dict[str, object]) -> Member:
    """A validated Member. Absent values are left out: the model's optional text fields refuse an explicit None."""
    return Member.model_validate({key: value for key, value in values.items() if value is not None})


def json_path(loc: tuple[int | str, ...]) -> str:
    """('members', 3, 'email') -> '$.members[3].email'."""
    text = "$"
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


_FRIENDLY = {"missing": "is required", "extra_forbidden": "is not a known field"}


def _describe(error: ValidationError, prefix: tuple[int | str, ...] = ()) -> str:
    """Each problem (the first few) with the JSON path of the value at fault."""
    problems = []
    for detail in error.errors(include_url=False)[:MAX_PROBLEMS_SHOWN]:
        loc = (*prefix, *detail["loc"])
        message = _FRIENDLY.get(detail["type"]) or str(detail["msg"]).removeprefix("Value error, ")
        problems.append(f"{json_path(loc)}: {message}")
    more = error.error_count() - MAX_PROBLEMS_SHOWN
    if more > 0:
        problems.append(f"and {more} more")
    return "; ".join(problems)


def read_document(path: Path) -> MeetingDocument:
    """Parse and check the file's shape; every problem is reported with its JSON path."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(path, "", f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, "", f"is not UTF-8 text (byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            path, "", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    if not isinstance(data, dict):
        raise ImportFileError(path, "$", "expected an object with a meeting in it")
    if data.get("format") != FORMAT:
        raise ImportFileError(path, "$.format", f"expected {FORMAT!r}: this is not a tablesession meeting export")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFileError(path, "$.version", "expected a whole number")
    if version > VERSION:
        raise ImportFileError(
            path, "$.version", f"written by a newer tablesession (format {version}; this one reads up to {VERSION})"
        )
    try:
        return MeetingDocument.model_validate(data)
    except ValidationError as exc:
        raise TablesessionError(f"{path}: {_describe(exc)}") from exc


@dataclass(frozen=True)
class _Checked:
    """The file turned into models, with people still keyed by their ref in the file."""

    meeting: Meeting
    members: dict[int, Member]
    positions: dict[int, int]  # ref -> index in $.members, for messages


def _check(path: Path, document: MeetingDocument) -> _Checked:
    try:
        meeting = Meeting(**document.meeting.model_dump())
    except ValidationError as exc:
        raise TablesessionError(f"{path}: {_describe(exc, ('meeting',))}") from exc
    members: dict[int, Member] = {}
    positions: dict[int, int] = {}
    emails: dict[str, int] = {}
    for index, record in enumerate(document.members):
        where = ("members", index)
        if record.ref in members:
            raise ImportFileError(path, json_path((*where, "ref")), f"ref {record.ref} is used twice")
        try:
            member = member_from(record.model_dump(exclude={"ref"}))
        except ValidationError as exc:
            raise TablesessionError(f"{path}: {_describe(exc, where)}") from exc
        key = email_key(member.email)
        if key is not None:
            if key in emails:
                raise ImportFileError(
                    path, json_path((*where, "email")), f"{member.email} is also $.members[{emails[key]}]'s email"
                )
            emails[key] = index
        members[record.ref] = member
        positions[record.ref] = index

    def known(ref: int, loc: tuple[int | str, ...]) -> None:
        if ref not in members:
            raise ImportFileError(path, json_path(loc), f"no member with ref {ref} in $.members")

    for index, attendance in enumerate(document.attendance):
        known(attendance.member, ("attendance", index, "member"))
    if document.seating is not None:
        for r, round_ in enumerate(document.seating.rounds):
            for t, table in enumerate(round_.tables):
                for s, seat in enumerate(table.seats):
                    known(seat.member, ("seating", "rounds", r, "tables", t, "seats", s, "member"))
    for index, event in enumerate(document.seat_changes):
        if event.member is not None:
            known(event.member, ("seat_changes", index, "member"))
        for position, moved in enumerate(event.changes):
            known(moved.member, ("seat_changes", index, "changes", position, "member"))
    for index, rule in enumerate(document.seating_rules):
        for position, ref in enumerate(rule.members):
            known(ref, ("seating_rules", index, "members", position))
        try:
            SeatingRule(kind=rule.kind, member_ids=tuple(rule.members))
        except ValidationError as exc:
            raise TablesessionError(f"{path}: {_describe(exc, ('seating_rules', index))}") from exc
    return _Checked(meeting=meeting, members=members, positions=positions)


def _plan(path: Path, document: MeetingDocument, meeting_id: int, ids: dict[int, int]) -> SeatingPlan | None:
    """The file's seating with its refs turned into member ids here (checked by the seating models)."""
    seating = document.seating
    if seating is None:
        return None
    rounds = []
    for r, record in enumerate(seating.rounds):
        try:
            tables = tuple(
                Table(
                    label=t.label,
                    capacity=t.capacity,
                    seats=tuple(Seat(member_id=ids[s.member], number=s.number) for s in t.seats),
                )
                for t in record.tables
            )
            rounds.append(
                Round(number=record.number, locked=record.locked or record.number in document.rounds_run, tables=tables)
            )
        except ValidationError as exc:
            raise TablesessionError(f"{path}: {_describe(exc, ('seating', 'rounds', r))}") from exc
    try:
        return SeatingPlan(
            meeting_id=meeting_id, rounds=tuple(rounds), seed=seating.seed, created_at=seating.created_at
        )
    except ValidationError as exc:
        raise TablesessionError(f"{path}: {_describe(exc, ('seating',))}") from exc


def name_key(member: Member) -> str:
    """A name compared without regard to case, spacing or Unicode composition."""
    return " ".join(unicodedata.normalize("NFKC", member.full_name).casefold().split())


def _match(path: Path, checked: _Checked, local: list[Member]) -> dict[int, Member | None]:
    """For each ref: the member already here who is the same person, or None for someone new."""
    by_email = {email_key(m.email): m for m in local if m.email}
    by_name: dict[str, list[Member]] = {}
    for m in local:
        by_name.setdefault(name_key(m), []).append(m)
    matches: dict[int, Member | None] = {}
    taken: dict[int, int] = {}  # local id -> ref that matched it
    for ref, incoming in checked.members.items():
        where = json_path(("members", checked.positions[ref]))
        found = by_email.get(email_key(incoming.email)) if incoming.email else None
        if found is None:
            # Same name, and no email that says they are someone else.
            candidates = [
                m
                for m in by_name.get(name_key(incoming), [])
                if not (m.email and incoming.email and email_key(m.email) != email_key(incoming.email))
            ]
            if len(candidates) > 1:
                ids = ", ".join(str(m.id) for m in candidates)
                raise ImportFileError(
                    path,
                    where,
                    f"{incoming.full_name} matches {len(candidates)} members here (ids {ids}) and no email tells "
                    "them apart; give them different names or emails here first",
                )
            found = candidates[0] if candidates else None
        if found is not None and found.id is not None:
            if found.id in taken:
                other = json_path(("members", checked.positions[taken[found.id]]))
                raise ImportFileError(path, where, f"is the same person here as {other} ({found.full_name})")
            taken[found.id] = ref
        matches[ref] = found
    return matches


# Card fields a file can fill in, and the sharing choice each falls under (None: the name, always shown).
_CARD_FIELDS: dict[str, SharedField | None] = {
    "last_name": None,
    "headline": SharedField.HEADLINE,
    "employers": SharedField.EMPLOYERS,
    "target_roles": SharedField.TARGETS,
    "target_companies": SharedField.TARGETS,
    "subgroups": None,
    "email": SharedField.EMAIL,
    "phone": SharedField.PHONE,
    "linkedin": SharedField.LINKEDIN,
    "website": SharedField.WEBSITE,
}


def _merged(local: Member, incoming: Member) -> Member:
    """This laptop's card with the file's knowledge added: blanks filled; the newer card's values win.

    A blank filled from an older card in the file is shared only if both cards share that field: this
    laptop's choice may have been made before the value was known (a file made for another laptop
    holds private values), and a value kept private there must not go out here."""
    newer = incoming.updated_at is not None and local.updated_at is not None and incoming.updated_at > local.updated_at
    update: dict[str, object] = {}
    sharing = local.sharing
    for name, field in _CARD_FIELDS.items():
        theirs = getattr(incoming, name)
        if theirs and (newer or not getattr(local, name)):
            update[name] = theirs
            if not newer and field is not None and sharing.allows(field) and not incoming.sharing.allows(field):
                sharing = sharing.with_choice(field, False)
    if newer:
        # A choice the person made on the other laptop after this card was saved is their latest word,
        # and stands either way. Anything else on the newer card counts like any import's answer: it may
        # narrow what is shared here, never widen it, and a choice made here stands.
        theirs = incoming.sharing
        narrowed, _ = imported_sharing(local, {f: theirs.allows(f) for f in SharedField if not theirs.is_chosen(f)})
        for chosen in theirs.chosen:
            narrowed = narrowed.choose(chosen, theirs.allows(chosen))
        update["sharing"] = narrowed
        update["tags"] = incoming.tags
        update["own_card"] = incoming.own_card
    elif sharing is not local.sharing:
        update["sharing"] = sharing
    if not update:
        return local
    return member_from({**local.model_dump(), **update})


def _find_meeting(store: Store, meeting: Meeting) -> Meeting | None:
    same_day = store.meetings.on(meeting.date)
    titled = [m for m in same_day if m.title.casefold() == meeting.title.casefold()]
    if titled:
        return titled[0]
    return same_day[0] if len(same_day) == 1 else None


def _save_members(
    store: Store, checked: _Checked, matches: dict[int, Member | None], now: dt.datetime
) -> dict[int, int]:
    """Add the new people, merge the known ones; returns ref -> member id here."""
    ids: dict[int, int] = {}
    for ref, incoming in checked.members.items():
        local = matches[ref]
        if local is None:
            saved = store.members.add(incoming.model_copy(update={"created_at": now}))
        else:
            merged = _merged(local, incoming)
            saved = local if merged is local else store.members.update(merged)
        assert saved.id is not None
        ids[ref] = saved.id
    return ids


def _save_attendance(store: Store, document: MeetingDocument, meeting_id: int, ids: dict[int, int]) -> None:
    """Merge registrations and check-ins; a check-in already recorded here keeps its time."""
    for record in document.attendance:
        member_id = ids[record.member]
        if record.registered or record.checked_in_at is None:
            store.attendance.register(meeting_id, member_id, source=record.source, at=record.registered_at)
        if record.checked_in_at is not None:
            store.attendance.check_in(meeting_id, member_id, record.checked_in_at, walk_in=record.walk_in)
        if record.no_show:
            store.attendance.set_no_show(meeting_id, member_id, True)
        if record.left_at is not None:
            store.attendance.set_left(meeting_id, member_id, record.left_at)


def _event_key(round_number: int, command: str, argument: float | None, wall_time: dt.datetime) -> tuple[object, ...]:
    moment = wall_time if wall_time.tzinfo else wall_time.astimezone()
    return (round_number, command, argument, moment.astimezone(dt.UTC))


def _append_clock_log(store: Store, document: MeetingDocument, meeting_id: int) -> int:
    """Add the clock commands not logged here yet; returns how many."""
    logged = {
        _event_key(e.round_number, e.command, e.argument, e.wall_time) for e in store.clock_log.events(meeting_id)
    }
    added = 0
    for event in document.clock_log:
        key = _event_key(event.round, event.command, event.argument, event.wall_time)
        if key in logged:
            continue
        store.clock_log.append(
            ClockEvent(
                meeting_id=meeting_id,
                round_number=event.round,
                command=event.command,
                argument=event.argument,
                wall_time=event.wall_time,
            )
        )
        logged.add(key)
        added += 1
    return added


def _append_seat_changes(store: Store, document: MeetingDocument, meeting_id: int, ids: dict[int, int]) -> int:
    """Add the seat changes not recorded here yet (the same kind, person and moment); returns how many."""

    def key(kind: SeatChangeKind, member_id: int | None, moment: dt.datetime) -> tuple[object, ...]:
        return (kind, member_id, (moment if moment.tzinfo else moment.astimezone()).astimezone(dt.UTC))

    here = {key(e.kind, e.member_id, e.happened_at) for e in store.seat_changes.for_meeting(meeting_id)}
    added = 0
    for record in document.seat_changes:
        member_id = ids[record.member] if record.member is not None else None
        if key(record.kind, member_id, record.happened_at) in here:
            continue
        changes = [
            SeatChange(round=c.round, member_id=ids[c.member], from_table=c.from_table, to_table=c.to_table)
            for c in record.changes
        ]
        store.seat_changes.record(meeting_id, record.kind, member_id, record.happened_at, changes)
        here.add(key(record.kind, member_id, record.happened_at))
        added += 1
    return added


@dataclass(frozen=True)
class _RulesSaved:
    added: int
    known: int
    refused: tuple[str, ...]


def _save_rules(store: Store, document: MeetingDocument, meeting: Meeting, ids: dict[int, int]) -> _RulesSaved:
    """Add the file's rules that this laptop lacks. One that contradicts a rule here is left out:
    the facilitator here set theirs on purpose, and a file should not overrule it."""
    assert meeting.id is not None
    here = {(r.kind, r.member_ids, r.meeting_id) for r in store.seating_rules.all()}
    largest = largest_table(store, meeting)
    added, known, refused = 0, 0, []
    for index, record in enumerate(document.seating_rules):
        rule = SeatingRule(
            kind=record.kind,
            member_ids=tuple(ids[ref] for ref in record.members),
            meeting_id=None if record.standing else meeting.id,
        )
        if (rule.kind, rule.member_ids, rule.meeting_id) in here:
            known += 1
            continue
        try:
            store.seating_rules.add(rule, largest_table=largest)
        except ConflictError as exc:  # checked before anything is written, so nothing of it is saved
            refused.append(f"{json_path(('seating_rules', index))}: {exc}")
        else:
            here.add((rule.kind, rule.member_ids, rule.meeting_id))
            added += 1
    return _RulesSaved(added, known, tuple(refused))


def import_meeting_json(store: Store, path: Path | str, clock: Clock) -> ImportSummary:
    """Import the meeting in `path`; see the module docstring for how people and the meeting are matched."""
    path = Path(path)
    document = read_document(path)
    checked = _check(path, document)
    # The seating's own rules (one seat per person per round...) are checked before anything is written.
    _plan(path, document, 0, {ref: ref for ref in checked.members})
    matches = _match(path, checked, store.members.all())

    with store.transaction():
        ids = _save_members(store, checked, matches, clock.now())
        existing = _find_meeting(store, checked.meeting)
        meeting = store.meetings.add(checked.meeting) if existing is None else existing
        assert meeting.id is not None
        _save_attendance(store, document, meeting.id, ids)
        plan = _plan(path, document, meeting.id, ids)
        if plan is not None:
            store.seating.save(plan)
        if document.seating_settings is not None:
            store.seating_settings.save(meeting.id, document.seating_settings)
        rules = _save_rules(store, document, meeting, ids)
        events_added = _append_clock_log(store, document, meeting.id)
        _append_seat_changes(store, document, meeting.id, ids)

    matched = sum(1 for found in matches.values() if found is not None)
    return ImportSummary(
        path=path,
        meeting=meeting,
        meeting_created=existing is None,
        members_added=len(matches) - matched,
        members_matched=matched,
        attendance=len(document.attendance),
        rounds=len(plan.rounds) if plan is not None else 0,
        clock_events_added=events_added,
        settings=document.seating_settings is not None,
        rules_added=rules.added,
        rules_known=rules.known,
        rules_refused=rules.refused,
    )
