"""The record every figure reader returns: a figure, what it measures, how it is
qualified (checks/quantities.py and checks/timeforms.py read them; checks/figures.py
compares them)."""

from __future__ import annotations

from dataclasses import dataclass, field

YEAR = 31556952  # seconds: durations are kept in seconds
# Figures that place a fact in time rather than measure it: the one vocabulary every
# rule uses (a unit is never read off them; a bare number is never one of them; left
# unexplained, they make two sentences tell of other times).
TEMPORAL = frozenset({"time", "date", "year", "decade", "score", "century"})


@dataclass(frozen=True)
class Quantity:
    """One figure: the words, its value in the dimension's base unit (a range when
    `high` is set), what it measures and how it is qualified."""

    text: str  # as a reader wants it: qualifier, figure, unit or counted word
    start: int
    end: int
    value: float
    dimension: str  # count, length, mass, money:GBP, percent, time, date, year, score, ...
    unit: str = ""  # as written: "yd", "%", "GBP"; for counts the counted word
    concept: str | None = None  # for counts: what is counted (dead, troops, people, ...)
    lexicon: bool = True  # False where no counted-noun lexicon exists (French, Spanish, ...)
    qualifier: str = "exact"  # exact, about, min (at least / more than), max (up to)
    high: float | None = None
    ordinal: bool = False
    written: float | None = None  # the figure as written, before unit conversion ("30 yards": 30)
    precision: float = 1.0  # the last written digit's step (2.8bn: 0.1bn), in base units
    rounding: float = 1.0  # how round the figure is (300: 100), in base units
    imperial: bool = False  # a unit translators convert and round (yards, °F, miles)
    # Other readings of the same words, as (dimension, value, high) in base units:
    # "80 degrees" in °F, 7:55 in the evening, "550 pound" as money.
    alternatives: tuple[tuple[str, float, float | None], ...] = field(default=())
    # A figure in a language the rules do not read, with a word after it that may be
    # its scale or unit ("310 miljoen"): never compared (checks/languages.py).
    unread: bool = False
    in_words: bool = False  # written as words ("six", «восемь»), not digits

    @property
    def low(self) -> float:
        return self.value

    @property
    def upper(self) -> float:
        return self.value if self.high is None else self.high


def bare(q: Quantity) -> bool:
    """A number with nothing said of what it measures ("was 13 when", «90 спустя»)."""
    return q.dimension == "count" and q.concept is None and not q.unit and not q.ordinal
