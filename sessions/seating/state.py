"""A plan under search: who sits where in each round, each pair's meetings, and the cost, kept up to date
move by move so a swap is scored by looking only at the two tables it touches."""

from __future__ import annotations

from itertools import combinations

from .problem import Problem

Assignment = list[list[list[int]]]  # round -> slot -> people (indices)


def repeat_cost(weight: float, meetings: int) -> float:
    """Meeting once is free; the 2nd meeting costs 1, the 3rd 4, the 4th 9... (times `weight`)."""
    return weight * (meetings - 1) * meetings * (2 * meetings - 1) / 6 if meetings > 1 else 0.0


def balanced_squares(total: int, tables: int) -> int:
    """The least sum of squared per-table counts when `total` people with a tag spread over `tables`."""
    if tables <= 0:
        return 0
    base, extra = divmod(total, tables)
    return extra * (base + 1) ** 2 + (tables - extra) * base**2


def most_repeat_free_rounds(tables: int) -> int:
    """The most rounds g tables of g can go without a repeat: mutually orthogonal Latin squares + 2. Only
    order 6 is known to fall short of the counting bound g + 1 (no two orthogonal Latin squares, Tarry
    1900); elsewhere the counting bound stands in, which is exact for prime powers."""
    return 3 if tables == 6 else tables + 1


def square_forced(rounds: Assignment) -> int:
    """Pairs met twice that g tables of g over more than the repeat-free rounds force.

    Two rounds of g tables of g never share exactly one pair: if one table of the second round held two
    people of one first-round table and every other table at most one of each, the other g - 1 tables
    would each put one person into that first-round table, which would then hold g + 1. So two rounds
    share no pair or at least two. Rounds that share no pair with each other number at most
    `most_repeat_free_rounds`, so (Turan) at least the pairs of rounds inside the parts of an even split
    of the rounds into that many parts share pairs: two meetings again for each.
    """
    if not rounds:
        return 0
    tables = len(rounds[0])
    if tables < 2 or any(len(round_) != tables or any(len(t) != tables for t in round_) for round_ in rounds):
        return 0
    parts = most_repeat_free_rounds(tables)
    base, extra = divmod(len(rounds), parts)
    sharing = extra * (base + 1) * base // 2 + (parts - extra) * base * (base - 1) // 2
    return 2 * sharing


def counted_forced(rounds: Assignment) -> int:
    """More pair meetings than there are pairs: each one past the number of pairs is a repeat."""
    people = sum(len(t) for t in rounds[0]) if rounds else 0
    meetings = sum(len(t) * (len(t) - 1) // 2 for round_ in rounds for t in round_)
    return max(0, meetings - people * (people - 1) // 2)


def forced_meetings(rounds: Assignment) -> int:
    """The most repeats any of the bounds below proves for these table sizes."""
    return max(pigeonhole_forced(rounds), square_forced(rounds), counted_forced(rounds))


def pigeonhole_forced(rounds: Assignment) -> int:
    """Pairs that meet again in any plan with these table sizes: the people at one table of a round
    go to the tables of every later round, and when they outnumber those tables some must share one
    again (30 people at 5 tables of 6 repeat at least 5 pairs in round two). A pair meeting m times
    is counted m(m-1)/2 times here, which its repeat cost never falls below."""
    total = 0
    for index, earlier in enumerate(rounds):
        for later in rounds[index + 1 :]:
            for people in earlier:
                base, extra = divmod(len(people), len(later))
                total += extra * (base + 1) * base // 2 + (len(later) - extra) * base * (base - 1) // 2
    return total


class SeatingState:
    def __init__(self, problem: Problem, assignment: Assignment) -> None:
        self.problem = problem
        n = problem.n
        self.n = n
        self.tables = assignment
        self.where = [[-1] * n for _ in assignment]
        self.meet = list(problem.base_meetings)
        attributes = len(problem.attr_names)
        self.attr_count = [[[0] * attributes for _ in round_] for round_ in assignment]
        for r, round_ in enumerate(assignment):
            for slot, people in enumerate(round_):
                for p in people:
                    self.where[r][p] = slot
                    for a in problem.attrs[p]:
                        self.attr_count[r][slot][a] += 1
                for p, q in combinations(people, 2):
                    self.meet[p * n + q] += 1
                    self.meet[q * n + p] += 1
        self.cost = self.full_cost()

    # -- whole-plan figures -------------------------------------------------------------------------

    def pair_cost(self) -> float:
        pr, n = self.problem, self.n
        total = 0.0
        for p in range(n):
            row = p * n
            for q in range(p + 1, n):
                i = row + q
                meetings = self.meet[i]
                if meetings:
                    total += pr.static[i] * (meetings - pr.base_meetings[i]) + repeat_cost(pr.repeat[i], meetings)
        return total

    def balance_cost(self) -> float:
        return self.problem.weights.balance * sum(c * c for round_ in self.attr_count for slot in round_ for c in slot)

    def full_cost(self) -> float:
        return self.pair_cost() + self.balance_cost()

    def lower_bound(self) -> float:
        """No plan costs less: groups together, only the repeats the table sizes force, every tag spread
        perfectly."""
        pr, n = self.problem, self.n
        constant = (
            sum(
                repeat_cost(pr.repeat[p * n + q], pr.base_meetings[p * n + q])
                for p in range(n)
                for q in range(p + 1, n)
            )
            if any(pr.base_meetings)
            else 0.0
        )
        together = -pr.weights.hard * pr.together_pairs * len(self.tables)
        # A pair kept together repeats for free, so forced repeats count only when no group is kept together.
        forced = 0 if pr.together_pairs else pr.weights.repeat * forced_meetings(self.tables)
        balance = 0
        for round_ in self.attr_count:
            for a in range(len(pr.attr_names)):
                balance += balanced_squares(sum(slot[a] for slot in round_), len(round_))
        return constant + together + forced + pr.weights.balance * balance

    # -- moves --------------------------------------------------------------------------------------

    def swap_delta(self, r: int, p: int, q: int) -> float:
        """Cost change if p and q (at different tables of round r) trade places."""
        n = self.n
        pr = self.problem
        static, repeat, meet = pr.static, pr.repeat, self.meet
        a, b = self.where[r][p], self.where[r][q]
        rp, rq = p * n, q * n
        delta = 0.0
        for x in self.tables[r][a]:
            if x != p:
                i = rq + x
                m = meet[i]
                delta += static[i] + repeat[i] * m * m
                i = rp + x
                m = meet[i] - 1
                delta -= static[i] + repeat[i] * m * m
        for x in self.tables[r][b]:
            if x != q:
                i = rp + x
                m = meet[i]
                delta += static[i] + repeat[i] * m * m
                i = rq + x
                m = meet[i] - 1
                delta -= static[i] + repeat[i] * m * m
        attrs_p, attrs_q = pr.attrs[p], pr.attrs[q]
        if attrs_p or attrs_q:
            delta += pr.weights.balance * self._balance_delta(r, a, b, attrs_p, attrs_q)
        return delta

    def _balance_delta(self, r: int, a: int, b: int, leaving_a: tuple[int, ...], leaving_b: tuple[int, ...]) -> int:
        change: dict[int, int] = {}
        for attr in leaving_a:
            change[attr] = change.get(attr, 0) + 1
        for attr in leaving_b:
            change[attr] = change.get(attr, 0) - 1
        counts_a, counts_b = self.attr_count[r][a], self.attr_count[r][b]
        delta = 0
        for attr, k in change.items():
            if k:
                ca, cb = counts_a[attr], counts_b[attr]
                delta += (ca - k) ** 2 - ca * ca + (cb + k) ** 2 - cb * cb
        return delta

    def apply(self, r: int, group_a: list[int], group_b: list[int], delta: float | None = None) -> None:
        """Trade the tables of `group_a` and `group_b` in round r, keeping the cost current."""
        if delta is None:
            delta = self.exchange_delta(r, group_a, group_b)
        self.exchange(r, group_a, group_b)
        self.cost += delta

    def exchange_delta(self, r: int, group_a: list[int], group_b: list[int]) -> float:
        """Cost change if `group_a` (all at one table) and `group_b` (all at another) trade tables."""
        if len(group_a) == 1 and len(group_b) == 1:
            return self.swap_delta(r, group_a[0], group_b[0])
        pr, n, meet = self.problem, self.n, self.meet
        static, repeat = pr.static, pr.repeat
        a, b = self.where[r][group_a[0]], self.where[r][group_b[0]]
        stay_a = [x for x in self.tables[r][a] if x not in group_a]
        stay_b = [x for x in self.tables[r][b] if x not in group_b]
        delta = 0.0
        for movers, leaving, joining in ((group_a, stay_a, stay_b), (group_b, stay_b, stay_a)):
            for p in movers:
                row = p * n
                for x in joining:
                    m = meet[row + x]
                    delta += static[row + x] + repeat[row + x] * m * m
                for x in leaving:
                    m = meet[row + x] - 1
                    delta -= static[row + x] + repeat[row + x] * m * m
        leaving_a = tuple(attr for p in group_a for attr in pr.attrs[p])
        leaving_b = tuple(attr for q in group_b for attr in pr.attrs[q])
        if leaving_a or leaving_b:
            delta += pr.weights.balance * self._balance_delta(r, a, b, leaving_a, leaving_b)
        return delta

    def exchange(self, r: int, group_a: list[int], group_b: list[int]) -> None:
        """Move `group_a` to group_b's table and back, updating meetings and tag counts (not the cost)."""
        n, meet, pr = self.n, self.meet, self.problem
        a, b = self.where[r][group_a[0]], self.where[r][group_b[0]]
        table_a, table_b = self.tables[r][a], self.tables[r][b]
        moving_a, moving_b = set(group_a), set(group_b)
        stay_a = [x for x in table_a if x not in moving_a]
        stay_b = [x for x in table_b if x not in moving_b]
        for p in group_a:
            for x in stay_a:
                meet[p * n + x] -= 1
                meet[x * n + p] -= 1
            for x in stay_b:
                meet[p * n + x] += 1
                meet[x * n + p] += 1
            self.where[r][p] = b
            for attr in pr.attrs[p]:
                self.attr_count[r][a][attr] -= 1
                self.attr_count[r][b][attr] += 1
        for q in group_b:
            for x in stay_b:
                meet[q * n + x] -= 1
                meet[x * n + q] -= 1
            for x in stay_a:
                meet[q * n + x] += 1
                meet[x * n + q] += 1
            self.where[r][q] = a
            for attr in pr.attrs[q]:
                self.attr_count[r][b][attr] -= 1
                self.attr_count[r][a][attr] += 1
        self.tables[r][a] = stay_a + list(group_b)
        self.tables[r][b] = stay_b + list(group_a)

    def snapshot(self) -> Assignment:
        return [[list(people) for people in round_] for round_ in self.tables]
