"""Numbers written in words, in English, Russian and Arabic: "Fifty-eight", «сорока
восьми», «الثمانية», "seventeenth", «двадцать пятого».

Translators write a figure in digits on one side and in words on the other, and a
number rule that reads only digits sees "58" against nothing, or worse against another
figure of the sentence. Russian numerals inflect in six cases, so Russian words go
through pymorphy3's dictionary (lemma and part of speech) instead of a list of endings;
English and Arabic forms are few enough to list, Arabic with its clitics (و, ب, ل, ال).

"one" (один, واحد) alone and the first two ordinals are left out on purpose: "no one",
"one of them", "for the first time", "the second half" are rarely figures, and a figure
misread is a false alarm. They still count inside a compound ("twenty-one", "one
million").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class WordNumber:
    start: int
    end: int
    value: float
    ordinal: bool = False


_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100,
}  # fmt: skip
_EN_SCALES = {"hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9,
              "trillion": 10**12, "dozen": 12}  # fmt: skip
_EN_WORD = "|".join(sorted([*_EN_UNITS, *_EN_ORDINALS, *_EN_SCALES], key=len)[::-1])
# A run of number words: "two hundred and fifty", "Fifty-eight", "a dozen", "twenty-first".
_EN_RUN = re.compile(
    rf"(?<![\w-])(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"(?:{_EN_WORD})(?:(?:\s+and\s+|\s*-\s*|\s+)(?:{_EN_WORD}))*(?![\w])",
    re.IGNORECASE,
)
_EN_TOKEN = re.compile(rf"(?:{_EN_WORD}|an?)(?![\w])", re.IGNORECASE)


def _place(value: float) -> float:
    """The digit place a number word fills: what may follow it inside one number."""
    if value >= 100:
        return 100
    if value >= 20 and value % 10 == 0:
        return 10
    return 1


def _groups(tokens: list[tuple[float, str]]) -> list[tuple[int, int, float, bool]]:
    """Adjacent number words grouped into numbers, as (first, last, value, ordinal).

    A word continues a number only where the grammar allows: a unit after a ten
    ("fifty-eight", «сорока восьми»), anything smaller after a hundred or a scale
    ("two hundred and fifty thousand"), a scale after any of them; an ordinal ends a
    number ("twenty-first"). "two three" or "one second" are two numbers, not a sum.
    """
    out = []
    i = 0
    while i < len(tokens):
        total = current = 0.0
        limit = last_scale = float("inf")
        ordinal = False
        j = i
        while j < len(tokens):
            value, kind = tokens[j]
            if kind == "scale":
                if value >= last_scale or (value == 100 and current >= 100):
                    break
                if value == 100:
                    current = (current or 1) * 100
                    limit = 100
                else:
                    total += (current or 1) * value
                    current, last_scale, limit = 0.0, value, value
                j += 1
                continue
            if value >= limit:
                break
            current += value
            limit = _place(value)
            j += 1
            if kind == "ordinal":
                ordinal = True
                break
        out.append((i, j - 1, total + current, ordinal))
        i = j
    return out


def _english(text: str) -> list[WordNumber]:
    found = []
    for m in _EN_RUN.finditer(text):
        words = [(w.group(0).lower(), w.start(), w.end()) for w in _EN_TOKEN.finditer(m.group(0))]
        article = bool(words) and words[0][0] in ("a", "an")
        words = [w for w in words if w[0] not in ("a", "an")]
        tokens: list[tuple[float, str]] = []
        if any(w not in _EN_SCALES and w not in _EN_ORDINALS and w not in _EN_UNITS
               for w, _, _ in words):  # fmt: skip
            continue  # «sıx»: case folding matched a word of another language
        for w, _, _ in words:
            if w in _EN_SCALES:
                tokens.append((_EN_SCALES[w], "scale"))
            elif w in _EN_ORDINALS:
                tokens.append((_EN_ORDINALS[w], "ordinal"))
            else:
                tokens.append((_EN_UNITS[w], "num"))
        for first, last, value, ordinal in _groups(tokens):
            if first == last and _lone(tokens[first], value) and not (article and first == 0):
                continue
            found.append(
                WordNumber(m.start() + words[first][1], m.start() + words[last][2], value, ordinal)
            )
    return found


def _lone(token: tuple[float, str], value: float) -> bool:
    """ "one", "first", "second" and zero alone, and a bare scale word ("thousands",
    «тысячи»), are not read as figures."""
    return value in (0, 1) or (token[1] == "ordinal" and value == 2) or token[1] == "scale"


# --- Russian ------------------------------------------------------------------------------

_RU_CARDINALS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "полтора": 1.5, "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6,
    "семеро": 7,
}  # fmt: skip
_RU_SCALES = {"тысяча": 1_000, "миллион": 10**6, "миллиард": 10**9, "триллион": 10**12}
_RU_ORDINALS = {
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5,
    "шестой": 6, "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10,
    "одиннадцатый": 11, "двенадцатый": 12, "тринадцатый": 13, "четырнадцатый": 14,
    "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17, "восемнадцатый": 18,
    "девятнадцатый": 19, "двадцатый": 20, "тридцатый": 30, "сороковой": 40,
    "пятидесятый": 50, "шестидесятый": 60, "семидесятый": 70, "восьмидесятый": 80,
    "девяностый": 90, "сотый": 100,
}  # fmt: skip
# Stems that can start a numeral: only these words are looked up in the dictionary.
_RU_STEM = re.compile(
    r"(?<![\w-])(?:ноль|нол|од[ин]|дв[аеуоя]|тр[иеёо]|четыр|четвер|четвёр|пят|шест|сем|"
    r"восем|восьм|седьм|девят|девяност|десят|сорок|сорока|ст[оа]\b|сот|полтор|тысяч|миллион|миллиард|"
    r"триллион|перв|втор|трет|сотн)\w*",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def _ru_word(word: str) -> tuple[float, str] | None:
    """(value, kind) for a Russian numeral word: kind 'unit', 'scale' or 'ordinal'."""
    for parse in _morph().parse(word.lower()):
        lemma, tag = parse.normal_form.replace("ё", "е"), parse.tag
        lemma_yo = parse.normal_form
        if "NUMR" in tag and lemma in _RU_CARDINALS:
            return float(_RU_CARDINALS[lemma]), "unit"
        if lemma in _RU_SCALES and "NOUN" in tag:
            return float(_RU_SCALES[lemma]), "scale"
        if "Anum" in tag and (lemma_yo in _RU_ORDINALS or lemma in _RU_ORDINALS):
            return float(_RU_ORDINALS.get(lemma_yo, _RU_ORDINALS.get(lemma, 0))), "ordinal"
        if lemma == "один" and "Anum" in tag:
            return 1.0, "unit"
        if lemma in ("двое", "трое", "четверо", "полтора"):
            return float(_RU_CARDINALS[lemma]), "unit"
    return None


_RU_TOKEN = re.compile(r"[а-яё]+", re.IGNORECASE)


def _runs(
    text: str, spans: list[tuple[int, int, float, str]], joiners: tuple[str, ...] = ("",)
) -> list[WordNumber]:
    """Number words found one by one, joined into numbers where only whitespace (or a
    joiner such as Arabic «و») separates them."""
    found: list[WordNumber] = []
    run: list[tuple[int, int, float, str]] = []

    def flush() -> None:
        tokens = [(v, k) for _, _, v, k in run]
        for first, last, value, ordinal in _groups(tokens):
            if first == last and _lone(tokens[first], value):
                continue
            found.append(WordNumber(run[first][0], run[last][1], value, ordinal))
        run.clear()

    for span in spans:
        if run and text[run[-1][1] : span[0]].strip() not in joiners:
            flush()
        run.append(span)
    flush()
    return found


def _ru_one(text: str, start: int, word: str) -> bool:
    """A singular million or billion with no figure before it is one («более миллиона»);
    a plural («миллионы людей») is as vague as "millions"."""
    if re.search(r"\d[\d\s.,]*$", text[:start]):
        return False  # «1,5 миллиона»: the scale of the digits
    return "sing" in _morph().parse(word.lower())[0].tag


_RU_ADVERBS = {"дважды": 2.0, "трижды": 3.0, "четырежды": 4.0}  # twice, three times


def _russian(text: str) -> list[WordNumber]:
    spans = []
    for m in _RU_TOKEN.finditer(text):
        word = m.group(0)
        if word.lower() in _RU_ADVERBS:
            spans.append((m.start(), m.end(), _RU_ADVERBS[word.lower()], "num"))
            continue
        read = _ru_word(word) if _RU_STEM.match(word) else None
        if read is not None:
            value, kind = read
            joined = bool(spans) and not text[spans[-1][1] : m.start()].strip()
            if kind == "scale" and value >= 1e6 and not joined and _ru_one(text, m.start(), word):
                kind = "unit"  # «более миллиона человек»: a million, as "a million"
            spans.append((m.start(), m.end(), value, "num" if kind == "unit" else kind))
    return _runs(text, spans)


# --- Arabic -------------------------------------------------------------------------------

_AR_CARDINALS: dict[str, float] = {}
for _value, _forms in {
    1: "واحد واحدة إحدى احدى",  # «إحدى وعشرين»: twenty-one, feminine
    2: "اثنان اثنين اثنتان اثنتين",
    3: "ثلاث ثلاثة",
    4: "أربع أربعة اربع اربعة",
    5: "خمس خمسة",
    6: "ست ستة",
    7: "سبع سبعة",
    8: "ثمان ثماني ثمانية",
    9: "تسع تسعة",
    10: "عشر عشرة",
    20: "عشرون عشرين",
    30: "ثلاثون ثلاثين",
    40: "أربعون أربعين اربعون اربعين",
    50: "خمسون خمسين",
    60: "ستون ستين",
    70: "سبعون سبعين",
    80: "ثمانون ثمانين",
    90: "تسعون تسعين",
    100: "مئة مائة",
    200: "مئتان مئتين مائتان مائتين مئتا مئتي مائتا مائتي",  # «مئتي شخص»: the construct
    # hundreds written as one word («ثلاثمائة», «خمسمئة»)
    300: "ثلاثمائة ثلاثمئة ثلثمائة",
    400: "أربعمائة أربعمئة اربعمائة اربعمئة",
    500: "خمسمائة خمسمئة",
    600: "ستمائة ستمئة",
    700: "سبعمائة سبعمئة",
    800: "ثمانمائة ثمانمئة ثمانيمائة",
    900: "تسعمائة تسعمئة",
    2000: "ألفان ألفين ألفا ألفي",  # «ألفي جندي»: the construct dual
    2_000_000: "مليونان مليونين مليوني مليونا",
    2_000_000_000: "ملياران مليارين ملياري مليارا",
}.items():
    for _form in _forms.split():
        _AR_CARDINALS[_form] = _value
_AR_SCALES = {"ألف": 1_000, "الف": 1_000, "آلاف": 1_000, "الاف": 1_000, "مليون": 10**6,
              "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9, "بليون": 10**9}  # fmt: skip
_AR_ORDINALS: dict[str, float] = {}
for _value, _forms in {
    1: "حادي حادية",
    2: "ثاني ثانية",  # alone «الثانية» is dropped as "second" is; «الثانية والعشرين» is 22nd
    3: "ثالث ثالثة",
    4: "رابع رابعة",
    5: "خامس خامسة",
    6: "سادس سادسة",
    7: "سابع سابعة",
    8: "ثامن ثامنة",
    9: "تاسع تاسعة",
    10: "عاشر عاشرة",
}.items():
    for _form in _forms.split():
        _AR_ORDINALS["ال" + _form] = _value
        if _value > 2:  # «لمحاولة خامسة»: an ordinal after an indefinite noun
            _AR_ORDINALS[_form] = _value
_AR_TEENS = {
    value: (units, ("عشر", "عشرة"))
    for value, units in {
        11: ("أحد", "إحدى", "احدى", "حادي", "حادية"),
        12: ("اثنا", "اثني", "اثنتا", "اثنتي", "ثاني", "ثانية"),
        13: ("ثلاثة", "ثلاث", "ثالث", "ثالثة"),
        14: ("أربعة", "أربع", "رابع", "رابعة"),
        15: ("خمسة", "خمس", "خامس", "خامسة"),
        16: ("ستة", "ست", "سادس", "سادسة"),
        17: ("سبعة", "سبع", "سابع", "سابعة"),
        18: ("ثمانية", "ثماني", "ثامن", "ثامنة"),
        19: ("تسعة", "تسع", "تاسع", "تاسعة"),
    }.items()
}
_AR_ORDINAL_UNITS = {"حادي", "حادية", "ثاني", "ثانية", "ثالث", "ثالثة", "رابع", "رابعة", "خامس",
                     "خامسة", "سادس", "سادسة", "سابع", "سابعة", "ثامن", "ثامنة", "تاسع",
                     "تاسعة"}  # fmt: skip
_AR_CLITIC = r"(?:و|ف|ب|ل|وب|ول|فب)?"
_AR_ARTICLE = r"(?:ال|لل)?"
_AR_TEEN_RE = re.compile(
    rf"(?<!\w){_AR_CLITIC}({_AR_ARTICLE})"
    rf"({'|'.join(u for units, _ in _AR_TEENS.values() for u in units)})\s+"
    rf"(?:ال)?(عشرة?)(?!\w)"
)


_AR_WEEKDAYS = {"الاثنين", "الإثنين", "والاثنين", "والإثنين"}  # Monday, not "the two"


# A singular million or billion alone is one («مليون شخص», «مليون و200 ألف»); a plural
# («ملايين الأشخاص») is as vague as "millions"
_AR_ONE_SCALE = {"مليون": 1e6, "مليار": 1e9}


def _ar_value(word: str) -> tuple[float, str] | None:
    if word in _AR_WEEKDAYS:
        return None
    if word in _AR_ONE_SCALE:
        return _AR_ONE_SCALE[word], "unit"
    if word in _AR_ORDINALS:
        return _AR_ORDINALS[word], "ordinal"
    bare = word[2:] if word.startswith("ال") else word
    if bare in _AR_SCALES:
        return float(_AR_SCALES[bare]), "scale"
    if bare in _AR_CARDINALS:
        return float(_AR_CARDINALS[bare]), "unit"
    return None


def _arabic(text: str) -> list[WordNumber]:
    teens: list[WordNumber] = []
    for m in _AR_TEEN_RE.finditer(text):
        unit = m.group(2)
        teen = next(v for v, (units, _) in _AR_TEENS.items() if unit in units)
        ordinal = bool(m.group(1)) and unit in _AR_ORDINAL_UNITS
        teens.append(WordNumber(m.start(), m.end(), float(teen), ordinal))
    spans: list[tuple[int, int, float, str]] = []
    for m in re.finditer(r"[\u0621-\u064a\u064b-\u0652]+", text):
        if any(t.start <= m.start() < t.end for t in teens):
            continue
        token = re.sub(r"[\u064b-\u0652]", "", m.group(0))  # diacritics and tanween
        for word in _ar_candidates(token):
            if read := _ar_value(word):
                value, kind = read
                spans.append((m.start(), m.end(), value, "num" if kind == "unit" else kind))
                break
    found = _runs(text, _arabic_compounds(text, spans), joiners=("", "و"))
    return sorted(found + teens, key=lambda w: w.start)


def _arabic_compounds(
    text: str, spans: list[tuple[int, int, float, str]]
) -> list[tuple[int, int, float, str]]:
    """«خمسة وعشرون» is five-and-twenty: a unit before «و» + a ten is one number
    («السادس والثلاثين», thirty-sixth, keeps the first word's kind)."""
    out: list[tuple[int, int, float, str]] = []
    for span in spans:
        gap = text[out[-1][1] : span[0]] if out else ""
        if (
            out
            and out[-1][3] == "num"
            and 3 <= out[-1][2] <= 10
            and span[2] == 100
            and gap.strip() == ""
            and not text[span[0] : span[1]].startswith("و")
        ):
            # «ثلاث مئة»: three hundred, one number
            out[-1] = (out[-1][0], span[1], out[-1][2] * 100, "num")
            continue
        if out and out[-1][3] in ("num", "ordinal") and out[-1][2] < 10 and span[3] == "num":
            gap, word = text[out[-1][1] : span[0]], text[span[0] : span[1]]
            if gap.strip() == "" and word.startswith("و") and span[2] in range(20, 100, 10):
                out[-1] = (out[-1][0], span[1], out[-1][2] + span[2], out[-1][3])
                continue
        out.append(span)
    return out


def _ar_candidates(token: str) -> list[str]:
    """The token, and the token without a leading clitic (و ف ب ل) and a trailing
    accusative alif: «وثلاثة» → «ثلاثة», «ألفا» stays (a dual form is listed)."""
    out = [token]
    for prefix in ("وب", "ول", "فب", "و", "ف", "ب", "ل"):
        if token.startswith(prefix) and len(token) > len(prefix) + 2:
            out.append(token[len(prefix) :])
    out += [t[:-1] for t in list(out) if t.endswith("ا") and len(t) > 3 and t[:-1] not in out]
    return out


def number_words(text: str, language: str) -> list[WordNumber]:
    """Numbers written in words in `text` (en, ru or ar), in order."""
    if language == "ru":
        return _russian(text)
    if language == "ar":
        return _arabic(text)
    return _english(text)
