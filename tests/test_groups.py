"""Reprint/translation groups and contradictions counted once per group pair."""

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import MirrorNli, RuleNli
from rich.console import Console

import checker
from checker.cli import main
from checker.config import Config
from checker.pair.groups import group_sources
from checker.report import render_report, report_html, report_markdown
from checker.schema import FindingSide, NliProbs, PairFinding, Sentence, Source, Verdict

REPRINTS = Path(__file__).resolve().parent.parent / "samples" / "reprints"
WIRE = ["wire-ar.txt", "wire-en.txt", "wire-ru.txt"]


def _inputs() -> list[Path]:
    return sorted(REPRINTS.glob("*.txt"))


def _carriers(report: checker.Report, findings: list[PairFinding]) -> set[str]:
    """Every wire source a set of findings reports, through a side or its copies."""
    sides = [side for f in findings for side in (f.a, f.b) if side.source in WIRE]
    return {s.source for s in sides} | {c.source for s in sides for c in s.copies}


def test_translated_trio_is_one_group_and_its_contradictions_count_once() -> None:
    nli = MirrorNli()
    report = checker.compare(_inputs(), nli=nli)
    assert len(report.groups) == 1
    group = report.groups[0]
    assert (group.id, group.sources) == ("G1", WIRE)
    assert group.mirrored_claims >= 5  # title and five body sentences, in three languages
    assert {s.name: s.group for s in report.sources} == {
        "korsland-radio.txt": None,
        **{name: "G1" for name in WIRE},
    }
    # Korsland Radio contradicts three claims of the wire story, each told in three
    # languages: three distinct contradictions, each reported with all three copies.
    assert report.summary.distinct_contradictions == 3
    covered = []
    for summary in report.contradiction_summaries:
        assert summary.between == ["G1", "korsland-radio.txt"]
        found = report.summary_findings(summary)
        assert _carriers(report, found) == set(WIRE)
        assert {f.b.source for f in found} == {"korsland-radio.txt"}
        assert len({f.b.index for f in found}) == 1  # one Korsland sentence per summary
        model = [f.confidence for f in found if f.confidence is not None]
        assert summary.confidence == (max(model) if model else None)
        assert all((f.confidence is None) == (f.decided_by != "nli") for f in found)
        covered += summary.findings
    assert sorted(covered) == [
        n for n, f in enumerate(report.findings) if f.verdict is Verdict.CONTRADICTION
    ]
    reasons = " ".join(r for s in report.contradiction_summaries for r in s.reasons)
    assert "figures differ: 2,000 soldiers vs 500 soldiers" in reasons
    assert "different people as defence minister" in reasons
    # Reprint-aware pairing judges a confirmed claim once, not once per copy.
    blind_nli = MirrorNli()
    blind = checker.compare(_inputs(), Config(reprint_pairing=False), nli=blind_nli)
    assert blind.summary.distinct_contradictions == 3
    assert nli.calls == report.summary.nli_calls < blind_nli.calls == blind.summary.nli_calls
    assert report.summary.contradictions < blind.summary.contradictions
    assert all(not side.copies for f in blind.findings for side in (f.a, f.b))


def test_no_group_without_entailment_both_ways() -> None:
    """The rule-based fake reads translations as neutral: similar wording alone groups nothing."""
    report = checker.compare(_inputs(), nli=RuleNli())
    assert report.groups == []
    assert all(s.group is None for s in report.sources)
    assert len(report.contradiction_summaries) == report.summary.contradictions
    assert all(len(s.findings) == 1 for s in report.contradiction_summaries)


def test_share_threshold_decides_grouping() -> None:
    strict = checker.compare(_inputs(), Config(reprint_similarity=0.8), nli=MirrorNli())
    assert strict.groups == []  # translations embed at 0.6-0.87: too few pass 0.8
    assert strict.summary.distinct_contradictions == strict.summary.contradictions


def _finding(a: tuple[str, int], b: tuple[str, int], ab: float, ba: float) -> PairFinding:
    def side(key: tuple[str, int]) -> FindingSide:
        return FindingSide(source=key[0], index=key[1], text="x", language="en")

    def probs(e: float) -> NliProbs:
        return NliProbs(entailment=e, neutral=1 - e, contradiction=0.0)

    return PairFinding(
        verdict=Verdict.AGREEMENT,
        confidence=max(ab, ba),
        similarity=0.9,
        a=side(a),
        b=side(b),
        a_to_b=probs(ab),
        b_to_a=probs(ba),
    )


def _source(name: str, n: int) -> Source:
    sentences = [Sentence(source=name, index=i, text="x", language="en") for i in range(n)]
    return Source(name=name, origin=name, language="en", sentence_count=n, sentences=sentences)


def test_a_summary_is_not_a_reprint() -> None:
    """A digest entails the original one way only; a translation both ways."""
    sources = [_source("orig", 4), _source("digest", 3), _source("copy", 4)]
    findings = [_finding(("orig", i), ("digest", i), 0.9, 0.2) for i in range(3)]
    findings += [_finding(("orig", i), ("copy", i), 0.9, 0.9) for i in range(3)]
    groups, claim_of = group_sources(
        sources, findings, min_similarity=0.5, entailment=0.5, min_share=0.5
    )
    assert [g.sources for g in groups] == [["orig", "copy"]]
    assert claim_of[("orig", 0)] == claim_of[("copy", 0)] != claim_of[("digest", 0)]
    assert claim_of[("orig", 3)] != claim_of[("copy", 3)]  # unmirrored lines stay apart


def test_one_shared_line_does_not_make_a_reprint() -> None:
    sources = [_source("a", 10), _source("b", 10)]
    one = [_finding(("a", 0), ("b", 0), 0.9, 0.9)]
    assert group_sources(sources, one, min_similarity=0.5, entailment=0.5, min_share=0.05)[0] == []
    four = [_finding(("a", i), ("b", i), 0.9, 0.9) for i in range(4)]
    assert group_sources(sources, four, min_similarity=0.5, entailment=0.5, min_share=0.5)[0] == []
    assert group_sources(sources, four, min_similarity=0.5, entailment=0.5, min_share=0.4)[0]


def test_reports_show_groups_provenance_and_repeats() -> None:
    report = checker.compare(_inputs(), nli=MirrorNli())
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=200, no_color=True))
    text = " ".join(buffer.getvalue().split())
    n = report.summary.contradictions
    assert n > 3 and f"{n} contradictions found, 3 once reprints are merged" in text
    assert "wire-ar.txt, wire-en.txt, wire-ru.txt tell one story" in text
    repeated = sum(len(s.findings) > 1 for s in report.contradiction_summaries)
    assert repeated and text.count("same contradiction") == repeated
    assert f"G1 ↔ korsland-radio.txt: 3 contradiction(s) ({n} findings)" in text
    copies = [c for f in report.findings for side in (f.a, f.b) for c in side.copies]
    assert copies and "same claim in: " in text
    assert "cites: Korsland Radio" in text
    assert text.count("A⇒B") == 3  # one row per distinct contradiction, no agreements listed
    md = report_markdown(report)
    assert (
        "## Sources that tell one story" in md
        and md.count("same contradiction also in") == repeated
    )
    assert f"- G1 ↔ korsland-radio.txt: 3 contradiction(s) ({n} findings)" in md
    assert "<br>same claim in: " in md
    assert "| wire-ru.txt | ru | 2026-03-10 | 6 | G1 | агентство Selmar News," in md
    html = report_html(report)
    assert "<h2>Sources that tell one story</h2>" in html and 'class="repeats"' in html
    assert 'class="meta copies"' in html and "same claim in: " in html


def test_json_carries_groups_summaries_and_citations(nli_agreeing: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["compare", *map(str, _inputs()), "--format", "json", "--nli-model", str(nli_agreeing)],
    )
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["schema_version"] == "4.1"
    assert {"groups", "contradiction_summaries"} <= report.keys()
    assert "distinct_contradictions" in report["summary"]
    assert {"reprint_similarity", "reprint_share"} <= report["thresholds"].keys()
    cited = {s["name"]: s["cited"] for s in report["sources"]}
    assert cited["korsland-radio.txt"] == ["Korsland Radio"]
    assert cited["wire-en.txt"] == ["Selmar News Agency", "Arvanian defence ministry"]
    # The tiny agreeing model reads every pair as entailment both ways, yet Korsland
    # Radio stays apart: two of its lines conflict on facts, one is below the cut.
    assert [g["sources"] for g in report["groups"]] == [WIRE]


SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_real_seed_articles_group_as_the_newsroom_would() -> None:
    """Five scraped articles (ru ×3, ar, en): two Russian reports and the English one
    retell one story (000, 001, 004); the third Russian and the Arabic article do not."""
    report = checker.compare(sorted(SEEDS.glob("*.txt")), nli=MirrorNli())
    assert [[name[:3] for name in g.sources] for g in report.groups] == [["000", "001", "004"]]
    assert report.summary.distinct_contradictions < report.summary.contradictions
    assert any("AnewZ" in s.cited for s in report.sources)  # an outlet both reports cite


def test_a_contradiction_inside_one_group_names_its_sources(samples: list[Path]) -> None:
    """The story samples share half their sentences in translation: at a 50% share they
    form one group, their planted contradictions are then edits inside it, and each
    summary names the two sources, not 'G1 ↔ G1'."""
    assert checker.compare(samples, nli=MirrorNli()).groups == []  # below the default 60%
    report = checker.compare(samples, Config(reprint_share=0.5), nli=MirrorNli())
    assert [g.sources for g in report.groups] == [["ar.txt", "en.txt", "ru.txt"]]
    assert report.contradiction_summaries
    for summary in report.contradiction_summaries:
        first = report.summary_findings(summary)[0]
        assert summary.between == [first.a.source, first.b.source]
    numbers = next(s for s in report.contradiction_summaries if "20,000" in " ".join(s.reasons))
    # en and ar both say 20,000 in mirrored sentences: ru's 5,000 is one contradiction
    assert len(numbers.findings) == 2
