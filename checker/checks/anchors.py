"""What shows that two sentences of independent reports tell one event: a name both
write (in any script, read as the people rule reads names) or a figure both state.

Two similar sentences from unrelated articles ("won 5-3 in Dundee" and "a 1-0 win at
the Etihad"; a 20-year-old victim and the fortieth anniversary) are not one fact told
twice, and a figure rule between them is a false alarm. Between copies of one story (a
translation, a reprint, a draft retelling its source) the copy itself is that evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.checks.facts import script_language
from checker.checks.names import _close, skeleton
from checker.checks.people import countries

_NAME = re.compile(r"(?<![\w'’-])([A-ZА-ЯЁ][\w'’-]{2,})")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{3,}")
# Capitalised words that name nothing in particular.
_COMMON = {
    "The", "This", "That", "These", "Those", "There", "Their", "They", "When", "What",
    "But", "And", "For", "With", "After", "Before", "While", "Since", "His", "Her", "Its",
    "Our", "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Это", "Как", "Его", "Она",
    "Они", "Однако", "После", "Также", "При", "Для", "Что", "Так", "Все",
}  # fmt: skip
_MIN_CONSONANTS = 3


@lru_cache(maxsize=16384)
def _names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Skeletons of the words of `text` that may be names: capitalised words in Latin
    and Cyrillic script, and (no capitals there) every Arabic word without its article;
    then the short skeletons (two consonants: Palu = Палу) of capitalised words only."""
    capitalised = {skeleton(w) for w in _NAME.findall(text) if w not in _COMMON}
    arabic = {skeleton(w[2:] if w.startswith("ال") else w) for w in _ARABIC_WORD.findall(text)}
    long = frozenset(s for s in capitalised | arabic if len(s) >= _MIN_CONSONANTS)
    short = frozenset(s for s in capitalised if len(s) == _MIN_CONSONANTS - 1)
    return long, short


def name_skeletons(text: str) -> frozenset[str]:
    """The skeletons of the words of `text` that may be names, of three consonants or
    more (`_names`): what pairing shares across scripts (pair/evidence.py)."""
    return _names(text)[0]


def shared_name(a: str, b: str) -> bool:
    """True when a name of one sentence is written in the other, or both name one
    country in any of its forms (checks/roles.py COUNTRIES). Between two Arabic
    sentences every word is a candidate name, so only a shared word of four consonants
    or more counts."""
    script_a, script_b = script_language(a), script_language(b)
    if countries(a, script_a) & countries(b, script_b):
        return True  # "the UK's market", «рынок Великобритании»
    (long_a, short_a), (long_b, short_b) = _names(a), _names(b)
    # one name written twice: equal skeletons, or one edit apart from four consonants
    # on (Brighton «Брайтона»: brhtn, brtn)
    common = {x for x in long_a for y in long_b if _close(x, y)}
    if script_a == script_b == "ar":
        return any(len(s) >= _MIN_CONSONANTS + 1 for s in common)
    return bool(common or short_a & short_b)
