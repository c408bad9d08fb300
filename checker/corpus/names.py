"""What an article is about, in names: the people, places, organisations and figures it
names most, as keys that read alike across scripts.

Why: on a real news day (NTREX-128, see docs/measuring.md) embeddings put two goal
videos, two football matches or two storms closer than two reports of one earthquake;
what tells events apart is *who, where and how many*. So each article gets a profile of
its most central names, and two articles count as one event by the most central names
they share (`shared`), not by how many topic words they have in common.

- Keys: a capitalised Latin or Cyrillic word as its consonant skeleton
  (`checks.people.skeleton`: Kavanaugh = Кавано), with its vowels where the skeleton
  has only two consonants (Palu = Палу = بالو, not Paul or Bill), and each figure
  stated. Months, weekdays and titles (November, President) are no names. Arabic has no
  capitals, so an Arabic word counts only where its skeleton is a name elsewhere in the
  feed; a sentence's first word likewise (it is capitalised anyway).
- Transliterations differ by a letter (Kavanaugh kfnh, Кавано kfn): keys one deletion
  apart are read as one, the feed's more frequent spelling winning.
- Weight: TF-IDF across the feed (a name every article has weighs nothing), then scaled so
  the article's most central name weighs 1; only the `PROFILE_SIZE` most central are kept,
  which bounds the work per pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from checker.checks.names import skeleton
from checker.checks.quantities import figures_written
from checker.schema import Source

PROFILE_SIZE = 12  # names kept per article: an event has a handful of central ones
SHARED_TOP = 2  # `shared` averages the two most central names two articles share
MERGE_MIN = 4  # keys merged by a deletion keep at least this many consonants

# Latin letters with diacritics (Erdoğan, Müller, Rodríguez) and the Cyrillic letters of
# Ukrainian and Kazakh, beside ASCII and Russian
_EXTRA = "".join(chr(c) for c in [*range(0xC0, 0x250), *range(0x400, 0x530)])
_UPPER = "".join(c for c in _EXTRA if c.isupper() and c.isalpha())
_LOWER = "".join(c for c in _EXTRA if c.islower() and c.isalpha())
_CAPITALISED = re.compile(rf"(?<![\w.])([A-ZА-ЯЁ{_UPPER}][a-zа-яё{_LOWER}'’-]{{2,}})")
# Words of scripts without capitals (Arabic, Persian and Urdu letters; Hebrew, Armenian,
# Georgian, Devanagari): names where their key is a name elsewhere in the feed
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u067e-\u06d3]{3,}")
_CASELESS_WORD = re.compile(
    r"[\u05d0-\u05ea\u05f3']{2,}|[\u0531-\u0587]{3,}|[\u10d0-\u10ff]{3,}|[\u0900-\u097f]{2,}"
)
_HEBREW_PREFIX = re.compile(r"^[הובלמשכ]")
# a Georgian case ending on a name (ფინიქსს: to Phoenix, არიზონას, როზამ)
_GEORGIAN_CASE = re.compile(r"(?<=[\u10d0-\u10ff]{3})(?:ის|ს|მა|მ|ით|ში|ზე|დან|თან|ად)$")
# a possessive, or a case ending Turkish and Azerbaijani write after an apostrophe
# (Thomas'ın, Thomas'tan, Bakı'ya): the name is what comes before it
_POSSESSIVE = re.compile(r"(?<=\w\w)['’][^\W\d_]*$")
_NOUNS_CAPITALISED = {"de", "lb"}  # German capitalises every noun: Regierung is no name
_SILENT_GH = re.compile(r"(?<=[aeiou])gh$")  # Kavanaugh = Кавано = كافانو
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)")


@dataclass(frozen=True)
class Profiles:
    """Each article's central names: key ids and weights (most central = 1), padded
    with -1 / 0 to `PROFILE_SIZE` columns."""

    keys: np.ndarray  # (articles, PROFILE_SIZE) int64
    weights: np.ndarray  # (articles, PROFILE_SIZE) float32
    vocabulary: list[str]

    def names(self, article: int) -> list[tuple[str, float]]:
        """An article's profile as (key, weight), most central first (for reading)."""
        return [
            (self.vocabulary[k], float(w))
            for k, w in zip(self.keys[article], self.weights[article], strict=True)
            if k >= 0
        ]


def _key(word: str) -> str | None:
    """A name word's key; two consonants only from a word of four letters or more
    (Palu, not "Mr"), and then with its vowels (`_vowelled`); a possessive or a case
    ending after an apostrophe is the name (Palu's = Palu, Thomas'ın = Thomas); a final
    -gh after a vowel is silent, as transliterations write it; w reads as v, as Cyrillic
    and Arabic write a German or Slavic W (Wendel = Вендель = فيندل)."""
    word = _SILENT_GH.sub("", _POSSESSIVE.sub("", word)).replace("w", "v").replace("W", "V")
    key = skeleton(word)
    if len(key) >= 3:
        return key
    return _vowelled(word, key) if len(key) == 2 and len(word) >= 4 else None


_VOWELS = {
    **dict.fromkeys("aаяاآأإىა", "A"),
    **dict.fromkeys("ouоуюёوოუ", "U"),
    **dict.fromkeys("eiyеиыэйيეი", "I"),  # Georgian writes its vowels: როზა = Rosa
}


def _vowelled(word: str, key: str) -> str:
    """A two-consonant key with the vowels between and after its consonants: two
    consonants alone say little (b-l is Palu, Paul, Bell, Bill and many Arabic words),
    their vowels tell Palu = Палу = بالو (bAlU) apart. Long vowels are what Arabic
    writes, so a vowel run counts by its first letter; a leading vowel (an Arabic alef
    carries any) and an English final e (silent) do not count. Falls back to the bare
    key where the letters do not line up with it."""
    word = word.lower()
    if re.fullmatch(r"[a-z]+e", word):
        word = word[:-1]
    marks: list[str] = []
    for ch in word:
        mark = _VOWELS.get(ch) or ("C" if skeleton(ch) else "")
        if not mark or (marks and (marks[-1] == mark or (mark != "C" and marks[-1] != "C"))):
            continue  # a consonant run is one consonant; a vowel run counts by its first
        if mark != "C" and not marks:
            continue  # a leading vowel
        marks.append(mark)
    if marks.count("C") != len(key):
        return key
    consonants = iter(key)
    return "".join(next(consonants) if m == "C" else m for m in marks)


# Capitalised words that name no event: months and weekdays (English capitalises them),
# and titles before a name ("President", «Сенатор»): two reports of one November or by
# one senator are no story. Matched as words, not keys (Friday is no name, Ford is).
_NOT_NAMES = frozenset(
    (
        "January February March April June July August September October November December "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday President Senator Sen "
        "Minister Governor Mayor Secretary Chancellor Ambassador Spokesman Spokeswoman "
        "Spokesperson Chairman Congressman Congresswoman Representative Prime General "
        "Judge Mister Madam Президент Сенатор Министр Губернатор Мэр Премьер Генерал "
        "Судья Посол Канцлер"
    )
    .lower()
    .split()
)


def _title_case(text: str) -> bool:
    """A headline in title case ("Indonesia Tsunami Toll Soars Above 800"): its
    capitals say nothing about names."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _lines(source: Source) -> list[tuple[str, str, bool]]:
    """(text, language, is the headline) of an article: its sentences, and its title
    where cleaning kept it apart (it names the event)."""
    lines = [(s.text, s.language, False) for s in source.sentences]
    if source.title and source.title not in {s.text for s in source.sentences}:
        lines.insert(0, (source.title, source.language, True))
    return lines


def name_counts(sources: Sequence[Source]) -> list[Counter[str]]:
    """Names (as keys) and figures ("#832") each article states, with counts. A word
    whose capital says nothing (a sentence's first, a title-case headline, a German
    noun) or that has no capital (Arabic) counts where its key is a name mid-sentence
    elsewhere in the feed."""
    counts: list[Counter[str]] = []
    unsure: list[list[str]] = []
    for source in sources:
        bag: Counter[str] = Counter()
        maybe: list[str] = []
        for text, language, headline in _lines(source):
            if language != "ar":  # (Arabic script has no capitals: its words come below)
                unmarked = headline or language in _NOUNS_CAPITALISED or _title_case(text)
                for match in _CAPITALISED.finditer(text):
                    for part in match.group(1).split("-"):  # Varno-Tal: Varno
                        named = part[:1].isupper() and part.lower() not in _NOT_NAMES
                        key = _key(part) if named else None
                        if key and (unmarked or match.start() == 0):
                            maybe.append(key)
                        elif key:
                            bag[key] += 1
            written = figures_written(text, language)
            bag.update(f"#{x:g}" for x in written if x >= 3)
        counts.append(bag)
        unsure.append(maybe)
    names = {key for bag in counts for key in bag if not key.startswith("#")}
    for bag, source, maybe in zip(counts, sources, unsure, strict=True):
        bag.update(key for key in maybe if key in names)
        for text, _, _ in _lines(source):
            for word in _ARABIC_WORD.findall(text):
                # a clitic (و, ب, ل, ف, ال) or the name's own first letter (فيندل)
                bare = _ARABIC_PREFIX.sub("", word) if len(word) > 4 else word
                key = next((k for k in (_key(word), _key(bare)) if k and k in names), None)
                if key:
                    bag[key] += 1
            for word in _CASELESS_WORD.findall(text):
                # a Hebrew prefix (ה, ו, ב, ל, מ, ש, כ) or the name's own first letter
                bare = _HEBREW_PREFIX.sub("", word) if len(word) > 4 else word
                stem = _GEORGIAN_CASE.sub("", word)
                keys = (_key(word), _key(bare), _key(stem))
                key = next((k for k in keys if k and k in names), None)
                if key:
                    bag[key] += 1
    return _spellings_merged(counts)


def _spellings_merged(counts: list[Counter[str]]) -> list[Counter[str]]:
    """Keys one deletion apart read as one (Kavanaugh kfnh = Кавано kfn, Indonesia =
    Indonesian), the more frequent winning; not substitutions (Anderson is not
    Indonesian); figures and two-letter keys stay exact."""
    frequency = Counter(key for bag in counts for key in bag)
    canonical: dict[str, str] = {}
    shortened: dict[str, str] = {}  # a deletion of a kept key → that key's canonical
    for key, _ in sorted(frequency.items(), key=lambda kv: (-kv[1], kv[0])):
        if key.startswith("#") or len(key) < 3:
            canonical[key] = key
            continue
        deletions = [d for p in range(len(key)) if len(d := key[:p] + key[p + 1 :]) >= MERGE_MIN]
        longer = shortened.get(key)
        shorter = next((canonical[d] for d in deletions if d in canonical), None)
        canonical[key] = longer or shorter or key
        for d in deletions:
            shortened.setdefault(d, canonical[key])
    merged = []
    for bag in counts:
        out: Counter[str] = Counter()
        for key, count in bag.items():
            out[canonical[key]] += count
        merged.append(out)
    return merged


def profiles(counts: Sequence[Counter[str]], languages: Sequence[str]) -> Profiles:
    """TF-IDF over the feed, each article's `PROFILE_SIZE` most central names kept and
    scaled so its most central weighs 1. A key's IDF is the lower of the feed's and the
    article's language's: a common Arabic word whose skeleton happens to be a name
    elsewhere (مدينة "city" = Madden) is common among Arabic articles."""
    frequency = Counter(key for bag in counts for key in bag)
    by_language: dict[str, Counter[str]] = {}
    for bag, language in zip(counts, languages, strict=True):
        by_language.setdefault(language, Counter()).update(bag.keys())
    size = Counter(languages)
    vocabulary = sorted(frequency)
    index = {key: k for k, key in enumerate(vocabulary)}
    n = len(counts)
    keys = np.full((n, PROFILE_SIZE), -1, dtype=np.int64)
    weights = np.zeros((n, PROFILE_SIZE), dtype=np.float32)
    for row, (bag, language) in enumerate(zip(counts, languages, strict=True)):
        local, m = by_language[language], size[language]
        scored = sorted(
            (
                ((1 + math.log(c)) * min(_idf(n, frequency[key]), _idf(m, local[key])), key)
                for key, c in bag.items()
            ),
            key=lambda wk: (-wk[0], wk[1]),
        )
        scored = [(w, key) for w, key in scored if w > 0][:PROFILE_SIZE]
        if not scored:
            continue
        top = scored[0][0]
        for col, (weight, key) in enumerate(scored):
            keys[row, col] = index[key]
            weights[row, col] = weight / top
    return Profiles(keys, weights, vocabulary)


def _idf(articles: int, holding: int) -> float:
    """Smoothed: a name every article states still weighs a little (a feed of one
    story names its event everywhere)."""
    return math.log(1 + articles / holding)


def shared(
    profiles: Profiles, i: np.ndarray, j: np.ndarray, chunk: int = 65_536
) -> tuple[np.ndarray, np.ndarray]:
    """For article pairs (i[k], j[k]), over the names both state, each counted at its
    lower weight of the two: the mean of the `SHARED_TOP` most central (0 when none is
    shared), and the most central one."""
    mean = np.zeros(len(i), dtype=np.float32)
    best = np.zeros(len(i), dtype=np.float32)
    for start in range(0, len(i), chunk):
        a, b = i[start : start + chunk], j[start : start + chunk]
        ka, kb = profiles.keys[a], profiles.keys[b]
        same = (ka[:, :, None] == kb[:, None, :]) & (ka[:, :, None] >= 0)
        low = np.minimum(profiles.weights[a][:, :, None], profiles.weights[b][:, None, :])
        both = np.where(same, low, 0.0).max(axis=2)  # a key is at most once per profile
        top = -np.partition(-both, SHARED_TOP - 1, axis=1)[:, :SHARED_TOP]
        mean[start : start + chunk] = top.mean(axis=1)
        best[start : start + chunk] = both.max(axis=1)
    return mean, best


# Scripts whose names a profile reads well: capitals in Latin and Cyrillic, and Arabic
# script (every word, measured on NTREX's Arabic). Hebrew, Armenian, Georgian and
# Devanagari words are keyed too, but a profile of them holds common words that happen
# to share a name's key: enough to add a shared name, not to tell two events apart.
_KEYED = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u052f\u0600-\u06ff]")


def names_read(source: Source) -> bool:
    """True when most letters of the article's lead are in a script whose names a
    profile reads well: a Chinese article's profile holds only its few Latin words and
    figures, so it tells nothing by the names it does not share."""
    text = " ".join(s.text for s in source.sentences[:6])
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and 2 * sum(bool(_KEYED.match(ch)) for ch in letters) > len(letters)


def named(profiles: Profiles) -> np.ndarray:
    """How many names (and figures) each article's profile holds."""
    return (profiles.keys >= 0).sum(axis=1)
