"""Safe with any input a feed or a user hands it: a device or a pipe is refused at once,
reads are bounded whatever `stat` says, a manifest's paths stay in its folder, a BOM is
read, a malformed URL is one line naming its manifest line, and IPv6 forms that carry
an IPv4 address are judged by it."""

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.corpus.read import read_corpus
from checker.errors import ExitCode, InputError
from checker.sources.fetch import Guard

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "samples" / "story"


def _one_line(args: list[str]) -> str:
    started = time.monotonic()
    result = CliRunner().invoke(main, args)
    assert time.monotonic() - started < 5
    assert result.exit_code == ExitCode.USAGE, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_at_once() -> None:
    line = _one_line(["compare", "/dev/zero", str(STORY / "en.txt"), "--nli-model", "none"])
    assert "/dev/zero: a device, not a file" in line


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    line = _one_line(["compare", str(fifo), str(STORY / "en.txt"), "--nli-model", "none"])
    assert "a pipe, not a file" in line


def _manifest(tmp_path: Path, *records: dict[str, str], bom: bool = False) -> Path:
    folder = tmp_path / "feed"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text((STORY / "en.txt").read_text(encoding="utf-8"), "utf-8")
    path = folder / "feed.jsonl"
    text = "\n".join(json.dumps(r) for r in records) + "\n"
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    return path


def test_a_manifest_path_outside_its_folder_is_refused_and_nothing_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The vault code is 4711.", encoding="utf-8")
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "link.txt").symlink_to(secret)
    for record in ({"path": "../secret.txt"}, {"path": str(secret)}, {"path": "link.txt"},
                   {"path": "a.jsonl"}):  # fmt: skip
        manifest = _manifest(tmp_path, {"path": "a.txt"}, record)
        with pytest.raises(InputError) as caught:
            read_corpus([manifest], max_bytes=10**6, url_timeout=5)
        assert f"{manifest}:2:" in str(caught.value)
    manifest = _manifest(tmp_path, {"path": "a.txt"}, {"path": "../secret.txt"})
    raws, _ = read_corpus([manifest], max_bytes=10**6, url_timeout=5, allow_paths_outside=True)
    assert any("4711" in r.text for r in raws)
    line = _one_line(["corpus", str(manifest), "--nli-model", "none"])
    assert "outside the manifest's folder" in line and "4711" not in line


def test_a_manifest_with_a_bom_is_read(tmp_path: Path) -> None:
    manifest = _manifest(tmp_path, {"path": "a.txt", "name": "Wire"}, bom=True)
    raws, skipped = read_corpus([manifest], max_bytes=10**6, url_timeout=5)
    assert [r.name for r in raws] == ["Wire"] and not skipped


@pytest.mark.parametrize(
    "url", ["http://[::1/x", "http://example.org:port/x", "http:///x", "ftp://example.org/x"]
)
def test_an_unreadable_manifest_url_is_skipped_naming_its_line(tmp_path: Path, url: str) -> None:
    """A feed's one bad link skips that article, with its line, and the run goes on."""
    manifest = _manifest(tmp_path, {"path": "a.txt"}, {"url": url})
    raws, skipped = read_corpus([manifest], max_bytes=10**6, url_timeout=2)
    assert len(raws) == 1 and len(skipped) == 1, skipped
    assert skipped[0].reason.startswith(f"{manifest}:2:") or skipped[0].input == f"{manifest}:2"
    result = CliRunner().invoke(main, ["corpus", str(manifest), "--nli-model", "none"])
    # a path longer than the terminal breaks where it must: read the screen unbroken
    assert result.exit_code == 0 and f"{manifest}:2" in "".join(result.output.split())
    assert "Traceback" not in result.output


def test_a_url_httpx_rejects_is_skipped_with_its_reason(tmp_path: Path) -> None:
    manifest = _manifest(tmp_path, {"path": "a.txt"}, {"url": "http://0177.0.0.1:9/"})
    raws, skipped = read_corpus([manifest], max_bytes=10**6, url_timeout=2)
    assert len(raws) == 1 and len(skipped) == 1 and "cannot fetch" in skipped[0].reason


@pytest.mark.parametrize(
    "address",
    ["64:ff9b::7f00:1", "2002:7f00:1::1", "::127.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a00:1",
     "2002:c0a8:101::1", "2001:0:4136:e378:8000:63bf:80ff:fffe"],
)  # fmt: skip
def test_ipv6_forms_carrying_a_private_ipv4_are_refused(address: str) -> None:
    assert Guard().refusal(address) is not None


def test_ipv6_forms_carrying_a_public_ipv4_pass() -> None:
    assert Guard().refusal("64:ff9b::808:808") is None  # NAT64 of 8.8.8.8
    assert Guard().refusal("2002:808:808::1") is None  # 6to4 of 8.8.8.8


def test_a_closed_stdout_ends_the_run_quietly() -> None:
    """`| head -c 300`: exit 0 and nothing on stderr (was "internal error:
    BrokenPipeError", exit 4)."""
    import subprocess
    import sys

    checker = Path(sys.executable).parent / "checker"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c",
         f"'{checker}' corpus samples/eval --format jsonl --nli-model none | head -c 300"],
        cwd=ROOT, capture_output=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) == 300 and done.stderr == b""


def test_articles_given_with_one_name_keep_apart_in_a_corpus() -> None:
    """Two `RawSource`s named x.txt: each is its own article under a unique name (the
    Ray engine looked vectors up by name, and gave one article another's vectors)."""
    import checker
    from checker.corpus import corpus

    one = (STORY / "en.txt").read_text(encoding="utf-8")
    other = "The city council approved a new budget for its schools on Tuesday. " * 3
    report = corpus(
        [checker.text_source(one, name="x.txt"), checker.text_source(other, name="x.txt"),
         checker.text_source((STORY / "ru.txt").read_text(encoding="utf-8"), name="y.txt")],
        checker.Config(nli_model="none"),
    )  # fmt: skip
    names = [s.name for story in report.stories for s in story.sources]
    names += [a.name for a in report.unclustered]
    assert sorted(names) == ["x.txt", "x.txt#2", "y.txt"]
    together = next(story for story in report.stories if "y.txt" in [s.name for s in story.sources])
    assert sorted(s.name for s in together.sources) == ["x.txt", "y.txt"]


def test_corpus_progress_moves_through_every_long_stage_without_a_model() -> None:
    """Bars advance with each article and each story (they sat at 0/186 and vanished)."""
    from collections.abc import Callable, Iterator
    from contextlib import contextmanager

    import checker
    from checker.corpus import corpus

    seen: dict[str, list[int]] = {}

    class Recording:
        @contextmanager
        def task(
            self, description: str, total: int | None = None
        ) -> Iterator[Callable[[int], None]]:
            steps = seen.setdefault(description, [])
            yield steps.append

        def note(self, message: str) -> None:
            pass

    corpus(["samples/eval"], checker.Config(nli_model="none"), progress=Recording())
    reading, embedding = seen["Reading articles"], seen["Embedding articles"]
    assert len(reading) > 10 and set(reading) == {1}
    assert len(embedding) > 10 and set(embedding) == {1}
    checking = [steps for name, steps in seen.items() if "(rules only)" in name]
    assert checking and sum(sum(s) for s in checking) >= 10
