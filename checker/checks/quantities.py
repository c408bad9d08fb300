"""Quantities stated in a sentence, read as value + what it measures + qualifier.

"£125m" is 125,000,000 pounds sterling, "about 30 yards" is roughly 27 m, "more than
300,000 residents" is a lower bound on a count of people, "3 p.m." is 15:00, "17th" is
an ordinal, «сорока восьми» is 48, «30،000» is thirty thousand, "1950-53" is a span of
years. The figure rules compare only quantities of one kind (see checks/figures.py): a
number rule that compared digits alone flagged "magnitude 7.5" against "800 dead" and
"30 yards" against «27 метрах».

en, ru, ar are read in full, table languages by checks/lang/*.toml, others by digits and
shared symbols ($, %, °C); dates and times in checks/timeforms.py."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.checks import units as u
from checker.checks.atoms import Atom, atoms_of
from checker.checks.digits import _normalize
from checker.checks.facts import script_language
from checker.checks.languages import (
    FULL,
    LanguageTable,
    age_regex,
    before_word,
    currency_regex,
    reads,
    scale_regex,
    table,
    table_key,
    unit_regex,
)
from checker.checks.measure import TEMPORAL, YEAR, Quantity
from checker.checks.pieces import (
    _SCORE,
    AND_A_HALF,
    YEAR_RANGE,
    _fractions,
    _is_score,
    _lists,
    _range_with,
    _word_after,
    compounds,
    phone_spans,
)
from checker.checks.timeforms import DAY_FIRST, arabic_duals, clock_times, dates, decades
from checker.checks.words import (
    _MINUS_AFTER,
    _MINUS_BEFORE,
    _PERCENT_BEFORE,
    _RU_UNIT_ADJECTIVE,
    _RU_UNIT_STEMS,
    _SCALE_RE,
    _SCALE_WORDS,
    _WORD,
    _XX_NOT_NOUN,
    _YEAR_BEFORE,
    _age,
    _arabic_thing,
    _noun,
    _singular_noun,
    _to_first_noun,
    english_counted,
    ru_agrees,
)


@lru_cache(maxsize=16384)  # a sentence sits in several pairs
def quantities(text: str, language: str) -> tuple[Quantity, ...]:
    """Every figure in `text`: en, ru and ar in full; the languages of checks/lang/ with
    their scale and currency words and decimal mark; in any other language a figure
    followed by a word is marked `unread` and never compared."""
    tbl = table(language)
    original = language
    unread = not reads(language)
    months = language if language in FULL else "xx"  # French, Spanish, ...
    # number words of the language read: its own, or Russian's in Ukrainian, which
    # shares most of them («три роки»); never English words in a Turkish text
    own_words = language in FULL or language in ("", "und") or bool(tbl and tbl.patterns == "ru")
    if language not in FULL:
        if language in ("", "und"):
            language = script_language(text)
        else:
            language = tbl.patterns if tbl else "en"
        months = language if months == "xx" and language != "en" else months
    norm, positions = _normalize(text)
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []

    def add(q: Quantity) -> None:
        found.append(q)
        taken.append((q.start, q.end))

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    taken.extend(phone_spans(norm))
    calendar = original if original in DAY_FIRST else months  # «12 ביוני», «۲۴ ژوئن»
    for q in clock_times(norm, language, original) + dates(norm, calendar) + decades(norm):
        if free(q.start, q.end):
            add(q)
    for q in _fractions(norm, language, text, positions):
        if free(q.start, q.end):
            add(q)
    for m in YEAR_RANGE.finditer(norm):
        first, second = int(m.group(1)), m.group(2)
        last = int(second) if len(second) == 4 else int(str(first)[:2] + second)
        if last >= first and free(m.start(), m.end()):  # «1953-53»: an edited range too
            add(Quantity(m.group(0), m.start(), m.end(), first, "year", high=last))
    decimal_comma = tbl is not None and tbl.decimal == ","
    atoms = [
        a for a in atoms_of(norm, language, decimal_comma, own_words, tbl) if free(a.start, a.end)
    ]
    if language == "ar":
        for q in arabic_duals(norm, [(a.start, a.end) for a in atoms]):
            if free(q.start, q.end):
                add(q)
    k = 0
    while k < len(atoms):
        atom = atoms[k]
        if not free(atom.start, atom.end):  # a word a figure before took as its unit
            k += 1
            continue
        nxt = atoms[k + 1] if k + 1 < len(atoms) else None
        score = _SCORE.match(norm, atom.start)
        if (
            score
            and nxt
            and score.end() == nxt.end
            and not atom.from_words
            and _is_score(norm, score, language, tbl)
        ):
            pair = sorted((int(score.group(1)), int(score.group(2))))
            add(
                Quantity(
                    score.group(0), score.start(), score.end(), pair[1] * 100 + pair[0], "score"
                )
            )
            k += 2
            continue
        span = _range_with(norm, atom, nxt, language, tbl)
        read = _read(text, positions, norm, atom, language, span[1] if span else None, tbl)
        if read is not None and unread and _word_after(norm, read):
            read = replace(read, unread=True)  # "310 miljoen": a word the rules cannot read
        elif read is not None and tbl and not tbl.units and read.dimension == "count":
            noun = re.match(r"[\s-]*([^\W\d_]{2,})", norm[read.end :])
            if not read.unit and noun:
                # «30 חזירים», «540 بنا»: a noun no table lists, so a count of an unknown
                # thing (never the same thing as a named one); a unit word the table
                # misses makes it a count, and a count is not a length or a mass
                word = noun.group(1)
                read = replace(read, unit=word, text=f"{read.text} {word}")
        if read is not None and months == "xx" and read.dimension == "count":
            if read.unit.lower() in _XX_NOT_NOUN:
                read = replace(read, unit="", text=read.text.removesuffix(" " + read.unit))
            read = replace(read, lexicon=False)
        if read is not None:
            add(read)
        k += 2 if span else 1
    found = compounds(sorted(found, key=lambda q: q.start), norm, text, positions)
    return tuple(_lists(found, norm))


# «عددهم», «يبلغ عددها»: "their number (is)", after the thing counted
_AR_NUMBERING = re.compile(r"(?<!\w)[وب]?عدد(?:ه|ها|هم|هن)\s*$")


def _read(
    original: str,
    positions: list[int],
    text: str,
    atom: Atom,
    language: str,
    range_end: Atom | None,
    tbl: LanguageTable | None = None,
) -> Quantity | None:
    low = atom.value
    last = range_end or atom
    high = range_end.value if range_end else None
    precision = min(atom.precision, last.precision)
    rounding = min(atom.rounding, last.rounding)
    end = last.end
    after = text[end : end + 60]
    before = text[max(0, atom.start - 50) : atom.start]
    # Scale words: "£125m", «3,1 млрд», «10 مليارات», «25-тысячную».
    scale = 1.0
    table_scale = scale_regex(tbl.language) if tbl else None
    if table_scale and (m := table_scale.match(after)):  # "310 Millionen", «2,5 мільйона»
        assert tbl is not None
        scale = tbl.scale[table_key(m.group(1))]
        end += m.end()
        after = text[end : end + 60]
    elif m := _SCALE_RE.match(after):
        word = m.group(1).lower()
        attached = m.start(1) == 0
        if word not in ("m", "b", "k") or (attached and re.search(r"[£$€¥₽]\s*$", before)):
            scale = _SCALE_WORDS[word]
            end += m.end()
            after = text[end : end + 60]
    elif m := re.match(r"-(тысячн|миллионн|миллиардн)\w*", after):
        scale = {"тысячн": 1e3, "миллионн": 1e6, "миллиардн": 1e9}[m.group(1)]
        end += m.end()
        after = text[end : end + 60]
    if scale > 1 and high is None and (half := AND_A_HALF[language].match(text, end)):
        if not half.group("scale"):  # «3 ملايين ونصف»: three and a half million
            low += 0.5
            end = half.end()
            after = text[end : end + 60]
            precision, rounding = min(precision, 0.1), min(rounding, 0.5)
    low, high = low * scale, None if high is None else high * scale
    precision, rounding = precision * scale, rounding * scale
    currency = None
    if m := re.search(r"(US\$|A\$|C\$|HK\$|[£$€¥₽₹])\s*$", before):
        currency = u.CURRENCY_SYMBOLS[m.group(1)]
    qualifier, said = "exact", ""  # said: the qualifier's words, for the reader
    symbol = re.search(r"(?:US\$|[£$€¥₽₹])\s*$", before)
    if range_end and re.search(r"(?i)(?:between|from|от|بين|من)\s*$", before):
        pass  # «от 5 до 10 см»: the range itself is the claim
    elif q := u.qualifier_before(before[: symbol.start()] if symbol else before, language):
        qualifier = q[0]
        said = (before[: symbol.start()] if symbol else before)[-q[1] :].strip()
    elif q2 := u.qualifier_after(after, language):
        qualifier = q2
    ordinal = atom.ordinal or last.ordinal
    # "-5C", «минус 5», «5 градусов мороза», «تحت الصفر»: below zero
    negative = bool(_MINUS_BEFORE.search(before) or _MINUS_AFTER.match(after))

    def quantity(dimension: str, unit: str = "", factor: float = 1.0, offset: float = 0.0,
                 imperial: bool = False, concept: str | None = None,
                 other: tuple[tuple[str, float, float], ...] = (),
                 extra: int = 0) -> Quantity:  # fmt: skip
        sign = -1.0 if negative and dimension == "temperature" else 1.0

        def base(x: float, factor: float = factor, offset: float = offset) -> float:
            return sign * x * factor + offset

        alternatives = tuple(
            (dim, base(low, f, o), None if high is None else base(high, f, o))
            for dim, f, o in other
        )
        stop = end + extra
        held = qualifier
        if held == "exact" and extra:
            # after the unit: «200 milyon dollardan çox», «18 aydan fazla», «30 mètres
            # environ», "30 yards or so"
            if found := u.qualifier_after_span(text[stop : stop + 20], language):
                held, stop = found[0], stop + found[1]
        words = original[positions[atom.start] : positions[stop]].strip()
        if symbol:
            words = symbol.group(0).strip() + words
        if dimension == "count" and unit and unit not in words:
            words += " " + unit  # "832" → "832 dead"
        return Quantity(
            text=f"{said} {words}".strip(),
            start=atom.start,
            end=stop,
            value=base(low),
            high=None if high is None else base(high),
            dimension=dimension,
            unit=unit,
            concept=concept,
            qualifier="exact" if dimension in TEMPORAL else held,
            ordinal=ordinal,
            written=low,
            precision=precision * abs(factor),
            rounding=rounding * abs(factor),
            imperial=imperial,
            alternatives=alternatives,
            in_words=atom.from_words,
        )

    def with_unit(unit: u.Unit, length: int = 0) -> Quantity:
        years = language == "ru" and re.match(r"\s*лет\b", after)  # «за 2000 лет»: a span
        if unit.name == "yr" and 1000 <= low <= 2100 and scale == 1 and not ordinal and not years:
            return quantity("year", extra=length)  # «في عام 2011», «в 2016 году»
        return quantity(unit.dimension, unit.name, unit.factor, unit.offset, unit.imperial,
                        extra=length)  # fmt: skip

    if currency is not None:
        return quantity(f"money:{currency}", currency)
    if _PERCENT_BEFORE.search(before):  # Turkish and Azerbaijani «%28», «yüzde 5,4»
        return quantity("percent", "%")
    table_currency = currency_regex(tbl.language) if tbl else None
    if table_currency and (m := table_currency.match(after)):
        assert tbl is not None
        code = tbl.currency[table_key(m.group(1))]
        return quantity(f"money:{code}", code, extra=m.end())
    if found := u.currency_after(after, language):
        return quantity(f"money:{found[0]}", found[0], extra=found[1])
    table_unit = unit_regex(tbl.language) if tbl else None
    said_before = before_word(tbl.language, before) if tbl else None
    if table_unit and (m := table_unit.match(after)) and not (after[:1] == "." and low >= 1000):
        # "3 Milliarden Kubikmeter"; «50. dakikada» (an ordinal), not «2018. Tage» (a year)
        assert tbl is not None
        word = tbl.unit_words[table_key(m.group(1))]
        if said_before == "per hour" and word in ("miles", "kilometres"):
            word += " per hour"  # «saatte 12 mil»: 12 miles an hour, a speed
        if english := u.unit_after(" " + word, "en"):
            return with_unit(english[0], m.end())
        if named := u.concept([word], "en"):  # «820000 نفر»: people, a counted noun
            return quantity("count", m.group(1), concept=named[0], extra=m.end())
    if said_before and said_before != "per hour":  # "per hour" alone says no unit
        if said_before == "year":  # «בשנת 2019», «سال ۲۰۱۶»
            if scale == 1 and high is None and 1000 <= low <= 2100 and not ordinal:
                return quantity("year")
        elif said_before == "age":  # «בגיל 28», «בן ה- 52»
            return quantity("duration", "yr", YEAR)
        elif english_unit := u.unit_after(" " + said_before, "en"):  # «בדקה ה- 178»
            return with_unit(english_unit[0])
        else:  # «במאה ה- 38»: the 38th century, a count of centuries
            return quantity("count", said_before)
    magnitude_context = u.MAGNITUDE_CONTEXT.search(text) is not None
    if u.MAGNITUDE_BEFORE.search(before):
        return quantity("magnitude", "magnitude")
    if m := u.MAGNITUDE_AFTER.match(after):
        return quantity("magnitude", "magnitude", extra=m.end())
    if m := _RU_UNIT_ADJECTIVE.match(after):  # «300-килограммовое животное»
        unit = u.unit_after(" " + _RU_UNIT_STEMS[m.group(1).lower()], "ru")
        if unit:
            return with_unit(unit[0], m.end())
    if found_unit := u.unit_after(after, language):
        return with_unit(*found_unit)
    if length := u.degrees_after(after, language) or 0:
        if magnitude_context:
            return quantity("magnitude", "magnitude", extra=length)
        f = u.DEGREE_F
        return quantity(
            "temperature", "°", other=(("temperature", f.factor, f.offset),), extra=length
        )
    if length := u.pound_after(after, language) or 0:
        # A weight or money: both readings kept, the money one as an alternative.
        lb = 0.45359237
        if scale >= 1e6:  # «2,8 млрд фунтов»: money
            return quantity("money:GBP", "GBP", other=(("mass", lb, 0.0),), extra=length)
        return quantity(
            "mass", "lb", lb, imperial=True, other=(("money:GBP", 1.0, 0.0),), extra=length
        )
    if language == "ru" and (m := re.match(r"\s*гг?\.", after)):
        return quantity("year", extra=m.end())  # «в 1967 г.»
    four_digits = not atom.from_words and bool(re.fullmatch(r"\d{4}", text[atom.start : atom.end]))
    four_digits = four_digits and not u.changed_to(before, language)  # "rose to 1664"
    if four_digits and not ordinal and scale == 1 and high is None and 1000 <= low <= 2100:
        counted = _WORD.findall(after)[:1]
        counts = (
            bool(counted)
            and re.match(r"\s", after) is not None
            and (
                u.concept(counted, language) is not None
                or (language == "en" and counted[0].endswith("s") and counted[0].islower())
            )
        )  # "in 1500 cases", «в 2000 домах»: a count after all
        if counts and language == "ru" and not ru_agrees(low, counted[0]):
            counts = False  # «В 2014 компания открыла»: the subject, not 2014 companies
        if (_YEAR_BEFORE.search(before) and not counts) or (
            language == "en" and _singular_noun(after)
        ):
            return quantity("year")  # "in 1492", "the 2016 vote", "the 1950 movie"
    capital_nouns = tbl is not None and tbl.capital_nouns
    plain_en = language == "en" and not capital_nouns
    words = english_counted(after) if plain_en else _WORD.findall(after)[:3]
    if language == "ar":
        if _AR_NUMBERING.search(before):
            return quantity("count")  # «والبالغ عددهم 11,078»: what it counts came before
        thing = _arabic_thing(before, after, ordinal)
        if isinstance(thing, u.Unit):
            return with_unit(thing)
        found_concept = thing
    else:
        found_concept = u.concept(_to_first_noun(words, language), language)
    noun = _noun(after, language, capital_nouns)
    plain_year = not ordinal and scale == 1 and 1800 <= low <= 2100
    if high is not None:  # «من 1960 وحتى 1964»: a span of years
        plain_year = (
            plain_year
            and range_end is not None
            and 1800 <= high <= 2100
            and bool(re.fullmatch(r"\d{4}", text[range_end.start : range_end.end]))
        )
    if plain_year and precision <= 1 and found_concept is None and four_digits:
        return quantity("year")
    if _age(before, after, low, atom.from_words):
        return quantity("duration", "yr", YEAR)
    if tbl and (ages := age_regex(tbl.language)) and ages.match(after):
        return quantity("duration", "yr", YEAR)  # «40 yaşındaki», "20-jährige"
    if re.match(r"-(?:year|летн|лет\b)", after):
        return quantity("duration", "yr", YEAR)
    if found_concept is not None:
        return quantity("count", found_concept[1], concept=found_concept[0])
    return quantity("count", noun)


def figures_written(text: str, language: str) -> list[float]:
    """The figures of a sentence as written (before unit conversion), for telling
    stories apart by the figures they state: "30 yards" and «27 метрах» differ here,
    but a story's translations state the same figures in the same units."""
    return [q.written if q.written is not None else q.value for q in quantities(text, language)]
