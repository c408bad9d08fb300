"""What the rules beside NLI decide, what they only note, and how every format shows it:
whole sentences at any terminal width, "—" for scores no model produced, notes that
never change a verdict."""

import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from fakes import MirrorNli, RuleNli
from rich.console import Console

import checker
from checker.cli import main
from checker.config import Config
from checker.errors import ExitCode
from checker.findings import finding
from checker.judge.score import Side, rules
from checker.pair.candidates import Candidate
from checker.report import render_report, report_html, report_markdown
from checker.schema import Sentence, Verdict

REPRINTS = Path(__file__).resolve().parent.parent / "samples" / "reprints"
BORDERS = re.compile(r"[\s│╭╮╰╯─┃┏┓┗┛━┌┐└┘├┤┬┴┼╞╡═]+")


def flat(text: str) -> str:
    """Rendered text without borders and line breaks: what wrapping leaves of a sentence."""
    return BORDERS.sub("", text)


@pytest.fixture(scope="module")
def story(samples: list[Path]) -> checker.Report:
    return checker.compare(samples, nli=RuleNli())


@pytest.mark.parametrize("width", [60, 80, 120])
def test_every_sentence_of_every_finding_is_shown_whole(story: checker.Report, width: int) -> None:
    shown = [story.findings[s.findings[0]] for s in story.contradiction_summaries]
    shown += story.agreements
    assert shown
    buffer = io.StringIO()
    render_report(story, Console(file=buffer, width=width, no_color=True), show_agreements=True)
    text = buffer.getvalue()
    assert max(len(line) for line in text.splitlines()) <= width
    assert "…" not in text
    everything = flat(text)
    for f in shown:
        for side in (f.a, f.b):
            assert flat(side.text) in everything, (width, side.text)
        if f.reason:
            assert flat(f.reason) in everything


def test_no_nli_model_reports_no_scores_calls_or_ratio(samples: list[Path]) -> None:
    result = CliRunner().invoke(
        main, ["compare", *map(str, samples), "--nli-model", "none", "--format", "json"]
    )
    assert result.exit_code in (ExitCode.OK, ExitCode.CONTRADICTIONS), result.output
    data = json.loads(result.stdout)
    assert data["summary"]["nli_calls"] is None and data["summary"]["agreement_ratio"] is None
    assert data["findings"] and all(
        f["a_to_b"] is None and f["b_to_a"] is None for f in data["findings"]
    )
    report = checker.Report.model_validate(data)
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=120, no_color=True))
    for text in (buffer.getvalue(), report_markdown(report), report_html(report)):
        assert "NLI calls" not in text and "no NLI model" in text
        assert "c 0.00" not in text and "e 0.00" not in text
    if report.contradictions:
        assert "A⇒B —" in buffer.getvalue()


def _sentences(a: str, la: str, b: str, lb: str) -> list[Sentence]:
    return [
        Sentence(source="a.txt", index=0, text=a, language=la),
        Sentence(source="b.txt", index=0, text=b, language=lb),
    ]


def _finding(a: str, la: str, b: str, lb: str, *, mutual: bool, rank: int, nli: list[float],  # type: ignore[no-untyped-def]
             copies: bool = True):  # fmt: skip
    """A pair of a translation (copies) unless said otherwise."""
    sentences = _sentences(a, la, b, lb)
    cand = Candidate(0, 1, 0.7, rank=rank, mutual=mutual, copies=copies)
    row = np.array(nli)
    return finding(cand, row, row, sentences, {"a.txt": None, "b.txt": None}, Config())


FIVE = (
    "The storm killed 40 people in the north.",
    "en",
    "Шторм унёс жизни 90 человек на севере.",
    "ru",
)


def test_a_figure_conflict_between_counterparts_overrules_an_agreeing_model() -> None:
    f = _finding(*FIVE, mutual=True, rank=1, nli=[0.9, 0.05, 0.05])
    assert f.verdict is Verdict.CONTRADICTION and f.decided_by == "numbers"
    assert f.confidence is None and f.a_to_b is not None and f.a_to_b.entailment == 0.9
    assert f.reason == "figures differ: 40 people vs 90 человек"
    assert [(e.a.value, e.b.value, e.basis, e.decides) for e in f.figures] == [
        (40, 90, "concept", True)
    ]


def test_sentences_that_are_not_counterparts_get_no_note() -> None:
    """Not each other's closest sentences: the pair is not the place where either
    source tells this fact, so its figures are evidence only, never a note (notes
    between non-counterparts were 45 of 45 notes on NTREX translations, fold A). In a
    translation such a pair is no copy: a copy that is nobody's closest sits between
    copied neighbours (tests/test_background.py) and is the counterpart."""
    f = _finding(*FIVE, mutual=False, rank=2, nli=[0.9, 0.05, 0.05], copies=False)
    assert f.verdict is Verdict.AGREEMENT and f.decided_by == "nli" and f.reason is None
    assert f.notes == []
    assert [e.decides for e in f.figures] == [False]


def test_a_note_needs_figures_of_one_kind() -> None:
    """Counterparts between independent reports below the rule floor: a note when both
    figures count one thing, none for "more than 5.5 million" against «семь лет»."""
    config = Config(number_similarity=0.35, rule_similarity=0.45)
    same = rules(Side(FIVE[0], "en"), Side(FIVE[2], "ru"), 0.4, False, config, closest=True,
                 copies=False)  # fmt: skip
    assert same.notes and same.notes[0].startswith("figures differ: 40 people vs 90 человек")
    assert "a note, not a verdict" in same.notes[0]
    other = rules(
        Side("More than 5.5 million people have left the country.", "en"),
        Side("Он пришёл к власти семь лет назад.", "ru"),
        0.4, False, config, closest=True, copies=False,
    )  # fmt: skip
    assert other.notes == []


def test_independent_reports_need_a_name_or_a_figure_that_shows_one_event() -> None:
    """Two similar sentences of unrelated reports ("won 5-3 in Dundee", "a 1-0 win at
    the Etihad") are no fact told twice: without a shared name or figure a figure
    conflict between them is a note, with one it decides."""
    config = Config()
    apart = rules(Side("The Stars won the return match 5-3 on Saturday.", "en"),
                  Side("City sealed a 1-0 win on Saturday.", "en"), 0.55, True, config,
                  closest=True, copies=False)  # fmt: skip
    assert not apart.conflicts
    named = rules(Side("The Stars won the return match 5-3 in Dundee.", "en"),
                  Side("The Stars won the match 4-3 in Dundee.", "en"), 0.7, True, config,
                  closest=True, copies=False)  # fmt: skip
    assert named.conflicts
    across = rules(Side("The storm killed 40 people in Palu.", "en"),
                   Side("Шторм унёс жизни 90 человек в Палу.", "ru"), 0.7, True, config,
                   closest=True, copies=False)  # fmt: skip
    assert across.conflicts  # Palu = Палу
    # closest one way only, no name: a note
    assert not rules(Side(FIVE[0], "en"), Side(FIVE[2], "ru"), 0.55, False, config,
                     closest=True, copies=False).conflicts  # fmt: skip
    # each other's closest, counting one named thing (people): that is the anchor
    assert rules(Side(FIVE[0], "en"), Side(FIVE[2], "ru"), 0.55, True, config,
                 closest=True, copies=False).conflicts  # fmt: skip
    # a near-paraphrase is one fact without a name
    assert rules(Side(FIVE[0], "en"), Side(FIVE[2], "ru"), 0.7, False, config,
                 closest=True, copies=False).conflicts  # fmt: skip
    # durations and scores are no such anchor: "two days" and «две минуты»
    assert not rules(Side("He played well over the past two days.", "en"),
                     Side("Они должны были забить гол всего за две минуты.", "ru"), 0.5, True,
                     config, closest=True, copies=False).conflicts  # fmt: skip


def test_how_close_the_sentences_must_be_depends_on_whether_the_sources_are_copies() -> None:
    """Between copies of one story (a translation) the closest sentences decide from
    number_similarity; between independent reports from rule_similarity (where a name
    both write shows one event)."""
    a = Side("The storm killed 40 people in Palu.", "en")
    b = Side("Шторм унёс жизни 90 человек в Палу.", "ru")
    config = Config(number_similarity=0.35, rule_similarity=0.45)
    assert rules(a, b, 0.4, False, config, closest=True, copies=True).conflicts
    assert not rules(a, b, 0.4, False, config, closest=True, copies=False).conflicts
    assert rules(a, b, 0.4, False, config, closest=True, copies=False).notes
    assert rules(a, b, 0.5, False, config, closest=True, copies=False).conflicts
    assert not rules(a, b, 0.9, False, config, closest=False, copies=True).conflicts


def test_independent_reports_that_state_other_facts_get_a_note() -> None:
    """ "Four points ahead" now and a "five-point lead" in the 1997 match share a unit
    but not a time: a note. One side's extra detail is no such sign."""
    config = Config()
    now = Side("Europe are four points ahead with twelve more in play.", "en")
    then = Side("In the 1997 match his side held a five-point lead.", "en")
    found = rules(now, then, 0.6, True, config, copies=False)
    assert not found.conflicts and found.notes
    detail = Side("The Selmar mission will have about 6,000 soldiers from eight countries.", "en")
    plain = Side("Миссия в Селмаре будет насчитывать около двух тысяч военных.", "ru")
    assert rules(detail, plain, 0.6, True, config, copies=False).conflicts


def test_a_bare_number_decides_between_independent_reports_only_in_paraphrases() -> None:
    config = Config()
    bare = Side("Molinari's putt won the match on 15.", "en")
    counted = Side("Молинари сосредоточился на 12 игроках команды.", "ru")
    assert not rules(bare, counted, 0.45, True, config, copies=False).conflicts
    assert rules(bare, counted, 0.45, True, config, copies=True).conflicts
    assert rules(bare, counted, 0.65, True, config, copies=False).conflicts


def test_the_model_decides_when_the_figures_agree_and_says_so() -> None:
    """The model reads a contradiction, the figures agree: the contradiction stands (the
    model may have read a negation) and a note says the figures are not its cause."""
    f = _finding(
        "The toll rose above 800 on Monday.", "en", "Число погибших достигло 832 во вторник.", "ru",
        mutual=True, rank=1, nli=[0.05, 0.05, 0.9],
    )  # fmt: skip
    assert f.verdict is Verdict.CONTRADICTION and f.decided_by == "nli" and f.confidence == 0.9
    assert f.reason is None and f.figures == []
    assert f.notes == [
        "figures agree (above 800 vs 832): the model's contradiction is not about these figures"
    ]


def test_the_model_and_a_rule_agreeing_is_the_models_verdict_with_the_rules_reason() -> None:
    f = _finding(*FIVE, mutual=True, rank=1, nli=[0.05, 0.05, 0.9])
    assert f.decided_by == "nli" and f.confidence == 0.9
    assert f.reason == "figures differ: 40 people vs 90 человек"


def test_notes_are_shown_in_every_format_and_never_fail_the_gate(samples: list[Path]) -> None:
    report = checker.compare(samples, nli=RuleNli())
    noted = _finding(*FIVE, mutual=False, rank=2, nli=[0.1, 0.8, 0.1], copies=False)
    assert noted.verdict is Verdict.UNRELATED
    # a note as independent reports get one (test_a_note_needs_figures_of_one_kind)
    noted = noted.model_copy(
        update={"notes": ["figures differ: 40 people vs 90 человек (independent reports, "
                          "similarity below 0.75: a note, not a verdict)"]}
    )  # fmt: skip
    report = report.model_copy(
        update={
            "findings": [*report.findings, noted],
            "summary": report.summary.model_copy(update={"notes": report.summary.notes + 1}),
        }
    )
    note = noted.notes[0]
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=80, no_color=True))
    assert flat(note) in flat(buffer.getvalue())
    assert note in report_markdown(report)
    assert note.replace("'", "&#x27;") in report_html(report)
    again = checker.Report.model_validate_json(report.model_dump_json())
    assert again.findings[-1].notes == [note] and again.summary.notes == report.summary.notes


def test_rule_verdicts_are_contradictions_the_model_missed() -> None:
    """The reprints' figure and people conflicts are verdicts the model alone misses (it
    reads them as paraphrases); with both rules off only the model's own remain."""
    inputs = [str(p) for p in sorted(REPRINTS.glob("*.txt"))]
    report = checker.compare(inputs, nli=MirrorNli())
    assert "people" in {f.decided_by for f in report.contradictions}
    assert any(f.reason and "figures differ" in f.reason for f in report.contradictions)
    off = checker.compare(inputs, Config(number_check=False, people_check=False), nli=MirrorNli())
    assert all(f.decided_by == "nli" and not f.reason for f in off.contradictions)
    assert len(off.contradictions) < len(report.contradictions)


SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_the_scraped_seeds_raise_no_rule_contradiction() -> None:
    """Five real articles on one story (ru ×3, ar, en), as scraped: they disagree in
    wording and detail, but no figure or person in a role between counterparts."""
    report = checker.compare(sorted(SEEDS.glob("*.txt")), Config(nli_model="none"))
    assert report.summary.sentences > 40
    assert report.contradictions == []


def test_figures_of_two_days_of_the_week_are_two_facts_even_in_copies() -> None:
    """A translation paired with another sentence of its original: seven taken to
    hospital on Friday, six still there on Saturday."""
    config = Config()
    ar = Side("وفي يوم الجمعة، قال المسؤولون إنه تم نقل سبعة أشخاص إلى المشفى.", "ar")
    days = rules(ar, Side("Шестеро пассажиров оставались в больнице в субботу.", "ru"), 0.6,
                 True, config, closest=True)  # fmt: skip
    assert not days.conflicts
    one_day = rules(ar, Side("В пятницу чиновники сказали, что шесть человек доставлены в "
                             "больницу.", "ru"), 0.6, True, config, closest=True)  # fmt: skip
    assert one_day.conflicts


def test_a_weekday_is_read_only_where_the_word_cannot_be_another() -> None:
    from checker.checks.timeforms import weekdays

    assert weekdays("وفي يوم الإثنين الماضي") == weekdays("on Monday") == {0}
    assert weekdays("اتفق الاثنين على الأحد") == frozenset()  # the two; the one
    assert weekdays("окружающая среда") == frozenset() and weekdays("в среду") == {2}
    assert weekdays("cümə axşamı") == {3} and weekdays("Cuma günü") == {4}
