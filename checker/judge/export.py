"""Export a torch NLI checkpoint to ONNX (fp32) and quantize it to int8.

Used by `checker models export` when a hub repo has only safetensors. The export is
checked against torch on sample pairs before it is kept; the int8 file is made with
onnxruntime's dynamic quantizer (int8 weights, fp32 activations), the usual recipe for
BERT-class models on CPU.
"""

from __future__ import annotations

import json
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from checker.errors import ModelError, ModelUnavailableError

# Files a runtime without torch needs beside the .onnx file.
_SIDECARS = (
    "config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
    "spm.model",
    "sentencepiece.bpe.model",
)
_OPSET = 17
_CHECK_PAIRS = [
    ("The force will number about 20,000 troops.", "Численность сил составит 5 тысяч."),
    ("short", "قوام القوة نحو 20 ألف جندي."),
    ("Arvania will join only with a UN Security Council resolution.", "Arvania will not join."),
]
FP32_TOLERANCE = 1e-3  # max |logit difference| accepted between torch and the fp32 export


@dataclass(frozen=True)
class ExportResult:
    fp32: Path
    int8: Path | None
    max_logit_diff: float


def export_onnx(model_dir: Path, out_dir: Path, *, int8: bool = True) -> ExportResult:
    """Write out_dir/onnx/model.onnx (and model_quantized.onnx) plus tokenizer and config."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
        import onnxscript  # noqa: F401  (torch.onnx.export's exporter needs it)
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError as exc:
        raise ModelUnavailableError(
            f"exporting needs torch, onnx, onnxscript and onnxruntime ({exc.name or exc} is "
            "missing): pip install 'checker[export]'"
        ) from exc
    from checker.judge.base import quiet_transformers

    with quiet_transformers():
        tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(
            str(model_dir), local_files_only=True, use_safetensors=True, dtype=torch.float32
        ).eval()
    if not (model_dir / "tokenizer.json").is_file():
        raise ModelError(f"{model_dir} has no tokenizer.json: the ONNX backend needs one")
    onnx_dir = out_dir / "onnx"
    onnx_dir.mkdir(parents=True, exist_ok=True)
    copy_sidecars(model_dir, out_dir)

    sample = tokenizer(
        [p for p, _ in _CHECK_PAIRS],
        [h for _, h in _CHECK_PAIRS],
        padding=True,
        return_tensors="pt",
    )
    names = ["input_ids", "attention_mask"]
    if "token_type_ids" in sample and getattr(model.config, "type_vocab_size", 0) > 1:
        names.append("token_type_ids")
    fp32 = onnx_dir / "model.onnx"
    _export(model, tuple(sample[n] for n in names), names, fp32)
    with torch.inference_mode():
        reference = model(**{n: sample[n] for n in names}).logits.numpy()
    diff = float(np.abs(_onnx_logits(fp32, sample, names) - reference).max())
    if diff > FP32_TOLERANCE:
        raise ModelError(f"ONNX export of {model_dir} differs from torch by {diff:.2e} in logits")
    quantized = None
    if int8:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantized = onnx_dir / "model_quantized.onnx"
        quantize_dynamic(str(fp32), str(quantized), weight_type=QuantType.QInt8)
        external_weights(quantized)
    external_weights(fp32)
    optimize_for_runtime(fp32)
    return ExportResult(fp32=fp32, int8=quantized, max_logit_diff=diff)


def copy_sidecars(model_dir: Path, out_dir: Path) -> None:
    """The config and tokenizer files a runtime without torch needs beside the graph."""
    if out_dir.resolve() == model_dir.resolve():
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in _SIDECARS:
        if (model_dir / name).is_file():
            shutil.copy2(model_dir / name, out_dir / name)


def data_file(model_file: Path) -> Path:
    """Where `external_weights` keeps a graph's weights: beside it, `<name>_data`."""
    return model_file.with_name(model_file.name + "_data")


def inline_weights(model_file: Path) -> bool:
    """The file holds its weights inside the protobuf (as the hub's and the exporter's
    files do), not in an external data file."""
    import onnx

    model = onnx.load(str(model_file), load_external_data=False)
    return not any(t.data_location == onnx.TensorProto.EXTERNAL for t in model.graph.initializer)


def external_weights(model_file: Path, out: Path | None = None) -> bool:
    """Rewrite a graph that holds its weights inline as the graph plus one data file
    beside it (`model.onnx` + `model.onnx_data`), in place or at `out`. Why:
    onnxruntime maps an external data file where it must parse and copy inline
    weights, so the base-size model opens in 0.8 s instead of 3.4 s, at 0.75 GB peak
    instead of 1.9 GB (docs/measuring.md), with the same outputs. True when rewritten;
    False when the weights already were outside."""
    import onnx

    if not inline_weights(model_file):
        return False
    model = onnx.load(str(model_file))
    out = out or model_file
    out.parent.mkdir(parents=True, exist_ok=True)
    data = data_file(out)
    data.unlink(missing_ok=True)  # onnx appends to a data file that is already there
    partial = out.with_name(out.name + ".partial")
    onnx.save(
        model,
        str(partial),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=data.name,
        size_threshold=1024,
    )
    partial.replace(out)  # an inline file rewritten in place stays whole until then
    return True


class _Logits:
    """Wraps a classifier so the exported graph has named inputs and one `logits` output."""

    def __new__(cls, model: Any) -> Any:
        import torch

        class Wrapper(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.model = model

            def forward(self, *inputs: Any) -> Any:
                keys = ["input_ids", "attention_mask", "token_type_ids"][: len(inputs)]
                return self.model(**dict(zip(keys, inputs, strict=True))).logits

        return Wrapper().eval()  # eval: a fresh module is in training mode (dropout on)


def _export(model: Any, args: tuple[Any, ...], names: list[str], path: Path) -> None:
    import torch

    wrapper = _Logits(model)
    axes = {n: {0: "batch", 1: "sequence"} for n in names}
    common: dict[str, Any] = dict(input_names=names, output_names=["logits"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:  # the TorchScript exporter: fast and exact for these encoders
            torch.onnx.export(
                wrapper,
                args,
                str(path),
                dynamic_axes={**axes, "logits": {0: "batch"}},
                opset_version=_OPSET,
                dynamo=False,
                **common,
            )
        except Exception:  # a torch without it: the dynamo exporter
            from torch.export import Dim

            batch, seq = Dim("batch"), Dim("sequence", min=2, max=4096)
            torch.onnx.export(
                wrapper,
                args,
                str(path),
                dynamic_shapes=[{0: batch, 1: seq} for _ in names],
                opset_version=18,
                dynamo=True,
                **common,
            )
    model.eval()


def _onnx_logits(path: Path, sample: Any, names: list[str]) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = {n: sample[n].numpy().astype(np.int64) for n in names}
    return np.asarray(session.run(["logits"], feed)[0])


def optimized_file(model_file: Path) -> Path:
    """Where `optimize_for_runtime` keeps a graph's optimized copy (`model.opt.onnx`)."""
    return model_file.with_name(model_file.stem + ".opt" + model_file.suffix)


def _stamp(model_file: Path) -> dict[str, object]:
    """What the optimized copy was made from: the runtime, and the graph as it was."""
    import onnxruntime

    files = [model_file, data_file(model_file)]
    return {
        "onnxruntime": onnxruntime.__version__,
        "source": [[p.name, p.stat().st_size, p.stat().st_mtime_ns] for p in files if p.exists()],
    }


def optimize_for_runtime(model_file: Path) -> Path | None:
    """Save onnxruntime's own optimization of a graph beside it (`model.opt.onnx` and its
    data file, with a stamp of the runtime and the source). Why: opening the base-size
    model optimizes its graph at every start (0.5 s of 0.9); the saved copy opens in 0.4 s
    with no optimization, with the same outputs (docs/measuring.md). It holds fusions of
    this runtime version (level "extended", no hardware-specific layout), so it is read
    only by the version that wrote it (`optimized_for`); the plain graph stays for the
    others. It costs a second copy of the weights on disk. None where it could not be
    written (the plain graph serves)."""
    import onnxruntime as ort

    out = optimized_file(model_file)
    stamp = out.with_suffix(".json")
    made = (out, data_file(out), stamp)
    for old in made:
        old.unlink(missing_ok=True)
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.optimized_model_filepath = str(out)
    options.add_session_config_entry(
        "session.optimized_model_external_initializers_file_name", data_file(out).name
    )
    options.add_session_config_entry(
        "session.optimized_model_external_initializers_min_size_in_bytes", "1024"
    )
    try:
        ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
        stamp.write_text(json.dumps(_stamp(model_file)), encoding="utf-8")  # last: complete
    except Exception:  # a full disk, a graph the runtime cannot optimize: nothing half-made
        for old in made:
            old.unlink(missing_ok=True)
        return None
    return out


def optimized_for(model_file: Path) -> Path | None:
    """The optimized copy of `model_file` when this runtime wrote it from the graph as it
    is now; None otherwise (then the plain graph is opened and optimized as usual)."""
    out = optimized_file(model_file)
    stamp = out.with_suffix(".json")
    if not (out.is_file() and stamp.is_file()):
        return None
    try:
        written = json.loads(stamp.read_text(encoding="utf-8"))
        return out if written == json.loads(json.dumps(_stamp(model_file))) else None
    except (OSError, ValueError):
        return None
