"""People in roles: "Defence Minister Petra Holm" vs "Defence Minister Anton Berg".

NLI models read two sentences that differ only in a name as near-paraphrases. When two
paired sentences each name a person in the same role (president, foreign minister,
spokesperson, …) and no name on one side matches a name on the other, the pair is
flagged with the reason, as the number check does.

Names are compared across scripts by a consonant skeleton: Latin, Cyrillic and Arabic
letters map to shared consonant classes and vowels drop out, so "Holm", «Хольм»,
«Хольма» and «هولم» all read "hlm". Two names differ only when both skeletons are long
enough to judge and far apart; anything doubtful counts as the same person, because a
false "different people" flag costs an editor more than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.checks.facts import script_language

# role key → (English label, patterns per language). Longer phrases come first.
_ROLES: dict[str, tuple[str, dict[str, list[str]]]] = {
    "vice_president": (
        "vice president",
        {"en": [r"vice[- ]president"], "ru": [r"вице-президент\w*"], "ar": [r"نائب الرئيس"]},
    ),
    "prime_minister": (
        "prime minister",
        {
            "en": [r"prime minister", r"premier"],
            "ru": [r"премьер-министр\w*", r"председател\w+ правительства"],
            "ar": [r"رئيس(?:ة)? (?:الوزراء|الحكومة)"],
        },
    ),
    "foreign_minister": (
        "foreign minister",
        {
            "en": [r"foreign minister", r"minister of foreign affairs", r"foreign secretary"],
            "ru": [r"министр\w* иностранных дел", r"глав\w* МИД\w*"],
            "ar": [r"وزير(?:ة)? الخارجية"],
        },
    ),
    "defence_minister": (
        "defence minister",
        {
            "en": [r"defen[cs]e minister", r"minister of defen[cs]e", r"defen[cs]e secretary"],
            "ru": [r"министр\w* обороны", r"глав\w* Минобороны"],
            "ar": [r"وزير(?:ة)? الدفاع"],
        },
    ),
    "interior_minister": (
        "interior minister",
        {
            "en": [r"interior minister", r"minister of (?:the )?interior"],
            "ru": [r"министр\w* внутренних дел", r"глав\w* МВД"],
            "ar": [r"وزير(?:ة)? الداخلية"],
        },
    ),
    "finance_minister": (
        "finance minister",
        {
            "en": [r"finance minister", r"minister of finance"],
            "ru": [r"министр\w* финансов", r"глав\w* Минфина"],
            "ar": [r"وزير(?:ة)? المالية"],
        },
    ),
    "secretary_general": (
        "secretary-general",
        {
            "en": [r"secretary[- ]general"],
            "ru": [r"генеральн\w+ секретар\w+", r"генсек\w*"],
            "ar": [r"الأمين العام"],
        },
    ),
    "spokesperson": (
        "spokesperson",
        {
            "en": [r"spokes(?:person|man|woman)"],
            "ru": [r"пресс-секретар\w+", r"официальн\w+ представител\w+"],
            "ar": [],
        },
    ),
    "ambassador": (
        "ambassador",
        {
            "en": [r"ambassador"],
            "ru": [r"посол", r"посл(?:а|у|ом|е|ы|ов|ам|ами|ах)(?!\w)"],
            "ar": [r"السفير(?:ة)?"],
        },
    ),
    "envoy": (
        "envoy",
        {
            "en": [r"(?:special )?envoy"],
            "ru": [r"(?:специальн\w+ )?посланник\w*", r"спецпосланник\w*"],
            "ar": [r"المبعوث(?:ة)?(?: الخاص(?:ة)?)?"],
        },
    ),
    "president": (
        "president",
        {"en": [r"president"], "ru": [r"президент\w*"], "ar": [r"الرئيس(?:ة)?"]},
    ),
    "chancellor": (
        "chancellor",
        {"en": [r"chancellor"], "ru": [r"канцлер\w*"], "ar": [r"المستشار(?:ة)?"]},
    ),
    "governor": ("governor", {"en": [r"governor"], "ru": [r"губернатор\w*"], "ar": []}),
    "mayor": ("mayor", {"en": [r"mayor"], "ru": [r"мэр\w*"], "ar": [r"عمدة"]}),
}

_CAP = r"[A-ZА-ЯЁ][\w'’-]*"
_EN_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,2}}"
_RU_NAME = rf"{_CAP}(?:\s+{_CAP}){{1,3}}"  # ≥ 2 words: a lone capital is often a country
_INITIAL = re.compile(r"(?<!\w)([A-ZА-ЯЁ][a-zа-яё]?)\.\s*(?=[A-ZА-ЯЁ])")
_AR_STOP = {
    "قال", "وقال", "قالت", "وقالت", "أكد", "وأكد", "أكدت", "وأكدت", "أعلن", "وأعلن",
    "أعلنت", "وأعلنت", "إن", "أن", "في", "على", "من", "عن", "إلى", "مع", "خلال", "يوم",
    "بعد", "قبل", "الذي", "التي", "هذا", "هذه", "كما", "أنه", "أنها", "لن", "لا", "لم",
}  # fmt: skip


def _compile(language: str) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for key, (_, patterns) in _ROLES.items():
        for pattern in patterns.get(language, []):
            if language == "en":
                regex = (
                    rf"(?<![\w-])(?i:{pattern})(?:,?\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*?)?"
                    rf",?\s+(?P<name>{_EN_NAME})"
                )
            elif language == "ru":
                regex = rf"(?<![\w-])(?i:{pattern})\s+(?P<name>{_RU_NAME})"
            else:
                regex = rf"(?<!\S)(?:[وفبل]|لل)?{pattern}(?P<rest>(?:\s+\S+){{1,4}})"
            out.append((key, re.compile(regex)))
    return out


_PATTERNS = {language: _compile(language) for language in ("en", "ru", "ar")}
# "Petra Holm, the defence minister," — English apposition, name first.
_EN_APPOSITION = [
    (
        key,
        re.compile(rf"(?P<name>{_CAP}\s+{_CAP}),\s+(?:the\s+)?(?:\w+\s+)?(?i:{pattern})(?!\w)"),
    )
    for key, (_, patterns) in _ROLES.items()
    for pattern in patterns["en"]
]


# An organisation's acronym between a role and a name (UN, ООН, NATO, ЕС), not a name.
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}")


@dataclass(frozen=True)
class Person:
    role: str
    name: str


def _arabic_name(rest: str) -> str | None:
    """Two name words after an Arabic role, skipping its adjectives (words with ال)."""
    words: list[str] = []
    for raw in rest.split():
        word = re.sub(r"[،,.؛:!?؟«»\"()]+$", "", raw)
        if not words and word.startswith("ال"):
            continue  # an adjective of the role: "وزير الخارجية الأرفاني"
        if word in _AR_STOP or word.startswith(("ال", "وال")) or not word:
            break
        words.append(word)
        if len(words) == 2 or word != raw:
            break
    return " ".join(words) if len(words) == 2 else None


def people(text: str, language: str | None = None) -> list[Person]:
    """People named with a role in a sentence, in order, each (role, name) once."""
    return list(_people(text, language if language in _PATTERNS else script_language(text)))


@lru_cache(maxsize=8192)  # a sentence sits in several pairs
def _people(text: str, language: str) -> tuple[Person, ...]:
    found: list[Person] = []
    spans: list[tuple[int, int]] = []
    patterns = _PATTERNS[language] + (_EN_APPOSITION if language == "en" else [])
    marked = _INITIAL.sub(r"\1_ ", text)  # "J. D. Martin" → "J_ D_ Martin": one name
    for key, regex in patterns:
        for m in regex.finditer(marked):
            if any(s <= m.start() < e for s, e in spans):
                continue  # a longer role already matched here ("vice president")
            name = _arabic_name(m.group("rest")) if language == "ar" else m.group("name")
            if name:
                words = name.split()
                while len(words) > 1 and _ACRONYM.fullmatch(words[0]):
                    words.pop(0)  # "посланник ООН Дж. Д. Мартин": ООН is the employer
                name = re.sub(r"['’]s$", "", " ".join(words)).replace("_ ", ". ")
                spans.append((m.start(), m.end()))
                person = Person(key, name)
                if person not in found:
                    found.append(person)
    return tuple(found)


# Consonant classes shared by the three scripts; vowels and glottal letters map to "".
_LATIN_DIGRAPHS = [("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("zh", "j"),
                   ("th", "t"), ("ph", "f"), ("gh", "g"), ("dj", "j"), ("ts", "s"),
                   ("ck", "k")]  # fmt: skip
_LATIN = str.maketrans(
    {
        "a": "",
        "e": "",
        "i": "",
        "o": "",
        "u": "",
        "y": "",
        "w": "",
        "p": "b",
        "v": "f",
        "q": "k",
        "x": "ks",
        "c": "k",
    }  # fmt: skip
)
_CYRILLIC = {
    "дж": "j", "а": "", "б": "b", "в": "f", "г": "g", "д": "d", "е": "", "ё": "", "ж": "j",
    "з": "z", "и": "", "й": "", "к": "k", "л": "l", "м": "m", "н": "n", "о": "", "п": "b",
    "р": "r", "с": "s", "т": "t", "у": "", "ф": "f", "х": "h", "ц": "s", "ч": "c", "ш": "s",
    "щ": "s", "ъ": "", "ы": "", "ь": "", "э": "", "ю": "", "я": "",
}  # fmt: skip
_ARABIC = {
    "ب": "b", "ت": "t", "ث": "s", "ج": "j", "ح": "h", "خ": "h", "د": "d", "ذ": "z", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "b", "چ": "c", "ڤ": "f",
    "گ": "g",
}  # fmt: skip


# Russian case endings that carry a consonant (Вэнсом, Алиевым, Трампа is vowel-only):
# dropped from words long enough to keep a stem.
# (Not -им: Ибрагим, Максим end so.)
_RU_CASE = re.compile(r"(?<=\w{3})(?:ого|его|ому|ему|ами|ями|ом|ем|ём|ым|ах|ях)$")


def skeleton(word: str) -> str:
    """The consonant skeleton of a name word in Latin, Cyrillic or Arabic script."""
    word = word.lower()
    if re.search(r"[\u0600-\u06ff]", word):
        out = "".join(_ARABIC.get(ch, "") for ch in word)
    elif re.search(r"[а-яё]", word):
        word = _RU_CASE.sub("", word).replace("дж", "j")
        out = "".join(_CYRILLIC.get(ch, ch if ch == "j" else "") for ch in word)
    else:
        word = re.sub(r"c(?=[eiy])", "s", re.sub(r"[^a-z]", "", word))  # Vance = Вэнс
        for digraph, single in _LATIN_DIGRAPHS:
            word = word.replace(digraph, single)
        out = word.translate(_LATIN)
    # g and h are one class: Russian writes a foreign h as г (Ибрагим = Ibrahim, Гаага)
    return re.sub(r"(.)\1+", r"\1", out.replace("g", "h"))  # Mammadov = Mamedov


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _surname(name: str) -> str:
    return skeleton(name.split()[-1])


def clearly_different(a: str, b: str) -> bool:
    """True only when two names cannot be one person: their surname skeletons are at
    least two consonants long and differ in two or more edits, and in at least half of
    the longer skeleton (transliteration varies: Ибрагим / Ibrahim)."""
    sa, sb = _surname(a), _surname(b)
    if min(len(sa), len(sb)) < 2:
        return False
    distance = _distance(sa, sb)
    return distance >= 2 and 2 * distance >= max(len(sa), len(sb))


def role_conflict(a: str, b: str, language_a: str | None = None,
                  language_b: str | None = None) -> str | None:  # fmt: skip
    """A reason when both sentences name someone in the same role and no name on one
    side can be a name on the other, else None. The caller decides whether the two
    sentences say the same thing (the pipeline asks for close paraphrases: two
    presidents of two countries in loosely related sentences are no conflict)."""
    pa, pb = people(a, language_a), people(b, language_b)
    reasons = []
    for role in dict.fromkeys(p.role for p in pa):
        names_a = [p.name for p in pa if p.role == role]
        names_b = [p.name for p in pb if p.role == role]
        if not names_b:
            continue
        if all(clearly_different(x, y) for x in names_a for y in names_b):
            label = _ROLES[role][0]
            reasons.append(
                f"different people as {label}: {', '.join(names_a)} vs {', '.join(names_b)}"
            )
    return "; ".join(reasons) or None
