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
    _AR_STOP,
    _morph,
    _named_in,
    _ru_name_word,
    capital_name_word,
    clearly_different,
    skeleton,
)
from checker.checks.roles import COUNTRIES, FORMER, ROLES

_CAP = r"[A-ZА-ЯЁ][\w'’-]*"
# Capitalised words, with the particles some names carry (Walid al-Moualem, bin Salman).
_PARTICLE = r"(?:al-|el-|bin\s+|ibn\s+|de\s+|da\s+|van\s+|von\s+|der\s+)"
_EN_NAME = rf"{_CAP}(?:\s+{_PARTICLE}?{_CAP}|-{_CAP}|\s+{_PARTICLE}[A-Z][\w'’-]*){{0,2}}"
_INITIAL = re.compile(r"(?<!\w)([A-ZА-ЯЁ][a-zа-яё]?)\.\s*(?=[A-ZА-ЯЁ])")
_EN_STOP = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But",
            "And", "This", "That", "His", "Her", "Their", "Its", "Mr", "Mrs", "Ms", "Dr",
            "League", "Court", "Council", "Party", "Office", "House"}  # fmt: skip


def _compile(language: str) -> list[tuple[str, re.Pattern[str]]]:
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
            out.append((key, re.compile(regex)))
    return out


def _apposition(language: str) -> list[tuple[str, re.Pattern[str]]]:
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
        (key, re.compile(rf"{name}{sep}{det}(?i:{pattern}){then}"))
        for key, (_, patterns) in ROLES.items()
        for pattern in patterns.get(language, [])
    ]


_ROLE_LANGUAGES = ("en", "ru", "ar")


@cache
def _patterns(language: str) -> tuple[list[tuple[str, re.Pattern[str]]], int]:
    """A language's role patterns, the role-first ones then the name-first ones, and
    where the name-first ones start. Compiled at first use, not at import: their 512
    regexes took 0.2 s of every start, `checker --help` included."""
    first = _compile(language)
    return first + _apposition(language), len(first)


@cache
def _any_role(language: str) -> re.Pattern[str]:
    """Every role word of a language in one pattern: most sentences name no role, and
    one scan for them costs less than the hundreds of role regexes (2 ms a sentence)."""
    words = [p for _, patterns in ROLES.values() for p in patterns.get(language, [])]
    return re.compile("(?i:" + "|".join(words) + ")" if language != "ar" else "|".join(words))


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


_RU_NOT_LINKING = {"что", "как", "который", "которая", "которые", "когда", "если", "чтобы"}


@lru_cache(maxsize=65536)
def _ru_linking(word: str) -> bool:
    """A lowercase word that can stand between a Russian role and the name: whose role
    it is («тренер команды», «сенатор от демократов», «министр по делам бизнеса и
    предпринимательства»), never a verb («президент заявил, что …»)."""
    if not re.fullmatch(r"[а-яё-]+", word):
        return False
    parse = _morph().parse(word)[0]
    return parse.tag.POS in {"NOUN", "ADJF", "PREP", "CONJ", "NUMR"} and word not in _RU_NOT_LINKING


# Parts of speech a capitalised word inside a sentence cannot be: a name that the
# dictionary reads as a verb or an adverb («Ранил», «Нашид»).
_RU_NOT_NAMING = {"VERB", "INFN", "GRND", "PRTS", "ADVB", "PRED"}


def _ru_name_start(word: str, following: list[str]) -> bool:
    """A capitalised word the dictionary knows as a common noun («Пак», «Мун») that
    starts a foreign name: in the nominative, not an abbreviation, and followed by a
    name word. A country or an organisation after a role stands in the genitive
    («президент России», «лидер КНДР»)."""
    if not following or not re.fullmatch(r"[А-ЯЁ][а-яё]+", word):
        return False
    after = following[0]
    if not (_ru_name_word(after) or (after[:1].isupper() and not _morph().word_is_known(after))):
        return False  # (a word no dictionary knows, whatever its ending: «Викрамасингхе»)
    every = _morph().parse(word)
    if "Geox" in every[0].tag and _morph().word_is_known(word):
        return False  # «Индии»: the country whose role it is
    if every[0].tag.POS in _RU_NOT_NAMING:
        return True  # «президент Шри-Ланки Ранил Викрамасингхе»: no verb has a capital there
    parses = [p for p in every if p.tag.POS == "NOUN"]
    return any("nomn" in p.tag and "Abbr" not in p.tag for p in parses) and not any(
        "gent" in p.tag and "sing" in p.tag for p in parses[:1]
    )


_RU_PLACE_PREPOSITIONS = {"от", "из", "в", "во", "на", "для"}


def _ru_place_after(before: list[str], word: str) -> bool:
    """A word after «от», «из», «в» that the dictionary guesses is a place: where the role
    is from («сенатор от Аризони Джеффом Флейком», a misspelt place), not the name."""
    preposition = bool(before) and before[0].lower() in _RU_PLACE_PREPOSITIONS
    return preposition and "Geox" in _morph().parse(word)[0].tag


def _russian_name(rest: str) -> str | None:
    """The name after a Russian role, past the words that say whose role it is
    («президент России Владимир Путин», «министр энергетики США Рик Перри», «тренер
    команды Уилл Уэйд», «тренер «Манчестер Сити», Пеп Гвардиола»)."""
    words = re.findall(r"[«»\"“”]|[^\s«»\"“”,]+|,", rest)
    k = 0
    quoted = False
    while (
        k < len(words)
        and k < 7
        and not (
            not quoted
            and _ru_name_word(words[k])
            and not _ru_place_after(words[k - 1 : k], words[k])
        )
    ):
        word = words[k]
        if not quoted and _ru_name_start(word, words[k + 1 : k + 2]):
            break  # «лидером Пак Кын Хе»: a nominative word the dictionary knows, then a name
        if word in '«»"“”':
            quoted = word in '«"“' and not quoted
        elif word == ",":
            pass
        elif not (quoted or word[:1].isupper() or _ru_linking(word)):
            return None  # «президент заявил»: no name
        k += 1
    name: list[str] = []
    for n, word in enumerate(words[k:], start=k):
        if not name and not (_ru_name_word(word) or _ru_name_start(word, words[n + 1 : n + 2])):
            break
        # «аль-Асад», «бин», «де»: the particle alone or hyphenated, not a word that
        # starts like one («действительно» after «Дональда Трампа»)
        particle = re.fullmatch(r"(?:аль|ал|эль|ибн|бен|бин|де|ван|фон)(?:-[А-ЯЁ][\w'’-]*)?", word)
        if (
            name
            and not particle
            and (not re.fullmatch(r"[А-ЯЁ][\w'’-]*", word) or _ACRONYM.fullmatch(word))
        ):
            break
        name.append(word)
        if len(name) == 3:
            break
    return " ".join(name) or None


_RU_POST = re.compile(
    r"(?i)(?:на\s+посту|на\s+пост|на\s+должност\w+|в\s+должности|в\s+качестве)\s*$"
)


def _russian_post_holder(before: str) -> str | None:
    """The holder of a role named after it: the first name of its clause («как Холт
    сменил Кенни Миллера на посту главного тренера»: Холт, the subject, holds it)."""
    post = _RU_POST.search(before)
    if not post:
        return None
    clause = re.split(r"[,.;:!?«»()\"“”—]", before[: post.start()])[-1].split()[-8:]
    for k, word in enumerate(clause):
        if word[:1].isupper() and _ru_name_word(word):
            name = [word]
            for more in clause[k + 1 : k + 3]:
                if not (more[:1].isupper() and _ru_name_word(more)):
                    break
                name.append(more)
            return " ".join(name)
    return None


def people(text: str, language: str | None = None) -> list[Person]:
    """People named with a role in a sentence, in order, each (role, name) once."""
    return list(_people(text, language if language in _ROLE_LANGUAGES else script_language(text)))


@lru_cache(maxsize=8192)  # a sentence sits in several pairs
def _people(text: str, language: str) -> tuple[Person, ...]:
    found: list[Person] = []
    # Matched spans, apart for the two readings: "X, role of Y Z" may name X and Y Z.
    spans: dict[bool, list[tuple[int, int]]] = {False: [], True: []}
    marked = _INITIAL.sub(r"\1_ ", text)  # "J. D. Martin" → "J_ D_ Martin": one name
    if not _any_role(language).search(marked):
        return ()
    patterns, apposition_start = _patterns(language)
    for k, (key, regex) in enumerate(patterns):
        apposition = k >= apposition_start
        for m in regex.finditer(marked):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in spans[apposition]):
                continue  # a longer role already matched here ("vice president")
            if language == "ar" and not apposition:
                name = arabic_name(m.group("rest"))
            elif language == "ar":
                name = arabic_appositive(m.group("name"), marked[m.end("name") : m.end()])
            elif language == "ru" and not apposition:
                name = _russian_name(m.group("rest")) or _russian_post_holder(marked[: m.start()])
            else:
                name = m.group("name")
                first, *more = name.split()
                if language == "ru" and not (
                    _ru_name_word(first) or _ru_name_start(first, more[:1])
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
    countries named (one side naming none may be the same)."""
    if x.role != y.role or ("former" in x.office) != ("former" in y.office):
        return False
    cx, cy = x.office - {"former"}, y.office - {"former"}
    return not (cx and cy and not cx & cy)


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
    for role in dict.fromkeys(p.role for p in pa):
        in_a = [p for p in pa if p.role == role]
        in_b = [p for p in pb if p.role == role]
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
