"""What a reader sees at a terminal says what it means: command descriptions whole in the
top-level help, each --backend help about its own command, a model's own contradiction
says why, verify's marks have a legend, and a long report ends with its verdict."""

import io
from pathlib import Path

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
    assert len(described) == 9
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


_BOX = "".join(map(chr, range(0x2500, 0x25A0)))  # box drawing and blocks


def _words(text: str) -> set[str]:
    """The words of a screen, table and panel borders left out."""
    return {w.strip(_BOX) for w in text.split()} - {""}


def _screens(args: list[str]) -> tuple[str, str]:
    """The command's stdout and stderr together, at 80 columns and at 400."""
    out = []
    for width in ("80", "400"):
        result = CliRunner(env={"COLUMNS": width}).invoke(main, args)
        assert result.exit_code in (0, 1), (result.exit_code, result.output)
        out.append(result.stdout + result.stderr)
    return out[0], out[1]


def test_every_screen_wraps_only_at_spaces_at_80_columns(nli_contradicting_deberta: Path) -> None:
    """At 80 columns no word is cut ("nee / d"), cut short with an ellipsis
    ("mdeberta-…") or pushed past the edge: every word of the narrow screen is a word of
    the same screen 400 columns wide. Each command's screens, with a model that finds
    contradictions and with none."""
    model = str(nli_contradicting_deberta)
    runs = [
        ["compare", "samples/story", "--nli-model", model],
        ["compare", "samples/story", "--nli-model", "none"],
        ["verify", "samples/verify/draft-en.md", "samples/verify/lindor-ru.txt",
         "--nli-model", model],
        ["verify", "samples/verify/draft-en.md", "samples/verify/lindor-ru.txt",
         "--nli-model", "none"],
        ["corpus", "samples/eval", "--nli-model", "none"],
        ["models", "list"],
        ["compare", "--help"],
        ["verify", "--help"],
        ["corpus", "--help"],
    ]  # fmt: skip
    for args in runs:
        narrow, wide = _screens(args)
        assert max(len(line) for line in narrow.splitlines()) <= 80, args
        broken = _words(narrow) - _words(wide)
        assert not broken, (args, sorted(broken)[:10])


def test_help_lists_options_in_sections_with_none_documented() -> None:
    """compare --help is no list of 45 options: each shared option stands in its
    section, the command's own options first, and --nli-model says what 'none' does."""
    out = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["compare", "--help"]).stdout
    heads = [line[:-1] for line in out.splitlines() if line and not line[0].isspace()]
    assert heads[-8:] == ["Options", "NLI model", "Pairing", "Rules", "Checking and output",
                          "Limits", "Where models live", "General"]  # fmt: skip
    section = {}
    for line in out.splitlines():
        if line and not line[0].isspace():
            current = line[:-1]
        elif line.strip().startswith("--"):
            section[line.split()[0]] = current
    assert section["--show-agreements"] == "Options"
    assert section["--nli-model"] == section["--backend"] == "NLI model"
    assert section["--pairs-per-sentence"] == "Pairing" and section["--max-sources"] == "Limits"
    assert section["--no-people-check"] == "Rules" and section["--offline"] == "Where models live"
    assert "'none' runs only the number and people rules" in " ".join(out.split())
