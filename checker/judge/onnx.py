"""The NLI stage on onnxruntime: no torch at run time, optional int8 weights.

The tokenizer is the model's own `tokenizer.json` run by `tokenizers`, so token ids
are the same as with transformers; labels come from `config.json` exactly as for the
torch backend. Batches are length-sorted and padded per batch, like the torch path.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from checker.errors import ModelError, ModelUnavailableError, first_line
from checker.judge.base import BatchedNli, available_cores, sorted_batches
from checker.judge.export import optimized_for
from checker.judge.labels import LABELS, label_indices
from checker.store.hub import find_onnx_file

_PAD_NAMES = ("[PAD]", "<pad>", "<PAD>")


def _needs_runtime(backend: str) -> str:
    return f"--backend {backend} needs onnxruntime: pip install 'checker[onnx]'"


class OnnxNli(BatchedNli):
    """An exported sequence classifier (`onnx/model.onnx` or `model_quantized.onnx`)."""

    def __init__(self, name: str, *, int8: bool = False, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.int8 = int8
        self.backend = "onnx-int8" if int8 else "onnx"
        self.precision = "int8" if int8 else "fp32"
        self._session: Any = None
        self._tokenizer: Any = None
        self._inputs: list[str] = []
        self._pad_id = 0
        self.model_file: Path | None = None

    def prepare(self) -> None:
        if not self.disk_cache:
            self.load()
            return
        if importlib.util.find_spec("onnxruntime") is None or (
            importlib.util.find_spec("tokenizers") is None
        ):
            raise ModelUnavailableError(_needs_runtime(self.backend))
        self._stored()  # the files, found now; the session opens at the first pair to run

    def _identity(self) -> tuple[str, str]:
        """fp32 or int8 on the CPU, known before loading: a re-run read whole from the
        NLI cache opens no session."""
        self._model_dir(self.backend)  # where the weights are: part of the cache key
        return self.precision, "cpu"

    def _load(self) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelUnavailableError(_needs_runtime(self.backend)) from exc
        path = self._model_dir(self.backend)
        model_file = find_onnx_file(path, self.backend)
        if model_file is None:  # resolve_model_dir checked it; keep mypy and readers sure
            raise ModelError(f"no ONNX file for --backend {self.backend} in {path}")
        try:
            config = json.loads((path / "config.json").read_text(encoding="utf-8"))
            tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads or available_cores()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            if (optimized := optimized_for(model_file)) is not None:
                # optimized when exported, by this runtime: opens without doing it again
                model_file = optimized
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
            session = ort.InferenceSession(
                str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:
            raise ModelError(
                f"NLI model '{self.name}' at {model_file} cannot be loaded: {first_line(exc)}"
            ) from exc
        self._indices = label_indices(config.get("id2label") or {})
        self._pad_id = _pad_id(path, tokenizer, config)
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=_max_length(path, self.max_length))
        self._inputs = [i.name for i in session.get_inputs()]
        self._session, self._tokenizer, self.model_file = session, tokenizer, model_file

    def _run(
        self, pairs: list[tuple[str, str]], progress: Callable[[int], None] | None
    ) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(pairs)
        result = np.zeros((len(pairs), len(LABELS)), dtype=np.float64)

        for idx in sorted_batches([len(e.ids) for e in encodings], self.batch_size):
            batch = [encodings[i] for i in idx]
            width = max(len(e.ids) for e in batch)
            ids = np.full((len(batch), width), self._pad_id, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            types = np.zeros((len(batch), width), dtype=np.int64)
            for row, enc in enumerate(batch):
                n = len(enc.ids)
                ids[row, :n], mask[row, :n], types[row, :n] = enc.ids, 1, enc.type_ids
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            (logits,) = self._session.run(["logits"], {k: feed[k] for k in self._inputs})
            logits = logits.astype(np.float64)
            exp = np.exp(logits - logits.max(axis=1, keepdims=True))
            result[idx] = self._reorder(exp / exp.sum(axis=1, keepdims=True))
            self.calls += len(idx)
            if progress is not None:
                progress(len(idx))
        return result


def _pad_id(path: Path, tokenizer: Any, config: dict[str, Any]) -> int:
    """The pad token id: tokenizer_config's pad token, else config's pad_token_id."""
    names: list[str] = []
    tok_config = path / "tokenizer_config.json"
    if tok_config.is_file():
        pad = json.loads(tok_config.read_text(encoding="utf-8")).get("pad_token")
        if isinstance(pad, dict):
            pad = pad.get("content")
        if isinstance(pad, str):
            names.append(pad)
    for name in [*names, *_PAD_NAMES]:
        token_id = tokenizer.token_to_id(name)
        if token_id is not None:
            return int(token_id)
    return int(config.get("pad_token_id") or 0)


def _max_length(path: Path, requested: int) -> int:
    tok_config = path / "tokenizer_config.json"
    limit = requested
    if tok_config.is_file():
        model_max = json.loads(tok_config.read_text(encoding="utf-8")).get("model_max_length")
        if isinstance(model_max, int) and model_max < 1_000_000:
            limit = min(limit, model_max)
    return limit
