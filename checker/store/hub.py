"""Find a model on disk, in the Hugging Face cache, or (when allowed) on the hub.

Offline first: a cached snapshot of the pinned revision is used without touching the
network. When a download is needed and the hub is unreachable we fail in about a
second with one line saying what was looked for, where, and how to get it, instead
of huggingface_hub's retry loop. Only safetensors and ONNX weights are ever fetched.
"""

from __future__ import annotations

import json
import os
import re
import socket
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from checker.errors import ModelError, ModelUnavailableError, first_line

BackendName = Literal["torch", "onnx", "onnx-int8"]
BACKENDS: tuple[BackendName, ...] = ("torch", "onnx", "onnx-int8")

# What each backend needs from a repo when the catalog does not say; never pickle weights.
DEFAULT_PATTERNS: dict[str, list[str]] = {
    "torch": ["*.json", "*.safetensors", "*.model", "vocab.txt", "*/vocab.txt", "merges.txt"],
    "onnx": ["*.json", "*.model", "onnx/model.onnx", "model.onnx"],
    "onnx-int8": ["*.json", "*.model", "onnx/model_quantized.onnx", "model_quantized.onnx"],
}
ONNX_FILES = {
    "onnx": ("onnx/model.onnx", "model.onnx"),
    "onnx-int8": ("onnx/model_quantized.onnx", "model_quantized.onnx", "onnx/model_int8.onnx"),
}
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
_PROBE_TIMEOUT_S = 3.0
_TRUTHY = {"1", "true", "yes", "on"}


def hub_offline(offline: bool = False) -> bool:
    """True when the user asked for offline mode (option or HF_HUB_OFFLINE)."""
    return offline or os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in _TRUTHY


def hub_cache_dir(cache_dir: Path | None = None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE)


def cache_root() -> Path:
    """checker's own cache (ONNX exports, sentence embeddings): CHECKER_CACHE_DIR,
    else $XDG_CACHE_HOME/checker, else ~/.cache/checker."""
    if os.environ.get("CHECKER_CACHE_DIR"):
        return Path(os.environ["CHECKER_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "checker"


_WEIGHTS = ("*.safetensors", "*.bin", "*.onnx", "*.onnx_data")


def local_fingerprint(name: str) -> list[str]:
    """Size and time of each weight file when `name` is a local folder (else nothing):
    a model re-saved under the same folder must not reuse the old model's cached
    vectors or NLI results."""
    local = Path(name)
    if not local.is_dir():
        return []
    files = sorted(p for pattern in _WEIGHTS for p in local.rglob(pattern))
    return [f"{p.relative_to(local)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files]


def export_dir(name: str, revision: str | None) -> Path:
    """Where `checker models export` writes the ONNX files of a hub model."""
    safe = name.strip("/").replace("/", "--")
    return cache_root() / "onnx" / safe / (revision or "main")


def hub_endpoint() -> str:
    from huggingface_hub import constants

    return str(constants.ENDPOINT)


def hub_reachable(endpoint: str | None = None, timeout: float = _PROBE_TIMEOUT_S) -> bool:
    """A TCP connect to the hub endpoint: cheap, bounded, and honours HF_ENDPOINT mirrors."""
    url = urlparse(endpoint or hub_endpoint())
    host = url.hostname
    if not host:
        return False
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def is_local_reference(name: str) -> bool:
    """Paths are local; 'owner/name' that is not an existing directory is a hub id."""
    path = Path(name).expanduser()
    if path.exists():
        return True
    return not _HUB_ID.match(name) or name.startswith((".", "~", "/"))


def find_onnx_file(path: Path, backend: str) -> Path | None:
    for candidate in ONNX_FILES[backend]:
        if (path / candidate).is_file():
            return path / candidate
    return None


def check_model_dir(path: Path, label: str, backend: str = "torch") -> Path:
    """A usable local model directory has a config and weights for the backend."""
    if not path.is_dir():
        raise ModelUnavailableError(f"{label} '{path}' is not a directory")
    if not (path / "config.json").is_file():
        raise ModelError(f"{label} at '{path}' has no config.json: not a transformers model folder")
    if backend in ONNX_FILES:
        if find_onnx_file(path, backend) is None:
            wanted = " or ".join(ONNX_FILES[backend])
            raise ModelError(f"{label} at '{path}' has no {wanted} for --backend {backend}")
        if not (path / "tokenizer.json").is_file():
            raise ModelError(f"{label} at '{path}' has no tokenizer.json (needed without torch)")
        return path
    if not any(path.rglob("*.safetensors")):
        if any(path.glob("*.bin")) or any(path.glob("*.pt")):
            raise ModelError(
                f"{label} at '{path}' has only pickle weights (.bin/.pt); checker loads "
                "safetensors only. Convert it (save_pretrained(..., safe_serialization=True))."
            )
        raise ModelError(f"{label} at '{path}' has no *.safetensors weights")
    return path


def damage(path: Path) -> str | None:
    """What is wrong with files that are present but unreadable (a broken download, a
    full disk): config.json that is not JSON, a safetensors file whose header or data
    runs past its end. Missing files are not damage. Reads headers only."""
    config = path / "config.json"
    if config.is_file():
        try:
            json.loads(config.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return "config.json is not valid JSON"
    for weights in sorted(path.rglob("*.safetensors")):
        try:
            with weights.open("rb") as handle:
                size = weights.stat().st_size
                raw = handle.read(8)
                length = int.from_bytes(raw, "little") if len(raw) == 8 else -1
                if length <= 0 or 8 + length > size:
                    return f"{weights.name} is truncated or not safetensors"
                header = json.loads(handle.read(length))
        except (OSError, UnicodeDecodeError, ValueError):
            return f"{weights.name} has an unreadable header"
        ends = [
            t["data_offsets"][1]
            for k, t in header.items()
            if k != "__metadata__" and isinstance(t, dict) and "data_offsets" in t
        ]
        if ends and 8 + length + max(ends) > size:
            return f"{weights.name} is truncated ({size} bytes, its header needs more)"
    return None


class DamagedModelError(ModelError):
    """A cached model whose files are present but broken: delete and fetch again."""


def cached_snapshot(
    name: str, revision: str | None, cache_dir: Path | None, backend: str = "torch"
) -> Path | None:
    """The cached snapshot of `name` at `revision` if it holds what `backend` needs;
    None when it is not cached (or lacks that backend's files). A snapshot whose files
    are present but broken is an error that says so, never "not available"."""
    from huggingface_hub import snapshot_download

    try:
        local = Path(
            snapshot_download(
                name, revision=revision, cache_dir=hub_cache_dir(cache_dir), local_files_only=True
            )
        )
    except (OSError, ValueError):
        return None
    broken = damage(local)
    if broken is not None:
        repo = local.parents[1] if local.parent.name == "snapshots" else local
        raise DamagedModelError(
            f"the cached copy of '{name}' at {local} is damaged ({broken}); delete {repo} "
            f"and {fetch_hint(name, revision, backend)}"
        )
    try:
        return check_model_dir(local, "model", backend)
    except ModelError:
        return None


def fetch_hint(name: str, revision: str | None, backend: str = "torch") -> str:
    from checker.store.catalog import find

    entry = find(name)
    if entry is not None and entry.revision == revision:
        revision = None  # a catalog name already means its pinned revision
    command = f"checker models download {name}"
    if revision:
        command += f" --revision {revision}"
    if backend != "torch":
        command += f" --backend {backend}"
    return f"fetch it on a connected machine with `{command}` (then copy the cache)"


def download(
    name: str,
    *,
    revision: str | None,
    cache_dir: Path | None,
    patterns: list[str],
    label: str = "model",
) -> Path:
    """Fetch exactly `patterns` of `name` at `revision` into the HF cache (with progress)."""
    from huggingface_hub import snapshot_download

    cache = hub_cache_dir(cache_dir)
    rev_text = f" (revision {revision[:12]})" if revision else ""
    if hub_offline():
        raise ModelUnavailableError(
            f"cannot download {label} '{name}'{rev_text}: offline mode (HF_HUB_OFFLINE) is on"
        )
    endpoint = hub_endpoint()
    if not hub_reachable(endpoint):
        raise ModelUnavailableError(
            f"cannot download {label} '{name}'{rev_text}: the hub ({endpoint}) cannot be reached"
        )
    try:
        return Path(
            snapshot_download(name, revision=revision, cache_dir=cache, allow_patterns=patterns)
        )
    except Exception as exc:  # RepositoryNotFound, RevisionNotFound, gated, HTTP, disk
        raise ModelUnavailableError(
            f"{label} '{name}'{rev_text} could not be downloaded to {cache}: {first_line(exc)}"
        ) from exc


def resolve_model_dir(
    name: str,
    *,
    revision: str | None,
    cache_dir: Path | None,
    offline: bool,
    role: str,
    option: str,
    backend: str = "torch",
    patterns: list[str] | None = None,
    hint_name: str | None = None,
) -> Path:
    """A local directory holding `name` at `revision` for `backend`, downloading only
    when allowed. `hint_name` is the name to suggest in `checker models download`."""
    label = role
    if is_local_reference(name):
        path = Path(name).expanduser()
        if not path.exists():
            raise ModelUnavailableError(f"{label} '{name}': no such directory")
        return check_model_dir(path, label, backend)

    exported = export_dir(name, revision)
    if backend in ONNX_FILES and find_onnx_file(exported, backend) is not None:
        # checker's own export of this revision first: its weights sit in a data file
        # beside the graph, which opens faster than the hub's inline file
        return check_model_dir(exported, label, backend)
    cached = cached_snapshot(name, revision, cache_dir, backend)
    if cached is not None:
        return cached
    if backend in ONNX_FILES and exported.is_dir():
        return check_model_dir(exported, label, backend)

    cache = hub_cache_dir(cache_dir)
    rev_text = f" (revision {revision[:12]})" if revision else ""
    how = f"{fetch_hint(hint_name or name, revision, backend)}, or pass {option} PATH"
    if option == "--nli-model":
        how += " (or --nli-model none: pairing and the number/people checks only)"
    if hub_offline(offline):
        raise ModelUnavailableError(
            f"{label} '{name}'{rev_text} is not available offline: not a local directory and "
            f"not in the Hugging Face cache at {cache}; {how}"
        )
    endpoint = hub_endpoint()
    if not hub_reachable(endpoint):
        raise ModelUnavailableError(
            f"{label} '{name}'{rev_text} is not in the Hugging Face cache at {cache} and the hub "
            f"({endpoint}) cannot be reached; {how}"
        )
    local = download(
        name,
        revision=revision,
        cache_dir=cache_dir,
        patterns=patterns or DEFAULT_PATTERNS[backend],
        label=label,
    )
    try:
        return check_model_dir(local, label, backend)
    except ModelError as exc:
        if backend in ONNX_FILES:
            raise ModelUnavailableError(
                f"{label} '{name}'{rev_text} has no ONNX file for --backend {backend} on the hub; "
                f"make one with `checker models export {hint_name or name}"
                + (" --int8`" if backend == "onnx-int8" else "`")
            ) from exc
        raise
