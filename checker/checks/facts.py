"""Dates written in sentences ("on 7 January", «7 января», «7 يناير») and a script-based
language guess for the rules beside NLI. Figures are read in checks/quantities.py and
compared in checks/figures.py."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from checker.errors import first_line


def script_language(text: str) -> str:
    """A guess from the script alone, for rules that need en, ru or ar and were given no
    language: Arabic letters → ar, Cyrillic → ru, else en."""
    if re.search(r"[\u0600-\u06ff]", text):
        return "ar"
    if re.search(r"[а-яё]", text, re.IGNORECASE):
        return "ru"
    return "en"


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
