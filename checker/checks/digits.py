"""How a figure's digits are written: local digits (Arabic-Indic, Persian), thousands
groups and decimal marks by language, and how precise the written figure is.

Kept apart from checks/quantities.py, which reads what a figure measures.
"""

from __future__ import annotations

import re

# Digits in every local form → ASCII, one character for one (positions stay valid).
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_MARKS = re.compile(r"[\u064b-\u0652\u0640]")  # Arabic short vowels, tanween, tatweel
# A digit number: thousands groups (1,127 / 1 500 / 30،000 / 2.400.000) or a decimal. An
# Arabic letter may be glued before it («و400», «يعتقد76%»), a Latin one may not (SS19).
_NUMBER = re.compile(
    r"(?<![A-Za-zА-Яа-яЁё\d_.,/])"
    r"(?P<num>\d{1,3}(?:(?P<sep>[,.\u00a0\u202f ،])\d{3})(?:(?P=sep)\d{3})*(?![\d])"
    r"|\d+(?:[.,]\d+)?)(?P<tail>(?:st|nd|rd|th)\b|(?:e|ème|er|re)(?=\s[^\W\d_])|-(?:й|го|я|е|м|ю|х|ми|ая|ый|ой|ого|ому|ом|"
    r"ым|ых|ей)\b)?"
)


def _precision(raw: str, grouped: bool) -> tuple[float, float]:
    """The step of the last written digit (2.8 → 0.1, 832 → 1) and how round the figure
    is (300 → 100, 300,000 → 100,000); `grouped`: the separators group thousands."""
    if not grouped and re.fullmatch(r"\d+[.,]\d+", raw):
        step = 10.0 ** -len(re.split(r"[.,]", raw)[-1])
        return step, step
    whole = re.sub(r"\D", "", raw)
    zeros = len(whole) - len(whole.rstrip("0"))
    return 1.0, float(10 ** min(zeros, max(len(whole) - 1, 0)))


def _value(raw: str, sep: str | None, language: str, decimal_comma: bool = False) -> float:
    if sep is not None:
        if (
            sep == ","
            and (language == "ru" or decimal_comma)
            and raw.count(",") == 1
            and not raw.endswith(",000")  # "820,000": no decimal ends in three zeros
        ):
            return float(raw.replace(",", "."))  # «2,800» in Russian is a decimal
        return float(re.sub(r"\D", "", raw))
    return float(raw.replace(",", "."))


# "1:0-Sieg": the hyphen after a score of one or two digits a side, before a word
_SCORE_HYPHEN = re.compile(
    r"(?<=(?<![\d:])\d:\d)-(?=[^\W\d_])|(?<=(?<![\d:])\d\d:\d\d)-(?=[^\W\d_])"
)


def _normalize(text: str) -> tuple[str, list[int]]:
    """The text the readers work on, and where each of its characters came from: digits
    in ASCII («٣٠» → 30), the Arabic comma between thousands as a comma («30،000») and
    before one or two digits as a decimal mark («3،5»), and
    Arabic vowel marks dropped («ميلاً» reads as «ميلا»), and a score's hyphen into the
    noun it qualifies as a space ("1:0-Sieg", «2:1-победа»: a score, not two counts)."""
    kept = [k for k, ch in enumerate(text) if not _MARKS.match(ch)]
    norm = "".join(text[k] for k in kept).translate(_DIGITS)
    norm = re.sub(r"(?<=\d)،(?=\d{3}(?!\d))", ",", norm)
    # between one or two digits, with no space, a decimal mark («3،5 مليون»: 3.5 million;
    # a list is written «3، 5»)
    norm = re.sub(r"(?<![\d.,])(\d{1,3})،(\d{1,2})(?![\d])", r"\1.\2", norm)
    norm = _SCORE_HYPHEN.sub(" ", norm)
    return norm, kept + [len(text)]
