"""The words around a figure: scale words ("£125m", «3,1 млрд»), the noun it counts
(«два лагеря», "three Brighton defenders"), and the words that make it a year, an age
or a temperature below zero. checks/quantities.py reads figures with them."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from checker.checks import units as u
from checker.checks.numwords import _morph

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


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# Russian compound adjectives of a unit: «300-килограммовое», «20-метровая», «5-часовой».
_RU_UNIT_STEMS = {"килограммов": "килограмм", "тонн": "тонн", "метров": "метр",
                  "километров": "километр", "сантиметров": "сантиметр", "часов": "час",
                  "минутн": "минут", "дневн": "дней", "недельн": "недель", "месячн": "месяц",
                  "процентн": "процент", "градусн": "градус", "долларов": "долларов",
                  # Ukrainian («249-кілограмовий кабан»), read through Russian's units
                  "кілограмов": "килограмм", "кілометров": "километр",
                  "відсотков": "процент"}  # fmt: skip


_RU_UNIT_ADJECTIVE = re.compile(
    r"-(" + "|".join(sorted(_RU_UNIT_STEMS, key=len, reverse=True)) + r")\w*", re.IGNORECASE
)


_MINUS_BEFORE = re.compile(
    r"(?i)(?:(?:^|[\s(\[])[-−]|\b(?:minus|минус|мінус|eksi|mənfi|moins)\s+|(?<!\w)ناقص\s*|"
    r"(?<!\w)[בוהלמכש]?מינוס\s*|(?<!\w)منفی\s*)$"
)


_MINUS_AFTER = re.compile(
    r"(?i)[\s°]*(?:[CС]\b|градус\w*|degrees?|درج\w*)?\s*(?:below zero|ниже нуля|мороза|"
    r"تحت الصفر|sıfırın altında)"
)


# Words before a four-digit figure that make it a year, in any century ("in 1492").
_YEAR_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|since|until|till|by|from|of|circa|c\.)|(?<!\w)(?:в|с|до|к|по|с начала)|"
    r"(?<!\w)(?:في|فى|منذ|عام|سنة|حتى|العام|لعام|بعام))\s*$"
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
                "up", "where", "whose", "whom", "what", "how", "why"}  # fmt: skip


# French, Spanish, German, Italian: articles and prepositions after a figure, not nouns.
_XX_NOT_NOUN = {"de", "des", "du", "la", "le", "les", "el", "los", "las", "del", "der", "die",
                "das", "den", "dem", "y", "et", "und", "en", "au", "aux", "von", "zu", "im",
                "am", "por", "para", "pour", "sur", "mit", "di", "il", "e", "ed", "que", "qui",
                "pro", "um", "bei", "nach", "seit", "dans", "avec", "con", "sin",
                "sobre", "à"}  # fmt: skip


_AR_NOT_NOUN = {"في", "من", "إلى", "على", "عن", "مع", "و", "أو", "ثم", "قبل", "بعد", "منذ",
                "حتى", "عندما", "الذي", "التي", "كان", "كانت", "هو", "هي", "أن", "إن", "لا",
                "لم", "قد"}  # fmt: skip


@lru_cache(maxsize=65536)
def ru_noun(word: str) -> bool:
    """A Russian word whose likeliest reading is a noun («сирийцев», not «покинули»)."""
    return _morph().parse(word.lower())[0].tag.POS == "NOUN"


def ru_agrees(value: float, word: str) -> bool:
    """Whether a Russian noun can be what `value` counts: after a number not ending in
    one, a noun in the nominative singular is the next clause's subject («В 2014
    компания открыла»), not what is counted."""
    if value % 10 == 1 and value % 100 != 11:
        return True
    tag = _morph().parse(word.lower())[0].tag
    return not (tag.POS == "NOUN" and "nomn" in tag and "sing" in tag)


def _noun(after: str, language: str, capital_nouns: bool = False) -> str:
    """The word right after a figure when it can be what the figure counts («два
    лагеря», "three Brighton defenders" → defenders, "562 Filialen"), else ""."""
    if capital_nouns:  # German: a noun is capitalised («800 gestiegen» counts nothing)
        first = re.match(r"\s+([^\W\d_][\w'’-]*)", after)
        return first.group(1) if first and first.group(1)[:1].isupper() else ""
    words = re.match(r"\s+((?:[A-Z][\w'’-]*\s+)?)([^\W\d_][\w'’-]*)", after)
    if not words:
        return ""
    word = words.group(2)
    if language == "ru":
        return word if ru_noun(word) else ""
    if language == "ar":
        return word if word not in _AR_NOT_NOUN and not word.startswith(("ب", "ل", "ك")) else ""
    return word if word.lower() not in _EN_NOT_NOUN and word.islower() else ""


def _arabic_thing(
    before: str, after: str, ordinal: bool = False
) -> u.Unit | tuple[str, str] | None:
    """What an Arabic figure measures: the noun before it names a unit or a counted thing
    more often than in other languages («في الدقيقة 68», «الدورة 44», «عام 2011»); the
    noun right after it next («1197 حالة»), then the words after. An ordinal follows its
    noun («الطرف الثالث»: the third party): the words after it are another phrase."""
    # «القرن ال19», «القرن الـ19»: the article of an ordinal written in digits
    before = re.sub(r"(?<=\s)الـ*\s*$|(?<=\S)\s+ـ+\s*$", "", before)
    previous = _WORD.findall(before)[-1:]
    following = _WORD.findall(re.split(r"[،,.؛;:!?؟()]", after, maxsplit=1)[0])[:3]
    if previous and re.search(r"\S\s*$", before) and not re.search(r"[،,.:;]\s*$", before):
        bare = re.sub(r"^(?:ال|وال|بال|فال|في|لل)", "", previous[0])
        for form in (bare, re.sub(r"(?<=\w{3})(?:ه|ها|هم)$", "", bare)):  # «أسبوعه الرابع»
            if (unit := u.unit_after(form, "ar")) and unit[1] == len(form):
                return unit[0]
    if ordinal:
        return u.concept(previous, "ar") if previous else None
    if following and re.match(r"\s+\S", after) and (found := u.concept(following[:1], "ar")):
        return found
    if following[:1] == ["من"] and len(following) > 1:
        # «القتل لاثنين من تجار المخدرات»: two of the dealers, whatever the word before
        return u.concept(following[1:2], "ar")
    if previous and (found := u.concept(previous, "ar")):
        return found
    # past the noun, a preposition's phrase tells of it («8 تهم بالقتل»: charges of murder)
    phrase = list(takewhile(lambda w: not w.startswith(("بال", "لل", "كال")), following))
    return u.concept(phrase, "ar")


_AGE_BEFORE = re.compile(
    r"(?i)(?:\b(?:aged|age|ages|age of|at the age of)|(?<!\w)(?:в возрасте|возрастом|"
    r"в возрасте от)|(?<!\w)(?:عمره|عمرها|بعمر|يبلغ من العمر|البالغ من العمر|البالغة من العمر|"
    r"عمر|سن|بسن))\s*$"
)


def _age(before: str, after: str, value: float, from_words: bool) -> bool:
    """ "Narcis Termes, 68, an electrician", "man, 32,", "aged 14": an age."""
    if value != int(value) or not 1 <= value <= 120:
        return False
    if u.AR_OF_AGE.match(after) or _AGE_BEFORE.search(before):
        return True  # "aged sixteen" as sure as "aged 16", an ordinal «من عمره» as digits
    if from_words:
        return False
    return bool(re.search(r"[^\W\d_]{2,},\s*$", before) and re.match(r"\s*(?:,|\)|$)", after))


# A percent sign or word before the figure, as Turkish, Azerbaijani and Persian write it.
_PERCENT_BEFORE = re.compile(r"(?:(?<![\w%])[%٪]|(?<!\w)(?i:yüzde|yüzdə))\s*$")


# Words between "of" and what a partitive figure counts ("five of the victims").
_OF_DETERMINERS = {"the", "these", "those", "its", "their", "our", "his", "her"}


def english_counted(after: str) -> list[str]:
    """The lowercase words after an English figure that may say what it counts; after
    "of" those of the partitive ("five of the victims" counts victims)."""
    found = _WORD.findall(after)
    words = found[:3]
    if words[:1] == ["of"]:
        words = [w for w in found[1:4] if w.lower() not in _OF_DETERMINERS]
    lower = [w for w in words if not w[:1].isupper()][:2]
    if lower == words[:2] and len(words) == 3 and _modifier(lower[0]) and not words[2][0].isupper():
        if lower[1].lower() not in _EN_NOT_NOUN:  # "90 computer science students": the head
            lower.append(words[2])  # comes last ("46 human services agencies" too)
    return lower or words[:1]


def _modifier(word: str) -> bool:
    """A word that may stand before the noun a figure counts: a singular noun or an
    adjective ("computer", "human"), not a plural noun or a function word."""
    w = word.lower()
    return not (w.endswith("s") or w in _EN_NOT_NOUN or w in _EN_UNMARKED_PLURALS)


def _to_first_noun(words: list[str], language: str) -> list[str]:
    """The words after a Russian figure up to its first noun, which is what it counts
    («5,5 миллионов сирийцев покинули страну» counts Syrians, not countries)."""
    if language != "ru":
        return words
    first = next((k for k, w in enumerate(words) if ru_noun(w)), None)
    return words if first is None else words[: first + 1]
