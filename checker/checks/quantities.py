"""Quantities stated in a sentence, read as value + what it measures + qualifier.

"£125m" is 125,000,000 pounds sterling, "about 30 yards" is roughly 27 m, "more than
300,000 residents" is a lower bound on a count of people, "3 p.m." is 15:00, "17th" is
an ordinal, «сорока восьми» is 48, «30،000» is thirty thousand, "1950-53" is a span of
years. The figure rules compare only quantities of one kind (see checks/figures.py): a
number rule that compared digits alone flagged "magnitude 7.5" against "800 dead" and
"30 yards" against «27 метрах».

Languages: English, Russian and Arabic are read in full; other languages get their
digits, percentages and the symbols they share ($, %, °C). Times, dates, decades and
the Arabic dual are read in checks/timeforms.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.checks import units as u
from checker.checks.facts import script_language
from checker.checks.languages import FULL, LanguageTable, currency_regex, reads, scale_regex, table
from checker.checks.measure import YEAR, Quantity, bare
from checker.checks.numwords import _morph, number_words
from checker.checks.timeforms import arabic_duals, clock_times, dates, decades

# Digits in every local form → ASCII, one character for one (positions stay valid).
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_MARKS = re.compile(r"[\u064b-\u0652\u0640]")  # Arabic short vowels, tanween, tatweel
_SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "mln": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячам": 1e3, "тысячами": 1e3,
    "тысячах": 1e3, "тысячу": 1e3, "тысячей": 1e3,
    "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "миллионам": 1e6,
    "миллионами": 1e6, "миллионах": 1e6, "миллионе": 1e6, "миллиону": 1e6,
    "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "миллиардам": 1e9,
    "миллиардами": 1e9, "миллиардах": 1e9, "миллиарде": 1e9, "миллиарду": 1e9,
    "трлн": 1e12, "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12,
    "ألف": 1e3, "الف": 1e3, "آلاف": 1e3, "الاف": 1e3, "ألفا": 1e3, "مليون": 1e6,
    "ملايين": 1e6, "مليونا": 1e6, "مليار": 1e9, "مليارات": 1e9, "مليارا": 1e9, "بليون": 1e9,
    "ترليون": 1e12, "تريليون": 1e12,
}  # fmt: skip
_SCALE_RE = re.compile(
    r"(?:\s*|(?<=\d))("
    + "|".join(sorted(map(re.escape, _SCALE_WORDS), key=len, reverse=True))
    + r")\.?(?![\w])",
    re.IGNORECASE,
)
# A digit number: thousands groups (1,127 / 1 500 / 30،000 / 2.400.000) or a decimal. An
# Arabic letter may be glued before it («و400», «يعتقد76%»), a Latin one may not (SS19).
_NUMBER = re.compile(
    r"(?<![A-Za-zА-Яа-яЁё\d_.,/])"
    r"(?P<num>\d{1,3}(?:(?P<sep>[,.\u00a0\u202f ،])\d{3})(?:(?P=sep)\d{3})*(?![\d])"
    r"|\d+(?:[.,]\d+)?)(?P<tail>(?:st|nd|rd|th)\b|-(?:й|го|я|е|м|ю|х|ми|ая|ый|ой|ого|ому|ом|"
    r"ым|ых|ей)\b)?"
)
_YEAR_RANGE = re.compile(r"(?<![\w.,])((?:1[89]|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)(?![\w])")
_SCORE = re.compile(r"(?<![\w.,:/-])(\d{1,2})\s?[-–:]\s?(\d{1,2})(?![\w%-]|[.,:]\d|\s*%)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PHONE = re.compile(r"(?<![\d])(?:\+?\d[\d ()-]{6,}\d)(?![\d])")
# Russian compound adjectives of a unit: «300-килограммовое», «20-метровая», «5-часовой».
_RU_UNIT_STEMS = {"килограммов": "килограмм", "тонн": "тонн", "метров": "метр",
                  "километров": "километр", "сантиметров": "сантиметр", "часов": "час",
                  "минутн": "минут", "дневн": "дней", "недельн": "недель", "месячн": "месяц",
                  "процентн": "процент", "градусн": "градус", "долларов": "долларов"}  # fmt: skip
_RU_UNIT_ADJECTIVE = re.compile(
    r"-(" + "|".join(sorted(_RU_UNIT_STEMS, key=len, reverse=True)) + r")\w*", re.IGNORECASE
)
_TEMPORAL = {"time", "date", "year", "score", "decade"}


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
        if sep == "," and (language == "ru" or decimal_comma) and raw.count(",") == 1:
            return float(raw.replace(",", "."))  # «2,800» in Russian is a decimal
        return float(re.sub(r"\D", "", raw))
    return float(raw.replace(",", "."))


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    precision: float
    rounding: float
    ordinal: bool = False
    from_words: bool = False


def _atoms(text: str, language: str, decimal_comma: bool = False) -> list[_Atom]:
    atoms = []
    for m in _NUMBER.finditer(text):
        raw = m.group("num")
        value = _value(raw, m.group("sep"), language, decimal_comma)
        grouped = m.group("sep") is not None and value == float(re.sub(r"\D", "", raw))
        step, rounding = _precision(raw, grouped)
        atoms.append(_Atom(m.start(), m.end(), value, step, rounding, bool(m.group("tail"))))
    words = number_words(text, language)
    for w in list(words):
        scale = _SCALE_RE.match(text, w.start)
        if scale and re.search(r"\d\s*$", text[: w.start]):
            # "1.7 million four years": the scale belongs to the digits, "four" is a figure
            words.remove(w)
            rest = number_words(text[: w.end], language)
            words += [r for r in rest if r.start >= scale.end()]
    halves = _halves(text, language)
    for w in words:
        if not any(a.start < w.end and w.start < a.end for a in atoms + halves):
            step = min(w.value, 1.0) if w.value else 1.0
            atoms.append(_Atom(w.start, w.end, w.value, step, step, w.ordinal, from_words=True))
    atoms += [h for h in halves if not any(a.start < h.end and h.start < a.end for a in atoms)]
    atoms.sort(key=lambda a: a.start)
    for a in atoms:  # "two and a half", «двух с половиной», «مليونين ونصف المليون»
        half = None if a.ordinal else _AND_A_HALF[language].match(text, a.end)
        if half is None:
            continue
        of = _SCALE_WORDS.get((half.group("scale") or "").lower().removeprefix("ال"), 0.0)
        if of and a.value < of:
            continue  # «ونصف المليون» halves a scale the figure already carries
        a.value += 0.5 * (of or 1.0)
        a.end = half.end()
        a.precision = min(a.precision, 0.1 * (of or 1.0))
        a.rounding = min(a.rounding, 0.5 * (of or 1.0))
    return atoms


# "and a half" after a figure: its value plus a half (of the scale word when one follows,
# as in «مليونين ونصف المليون», two and a half million).
_AND_A_HALF = {
    "en": re.compile(r"\s+and\s+a\s+half\b(?P<scale>)"),
    "ru": re.compile(r"\s+с\s+половиной\b(?P<scale>)", re.IGNORECASE),
    "ar": re.compile(r"\s*و\s*نصف(?:\s+(?P<scale>(?:ال)?(?:مليون|مليار|ألف)))?(?!\w)"),
}
# A half as the figure itself, before a scale or a unit: "half a million", "half an
# inch", «полмиллиона», «нصف مليون». Fractions of a whole ("half of the voters") are
# read as percentages by `_fractions`.
_HALF = {
    "en": re.compile(r"(?i)(?<![\w-])half\s+(?:an?\s+)(?=[a-z])"),
    "ru": re.compile(r"(?i)(?<![\w-])пол(?=(?:миллион|миллиард|тысяч)\w*)"),
    "ar": re.compile(r"(?<![\w])[وب]?نصف\s+(?=(?:مليون|مليار|ألف|ميل|متر|كيلو|ساعة|بوصة|قدم)\w*)"),
}


def _halves(text: str, language: str) -> list[_Atom]:
    regex = _HALF.get(language)
    if regex is None:
        return []
    out = []
    for m in regex.finditer(text):
        after = text[m.end() : m.end() + 30]
        scaled = _SCALE_RE.match(" " + after) or u.unit_after(" " + after, "en")
        if language == "en" and not scaled:
            continue  # "half an hour" is read, "half a dozen times" is not a half
        out.append(_Atom(m.start(), m.end(), 0.5, 0.1, 0.5))  # written to the half
    return out


def _normalize(text: str) -> tuple[str, list[int]]:
    """The text the readers work on, and where each of its characters came from: digits
    in ASCII («٣٠» → 30), the Arabic comma between thousands as a comma («30،000»), and
    Arabic vowel marks dropped («ميلاً» reads as «ميلا»)."""
    kept = [k for k, ch in enumerate(text) if not _MARKS.match(ch)]
    norm = "".join(text[k] for k in kept).translate(_DIGITS)
    norm = re.sub(r"(?<=\d)،(?=\d{3}(?!\d))", ",", norm)
    return norm, kept + [len(text)]


@lru_cache(maxsize=16384)  # a sentence sits in several pairs
def quantities(text: str, language: str) -> tuple[Quantity, ...]:
    """Every figure in `text`: en, ru and ar in full; the languages of checks/lang/ with
    their scale and currency words and decimal mark; in any other language a figure
    followed by a word is marked `unread` and never compared."""
    tbl = table(language)
    unread = not reads(language)
    months = language if language in FULL else "xx"  # French, Spanish, ...
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

    for m in _PHONE.finditer(norm):  # phone numbers and other long digit strings
        if len(re.sub(r"\D", "", m.group(0))) >= 7 and re.search(r"\d[ ()-]+\d", m.group(0)):
            if not re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+", m.group(0).strip()):
                taken.append((m.start(), m.end()))
    for q in clock_times(norm, language) + dates(norm, months) + decades(norm):
        if free(q.start, q.end):
            add(q)
    for q in _fractions(norm, language, text, positions):
        if free(q.start, q.end):
            add(q)
    for m in _YEAR_RANGE.finditer(norm):
        first, second = int(m.group(1)), m.group(2)
        last = int(second) if len(second) == 4 else int(str(first)[:2] + second)
        if last > first and free(m.start(), m.end()):
            add(Quantity(m.group(0), m.start(), m.end(), first, "year", high=last))
    decimal_comma = tbl is not None and tbl.decimal == ","
    atoms = [a for a in _atoms(norm, language, decimal_comma) if free(a.start, a.end)]
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
            and _is_score(norm, score, language)
        ):
            pair = sorted((int(score.group(1)), int(score.group(2))))
            add(
                Quantity(
                    score.group(0), score.start(), score.end(), pair[1] * 100 + pair[0], "score"
                )
            )
            k += 2
            continue
        span = _range_with(norm, atom, nxt, language)
        read = _read(text, positions, norm, atom, language, span[1] if span else None, tbl)
        if read is not None and unread and _word_after(norm, read):
            read = replace(read, unread=True)  # "310 miljoen": a word the rules cannot read
        if read is not None and months == "xx" and read.dimension == "count":
            if read.unit.lower() in _XX_NOT_NOUN:
                read = replace(read, unit="", text=read.text.removesuffix(" " + read.unit))
            read = replace(read, lexicon=False)
        if read is not None:
            add(read)
        k += 2 if span else 1
    found = _compound_lengths(sorted(found, key=lambda q: q.start), norm, text, positions)
    return tuple(_lists(found, norm))


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
            elif not bare(last) and last.dimension not in ("temperature", *_TEMPORAL):
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
            inches = prev.unit == "ft" and bare(q) and gap == "-"  # "6-foot-6"
            if prev.high is None and q.high is None and re.fullmatch(r"\s*(?:-|and|и|و)?\s*", gap):
                if (inches or (q.dimension == "length" and q.unit == small)) and (
                    q.written if q.written is not None else q.value
                ) < limit:
                    part = (q.written if q.written is not None else q.value) * factor
                    out[-1] = replace(
                        prev, text=original[positions[prev.start] : positions[q.end]].strip(),
                        end=q.end, value=prev.value + part, precision=factor, rounding=factor,
                    )  # fmt: skip
                    continue
        out.append(q)
    return out


_MINUS_BEFORE = re.compile(r"(?i)(?:(?:^|[\s(\[])[-−]|\b(?:minus|минус)\s+|(?<!\w)ناقص\s*)$")
_MINUS_AFTER = re.compile(
    r"(?i)[\s°]*(?:[CС]\b|градус\w*|degrees?|درج\w*)?\s*(?:below zero|ниже нуля|мороза|"
    r"تحت الصفر)"
)


# Shares of a whole, read as percentages: "two-thirds of voters" is 66.7 %, «треть
# жителей» 33.3 %, «نصف السكان» 50 %. "the first half of the year" is no share, nor is
# «نصف النهائي» (a semi-final).
_FRACTION = {
    "en": re.compile(
        r"(?i)(?<![\w-])(?<!first )(?<!second )(?<!other )(?<!latter )(?P<num>one|two|three|a|an)?"
        r"[\s-]*(?P<den>half|thirds?|quarters?|fifths?)\s+of\s+(?!an?\s+(?:hour|century|mile|"
        r"inch|second|minute)|the\s+(?:year|season|game|match|century|way|time|day))"
    ),
    "ru": re.compile(
        r"(?i)(?<![\w-])(?:(?P<num>две|двух|три|трех|трёх)\s+)?"
        r"(?P<den>половин[аеуы]|трет(?:ь|и|ью|ей)|четверт(?:ь|и|ью|ей))(?=\s+[а-яё])"
        r"(?!\s+(?:века|часа|года|столетия|пути|матча|игры|сезона))"
    ),
    "ar": re.compile(
        r"(?<![\w])[وب]?(?P<den>نصف|ثلثي|ثلثا|ثلث|ربع)\s+(?=ال)(?!ال(?:نهائي|ساعة|قرن|مليون|مليار|ألف))"
    ),
}
_DENOMINATOR = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "половин": 2, "трет": 3,
                "четверт": 4, "نصف": 2, "ثلث": 3, "ربع": 4}  # fmt: skip
_NUMERATOR = {"two": 2, "three": 3, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3}


def _fractions(text: str, language: str, original: str, positions: list[int]) -> list[Quantity]:
    regex = _FRACTION.get(language)
    if regex is None:
        return []
    out = []
    for m in regex.finditer(text):
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
        out.append(Quantity(words, m.start(), m.end(), share, "percent", "%", precision=2.0,
                            rounding=2.0))  # fmt: skip
    return out


def _word_after(text: str, q: Quantity) -> bool:
    """A count with a word right after it, or one whose noun was taken as its unit."""
    return q.dimension == "count" and (
        bool(q.unit) or re.match(r"[\s-]*[^\W\d_]", text[q.end :]) is not None
    )


def _is_score(text: str, m: re.Match[str], language: str) -> bool:
    """ "5-3", «2:1», "38 - 17" are scores unless a unit or a counted noun follows right
    away ("3-5 km", "3-5 people": ranges)."""
    after = text[m.end() : m.end() + 30]
    if u.unit_after(after, language) or u.currency_after(after, language):
        return False
    if (word := re.match(r"\s+([^\W\d_][\w'’-]*)", after)) and u.concept(
        [word.group(1)], language, clitics=False
    ):
        return False
    return int(m.group(1)) <= 200 and int(m.group(2)) <= 200


_RANGE_JOIN = {
    "en": r"\s*(?:-|–|—|to|and)\s*",
    "ru": r"\s*(?:-|–|—|до|и)\s*",
    "ar": r"\s*(?:-|–|—|إلى|الى|و|حتى|وحتى|وإلى|والى)\s*",
}
# Words that open a range whatever order its ends come in ("between 60 and 43" is a
# careless edit of "between 30 and 43", still one range).
_RANGE_OPEN = re.compile(r"(?i)(?:between|from|между|от|بين|ما بين|من)\s*$")


def _range_with(
    text: str, atom: _Atom, nxt: _Atom | None, language: str
) -> tuple[int, _Atom] | None:
    """ "3 to 6 inches", «от 5 до 10 см», "between 2 and 4": the second number's unit
    and scale apply to both."""
    if nxt is None or atom.ordinal:
        return None
    gap = text[atom.end : nxt.start]
    if not re.fullmatch(_RANGE_JOIN[language], gap, re.IGNORECASE):
        return None
    before = text[max(0, atom.start - 12) : atom.start]
    opened = bool(_RANGE_OPEN.search(before))
    if re.fullmatch(r"\s*(?:and|и|و)\s*", gap) and not opened:
        return None
    if nxt.value < atom.value or (nxt.value == atom.value and not gap.strip(" -–—")):
        # "5-3" is a score, "140-90%" a range whose first end was changed: read as a
        # range only where the range is announced or a unit follows its second end
        after = text[nxt.end : nxt.end + 30]
        if not (opened or u.unit_after(after, language) or re.match(r"\s*[%٪]", after)):
            return None
    return (atom.start, nxt)


def _read(
    original: str,
    positions: list[int],
    text: str,
    atom: _Atom,
    language: str,
    range_end: _Atom | None,
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
        scale = tbl.scale[m.group(1).lower()]
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
            qualifier="exact" if dimension in _TEMPORAL else qualifier,
            ordinal=ordinal,
            written=low,
            precision=precision * abs(factor),
            rounding=rounding * abs(factor),
            imperial=imperial,
            alternatives=alternatives,
        )

    def with_unit(unit: u.Unit, length: int = 0) -> Quantity:
        if unit.name == "yr" and 1000 <= low <= 2100 and scale == 1 and not ordinal:
            return quantity("year", extra=length)  # «في عام 2011», «в 2016 году»
        return quantity(unit.dimension, unit.name, unit.factor, unit.offset, unit.imperial,
                        extra=length)  # fmt: skip

    if currency is not None:
        return quantity(f"money:{currency}", currency)
    table_currency = currency_regex(tbl.language) if tbl else None
    if table_currency and (m := table_currency.match(after)):
        assert tbl is not None
        code = tbl.currency[m.group(1).lower()]
        return quantity(f"money:{code}", code, extra=m.end())
    if found := u.currency_after(after, language):
        return quantity(f"money:{found[0]}", found[0], extra=found[1])
    magnitude_context = u.MAGNITUDE_CONTEXT.search(text) is not None
    if re.search(r"(?i)(?:magnitude|магнитуд\w*|балл\w*|بقوة|قوته|قوتها)\s*(?:of\s+)?$", before):
        return quantity("magnitude", "magnitude")
    if m := re.match(r"(?i)[\s-]*(?:magnitude|балл\w*|درج(?:ة|ات) على مقياس ريختر)", after):
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
    four_digits = not atom.from_words and re.fullmatch(r"\d{4}", text[atom.start : atom.end])
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
        if (_YEAR_BEFORE.search(before) and not counts) or (
            language == "en" and _singular_noun(after)
        ):
            return quantity("year")  # "in 1492", "the 2016 vote", "the 1950 movie"
    words = _WORD.findall(after)[:3]
    if language == "en":
        words = [w for w in words if not w[:1].isupper()][:2] or words[:1]
    if language == "ar":
        thing = _arabic_thing(before, after)
        if isinstance(thing, u.Unit):
            return with_unit(thing)
        found_concept = thing
    else:
        found_concept = u.concept(words, language)
    noun = _noun(after, language)
    plain_year = not ordinal and scale == 1 and 1800 <= low <= 2100
    if high is not None:  # «من 1960 وحتى 1964»: a span of years
        plain_year = (
            plain_year
            and range_end is not None
            and 1800 <= high <= 2100
            and bool(re.fullmatch(r"\d{4}", text[range_end.start : range_end.end]))
        )
    if plain_year and precision <= 1 and found_concept is None:
        if not atom.from_words and re.fullmatch(r"\d{4}", text[atom.start : atom.end]):
            return quantity("year")
    if _age(before, after, low, atom):
        return quantity("duration", "yr", YEAR)
    if re.match(r"-(?:year|летн|лет\b)", after):
        return quantity("duration", "yr", YEAR)
    if found_concept is not None:
        return quantity("count", found_concept[1], concept=found_concept[0])
    return quantity("count", noun)


# Words before a four-digit figure that make it a year, in any century ("in 1492").
_YEAR_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|since|until|till|by|from|of|circa|c\.)|(?<!\w)(?:в|с|до|к|по|с начала)|"
    r"(?<!\w)(?:في|منذ|عام|سنة|حتى|العام|لعام|بعام))\s*$"
)
# English nouns without a plural -s: "2,016 people" counts, "the 2016 vote" is a year.
_EN_UNMARKED_PLURALS = {"people", "men", "women", "children", "police", "staff", "personnel",
                        "cattle", "sheep", "fish", "deer", "aircraft", "crew", "livestock",
                        "feet", "teeth", "mice", "geese"}  # fmt: skip


def _singular_noun(after: str) -> bool:
    """ "the 2016 vote", "the 1950 movie": a lowercase noun in the singular right after
    a four-digit figure names an event of that year, not 2,016 of something."""
    m = re.match(r"[ -]([a-z][a-z'’-]+)\b", after)
    if not m:
        return False
    word = m.group(1)
    return not (
        word.endswith("s") or word in _EN_UNMARKED_PLURALS or word in _EN_NOT_NOUN
        or _SCALE_RE.match(" " + word)
    )  # fmt: skip


_EN_NOT_NOUN = {"of", "in", "on", "at", "to", "and", "or", "the", "a", "an", "was", "were", "is",
                "are", "has", "have", "had", "will", "would", "for", "from", "by", "with", "as",
                "than", "per", "more", "less", "who", "which", "that", "this", "it", "he", "she",
                "they", "we", "his", "her", "their", "its", "but", "after", "before", "since",
                "when", "while", "years", "year", "so", "if", "be", "been", "out",
                "up"}  # fmt: skip
# French, Spanish, German, Italian: articles and prepositions after a figure, not nouns.
_XX_NOT_NOUN = {"de", "des", "du", "la", "le", "les", "el", "los", "las", "del", "der", "die",
                "das", "den", "dem", "y", "et", "und", "en", "au", "aux", "von", "zu", "im",
                "am", "por", "para", "pour", "sur", "mit", "di", "il", "e", "ed", "que", "qui",
                "pro", "um", "bei", "nach", "seit", "dans", "avec", "con", "sin",
                "sobre"}  # fmt: skip
_AR_NOT_NOUN = {"في", "من", "إلى", "على", "عن", "مع", "و", "أو", "ثم", "قبل", "بعد", "منذ",
                "حتى", "عندما", "الذي", "التي", "كان", "كانت", "هو", "هي", "أن", "إن", "لا",
                "لم", "قد"}  # fmt: skip


def _noun(after: str, language: str) -> str:
    """The word right after a figure when it can be what the figure counts («два
    лагеря», "three Brighton defenders" → defenders), else ""."""
    words = re.match(r"\s+((?:[A-Z][\w'’-]*\s+)?)([^\W\d_][\w'’-]*)", after)
    if not words:
        return ""
    word = words.group(2)
    if language == "ru":
        return word if _morph().parse(word.lower())[0].tag.POS == "NOUN" else ""
    if language == "ar":
        return word if word not in _AR_NOT_NOUN and not word.startswith(("ب", "ل", "ك")) else ""
    return word if word.lower() not in _EN_NOT_NOUN and word.islower() else ""


def _arabic_thing(before: str, after: str) -> u.Unit | tuple[str, str] | None:
    """What an Arabic figure measures: the noun before it names a unit or a counted thing
    more often than in other languages («في الدقيقة 68», «الدورة 44», «عام 2011»); the
    noun right after it next («1197 حالة»), then the words after."""
    previous = _WORD.findall(before)[-1:]
    following = _WORD.findall(after)[:3]
    if previous and re.search(r"\S\s*$", before) and not re.search(r"[،,.:;]\s*$", before):
        bare = re.sub(r"^(?:ال|وال|بال|فال|في|لل)", "", previous[0])
        if (unit := u.unit_after(bare, "ar")) and unit[1] == len(bare):
            return unit[0]
    if following and re.match(r"\s+\S", after) and (found := u.concept(following[:1], "ar")):
        return found
    if previous and (found := u.concept(previous, "ar")):
        return found
    return u.concept(following, "ar")


_AGE_BEFORE = re.compile(
    r"(?i)(?:\b(?:aged|age|ages|age of|at the age of)|(?<!\w)(?:в возрасте|возрастом|"
    r"в возрасте от)|(?<!\w)(?:عمره|عمرها|بعمر|يبلغ من العمر|البالغ من العمر|البالغة من العمر|"
    r"عمر|سن|بسن))\s*$"
)


def _age(before: str, after: str, value: float, atom: _Atom) -> bool:
    """ "Narcis Termes, 68, an electrician", "man, 32,", "aged 14": an age."""
    if atom.from_words or value != int(value) or not 1 <= value <= 120:
        return False
    if _AGE_BEFORE.search(before):
        return True
    return bool(re.search(r"[^\W\d_]{2,},\s*$", before) and re.match(r"\s*(?:,|\)|$)", after))


def figures_written(text: str, language: str) -> list[float]:
    """The figures of a sentence as written (before unit conversion), for telling
    stories apart by the figures they state: "30 yards" and «27 метрах» differ here,
    but a story's translations state the same figures in the same units."""
    return [q.written if q.written is not None else q.value for q in quantities(text, language)]
