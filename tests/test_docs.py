"""The shell commands in README.md and docs/ run as written.

Every `checker …` line of a code block whose inputs all exist under samples/ is run in a
scratch folder (where samples/ is the project's), exactly as printed, except that a tiny
model built in the test stands in for the NLI and translation models a fresh machine
would download. Lines with shell syntax (pipes, redirections) go to bash, so the installed `checker` command is run as a user runs it; bare `checker …` lines go
through the same click entry point in this process (a fresh process spends most of its
5 s importing torch and transformers). Synopses with [optional] parts, placeholders (a file that
does not exist, a URL) and commands that fetch from the hub are not runnable here and
are left out, and the local Ray line runs in test_corpus_ray; the test fails if too few commands remain, so it cannot pass by
extracting nothing.
"""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "samples" / "README.md"]
OUTPUTS = {"-o", "--output", "--plot", ">"}
NEEDS_HUB = ("models download", "models export", "models path")
NEEDS_CLUSTER = ("--ray-address", "ray start")
# The local Ray line runs as written in test_corpus_ray (against the local engine's
# report), where a Ray start is paid once for both checks.
RUN_ELSEWHERE = ("--engine ray",)


def _commands() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for block in re.findall(r"```(?:sh|bash|shell)?\n(.*?)```", text, re.S):
            for line in block.splitlines():
                command = line.split(" #")[0].strip()
                # a checker command line (the set-up commands build a venv: not here)
                if command.startswith(("checker ", "cat samples/")) and "checker " in command:
                    found.append((doc.name, command))
    # a command shown in two places (README and a guide) runs once
    return list({command: (doc, command) for doc, command in reversed(found)}.values())[::-1]


def _runnable(command: str) -> bool:
    if (
        "[" in command
        or "http" in command
        or any(h in command for h in NEEDS_HUB + NEEDS_CLUSTER + RUN_ELSEWHERE)
    ):
        return False
    words = shlex.split(command.replace("|", " | ").replace(">", " > "))
    for k, word in enumerate(words):
        if k and words[k - 1] in OUTPUTS:
            continue
        looks_like_path = "/" in word or re.search(r"\.(txt|html|md|jsonl|tsv|toml)$", word)
        if looks_like_path and not word.startswith("-") and not (ROOT / word).exists():
            return False
    return True


def _with_stand_ins(command: str, nli: Path, marian: Path) -> str:
    """The same command, with local tiny models where a real one would be downloaded."""
    if (
        re.search(r"checker (compare|corpus|verify|eval pairs|eval docs)\b", command)
        and "--nli-model" not in command
    ):
        command = re.sub(
            r"checker (compare|corpus|verify|eval pairs|eval docs)",
            rf"checker \1 --nli-model {nli}",
            command,
        )
    if "--gloss " in command and "--gloss-model" not in command:
        command += f" --gloss-model {marian}"
    return command


def test_enough_commands_are_runnable() -> None:
    runnable = [c for _, c in _commands() if _runnable(c)]
    assert len(runnable) >= 15, runnable


def _in_process(command: str) -> list[str] | None:
    """A bare `checker …` line (no pipe or redirection) as arguments, to run in this
    process: most of a fresh process's 5 s is importing torch and transformers, which
    once is enough; the click entry point and every option are the same. Lines with
    shell syntax run in bash."""
    if any(mark in command for mark in "|<>;&$`"):
        return None
    words = shlex.split(command)
    return words[1:] if words[0] == "checker" else None


@pytest.mark.slow
def test_documented_commands_run_as_written(
    tmp_path: Path,
    nli_contradicting_deberta: Path,
    marian_tiny: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    (tmp_path / "samples").symlink_to(ROOT / "samples")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env["CHECKER_CACHE_DIR"] = str(tmp_path / "cache")
    monkeypatch.chdir(tmp_path)
    ran = {"bash": 0, "in process": 0}
    for doc, command in _commands():
        if not _runnable(command):
            continue
        line = _with_stand_ins(command, nli_contradicting_deberta, marian_tiny)
        ok = {0, 1} if re.search(r"checker (compare|corpus|verify)\b", command) else {0}
        args = _in_process(line)
        if args is not None:
            result = CliRunner(env={"CHECKER_CACHE_DIR": env["CHECKER_CACHE_DIR"]}).invoke(
                main, args
            )
            assert result.exit_code in ok, f"{doc}: {command}\n{result.output[-2000:]}"
            ran["in process"] += 1
            continue
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", line],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode in ok, f"{doc}: {command}\n{done.stderr[-2000:]}"
        ran["bash"] += 1
    assert sum(ran.values()) >= 15 and ran["bash"] >= 2, ran
    assert (tmp_path / "report.json").stat().st_size > 0  # `> report.json` wrote the report
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
