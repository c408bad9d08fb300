"""Deterministic planting of conflicts into real articles and their translations.

Used by bench/rules_real.py (and bench/verify.py). Each function takes an article's
paragraphs and its translation's, paragraph for paragraph, and returns the article with
one change in each chosen paragraph and where each change went. Nothing random: the same
data gives the same plants.

- `plant_digits`: in the *translation*, the first figure written in digits whose digits
  also appear in the English paragraph is changed: a year moves by 3, a day of a month
  by 7, a clock hour by 3, any other figure doubles ("19th" → "38th" reads as «38-го»).
- `plant_words`: in the *English* paragraph, a number written in words ("six",
  "Fifty-eight", "third") or an ordinal in digits ("34th") whose value the translation
  states (in digits or in a whole word of this file's own table of forms) is changed:
  the value doubles.
- `plant_people`: in the *English* paragraph, a person from bench/data/people_swaps.toml
  named next to a role word is replaced by the person the file gives, where the
  translation names the original person.

The checks of what the translation states use only this file's own tables, not the
checker's readers, so that a plant does not depend on what is being measured.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import tomllib

DATA = Path(__file__).resolve().parent / "data"
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@dataclass(frozen=True)
class Plant:
    paragraph: int  # the line of the changed file
    kind: str  # digit, year, day, time, word, ordinal, person
    before: str
    after: str
    side: str  # "en" or the translation's language: the file that was changed


def shown(plant: Plant, text: str) -> bool:
    """True when a finding's text shows the planted figure: checker writes a no-break
    or thin space («80\u00a0000») as a plain one, so the two are compared so."""
    spaces = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
    return plant.after.translate(spaces) in text.translate(spaces)


def _digits(text: str) -> str:
    return text.translate(_ARABIC_DIGITS)


_MONTHS = (
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)"
)
_NUMBER = re.compile(r"(?<![A-Za-z\d.,:])(\d+(?:[.,]\d+)?)(?![\d])")
_RANGE_AFTER = re.compile(r"\s?(?:[-–—]|to|до|إلى|الى|حتى|وحتى)\s?\d")
_RANGE_BEFORE = re.compile(r"\d\s?(?:[-–—]|to|до|إلى|الى|حتى|وحتى)\s?$")


def _changed(raw: str, text: str, start: int, end: int) -> tuple[str, str]:
    """(kind, new text) for the figure `raw` at text[start:end]."""
    before, after = text[max(0, start - 14) : start], text[end : end + 14]
    if re.match(r"[:.]\d\d(?!\d)", after) and int(raw) < 24:  # 15:00
        return "time", str((int(raw) + 3) % 24)
    if m := re.fullmatch(r"(\d{1,2})[.](\d\d)", raw):  # 7.55 am
        if re.match(r"\s*(?:a\.?m|p\.?m|утра|вечера|дня|صباح|مساء)", after, re.I):
            return "time", f"{(int(m.group(1)) + 3) % 12 or 12}.{m.group(2)}"
    if "." not in raw and "," not in raw:
        value = int(raw)
        if 1800 <= value <= 2100 and value % 10 == 0 and re.match(r"(?:s\b|-[хе])", after):
            return "decade", str(value + 10)  # the 1980s → the 1990s
        if 1800 <= value <= 2100:
            return "year", str(value + 3)
        if value <= 31 and (
            re.search(_MONTHS, after[:10]) or re.search(_MONTHS + r"\w*\s*$", before)
        ):
            return "day", str(value + 7 if value <= 21 else value - 7)
        return "digit", str(value * 2)
    separator = "," if "," in raw else "."
    whole, decimals = raw.split(separator)
    doubled = f"{2 * float(raw.replace(',', '.')):.{len(decimals)}f}"
    return "digit", doubled.replace(".", separator)


def plant_digits(en: list[str], other: list[str], language: str) -> tuple[list[str], list[Plant]]:
    out, plants = list(other), []
    for k, (a, b) in enumerate(zip(en, other, strict=False)):
        english = set(re.findall(r"\d+", re.sub(r"(?<=\d)[,\s](?=\d{3})", "", a)))
        text = _digits(b)
        for m in _NUMBER.finditer(text):
            raw = m.group(1)
            if _RANGE_AFTER.match(text[m.end() :]) or _RANGE_BEFORE.search(text[: m.start()]):
                continue  # one end of a range or a score: a changed end still reads as a range
            bare = (
                raw.replace(",", "").replace(".", "")
                if re.fullmatch(r"\d{1,3}([,.]\d{3})+", raw)
                else raw
            )
            if re.split(r"[.,]", bare)[0] not in english and bare not in english:
                continue
            kind, new = _changed(raw, text, m.start(), m.end())
            out[k] = b[: m.start()] + new + b[m.end() :]
            plants.append(Plant(k, kind, raw, new, language))
            break
    return out, plants


_UNITS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_ORDINALS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}  # fmt: skip
_WORD = re.compile(
    r"(?<![\w-])((?:"
    + "|".join(_TENS)
    + r")(?:-(?:one|"
    + "|".join(_UNITS)
    + r"))?|"
    + "|".join(_UNITS)
    + "|"
    + "|".join(_ORDINALS)
    + r"|\d+(?:st|nd|rd|th))(?![\w-])",
    re.IGNORECASE,
)
# The bench's own word forms for "the translation states this value": whole words, so
# that «пятница» (Friday) does not state five nor «ستقوم» (will do) six.
_RU_END = r"(?:ь|и|ью|ый|ой|ого|ому|ым|ом|ая|ую|ое|ые|ых|ыми|ей)"
_FORMS = {
    "ru": {2: r"дв(?:а|е|ух|ум|умя|ое|оих|оим)|втор(?:ой|ого|ому|ым|ом|ая|ую|ое|ые|ых|ыми)",
           3: r"тр(?:и|ех|ёх|ем|ём|емя|ое|оих|оим)|"
              r"трет(?:ий|ья|ье|ьи|ьего|ьему|ьим|ьем|ьей|ью|ьих)",
           4: r"четыр(?:е|ех|ёх|ем|ём|ьмя)|четвер(?:о|ых)|четв[её]рт" + _RU_END,
           5: r"пят(?:ь|и|ью|еро|ерых)|пят" + _RU_END, 6: r"шест(?:ь|и|ью|еро|ерых)|шест" + _RU_END,
           7: r"сем(?:ь|и|ью|еро|ерых)|седьм" + _RU_END,
           8: r"вос(?:емь|ьми|емью|ьмью)|восьм" + _RU_END, 9: r"девят" + _RU_END,
           10: r"десят" + _RU_END, 11: r"одиннадцат" + _RU_END, 12: r"двенадцат" + _RU_END,
           13: r"тринадцат" + _RU_END, 14: r"четырнадцат" + _RU_END, 15: r"пятнадцат" + _RU_END,
           16: r"шестнадцат" + _RU_END, 17: r"семнадцат" + _RU_END,
           18: r"восемнадцат" + _RU_END, 19: r"девятнадцат" + _RU_END,
           20: r"двадцат" + _RU_END, 30: r"тридцат" + _RU_END, 40: r"сорок(?:а|ов\w*)?",
           50: r"пятьдесят|пятидесят\w*", 60: r"шестьдесят|шестидесят\w*",
           70: r"семьдесят|семидесят\w*", 80: r"восемьдесят|восьмидесят\w*",
           90: r"девяност\w*"},
    "ar": {2: r"اثنان|اثنين|اثنتان|اثنتين|اثنا|اثني|اثنتا|اثنتي|ثاني|ثانية",
           3: r"ثلاث|ثلاثة|ثالث|ثالثة", 4: r"[أا]ربع|[أا]ربعة|رابع|رابعة",
           5: r"خمس|خمسة|خامس|خامسة", 6: r"ست|ستة|سادس|سادسة", 7: r"سبع|سبعة|سابع|سابعة",
           8: r"ثمان|ثماني|ثمانية|ثامن|ثامنة", 9: r"تسع|تسعة|تاسع|تاسعة",
           10: r"عشر|عشرة|عاشر|عاشرة", 20: r"عشرين|عشرون", 30: r"ثلاثين|ثلاثون",
           40: r"[أا]ربعين|[أا]ربعون", 50: r"خمسين|خمسون", 60: r"ستين|ستون",
           70: r"سبعين|سبعون", 80: r"ثمانين|ثمانون", 90: r"تسعين|تسعون"},
}  # fmt: skip


def _word_value(word: str) -> tuple[int, bool]:
    w = word.lower()
    if m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w):
        return int(m.group(1)), True
    if w in _ORDINALS:
        return _ORDINALS[w], True
    if "-" in w:
        tens, unit = w.split("-")
        return _TENS[tens] + _UNITS.get(unit, 1), False
    return _UNITS.get(w) or _TENS[w], False


def _stated(value: int, text: str, language: str) -> bool:
    if re.search(rf"(?<!\d){value}(?!\d)", _digits(text)):
        return True
    if value >= 20 and value % 10:  # «сорок восемь»: both parts
        return _stated(value - value % 10, text, language) and _stated(value % 10, text, language)
    forms = _FORMS.get(language, {}).get(value)
    if not forms:
        return False
    if language == "ar":  # a clitic or the article before, tanween or an alif after
        pattern = rf"(?<!\w)(?:[وفبل]|ال|وال|بال|لل)?(?:{forms})(?:[\u064b-\u0652]|ا)*(?!\w)"
    else:
        pattern = rf"(?<![\w-])(?:{forms})(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _english_number(value: int, ordinal: bool, digits: bool, like: str) -> str:
    if digits:
        suffix = (
            "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        )
        return f"{value}{suffix}"
    if ordinal:
        word = next(w for w, v in _ORDINALS.items() if v == value)
    elif value < 20:
        word = next(w for w, v in _UNITS.items() if v == value)
    else:
        tens = next(w for w, v in _TENS.items() if v == value - value % 10)
        unit = next((w for w, v in _UNITS.items() if v == value % 10), "")
        word = tens + (f"-{unit}" if unit else "")
    return word.capitalize() if like[:1].isupper() else word


def plant_words(
    en: list[str], other: list[str], language: str, skip: int = 0
) -> tuple[list[str], list[Plant]]:
    """In the English, one number word, ordinal or half per paragraph that the
    translation also states; `skip` passes over that many eligible words first, so that
    a bench can plant the paragraph's other words (no half then)."""
    out, plants = list(en), []
    for k, (a, b) in enumerate(zip(en, other, strict=False)):
        passed = 0
        for m in _WORD.finditer(a):
            value, ordinal = _word_value(m.group(1))
            digits = m.group(1)[:1].isdigit()
            new_value = value * 2
            if ordinal and re.match(r"\s+(?:of\s+)?" + _MONTHS, a[m.end() :]):
                new_value = value + 7 if value <= 21 else value - 7  # a day of a month
            if not digits and (new_value > 99 or (ordinal and new_value not in _ORDINALS.values())):
                new_value = value + 1 if ordinal and value + 1 in _ORDINALS.values() else 0
            if not new_value or not _stated(value, b, language):
                continue
            if passed < skip:
                passed += 1
                continue
            new = _english_number(new_value, ordinal, digits, m.group(1))
            out[k] = a[: m.start(1)] + new + a[m.end(1) :]
            plants.append(Plant(k, "ordinal" if ordinal else "word", m.group(1), new, "en"))
            break
        else:
            if not skip and (half := _plant_half(a, b, language)):
                out[k] = half[0]
                plants.append(Plant(k, "half", half[1], half[2], "en"))
    return out, plants


_HALF = re.compile(r"(?i)\b(half)(?= an? | of )|\b(and a half)\b")
_HALF_STATED = {"ru": r"половин|пол[\w-]|полтор", "ar": r"نصف|ونصف"}


def _plant_half(a: str, b: str, language: str) -> tuple[str, str, str] | None:
    """ "half an inch" → "a quarter of an inch", "two and a half" → "two and a quarter",
    where the translation states a half."""
    m = _HALF.search(a)
    if not m or not re.search(_HALF_STATED.get(language, "$^"), b):
        return None
    old = m.group(0)
    new = "and a quarter" if m.group(2) else "a quarter of"
    if old[0].isupper():
        new = new.capitalize()
    end = m.end()
    if not m.group(2) and a[end:].startswith(" of "):
        end += 3  # "half of the" → "a quarter of the"
    return a[: m.start()] + new + a[end:], old, new


_ROLE_WORDS = (
    r"(?i:president|minister|secretary|senator|sen\.|coach|manager|spokes\w+|governor|"
    r"mayor|ambassador|chancellor|leader|judge|premier|chief)"
)


@functools.cache  # read once: every paragraph of every document asks
def _people(shift: int = 0) -> list[dict[str, str]]:
    """The people and their swaps; with `shift`, each person's swap is the swap of the
    person `shift` entries on (never the person themself or their own swap), so that a
    bench can plant other swapped-in names."""
    with open(DATA / "people_swaps.toml", "rb") as handle:
        people = list(tomllib.load(handle)["person"])
    if not shift:
        return people
    shifted = []
    for k, person in enumerate(people):
        for j in range(shift, shift + len(people)):
            other = people[(k + j) % len(people)]
            if other["swap"] not in (person["en"], person["swap"]):
                break
        keys = ("swap", "swap_ru", "swap_ar")
        shifted.append({**person, **{key: other[key] for key in keys}})
    return shifted


def plant_people(
    en: list[str], other: list[str], language: str, shift: int = 0
) -> tuple[list[str], list[Plant]]:
    out, plants = list(en), []
    people = _people(shift)
    for k, (a, b) in enumerate(zip(en, other, strict=False)):
        for person in people:
            full, surname = person["en"], person["en"].split()[-1]
            if person[language] not in b:
                continue
            swap_full, swap_surname = person["swap"], person["swap"].split()[-1]
            near = (
                rf"{_ROLE_WORDS}(?:\s+(?:of|the|for|[A-Z][\w.'’-]*)){{0,4}}?[\s,]+"
                rf"(?P<name>{re.escape(full)}|{re.escape(surname)})\b"
                rf"|(?P<name2>{re.escape(full)}),\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){{0,3}}{_ROLE_WORDS}"
            )
            m = re.search(near, a)
            if not m:
                continue
            group = "name" if m.group("name") else "name2"
            old = m.group(group)
            new = swap_full if old == full else swap_surname
            out[k] = a[: m.start(group)] + new + a[m.end(group) :]
            plants.append(Plant(k, "person", old, new, "en"))
            break
    return out, plants


# A figure in digits, its thousands grouped as written («77.000», "30,000", «77 000»).
_FIGURE = re.compile(
    r"(?<![A-Za-z\d.,:])(\d{1,3}(?:([,.\u00a0\u202f ])\d{3})(?:\2\d{3})*|\d+(?:[.,]\d+)?)(?![\d])"
)
_DECADE_AFTER = re.compile(r"(?:s\b|-[хе])")


def _every_kind(
    raw: str, grouped: bool, text: str, start: int, end: int, k: int
) -> tuple[str, str]:
    """(kind, new text) for any figure: the way a careless edit changes it."""
    before, after = text[max(0, start - 14) : start], text[end : end + 14]
    if grouped:  # thousands kept in their writing: 77.000 → 154.000
        sep = re.search(r"\D", raw).group(0)  # type: ignore[union-attr]
        value = 2 * int(re.sub(r"\D", "", raw))
        doubled = f"{value:,}".replace(",", sep)
        return "thousands", doubled
    if re.match(r"[:.]\d\d(?!\d)", after) and "." not in raw and int(raw) < 24:
        return "time", str((int(raw) + 3) % 24)
    if m := re.fullmatch(r"(\d{1,2})[.:](\d\d)", raw):  # 4.40 am
        if re.match(r"\s*(?:a\.?m|p\.?m|утра|вечера|дня|ночи|صباح|مساء)", after, re.I):
            return "time", f"{(int(m.group(1)) + 3) % 12 or 12}.{m.group(2)}"
    if "." in raw or "," in raw:
        separator = "," if "," in raw else "."
        decimals = raw.split(separator)[1]
        doubled = f"{2 * float(raw.replace(',', '.')):.{len(decimals)}f}"
        return "decimal", doubled.replace(".", separator)
    value = int(raw)
    if 1000 <= value <= 2100 and len(raw) == 4:
        if value % 10 == 0 and _DECADE_AFTER.match(after):
            return "decade", str(value + 10)
        return "year", str(value + (3 if k % 2 else -3))
    if value <= 31 and (re.search(_MONTHS, after[:12]) or re.search(_MONTHS + r"\w*\s*$", before)):
        if k % 2:
            return "day", str(value + 7 if value <= 21 else value - 7)
        return "day", str(value * 2)  # «58-го сентября»: no such day, still a wrong date
    return "figure", str(value * 2)


def plant_figures(
    ref: list[str], other: list[str], language: str, offset: int = 0
) -> tuple[list[str], list[Plant]]:
    """In the translation, one figure in digits per paragraph that the reference paragraph
    also states, taken in turn through the paragraph's figures (the first in paragraph 0,
    the second in paragraph 1, …): range ends, list members, years, days, ages, decimals,
    thousands in their local writing all get planted, not only the first figure.
    `offset` shifts the turn, so that a bench can plant other figures of the same text."""
    out, plants = list(other), []
    for k, (a, b) in enumerate(zip(ref, other, strict=False)):
        ungrouped = re.sub(r"(?<=\d)[,.\s\u00a0\u202f](?=\d{3})", "", _digits(a))
        stated = set(re.findall(r"\d+", ungrouped))
        text = _digits(b)
        found = []
        for m in _FIGURE.finditer(text):
            raw, grouped = m.group(1), m.group(2) is not None
            plain = re.sub(r"\D", "", raw) if grouped else re.split(r"[.,]", raw)[0]
            if len(plain) >= 7 and not grouped:
                continue  # a phone number or an identifier
            if plain in stated and plain.strip("0"):
                found.append(m)
        if not found:
            continue
        m = found[(k + offset) % len(found)]
        raw, grouped = m.group(1), m.group(2) is not None
        kind, new = _every_kind(raw, grouped, text, m.start(1), m.end(1), k)
        out[k] = b[: m.start(1)] + new + b[m.end(1) :]
        plants.append(Plant(k, kind, raw, new, language))
    return out, plants


# The first name before a surname: capitalised words in Russian; in Arabic one word that
# is no role word and carries no article or preposition.
_LOCAL_FIRST = {
    # not a role word that starts a sentence («Президент Трамп», «Госсекретарь Майк
    # Помпео»: the role stays) nor an acronym («США Дональд Трамп»)
    "ru": r"(?:(?!(?:Президент|Премьер|Госсекретар|Министр|Глав|Сенатор|Судь|Тренер|"
    r"Губернатор|Мэр|Канцлер|Лидер|Посол|Спикер|Пресс|Генсек|Генеральн|Вице|Председател|"
    r"Представител|Наставник|Директор|Бывш|Экс|Король|Наследн|Папа)\w*)"
    r"(?![А-ЯЁ]{2,}\b)[А-ЯЁ][\w'’-]*\s+){0,2}",
    "ar": r"(?:(?![وفبل]?(?:ال|لل|لم|مدرب|رئيس|وزير|متحدث|سيناتور|قاض|حاكم|زعيم|سفير|بين|"
    r"عمدة|قائد|مستشار|أمين|ملك|عاهل|أمير|بابا))"
    r"[\u0621-\u064a]{2,}\s+){0,2}",
}
# Name words after the surname that are still the name («Муном Чжэ Ином», «إدواردو
# رودريغيز فيلتزي»: a three-word name whose listed form is its middle word).
_LOCAL_REST = {
    "ru": r"(?:\s+[А-ЯЁ][\w'’-]*){0,2}",
    "ar": r"(?:\s+(?!ال)(?!(?:في|من|على|إن|أن)\s)\w{3,}(?=[\s،,.]))?",
}


def plant_people_local(
    en: list[str],
    ref: list[str],
    ref_language: str,
    other: list[str],
    language: str,
    shift: int = 0,
) -> tuple[list[str], list[Plant]]:
    """In the translation (Russian or Arabic), a person named in a role replaced by the
    swap in that script (bench/data/people_swaps.toml `swap_ru`, `swap_ar`): names that no
    dictionary lists. Planted where the English paragraph names the person beside a role
    word and the reference paragraph (the English, or for ru–ar the Russian) names them
    too, so that the two really disagree on who it was."""
    out, plants = list(other), []
    for k, (a, r, b) in enumerate(zip(en, ref, other, strict=False)):
        for person in _people(shift):
            surname = person["en"].split()[-1]
            role_near = (
                rf"{_ROLE_WORDS}(?:\s+(?:of|the|for|[A-Z][\w.'’-]*)){{0,4}}?[\s,]+"
                rf"(?:{re.escape(person['en'])}|{re.escape(surname)})\b"
            )
            named = surname if ref_language == "en" else person[ref_language]
            if not re.search(role_near, a) or named not in r:
                continue
            long_name = len(person["en"].split()) > 2 or language == "ru"
            rest = _LOCAL_REST[language] if long_name else ""
            m = re.search(
                rf"(?<!\w){_LOCAL_FIRST[language]}{re.escape(person[language])}\w{{0,3}}(?!\w)"
                + rest,
                b,
            )
            if not m:
                continue
            new = person[f"swap_{language}"]
            out[k] = b[: m.start()] + new + b[m.end() :]
            plants.append(Plant(k, "person", m.group(0), new, language))
            break
    return out, plants
