"""Which languages the figure rules read, and the tables that teach them a language.

English, Russian and Arabic are read in full (units, counted nouns, number words:
checks/units.py, checks/numwords.py). Each file in checks/lang/ adds a language's
scale words, currency words and decimal mark, so that "310 Millionen Euro" is 310
million euros and «2,5 мільйона» two and a half million; adding a language adds a
file, not code. In any other language a figure followed by a word is not compared: its
scale or unit may be a word the rules cannot read ("310 miljoen"), and a figure misread
is a false alarm.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FULL = ("en", "ru", "ar")


@dataclass(frozen=True)
class LanguageTable:
    language: str
    name: str
    decimal: str  # "," where 2,5 is two and a half
    patterns: str  # the full language whose unit and qualifier patterns fit its script
    scale: dict[str, float]
    currency: dict[str, str]
    capital_nouns: bool = False  # German: a capitalised word after a figure is a noun
    age: tuple[str, ...] = ()  # words after a figure that make it an age («40 yaşındaki»)
    # False where the unit patterns borrowed (`patterns`) cannot read the language's own
    # unit words (Persian, Hebrew: «250 کیلوگرمی»): a count followed by a word is unread
    units: bool = True
    suffixes: bool = False  # words take case endings (Turkish, Azerbaijani «milyondan»)
    # unit words, each as the English unit it names ("kubikmeter" = "cubic metres")
    unit_words: dict[str, str] = field(default_factory=dict)
    # words joining the two ends of a range ("bis"), words joining two figures that make
    # a range only after an opening word ("und" after "zwischen"), and those openers
    range_to: tuple[str, ...] = ()
    range_and: tuple[str, ...] = ()
    range_open: tuple[str, ...] = ()
    # words right before a figure that say what it is, as "year", "age", an English unit
    # or an English counted noun («בשנת 2019», «בדקה ה-89», «בגיל 28», «قرن ۱۹»), and
    # the letters such a word may carry in front (Hebrew «ב», «ו», …)
    before: dict[str, str] = field(default_factory=dict)
    prefixes: str = ""
    # number words, as written in lower case («drei», «üç», «שלושה»; none that is also a
    # common other word: «yedi» is "ate", «neuf» "new", «نه» "not")
    numbers: dict[str, float] = field(default_factory=dict)
    # words that make a number word a multiple, not a figure («iki dəfə artaraq»: doubling)
    multipliers: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def tables() -> dict[str, LanguageTable]:
    """Every table under checks/lang/, by language code."""
    out = {}
    for entry in resources.files("checker.checks").joinpath("lang").iterdir():
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        out[data["language"]] = LanguageTable(
            language=data["language"],
            name=data["name"],
            decimal=data.get("decimal", "."),
            patterns=data.get("patterns", "en"),
            scale={k.lower(): float(v) for k, v in data.get("scale", {}).items()},
            currency={k.lower(): v for k, v in data.get("currency", {}).items()},
            capital_nouns=bool(data.get("capital_nouns", False)),
            age=tuple(data.get("age", ())),
            units=bool(data.get("units", True)),
            unit_words={k.lower(): v for k, v in data.get("units_as", {}).items()},
            suffixes=bool(data.get("suffixes", False)),
            range_to=tuple(data.get("range", {}).get("to", ())),
            range_and=tuple(data.get("range", {}).get("and", ())),
            range_open=tuple(data.get("range", {}).get("open", ())),
            before=dict(data.get("before", {})),
            prefixes=data.get("prefixes", ""),
            numbers={k: float(v) for k, v in data.get("numbers", {}).items()},
            multipliers=tuple(data.get("multipliers", ())),
        )
    return out


def table(language: str | None) -> LanguageTable | None:
    return tables().get(language or "")


def read_languages() -> list[str]:
    """The languages whose figures the rules read: the full ones, then the tables."""
    return [*FULL, *sorted(tables())]


def reads(language: str | None) -> bool:
    """True when the rules read figures with words in `language` (und: by script)."""
    return language in (None, "", "und") or language in FULL or language in tables()


def table_key(word: str) -> str:
    """The table's key for a word a table regex matched (any quote read as '"')."""
    return re.sub("[“”״]", '"', word.lower())


def _form(word: str) -> str:
    """A table word as a regex: a quote inside it is any of the quotes writers use for
    it (Hebrew «ק"מ», «ק“מ», «ק״מ»: kilometres)."""
    return re.escape(word).replace('"', '["“”״]')


def _words_regex(
    words: Mapping[str, object], suffixes: bool = False, ordinal: bool = False
) -> re.Pattern[str]:
    """One of `words` after a figure; with `suffixes`, a word of five letters or more
    may carry a case ending (Turkish «20 milyondan fazla»: more than 20 million); with
    `ordinal`, the figure may be an ordinal written with a point («50. dakikada», "in
    der 50. Minute")."""
    body = "|".join(sorted(map(_form, words), key=len, reverse=True))
    ending = r"(?:(?<=\w{5})\w*)?" if suffixes else ""
    point = r"(?:\.(?=\s+\w))?" if ordinal else ""
    return re.compile(rf"{point}\s*({body}){ending}\.?(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=32)
def scale_regex(language: str) -> re.Pattern[str] | None:
    """A table language's scale word right after a figure ("310 Millionen")."""
    t = table(language)
    return _words_regex(t.scale, t.suffixes) if t and t.scale else None


@lru_cache(maxsize=32)
def age_regex(language: str) -> re.Pattern[str] | None:
    """A table language's age word after a figure ("40 yaşındaki", "20-jährige")."""
    t = table(language)
    if not t or not t.age:
        return None
    body = "|".join(sorted(t.age, key=len, reverse=True))  # regex forms, as written
    return re.compile(rf"[\s-]*(?:{body})", re.IGNORECASE)


@lru_cache(maxsize=32)
def unit_regex(language: str) -> re.Pattern[str] | None:
    """A table language's unit word after a figure ("3 Milliarden Kubikmeter")."""
    t = table(language)
    return _words_regex(t.unit_words, t.suffixes, ordinal=True) if t and t.unit_words else None


def _prefixes(t: LanguageTable) -> str:
    """The letters a table word may carry in front, as a regex (Hebrew «ב», «ו», …)."""
    return f"[{t.prefixes}]{{0,2}}" if t.prefixes else ""


@lru_cache(maxsize=32)
def before_regex(language: str) -> re.Pattern[str] | None:
    """A table language's word right before a figure («בדקה ה- 178»: the minute); the
    group named `w<k>` is the k-th word of the table's `before`."""
    t = table(language)
    if not t or not t.before:
        return None
    forms = [
        f"(?P<w{k}>" + _form(word).replace("\\-", "[-־]?").replace("\\ ", r"\s+") + ")"
        for k, word in enumerate(t.before)
    ]
    prefix = _prefixes(t)
    return re.compile(rf"(?<![^\W\d_]){prefix}(?:{'|'.join(forms)})\s*$", re.IGNORECASE)


@lru_cache(maxsize=32)
def numbers_regex(language: str) -> re.Pattern[str] | None:
    """A table language's number word as a whole word (Hebrew: behind its prefixes,
    «בשלושה»), not before one of its multipliers; group 1 is the word."""
    t = table(language)
    if not t or not t.numbers:
        return None
    body = "|".join(sorted(map(re.escape, t.numbers), key=len, reverse=True))
    prefix = _prefixes(t)
    times = "|".join(map(re.escape, t.multipliers))
    multiple = rf"(?!\s+(?:{times})(?![^\W\d_]))" if times else ""
    return re.compile(rf"(?<![^\W\d_]){prefix}({body})(?![^\W\d_]){multiple}")


def before_word(language: str, before: str) -> str | None:
    """What the table's word ending `before` says the next figure is, or None."""
    regex = before_regex(language)
    m = regex.search(before) if regex else None
    if m is None:
        return None
    t = table(language)
    assert t is not None
    k = next(int(g[1:]) for g, v in m.groupdict().items() if v is not None)
    return list(t.before.values())[k]


@lru_cache(maxsize=32)
def currency_regex(language: str) -> re.Pattern[str] | None:
    t = table(language)
    return _words_regex(t.currency, t.suffixes) if t and t.currency else None
