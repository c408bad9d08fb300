"""What a reader sees at a terminal says what it means: command descriptions whole in the
top-level help, each --backend help about its own command, a model's own contradiction
says why, verify's marks have a legend, and a long report ends with its verdict."""

import io

from click.testing import CliRunner
from fakes import MirrorNli
from rich.console import Console

import checker
from checker.cli import main
from checker.report.common import reason_of
from checker.report.terminal import render_report
from checker.schema import Verdict


def test_top_level_help_shows_every_command_description_whole() -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["--help"])
    commands = result.stdout.split("Commands:")[1].splitlines()
    described = [line for line in commands if line.strip()]
    assert len(described) == 8
    assert not any(line.rstrip().endswith("...") for line in described), described


def test_backend_help_speaks_of_its_own_command() -> None:
    compare = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["compare", "--help"]).stdout
    models = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["models", "download", "--help"])
    assert "NLI runtime" in compare and "`models`" not in compare
    assert "Which model files" in models.stdout


def test_a_contradiction_only_the_model_read_says_why() -> None:
    report = checker.compare(["samples/reprints"], nli=MirrorNli())
    by_model = [f for f in report.contradictions if f.decided_by == "nli" and not f.reason]
    assert by_model
    assert all(reason_of(f) and "the model reads" in reason_of(f) for f in by_model)  # type: ignore[operator]
    assert all(f.verdict is Verdict.CONTRADICTION for f in by_model)


def test_a_long_report_ends_with_its_verdict() -> None:
    report = checker.compare(["samples/eval/gas"], nli=MirrorNli())
    assert len(report.contradiction_summaries) > 5
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=80, no_color=True))
    last = buffer.getvalue().rstrip().splitlines()[-1]
    assert last.startswith("✗") and "contradiction" in last


def test_verify_marks_have_a_legend_never_broken_at_80_columns() -> None:
    args = ["verify", "samples/verify/draft-en.md", "samples/verify/lindor-ru.txt",
            "--nli-model", "none"]  # fmt: skip
    out = CliRunner(env={"COLUMNS": "80"}).invoke(main, args).stdout
    for entry in ("✗ contradicted", "? not in the sources", "✓ supported", "· unverified",
                  "– not a claim"):  # fmt: skip
        assert any(entry in line for line in out.splitlines()), entry
