import re
from pathlib import Path

import pytest

from checker.sources.clean import clean_text
from checker.sources.ingest import read_source

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"

SCRAPED_RU = """Сайт.ru
Меню
Поиск

Шторм оставил без света тысячи жителей севера

Центробанк сохранил ключевую ставку

Футбол: «Сельмар Юнайтед» выиграл финал кубка

Арвания не будет участвовать в миссии в Сельмаре

Арвания не будет участвовать в миссии в Сельмаре

Организация Объединённых Наций обратилась к Арвании с просьбой направить военных в Сельмар.

Арвания не планирует принимать участие в каких-либо миротворческих силах, сообщил источник.

Следите за обновлениями и свежими новостями на нашем сайте, где мы публикуем самое важное.
Просмотров: 1240
0 комментариев
Войдите, чтобы оставлять комментарии...
Самые читаемые
Шторм оставил без света тысячи жителей севера
12 Марта 2026 09:29see686
Центробанк сохранил ключевую ставку
"""

SCRAPED_AR = """طلبت الأمم المتحدة من أرفانيا المساهمة بقوات في قوة الاستقرار المقترحة في مدينة سلمار الساحلية.

عاصفة تقطع الكهرباء عن الآلاف في الشمال البنك المركزي يثبت أسعار الفائدة

وقال مصدر في وزارة الخارجية إن أرفانيا لن تشارك في المهمة إلا بقرار من مجلس الأمن الدولي.

المصدر: وكالة الأنباء
كلمات دلالية: أرفانيا، سلمار

إقرأ أيضاً:
أرفانيا لن تشارك في قوة سلمار إلا بقرار من مجلس الأمن
مقالات مشابهة
  • أرفانيا تشترط قرارا دوليا قبل إرسال قوات
  • كيف يرى السكان مشروع القوة الدولية في سلمار؟
"""

SCRAPED_EN = """ + ↺ − 16 px
Home
World

The United States has approached Arvania to take part in a proposed stabilisation force.

Arvania has not yet reached a final decision, officials said on Monday, citing local media reports that describe a long debate in parliament about the mandate and
Share
Tags: Arvania, Selmar
Read also:
Storm cuts power to thousands in the north
Central bank holds interest rates steady
"""


def test_russian_page() -> None:
    result = clean_text(SCRAPED_RU)
    assert result.paragraphs == [
        "Арвания не будет участвовать в миссии в Сельмаре",  # the title, kept once
        "Организация Объединённых Наций обратилась к Арвании с просьбой направить военных в Сельмар.",
        "Арвания не планирует принимать участие в каких-либо миротворческих силах, сообщил источник.",
    ]
    reasons: dict[str, str] = {}
    for text, reason in result.dropped:
        reasons.setdefault(text, reason)  # the first occurrence (the list at the top)
    assert reasons["Центробанк сохранил ключевую ставку"] == "headline list"
    assert reasons["Просмотров: 1240"] == "view counter"
    assert "call to action" in reasons.values() and "repeated" in reasons.values()


def test_arabic_page() -> None:
    result = clean_text(SCRAPED_AR)
    assert len(result.paragraphs) == 2
    assert all(p.endswith(".") for p in result.paragraphs)
    dropped = [t for t, _ in result.dropped]
    assert any("عاصفة" in t for t in dropped)  # pasted headlines that share no word
    assert any(t.startswith("كيف يرى") for t in dropped)  # a related item ending in «؟»


def test_english_page_keeps_an_unpunctuated_paragraph() -> None:
    result = clean_text(SCRAPED_EN)
    assert result.paragraphs == [
        "The United States has approached Arvania to take part in a proposed stabilisation force.",
        "Arvania has not yet reached a final decision, officials said on Monday, citing local media "
        "reports that describe a long debate in parliament about the mandate and",
    ]


def test_empty_and_boilerplate_only() -> None:
    assert clean_text("").paragraphs == []
    assert clean_text("Home\nMenu\nShare\n").paragraphs == []


# The scraped seeds in ../shared show real input; we assert on their structure, not their text.
_TERMINAL = re.compile(r"[.!?…؟»\"”)]\s*$")
_PROMO = re.compile(r"^Следите за")


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _kept(path: Path) -> list[str]:
    return clean_text(read_source(str(path)).text).paragraphs


def _body_lines(path: Path) -> list[str]:
    """Lines that are plainly article body: long and ending like a sentence."""
    return [
        ln
        for ln in _lines(path)
        if len(ln.split()) >= 12 and _TERMINAL.search(ln) and not _PROMO.match(ln)
    ]


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


@needs_seeds
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_body_survives(path: Path) -> None:
    kept = _kept(path)
    for line in _body_lines(path):
        line = re.sub(r"^date \d{4}-\d{2}-\d{2}\s*", "", line)
        assert any(" ".join(line.split()) == " ".join(k.split()) for k in kept), line[:80]


@needs_seeds
def test_seed_headline_list_is_gone() -> None:
    path = next(SEEDS.glob("000_*.txt"))
    lines = _lines(path)
    repeated = {ln for ln in lines if lines.count(ln) > 1}  # the lists appear twice
    kept = _kept(path)
    assert len(repeated) > 15
    survivors = [k for k in kept if k in repeated]
    assert len(survivors) <= 1  # at most the page title, once
    assert kept.count(survivors[0]) == 1 if survivors else True
    assert not any(re.search(r"see\d+$|Просмотров|Комментари", k) for k in kept)


@needs_seeds
def test_seed_related_list_is_gone() -> None:
    path = next(SEEDS.glob("003_*.txt"))
    lines = _lines(path)
    marker = next(i for i, ln in enumerate(lines) if "أيضا" in ln)
    tail = set(lines[marker:])
    kept = _kept(path)
    assert len(tail) > 5
    assert not tail & set(kept)


def test_a_body_line_without_its_full_stop_is_kept_by_its_context() -> None:
    """Between two body sentences, sharing words with the article: body, not clutter
    (it used to be dropped as an "off-topic headline"); the same line pasted among
    headline lists at the end is still clutter."""
    body = [
        "طلبت الأمم المتحدة من أرفانيا المساهمة بقوات في مهمة سلمار، بحسب مسؤولين.",
        "وقال مسؤولون إن أرفانيا سترسل قوات إلى مهمة سلمار",
        "وأكدت وزيرة الخارجية لينا فارغا أن الحكومة ستتخذ قرارها خلال أسبوعين.",
    ]
    result = clean_text("\n".join(body))
    assert result.paragraphs == body
    quotes = clean_text(
        "The talks in Selmar ended late on Monday, officials said.\n«Меня укусили!“»\n"
        "Doctors in Selmar treated the bite the same evening, officials said."
    )
    assert "«Меня укусили!“»" in quotes.paragraphs  # every closing quote style
    tail = clean_text("\n".join([body[0], body[2], "Read also:", body[1]]))
    assert body[1] not in tail.paragraphs


def test_a_short_line_between_paragraphs_that_lost_their_full_stop_too_is_body() -> None:
    """Arabic news often drops full stops: a short line between a sentence and a long
    unpunctuated paragraph is body (it was dropped as an "off-topic headline"); a pasted
    link that shares no word with the article is still clutter there."""
    long_a = ("وقال المتحدث باسم الشرطة في مدينة سلمار إن المحققين استجوبوا سائق الشاحنة "
              "لساعات طويلة قبل أن يحيلوه إلى النيابة العامة التي وجهت إليه تهما بالقتل "
              "العمد والإرهاب وفق ما ذكرت وثائق المحكمة.")  # fmt: skip
    long_b = ("وأضاف المتحدث أن عائلات الضحايا تلقت دعما نفسيا من البلدية وأن المدينة "
              "ستقيم نصبا تذكاريا في موقع الهجوم قرب ممر الدراجات خلال الأشهر المقبلة "
              "بعد التشاور مع السكان والعائلات")  # fmt: skip
    short = "سبعة من ضحايا الهجوم كانوا سياحا من خارج المدينة"
    result = clean_text("\n".join([long_a, short, long_b]))
    assert result.paragraphs == [long_a, short, long_b]
    pasted = "أسعار الذهب ترتفع بقوة في البورصات العالمية"  # a link on nothing of the article
    assert pasted not in clean_text("\n".join([long_a, pasted, long_b])).paragraphs


def test_two_titles_glued_between_body_sentences_are_dropped() -> None:
    """A scraped page can paste two related-article titles into one line between body
    sentences. It shares words with the article, but no sentence runs twenty words
    without a comma: it is dropped; body text that lost its full stop is kept."""
    body = [
        "The ministry said the force would not deploy to Selmar before a full ceasefire.",
        "The statement comes amid international talks on a stabilisation force for Selmar.",
    ]
    glued = (
        'Rebels comment on Korsland joining the "Northern Accord" Red Cross on its way '
        "to Selmar to collect a hostage's remains"
    )
    result = clean_text("\n".join([body[0], glued, body[1]]))
    assert result.paragraphs == body
    assert (glued, "off-topic headline") in result.dropped
    lost_stop = "Officials in Selmar say the force will need more time to deploy"
    assert clean_text("\n".join([body[0], lost_stop, body[1]])).paragraphs == [
        body[0],
        lost_stop,
        body[1],
    ]


@needs_seeds
def test_seed_glued_related_titles_are_dropped() -> None:
    path = next(SEEDS.glob("003_*.txt"))
    glued = next(ln for ln in _lines(path) if ln.startswith("حماس تعلق"))
    assert glued not in _kept(path)


def test_a_long_arabic_body_sentence_without_commas_or_full_stop_is_kept() -> None:
    """Arabic body sentences often have neither commas nor a final full stop; only two
    clauses run together across a quoted title mark glued titles."""
    body = [
        "قالت الوزارة إن القوة لن تنتشر في سلمار قبل وقف كامل لإطلاق النار.",
        "واجتمع قادة البلدين في وقت لاحق من هذا الشهر في العاصمة لعقد محادثات جديدة حول "
        "مستقبل قوة الاستقرار في سلمار",
        "وتأتي هذه التصريحات في إطار المحادثات الدولية حول قوة الاستقرار في سلمار.",
    ]
    assert clean_text("\n".join(body)).paragraphs == body


def test_a_title_over_a_short_first_sentence_is_kept() -> None:
    """A news article's first line is its title even when the sentence under it is
    short: it was dropped as an "off-topic headline" (7 of NTREX's 186 files lost
    theirs), and with it the event's name. A title sharing no word with the article,
    and a stray line lower down, still go."""
    text = [
        "Desperate search for survivors in Varno as deaths double",
        "For survivors, the situation was dire.",
        "Rescue teams in Varno pulled 40 people from the water on Monday, officials said.",
        "The flood toll rose to 120, the regional governor told reporters on Tuesday.",
    ]
    assert clean_text("\n".join(text)).paragraphs == text
    stray = "Weekend football: Rangers beat Celtic"
    result = clean_text("\n".join([stray, *text[1:]]))
    assert result.paragraphs == text[1:]
    assert (stray, "off-topic headline") in result.dropped
