"""Names after (or before) a Russian role, read with the dictionary (pymorphy3): past the
words that say whose role it is («президент России Владимир Путин», «тренер команды Уилл
Уэйд»), and a name the dictionary misreads as a common word or a verb («Пак», «Ранил»).
checks/people.py reads the roles."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.checks.names import _morph, _ru_name_word

_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}")


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


def ru_name_start(word: str, following: list[str]) -> bool:
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


def russian_name(rest: str) -> str | None:
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
        if not quoted and ru_name_start(word, words[k + 1 : k + 2]):
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
        if not name and not (_ru_name_word(word) or ru_name_start(word, words[n + 1 : n + 2])):
            break
        # «аль-Асад», «бин», «де»: the particle alone or hyphenated, not a word that
        # starts like one («действительно» after «Дональда Трампа»)
        particle = re.fullmatch(
            r"(?:аль|ал|эль|ибн|бен|бин|де|ван|фон|дер|ден|ла)(?:-[А-ЯЁ][\w'’-]*)?", word
        )
        if (
            name
            and not particle
            and (not re.fullmatch(r"[А-ЯЁ][\w'’-]*", word) or _ACRONYM.fullmatch(word))
        ):
            break
        name.append(word)
        if len(name) - sum(w.islower() for w in name) == 3:  # «Урсула фон дер Ляйен»
            break
    return " ".join(name) or None


_RU_POST = re.compile(
    r"(?i)(?:на\s+посту|на\s+пост|на\s+должност\w+|в\s+должности|в\s+качестве)\s*$"
)


def russian_post_holder(before: str) -> str | None:
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
