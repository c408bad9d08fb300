"""Issue 6 as a specification: every bad input gets a correct result or one line and exit 2."""

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from checker.errors import ExitCode

RU = "Арвания не планирует принимать участие в миротворческих силах, сообщил источник."
AR = "وقال مصدر في وزارة الخارجية إن أرفانيا لن تشارك في المهمة إلا بقرار من مجلس الأمن."
EN = "Arvania will join the mission only if the UN Security Council adopts a resolution."


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args), input=input)


def one_error_line(result: Result, code: ExitCode, *fragments: str) -> str:
    assert result.exit_code == code, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("checker: error:"), result.stderr
    assert "Traceback" not in result.output and result.stdout == ""
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def sentences_json(path: Path, *extra: str) -> list[dict]:  # type: ignore[type-arg]
    result = run("sentences", "--format", "json", str(path), *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture()
def good(tmp_path: Path) -> list[str]:
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RU, encoding="utf-8")
    return [str(tmp_path / "en.txt"), str(tmp_path / "ru.txt")]


# 1. inputs ------------------------------------------------------------------------------


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    one_error_line(
        run("sentences", str(tmp_path / "gone.txt")), ExitCode.USAGE, "gone.txt", "no such file"
    )
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF-1.4")
    one_error_line(run("sentences", str(tmp_path / "empty")), ExitCode.USAGE, "no .txt")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(EN, encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")  # root: chmod does not deny

    monkeypatch.setattr(Path, "open", denied)
    one_error_line(run("sentences", str(path)), ExitCode.USAGE, "locked.txt", "permission denied")


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", "PDF"),
        ("story.docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "ZIP archive"),
        ("blob.bin", bytes(range(256)) * 4, "binary"),
    ],
)
def test_binary_files_are_named(tmp_path: Path, name: str, data: bytes, what: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    one_error_line(run("sentences", str(path)), ExitCode.USAGE, name, what)


@pytest.mark.parametrize(
    "content", ["", "   \n\n\t  \n", "Home\nMenu\nShare\nRead also:\nStorm in the north\n"]
)
def test_sources_without_sentences_are_reported_not_dropped(
    tmp_path: Path, good: list[str], nli_random: Path, content: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    result = run(
        "compare",
        *good,
        str(empty),
        "--nli-model",
        str(nli_random),
        "--format",
        "json",
        "--no-fail",
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    row = next(s for s in report["sources"] if s["name"] == "empty.txt")
    assert row["sentence_count"] == 0
    assert any(w.startswith("empty.txt: no sentences") for w in report["warnings"])
    assert "empty.txt: no sentences" in result.stderr
    alone = run("compare", good[0], str(empty), "--nli-model", str(nli_random))
    one_error_line(alone, ExitCode.USAGE, "nothing to compare", "empty.txt")


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB of size, nothing to read
    start = time.monotonic()
    one_error_line(
        run("sentences", str(big)), ExitCode.USAGE, "big.txt", "50.0 MB", "--max-source-mb"
    )
    assert time.monotonic() - start < 5
    stdin = run("sentences", "-", "--max-source-mb", "0.001", input="x" * 5000)
    one_error_line(stdin, ExitCode.USAGE, "standard input")


def test_enormous_line_without_punctuation(tmp_path: Path) -> None:
    path = tmp_path / "runon.txt"
    path.write_text("слово word " * 30000, encoding="utf-8")
    rows = sentences_json(path)[0]["sentences"]
    assert len(rows) > 300 and max(len(r["text"]) for r in rows) <= 1000
    assert sum(len(r["text"]) for r in rows) >= len("слово word " * 30000) - len(rows) - 20


def test_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(EN.encode() + b"\x00" + RU.encode())
    texts = [s["text"] for s in sentences_json(path)[0]["sentences"]]
    assert texts == [EN, RU]
    path.write_bytes(b"\x00\x01" * 500 + EN.encode())
    one_error_line(run("sentences", str(path)), ExitCode.USAGE, "binary")


def test_invalid_utf8_keeps_the_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes((RU + " ").encode() * 5 + b"\xff\xfe\xfa " + EN.encode())
    texts = [s["text"] for s in sentences_json(path)[0]["sentences"]]
    assert texts[0] == RU and texts[-1].endswith(EN)  # no mojibake from a code-page guess


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("cp1251", RU), ("cp1256", AR), ("utf-16", RU), ("utf-16-le", AR), ("utf-16-be", RU)],
)
def test_legacy_and_utf16_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes((text + "\n\n" + text.replace(".", "!")).encode(encoding))
    rows = sentences_json(path)[0]["sentences"]
    assert rows[0]["text"] == text and rows[0]["language"] in ("ru", "ar")


def test_mixed_scripts_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(
        "Президент Ilham Aliyev заявил, что قوة حفظ السلام не будет направлена.", encoding="utf-8"
    )
    rows = sentences_json(path)[0]["sentences"]
    assert len(rows) == 1 and rows[0]["language"] != ""


def test_language_the_model_does_not_cover(tmp_path: Path, hf_cache: Path, good: list[str]) -> None:
    thai = tmp_path / "th.txt"
    thai.write_text("อาร์วาเนียจะเข้าร่วมภารกิจก็ต่อเมื่อคณะมนตรีความมั่นคงมีมติเท่านั้น", encoding="utf-8")
    result = run(
        "compare",
        *good,
        str(thai),
        "--offline",
        "--cache-dir",
        str(hf_cache),
        "--format",
        "json",
        "--no-fail",
    )
    assert result.exit_code == 0, result.output
    warnings = json.loads(result.stdout)["warnings"]
    assert "language(s) th not among the NLI model's trained languages" in " ".join(warnings)


def test_one_source_twice_and_duplicates(tmp_path: Path, good: list[str], nli_random: Path) -> None:
    one_error_line(
        run("compare", good[0], "--nli-model", str(nli_random)), ExitCode.USAGE, "at least two"
    )
    twice = run("compare", good[0], good[0], "--nli-model", str(nli_random))
    one_error_line(twice, ExitCode.USAGE, "given twice")
    copy = tmp_path / "copy.txt"
    shutil.copy(good[0], copy)
    reprint = run(
        "compare", *good, str(copy), "--nli-model", str(nli_random), "--format", "json", "--no-fail"
    )
    assert reprint.exit_code == 0
    assert "copy.txt: same text as en.txt (a reprint?)" in json.loads(reprint.stdout)["warnings"]


# 2. limits ------------------------------------------------------------------------------


def test_limits_are_configurable(tmp_path: Path, good: list[str]) -> None:
    (tmp_path / "third.txt").write_text(AR, encoding="utf-8")
    one_error_line(
        run("sentences", *good, str(tmp_path / "third.txt"), "--max-sources", "2"),
        ExitCode.USAGE,
        "3 sources",
        "--max-sources",
    )
    one_error_line(
        run("sentences", good[0], "--max-source-mb", "0.00001"),
        ExitCode.USAGE,
        "en.txt",
        "per-source limit",
    )
    many = tmp_path / "many.txt"
    many.write_text(" ".join(f"Sentence number {i} is about the force." for i in range(40)))
    one_error_line(
        run("sentences", str(many), "--max-sentences", "10"),
        ExitCode.USAGE,
        "many.txt",
        "40 sentences",
        "--max-sentences",
    )
    assert run("sentences", str(many), "--max-sentences", "40").exit_code == 0


# 3. output integrity ------------------------------------------------------------------


def test_output_is_whole_or_untouched(
    tmp_path: Path, good: list[str], nli_random: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.json"
    write_report = [
        "compare",
        *good,
        "--nli-model",
        str(nli_random),
        "--format",
        "json",
        "--output",
        str(out),
        "--no-fail",
    ]
    ok = run(*write_report)
    assert ok.exit_code == 0 and ok.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["sources"] == 2
    out.write_text("OLD", encoding="utf-8")
    failed = run("compare", good[0], str(tmp_path / "missing.txt"), "--output", str(out))
    assert failed.exit_code == ExitCode.USAGE and out.read_text() == "OLD"

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    cut = run(*write_report)
    assert cut.exit_code == ExitCode.INTERRUPTED
    assert out.read_text() == "OLD" and sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["en.txt", "ru.txt", "report.json"]
    )  # no partial file left behind
    nowhere = run("sentences", good[0], "--output", str(tmp_path / "no" / "dir" / "x.json"))
    one_error_line(nowhere, ExitCode.USAGE, "does not exist")


def test_rich_output_to_a_file_is_plain_text(tmp_path: Path, good: list[str]) -> None:
    out = tmp_path / "sentences.txt"
    assert run("sentences", *good, "--output", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Arvania will join" in text and "\x1b[" not in text


# 4. determinism -------------------------------------------------------------------------


def test_byte_identical_json(good: list[str], nli_random: Path, samples: list[Path]) -> None:
    args = [
        "compare",
        *map(str, samples),
        "--nli-model",
        str(nli_random),
        "--format",
        "json",
        "--no-fail",
    ]
    first, second = run(*args), run(*args, "--no-embed-cache")
    assert first.exit_code == 0 and first.stdout == second.stdout
    assert json.loads(first.stdout)["generated_at"] is None
    stamped = json.loads(run(*args, "--timestamp").stdout)
    assert stamped["generated_at"] and stamped["generated_at"].endswith("+00:00")


# 5. model safety ------------------------------------------------------------------------


@pytest.fixture()
def model_copy(tmp_path: Path, nli_random: Path) -> Path:
    copy = tmp_path / "model"
    shutil.copytree(nli_random, copy)
    return copy


def test_pickle_only_model_is_refused(model_copy: Path, good: list[str]) -> None:
    (model_copy / "model.safetensors").rename(model_copy / "pytorch_model.bin")
    one_error_line(
        run("compare", *good, "--nli-model", str(model_copy)),
        ExitCode.MODEL_UNAVAILABLE,
        "pickle",
        "safetensors only",
    )


@pytest.mark.parametrize("damage", ["truncate-weights", "garbage-config", "garbage-weights"])
def test_corrupt_model_files_exit_3(model_copy: Path, good: list[str], damage: str) -> None:
    weights = model_copy / "model.safetensors"
    if damage == "truncate-weights":
        weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    elif damage == "garbage-weights":
        weights.write_bytes(b"not a safetensors file at all" * 10)
    else:
        (model_copy / "config.json").write_text("{ not json", encoding="utf-8")
    one_error_line(
        run("compare", *good, "--nli-model", str(model_copy)),
        ExitCode.MODEL_UNAVAILABLE,
        "cannot be loaded",
    )


def test_corrupt_onnx_file_exits_3(model_copy: Path, good: list[str]) -> None:
    (model_copy / "onnx").mkdir()
    (model_copy / "onnx" / "model.onnx").write_bytes(b"\x08\x07garbage")
    one_error_line(
        run("compare", *good, "--nli-model", str(model_copy), "--backend", "onnx"),
        ExitCode.MODEL_UNAVAILABLE,
        "cannot be loaded",
    )


def test_remote_code_is_never_run(model_copy: Path, good: list[str], tmp_path: Path) -> None:
    marker = tmp_path / "remote-code-ran"
    (model_copy / "evil.py").write_text(
        f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\n"
        "from transformers import DebertaV2ForSequenceClassification as EvilModel\n",
        encoding="utf-8",
    )
    config = json.loads((model_copy / "config.json").read_text(encoding="utf-8"))
    config["auto_map"] = {"AutoModelForSequenceClassification": "evil.EvilModel"}
    (model_copy / "config.json").write_text(json.dumps(config), encoding="utf-8")
    result = run("compare", *good, "--nli-model", str(model_copy), "--no-fail", "--format", "json")
    # loaded as the DeBERTa architecture its config names; the auto_map code never ran
    assert result.exit_code == ExitCode.OK, result.output
    assert not marker.exists()
    nli = next(m for m in json.loads(result.stdout)["models"] if m["role"] == "nli")
    assert nli["name"] == str(model_copy) and nli["backend"] == "torch"


def test_pinned_revision_is_not_swapped(hf_cache: Path, good: list[str]) -> None:
    """Another revision in the cache is never used in place of the pinned one."""
    repo = next(hf_cache.iterdir())
    snapshots = repo / "snapshots"
    pinned = next(snapshots.iterdir())
    pinned.rename(snapshots / ("f" * 40))
    (repo / "refs").mkdir(exist_ok=True)
    (repo / "refs" / "main").write_text("f" * 40)
    one_error_line(
        run("compare", *good, "--offline", "--cache-dir", str(hf_cache)),
        ExitCode.MODEL_UNAVAILABLE,
        pinned.name[:12],
        "not available offline",
    )
