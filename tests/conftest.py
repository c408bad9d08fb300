"""Session fixtures: tiny real models (built once) and paths to the samples."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from tinymodels import build_marian, build_nli, build_nllb, build_st_embedder  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "story"
SEEDS = ROOT.parent / "shared" / "seeds"

# Never let a test reach a real hub, even on a machine that has network.
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


@pytest.fixture(scope="session", autouse=True)
def checker_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """checker's own cache (embeddings, exports) in a temporary folder, not the user's."""
    path = tmp_path_factory.mktemp("checker-cache")
    os.environ["CHECKER_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tiny-models")


@pytest.fixture(scope="session")
def marian_tiny(models_dir: Path) -> Path:
    """Marian (opus-mt layout: source.spm, target.spm, vocab.json), random weights;
    every translation is "Arvania" repeated."""
    return build_marian(models_dir / "marian-tiny", word="Arvania", target_lang="en")


@pytest.fixture(scope="session")
def nllb_tiny(models_dir: Path) -> Path:
    """NLLB layout (M2M100 + NllbTokenizer with FLORES codes), random weights."""
    return build_nllb(models_dir / "nllb-tiny")


@pytest.fixture(scope="session")
def nli_random(models_dir: Path) -> Path:
    """DeBERTa-v2, random weights, labels in a non-default order and mixed case."""
    return build_nli(
        models_dir / "deberta-random",
        arch="deberta",
        labels=("CONTRADICTION", "Neutral", "entailment"),
    )


@pytest.fixture(scope="session")
def nli_contradicting_deberta(models_dir: Path) -> Path:
    return build_nli(
        models_dir / "deberta-contra",
        arch="deberta",
        labels=("contradiction", "neutral", "entailment"),
        lean="contradiction",
    )


@pytest.fixture(scope="session")
def nli_contradicting_xlmr(models_dir: Path) -> Path:
    """XLM-R with the opposite label order (as joeddav/xlm-roberta-large-xnli)."""
    return build_nli(
        models_dir / "xlmr-contra",
        arch="xlmr",
        labels=("ENTAILMENT", "NEUTRAL", "CONTRADICTION"),
        lean="CONTRADICTION",
    )


@pytest.fixture(scope="session")
def nli_agreeing(models_dir: Path) -> Path:
    return build_nli(
        models_dir / "bert-agree",
        arch="bert",
        labels=("entailment", "neutral", "contradiction"),
        lean="entailment",
    )


@pytest.fixture(scope="session")
def nli_unlabelled(models_dir: Path) -> Path:
    return build_nli(models_dir / "generic-labels", labels=("LABEL_0", "LABEL_1", "LABEL_2"))


@pytest.fixture(scope="session")
def st_embedder(models_dir: Path) -> Path:
    return build_st_embedder(models_dir / "st-tiny")


@pytest.fixture()
def hf_cache(tmp_path: Path, nli_random: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An HF cache holding a tiny model as the default NLI model at its pinned revision."""
    from checker.store.catalog import default

    entry = default("nli")
    assert entry.hub_id is not None
    repo = tmp_path / "hub" / ("models--" + entry.hub_id.replace("/", "--"))
    shutil.copytree(nli_random, repo / "snapshots" / entry.revision)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "checker-cache"))
    monkeypatch.setattr("checker.store.hub.hub_endpoint", lambda: "http://127.0.0.1:9")
    return tmp_path / "hub"


@pytest.fixture()
def bench_json(tmp_path: Path) -> Callable[..., Any]:
    """Run `bench/SCRIPT ARGS… --json FILE` in a fresh process (it must exit 0) and
    return the figures it wrote: how the tests on real data hold a bench's figures."""

    def run(script: str, *args: str) -> Any:
        out = tmp_path / f"{Path(script).stem}.json"
        done = subprocess.run(
            [sys.executable, str(ROOT / "bench" / script), *args, "--json", str(out)],
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(out.read_text(encoding="utf-8"))

    return run
