"""Property-based checks: whatever the input, no traceback and a defined exit code."""

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.errors import ExitCode, InputError
from checker.sources.clean import clean_text
from checker.sources.ingest import decode_bytes, from_text
from checker.sources.segment import MAX_SENTENCE_CHARS, segment

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text shaped like the input: letters of several scripts, punctuation, newlines, controls.
ALPHABET = st.sampled_from(
    list("abc XYZ.!?,;:-—«»\"'\n\t\r")
    + list("Арвания, не.")
    + list("أرفانيا،؟.")
    + ["\x00", "\u200f", "\ufeff", "\u0301", "…", "。", "1", "0"]
)
TEXTS = st.one_of(st.text(max_size=400), st.text(ALPHABET, max_size=600))


@FAST
@given(TEXTS)
def test_clean_and_segment_never_fail(text: str) -> None:
    cleaned = clean_text(text)
    assert all(p.strip() for p in cleaned.paragraphs)
    source = segment(from_text(text, name="x"), min_chars=1)
    assert source.sentence_count == len(source.sentences)
    assert all(0 < len(s.text) <= MAX_SENTENCE_CHARS for s in source.sentences)
    assert [s.index for s in source.sentences] == list(range(source.sentence_count))


@FAST
@given(st.binary(max_size=2000))
def test_decoding_returns_text_or_a_clear_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "f.txt")
    except InputError as exc:
        assert str(exc).startswith("f.txt: ")
    else:
        assert isinstance(text, str)


OPTIONS = st.lists(
    st.sampled_from(
        [
            ["--format", "json"],
            ["--format", "rich"],
            ["--show-dropped"],
            ["--max-sentences", "3"],
            ["--max-source-mb", "0.0005"],
            ["--max-sources", "2"],
            ["--name", "-=Wire"],
            ["--date", "Wire=2026-01-01"],
            ["--date", "bad"],
            ["--quiet"],
        ]
    ),
    max_size=4,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=1500), TEXTS.map(lambda t: t.encode("utf-8"))), OPTIONS)
def test_cli_on_random_files_and_options(data: bytes, options: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(data)
        args = ["sentences", str(path)] + [a for option in options for a in option]
        result = CliRunner().invoke(main, args)
    assert result.exit_code in (ExitCode.OK, ExitCode.USAGE), result.output
    assert "Traceback" not in result.output
    if result.exit_code == ExitCode.USAGE:
        assert result.stdout == ""
        assert len([ln for ln in result.stderr.splitlines() if ln.strip()]) == 1
    elif ["--format", "json"] in options and ["--format", "rich"] not in options[
        options.index(["--format", "json"]) :
    ]:
        json.loads(result.stdout)  # whole, parseable JSON
