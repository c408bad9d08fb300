"""Names compared across scripts: a consonant skeleton shared by Latin, Cyrillic and
Arabic letters (vowels drop out, so "Holm", «Хольм», «Хольма» and «هولم» all read
"hlm"), and whether two names cannot be one person. Used by the people rule
(checks/people.py), the anchors between independent reports (checks/anchors.py) and
the story names of a corpus (corpus/names.py)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from checker.checks.numwords import _morph  # one dictionary, loaded once

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# Arabic words that are never a name (verbs of saying, prepositions, pronouns): Arabic
# has no capitals to tell a name by.
_AR_STOP = {
    "قال", "وقال", "قالت", "وقالت", "أكد", "وأكد", "أكدت", "وأكدت", "أعلن", "وأعلن",
    "أعلنت", "وأعلنت", "إن", "أن", "في", "على", "من", "عن", "إلى", "مع", "خلال", "يوم",
    "بعد", "قبل", "الذي", "التي", "هذا", "هذه", "كما", "أنه", "أنها", "لن", "لا", "لم",
    "قد", "كان", "كانت", "وكان", "ما", "عندما", "حيث", "بأن", "لأن", "إنه", "إنها", "منذ",
    "أمس", "اليوم", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "وذلك", "ذلك", "يقول", "تقول", "وفقا", "وفقًا", "حسب", "بين", "عبر",
    "أيضا", "أيضًا", "الذين", "هو", "هي", "وهو", "وهي", "كل", "غير", "أي", "بشأن", "لدى",
    "لما", "مما", "عما", "بما", "طبقا", "ذكر", "وذكر", "أضاف", "وأضاف",
    # prepositions that stand before a role («الاتهامات ضد القاضي»), never a name
    "ضد", "نحو", "حول", "تجاه", "أمام", "خلف", "دون", "لصالح", "بحق", "برئاسة", "بقيادة",
    # «قام … بتدريب» (did …): the auxiliary verb before a name and its role
    "قام", "وقام", "قامت", "وقامت", "يقوم", "تقوم",
    # "himself", "by name": after a name, never part of it
    "بعينه", "بعينها", "نفسه", "نفسها", "ذاته", "ذاتها", "شخصيا", "شخصيًا",
    # the body a head heads («رئيس لجنة الأمن», «رئيس مجلس النواب»), never a name
    "لجنة", "مجلس", "هيئة", "حزب", "شركة", "جامعة", "منظمة", "اتحاد", "نادي", "فريق",
    "وفد", "مكتب", "إدارة", "جمهورية", "دولة", "حكومة", "بلدية", "محكمة", "جهاز",
}  # fmt: skip


@lru_cache(maxsize=65536)
def _ru_name_word(word: str) -> bool:
    """A capitalised Russian word that can be a name: the dictionary knows it as a first
    name, surname or patronymic, or does not know it at all (foreign names); a country,
    an organisation or an adjective («Индонезийского Красного Креста») is not."""
    if re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]?_", word):
        return True  # an initial, marked: «Дж_ Д_ Мартин»
    if not re.fullmatch(r"[А-ЯЁ][а-яё'’]+(?:-[А-ЯЁа-яё][а-яё'’]+)*", word):  # «Касым-Жомарт»
        return False
    morph = _morph()
    parses = morph.parse(word)
    known = morph.word_is_known(word.lower())
    if "Geox" in parses[0].tag and known:
        return False  # «Израиля»: the country first, a rare first name after
    # (an unknown word's Geox is the predictor's guess from its ending: «Нарендра»,
    # «Викрамасингхе»; after a preposition it is read as a place: see people.py)
    if any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses):
        return True
    return not known


# Consonant classes shared by the three scripts; vowels and glottal letters map to "".
_LATIN_DIGRAPHS = [("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("zh", "j"),
                   ("th", "t"), ("ph", "f"), ("gh", "g"), ("dj", "j"), ("tch", "c"),
                   ("ts", "s"), ("tz", "s"), ("ck", "k")]  # fmt: skip
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
        "z": "s",
    }  # fmt: skip
)
_CYRILLIC = {
    "дж": "j", "а": "", "б": "b", "в": "f", "г": "g", "д": "d", "е": "", "ё": "", "ж": "j",
    "з": "s", "и": "", "й": "", "к": "k", "л": "l", "м": "m", "н": "n", "о": "", "п": "b",
    "р": "r", "с": "s", "т": "t", "у": "", "ф": "f", "х": "h", "ц": "s", "ч": "c", "ш": "s",
    "щ": "s", "ъ": "", "ы": "", "ь": "", "э": "", "ю": "", "я": "",
    # Ukrainian and Kazakh letters
    "ґ": "g", "ғ": "g", "қ": "k", "ң": "n", "һ": "h",
}  # fmt: skip
_ARABIC = {
    "ب": "b", "ت": "t", "ث": "s", "ج": "j", "ح": "h", "خ": "h", "د": "d", "ذ": "s", "ر": "r",
    "ز": "s", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "s", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "b", "چ": "c", "ڤ": "f",
    "گ": "g",
    # Persian and Urdu letters
    "ک": "k", "ژ": "j", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ہ": "h",
}  # fmt: skip
# Scripts without capitals whose names the corpus reads where their skeleton is a name
# elsewhere in the feed (checks the same consonant classes as the three above).
_OTHER_SCRIPTS = {
    # Hebrew (final forms too; ו and י are mostly vowels in names; פ is p, final ף f)
    "ב": "b", "ג": "g", "ד": "d", "ה": "h", "ז": "s", "ח": "h", "ט": "t", "כ": "k",
    "ך": "k", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "פ": "b",
    "ף": "f", "צ": "s", "ץ": "s", "ק": "k", "ר": "r", "ש": "s", "ת": "t",
    # Armenian
    "բ": "b", "գ": "g", "դ": "d", "զ": "s", "թ": "t", "ժ": "j", "լ": "l", "խ": "h",
    "ծ": "s", "կ": "k", "հ": "h", "ձ": "s", "ղ": "g", "ճ": "c", "մ": "m", "ն": "n",
    "շ": "s", "չ": "c", "պ": "b", "ջ": "j", "ռ": "r", "ս": "s", "վ": "f", "տ": "t",
    "ր": "r", "ց": "s", "փ": "b", "ք": "k", "ֆ": "f",
    # Georgian (ფ writes a foreign f and ph: ფინიქსი = Phoenix, კალიფორნია; p is პ)
    "ბ": "b", "გ": "g", "დ": "d", "ვ": "f", "ზ": "s", "თ": "t", "კ": "k", "ლ": "l",
    "მ": "m", "ნ": "n", "პ": "b", "ჟ": "j", "რ": "r", "ს": "s", "ტ": "t", "ფ": "f",
    "ქ": "k", "ღ": "g", "ყ": "k", "შ": "s", "ჩ": "c", "ც": "s", "ძ": "s", "წ": "s",
    "ჭ": "c", "ხ": "h", "ჯ": "j", "ჰ": "h",
    # Devanagari (a nukta letter is its base's class but for z and f)
    "क": "k", "ख": "k", "ग": "g", "घ": "g", "च": "c", "छ": "c", "ज": "j", "झ": "j",
    "ट": "t", "ठ": "t", "ड": "d", "ढ": "d", "ण": "n", "त": "t", "थ": "t", "द": "d",
    "ध": "d", "न": "n", "प": "b", "फ": "f", "ब": "b", "भ": "b", "म": "m", "र": "r",
    "ल": "l", "व": "f", "श": "s", "ष": "s", "स": "s", "ह": "h", "ड़": "r", "ढ़": "r",
    "ज़": "s", "फ़": "f", "क़": "k", "ख़": "h", "ग़": "g",
}  # fmt: skip
_OTHER_SCRIPT = re.compile("[\u0590-\u05ff\u0530-\u058f\u10a0-\u10ff\u0900-\u097f]")


# Russian case endings that carry a consonant (Вэнсом, Алиевым, Трампа is vowel-only):
# dropped from words long enough to keep a stem.
# (Not -им: Ибрагим, Максим end so.)
_RU_CASE = re.compile(r"(?<=\w{3})(?:ого|его|ому|ему|ами|ями|ом|ем|ём|ым|ах|ях)$")


def _variants(word: str) -> set[str]:
    """A word's skeleton, and for Russian also without the case ending dropped: «Муалем»
    is a name in -ем, not an instrumental."""
    out = {skeleton(word)}
    if re.search(r"[а-яё]", word, re.IGNORECASE):
        out.add(skeleton(word, cases=False))
        # в writes an English w as well as a v (Валид = Walid = وليد), and a Greek b
        # (Елизавета = Elizabeth)
        out.add(skeleton(re.sub("[вВ]", "у", word)))
        out.add(skeleton(re.sub("[вВ]", "б", word)))
    elif re.search(r"[\u0600-\u06ff]", word):
        if word.startswith("ال") and len(word) > 4:
            out.add(skeleton(word[2:]))  # «المعلم» = Moualem: the article is not the name
        if "ث" in word:
            out.add(skeleton(word.replace("ث", "ت")))  # th: «إليزابيث» = Elizabeth
    else:
        if re.search(r"[nl]h", word):
            out.add(skeleton(re.sub(r"([nl])h", r"\1", word)))  # Mourinho = Моуринью = مورينيو
        if re.search(r"(?i)ch|ç", word):
            out.add(skeleton(word, soft_ch=True))  # Churchill = Черчилль, Chan = Чан
    return out


def skeleton(word: str, cases: bool = True, soft_ch: bool = False) -> str:
    """The consonant skeleton of a name word in Latin, Cyrillic or Arabic script, and in
    Hebrew, Armenian, Georgian and Devanagari (z and s are one class: Rodríguez =
    Родригес, Veltzé = Вельце). A Latin ch is k (Christine, Michael), or with `soft_ch`
    the class of ч (Churchill)."""
    word = re.sub(r"^(?:al|el|ul|аль|ал|эль|ль)[-‐]", "", word.lower())  # al-Moualem = Муалем
    word = unicodedata.normalize("NFKD", word)
    word = "".join(ch for ch in word if not unicodedata.combining(ch) or ch in "\u0306")
    word = unicodedata.normalize("NFC", word)
    if re.search(r"[\u0600-\u06ff]", word):
        out = "".join(_ARABIC.get(ch, "") for ch in word.replace("تش", "چ"))
    elif _OTHER_SCRIPT.search(word):
        word = re.sub("[\u0902\u0903](?=[पफबभम])", "m", word)  # ट्रंप: the anusvara before p
        word = re.sub("[\u0902]", "n", word).replace("צ׳", "c").replace("צ'", "c")
        word = re.sub("ה$", "", word.replace("וו", "ף"))  # Hebrew: a final vowel; vv = v
        out = "".join(_OTHER_SCRIPTS.get(ch, ch if ch in "mnc" else "") for ch in word)
    elif re.search(r"[а-яё]", word):
        word = (_RU_CASE.sub("", word) if cases else word).replace("дж", "j")
        out = "".join(_CYRILLIC.get(ch, ch if ch == "j" else "") for ch in word)
    else:
        word = word.replace("ğ", "g").replace("ç", "ch")  # Erdoğan = Эрдоган, Koç
        word = re.sub(r"c(?=[eiy])", "s", re.sub(r"[^a-z]", "", word))  # Vance = Вэнс
        if soft_ch:
            word = re.sub("t?ch", "C", word)  # kept apart from c = k by its capital
        for digraph, single in _LATIN_DIGRAPHS:
            word = word.replace(digraph, single)
        out = word.translate(_LATIN).replace("C", "c")
    # g, h and j are one class: Russian writes a foreign h as г (Ibrahim = Ибрагим), Arabic
    # writes g as ج (Guardiola = جوارديولا) and j as ج (John = جون)
    return re.sub(r"(.)\1+", r"\1", re.sub("[gj]", "h", out))  # Mammadov = Mamedov


def _joined(words: list[str]) -> str:
    """The skeletons of a name's words written together ("Ri Yong-ho" → "rnh")."""
    return "".join(skeleton(w) for w in words)


def _firsts_apart(words_a: list[str], words_b: list[str]) -> bool:
    """True when the first words of two names can be no one word written twice."""
    return all(_apart(u, v) for u in _variants(words_a[0]) for v in _variants(words_b[0]))


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


def _close(x: str, y: str) -> bool:
    """Two skeletons that can be one name word written twice."""
    return x == y or (min(len(x), len(y)) >= 4 and _distance(x, y) <= 1)


def _placed(name: str) -> list[tuple[frozenset[str], set[str]]]:
    """Each word's skeletons with the ends of the name it stands at ("first", "last",
    both for a one-word name, none in the middle)."""
    words = name.split()
    return [
        (frozenset({"first"} if k == 0 else set()) | ({"last"} if k == len(words) - 1 else set()),
         _variants(w) | _end_part(w, k, len(words)))
        for k, w in enumerate(words)
    ]  # fmt: skip


def _end_part(word: str, k: int, n: int) -> set[str]:
    """A hyphenated word at an end of a name also stands for its part at that end
    («Абдул-Махди» ends in Mahdi, as "Adel Abdul Mahdi" does)."""
    parts = word.split("-")
    if len(parts) < 2 or n < 2 or 0 < k < n - 1:
        return set()
    return _variants(parts[0] if k == 0 else parts[-1])


def _one_word(x: tuple[frozenset[str], set[str]], y: tuple[frozenset[str], set[str]]) -> int:
    """How surely two name words can be one written twice: 2 for skeletons of three or
    more consonants, 1 for two-consonant ones, 0 for none. A two-consonant word is one
    only where both stand at the same end of their names: a Korean given name's syllable
    ("Jae-in" "hn") matched «غيون» ("hn") in the middle of Park Geun-hye's name."""
    (ends_x, xs), (ends_y, ys) = x, y
    best = 0
    for u in xs:
        for v in ys:
            if min(len(u), len(v)) < 2 or not _close(u, v):
                continue
            if min(len(u), len(v)) > 2:
                return 2
            if ends_x & ends_y:
                best = 1
    return best


def _apart(x: str, y: str) -> bool:
    """Two skeletons no transliteration makes one: two or more edits, in at least half of
    the longer one, which has three or more consonants."""
    distance = _distance(x, y)
    return max(len(x), len(y)) >= 3 and distance >= 2 and 2 * distance >= max(len(x), len(y))


def _ends_apart(a: list[tuple[frozenset[str], set[str]]],
                b: list[tuple[frozenset[str], set[str]]]) -> bool:  # fmt: skip
    """True when an end of two names of two or more words shares nothing, each end word
    of three or more consonants: "John McCain" and «Хуан Карлос Варела» share the
    two-consonant John = Хуан and no surname. (Kim Jong-un and «Ким Чен Ын», Moon Jae-in
    and «Мун Чжэ Ин» split a Korean given name into syllables too short to call apart.)"""
    if min(len(a), len(b)) < 2:
        return False
    for (_, xs), (_, ys) in ((a[0], b[0]), (a[-1], b[-1])):
        if (
            max(map(len, xs)) >= 3
            and max(map(len, ys)) >= 3
            and all(_apart(u, v) for u in xs for v in ys)
        ):
            return True
    return False


def _given_name_only(a: list[tuple[frozenset[str], set[str]]],
                     b: list[tuple[frozenset[str], set[str]]]) -> bool:  # fmt: skip
    """True when two names of two or more words share their first word alone and their
    last words are apart: "Greg Clark" and «Джордж Буш» (Greg = George in skeleton),
    Mohammed bin Salman and Mohammed bin Zayed. A later word of one that can be any
    later word of the other keeps them one person."""
    if min(len(a), len(b)) < 2:
        return False
    if any(_one_word(x, y) for x in a[1:] for y in b[1:]):
        return False
    if any(_one_word(a[0], y) for y in b[1:]) or any(_one_word(x, b[0]) for x in a[1:]):
        return False  # a surname written first («Пак Кын Хе», "Park Geun-hye")
    (_, xs), (_, ys) = a[-1], b[-1]
    longest = max(max(map(len, xs)), max(map(len, ys)))
    shortest = min(max(map(len, xs)), max(map(len, ys)))
    return longest >= 3 and shortest >= 2 and all(_apart(u, v) for u in xs for v in ys)


def clearly_different(a: str, b: str) -> bool:
    """`_clearly_different` for every way of writing either name: Arabic writes «عبد» and
    the name it is joined to apart («عبد الله») or together (Abdullah, «Абдалла»)."""
    return all(_clearly_different(x, y) for x in _joinings(a) for y in _joinings(b))


def _joinings(name: str) -> set[str]:
    return {name, re.sub(r"(?<!\S)عبد\s+(?=\S)", "عبد", name)}


def _clearly_different(a: str, b: str) -> bool:
    """True only when two names cannot be one person: no word of one can be a word of
    the other (a shared two-consonant word is overruled by an end that shares nothing),
    and their surname skeletons differ in two or more edits, in at least half of the
    longer one, which has three or more consonants (May / Merkel differ; Li / Lu are too
    short to judge; transliteration varies: Ибрагим / Ibrahim). An Arabic name, read
    without capitals, is judged only when both surnames have two consonants."""
    placed_a, placed_b = _placed(a), _placed(b)
    shared = max((_one_word(x, y) for x in placed_a for y in placed_b), default=0)
    arabic = bool(re.search(r"[\u0600-\u06ff]", a + b))
    if shared:
        if shared == 1:
            return _ends_apart(placed_a, placed_b)
        # not in Arabic script, whose surnames match less surely (Kavanaugh «كافانو»)
        return not arabic and _given_name_only(placed_a, placed_b)
    if _single_apart(a, b):
        return True
    sa, sb = _surname(a), _surname(b)
    short = max(len(sa), len(sb)) < 3 or (arabic and min(len(sa), len(sb)) < 2)
    if short and min(len(a.split()), len(b.split())) >= 2:
        # short surnames (Korean: Ri Yong-ho, «باك أوي تشون»): the whole names, whose
        # words shared nothing above
        whole = [_joined(name.split()) for name in (a, b)]
        # "Will Wade" ("ld") is too short to judge against a name as short, not against
        # one two consonants longer: no transliteration adds two ("Barack Obama"). Not
        # against an Arabic reading, which may be common words after the role («مدرب
        # كرة السلة لنادي …»)
        shortest, longest = sorted(map(len, whole))
        if shortest >= 3 or (shortest == 2 and longest - shortest >= 2 and not arabic):
            sa, sb = whole
    if min(len(sa), len(sb)) < (2 if arabic else 1) or max(len(sa), len(sb)) < 3:
        return False
    if not _tail_apart(a, b):
        return False
    if (sa, sb) == (_surname(a), _surname(b)) and any(
        _close(u, v) for u in _variants(a.split()[-1]) for v in _variants(b.split()[-1])
    ):  # another written form of the surname is the other's (Churchill = Черчилль)
        return _first_and_whole_apart(a, b)
    return (_apart(sa, sb) and _wholes_apart(a, b)) or _first_and_whole_apart(a, b)


def _wholes_apart(a: str, b: str) -> bool:
    """True when the whole names, written together, are apart too: a name split into
    other words («لاروش بوزيه» = La Roche-Posay) has no surname to compare alone. Only
    between names of as many words (Brett Kavanaugh is not «Пак Кын Хе», whose syllables
    written together come close); wholes of lengths far apart are apart (Mark Lee is not
    «Ангела Меркель»)."""
    if len(a.split()) != len(b.split()):
        return True
    wholes = [
        {"".join(skeleton(w, soft_ch=soft) for w in name.split()) for soft in (False, True)}
        for name in (a, b)
    ]
    return all(_apart(u, v) or abs(len(u) - len(v)) > 2 for u in wholes[0] for v in wholes[1])


def _single_apart(a: str, b: str) -> bool:
    """A surname alone against a whole name: another person when it can be no word of
    the name, nor any run of its words written together ("Kavanaugh" is not «بارك غيون
    هاي», whose «هاي» is too short to judge alone; McConnell may be «ماك كونيل»). False
    where this cannot tell (the surname's own rules then judge): both or neither are
    single words, or the surname has fewer than three consonants."""
    words_a, words_b = a.split(), b.split()
    if (len(words_a) == 1) == (len(words_b) == 1):
        return False
    single, multi = (a, words_b) if len(words_a) == 1 else (b, words_a)
    ends = [v for v in _variants(single) if len(v) >= 3]
    if not ends:
        return False
    pieces = [skeleton(w) for w in multi]
    runs = {"".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)}
    return all(_apart(u, v) for u in ends for v in runs if v)


def _tail_apart(a: str, b: str) -> bool:
    """False when a name split into more syllable words than the other ends in the
    other's surname written in pieces: Си Цзиньпин and «شي جين بينغ», Xi Jinping."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) == len(words_b) or min(len(words_a), len(words_b)) < 2:
        return True  # a surname alone is judged by the surname
    longer, shorter = (words_a, words_b) if len(words_a) > len(words_b) else (words_b, words_a)
    if _firsts_apart(longer, shorter):
        return True  # Brett Kavanaugh is not «Пак Кын Хе»: the first names are apart
    tail = _joined(longer[len(shorter) - 1 :])
    ends = [v for v in _variants(shorter[-1]) if len(v) >= 3]
    # too short to judge (Ri Yong-ho, «باك أوي تشون»): the tail says nothing
    return len(tail) < 3 or not ends or all(_apart(tail, v) for v in ends)


def _first_and_whole_apart(a: str, b: str) -> bool:
    """Two names of two or more words that share no word, whose first words are apart
    and whose whole skeletons are too: "Rex Tillerson" and «Дэвид Томпсон» (surnames
    "tlrsn" and "tmbsn" are two edits in five, too close to call alone, but no
    transliteration also turns Rex into David)."""
    words_a, words_b = a.split(), b.split()
    if min(len(words_a), len(words_b)) < 2:
        return False
    return _firsts_apart(words_a, words_b) and _apart(_joined(words_a), _joined(words_b))


def capital_name_word(word: str) -> bool:
    """A capitalised word that can be a name: any in Latin script, in Cyrillic one the
    dictionary does not know as another word («Южная», «Корея» name nobody)."""
    return word[:1].isupper() and (not re.match(r"[А-ЯЁ]", word) or _ru_name_word(word))


def _named_in(name: str, text: str) -> bool:
    """True when the surname of `name` is written anywhere in `text`, in any script:
    then the other sentence names this person too, whatever was read as the name there
    (an Arabic verb after a role, an organisation after «пресс-секретарь»)."""
    target = _surname(name)
    if len(target) < 2:
        return False
    targets = _variants(name.split()[-1])
    # Names are capitalised in Latin and Cyrillic script ("between" is not Putin).
    # A Russian word the dictionary knows as no name («Южная», «Корея») names nobody.
    words = [
        w
        for w in re.findall(r"[^\W\d_]+", text)
        if capital_name_word(w) or (_ARABIC_LETTER.match(w) and w not in _AR_STOP)
    ]
    written = [v for word in words for v in _variants(word)]

    def found(skeletons: set[str]) -> bool:
        return any(_close(v, t) for v in written for t in skeletons if len(t) >= 2)

    parts = name.split()
    if len(target) > 2 or len(parts) == 1:
        return found(targets)
    # a two-consonant surname ("Jae-in" "hn") is common letters: a second word of the
    # name must be written too (Moon Jae-in is not named by «غيون» of Park Geun-hye)
    return found(targets) and any(found(_variants(w)) for w in parts[:-1])
