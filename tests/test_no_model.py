"""A run with no NLI model (--nli-model none) says what was checked and never looks like
a pass: pairs no rule decided are "not judged", not "unrelated"; no threshold is shown
that nothing used; the HTML banner is not green; and `verify --fail-on unsupported`
fails on sentences no model read."""

import io
import json
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

import checker
from checker.cli import main
from checker.config import Config
from checker.errors import ExitCode
from checker.report.document import report_html, report_markdown
from checker.report.terminal import render_report

AGREEING = (
    "The council met on Monday. It approved the new budget for the city's schools.",
    "Совет собрался в понедельник. Он одобрил новый бюджет для городских школ.",
)


def _report() -> checker.Report:
    return checker.compare(
        [checker.text_source(AGREEING[0], name="en.txt"),
         checker.text_source(AGREEING[1], name="ru.txt")],
        Config(nli_model="none"),
    )  # fmt: skip


def test_unjudged_pairs_are_counted_as_not_judged() -> None:
    report = _report()
    s = report.summary
    assert s.nli_calls is None and s.contradictions == 0
    assert s.unrelated == 0 and s.not_judged == s.pairs_checked > 0
    assert {f.verdict.value for f in report.findings} == {"not_judged"}
    assert {f.decided_by for f in report.findings} == {"none"}


def test_the_headline_says_rules_only_in_every_format() -> None:
    report = _report()
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=100, no_color=True))
    terminal, md, page = buffer.getvalue(), report_markdown(report), report_html(report)
    for text in (terminal, md, page):
        assert "ules only: no figure or people conflict" in text  # "Rules only" in md/html
        assert "not judged" in text
        assert "at or above" not in text and "✓" not in text and "unrelated" not in text
    assert 'class="verdict partial"' in page and 'class="verdict good"' not in page


def test_json_carries_the_new_verdict() -> None:
    result = CliRunner().invoke(
        main, ["compare", "samples/story", "--nli-model", "none", "--format", "json", "--no-fail"]
    )
    assert result.exit_code == ExitCode.OK, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "4.1"
    verdicts = {f["verdict"] for f in data["findings"]}
    assert "unrelated" not in verdicts and "not_judged" in verdicts


def test_verify_fail_on_unsupported_fails_on_unverified_sentences(tmp_path: Path) -> None:
    draft, source = tmp_path / "draft.txt", tmp_path / "source-ru.txt"
    draft.write_text(AGREEING[0], encoding="utf-8")
    source.write_text(AGREEING[1], encoding="utf-8")
    args = ["verify", str(draft), str(source), "--nli-model", "none", "--format", "json"]
    plain = CliRunner().invoke(main, args)
    data = json.loads(plain.stdout)
    assert data["summary"]["unverified"] > 0 and data["summary"]["contradicted"] == 0
    assert data["summary"]["not_in_sources"] == 0
    assert plain.exit_code == ExitCode.OK
    strict = CliRunner().invoke(main, [*args, "--fail-on", "unsupported"])
    assert strict.exit_code == ExitCode.CONTRADICTIONS, strict.output
    shown = CliRunner().invoke(main, args[:-2])
    assert "rules only" in shown.stdout and "│ ✓" not in shown.stdout  # the legend shows ✓


def test_output_to_a_file_says_what_it_wrote_and_the_verdict(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = [
        "compare",
        "samples/reprints",
        "--nli-model",
        "none",
        "--format",
        "html",
        "-o",
        str(out),
    ]
    result = CliRunner().invoke(main, args)
    assert out.is_file() and result.stdout == ""
    said = [line for line in result.stderr.splitlines() if line.startswith("checker: wrote")]
    assert said == [f"checker: wrote {out}: rules only: 6 figure or people conflicts; "
                    f"{said[0].split('; ')[1]}"]  # fmt: skip
    assert "pairs not judged" in said[0]
    quiet = CliRunner().invoke(main, [*args, "-q"])
    assert "checker: wrote" not in quiet.stderr


def test_note_panels_are_titled_as_notes() -> None:
    """A note's panel says it is a note and, without a model, "not judged" (every note
    panel was titled "rule: none")."""
    import checker as lib

    report = lib.compare(
        [lib.text_source("The Selmar storm killed 40 people on Monday. Roads were shut.",
                         name="a.txt", date="2026-03-01"),
         lib.text_source("Schools stayed shut. The Selmar storm killed 90 people, officials said.",
                         name="b.txt", date="2026-03-03")],
        Config(nli_model="none"),
    )  # fmt: skip
    noted = [f for f in report.findings if f.notes]
    assert noted, report.findings
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=100, no_color=True))
    text = buffer.getvalue()
    assert "note 1 · not judged" in text and "rule: none" not in text
