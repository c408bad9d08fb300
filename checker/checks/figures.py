"""Figures compared like with like: two sentences' quantities, paired by what they
measure, and the pairs whose values cannot both be true.

Only quantities of one dimension are compared: lengths with lengths after conversion
("30 yards" and «27 метрах» agree within rounding), money in one currency, counts of
one thing. Counts name what they count ("832 dead", «384 человека»); two counts of
known, different things are never compared, and a count whose noun is unknown is
compared only when it is the one figure left unexplained on each side. Bounds are
intervals: "more than 300,000" and "over 380,000" agree, "above 800" and "832" agree,
"up to 6 metres" and "10 metres" do not.

What comes out is evidence, not a verdict: `judge/score.py` decides with it, knowing
how close the two sentences are.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

from checker.checks.facts import script_language
from checker.checks.measure import TEMPORAL, Quantity, bare

# A translator converting "40 miles" writes «65 км»: converted figures agree within this
# share of their value (and within the rounding of the rounder figure).
CONVERSION_TOLERANCE = 0.05
# "about 800" covers 720..880.
ABOUT_TOLERANCE = 0.1
# "about 300,000" may be rounded from 250,000..350,000, half its roundness; for a figure
# that starts with a 1 ("about 100 million") half its roundness is half the figure, and
# 50 million is not about 100 million: the roundness reaches at most this share.
ABOUT_ROUNDNESS_SHARE = 0.25
# News writes a figure as a bound rounded from the figure it has ("more than 300,000
# residents" for 380,000; "above 800" for 832). A large count's lower bound reaches this
# far ("above 800" and "1,600" are two figures, not a bound and a figure inside it), and
# two bounds one way agree within it ("more than 20 million" and "more than 40 million"
# do not).
LOWER_BOUND_REACH = 1.5
ROUNDED_BOUND = 100
# Counts of people of any kind may be the same people as a count of "people".
_PEOPLE = {"people", "dead", "injured", "missing", "displaced", "arrested", "troops", "police",
           "children", "members", "viewers", "votes", "journalists", "jobs",
           "players"}  # fmt: skip


@dataclass(frozen=True)
class FigurePair:
    """Two figures about one thing. `basis` says why they are one thing: 'unit' (one
    dimension, named units), 'concept' (counts of one named thing) or 'sole' (the one
    count left unexplained on each side, the counted noun unknown)."""

    a: Quantity
    b: Quantity
    basis: str


@dataclass(frozen=True)
class FigureCheck:
    conflicts: tuple[FigurePair, ...] = ()  # values that cannot both be true
    agreements: tuple[FigurePair, ...] = ()  # figures that agree (within bounds/rounding)
    # Figures of either sentence that neither agree nor conflict with one of the other's:
    # two sentences that state other figures too may be telling other facts.
    unexplained: tuple[Quantity, ...] = ()
    left_a: tuple[Quantity, ...] = ()  # the first sentence's figures left unmatched


def _readings(q: Quantity) -> list[tuple[str, float, float]]:
    return [(q.dimension, q.low, q.upper)] + [
        (dim, low, low if high is None else high) for dim, low, high in q.alternatives
    ]


def _same_noun(x: str, y: str) -> bool:
    """ "school" and "schools", «школ» and «школы», «حالة» and «حالات»: one noun."""
    x, y = x.lower(), y.lower()
    shared = len(os.path.commonprefix([x, y]))
    return shared >= max(3, min(len(x), len(y)) - 2)


def _things_differ(a: Quantity, b: Quantity) -> bool:
    if a.concept is None and b.concept is None:
        # Two nouns no lexicon lists, in one script: "40 schools" and "12 roads" count
        # two things. Across scripts nothing tells them apart (the sole-figure rule
        # decides there).
        if (
            a.unit
            and b.unit
            and a.lexicon
            and b.lexicon
            and script_language(a.unit) == script_language(b.unit)
        ):
            return not _same_noun(a.unit, b.unit)
        return False
    if (a.concept is None) != (b.concept is None):
        # A named thing against a noun the lexicon does not know («два лагеря» against
        # "six people"): most likely two things. Against a bare number, or a noun of a
        # language the lexicon does not cover («1.100 casos»): perhaps one.
        unknown, known = (a, b) if a.concept is None else (b, a)
        if known.concept == "cases":
            return False  # «1127 случаев побега», «1197 حالة فرار»: cases of the other thing
        return bool(unknown.unit) and unknown.lexicon
    if a.concept is None or a.concept == b.concept:
        return False
    return not ("people" in (a.concept, b.concept) and {a.concept, b.concept} <= _PEOPLE)


def comparable(a: Quantity, b: Quantity) -> bool:
    """True when `a` and `b` could measure one thing (one dimension, for counts no two
    different counted things; a bare number against any figure but a date or time: a
    translator may drop or add the unit). A figure the rules could not read is never
    compared."""
    if a.unread or b.unread:
        return False
    if a.dimension == "count" and b.dimension == "count":
        return not _things_differ(a, b)
    if (bare(a) and b.dimension not in TEMPORAL) or (bare(b) and a.dimension not in TEMPORAL):
        return True
    dims_a = {r[0] for r in _readings(a)}
    return any(r[0] in dims_a for r in _readings(b))


def _interval(
    q: Quantity, low: float, high: float, converted: int, independent: bool = False
) -> tuple[float, float]:
    tolerance = _end_tolerance(q, max(abs(low), abs(high)), converted)
    # another outlet's "at least 384" of a day earlier is true of 832 too; in a copy a bound
    # reaches no further: "more than $100 million" is not «200 milyon USD», "up to 80%" not
    # «تصل إلى 160٪» (a small count's bound, "more than three", stays open).
    reach = not independent and (
        max(abs(low), abs(high)) >= ROUNDED_BOUND or q.dimension != "count"
    )
    if q.qualifier == "min":
        reached = high + (LOWER_BOUND_REACH - 1) * abs(high) if reach else float("inf")
        return low - tolerance, reached + tolerance
    if q.qualifier == "max":
        return (low / LOWER_BOUND_REACH if reach else float("-inf")) - tolerance, high + tolerance
    return low - tolerance, high + tolerance


def _bounds_agree(a: Quantity, b: Quantity, value_a: float, value_b: float) -> bool:
    """Two bounds one way ("more than 300,000" and "over 380,000"; "up to £120m" and
    "up to £240m"): each states the figure it is rounded from, so they agree when the
    two are within LOWER_BOUND_REACH of each other."""
    low, high = sorted((abs(value_a), abs(value_b)))
    tolerance = max(a.precision, b.precision) / 2
    return high - tolerance <= low * LOWER_BOUND_REACH


def _end_tolerance(q: Quantity, x: float, converted: int) -> float:
    """How far a figure of value `x` may be from the one it was rounded or converted
    from: half its last digit, its roundness when converted (2) or "about", and a share
    of `x` when converted (1 or 2) or "about"."""
    tolerance = q.precision / 2
    if converted == 2:
        tolerance = max(tolerance, q.rounding / 2, CONVERSION_TOLERANCE * abs(x))
    elif converted:
        tolerance = max(tolerance, CONVERSION_TOLERANCE * abs(x))
    elif q.qualifier == "about":
        tolerance = max(tolerance, min(q.rounding / 2, ABOUT_ROUNDNESS_SHARE * abs(x)))
    if q.qualifier == "about":
        tolerance = max(tolerance, ABOUT_TOLERANCE * abs(x))
    return tolerance


def _ranges_agree(a: Quantity, b: Quantity, independent: bool = False) -> bool:
    """Two ranges agree end by end ("2 to 4 inches" and «5–10 см»; not "2 to 8"): a range
    states both its ends, so overlapping is not enough. "up to" before a range («до
    7–15 см») bounds nothing the range does not already say."""
    converted = _converted(a, b, independent)
    for dim_a, low_a, high_a in _readings(a):
        for dim_b, low_b, high_b in _readings(b):
            if dim_a != dim_b:
                continue
            ends = ((low_a, low_b), (high_a, high_b))
            if all(
                x == y
                or abs(x - y) < _end_tolerance(a, x, converted) + _end_tolerance(b, y, converted)
                for x, y in ends
            ):
                return True
    return False


# Measures a translator converts from imperial units: two metric figures of these may
# be two conversions of one ("200 miles": «321 kilómetros», «300 km»; 385 miles: 619
# and 620 km), never a count, a share or a sum of money.
_MEASURED = frozenset({"length", "speed", "area", "volume", "mass", "temperature"})


def _converted(a: Quantity, b: Quantity, independent: bool) -> int:
    """How far figures may have been converted and rounded: 2 for another unit on one
    side of an imperial one, or independent reports both imperial (two outlets
    converting one 300 km write "190 miles" and "180 miles"); 1 for two metric measures
    (CONVERSION_TOLERANCE of their value, not their roundness: 200 km is not 250 km)."""
    if a.unit != b.unit and (a.imperial or b.imperial):
        return 2
    if a.unit == b.unit and independent and a.imperial and b.imperial:
        return 2
    measured = a.dimension in _MEASURED and b.dimension in _MEASURED
    return 1 if measured and not (a.imperial or b.imperial) else 0


def compatible(a: Quantity, b: Quantity, independent: bool = False) -> bool:
    """True when some reading of `a` and of `b` in one dimension can both be true (a
    bare number as written against the other figure as written). Between independent
    reports two bounds one way are both true of one figure, a lower bound of any larger
    one, and two imperial figures may be two conversions of one metric figure."""
    if bare(a) != bare(b) and a.dimension != b.dimension:
        return a.written is not None and a.written == b.written
    if a.high is not None and b.high is not None:
        return _ranges_agree(a, b, independent)
    for dim_a, low_a, high_a in _readings(a):
        for dim_b, low_b, high_b in _readings(b):
            if dim_a != dim_b:
                continue
            if a.qualifier == b.qualifier and a.qualifier in ("min", "max"):
                edge_a = low_a if a.qualifier == "min" else high_a
                edge_b = low_b if b.qualifier == "min" else high_b
                if independent or _bounds_agree(a, b, edge_a, edge_b):
                    return True
                continue
            converted = _converted(a, b, independent)
            lo_a, hi_a = _interval(a, low_a, high_a, converted, independent)
            lo_b, hi_b = _interval(b, low_b, high_b, converted, independent)
            if (low_a == low_b and high_a == high_b) or (lo_a < hi_b and lo_b < hi_a):
                return True
    return False


def _equal(a: Quantity, b: Quantity, independent: bool = False) -> bool:
    if a.dimension != b.dimension:
        return bare(a) != bare(b) and compatible(a, b, independent)
    return a.low == b.low and a.upper == b.upper


def compare_figures(
    qa: Sequence[Quantity], qb: Sequence[Quantity], independent: bool = False
) -> FigureCheck:
    """Pair the figures of two sentences and sort out which agree and which conflict
    (`independent`: two outlets' reports, not a copy and its original)."""
    if not qa or not qb:
        return FigureCheck(unexplained=(*qa, *qb), left_a=tuple(qa))
    left_a, left_b = list(qa), list(qb)
    agreements: list[FigurePair] = []

    def take(x: Quantity, y: Quantity, basis: str) -> None:
        left_a.remove(x)
        left_b.remove(y)
        agreements.append(FigurePair(x, y, basis))

    # One figure written twice: equal counts of a few digits or more are one figure
    # whatever nouns the writers chose ("1,127 defections", «1127 случаев»).
    for x in list(left_a):
        match = next((y for y in left_b if _same_figure(x, y)), None)
        if match is not None:
            take(x, match, _basis(x, match))
    # Agreeing figures next, the surest matches first: equal values, then one counted
    # thing, then any compatible reading in one dimension.
    for rule in (_equal, _same_concept_compatible, _alike_compatible, _compatible_pair):
        for x in list(left_a):
            match = next((y for y in left_b if comparable(x, y) and rule(x, y, independent)), None)
            if match is not None:
                take(x, match, _basis(x, match))
    _match_range_ends(left_a, left_b, agreements)
    _match_range_ends(left_b, left_a, agreements, swapped=True)
    conflicts = []
    for x in left_a:
        rivals = [y for y in left_b if comparable(x, y)]
        if len(rivals) > 1:  # one of them counts the same thing, or has the same unit
            rivals = _closest_kind(x, rivals)
        if len(rivals) != 1:
            continue  # nothing to compare with, or no telling which
        y = rivals[0]
        others = [z for z in left_a if comparable(z, y)]
        if len(others) > 1:
            others = _closest_kind(y, others)
        if others != [x]:
            continue
        basis = _basis(x, y)
        if basis == "sole" and not _sole_counts(x, y, left_a, left_b):
            continue
        if _elided_unit_agrees(x, y, qa, qb):
            continue
        conflicts.append(FigurePair(x, y, basis))
    if not independent and not conflicts:
        conflicts = _unassignable(left_a, left_b)
    in_conflict = {id(q) for p in conflicts for q in (p.a, p.b)}
    rest = tuple(q for q in left_a + left_b if id(q) not in in_conflict)
    return FigureCheck(tuple(conflicts), tuple(agreements), rest, tuple(left_a))


def _unassignable(left_a: list[Quantity], left_b: list[Quantity]) -> list[FigurePair]:
    """Between a copy and its original, two or three figures left on each side that no
    one-to-one matching makes all agree: one of them at least was changed, though which
    pairs with which cannot be told by their kind ("1,127 defections … 2,706" against
    «1197 حالة … 5412»). The pairs of the closest matching that disagree are the
    conflicts."""
    xs = [x for x in left_a if x.dimension not in TEMPORAL]
    ys = [y for y in left_b if y.dimension not in TEMPORAL]
    if not 2 <= len(xs) == len(ys) <= 3:
        return []
    best: tuple[float, list[tuple[Quantity, Quantity]]] | None = None
    for order in itertools.permutations(ys):
        pairs = list(zip(xs, order, strict=True))
        if not all(comparable(x, y) for x, y in pairs):
            continue
        if all(compatible(x, y) for x, y in pairs):
            return []  # one matching makes every figure agree
        cost = sum(abs(math.log1p(abs(x.value)) - math.log1p(abs(y.value))) for x, y in pairs)
        if best is None or cost < best[0]:
            best = (cost, pairs)
    if best is None:
        return []
    return [FigurePair(x, y, _basis(x, y)) for x, y in best[1] if not compatible(x, y)]


def _elided_unit_agrees(
    x: Quantity, y: Quantity, qa: Sequence[Quantity], qb: Sequence[Quantity]
) -> bool:
    """True when the bare one of `x` and `y` reads in a unit its own sentence wrote just
    before, and so agrees ("entre 2 y 5 centímetros … llegar a los 10" against "up to 4
    inches": 10 cm, not 10 of anything)."""
    if bare(x) == bare(y):
        return False
    plain, measured, own = (x, y, qa) if bare(x) else (y, x, qb)
    for z in own:
        if z.dimension != measured.dimension or not z.written or z.start > plain.start:
            continue
        factor = z.value / z.written
        reading = replace(
            plain, value=plain.value * factor, dimension=z.dimension, unit=z.unit,
            written=plain.value, imperial=z.imperial, precision=plain.precision * factor,
            rounding=plain.rounding * factor,
            high=plain.high * factor if plain.high is not None else None,
        )  # fmt: skip
        if compatible(measured, reading):
            return True
    return False


# A count this exact is one figure, not two counts that happen to match.
_DISTINCTIVE = 100


def _same_figure(a: Quantity, b: Quantity) -> bool:
    return (
        a.dimension == b.dimension == "count"
        and a.high is None
        and b.high is None
        and not (a.unread or b.unread)
        and a.value == b.value
        and a.value >= _DISTINCTIVE
        and a.value % 10 != 0
    )


def _closest_kind(x: Quantity, candidates: list[Quantity]) -> list[Quantity]:
    """Of several figures `x` could be compared with, those of its own kind: the same
    counted thing, else the same dimension (a bare number only when nothing else is)."""
    if x.concept is not None and (same := [y for y in candidates if y.concept == x.concept]):
        return same
    return [y for y in candidates if y.dimension == x.dimension] or candidates


def _same_concept_compatible(a: Quantity, b: Quantity, independent: bool = False) -> bool:
    return a.concept is not None and a.concept == b.concept and compatible(a, b, independent)


def _alike_compatible(a: Quantity, b: Quantity, independent: bool = False) -> bool:
    """Figures of one form first: a range with a range, "up to" with "up to" ("3 to 6
    inches, with up to 10 inches" against «7–10 см, местами до 25 см»)."""
    alike = (a.high is None) == (b.high is None) and a.qualifier == b.qualifier
    return alike and compatible(a, b, independent)


def _compatible_pair(a: Quantity, b: Quantity, independent: bool = False) -> bool:
    return compatible(a, b, independent)


def _basis(a: Quantity, b: Quantity) -> str:
    if bare(a) != bare(b) and a.dimension != b.dimension:
        return "sole"
    if a.dimension != "count" or b.dimension != "count":
        return "unit"
    return "concept" if a.concept is not None and a.concept == b.concept else "sole"


def _sole_counts(a: Quantity, b: Quantity, left_a: list[Quantity], left_b: list[Quantity]) -> bool:
    """A count of unknown things (or a bare number) is compared only when it is the one
    such figure left on its side and so is the other: then nothing else in either
    sentence can explain it. Not a number word against a figure of a language whose
    number words are not read ("six television networks" against «los años 80»: the
    Spanish «seis» was there, unread)."""
    if (a.in_words and not b.lexicon) or (b.in_words and not a.lexicon):
        return False
    kinds = (
        (lambda q: q.dimension not in TEMPORAL)
        if bare(a) or bare(b)
        else (lambda q: q.dimension == "count")
    )
    return [q for q in left_a if kinds(q)] == [a] and [q for q in left_b if kinds(q)] == [b]


def _match_range_ends(
    ranges: list[Quantity], singles: list[Quantity], agreements: list[FigurePair],
    swapped: bool = False,
) -> None:  # fmt: skip
    """ "1950-53" on one side, «1950» and «1953» on the other: a range whose two ends
    are written apart agrees."""
    for r in [q for q in ranges if q.high is not None]:
        ends = [
            next((s for s in singles if s.high is None and s.dimension == r.dimension
                  and s.low == end), None)
            for end in (r.low, r.upper)
        ]  # fmt: skip
        first, last = ends
        if first is not None and last is not None and first is not last:
            ranges.remove(r)
            for end in (first, last):
                singles.remove(end)
                pair = FigurePair(end, r, "unit") if swapped else FigurePair(r, end, "unit")
                agreements.append(pair)


def show(q: Quantity) -> str:
    """A figure as a reader wants it: the words, and the converted value where the
    unit was converted ("30 yards (27.4 m)")."""
    return q.text


def describe(pair: FigurePair) -> str:
    """'30 yards vs 50 m (27.4 m vs 50 m)' for one conflict."""
    a, b = pair.a, pair.b
    text = f"{show(a)} vs {show(b)}"
    if a.unit != b.unit and (a.imperial or b.imperial) and a.dimension == b.dimension:
        text += f" ({_base(a)} vs {_base(b)})"
    return text


_BASE_UNITS = {"length": "m", "mass": "kg", "temperature": "°C", "speed": "km/h",
               "area": "km²", "volume": "m³"}  # fmt: skip


def _base(q: Quantity) -> str:
    unit = _BASE_UNITS.get(q.dimension, "")
    value = f"{q.low:,.1f}" if q.high is None else f"{q.low:,.1f}-{q.upper:,.1f}"
    return f"{value} {unit}".strip()
