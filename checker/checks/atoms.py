"""The numbers of a sentence before they are read: figures in digits, number words of
the language («сорока восьми», «الثمانية», "a dozen"), parts of a scale ("half a million",
«ربع مليون») and halves after a figure ("two and a half", «مليون ونصف»). Reading what
each measures is checks/quantities.py's work."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.checks import units as u
from checker.checks.digits import _NUMBER, _precision, _value
from checker.checks.languages import LanguageTable, numbers_regex
from checker.checks.numwords import WordNumber, number_words
from checker.checks.pieces import AND_A_HALF, part_spans
from checker.checks.words import _SCALE_RE, _SCALE_WORDS, _WORD

# «ألف» alone is a thousand or the verb "composed": a thousand only before a counted noun
_AR_THOUSAND = re.compile(r"(?<!\S)[وب]?(?:ألف|الف) (\w+)")


@dataclass
class Atom:
    start: int
    end: int
    value: float
    precision: float
    rounding: float
    ordinal: bool = False
    from_words: bool = False


def atoms_of(
    text: str,
    language: str,
    decimal_comma: bool = False,
    read_words: bool = True,
    tbl: LanguageTable | None = None,
) -> list[Atom]:
    """Digit figures, and (`read_words`) number words of `language`: not where
    `language` is only the pattern a table language borrows (Turkish «2014'ten» is no
    English "ten")."""
    atoms = []
    for m in _NUMBER.finditer(text):
        raw = m.group("num")
        value = _value(raw, m.group("sep"), language, decimal_comma)
        grouped = m.group("sep") is not None and value == float(re.sub(r"\D", "", raw))
        step, rounding = _precision(raw, grouped)
        atoms.append(Atom(m.start(), m.end(), value, step, rounding, bool(m.group("tail"))))
    words = number_words(text, language) if read_words else []
    if tbl and (own := numbers_regex(tbl.language)):  # «drei Prozent», «üç yıl», «בשלושה»
        words += [
            WordNumber(m.start(1), m.end(1), tbl.numbers[m.group(1)]) for m in own.finditer(text)
        ]
    for w in list(words):
        scale = _SCALE_RE.match(text, w.start)
        if scale and re.search(r"\d\s*$", text[: w.start]):
            # "1.7 million four years": the scale belongs to the digits, "four" is a figure
            words.remove(w)
            rest = number_words(text[: w.end], language)
            words += [r for r in rest if r.start >= scale.end()]
    # a part, written to the part: a half's precision 0.1, roundness 0.5
    halves = [Atom(s, e, v, 0.1, v) for s, e, v in part_spans(text, language)]
    for w in words:
        if not any(a.start < w.end and w.start < a.end for a in atoms + halves):
            step = min(w.value, 1.0) if w.value else 1.0
            atoms.append(Atom(w.start, w.end, w.value, step, step, w.ordinal, from_words=True))
    atoms += [h for h in halves if not any(a.start < h.end and h.start < a.end for a in atoms)]
    if language == "ar":  # «ألف وظيفة»: a thousand alone, before what it counts
        for m in _AR_THOUSAND.finditer(text):
            if u.concept([m.group(1)], "ar") and not any(
                a.start < m.end(1) and m.start() < a.end for a in atoms
            ):
                atoms.append(Atom(m.start(), m.start(1) - 1, 1e3, 1.0, 1.0, from_words=True))
    atoms.sort(key=lambda a: a.start)
    for a in atoms:  # "two and a half", «двух с половиной», «مليونين ونصف المليون»
        half = None if a.ordinal else AND_A_HALF[language].match(text, a.end)
        if half is None:
            continue
        of = _SCALE_WORDS.get((half.group("scale") or "").lower().removeprefix("ال"), 0.0)
        if of and a.value < of:
            continue  # «ونصف المليون» halves a scale the figure already carries
        if not of and a.from_words:  # «مليون ونصف», «ثلاثة ملايين ونصف»: half its last scale
            last = _WORD.findall(text[a.start : a.end])[-1:]
            of = _SCALE_WORDS.get(last[0].lower().removeprefix("ال"), 0.0) if last else 0.0
        a.value += 0.5 * (of or 1.0)
        a.end = half.end()
        a.precision = min(a.precision, 0.1 * (of or 1.0))
        a.rounding = min(a.rounding, 0.5 * (of or 1.0))
    return atoms
