import shutil
import time
from pathlib import Path

import pytest

from checker.errors import ModelError, ModelUnavailableError
from checker.store.catalog import default
from checker.store.hub import is_local_reference, resolve_model_dir


def resolve(name: str, cache: Path, offline: bool, revision: str | None = None) -> Path:
    return resolve_model_dir(
        name,
        revision=revision,
        cache_dir=cache,
        offline=offline,
        role="NLI model",
        option="--nli-model",
    )


def test_offline_missing_model_names_model_cache_and_fix(tmp_path: Path) -> None:
    entry = default("nli")
    start = time.monotonic()
    with pytest.raises(ModelUnavailableError) as info:
        resolve_model_dir(
            entry.reference,
            revision=entry.revision,
            cache_dir=tmp_path,
            offline=True,
            role="NLI model",
            option="--nli-model",
            hint_name=entry.name,
        )
    message = str(info.value)
    assert time.monotonic() - start < 5
    assert entry.reference in message and str(tmp_path) in message
    assert f"`checker models download {entry.name}`" in message  # the pin is implied
    assert "--nli-model PATH" in message and "\n" not in message


def test_unreachable_hub_fails_fast(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr("checker.store.hub.hub_endpoint", lambda: "http://127.0.0.1:9")
    start = time.monotonic()
    with pytest.raises(ModelUnavailableError, match="cannot be reached"):
        resolve("someone/missing-model", tmp_path, offline=False)
    assert time.monotonic() - start < 10


def test_env_offline_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailableError, match="not available offline"):
        resolve("someone/missing-model", tmp_path, offline=False)


def test_cached_snapshot_is_used_offline(tmp_path: Path, nli_random: Path) -> None:
    """A model in the HF cache layout at the pinned revision loads with no network."""
    revision = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "models--someone--tiny-nli"
    snapshot = repo / "snapshots" / revision
    shutil.copytree(nli_random, snapshot)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(revision)
    assert resolve("someone/tiny-nli", tmp_path, offline=True, revision=revision) == snapshot
    assert resolve("someone/tiny-nli", tmp_path, offline=True) == snapshot  # via refs/main


def test_local_directory_checks(tmp_path: Path, nli_random: Path) -> None:
    assert resolve(str(nli_random), tmp_path, offline=True) == nli_random
    with pytest.raises(ModelUnavailableError, match="no such directory"):
        resolve(str(tmp_path / "nowhere"), tmp_path, offline=True)
    pickle_only = tmp_path / "pickle-only"
    pickle_only.mkdir()
    (pickle_only / "config.json").write_text("{}")
    (pickle_only / "pytorch_model.bin").write_bytes(b"\x80\x02")
    with pytest.raises(ModelError, match="safetensors only"):
        resolve(str(pickle_only), tmp_path, offline=True)
    (pickle_only / "config.json").unlink()
    with pytest.raises(ModelError, match="no config.json"):
        resolve(str(pickle_only), tmp_path, offline=True)


@pytest.mark.parametrize(
    ("name", "local"),
    [
        ("owner/model", False),
        ("model-name", False),
        ("./owner/model", True),
        ("/abs/path", True),
        ("a/b/c", True),
    ],
)
def test_is_local_reference(name: str, local: bool) -> None:
    assert is_local_reference(name) is local


@pytest.mark.parametrize("broken", ["truncated-weights", "garbage-config"])
def test_a_damaged_cached_model_says_damaged_and_what_to_delete(
    hf_cache: Path, broken: str
) -> None:
    """Not "not available offline": the copy is there but broken, so the user must
    delete it, not fetch it 'again' next to it."""
    from click.testing import CliRunner

    from checker.cli import main

    snapshot = next((hf_cache).glob("models--*/snapshots/*"))
    if broken == "truncated-weights":
        weights = snapshot / "model.safetensors"
        weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    else:
        (snapshot / "config.json").write_text("{ not json", encoding="utf-8")
    samples = Path(__file__).resolve().parent.parent / "samples" / "story"
    result = CliRunner().invoke(
        main, ["compare", str(samples), "--cache-dir", str(hf_cache), "--offline"]
    )
    assert result.exit_code == 3, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "is damaged" in lines[0]
    assert f"delete {snapshot.parents[1]}" in lines[0] and "not available offline" not in lines[0]
    listed = CliRunner().invoke(main, ["models", "list", "--cache-dir", str(hf_cache)])
    assert listed.exit_code == 0 and "DAMAGED" in listed.stdout
