"""Figures written in pieces: a half ("two and a half", «с половиной», «ونصف»,
"half a million"), a share of a whole ("two-thirds of voters", «треть жителей»), a
list that shares one unit or age ("aged 33, 34 and 39", «66, 34 и 39 лет»), a compound
length ("6-foot-6", «1 м 98 см») and a compound scale («مليون و200 ألف»).
checks/quantities.py reads figures with them; each piece was a missed or misread edit on
real news or in sentences written for the tests (docs/measuring.md)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol, TypeVar

from checker.checks import units as u
from checker.checks.languages import LanguageTable, age_regex, unit_regex
from checker.checks.measure import TEMPORAL, Quantity, bare
from checker.checks.words import _SCALE_RE

# "and a half" after a figure: its value plus a half (of the scale word when one follows,
# as in «مليونين ونصف المليون», two and a half million).
AND_A_HALF = {
    "en": re.compile(r"\s+and\s+a\s+half\b(?P<scale>)"),
    "ru": re.compile(r"\s+с\s+половиной\b(?P<scale>)", re.IGNORECASE),
    "ar": re.compile(r"\s*و\s*نصف(?:\s+(?P<scale>(?:ال)?(?:مليون|مليار|ألف)))?(?!\w)"),
}
# A part of a scale or a unit as the figure itself: "half a million", "half an inch",
# "a quarter of a billion", «полмиллиона», «полумиллиарда», «четверть миллиона», «نصف
# مليون», «ربع مليون». Fractions of a whole ("half of the voters") are read as
# percentages by `_fractions`.
_SCALE_AHEAD = {
    "ru": r"(?=(?:миллион|миллиард|тысяч)\w*)",
    "ar": r"(?=(?:مليون|مليار|ألف|ميل|متر|كيلو|ساعة|بوصة|قدم)\w*)",
}
_PART = {
    "en": re.compile(
        r"(?i)(?<![\w-])(?:(?P<half>half)\s+(?:of\s+)?|(?:a|one)\s+(?P<quarter>quarter)\s+of\s+|"
        r"(?:a|one)\s+(?P<third>third)\s+of\s+|(?P<three_quarters>three)[\s-]+quarters\s+of\s+|"
        r"(?P<two_thirds>two)[\s-]+thirds\s+of\s+)an?\s+(?=[a-z])"
    ),
    "ru": re.compile(
        r"(?i)(?<![\w-])(?:(?P<half>пол)у?|(?P<quarter>четверть)\s+|(?P<third>треть)\s+)"
        + _SCALE_AHEAD["ru"]
    ),
    "ar": re.compile(
        r"(?<![\w])[وب]?(?:(?P<half>نصف)|(?P<quarter>ربع)|(?P<third>ثلث))\s+" + _SCALE_AHEAD["ar"]
    ),
}
_PART_VALUE = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "three_quarters": 0.75,
               "two_thirds": 2 / 3}  # fmt: skip


def part_spans(text: str, language: str) -> list[tuple[int, int, float]]:
    """Where a part of a scale or unit stands as the figure itself ("half an inch",
    "a quarter of a billion", «полмиллиона»), with its value."""
    regex = _PART.get(language)
    if regex is None:
        return []
    out: list[tuple[int, int, float]] = []
    for m in regex.finditer(text):
        after = text[m.end() : m.end() + 30]
        scaled = _SCALE_RE.match(" " + after) or u.unit_after(" " + after, "en")
        dozen = re.match(r"dozen\b", after) if language == "en" else None  # "half a dozen": 6
        if language == "en" and not (scaled or dozen):
            continue  # "half an hour" is read, "half a chance" is not a half
        value = _PART_VALUE[next(name for name, said in m.groupdict().items() if said)]
        if dozen:
            out.append((m.start(), m.end() + dozen.end(), 12 * value))
        else:
            out.append((m.start(), m.end(), value))
    return out


# Figures of a list: "aged 33, 34 and 39", «66, 34 и 39 лет», "5, 10 or 15 per cent".
_LIST_GAP = re.compile(r"\s*,\s*|\s*,?\s*(?:and|or|и|или|و|أو)\s*", re.IGNORECASE)


def _lists(found: list[Quantity], text: str) -> list[Quantity]:
    """A list's bare figures take what its first figure is (an age: "aged 33, 34 and
    39") or what its last one measures (a unit or a counted thing: «66, 34 и 39 лет»)."""
    out = list(found)
    k = 0
    while k < len(out):
        j = k
        while j + 1 < len(out) and _LIST_GAP.fullmatch(text[out[j].end : out[j + 1].start]):
            j += 1
        run = out[k : j + 1]
        if len(run) >= 2:
            first, last = run[0], run[-1]
            donor = None
            if first.dimension == "duration" and first.unit == "yr" and first.high is None:
                donor = first  # an age opens the list
            elif not bare(last) and last.dimension not in ("temperature", *TEMPORAL):
                donor = last
            if donor is not None and donor.written:
                factor = donor.value / donor.written
                for n, q in enumerate(run, start=k):
                    # after an age, every count of the list is an age ("aged 33, 34
                    # and 39 were arrested": the noun after it is who, not what)
                    loose = q.dimension == "count" and not q.ordinal
                    if (bare(q) or (donor is first and loose)) and q.high is None:
                        out[n] = replace(
                            q, value=q.value * factor, dimension=donor.dimension,
                            unit=donor.unit, concept=donor.concept, imperial=donor.imperial,
                            text=q.text if bare(q) else q.text.split()[0],
                            written=q.value, precision=q.precision * factor,
                            rounding=q.rounding * factor,
                        )  # fmt: skip
        k = j + 1
    return out


# The smaller unit a compound length goes on in: "6 ft 2 in", "6-foot-6", «1 м 98 см».
_COMPOUND = {"ft": ("in", 12, 0.0254), "m": ("cm", 100, 0.01)}


def _compound_lengths(
    found: list[Quantity], norm: str, original: str, positions: list[int]
) -> list[Quantity]:
    """ "6-foot-6" is 6 ft 6 in, «2 м 82 см» is 2.82 m: one length, not two figures."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev.dimension == "length" and prev.unit in _COMPOUND:
            small, limit, factor = _COMPOUND[prev.unit]
            gap = norm[prev.end : q.start]
            # "6-foot-6", and "the 6-foot-6 forward" (the noun was read as counted)
            inches = prev.unit == "ft" and gap == "-" and (bare(q) or q.dimension == "count")
            if prev.high is None and q.high is None and re.fullmatch(r"\s*(?:-|and|и|و)?\s*", gap):
                if (inches or (q.dimension == "length" and q.unit == small)) and (
                    q.written if q.written is not None else q.value
                ) < limit:
                    part = (q.written if q.written is not None else q.value) * factor
                    digits = re.match(r"\d+", norm[q.start :])
                    end = q.start + digits.end() if inches and digits else q.end
                    out[-1] = replace(
                        prev, text=original[positions[prev.start] : positions[end]].strip(),
                        end=end, value=prev.value + part, precision=factor, rounding=factor,
                    )  # fmt: skip
                    continue
        out.append(q)
    return out


def _scale_of(value: float) -> float:
    """The scale a round figure is counted in: 2,000,000 in millions, 3,000 in thousands."""
    scale = 1.0
    while value >= scale * 1000 and value % (scale * 1000) == 0:
        scale *= 1000
    return scale


# Accusative singulars that the dual's construct form shares: «مليارا و500 مليون» is a
# billion and 500 million (the dual «مليارا دولار» is followed by its noun, not «و»)
_AR_ONE = re.compile(r"(?:مليارا|مليونا|ألفا)$")


def _compound_scales(
    found: list[Quantity], norm: str, original: str, positions: list[int]
) -> list[Quantity]:
    """«مليون و200 ألف شخص», «1 млн 200 тыс. человек», «3 ملايين و500 ألف»: a figure in
    millions and the thousands after it are one figure (1.2 million), not two."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev.high is None and q.high is None:
            big = _scale_of(prev.value)
            gap = norm[prev.end : q.start]
            joined = re.fullmatch(r"\s*(?:و|и|and)?\s*", gap) is not None
            # a bare count before the thousands (the reader may take «و500» after «ملايين»
            # for its noun), or the noun after both read twice («مليون و200 ألف شخص»)
            no_unit = not prev.unit or re.fullmatch(r"و?\d+", prev.unit) is not None
            same = (prev.dimension, prev.concept, prev.unit) == (q.dimension, q.concept, q.unit)
            lone = (prev.concept is None and prev.dimension == "count" and no_unit) or same
            if joined and lone and big >= 1e6 and 1000 <= q.value < big and q.value % 1000 == 0:
                head = big if _AR_ONE.search(norm[prev.start : prev.end]) else prev.value
                text = (original[positions[prev.start] : positions[q.start]] + q.text).strip()
                out[-1] = replace(q, start=prev.start, text=text, value=head + q.value,
                                  qualifier=prev.qualifier)  # fmt: skip
                continue
        out.append(q)
    return out


def compounds(
    found: list[Quantity], norm: str, original: str, positions: list[int]
) -> list[Quantity]:
    """A figure written in two pieces as one: a compound length, a compound scale."""
    return _compound_scales(_compound_lengths(found, norm, original, positions), norm,
                            original, positions)  # fmt: skip


# Shares of a whole, read as percentages: "two-thirds of voters" is 66.7 %, «треть
# жителей» 33.3 %, «نصف السكان» 50 %. "the first half of the year" is no share, nor is
# «نصف النهائي» (a semi-final).
_FRACTION = {
    "en": re.compile(
        r"(?i)(?<![\w-])(?<!first )(?<!second )(?<!other )(?<!latter )(?P<num>one|two|three|a|an)?"
        r"[\s-]*(?P<den>half|thirds?|quarters?|fifths?)\s+(?:of\s+|(?<=half )(?=the\s))"
        r"(?!an?\s+(?:hour|century|mile|"
        r"inch|second|minute|million|billion|thousand|trillion)|the\s+(?:year|season|game|match|century|way|time|day))"
    ),
    "ru": re.compile(
        r"(?i)(?<![\w-])(?:(?P<num>две|двух|три|трех|трёх)\s+)?"
        r"(?P<den>половин[аеуы]|трет(?:ь|и|ью|ей)|четверт(?:ь|и|ью|ей))(?=\s+[а-яё])"
        r"(?!\s+(?:века|часа|года|столетия|пути|матча|игры|сезона|миллион|миллиард|тысяч))"
    ),
    "ar": re.compile(
        r"(?<![\w])[وب]?(?:(?P<num>ثلاثة|ثلاث)\s+(?=أرباع))?(?P<den>نصف|ثلثي|ثلثا|ثلث|ربع|أرباع)"
        r"\s+(?!ال(?:نهائي|ساعة|قرن|مليون|مليار|ألف))(?P<whole>\w+)"
    ),
}


_DENOMINATOR = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "половин": 2, "трет": 3,
                "четверт": 4, "نصف": 2, "ثلث": 3, "ربع": 4, "أرباع": 4}  # fmt: skip


_NUMERATOR = {"two": 2, "three": 3, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
              "ثلاثة": 3, "ثلاث": 3}  # fmt: skip


def _fractions(text: str, language: str, original: str, positions: list[int]) -> list[Quantity]:
    regex = _FRACTION.get(language)
    if regex is None:
        return []
    out = []
    for m in regex.finditer(text):
        whole = m.groupdict().get("whole") or ""
        if (
            whole
            and not whole.startswith("ال")
            and (u.concept([whole], "ar") is None or m.group(0).startswith("و"))
        ):
            continue  # «نصف أعضاء الحزب» is a share; «نصف ساعة», «مليون ونصف شخص» are not
        den = m.group("den").lower()
        denominator = next(v for k, v in _DENOMINATOR.items() if den.startswith(k))
        numerator = 2 if den in ("ثلثي", "ثلثا") else 1
        if num := m.groupdict().get("num"):
            numerator = _NUMERATOR.get(num.lower(), 1)
        if language == "en" and denominator == 2 and numerator != 1:
            continue
        share = 100 * numerator / denominator
        words = original[positions[m.start()] : positions[m.end("den")]].strip()
        # precision 2: "two-thirds" is 66 % or 67 %, "half" 49–51 %
        end = m.start("whole") if whole else m.end()
        out.append(Quantity(words, m.start(), end, share, "percent", "%", precision=2.0,
                            rounding=2.0))  # fmt: skip
    return out


def _word_after(text: str, q: Quantity) -> bool:
    """A count with a word right after it, or one whose noun was taken as its unit; a
    sum of money with a word right after it (its scale, perhaps: «$140 ملین»)."""
    follows = re.match(r"[\s-]*[^\W\d_]", text[q.end :]) is not None
    if q.dimension.startswith("money:"):
        return follows
    return q.dimension == "count" and (bool(q.unit) or follows)


class _Span(Protocol):
    """A number found in the text (checks/quantities.py's atoms)."""

    start: int
    end: int
    value: float
    ordinal: bool


_S = TypeVar("_S", bound=_Span)


_RANGE_JOIN = {
    "en": r"\s*(?:-|–|—|(?:[-–]\s*)?(?:to|and))\s*",  # "18- to 29-year-olds"
    "ru": r"\s*(?:-|–|—|до|и)\s*",
    "ar": r"\s*(?:-|–|—|إلى|الى|و|حتى|وحتى|وإلى|والى)\s*",
}
# Words that open a range whatever order its ends come in ("between 60 and 43" is a
# careless edit of "between 30 and 43", still one range).
_RANGE_OPEN = re.compile(r"(?i)(?:between|from|между|от|بين|ما بين|من)\s*$")


YEAR_RANGE = re.compile(r"(?<![\w.,])((?:1[89]|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)(?![\w])")
_PHONE = re.compile(r"(?<![\d])(?:\+?\d[\d ()-]{6,}\d)(?![\d])")


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Phone numbers and other long digit strings, which state no figure; grouped
    thousands («1 000 000») and spans of years («в 2015-2018 годах») do."""
    out = []
    for m in _PHONE.finditer(text):
        digits = m.group(0).strip()
        if len(re.sub(r"\D", "", digits)) >= 7 and re.search(r"\d[ ()-]+\d", digits):
            if not (re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+", digits) or YEAR_RANGE.fullmatch(digits)):
                out.append((m.start(), m.end()))
    return out


# A span of years with the year word inside it («с 2015 года по 2018 год», «من عام 2015
# إلى عام 2018») or joined by Russian «по» («с 2015 по 2018 год»): (gap, opener before).
_YEAR_SPAN = {
    "ru": (r"\s*(?:года\s+)?(?:по|до)\s*", r"(?i)(?<!\w)со?\s*$"),
    "ar": (
        r"\s*(?:عام\s+)?و?(?:إلى|الى|حتى)\s+(?:عام|العام)?\s*",
        r"(?:من|بين)\s+(?:عام|العام)\s*$",
    ),
}


# An article between a range's words and a figure («entre un 70 %», «y un 90 %»).
_ARTICLE = r"(?:(?:un|una|el|la|le|les|los|las)\s+)?"


def _range_with(
    text: str, atom: _Span, nxt: _S | None, language: str, tbl: LanguageTable | None = None
) -> tuple[int, _S] | None:
    """ "3 to 6 inches", «от 5 до 10 см», "between 2 and 4" («zwischen 18 bis 29» with a
    language table's words): the second number's unit and scale apply to both."""
    if nxt is None or atom.ordinal:
        return None
    gap = text[atom.end : nxt.start]
    years = _YEAR_SPAN.get(language)
    if (
        years
        and all(1800 <= s.value <= 2100 for s in (atom, nxt))
        and re.fullmatch(years[0], gap)
        and re.search(years[1], text[max(0, atom.start - 12) : atom.start])
    ):
        return (atom.start, nxt)
    joins = tbl.range_to + tbl.range_and if tbl else ()
    # «%70 ile %90»: the percent sign of a language that writes it first; «entre un 70 % y
    # un 90 %», «70 % à 90 %»: a percent sign after each end, an article before the second
    own = (
        rf"\s*[%٪]?\s*(?:[-–]\s*)?(?:{'|'.join(map(re.escape, joins))})\s*{_ARTICLE}[%٪]?\s*"
        if joins
        else None
    )
    if not re.fullmatch(_RANGE_JOIN[language], gap, re.IGNORECASE) and not (
        own and re.fullmatch(own, gap, re.IGNORECASE)
    ):
        return None
    before = text[max(0, atom.start - 12) : atom.start]
    openers = "|".join(map(re.escape, tbl.range_open)) if tbl and tbl.range_open else None
    opened = bool(_RANGE_OPEN.search(before)) or bool(
        openers and re.search(rf"(?i)(?:{openers})\s*{_ARTICLE}$", before)
    )
    ands = ("and", "и", "و", *(tbl.range_and if tbl else ()))
    if re.fullmatch(rf"\s*(?:{'|'.join(ands)})\s*", gap, re.IGNORECASE) and not opened:
        return None
    if nxt.value < atom.value or (nxt.value == atom.value and not gap.strip(" -–—")):
        # "5-3" is a score, "140-90%" a range whose first end was changed: read as a
        # range only where the range is announced or a unit follows its second end
        after = text[nxt.end : nxt.end + 30]
        percent = re.match(r"\s*[%٪]", after) or re.search(r"[%٪]\s*$", gap)  # «%140 ile %90»
        # a table language's unit or age word after it too («36–29 років», «36-29 yaş»)
        own_unit = _table_unit_after(after, tbl)
        if not (opened or u.unit_after(after, language) or percent or own_unit):
            return None
    return (atom.start, nxt)


def _table_unit_after(after: str, tbl: LanguageTable | None) -> bool:
    """True when a language table's unit or age word follows ("Kubikmeter", «yaş»)."""
    if tbl is None:
        return False
    regexes = (unit_regex(tbl.language), age_regex(tbl.language))
    return any(r is not None and r.match(after) for r in regexes)


# "5-3", «2:1», and French «2 à 0» (a range after «de»: see `_is_score`)
_SCORE = re.compile(
    r"(?<![\w.,:/-])(\d{1,2})(?:\s?[-–:]\s?|\s+à\s+|\s+بر\s+)(\d{1,2})(?![\w%-]|[.,:]\d|\s*%)"
)


def _is_score(text: str, m: re.Match[str], language: str, tbl: LanguageTable | None = None) -> bool:
    """ "5-3", «2:1», "38 - 17" are scores unless a unit or a counted noun follows right
    away ("3-5 km", "3-5 people", «2-4 düym»: ranges)."""
    after = text[m.end() : m.end() + 30]
    if " à " in m.group(0) and re.search(r"(?i)(?:\bde|\bd'|\bentre|\bet)\s*$", text[: m.start()]):
        return False  # «de 3 à 5»: a French range; «mène 2 à 0» is the score
    if u.unit_after(after, language) or u.currency_after(after, language):
        return False
    if _table_unit_after(after, tbl):
        return False  # «2-4 düym», «18-29 yaş aralığındaki»: a range of a unit or of ages
    if (word := re.match(r"\s+([^\W\d_][\w'’-]*)", after)) and u.concept(
        [word.group(1)], language, clitics=False
    ):
        return False
    return int(m.group(1)) <= 200 and int(m.group(2)) <= 200
