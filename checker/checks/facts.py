"""Fact checks beside NLI: numbers that differ between two paired sentences.

NLI models are notoriously weak on numbers ("20,000 troops" vs "5,000 troops" often
reads as entailment). Paired sentences already talk about the same thing, so when both
state quantities and each states one the other does not, the pair is flagged with the
reason, whatever the model said. Numbers are normalised across digit styles
(20,000 / 20 000 / ٢٠٬٠٠٠), scale words (20 тысяч, 20 ألف, 20 thousand) and common
number words in English, Russian and Arabic.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from checker.errors import first_line

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SCALES = {
    "thousand": 1_000,
    "thousands": 1_000,
    "тыс": 1_000,
    "тысяча": 1_000,
    "тысячи": 1_000,
    "тысяч": 1_000,
    "ألف": 1_000,
    "الف": 1_000,
    "آلاف": 1_000,
    "الاف": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "млн": 1_000_000,
    "миллион": 1_000_000,
    "миллиона": 1_000_000,
    "миллионов": 1_000_000,
    "مليون": 1_000_000,
    "ملايين": 1_000_000,
    "billion": 10**9,
    "млрд": 10**9,
    "миллиард": 10**9,
    "миллиарда": 10**9,
    "миллиардов": 10**9,
    "مليار": 10**9,
}
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "один": 1,
    "одна": 1,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "двенадцать": 12,
    "пятнадцать": 15,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "сто": 100,
    "двух": 2,
    "трёх": 3,
    "трех": 3,
    "четырёх": 4,
    "четырех": 4,
    "пяти": 5,
    "шести": 6,
    "семи": 7,
    "восьми": 8,
    "девяти": 9,
    "десяти": 10,
    "двадцати": 20,
    "тридцати": 30,
    "ста": 100,
    "واحد": 1,
    "اثنان": 2,
    "اثنين": 2,
    "ثلاثة": 3,
    "أربعة": 4,
    "خمسة": 5,
    "ستة": 6,
    "سبعة": 7,
    "ثمانية": 8,
    "تسعة": 9,
    "عشرة": 10,
    "عشرين": 20,
    "عشرون": 20,
    "ثلاثين": 30,
    "أربعين": 40,
    "خمسين": 50,
    "مئة": 100,
    "مائة": 100,
    "ألفي": 2_000,
    "ألفين": 2_000,
    "ألفا": 2_000,
    **{  # 11-19: two words («اثنتا عشرة»), with or without the article («الاثنتي عشرة»)
        f"{article}{unit} {ten}": value
        for value, units in {
            11: ("أحد", "إحدى", "احدى"),
            12: ("اثنا", "اثني", "اثنتا", "اثنتي"),
            13: ("ثلاثة", "ثلاث"),
            14: ("أربعة", "أربع"),
            15: ("خمسة", "خمس"),
            16: ("ستة", "ست"),
            17: ("سبعة", "سبع"),
            18: ("ثمانية", "ثماني"),
            19: ("تسعة", "تسع"),
        }.items()
        for unit in units
        for ten in ("عشر", "عشرة")
        for article in ("", "ال")
    },
}
_SCALE_RE = "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True))
_WORD_RE = "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.,])(?:(?P<digits>\d{{1,3}}(?:[,.\u00a0\u202f ]\d{{3}})+|\d+(?:[.,]\d+)?)"
    rf"|(?P<word>{_WORD_RE}))(?:\s*(?P<scale>{_SCALE_RE})\.?)?(?!\w)",
    re.IGNORECASE,
)


def script_language(text: str) -> str:
    """A guess from the script alone, for rules that need en, ru or ar and were given no
    language: Arabic letters → ar, Cyrillic → ru, else en."""
    if re.search(r"[\u0600-\u06ff]", text):
        return "ar"
    if re.search(r"[а-яё]", text, re.IGNORECASE):
        return "ru"
    return "en"


def numbers(text: str) -> list[float]:
    """Quantities stated in `text`, normalised (years and day-of-month digits kept too)."""
    return list(_numbers(text))


@lru_cache(maxsize=8192)  # a sentence sits in several pairs
def _numbers(text: str) -> tuple[float, ...]:
    found = []
    for m in _NUMBER.finditer(text.translate(_DIGITS).replace("٬", ",")):
        if m.group("digits"):
            raw = m.group("digits")
            if re.fullmatch(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+", raw):
                value = float(re.sub(r"\D", "", raw))  # thousands separators
            else:
                value = float(raw.replace(",", "."))
        else:
            value = float(_WORDS[m.group("word").lower()])
        scale = m.group("scale")
        if scale:
            value *= _SCALES[scale.lower().rstrip(".")]
        found.append(value)
    return tuple(found)


def _show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def number_conflict(a: str, b: str) -> str | None:
    """A reason when each sentence states a number the other does not, else None.
    A sentence that only adds numbers (more detail) is no conflict."""
    na, nb = set(numbers(a)), set(numbers(b))
    only_a, only_b = na - nb, nb - na
    if not only_a or not only_b:
        return None
    return (
        f"numbers differ: {', '.join(map(_show, sorted(only_a)))} vs "
        f"{', '.join(map(_show, sorted(only_b)))}"
    )


# dateparser costs about a millisecond per sentence even when there is no date, and a
# sentence shows up in several findings: a cheap pre-check and a cache keep it off the
# hot path. A day is written in digits in news text, and a month by name or in a
# numeric date; for other languages any digit sends the sentence to dateparser.
_MONTH = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:январ|феврал|март|апрел|мая|май|мае|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"|(?:يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|"
    r"اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
)
_DATE_LANGUAGES = {"en", "ru", "ar"}


def may_hold_date(text: str, language: str) -> bool:
    """False when `text` cannot hold a day-and-month date (no digit, or for en/ru/ar no
    month name and no numeric date)."""
    if not re.search(r"\d", text):
        return False
    return language not in _DATE_LANGUAGES or _MONTH.search(text) is not None


def mentioned_dates(
    text: str, language: str, published: dt.date | None = None
) -> list[tuple[str, dt.date]]:
    """Dates written in a sentence ("on 7 January", "7 января", "7 يناير"), as (the words,
    the date). Day and month are required, so bare numbers and "in May" are not dates; a
    date without a year is read relative to the source's publication date."""
    if not may_hold_date(text, language):
        return []
    return list(_search_dates(text, language, published))


@lru_cache(maxsize=8192)
def _search_dates(
    text: str, language: str, published: dt.date | None
) -> tuple[tuple[str, dt.date], ...]:
    from dateparser.search import search_dates

    settings: dict[str, object] = {
        "REQUIRE_PARTS": ["day", "month"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    try:
        try:
            found = search_dates(text, languages=[language], settings=settings)
        except (ValueError, KeyError):  # a language dateparser does not know
            found = search_dates(text, settings=settings)
    except Exception as exc:  # never a failure point of the run, but never silent either
        raise DateReadError(first_line(exc)) from exc
    return tuple((words.strip(), when.date()) for words, when in (found or []))


class DateReadError(Exception):
    """dateparser failed on a sentence: its dates are unknown, not absent."""
