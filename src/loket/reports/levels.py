"""Two-level histograms, for percentiles over long periods of rollup rows that add up many groups (agents, e-mail
topics and assignees). Beside its flat histograms {value: count}, such a row keeps them twice more: `coarse`, the
counts per bucket of WIDTH values, and `fine`, the values of each bucket. A percentile adds up the buckets of every
row, finds the bucket its rank falls in, then adds up only that bucket's values. A year of the agents' rows holds
some 290,000 values but 10,000 buckets (docs/benchmarks.md). Exact: a bucket's count is the sum of its values'
counts, and both levels add and take away as the flat histograms do.

Keys: a coarse key (and the fine key of the same bucket) is the histogram's number times SPAN, plus the bucket,
as text."""

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection

WIDTH = 32
SPAN = 1_000_000


def bucket(value: str | float, scale: int) -> int:
    """`scale`: how many steps make one unit of the value (10 for hours with one decimal), so buckets hold steps."""
    return round(float(value) * scale) // WIDTH


def split(histograms: Sequence[Mapping[str, int]], scale: int) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """The coarse and fine form of a row's histograms, numbered by their place in `histograms`."""
    coarse: dict[str, int] = {}
    fine: dict[str, dict[str, int]] = {}
    for number, histogram in enumerate(histograms):
        for value, count in histogram.items():
            key = str(number * SPAN + bucket(value, scale))
            coarse[key] = coarse.get(key, 0) + count
            fine.setdefault(key, {})[str(value)] = count
    return coarse, fine


@dataclass
class Part:
    """Rows of a rollup table to add (sign 1) or take away (sign -1): those that `where` (SQL over `r`) selects."""

    table: str
    where: str
    params: list[Any]
    sign: int


Group = tuple[Any, ...]


def percentiles(
    parts: Iterable[Part], by: Sequence[tuple[str, str]], wanted: Mapping[int, Sequence[float]], *, scale: int,
    value: type, live: Iterable[tuple[Group, Sequence[Mapping[str, int]]]] = (),
) -> dict[Group, dict[int, dict[float, Any]]]:  # fmt: skip
    """Per group (the values of the `by` expressions over the row `r`, each with its SQL type), per histogram number
    in `wanted`, its percentiles: {p: value, or None without values}. `live`: rows not stored (today's), as (group, flat
    histograms). Two queries whatever the period: the buckets of every group, then the values of the buckets
    that hold a wanted rank."""
    parts = list(parts)
    postgres = connection.vendor == "postgresql"
    each = "jsonb_each_text" if postgres else "json_each"
    selected = "".join(f"{expression} AS c{i}, " for i, (expression, _) in enumerate(by))
    outer = "".join(f"c{i}, " for i in range(len(by)))

    # The buckets, per group and histogram.
    coarse: dict[Group, dict[int, dict[int, int]]] = {}

    def count(group: Group, key: int, n: int) -> None:
        buckets = coarse.setdefault(group, {}).setdefault(key // SPAN, {})
        buckets[key % SPAN] = buckets.get(key % SPAN, 0) + n

    selects, params = [], []
    for part in parts:
        selects.append(
            f"SELECT {selected}CAST(h.key AS integer) AS k, {int(part.sign)} * CAST(h.value AS integer) AS n "  # noqa: S608
            f"FROM {part.table} r, {each}(r.coarse) h WHERE {part.where}"
        )
        params += part.params
    if selects:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {outer}k, SUM(n) FROM ({' UNION ALL '.join(selects)}) parts "  # noqa: S608
                f"GROUP BY {outer}k HAVING SUM(n) <> 0",
                params,
            )
            for *group, key, n in cursor.fetchall():
                count(tuple(group), int(key), int(n))
    live_levels = [(group, *split(histograms, scale)) for group, histograms in live]
    for group, coarse_live, _ in live_levels:
        for key, n in coarse_live.items():
            count(group, int(key), n)

    # Which bucket each wanted rank falls in, and the rank within it.
    ranks: dict[tuple[Group, int, int], list[tuple[float, int]]] = {}
    found: dict[Group, dict[int, dict[float, Any]]] = {}
    for group, per_number in coarse.items():
        for number, ps in wanted.items():
            buckets = per_number.get(number, {})
            total = sum(buckets.values())
            found.setdefault(group, {})[number] = dict.fromkeys(ps)
            for p in ps if total else ():
                rank, seen = max(1, math.ceil(p / 100 * total)), 0
                for b in sorted(buckets):
                    if seen + buckets[b] >= rank:
                        ranks.setdefault((group, number, b), []).append((p, rank - seen))
                        break
                    seen += buckets[b]

    # The values of those buckets only.
    values: dict[tuple[Group, int, int], dict[Any, int]] = {}

    def add(group: Group, key: int, v: str, n: int) -> None:
        cell = values.setdefault((group, key // SPAN, key % SPAN), {})
        cell[value(v)] = cell.get(value(v), 0) + n

    if ranks and selects:
        # The targets as one JSON parameter: a few hundred of them as literals took PostgreSQL longer to plan (28 ms)
        # than to run.
        targets = json.dumps([[*group, str(number * SPAN + b)] for group, number, b in ranks])
        item = (lambda i: f"e.value ->> {i}") if postgres else (lambda i: f"json_extract(e.value, '$[{i}]')")
        elements = "jsonb_array_elements(CAST(%s AS jsonb))" if postgres else "json_each(%s)"
        columns = [f"CAST({item(i)} AS {kind}) AS g{i}" for i, (_, kind) in enumerate(by)]
        table = f"SELECT {', '.join([*columns, f'{item(len(by))} AS k'])} FROM {elements} e"  # noqa: S608
        match = "".join(f" AND ({e} = t.g{i} OR ({e} IS NULL AND t.g{i} IS NULL))" for i, (e, _) in enumerate(by))
        lookup = f"{each}(r.fine -> t.k)" if postgres else f"{each}(r.fine, '$.\"' || t.k || '\"')"
        selects, params = [], []
        for part in parts:
            selects.append(
                f"SELECT {selected}t.k AS k, h.key AS v, {int(part.sign)} * CAST(h.value AS integer) AS n "  # noqa: S608
                f"FROM {part.table} r, ({table}) t, {lookup} h WHERE {part.where}{match}"
            )
            params += [targets, *part.params]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {outer}k, v, SUM(n) FROM ({' UNION ALL '.join(selects)}) parts GROUP BY {outer}k, v",  # noqa: S608
                params,
            )
            for *group, key, v, n in cursor.fetchall():
                add(tuple(group), int(key), v, int(n))
    for group, _, fine_live in live_levels:
        for key, cell in fine_live.items():
            if (group, int(key) // SPAN, int(key) % SPAN) in ranks:
                for v, n in cell.items():
                    add(group, int(key), v, n)

    for (group, number, b), wanted_ranks in ranks.items():
        cell = values.get((group, number, b), {})
        for p, rank in wanted_ranks:
            seen = 0
            for v in sorted(cell):
                seen += cell[v]
                if seen >= rank:
                    found[group][number][p] = v
                    break
    return found
