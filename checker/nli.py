"""Multilingual NLI with transformers: lazy load, label order from the config, sorted batches.

Speed on CPU comes from length-sorted batches padded per batch (DeBERTa-v2 has no SDPA
path), `torch.inference_mode`, and never running the same (premise, hypothesis) twice.
Label order differs between checkpoints (xlm-roberta-large-xnli is the reverse of
mDeBERTa), so indices are read from `config.id2label`, never assumed.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from checker.config import Config
from checker.errors import ConfigError, ModelError, first_line
from checker.hub import resolve_model_dir
from checker.schema import ModelInfo
from checker.score import CONTRADICTION, ENTAILMENT, LABELS, NEUTRAL

_SYNONYMS = {
    ENTAILMENT: ("entailment", "entail", "entailed", "entails"),
    NEUTRAL: ("neutral",),
    CONTRADICTION: ("contradiction", "contradict", "contradicts", "contradictory"),
}


class NliModel(Protocol):
    """Maps (premise, hypothesis) pairs to probabilities in `score.LABELS` order."""

    def predict(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> np.ndarray: ...

    def info(self) -> ModelInfo: ...


def label_indices(id2label: Mapping[int, str] | Mapping[str, str]) -> list[int | None]:
    """Model output index for each of LABELS (neutral may be absent), case-insensitive."""
    found: dict[int, int] = {}
    for raw_index, raw_name in id2label.items():
        name = str(raw_name).strip().lower().replace("-", "_")
        for canonical, names in _SYNONYMS.items():
            if name in names:
                if canonical in found:
                    raise ModelError(
                        f"label '{raw_name}' appears twice in id2label {dict(id2label)}"
                    )
                found[canonical] = int(raw_index)
    missing = [LABELS[c] for c in (ENTAILMENT, CONTRADICTION) if c not in found]
    if missing:
        raise ModelError(
            f"the NLI model's labels {sorted(map(str, id2label.values()))} lack "
            f"{' and '.join(missing)}; checker needs an NLI (XNLI/MNLI-style) classifier"
        )
    return [found.get(c) for c in range(len(LABELS))]


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers' warnings and 'Loading weights' bars while we load, then
    restore the caller's settings (library users may want them)."""
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def pick_device(requested: str) -> str:
    import torch

    if requested == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return "mps"
        return "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise ConfigError("--device cuda was asked for but no CUDA device is available")
    if requested == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise ConfigError("--device mps was asked for but MPS is not available")
    return requested


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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


_MEMO_LIMIT = 200_000  # judged pairs kept per model (3 floats each)


class _Scaled:
    """Progress for the distinct pairs a model runs, counted in the caller's pairs (a
    repeated pair is done when its first copy is)."""

    def __init__(self, progress: Callable[[int], None], asked: int, run: int) -> None:
        self.progress, self.asked, self.run, self.done = progress, asked, run, 0

    def __call__(self, n: int) -> None:
        before = self.done * self.asked // max(1, self.run)
        self.done += n
        self.progress(self.done * self.asked // max(1, self.run) - before)


def sorted_batches(lengths: Sequence[int], batch_size: int) -> list[np.ndarray]:
    """Index batches, longest first, so each batch is padded only to its own longest pair."""
    order = np.argsort(-np.asarray(lengths), kind="stable")
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


class BatchedNli(ABC):
    """What every backend shares: deduplication, label mapping, counting, lazy loading."""

    backend = "none"

    def __init__(
        self,
        name: str,
        *,
        revision: str | None = None,
        cache_dir: Path | None = None,
        offline: bool = False,
        batch_size: int = 16,
        max_length: int = 512,
        threads: int | None = None,
        hint_name: str | None = None,
        patterns: list[str] | None = None,
        precision: str = "fp32",
        bf16_verified: bool = False,
    ) -> None:
        self.name = name
        self.revision = revision
        self.cache_dir = cache_dir
        self.offline = offline
        self.batch_size = batch_size
        self.max_length = max_length
        self.threads = threads
        self.hint_name = hint_name
        self.patterns = patterns
        self.calls = 0  # pairs actually run through the model (after deduplication)
        self.requested_precision = precision
        self.bf16_verified = bf16_verified
        self.precision = "fp32"  # what runs, once loaded
        # Every (premise, hypothesis) judged by this model, so identical pairs (reprints
        # repeat sentences word for word) run once per process, across calls too.
        self._memo: dict[tuple[str, str], np.ndarray] = {}
        self._indices: list[int | None] = []
        self._loaded = False
        self._device = "cpu"

    def load(self) -> None:
        """Resolve, load and check the model once; later calls do nothing."""
        if not self._loaded:
            self._load()
            self._loaded = True

    @abstractmethod
    def _load(self) -> None:
        """Find the files and build the model, tokenizer and `_indices`."""

    @abstractmethod
    def _run(
        self, pairs: list[tuple[str, str]], progress: Callable[[int], None] | None
    ) -> np.ndarray:
        """Probabilities in LABELS order for distinct pairs."""

    def _model_dir(self, backend: str) -> Path:
        return resolve_model_dir(
            self.name,
            revision=self.revision,
            cache_dir=self.cache_dir,
            offline=self.offline,
            role="NLI model",
            option="--nli-model",
            backend=backend,
            patterns=self.patterns,
            hint_name=self.hint_name,
        )

    def predict(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """Probabilities (n, 3) in LABELS order for each (premise, hypothesis)."""
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float64)
        if not pairs:
            return out
        self.load()
        known = sum(pair in self._memo for pair in pairs)
        todo = list(dict.fromkeys(pair for pair in pairs if pair not in self._memo))
        if known and progress is not None:
            progress(known)  # judged before: done at once
        if todo:
            if len(self._memo) + len(todo) > _MEMO_LIMIT:
                self._memo.clear()  # bounded: a long-lived process must not grow forever
            scaled = None if progress is None else _Scaled(progress, len(pairs) - known, len(todo))
            for pair, row in zip(todo, self._run(todo, scaled), strict=True):
                self._memo[pair] = row
        return np.stack([self._memo[pair] for pair in pairs])

    def _reorder(self, probs: np.ndarray) -> np.ndarray:
        """Model label order -> LABELS order."""
        result = np.zeros((probs.shape[0], len(LABELS)), dtype=np.float64)
        for canonical, model_index in enumerate(self._indices):
            if model_index is not None:
                result[:, canonical] = probs[:, model_index]
        return result

    def info(self) -> ModelInfo:
        return ModelInfo(
            role="nli",
            name=self.name,
            revision=self.revision,
            backend=self.backend,
            device=self._device if self._loaded else None,
            precision=self.precision if self._loaded else None,
        )


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
    )
    if key not in _MODELS:
        _MODELS[key] = _build_nli(config)
    return _MODELS[key]


def _build_nli(config: Config) -> BatchedNli:
    from checker.catalog import resolve

    name, revision, manifest = resolve(config.nli_model, config.nli_revision)
    common: dict[str, Any] = dict(
        revision=revision,
        cache_dir=config.cache_dir,
        offline=config.offline,
        batch_size=config.batch_size,
        max_length=config.max_length,
        threads=config.threads,
        hint_name=manifest.name if manifest else None,
        patterns=manifest.files_for(config.backend) if manifest else None,
        precision=config.precision,
        bf16_verified=bool(manifest and manifest.bf16_verified),
    )
    if config.backend == "torch":
        return TransformersNli(name, device=config.device, **common)
    from checker.nli_onnx import OnnxNli

    if config.device not in ("auto", "cpu"):
        raise ConfigError(f"--backend {config.backend} runs on the CPU; drop --device")
    if config.precision == "bf16":
        raise ConfigError(
            f"--precision bf16 is for --backend torch; --backend {config.backend} runs fp32 "
            "or int8 weights"
        )
    return OnnxNli(name, int8=config.backend == "onnx-int8", **common)
