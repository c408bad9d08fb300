"""Find a model on disk, in the Hugging Face cache, or (when allowed) on the hub.

Offline first: a cached snapshot of the pinned revision is used without touching the
network. When a download is needed and the hub is unreachable we fail in about a
second with one line saying what was looked for, where, and how to get it, instead
of huggingface_hub's retry loop. Only safetensors weights are ever fetched or loaded.
"""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path
from urllib.parse import urlparse

from checker.errors import ModelError, ModelUnavailableError

# Files a transformers / sentence-transformers model needs; never pickle weights.
ALLOW_PATTERNS = [
    "*.json",
    "*.safetensors",
    "*.model",
    "vocab.txt",
    "*/vocab.txt",
    "merges.txt",
]
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


def check_model_dir(path: Path, label: str) -> Path:
    """A usable local model directory has a config and safetensors weights."""
    if not path.is_dir():
        raise ModelUnavailableError(f"{label} '{path}' is not a directory")
    if not (path / "config.json").is_file():
        raise ModelError(f"{label} at '{path}' has no config.json: not a transformers model folder")
    if not any(path.rglob("*.safetensors")):
        if any(path.glob("*.bin")) or any(path.glob("*.pt")):
            raise ModelError(
                f"{label} at '{path}' has only pickle weights (.bin/.pt); checker loads "
                "safetensors only. Convert it (save_pretrained(..., safe_serialization=True))."
            )
        raise ModelError(f"{label} at '{path}' has no *.safetensors weights")
    return path


def resolve_model_dir(
    name: str,
    *,
    revision: str | None,
    cache_dir: Path | None,
    offline: bool,
    role: str,
    option: str,
) -> Path:
    """A local directory holding `name` at `revision`, downloading only when allowed."""
    label = role
    if is_local_reference(name):
        path = Path(name).expanduser()
        if not path.exists():
            raise ModelUnavailableError(f"{label} '{name}': no such directory")
        return check_model_dir(path, label)

    from huggingface_hub import snapshot_download

    cache = hub_cache_dir(cache_dir)
    rev_text = f" (revision {revision[:12]})" if revision else ""
    try:
        local = snapshot_download(
            name,
            revision=revision,
            cache_dir=cache,
            local_files_only=True,
            allow_patterns=ALLOW_PATTERNS,
        )
        return check_model_dir(Path(local), label)
    except (OSError, ValueError, ModelError):
        pass  # not cached (or cached incompletely): maybe download below

    includes = " ".join(f"--include '{p}'" for p in ("*.json", "*.safetensors", "*.model"))
    how = (
        f"get it on a connected machine with `hf download {name}"
        + (f" --revision {revision}" if revision else "")
        + f" {includes}` and copy the cache, or pass {option} PATH to a local copy"
    )
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
    try:
        local = snapshot_download(
            name, revision=revision, cache_dir=cache, allow_patterns=ALLOW_PATTERNS
        )
    except Exception as exc:  # RepositoryNotFound, RevisionNotFound, gated, HTTP, disk
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ModelUnavailableError(
            f"{label} '{name}'{rev_text} could not be downloaded to {cache}: {first}"
        ) from exc
    return check_model_dir(Path(local), label)
