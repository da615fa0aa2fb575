"""How many tables, and how many people at each: sizes differ by at most one, and there should be at
least as many tables as the largest table has seats, so later rounds can avoid repeats."""

from __future__ import annotations

from dataclasses import dataclass

from sessions.errors import TablesessionError

from .request import PhysicalTable, TablePolicy


@dataclass(frozen=True)
class TableSlot:
    """One table of a plan: its label, the most people it may seat, and how many it seats."""

    label: str
    capacity: int
    size: int


@dataclass(frozen=True)
class Layout:
    slots: tuple[TableSlot, ...]
    min_size: int  # the smallest size allowed after any relaxing, for live changes
    warnings: tuple[str, ...] = ()

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(slot.size for slot in self.slots)

    @property
    def largest(self) -> int:
        return max(self.sizes, default=0)


def split_evenly(people: int, tables: int) -> list[int]:
    """Sizes differing by at most one, larger tables first."""
    base, extra = divmod(people, tables)
    return [base + 1] * extra + [base] * (tables - extra)


def _fill(people: int, capacities: list[int]) -> list[int] | None:
    """As even as the capacities allow; None if they cannot hold everyone."""
    if sum(capacities) < people:
        return None
    sizes = [0] * len(capacities)
    for _ in range(people):
        # The emptiest table with a free chair takes the next person.
        i = min((i for i in range(len(sizes)) if sizes[i] < capacities[i]), key=lambda i: (sizes[i], i))
        sizes[i] += 1
    return sizes


def choose_layout(people: int, policy: TablePolicy) -> Layout:
    """The tables for `people` under `policy`, with a warning whenever the minimum size had to give."""
    if policy.physical:
        return _physical_layout(people, policy)
    if people == 0:
        return Layout(slots=(), min_size=policy.min_size)
    if policy.tables is not None:
        count = policy.tables
        if count * policy.max_size < people:
            raise TablesessionError(
                f"{count} tables of at most {policy.max_size} seat {count * policy.max_size} people, "
                f"but {people} are present: ask for at least {-(-people // policy.max_size)} tables"
            )
        count = min(count, people)
        sizes = split_evenly(people, count)
        return _labelled(sizes, policy.max_size, policy.min_size, people, policy)
    fewest = -(-people // policy.max_size)
    most = people // policy.min_size
    feasible = list(range(fewest, most + 1))
    if not feasible:
        # No split fits the bounds (9 people at tables of 6-8): never exceed the maximum; relax the minimum.
        return _labelled(split_evenly(people, fewest), policy.max_size, policy.min_size, people, policy)
    roomy = [t for t in feasible if t >= -(-people // t)]
    count = roomy[0] if roomy else feasible[-1]
    return _labelled(split_evenly(people, count), policy.max_size, policy.min_size, people, policy)


def _labelled(sizes: list[int], capacity: int, min_size: int, people: int, policy: TablePolicy) -> Layout:
    slots = tuple(TableSlot(label=str(i), capacity=capacity, size=size) for i, size in enumerate(sizes, start=1))
    return Layout(slots=slots, min_size=min(min_size, *sizes), warnings=_size_warnings(sizes, people, policy))


def _size_warnings(sizes: list[int], people: int, policy: TablePolicy) -> tuple[str, ...]:
    smallest = min(sizes)
    if smallest >= policy.min_size:
        return ()
    return (
        f"{plural(people, 'person', 'people')} do not fit tables of {policy.min_size}-{policy.max_size}: "
        f"using {plural(len(sizes), 'table')} of {_describe(sizes)}, below the minimum of {policy.min_size}",
    )


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count} {singular if count == 1 else many or singular + 's'}"


def _describe(sizes: list[int]) -> str:
    distinct = sorted(set(sizes), reverse=True)
    return " and ".join(str(s) for s in distinct)


def _physical_layout(people: int, policy: TablePolicy) -> Layout:
    tables: list[PhysicalTable] = list(policy.physical)
    total = sum(t.capacity for t in tables)
    if total < people:
        raise TablesessionError(f"the room's {len(tables)} tables seat {total} people, but {people} are present")
    if people == 0:
        return Layout(slots=(), min_size=policy.min_size)
    # Use the roomiest tables first; among equal ones, the order the room lists them.
    ranked = sorted(range(len(tables)), key=lambda i: (-tables[i].capacity, i))
    counts = [policy.tables] if policy.tables is not None else list(range(1, len(tables) + 1))
    fitting: list[tuple[int, list[int]]] = []
    for count in counts:
        sizes = _fill(people, [tables[i].capacity for i in sorted(ranked[:count])])
        if sizes is not None:
            fitting.append((count, sizes))
    if not fitting:
        raise TablesessionError(f"{policy.tables} of the room's tables cannot seat {people} people; use more tables")
    within = [(count, sizes) for count, sizes in fitting if min(sizes) >= policy.min_size]
    roomy = [(count, sizes) for count, sizes in within if count >= max(sizes)]
    # Fewest tables that still number at least the largest table; else the most tables within bounds;
    # else the fewest tables that hold everyone (the minimum size is relaxed, with a warning).
    picked = roomy[0] if roomy else within[-1] if within else fitting[0]
    count, sizes = picked
    chosen = sorted(ranked[:count])
    slots = tuple(
        TableSlot(label=tables[i].name, capacity=tables[i].capacity, size=size)
        for i, size in zip(chosen, sizes, strict=True)
    )
    return Layout(slots=slots, min_size=min(policy.min_size, *sizes), warnings=_size_warnings(sizes, people, policy))
