"""People named beside one same person: "between US President Donald Trump and Kim
Jong-un" against «بين باراك أوباما وكيم جونغ أون».

A translator often drops a role ("US President"), and the people rule (checks/people.py)
then has no office to compare. The place still tells who is meant: in two copies of one
sentence, the person coordinated with the same other person ("X and Kim", «X и Ким»,
«X وكيم») is one person. Only between copies (a translation, a reprint): two independent
reports may tell of two meetings. Arabic has no capitals, so there the other side's
shared name is the anchor, and the name is read backwards from it as the people rule
reads a name before a role.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.checks.arabic_names import arabic_name_before
from checker.checks.facts import script_language
from checker.checks.names import _AR_STOP, _close, _named_in, _ru_name_word, clearly_different
from checker.checks.names import _variants as variants
from checker.checks.people import countries

_AND = {"en": r"and|&", "ru": r"и"}
_WORD = re.compile(r"[^\s,;:!?()«»\"“”]+")
# Words that stand before a name without being part of it ("US President Donald Trump").
_TITLES = {
    "president", "minister", "secretary", "leader", "chancellor", "premier", "king",
    "queen", "prince", "princess", "general", "judge", "justice", "senator", "sen.",
    "governor", "gov.", "mayor", "coach", "manager", "ambassador", "envoy", "spokesman",
    "spokeswoman", "chief", "director", "chairman", "chairwoman", "pope", "sheikh", "mr",
    "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "vice", "prime",
    "foreign", "defence", "defense", "the", "a", "an", "former", "between", "with",
}  # fmt: skip


def _name_word(word: str, language: str) -> bool:
    word = word.strip(".,'’")
    if not word[:1].isupper() or word.lower() in _TITLES or re.fullmatch(r"[A-ZА-ЯЁ]{2,}", word):
        return False
    if countries(word, language):
        return False
    return language != "ru" or _ru_name_word(word)


@lru_cache(maxsize=8192)
def coordinated(text: str, language: str) -> tuple[tuple[str, str], ...]:
    """(left, right) for each "Name and Name" in Latin or Cyrillic script: up to three
    name words on each side of the conjunction."""
    if language not in _AND:
        return ()
    out = []
    for m in re.finditer(rf"\s(?:{_AND[language]})\s", text):
        left_words = _WORD.findall(text[max(0, m.start() - 80) : m.start()])
        left: list[str] = []
        for word in reversed(left_words[-3:]):
            if not _name_word(word, language):
                break
            left.insert(0, word)
        if text[: m.start()].rstrip().endswith((",", ";")):
            left = []  # "Paris, London, and Rome": a list, not two people side by side
        right: list[str] = []
        for word in _WORD.findall(text[m.end() : m.end() + 80])[:3]:
            if not _name_word(word, language):
                break
            right.append(word.strip(".,'’"))
        if left and right:
            out.append((" ".join(w.strip(".,'’") for w in left), " ".join(right)))
    return tuple(out)


def _arabic_beside(text: str, anchor: str) -> str | None:
    """In Arabic, the name coordinated before `anchor`: «بين باراك أوباما وكيم» with the
    anchor Kim gives باراك أوباما."""
    targets = {v for v in variants(anchor.split()[0]) if len(v) >= 2}
    for m in re.finditer(r"(?<!\S)و([\u0621-\u064a]{2,})", text):
        if m.group(1) in _AR_STOP or not any(
            _close(v, t) for v in variants(m.group(1)) for t in targets
        ):
            continue
        name = arabic_name_before(text[: m.start()].rstrip())
        if name:
            return name
    return None


def _persons(name: str) -> bool:
    """A name of two or more words: one word ("Iran", "Lakers") may be a place or a team,
    so one side at least must write a whole name."""
    return len(name.split()) >= 2


def beside_conflict(a: str, b: str, language_a: str | None = None,
                    language_b: str | None = None) -> str | None:  # fmt: skip
    """A reason when two copies of one sentence name two different people beside one same
    person, else None."""
    la = language_a or script_language(a)
    lb = language_b or script_language(b)
    for x, y, lx, ly in ((a, b, la, lb), (b, a, lb, la)):
        for left, right in coordinated(x, lx):
            if ly == "ar":
                other = _arabic_beside(y, right)
            else:
                other = next((l2 for l2, r2 in coordinated(y, ly) if _named_in(right, r2)), None)
            if (
                other
                and (_persons(left) or _persons(other))  # a surname beside a whole name
                and not countries(other, ly)
                and clearly_different(left, other)
                and not _named_in(left, y)
                and not _named_in(other, x)
            ):
                return f"different people beside {right}: {left} vs {other}"
    return None
