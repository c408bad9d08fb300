"""Names after (or before) an Arabic role, read without capitals: past the role's
adjectives, its country and the places that qualify it («حاكم ولاية كاليفورنيا»), up to a
word that cannot be part of a name (checks/people.py reads the roles)."""

from __future__ import annotations

import re

from checker.checks.names import _AR_STOP
from checker.checks.roles import COUNTRIES

_AR_WORD = re.compile(r"[\u0621-\u064a\u0670-\u06d3]+[\u064b-\u0652]*")
_TANWEEN = re.compile(r"[\u064b-\u064d]|اً$|ًا$")
# Arabic country words that stand between a role and the name («رئيس بنما خوان …»).
_AR_COUNTRY_WORDS = {f.split()[0] for forms in COUNTRIES.values() for f in forms["ar"]}


def arabic_name_before(text: str) -> str | None:
    """The name words just before an Arabic role («قالت أوليا أرياني، المتحدثة»): read
    from the role backwards, up to a word that cannot be part of a name."""
    words: list[str] = []
    for raw in reversed(text.split()):
        bare = re.sub(r"[\u064b-\u0652]", "", re.sub(r"[،,.؛:!?؟«»\"()]+$", "", raw))
        if len(bare) < 2 or bare in _AR_STOP or _TANWEEN.search(raw) or bare.startswith("ال"):
            break
        if raw != text.split()[-1] and re.search(r"[،,.؛:]$", raw):
            break
        words.insert(0, bare)
    return " ".join(words[-3:]) or None


_AR_DEFINITE = re.compile(r"(?:ال|وال|لل|بال)")


def arabic_appositive(name: str, role: str) -> str | None:
    """The name before an Arabic role (`role`: the text from the name's end through the
    role). After a bare space a definite role is a genitive («كتاب الملك جيمس»: the
    king's book); an appositive role there is a construct («لوك والتون مدرب لاكيرز»)."""
    if "،" not in role and "," not in role and _AR_DEFINITE.match(role.strip()):
        return None
    return arabic_name_before(name)


# Between an Arabic role and the name: nouns whose complement is a proper noun (a state,
# a city, an alliance) and the prepositions of a post («عن ولاية», «لدى الأمم المتحدة»).
_AR_PLACE_NOUNS = {"ولاية", "مدينة", "حلف", "منظمة", "حزب", "نادي", "منتخب", "جامعة", "شركة",
                   "مقاطعة", "إقليم", "جمهورية", "مملكة", "دولة", "بلدية", "مجلس", "البلاد",
                   "الحكومة",
                   # bodies whose head is named after them: «رئيسة صندوق النقد الدولي»
                   "صندوق", "بنك", "مصرف", "هيئة", "وكالة", "مفوضية", "لجنة", "اتحاد",
                   "وزارة", "محكمة", "مكتب", "برنامج", "مؤسسة", "جهاز", "حركة", "جبهة",
                   "تحالف", "رابطة", "نقابة", "اللجنة"}  # fmt: skip
_AR_QUALIFIER = {"عن", "لدى", "في"}


def _ar_qualified(preposition: str, following: list[str]) -> bool:
    """A preposition after a role qualifies it when a place follows («عن ولاية», «في
    مجلس الشيوخ»; after «لدى», the post, any defined noun: «لدى الأمم المتحدة»), not a
    topic or a scene («الرئيس عن الاقتصاد», «الرئيس في العاصمة»)."""
    word = following[0] if following else ""
    return _ar_place(word) or (preposition == "لدى" and word.startswith("ال"))


def _ar_place(word: str) -> bool:
    """«ولاية», «لولاية», «وحلف»: a noun whose complement is a place or a body."""
    return word in _AR_PLACE_NOUNS or (word[:1] in "لو" and word[1:] in _AR_PLACE_NOUNS)


def arabic_name(rest: str, after_role: bool = True) -> str | None:
    """One to three name words after an Arabic role, skipping its adjectives (words with
    ال): «وزير الخارجية الأرفاني بترا هولم», «الرئيس ترامب», «وليد المعلم»; after an
    employer and a comma, the words after the comma («مدرب سيتي، بيب جوارديولا»)."""
    parts = re.split(r"[،,]", rest, maxsplit=2)
    if len(parts) > 1 and after_role:
        first = arabic_name(parts[0], after_role=True)
        second = arabic_name(parts[1], after_role=False)
        if first and second and len(first.split()) == 1:
            return second
    words: list[str] = []
    skipped = 0
    place = False  # the word after «ولاية», «حلف», …: a proper noun, not the name
    split = rest.split()
    for n, raw in enumerate(split):
        word = re.sub(r"[،,.؛:!?؟«»\"()]+$", "", raw)
        bare = re.sub(r"[\u064b-\u0652]", "", word)
        if (
            after_role
            and not words
            and skipped < 6
            and (
                place
                or bare.startswith(("ال", "وال", "لل"))
                or bare in _AR_COUNTRY_WORDS
                or (bare in _AR_QUALIFIER and _ar_qualified(bare, split[n + 1 : n + 2]))
                # «السناتور المنتمي إلى الحزب الديمقراطي ديان فاينشتاين»: of a party
                or (bare == "إلى" and n > 0 and split[n - 1].startswith("المنتمي"))
                or _ar_place(bare)
            )
        ):
            # «حاكم ولاية كاليفورنيا جيري براون», «السيناتور الجمهوري عن ولاية أريزونا
            # جيف فليك», «سفيرة الولايات المتحدة لدى الأمم المتحدة نيكي هايلي»
            place = _ar_place(bare)
            skipped += 1
            if word != raw:
                return None
            continue
        if not bare or bare in _AR_STOP or _TANWEEN.search(word) or not _AR_WORD.fullmatch(word):
            break
        if bare.startswith(("بال", "لل", "فال", "بإ", "بأ", "لإ", "لأ")) or (
            bare.startswith("كال") and not words
        ):
            # a preposition and a noun («بإدانة», «بالحكومة»), not a name; after a first
            # name «كال» starts a surname (إبراهيم كالين, جون كاليباري)
            break
        words.append(bare)
        if len(words) == 3 or word != raw:
            break
    return " ".join(words) or None
