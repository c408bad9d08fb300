"""Multilingual NLI with transformers: lazy load, label order from the config, sorted batches.

Speed on CPU comes from length-sorted batches padded per batch (DeBERTa-v2 has no SDPA
path), `torch.inference_mode`, and never running the same (premise, hypothesis) twice.
Label order differs between checkpoints (xlm-roberta-large-xnli is the reverse of
mDeBERTa), so indices are read from `config.id2label`, never assumed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from checker.config import Config
from checker.errors import CheckerError, ConfigError, ModelError, first_line
from checker.judge.base import (
    BatchedNli,
    NliModel,
    available_cores,
    pick_device,
    quiet_transformers,
    sorted_batches,
)
from checker.judge.labels import LABELS, label_indices
from checker.schema import ModelInfo
from checker.store.hub import resolve_model_dir

__all__ = [
    "BatchedNli",
    "NliModel",
    "NoNli",
    "TransformersNli",
    "available_cores",
    "bf16_capable",
    "choose_precision",
    "label_indices",
    "load_pretrained",
    "make_nli",
    "quiet_transformers",
    "sorted_batches",
]


def load_pretrained(
    path: Path, model_class: Any, *, label: str, device: str, threads: int | None, **kwargs: Any
) -> tuple[Any, Any, str]:
    """(tokenizer, model in eval mode, device) from a local folder, loaded the one way
    checker loads transformers models: local files only, safetensors only, no remote code.
    Any failure is one ModelError line naming `label` and the folder."""
    import torch
    from transformers import AutoTokenizer

    device = pick_device(device)
    if device == "cpu":
        torch.set_num_threads(threads or available_cores())
    try:
        with quiet_transformers():
            tokenizer = AutoTokenizer.from_pretrained(
                str(path), local_files_only=True, trust_remote_code=False
            )
            model = model_class.from_pretrained(
                str(path),
                local_files_only=True,
                trust_remote_code=False,
                use_safetensors=True,
                **kwargs,
            )
    except Exception as exc:
        raise ModelError(f"{label} at {path} cannot be loaded: {first_line(exc)}") from exc
    model.eval()
    model.to(device)
    return tokenizer, model, device


class TransformersNli(BatchedNli):
    """A sequence-classification NLI checkpoint run with torch, by hub id or local path."""

    backend = "torch"

    def __init__(self, name: str, *, device: str = "auto", **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.requested_device = device
        self._model: Any = None
        self._tokenizer: Any = None

    def _load(self) -> None:
        path = self._model_dir("torch")
        import torch
        import transformers
        from transformers import AutoModelForSequenceClassification

        # fp32 always: the mDeBERTa NLI checkpoints are stored in fp16 and break in fp16.
        major = int(transformers.__version__.split(".")[0])
        dtype_kw = {"dtype": torch.float32} if major >= 5 else {"torch_dtype": torch.float32}
        tokenizer, model, self._device = load_pretrained(
            path,
            AutoModelForSequenceClassification,
            label=f"NLI model '{self.name}'",
            device=self.requested_device,
            threads=self.threads,
            **dtype_kw,
        )
        self._indices = label_indices(model.config.id2label)
        self._model, self._tokenizer = model, tokenizer
        self.precision = choose_precision(
            self.requested_precision, self._device, verified=self.bf16_verified
        )

    def run_as(self, precision: str, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities for `pairs` in `precision`, bypassing what was judged before: for
        measuring bf16 against fp32 on one loaded model."""
        self.load()
        if precision == "bf16":
            choose_precision("bf16", self._device, verified=False)  # an error without bf16
        chosen, self.precision = self.precision, precision
        try:
            return self._run(list(pairs), None)
        finally:
            self.precision = chosen

    @property
    def _max_len(self) -> int:
        limit = getattr(self._tokenizer, "model_max_length", None) or self.max_length
        return int(min(self.max_length, limit if limit < 1_000_000 else self.max_length))

    def _run(
        self, pairs: list[tuple[str, str]], progress: Callable[[int], None] | None
    ) -> np.ndarray:
        import torch

        tok = self._tokenizer
        enc = tok(
            [p for p, _ in pairs],
            [h for _, h in pairs],
            truncation=True,
            max_length=self._max_len,
        )
        keys = [k for k in enc.keys() if k in ("input_ids", "attention_mask", "token_type_ids")]
        lengths = [len(ids) for ids in enc["input_ids"]]
        result = np.zeros((len(pairs), len(LABELS)), dtype=np.float64)
        device_type = "cuda" if self._device.startswith("cuda") else "cpu"
        bf16 = self.precision == "bf16"
        with (
            torch.inference_mode(),
            torch.autocast(device_type, dtype=torch.bfloat16, enabled=bf16),
        ):
            for idx in sorted_batches(lengths, self.batch_size):
                features = [{k: enc[k][i] for k in keys} for i in idx]
                batch = tok.pad(features, padding=True, return_tensors="pt")
                batch = {k: v.to(self._device) for k, v in batch.items()}
                logits = self._model(**batch).logits.float()
                result[idx] = self._reorder(torch.softmax(logits, dim=-1).cpu().numpy())
                self.calls += len(idx)
                if progress is not None:
                    progress(len(idx))
        return result


def bf16_capable(device: str) -> tuple[bool, str]:
    """Whether `device` runs bf16 matrix work natively, and what was looked at."""
    if device.startswith("cuda"):
        import torch

        ok = bool(torch.cuda.is_available() and torch.cuda.is_bf16_supported())
        return ok, "this GPU " + ("supports bf16" if ok else "has no bf16 support")
    if device != "cpu":
        return False, f"{device} has no bf16 path in checker"
    flags = cpu_flags()
    found = sorted(flags & {"avx512_bf16", "amx_bf16"})
    if found:
        return True, "this CPU has " + " and ".join(found)
    return False, "this CPU has no bf16 instructions (avx512_bf16 or amx_bf16)"


def cpu_flags() -> set[str]:
    """The CPU's feature flags (Linux /proc/cpuinfo; empty elsewhere)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def choose_precision(requested: str, device: str, *, verified: bool) -> str:
    """fp32 or bf16 for the torch backend. `bf16` asks for it (an error where the
    hardware lacks it: a slow emulated bf16 would be the worst of both); `auto` takes
    bf16 only where the hardware has it *and* the model's catalog manifest records that
    bf16 verdicts were checked against fp32 (`bf16_verified`); else fp32."""
    if requested == "fp32":
        return "fp32"
    capable, why = bf16_capable(device)
    if requested == "bf16":
        if not capable:
            raise ConfigError(f"--precision bf16: {why}; use --precision fp32")
        return "bf16"
    return "bf16" if capable and verified else "fp32"


class NoNli:
    """`--nli-model none`: no model reads the sentences. Every pair scores zero in every
    label, so only the rules beside NLI (numbers, people in roles) can flag a pair; the
    report says plainly which findings that leaves out."""

    def predict(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        if progress is not None and pairs:
            progress(len(pairs))
        return np.zeros((len(pairs), len(LABELS)), dtype=np.float64)

    def info(self) -> ModelInfo:
        return ModelInfo(role="nli", name="none", backend="none")


NO_NLI = "none"
_MODELS: dict[tuple[Any, ...], BatchedNli] = {}


def make_nli(config: Config) -> BatchedNli | NoNli:
    """The NLI model named in `config`, for its backend, loaded lazily and once per
    process: a second `compare` with the same model settings reuses the loaded model
    (and what it has already judged)."""
    if config.nli_model.strip().lower() == NO_NLI:
        return NoNli()
    key = (
        config.nli_model,
        config.nli_revision,
        config.backend,
        config.precision,
        config.device,
        str(config.cache_dir),
        config.offline,
        config.batch_size,
        config.max_length,
        config.threads,
        config.nli_cache,
    )
    if key not in _MODELS:
        _MODELS[key] = _build_nli(config)
    return _MODELS[key]


def _build_nli(config: Config) -> BatchedNli:
    from checker.store.catalog import resolve

    name, revision, manifest = resolve(config.nli_model, config.nli_revision)
    backend = runs_on(config, name, revision, manifest)
    common: dict[str, Any] = dict(
        revision=revision,
        cache_dir=config.cache_dir,
        offline=config.offline,
        batch_size=config.batch_size,
        max_length=config.max_length,
        threads=config.threads,
        hint_name=manifest.name if manifest else None,
        patterns=manifest.files_for(backend) if manifest else None,
        precision=config.precision,
        bf16_verified=bool(manifest and manifest.bf16_verified),
        disk_cache=config.nli_cache,
    )
    if backend == "torch":
        return TransformersNli(name, device=config.device, **common)
    from checker.judge.onnx import OnnxNli

    if config.device not in ("auto", "cpu"):
        raise ConfigError(f"--backend {backend} runs on the CPU; drop --device")
    if config.precision == "bf16":
        raise ConfigError(
            f"--precision bf16 is for --backend torch; --backend {backend} runs fp32 "
            "or int8 weights"
        )
    return OnnxNli(name, int8=backend == "onnx-int8", **common)


def runs_on(config: Config, name: str, revision: str | None, manifest: Any) -> str:
    """The backend a run uses. `auto` is ONNX fp32 (the same labels as torch fp32 and max
    |Δp| under 1e-4 on our models, 1.2× to 2× torch on a CPU by host; docs/measuring.md) where
    onnxruntime is installed and the model's fp32 ONNX file is already on this machine (a
    local folder's `onnx/model.onnx`, the hub cache, or `checker models export`), and
    torch otherwise: for bf16, for a GPU, or to download. Nothing is fetched to decide."""
    if config.backend != "auto":
        return config.backend
    if config.precision == "bf16" or config.device not in ("auto", "cpu") or _gpu_here(config):
        return "torch"
    if importlib.util.find_spec("onnxruntime") is None:
        return "torch"
    try:
        resolve_model_dir(
            name, revision=revision, cache_dir=config.cache_dir, offline=True, role="NLI model",
            option="--nli-model", backend="onnx",
            patterns=manifest.files_for("onnx") if manifest else None,
            hint_name=manifest.name if manifest else None,
        )  # fmt: skip
    except CheckerError:
        return "torch"
    return "onnx"


def _gpu_here(config: Config) -> bool:
    """An NVIDIA device, seen without importing torch (torch on it beats ONNX on a CPU)."""
    return config.device == "auto" and Path("/dev/nvidiactl").exists()
