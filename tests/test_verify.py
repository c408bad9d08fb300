"""checker verify: a draft checked sentence by sentence against its sources, on the
sample (samples/verify: an English draft, its Russian and Arabic sources, one figure
contradicted and one sentence no source tells), with stand-in and tiny real models."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fakes import MirrorNli, RuleNli

import checker
from checker.cli import main
from checker.config import Config
from checker.draft import SentenceVerdict, VerifyOptions, VerifyReport, verify
from checker.report.verify import verify_html, verify_markdown

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "verify"
DRAFT = SAMPLE / "draft-en.md"
SOURCES = [SAMPLE / "lindor-ru.txt", SAMPLE / "lindor-ar.txt"]
CONTRADICTED = "The bridge will cost 48 million euros"
UNSUPPORTED = "The design was drawn up by an architecture firm"
NO_NLI = Config(nli_model="none")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _verdicts(report: VerifyReport) -> dict[str, SentenceVerdict]:
    return {s.text: s.verdict for s in report.sentences}


def _of(report: VerifyReport, start: str) -> SentenceVerdict:
    return next(v for text, v in _verdicts(report).items() if text.startswith(start))


def test_checker_verify_is_the_library_call() -> None:
    report = checker.verify(DRAFT, SOURCES, NO_NLI)
    assert isinstance(report, VerifyReport) and report.summary.contradicted == 1


def test_the_sample_with_a_reading_model() -> None:
    """A stand-in that reads translations as entailment: the figure is contradicted (by
    both sources, the rule naming both figures), the invented sentence is not in the
    sources, the question is no claim, the rest is supported with its sources named."""
    report = verify(DRAFT, SOURCES, nli=MirrorNli())
    assert _of(report, CONTRADICTED) is SentenceVerdict.CONTRADICTED
    assert _of(report, UNSUPPORTED) is SentenceVerdict.NOT_IN_SOURCES
    assert _of(report, "Will the city") is SentenceVerdict.NOT_A_CLAIM
    for start in ("Lindor city council", "Mayor Anna Keller", "Twelve council members"):
        assert _of(report, start) is SentenceVerdict.SUPPORTED, start
    line = next(s for s in report.sentences if s.text.startswith(CONTRADICTED))
    assert "42" in line.why and "48" in line.why
    assert {e.source for e in line.evidence if e.verdict == "contradicts"} == {
        "lindor-ru.txt",
        "lindor-ar.txt",
    }
    supported = next(s for s in report.sentences if s.text.startswith("Mayor Anna Keller"))
    assert "lindor-ru.txt#" in supported.why and "lindor-ar.txt#" in supported.why
    s = report.summary
    assert (s.contradicted, s.not_in_sources, s.not_a_claim) == (1, 1, 1)
    assert s.supported >= 4 and not s.passed and s.nli_calls == s.evidence_judged


def test_without_an_nli_model_it_says_what_it_cannot_know() -> None:
    report = verify(DRAFT, SOURCES, NO_NLI)
    assert _of(report, CONTRADICTED) is SentenceVerdict.CONTRADICTED  # the figure rule
    assert _of(report, UNSUPPORTED) is SentenceVerdict.NOT_IN_SOURCES
    assert _of(report, "Mayor Anna Keller") is SentenceVerdict.UNVERIFIED
    assert report.summary.supported == 0 and report.summary.nli_calls is None
    assert any("no NLI model ran" in w for w in report.warnings)
    line = next(s for s in report.sentences if s.text.startswith("Mayor Anna Keller"))
    assert all(e.nli is None and e.verdict == "unjudged" for e in line.evidence)


def test_nli_work_grows_linearly_with_the_draft(tmp_path: Path) -> None:
    """Twice the draft, twice the NLI calls; the sources are never judged against each
    other unless asked."""
    body = [line for line in DRAFT.read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = [line for line in body if not line.endswith("?")]
    once = tmp_path / "once.md"
    once.write_text("\n\n".join(claims), encoding="utf-8")
    twice = tmp_path / "twice.md"
    twice.write_text("\n\n".join(claims + [c.replace("the", "that") for c in claims]), "utf-8")
    ru, ar = 7, 6  # sentences in the sources
    per_sentence = sum(min(VerifyOptions().per_source, n) + 2 for n in (ru, ar))
    counts = []
    for draft in (once, twice):
        nli = RuleNli()
        report = verify(draft, SOURCES, options=VerifyOptions(staged=False), nli=nli)
        assert report.sources_report is None
        assert report.summary.not_a_claim == 0
        assert nli.calls == report.summary.sentences * per_sentence
        counts.append(report.summary.sentences)
        staged = RuleNli()  # the default judges fewer windows, never more
        assert verify(draft, SOURCES, nli=staged).summary.nli_calls == staged.calls <= nli.calls
    assert counts[0] == len(claims) and counts[1] >= 2 * counts[0] - 1


@pytest.mark.parametrize("reader", [MirrorNli, RuleNli])
def test_windows_judged_only_where_no_single_sentence_decided(
    reader: Callable[[], Any],
) -> None:
    """Staged judging skips a source's windows for a draft sentence one of that
    source's single sentences already supports or contradicts: fewer NLI calls, the
    same verdicts; the calls per sentence and source are in the report."""
    every = verify(DRAFT, SOURCES, options=VerifyOptions(staged=False), nli=reader())
    staged = verify(DRAFT, SOURCES, nli=reader())
    assert _verdicts(staged) == _verdicts(every)
    assert [s.why.split("; yet")[0] for s in staged.sentences] == [
        s.why.split("; yet")[0] for s in every.sentences
    ]
    assert staged.summary.nli_calls is not None and every.summary.nli_calls is not None
    assert staged.summary.nli_calls < every.summary.nli_calls
    assert staged.summary.windows_skipped == every.summary.nli_calls - staged.summary.nli_calls
    assert every.summary.windows_skipped == 0
    assert sum(sum(s.nli_calls.values()) for s in staged.sentences) == staged.summary.nli_calls
    for line in staged.sentences:
        decided = {e.source for e in line.evidence if e.end - e.start == 1
                   and e.verdict in ("contradicts", "supports")}  # fmt: skip
        windows = {e.source for e in line.evidence if e.end - e.start > 1}
        assert not decided & windows, line.text
    assert staged.settings["staged"] is True and every.settings["staged"] is False


def test_sources_that_disagree_fail_nothing_unless_asked(tmp_path: Path) -> None:
    """Two sources disagree on a figure the draft never states: the draft passes; with
    also_sources the disagreement is reported beside the verdicts."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Mayor Anna Keller said the old bridge would stay open to pedestrians.\n")
    other = tmp_path / "other-ru.txt"
    text = (
        (SAMPLE / "lindor-ru.txt")
        .read_text(encoding="utf-8")
        .replace("42 миллиона", "55 миллионов")
    )
    other.write_text(text, encoding="utf-8")
    report = verify(draft, [SOURCES[0], other], nli=MirrorNli())
    assert report.summary.passed and report.sources_report is None
    asked = verify(
        draft, [SOURCES[0], other], options=VerifyOptions(also_sources=True), nli=MirrorNli()
    )
    assert asked.summary.passed and asked.sources_report is not None
    assert asked.sources_report.summary.contradictions >= 1


def test_every_format_shows_the_contradicted_and_the_unsupported_sentence(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    args = ["verify", str(DRAFT), *map(str, SOURCES), "--nli-model", "none", "-q"]
    rich = runner.invoke(main, [*args], env={"COLUMNS": "100"})
    assert rich.exit_code == 1, rich.output
    assert CONTRADICTED in rich.output and UNSUPPORTED in rich.output
    assert "figures differ: 42 миллиона евро vs 48 million euros" in rich.output
    assert "8 sentences: 1 contradicted, 1 not in the sources" in rich.output
    for fmt in ("md", "html", "json"):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(main, [*args, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 1, result.output
        text = out.read_text(encoding="utf-8")
        if fmt == "json":
            data = json.loads(text)
            verdicts = {s["text"][:30]: s["verdict"] for s in data["sentences"]}
            assert verdicts[CONTRADICTED[:30]] == "contradicted"
            assert verdicts[UNSUPPORTED[:30]] == "not_in_sources"
            assert data["schema_version"] == "2.2"
        else:
            assert CONTRADICTED in text and UNSUPPORTED in text
            assert "contradicted" in text and "not in the sources" in text


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_every_sentence_is_shown_whole_at_any_width(columns: int) -> None:
    from rich.console import Console

    from checker.report.verify import render_verify

    report = verify(DRAFT, SOURCES, nli=MirrorNli())
    console = Console(width=columns, record=True, color_system=None)
    render_verify(report, console)
    flat = " ".join(console.export_text().split())
    for line in report.sentences:
        assert " ".join(line.text.split()) in flat, (columns, line.text)


def test_fail_on_unsupported(tmp_path: Path) -> None:
    """Only the unsupported sentence left: exit 0 by default, 1 with --fail-on unsupported."""
    text = DRAFT.read_text(encoding="utf-8").replace(
        "The bridge will cost 48 million euros", "The bridge will cost 42 million euros"
    )
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    args = ["verify", str(draft), *map(str, SOURCES), "--nli-model", "none", "-q"]
    runner = CliRunner()
    assert runner.invoke(main, args).exit_code == 0
    assert runner.invoke(main, [*args, "--fail-on", "unsupported"]).exit_code == 1
    assert runner.invoke(main, [*args, "--fail-on", "unsupported", "--no-fail"]).exit_code == 0


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("\n\n", encoding="utf-8")
    runner = CliRunner()
    cases = [
        (["verify", str(empty), str(SOURCES[0])], "has no sentences"),
        (["verify", str(DRAFT), str(DRAFT)], "is also given as a source"),
        (["verify", str(DRAFT)], "no sources"),
        (["verify", str(tmp_path / "missing.md"), str(SOURCES[0])], "missing.md"),
    ]
    for args, message in cases:
        result = runner.invoke(main, [*args, "--nli-model", "none", "-q"])
        assert result.exit_code == 2, (args, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], (args, result.output)


def test_a_draft_inside_its_source_folder_is_left_out_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    shutil.copytree(SAMPLE, folder)
    report = verify(folder / "draft-en.md", [folder], NO_NLI)
    assert [s.name for s in report.sources] == ["lindor-ar.txt", "lindor-ru.txt"]
    assert any("is the draft itself" in w for w in report.warnings)


def test_a_tiny_real_model_through_the_real_loading_path(
    nli_agreeing: Path, tmp_path: Path
) -> None:
    """The CLI with a model folder (random weights leaning to entailment): JSON valid
    against `checker schema --kind verify`; the figure rule still contradicts."""
    import jsonschema

    out = tmp_path / "v.json"
    runner = CliRunner()
    args = ["verify", str(DRAFT), *map(str, SOURCES), "--nli-model", str(nli_agreeing)]
    result = runner.invoke(main, [*args, "--format", "json", "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    schema = json.loads(runner.invoke(main, ["schema", "--kind", "verify"]).output)
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["summary"]["nli_calls"] == data["summary"]["evidence_judged"] > 0
    line = next(s for s in data["sentences"] if s["text"].startswith(CONTRADICTED))
    assert line["verdict"] == "contradicted"
    assert any(e["decided_by"] == "numbers" for e in line["evidence"])


@pytest.mark.skipif(
    CHROMIUM is None,
    reason=os.environ.get("CHECKER_CHROMIUM_MISSING", "Debian's chromium is not installed"),
)
def test_verify_html_in_a_headless_browser(tmp_path: Path) -> None:
    """Flagged sentences open with their evidence; Arabic evidence runs right to left."""
    report = verify(DRAFT, SOURCES, nli=MirrorNli())
    probe = """<script>
const out = {open: [], rtl: []};
for (const d of document.querySelectorAll('details.s')) out.open.push([d.className, d.open]);
for (const el of document.querySelectorAll('.ev div[dir="rtl"]'))
  out.rtl.push(getComputedStyle(el).direction);
out.overflow = document.documentElement.scrollWidth > window.innerWidth + 1;
document.body.insertAdjacentHTML('beforeend', '<pre id="probe">' + JSON.stringify(out) + '</pre>');
</script>"""
    page = tmp_path / "probe.html"
    page.write_text(verify_html(report).replace("</body>", probe + "</body>"), encoding="utf-8")
    flags = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=900,1400",
    ]  # fmt: skip
    dom = subprocess.run(
        [*flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    result = json.loads(dom.rsplit('<pre id="probe">', 1)[1].split("</pre>", 1)[0])
    opened = {cls.split()[1]: is_open for cls, is_open in result["open"]}
    assert opened["contradicted"] is True and opened["not_in_sources"] is True
    assert opened["supported"] is False
    assert result["rtl"] and all(d == "rtl" for d in result["rtl"])
    assert result["overflow"] is False


def test_markdown_names_the_evidence() -> None:
    text = verify_markdown(verify(DRAFT, SOURCES, nli=MirrorNli()))
    assert "lindor-ru.txt#2" in text and "lindor-ar.txt#2" in text
    assert "✗ **contradicted**" in text and "? **not in the sources**" in text


NTREX = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex"


@pytest.mark.slow
@pytest.mark.skipif(not (NTREX / "docs").is_dir(), reason="../shared/data/ntrex not present")
def test_verify_on_real_news_holds_its_figures(bench_json: Callable[..., Any]) -> None:
    """bench/verify.py on the first 12 NTREX documents (a quarter of a minute; the docs
    give the whole half): coverage, false contradictions, planted figures, inserted
    sentences."""
    figures = bench_json("verify.py", "--ntrex", str(NTREX), "--docs", "12")
    assert figures["sentences"] > 200
    assert figures["coverage"] >= 0.98
    assert figures["false_per_1000"] <= 2.0
    assert figures["genuine_not_in_sources"] <= 0.01
    assert figures["planted"]["digits"] > 30 and figures["recall"]["digits"] >= 0.95
    assert figures["recall"]["words"] >= 0.80 and figures["recall"]["people"] >= 0.70
    assert figures["inserted"] > 30 and figures["inserted_not_in_sources"] >= 0.90


def test_the_draft_from_stdin() -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["verify", "-", *map(str, SOURCES), "--nli-model", "none", "--format", "json", "-q"],
        input=DRAFT.read_text(encoding="utf-8"),
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)  # warnings go to stderr
    assert data["draft"]["origin"] == "-" and data["summary"]["contradicted"] == 1


def test_a_missing_model_is_one_line_and_exit_3(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "verify", str(DRAFT), str(SOURCES[0]), "--offline", "--cache-dir",
            str(tmp_path / "empty-cache"), "-q",
        ],
    )  # fmt: skip
    assert result.exit_code == 3, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "mDeBERTa" in lines[0] and "--nli-model" in lines[0]


def test_an_edited_draft_is_judged_again_only_where_it_changed(
    nli_agreeing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor re-runs verify after changing one sentence: the NLI cache answers the
    pairs of the sentences that did not change (`summary.nli_reused`), and the verdicts
    of those sentences are the ones the first run gave."""
    from checker.judge import nli as nli_module

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    config = Config(nli_model=str(nli_agreeing))

    def run() -> VerifyReport:
        nli_module._MODELS.clear()  # a new process: nothing judged in memory
        return verify(draft, SOURCES, config)

    first = run()
    assert first.summary.nli_reused == 0
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace(CONTRADICTED, "The bridge will cost 50 million euros"))
    second = run()
    assert 0 < second.summary.nli_reused < second.summary.nli_calls
    before, after = _verdicts(first), _verdicts(second)
    kept = [t for t in after if t in before]
    assert len(kept) == len(after) - 1 and all(after[t] == before[t] for t in kept)
