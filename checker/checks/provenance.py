"""Provenance: who a source says it got its information from.

Attribution phrases ("as reported by X citing Y", «как сообщает X», «по данным X»,
«со ссылкой на X», «نقلا عن X», «بحسب X») name the outlet or body a claim comes
from. Reprints and translations of one wire story usually keep the wire's attribution,
so the cited names help an editor see a shared origin; per sentence they say whose
claim a finding is.

Rule-based on purpose: the phrases are a closed set per language, and a wrong guess
here is only shown, never used to decide a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from checker.checks.facts import script_language

# Marker phrases, longest first within each language; each is followed by the cited name.
_MARKERS = {
    "en": [
        r"as reported by",
        r"as first reported by",
        r"according to",
        r"reported by",
        r"quoted by",
        r"citing",
        r"quoting",
        r"told",
    ],
    "ru": [
        r"как сообщ(?:ает|ил[аи]?|или)",
        r"как переда[её]т",
        r"как пишет",
        r"со ссылкой на",
        r"ссылаясь на",
        r"по данным",
        r"по сообщению",
        r"по информации",
        r"по словам",
        r"сообщ(?:ает|ил[аи]?)",
        r"переда[её]т",
        r"пишет",
    ],
    "ar": [
        r"نقلا عن",
        r"نقلاً عن",
        r"وفقا ل(?:ـ)?",
        r"وفقاً ل(?:ـ)?",
        r"بحسب",
        r"حسب",
        r"ذكرت",  # not «ذكر»: it is also the noun "male"
        r"أفادت",
        r"أفاد",
    ],
}
# What may not be (part of) a cited name: verbs and function words that follow a marker.
_STOP = {
    "en": {"that", "on", "by", "and", "said", "says", "who", "which", "as", "to"},
    "ru": {"что", "на", "и", "о", "об", "по", "с", "а", "который", "которая", "как"},
    "ar": {
        "أن", "إن", "على", "من", "عن", "إلى", "و", "أنه", "أنها", "يوم", "التي", "الذي",
        "بأن", "ما", "حسبما", "عندما",
    },
}  # fmt: skip
# A preposition ends a name unless a name goes on after it ("diplomats at the United
# Nations", not "CNBC in an interview", «газета Morning Post в воскресенье»).
_PREPOSITIONS = {
    "en": {"at", "of", "in", "for", "from", "on", "with", "during", "after", "this", "last"},
    "ru": {"в", "во", "при", "из", "у", "на", "после"},
}
# Allowed inside a name ("diplomats at the United Nations"), never at its end.
_INNER = {
    "en": {"the", "a", "an", "at", "of", "in", "for", "from", "close"},
    "ru": {"в", "при", "из", "у"},
    "ar": {"في", "لدى"},
}
_LEADING = {"en": {"the", "a", "an"}}
_GENERIC = {
    "en": ("source", "diplomat", "official", "witness"),
    "ru": ("источник", "дипломат", "чиновник", "очевид"),
}
_MAX_WORDS = {"en": 6, "ru": 5, "ar": 4}
# Arabic «وفقا لـ» binds to the next word («وفقا لمصادر»): no word boundary after it.
_ALL_MARKERS = "|".join(
    m if m.endswith("ل(?:ـ)?") else rf"{m}(?!\w)" for ms in _MARKERS.values() for m in ms
)
_SPLIT = re.compile(rf"(?<!\w)(?:{_ALL_MARKERS})\s*", re.IGNORECASE)
# "." ends a name unless a letter follows it at once (Selmar.Today, Caliber.Az) or it
# ends an initial or an abbreviation ("U.S.", "John F. Kennedy").
_END = re.compile(r"[,;:!?()\[\]«»\"“”—–،؛؟]|(?<![\s.]\w)(?<!^\w)\.(?!\w)")


def _name(after: str, language: str) -> str | None:
    """The cited name at the start of `after`: up to the next punctuation or marker,
    at most a few words, stop-words trimmed. English and Russian names must start
    with a capital letter or digit (outlets like «РИА Новости», "Reuters")."""
    stop, leading = _STOP.get(language, set()), _LEADING.get(language, set())
    prepositions, inner = _PREPOSITIONS.get(language, set()), _INNER.get(language, set())
    given = [w.strip("'’\"") for w in _END.split(after, maxsplit=1)[0].split()]
    head = next((w.lower() for w in given if w.lower() not in leading), "")
    generic = head.startswith(_GENERIC.get(language, ())) if head else False
    words: list[str] = []
    for k, bare in enumerate(given):
        if bare.lower() in stop:
            break
        if words and bare.lower() in prepositions and not generic:
            rest = [w for w in given[k + 1 : k + 3] if w.lower() not in inner]
            if not (rest and _capital(rest[0])):
                break
        words.append(bare)
        if len(words) >= _MAX_WORDS.get(language, 5):
            break
    while words and words[0].lower() in leading:
        words.pop(0)
    while words and words[-1].lower() in inner:
        words.pop()
    if not words:
        return None
    if language == "en" and not (_capital(words[0]) or generic):
        return None  # "world body's annual General Assembly", "data from the South's…"
    if language == "ru" and not (any(_capital(w) for w in words) or generic):
        return None  # no proper name and no generic source («источник в МИД»)
    return " ".join(words)


def _capital(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def attributions(text: str, language: str | None = None) -> list[str]:
    """Names a sentence attributes its information to, in order of appearance
    ("… as reported by Selmar News Agency citing the defence ministry" gives
    ["Selmar News Agency", "defence ministry"])."""
    return list(_attributions(text, language if language in _MARKERS else script_language(text)))


@lru_cache(maxsize=8192)  # a sentence is read at load, for the timeline and when shown
def _attributions(text: str, language: str) -> tuple[str, ...]:
    found: list[str] = []
    pieces = _SPLIT.split(text)
    for after in pieces[1:]:
        cut = _SPLIT.search(after)
        name = _name(after[: cut.start()] if cut else after, language)
        if name and name not in found:
            found.append(name)
    return tuple(found)


def cited_by(sentences: Iterable[tuple[str, str]]) -> list[str]:
    """Distinct names cited across (text, language) sentences, first mention first."""
    out: list[str] = []
    for text, language in sentences:
        for name in attributions(text, language):
            if name not in out:
                out.append(name)
    return out
