"""Finding a person at the door as the facilitator types: by name, email or company, accents and
small typos forgiven.

The index is built once from the members and kept current with `upsert` / `remove`, so each
keystroke costs a lookup, not a rebuild. Words are matched as prefixes ("kowa" finds Kowalski);
words of three letters or more also match with a slip or two (rapidfuzz's edit distance, with
swapped letters counting once, against the start of each distinct word), or as their letters in
order ("rmn" for Raman), below any closer fit. Names are also indexed run together ("alsayed",
"smithjones") and transliterated to Latin letters ("giorgos" for Γιώργος). Something typed with an
'@' is first looked up as the start of a whole email address.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA

from sessions.models import Member
from sessions.roster.folding import fold, fold_tokens


class Kind(IntEnum):
    """Where a word came from; a name match outranks a company or email match."""

    EMAIL = 0
    COMPANY = 1
    NAME = 2


@dataclass(frozen=True)
class SearchTuning:
    """The numbers behind ranking, as data."""

    min_fuzzy_length: int = 3  # shorter words must be typed exactly (as a prefix)
    long_word: int = 8  # from this length two slips are forgiven, below it one
    typo_penalty: float = 12.0  # per slip (plus one), so any exact prefix outranks a typo
    prefix_score: float = 100.0
    exact_word_bonus: float = 5.0
    kind_weight: tuple[float, float, float] = (0.85, 0.9, 1.0)  # by Kind
    whole_name_bonus: float = 20.0  # the full name starts with what was typed
    preferred_bonus: float = 8.0  # e.g. registered for tonight's meeting
    # Letters in order ("rmn" in "raman"): looser than any typo forgiven (at most 2 slips score 64).
    in_order_score: float = 52.0


TUNING = SearchTuning()


@dataclass(frozen=True)
class SearchHit:
    member_id: int
    score: float
    matched: Kind


def email_words(email: str) -> list[str]:
    """The words of an address people type: its local part and domain, without the '.com' ending
    every other address shares."""
    local, _, domain = email.partition("@")
    return [*fold_tokens(local), *fold_tokens(domain.rsplit(".", 1)[0] if "." in domain else domain)]


def _name_spellings(name: str) -> Iterator[str]:
    """The words of a name as people type them: as written, transliterated to Latin letters, and
    with neighbouring words run together ("Al-Sayed" is typed "alsayed")."""
    folded = fold_tokens(name)
    spellings = [folded]
    latin = fold_tokens(anyascii(" ".join(folded)))
    if latin != folded:
        spellings.append(latin)
    for words in spellings:
        yield from words
        for left, right in itertools.pairwise(words):
            yield left + right
        if len(words) > 2:
            yield "".join(words)


def member_words(member: Member) -> dict[str, Kind]:
    """The folded words a member can be found by, each with where it came from."""
    words: dict[str, Kind] = {}
    if member.email:
        for word in email_words(member.email):
            words.setdefault(word, Kind.EMAIL)
    for employer in member.employers:
        for word in fold_tokens(employer):
            words[word] = Kind.COMPANY
    for word in _name_spellings(member.full_name):
        words[word] = Kind.NAME
    return words


def _in_order(typed: str, word: str) -> bool:
    """Every letter of `typed` appears in `word`, in that order."""
    letters = iter(word)
    return all(letter in letters for letter in typed)


class CheckinIndex:
    def __init__(self, members: Iterable[Member] = (), tuning: SearchTuning = TUNING) -> None:
        self.tuning = tuning
        self._words: dict[int, dict[str, Kind]] = {}
        self._names: dict[int, str] = {}
        self._emails: list[tuple[str, int]] = []  # (address, casefolded; member id), sorted
        self._email_of: dict[int, str] = {}
        self._postings: dict[str, set[int]] = {}
        self._vocabulary: list[str] = []
        self._prefix_cache: dict[int, list[str]] = {}
        self._stale = True
        for member in members:
            self.upsert(member)

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, member_id: object) -> bool:
        return member_id in self._words

    def upsert(self, member: Member) -> None:
        """Add a member, or re-read one whose card changed."""
        if member.id is None:
            raise ValueError("only saved members can be searched for")
        self.remove(member.id)
        words = member_words(member)
        self._words[member.id] = words
        self._names[member.id] = fold(member.full_name)
        if member.email:
            self._email_of[member.id] = member.email.casefold()
            bisect.insort(self._emails, (member.email.casefold(), member.id))
        for word in words:
            if word not in self._postings:
                self._postings[word] = set()
                self._stale = True
            self._postings[word].add(member.id)

    def remove(self, member_id: int) -> None:
        for word in self._words.pop(member_id, {}):
            holders = self._postings.get(word)
            if holders is not None:
                holders.discard(member_id)
                if not holders:
                    del self._postings[word]
                    self._stale = True
        self._names.pop(member_id, None)
        email = self._email_of.pop(member_id, None)
        if email is not None:
            del self._emails[bisect.bisect_left(self._emails, (email, member_id))]

    def _vocab(self) -> list[str]:
        if self._stale:
            self._vocabulary = sorted(self._postings)
            self._prefix_cache = {}
            self._stale = False
        return self._vocabulary

    def _prefixes(self, length: int) -> list[str]:
        """Every indexed word cut to `length` letters, in vocabulary order (cached until the words change)."""
        vocab = self._vocab()
        cached = self._prefix_cache.get(length)
        if cached is None:
            cached = [word[:length] for word in vocab]
            self._prefix_cache[length] = cached
        return cached

    def _word_scores(self, typed: str) -> dict[str, float]:
        """Distinct indexed words that `typed` could mean, with how well each fits."""
        vocab = self._vocab()
        tuning = self.tuning
        scores: dict[str, float] = {}
        start = bisect.bisect_left(vocab, typed)
        for word in vocab[start:]:
            if not word.startswith(typed):
                break
            scores[word] = tuning.prefix_score + (tuning.exact_word_bonus if word == typed else 0.0)
        length = len(typed)
        if length < tuning.min_fuzzy_length:
            return scores
        allowed = 1 if length < tuning.long_word else 2
        # A typo while typing: compare with the start of each word, one letter shorter or longer too.
        lengths = (length, length + 1, length - 1) if length >= tuning.min_fuzzy_length + 2 else (length, length + 1)
        for cut in lengths:
            for _, distance, position in process.extract(
                typed, self._prefixes(cut), scorer=OSA.distance, score_cutoff=allowed, limit=None
            ):
                word = vocab[position]
                fitted = tuning.prefix_score - tuning.typo_penalty * (distance + 1)
                if fitted > scores.get(word, 0.0):
                    scores[word] = fitted
        # Letters in order, the first one right: words are sorted, so those starting with it are one run.
        first = bisect.bisect_left(vocab, typed[0])
        for word in vocab[first : bisect.bisect_left(vocab, typed[0] + "\U0010ffff", lo=first)]:
            if word not in scores and _in_order(typed, word):
                scores[word] = tuning.in_order_score
        return scores

    def search(self, query: str, *, limit: int = 20, preferred: set[int] | None = None) -> list[SearchHit]:
        """The members `query` most likely means, best first. Every typed word must match something."""
        if "@" in query:
            by_address = self._by_email(query.strip().casefold(), limit)
            if by_address:
                return by_address
            typed_words = email_words(query)
        else:
            typed_words = fold_tokens(query)
        if not typed_words:
            return []
        tuning = self.tuning
        totals: dict[int, float] | None = None
        best_kind: dict[int, Kind] = {}
        for typed in typed_words:
            this_word: dict[int, float] = {}
            for word, score in self._word_scores(typed).items():
                for member_id in self._postings[word]:
                    kind = self._words[member_id][word]
                    weighted = score * tuning.kind_weight[kind]
                    if weighted > this_word.get(member_id, 0.0):
                        this_word[member_id] = weighted
                        if kind > best_kind.get(member_id, Kind.EMAIL):
                            best_kind[member_id] = kind
            if totals is None:
                totals = this_word
            else:
                totals = {mid: total + this_word[mid] for mid, total in totals.items() if mid in this_word}
            if not totals:
                return []
        assert totals is not None
        phrase = " ".join(typed_words)
        ranked: list[tuple[float, str, int]] = []
        for member_id, total in totals.items():
            score = total
            if self._names[member_id].startswith(phrase):
                score += tuning.whole_name_bonus
            if preferred and member_id in preferred:
                score += tuning.preferred_bonus
            ranked.append((-score, self._names[member_id], member_id))
        ranked.sort()
        return [
            SearchHit(member_id=mid, score=-negative, matched=best_kind.get(mid, Kind.NAME))
            for negative, _, mid in ranked[:limit]
        ]

    def _by_email(self, typed: str, limit: int) -> list[SearchHit]:
        """Members whose email starts with `typed` (an address being typed, or a whole one)."""
        start = bisect.bisect_left(self._emails, (typed, -1))
        hits: list[SearchHit] = []
        for address, member_id in self._emails[start:]:
            if not address.startswith(typed) or len(hits) == limit:
                break
            exact = self.tuning.exact_word_bonus if address == typed else 0.0
            hits.append(SearchHit(member_id=member_id, score=self.tuning.prefix_score + exact, matched=Kind.EMAIL))
        return sorted(hits, key=lambda hit: -hit.score)


DECISIVE_GAP = 15.0  # how far ahead the best hit must be to be "the" person


def decisive(hits: list[SearchHit], gap: float = DECISIVE_GAP) -> SearchHit | None:
    """The one person a search means, when it clearly means one; None when it is ambiguous or empty."""
    if not hits:
        return None
    if len(hits) == 1 or hits[0].score - hits[1].score >= gap:
        return hits[0]
    return None
