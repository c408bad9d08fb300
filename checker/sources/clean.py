"""Strip scraped boilerplate so that only the article body reaches pairing.

Scraped news pages carry menus, lists of unrelated headlines, "read also" lists,
view counters, comment widgets and tag lines. We classify lines, not characters,
in the spirit of jusText: a body line is a real sentence (ends in terminal
punctuation), boilerplate is short, unpunctuated, or matches a known widget, and a
line's neighbours decide the doubtful cases. Every dropped line keeps its reason, so
`checker sentences --show-dropped` can show what was removed and why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# A body sentence ends in terminal punctuation, optionally followed by closing quotes (of
# every style: «Меня укусили!“», „…“, ‹…›, 「…」) and brackets.
# Armenian «։» (and the ":" typed for it), Urdu «۔», Devanagari «।» «॥», Ethiopic «።».
_TERMINAL = re.compile(r"[.!?…؟。！？։۔।॥።]['\"«»“”„‟‘’‹›「」『』)\]]*$")
_ARMENIAN = re.compile(r"[\u0531-\u0587]")
_COLON_END = re.compile(r":['\"«»“”„‟‘’‹›)\]]*$")
_BULLET = re.compile(r"^\s*(?:[•·▪►●◦‣∙*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
_HEADING = re.compile(r"^#{1,6}\s+")  # a Markdown heading's marker, not its words
# A word with its combining marks: \w alone cuts Hindi «लिविंगस्टन» at every vowel sign.
_WORD = re.compile(r"(?:\w|[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0dff])+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

# Lines that are widgets wherever they appear.
_WIDGET_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("font-size widget", re.compile(r"(?:\b\d{1,2}\s*px\b|[↺↻]|\bA\s*[+-]\s*A\b)", re.I)),
    (
        "view counter",
        re.compile(
            r"(?:\bsee\s*\d+\s*$|(?:views?|просмотр\w*|прочитан\w*|مشاهد\w*|قراء\w*)\s*:?\s*\d[\d\s]*$)",
            re.I,
        ),
    ),
    (
        "label line",
        re.compile(
            r"^\W*(?:\w{0,8})?(?:source|sources|tags?|keywords|topics|источник|теги|метки|"
            r"ключевые слова|المصدر|كلمات دلالية|الكلمات المفتاحية|وسوم)\s*:",
            re.I,
        ),
    ),
    (
        "share widget",
        re.compile(r"^\W*(?:share(?: this)?|поделиться|поделитесь|شارك|مشاركة)\b(?!.{40,})", re.I),
    ),
    (
        "call to action",
        re.compile(
            r"(?:следите за (?:обновлениями|новостями|нами)|подписывайтесь|подпишитесь на|"
            r"subscribe to (?:our|the)|follow us on|sign up for our newsletter|"
            r"تابعونا|اشترك(?:وا)? في)",
            re.I,
        ),
    ),
    ("date/time stamp", re.compile(r"^[\d\s:./,-]*(?:\w{3,10}\s+)?\d{4}[\d\s:./,-]*(?:see\d+)?$")),
]

# Lines after which a page's article body is over: related lists, most-read, comments.
_TAIL_MARKERS = re.compile(
    r"^\W*(?:\w{0,8})?(?:read (?:also|more)|see also|related(?: articles| stories| news)?|"
    r"more (?:news|stories|on this)|most (?:read|popular|viewed)|latest news|top stories|"
    r"\d+\s+comments?|comments?\b|leave a (?:comment|reply)|log in to comment|"
    r"be the first to comment|читайте (?:также|еще|ещё)|смотрите также|по теме|"
    r"самые (?:читаемые|обсуждаемые|популярные)|последние новости|другие новости|новости по теме|"
    r"\d+\s+комментари\w*|комментари\w*\s*$|войдите,? чтобы|будьте первым\w*|"
    r"[إا]قرأ (?:أيضا|أيضاً|ايضا)|مقالات (?:مشابهة|ذات صلة)|أخبار (?:ذات صلة|متعلقة)|"
    r"الأكثر (?:قراءة|مشاهدة)|آخر الأخبار|\d+\s+تعليق\w*|أضف تعليق\w*)",
    re.I,
)

MIN_BODY_WORDS = 8  # a paragraph this long, ending in punctuation, resumes the body
MAX_MENU_WORDS = 3  # an unpunctuated line this short is a menu item or site name
MAX_HEADLINE_WORDS = 25  # longer unpunctuated lines are cut-off paragraphs
MIN_LIST_RUN = 3  # this many unpunctuated lines in a row are a headline list
TITLE_OVERLAP = 0.5  # share of a headline's word stems found in the body to keep it
MIN_IN_BODY_WORDS = 4  # an unpunctuated line this long between body sentences is body
# ... unless it is two titles glued into one line: longer than this, with no comma or
# other mark inside, and a quoted title's closing quote followed straight by another
# clause (seen in a scraped Arabic page: «… إلى "الاتفاق الإبراهيمي" الصليب الأحمر في
# طريقه …»). Arabic body sentences often lack commas and their full stop (NTREX), but
# not two clauses run together across a quote.
MAX_BARE_IN_BODY_WORDS = 14
_INNER_MARK = re.compile(r"[,;:،؛–—]")
_GLUED_AFTER_QUOTE = re.compile(
    r"[^\W\d_][\"»”]\s+(?!(?:و|ف|and|or|but|и|а|но|или|et|ou|y|o|und|oder)\s)"
    r"[^\W\d_]\S*(?:\s+\S+){4,}$"
)
_STEM = 5
_AR_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب")


@dataclass
class CleanResult:
    """Kept paragraphs, in order, and dropped lines with their reasons."""

    paragraphs: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)


def normalize(text: str) -> str:
    """NFC, one kind of newline and space, no control characters."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = re.sub(r"[\u200b\u200e\u200f\u2060\ufeff]", "", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text


# Scripts written without spaces: a run of Han or kana is many words, not one.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _words(line: str) -> list[str]:
    """The line's words; in Chinese and Japanese every two characters count as one (a
    20-character sentence is no one-word menu item)."""
    words = _WORD.findall(line)
    if not _UNSPACED.search(line):
        return words
    out: list[str] = []
    for word in words:
        if _UNSPACED.search(word):
            out.extend(word[k : k + 2] for k in range(0, len(word), 2))
        else:
            out.append(word)
    return out


def width(text: str) -> int:
    """Characters, a Han or kana character counting as two: the length checks read a
    12-character Chinese sentence as the sentence it is."""
    return len(text) + len(_UNSPACED.findall(text))


def is_sentence_like(line: str) -> bool:
    """A line that ends as a sentence ends in its script: Armenian text often ends its
    sentences with a plain ":" typed for «։» (12 of 16 paragraphs of an article were
    dropped as a headline list)."""
    line = line.rstrip()
    if _TERMINAL.search(line):
        return True
    return bool(_COLON_END.search(line)) and len(_ARMENIAN.findall(line)) > len(line) // 3


def _stem(word: str) -> str:
    w = word.casefold()
    if len(w) > 4 and w[0] in "وبفلكا":  # و, ب, ف, ل, ك and the article ال
        for p in _AR_PREFIXES:
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p) :]
                break
    return w[:_STEM]


def _stems(line: str) -> set[str]:
    """Word stems to compare lines by; in Chinese and Japanese every two characters
    in a row (no spaces tell the words apart)."""
    stems = {
        _stem(w)
        for w in _WORD.findall(line)
        if (len(w) >= 3 or w.isdigit()) and not _UNSPACED.search(w)
    }
    for run in _UNSPACED_RUN.findall(line):
        stems.update(run[k : k + 2] for k in range(max(1, len(run) - 1)))
    return stems


def overlap(line: str, body: set[str]) -> float:
    stems = _stems(line)
    return len(stems & body) / len(stems) if stems else 0.0


@dataclass
class _Line:
    text: str
    bullet: bool
    reason: str | None = None  # None while kept
    in_body: bool = False  # between body sentences: the headline rules leave it alone

    @property
    def headline_like(self) -> bool:
        # A long unpunctuated line is a truncated paragraph, not a headline.
        return not is_sentence_like(self.text) and len(_words(self.text)) <= MAX_HEADLINE_WORDS


def clean_text(text: str) -> CleanResult:
    """Split into lines, drop boilerplate, and return the kept paragraphs."""
    lines: list[_Line] = []
    for raw in normalize(text).split("\n"):
        stripped = _HEADING.sub("", raw.strip())
        if not stripped:
            continue
        bullet = bool(_BULLET.match(stripped))
        body = _BULLET.sub("", stripped, count=1).strip() if bullet else stripped
        body = re.sub(r"[ \t]+", " ", body)
        if body:
            lines.append(_Line(body, bullet))

    _drop_patterns(lines)
    _drop_tails(lines)
    body_stems = set().union(*(_stems(ln.text) for ln in lines if _is_body_sentence(ln)))
    _mark_in_body(lines, body_stems)
    _drop_headline_runs(lines, body_stems)
    _drop_between_boilerplate(lines)
    _drop_off_topic_headlines(lines, body_stems)
    _drop_repeats(lines)

    result = CleanResult()
    for ln in lines:
        if ln.reason is None:
            result.paragraphs.append(ln.text)
        else:
            result.dropped.append((ln.text, ln.reason))
    return result


def _drop_patterns(lines: list[_Line]) -> None:
    for ln in lines:
        n_words = len(_words(ln.text))
        if _URL.fullmatch(ln.text) or (_URL.search(ln.text) and n_words <= 6):
            ln.reason = "link"
            continue
        for reason, pattern in _WIDGET_PATTERNS:
            if pattern.search(ln.text) and (reason != "date/time stamp" or n_words <= 6):
                ln.reason = reason
                break
        if ln.reason is None and n_words <= MAX_MENU_WORDS and ln.headline_like:
            ln.reason = "menu or site name"


def _resumes_body(ln: _Line) -> bool:
    return (
        not ln.bullet and is_sentence_like(ln.text) and len(_words(ln.text)) >= MIN_BODY_WORDS + 4
    )


def _drop_tails(lines: list[_Line]) -> None:
    """A related/most-read/comments marker drops itself and what follows until body resumes."""
    in_tail = False
    for ln in lines:
        if _TAIL_MARKERS.search(ln.text) and len(_words(ln.text)) <= 8:
            in_tail = True
            if ln.reason is None:
                ln.reason = "related or comments section"
            continue
        if in_tail:
            if _resumes_body(ln):
                in_tail = False
            elif ln.reason is None:
                ln.reason = "related or comments section"


def _is_body_sentence(ln: _Line) -> bool:
    return (
        ln.reason is None and is_sentence_like(ln.text) and len(_words(ln.text)) >= MIN_BODY_WORDS
    )


def _mark_in_body(lines: list[_Line], body: set[str]) -> None:
    """An unpunctuated line of a few words or more, between two body sentences, that
    shares a word with the article's body is body text that lost its full stop (Arabic
    without a final period, a quote), not a headline or a menu: position, neighbours,
    length and words decide, not punctuation alone. A headline pasted mid-article about
    something else (it shares no word with the article) is still dropped."""
    for k in range(1, len(lines) - 1):
        ln = lines[k]
        n_words = len(_words(ln.text))
        if (
            n_words > MAX_BARE_IN_BODY_WORDS
            and not _INNER_MARK.search(ln.text)
            and _GLUED_AFTER_QUOTE.search(ln.text)
        ):
            continue  # glued titles, not a sentence
        if ln.reason is None and ln.headline_like and n_words >= MIN_IN_BODY_WORDS:
            # a neighbour is body when it ends a sentence, or runs too long to be a
            # headline (an Arabic paragraph that lost its full stop as well)
            ln.in_body = overlap(ln.text, body) > 0 and all(
                n.reason is None
                and (is_sentence_like(n.text) or not n.headline_like)
                and len(_words(n.text)) >= MIN_IN_BODY_WORDS + 1
                for n in (lines[k - 1], lines[k + 1])
            )


def _drop_headline_runs(lines: list[_Line], body: set[str]) -> None:
    """Three or more unpunctuated lines in a row are a headline list; a title at the
    end of the run (right above the body, sharing its words) is kept."""
    i = 0
    kept = [ln for ln in lines if ln.reason is None]
    while i < len(kept):
        if not kept[i].headline_like or kept[i].in_body:
            i += 1
            continue
        j = i
        while j < len(kept) and kept[j].headline_like and not kept[j].in_body:
            j += 1
        run = kept[i:j]
        if len(run) >= MIN_LIST_RUN:
            rescue = len(run)
            while rescue > 0 and overlap(run[rescue - 1].text, body) >= TITLE_OVERLAP:
                rescue -= 1
            for ln in run[:rescue]:
                ln.reason = "headline list"
        i = j


def _drop_between_boilerplate(lines: list[_Line]) -> None:
    """An unpunctuated line whose neighbours are both boilerplate is boilerplate too."""
    for k, ln in enumerate(lines):
        if ln.reason is not None or not ln.headline_like or ln.in_body:
            continue
        prev_bp = k == 0 or lines[k - 1].reason is not None
        next_bp = k == len(lines) - 1 or lines[k + 1].reason is not None
        if prev_bp and next_bp and not (k == 0 and k == len(lines) - 1):
            ln.reason = "between boilerplate"


def _drop_off_topic_headlines(lines: list[_Line], body: set[str]) -> None:
    """A stray unpunctuated line that shares little with the body is a pasted link;
    the article's first line right above its text, sharing a word with it, is its
    title ("Zehn Tage nach dem Dammbruch im Varno-Tal" over "… des Dammbruchs …"). The
    line under a title may be a short sentence ("For survivors, the situation was
    increasingly dire."), so the title is read against every sentence of the article,
    not only the long ones that make `body`."""
    if not body:
        return
    kept = [ln for ln in lines if ln.reason is None]
    title = (
        kept[0]
        if len(kept) > 1 and kept[0].headline_like and is_sentence_like(kept[1].text)
        else None
    )
    if title is not None:
        text = body.union(*(_stems(ln.text) for ln in kept if is_sentence_like(ln.text)))
        if overlap(title.text, text) == 0:
            title = None
    for ln in lines:
        if ln.reason is None and ln.headline_like and not ln.in_body:
            if ln is title:
                continue
            if overlap(ln.text, body) < TITLE_OVERLAP:
                ln.reason = "off-topic headline"


def _drop_repeats(lines: list[_Line]) -> None:
    seen: set[str] = set()
    for ln in lines:
        key = " ".join(_words(ln.text.casefold()))
        if ln.reason is None and key in seen:
            ln.reason = "repeated"
        seen.add(key)
