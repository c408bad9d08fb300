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
from functools import cache, lru_cache

from checker.checks.arabic_names import arabic_appositive, arabic_name
from checker.checks.facts import script_language
from checker.checks.names import (  # noqa: F401 (skeleton is re-exported)
    _named_in,
    _ru_name_word,
    capital_name_word,
    clearly_different,
    skeleton,
)
from checker.checks.roles import COUNTRIES, FORMER, ROLES
from checker.checks.russian_names import ru_name_start, russian_name, russian_post_holder

_CAP = r"[A-ZА-ЯЁ][\w'’-]*"
# Capitalised words, with the particles some names carry (Walid al-Moualem, bin Salman).
_PARTICLE = r"(?:(?:al-|el-|bin\s+|ibn\s+|de\s+|da\s+|van\s+|von\s+|der\s+|den\s+|la\s+){1,2})"
_EN_NAME = rf"{_CAP}(?:\s+{_PARTICLE}?{_CAP}|-{_CAP}|\s+{_PARTICLE}[A-Z][\w'’-]*){{0,2}}"
_INITIAL = re.compile(r"(?<!\w)([A-ZА-ЯЁ][a-zа-яё]?)\.\s*(?=[A-ZА-ЯЁ])")
_EN_STOP = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But",
            "And", "This", "That", "His", "Her", "Their", "Its", "Mr", "Mrs", "Ms", "Dr",
            "League", "Court", "Council", "Party", "Office", "House", "Sheikh"}  # fmt: skip


def _compile(language: str) -> list[tuple[str, str]]:
    out = []
    for key, (_, patterns) in ROLES.items():
        for pattern in patterns.get(language, []):
            if language == "en":
                regex = (
                    rf"(?<![\w-])(?i:{pattern})(?P<org>,?\s+(?:of|to)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*?)?"
                    # "president of the European Commission, Jean-Claude Juncker": the
                    # body's last word is no name when a name follows it
                    rf",?\s+(?P<name>{_EN_NAME})(?(org)(?![\w'’-])(?!,\s+{_CAP}))"
                )
            elif language == "ru":
                rest = r"(?P<rest>(?:\s*[«»\"“”,]*\s+[^\s.;:!?()]+){1,6})"
                regex = rf"(?<![\w-])(?i:{pattern})(?:-[а-яё]+)?{rest}"
            else:
                # a two-word role may be glued to the word before it («تحفيزعضو مجلس»)
                glued = r"|(?<=[\u0621-\u064a])" if " " in pattern else ""
                regex = rf"(?:(?<!\S)(?:[وفبل]|لل)?{glued}){pattern}(?P<rest>(?:\s+\S+){{1,8}})"
            out.append((key, regex))
    return out


def _apposition(language: str) -> list[tuple[str, str]]:
    """ "Petra Holm, the defence minister", «Барак Обама, президент США», «أوليا أرياني،
    المتحدثة باسم»: the name first."""
    if language == "ar":  # «أوليا أرياني، المتحدثة باسم», «لوك والتون مدرب لاكيرز»
        name = r"(?P<name>[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,2})"
        # no conjunction before the role: «بين كيم وزعيم كوريا» is Kim *and* the leader
        sep, det = r"(?:\s*،\s*|\s+)", ""  # a space at least: «تحفيزعضو» is glued text
    else:
        name = rf"(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})"
        sep, det = r",\s+", r"(?:(?:the|a|an)\s+)?(?:\w+\s+)?" if language == "en" else ""
    # A role followed by a name is read the other way ("Middle East, US Interior
    # Secretary Ryan Zinke" names Zinke, not the Middle East).
    # In Russian a capitalised genitive may follow («пресс-секретарь Индонезийского
    # Красного Креста»): a name there is checked in `_people`.
    then = r"(?![\w-])" if language == "ru" else r"(?![\w-])(?!,?\s+(?:of\s+)?[A-ZА-ЯЁ])"
    return [
        (key, rf"{name}{sep}{det}(?i:{pattern}){then}")
        for key, (_, patterns) in ROLES.items()
        for pattern in patterns.get(language, [])
    ]


_ROLE_LANGUAGES = ("en", "ru", "ar")
# a monarch's number after the name: no part of the name itself
_REGNAL = re.compile(r"\s+(?:[IVX]{1,4}|ال(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن))$")


@cache
def _sources(language: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A language's role patterns as text, the role-first ones and the name-first ones,
    both in the order of `_role_words`' groups."""
    return _compile(language), _apposition(language)


@cache
def _regex(source: str) -> re.Pattern[str]:
    """A role pattern compiled at its first use: of the 512, a sentence needs those of
    the role words it holds (all of them took 0.3 s of a one-pair run's start)."""
    return re.compile(source)


@cache
def _any_role(language: str) -> re.Pattern[str]:
    """Every role word of a language in one pattern: most sentences name no role, and
    one scan for them costs less than the hundreds of role regexes (2 ms a sentence)."""
    return re.compile("|".join(w.pattern for w in _role_words(language)))


@cache
def _role_words(language: str) -> list[re.Pattern[str]]:
    """Each role word alone, in the patterns' order (65 small regexes: 4 ms to compile),
    to tell which role patterns a sentence needs."""
    words = [p for _, patterns in ROLES.values() for p in patterns.get(language, [])]
    return [re.compile(f"(?i:{word})" if language != "ar" else word) for word in words]


def _present(text: str, language: str) -> list[int]:
    """The indices of the role words in `text`, in the patterns' order (each searched
    alone: in one alternation «Председатель КНР» is found as a chair only)."""
    if not _any_role(language).search(text):
        return []
    return [k for k, word in enumerate(_role_words(language)) if word.search(text)]


# Words that make a name after a role an institution's ("King Salman Center", "Martin
# Luther King Jr. Day"), not a person's.
_INSTITUTION = set(
    "Center Centre Foundation Street Road Avenue Hospital University Airport Corp Inc Co "
    "Ltd Day Award Prize Stadium Bridge Cup Trophy School College Institute Museum "
    "Library Prison Fund Trust Committee Commission Council Assembly Parliament Senate "
    "Congress Agency Ministry Department Organization Organisation Authority Board".split()
)
_COMPANY = {"Corp", "Inc", "Co", "Ltd"}  # a company alone after the role word
# An organisation's acronym between a role and a name (UN, ООН, NATO, ЕС), not a name.
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}")


@dataclass(frozen=True)
class Person:
    role: str
    name: str
    # What makes the role another office: the country ("French President", «президент
    # России», «الرئيس الروسي») as a code, and "former" (former, shadow, acting, deputy).
    office: frozenset[str] = frozenset()


def _country_patterns(language: str) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for code, forms in COUNTRIES.items():
        body = "|".join(forms.get(language, []))
        if language == "en":
            regex = rf"(?<![\w-])(?:{body})(?![\w-])"
        elif language == "ru":
            regex = rf"(?<![\w-])(?i:{body})"
        else:
            # the feminine and plural adjective too (البريطانية, الروسيين)
            regex = rf"(?<!\S)[وبل]?(?:{body})(?:ة|ين|ون)?(?!\w)"
        out.append((code, re.compile(regex)))
    return out


_COUNTRY_RE = {language: _country_patterns(language) for language in ("en", "ru", "ar")}
_FORMER_RE = {
    language: re.compile(rf"(?<![\w-])(?:{pattern})", re.IGNORECASE)
    for language, pattern in FORMER.items()
}


@lru_cache(maxsize=16384)
def countries(text: str, language: str) -> frozenset[str]:
    """The countries `text` names, as codes, in any of their forms («России», "Russian")."""
    if language not in _COUNTRY_RE:
        return frozenset()
    return frozenset(code for code, regex in _COUNTRY_RE[language] if regex.search(text))


def _office(qualifying: str, language: str) -> frozenset[str]:
    """The country codes and "former" named in the words that qualify a role."""
    found = set(countries(qualifying, language))
    if _FORMER_RE[language].search(qualifying):
        found.add("former")
    return frozenset(found)


def _qualifying(text: str, start: int, end: int, name: str, language: str) -> str:
    """The words that qualify the role of a match: up to three just before it
    ("North Korean Foreign Minister", «бывший президент»), those between the role and
    the name («президент России Владимир Путин», «الرئيس الروسي بوتين») and, in English,
    "of Panama" after the name."""
    before = text[max(0, start - 40) : start]
    words = re.findall(r"[^\s,;:()«»\"“”]+", before)
    if re.search(r"[,;:()«»\"“”.]\s*$", before) or not words:
        words = []
    kept: list[str] = []
    for word in reversed(words[-3:]):
        if language == "en" and not (word[:1].isupper() or _FORMER_RE["en"].fullmatch(word)):
            break
        kept.insert(0, word)
    match = text[start:end]
    at = match.find(name.split()[0]) if name else -1
    between = match[: at if at > 0 else len(match)]
    after = ""
    if language == "en":
        tail = re.match(r"\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", text[end : end + 40])
        after = tail.group(0) if tail else ""
    # initials were marked for the name reader ("U.S." → "U_ S_"): a country again
    return (" ".join(kept) + " " + between + " " + after).replace("_ ", ".")


def people(text: str, language: str | None = None) -> list[Person]:
    """People named with a role in a sentence, in order, each (role, name) once."""
    return list(_people(text, language if language in _ROLE_LANGUAGES else script_language(text)))


@lru_cache(maxsize=8192)  # a sentence sits in several pairs
def _people(text: str, language: str) -> tuple[Person, ...]:
    found: list[Person] = []
    # Matched spans, apart for the two readings: "X, role of Y Z" may name X and Y Z.
    spans: dict[bool, list[tuple[int, int]]] = {False: [], True: []}
    marked = _INITIAL.sub(r"\1_ ", text)  # "J. D. Martin" → "J_ D_ Martin": one name
    present = _present(marked, language)
    if not present:
        return ()
    role_first, name_first = _sources(language)
    readings = [(False, role_first[k]) for k in present] + [(True, name_first[k]) for k in present]
    for apposition, (key, source) in readings:
        regex = _regex(source)
        for m in regex.finditer(marked):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in spans[apposition]):
                continue  # a longer role already matched here ("vice president")
            if language == "ar" and not apposition:
                name = arabic_name(m.group("rest"))
            elif language == "ar":
                name = arabic_appositive(m.group("name"), marked[m.end("name") : m.end()])
            elif language == "ru" and not apposition:
                name = russian_name(m.group("rest")) or russian_post_holder(marked[: m.start()])
            else:
                name = m.group("name")
                first, *more = name.split()
                if language == "ru" and not (
                    _ru_name_word(first) or ru_name_start(first, more[:1])
                ):
                    name = None
                following = re.match(r"\s+([А-ЯЁ][\w'’-]*)", marked[m.end() :])
                if language == "ru" and following and _ru_name_word(following.group(1)):
                    name = None  # «…, президент Владимир Путин»: the role names him
            if not name:
                continue
            words = name.split()
            while words and (_ACRONYM.fullmatch(words[0]) or words[0] in _EN_STOP):
                words.pop(0)  # "посланник ООН Дж. Д. Мартин": ООН is the employer
            if not words:
                continue
            name = re.sub(r"['’]s$", "", " ".join(words)).replace("_ ", ". ")
            name = _REGNAL.sub("", name) or name  # "Abdullah II", «عبد الله الثاني»
            last = words[-1].rstrip(".")
            if last in _COMPANY or (len(words) > 1 and last in _INSTITUTION):
                continue  # "the Pope Francis Foundation", "Burger King Corp.": no person
            # In Russian and Arabic the match runs on over six words after the role: the
            # role alone is kept, or a second role there would go unread («вице-президентом
            # США Дж. Д. Вэнсом и премьер-министром Израиля Биньямином Нетаньяху»).
            rest = "rest" in regex.groupindex and not apposition
            spans[apposition].append((m.start(), m.start("rest") if rest else m.end()))
            office = _office(_qualifying(marked, m.start(), m.end(), name, language), language)
            person = Person(key, name, office)
            if person not in found:
                found.append(person)
    return tuple(found)


def same_office(x: Person, y: Person) -> bool:
    """One office: the same role, both current or both former, and no two different
    countries named (one side naming none may be the same). A body's head is its chair in
    one language and its president in another («Председатель Еврокомиссии», "European
    Commission President"): the two are one office where no country is named."""
    if _office_role(x) != _office_role(y) or ("former" in x.office) != ("former" in y.office):
        return False
    cx, cy = x.office - {"former"}, y.office - {"former"}
    return not (cx and cy and not cx & cy)


def _office_role(p: Person) -> str:
    """The role, a body's chair read as its president where no country is named."""
    return "president" if p.role == "chair" and not p.office - {"former"} else p.role


def _unmatched(x: Person, others: list[Person]) -> bool:
    """True when someone holds `x`'s office on the other side and none of them can be
    `x`."""
    rivals = [y for y in others if same_office(x, y)]
    return bool(rivals) and all(clearly_different(x.name, y.name) for y in rivals)


def _whole_name(name: str, language: str | None, text: str) -> bool:
    """A name read for sure: two or more capitalised name words, in a script with
    capitals (an Arabic reading may run on into a common word)."""
    words = name.split()
    if len(words) < 2 or (language or script_language(text)) not in ("en", "ru"):
        return False
    return all(map(capital_name_word, words))


def _sure_rival(
    in_a: list[Person], in_b: list[Person], a: str, b: str, language_b: str | None
) -> tuple[list[str], list[str]]:
    """The holders in `a` and a whole name in `b`'s role that `a` never writes and none
    of them can be (each list empty when there is none)."""
    for y in in_b:
        if not _whole_name(y.name, language_b, b) or _named_in(y.name, a):
            continue
        holders = [x for x in in_a if same_office(x, y)]
        # a holder `b` names in this office too is one of two people there, not a rival
        # ("Presidents Aliyev and Putin met" against "President Putin met him")
        held_in_b = any(
            not clearly_different(x.name, z.name) for x in holders for z in in_b if z != y
        )
        if holders and not held_in_b and all(clearly_different(x.name, y.name) for x in holders):
            return [x.name for x in holders], [y.name]
    return [], []


def role_conflict(a: str, b: str, language_a: str | None = None,
                  language_b: str | None = None) -> str | None:  # fmt: skip
    """A reason when both sentences name someone in the same role and no name on one
    side can be a name on the other, else None. The caller decides whether the two
    sentences say the same thing (the pipeline asks for close paraphrases: two
    presidents of two countries in loosely related sentences are no conflict)."""
    pa, pb = people(a, language_a), people(b, language_b)
    reasons = []
    for role in dict.fromkeys(map(_office_role, pa)):
        in_a = [p for p in pa if _office_role(p) == role]
        in_b = [p for p in pb if _office_role(p) == role]
        if not in_b:
            continue
        # Each person with no counterpart in the same office on the other side (two
        # energy ministers in one sentence: the one named on both sides is no conflict;
        # the French and the Russian president are two offices, never in conflict).
        # A rival the other sentence itself writes is no rival: «представителя полиции
        # Василлы» reads a town as a spokesman's name, and "Wasilla" is in the English.
        rivals_b = [y for y in in_b if not _named_in(y.name, a)]
        rivals_a = [x for x in in_a if not _named_in(x.name, b)]
        left_a = [x.name for x in in_a if _unmatched(x, rivals_b)]
        left_b = [y.name for y in in_b if _unmatched(y, rivals_a)]
        left_a = [x for x in left_a if not _named_in(x, b)]
        left_b = [y for y in left_b if not _named_in(y, a)]
        if not (left_a and left_b):
            # A name the other sentence writes elsewhere is the same person read in
            # another place, unless that sentence gives the role a whole name of its own
            # that the first never writes («президент Барак Обама … Трамп заявил» against
            # "President Trump"): a copy names one holder, not two.
            left_a, left_b = _sure_rival(in_a, in_b, a, b, language_b)
            if not left_a:
                left_b, left_a = _sure_rival(in_b, in_a, b, a, language_a)
        if left_a and left_b:
            label = ROLES[role][0]
            reasons.append(
                f"different people as {label}: {', '.join(left_a)} vs {', '.join(left_b)}"
            )
    return "; ".join(reasons) or None
