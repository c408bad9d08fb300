"""NLI throughput: a naive per-pair transformers pipeline vs checker's backends.

Same generated pair set, same model, one run; each backend runs in a fresh process so
its load time and peak RSS are its own. Prints pairs/s, the ratio to the naive
baseline, and how often each backend's verdict (argmax label) agrees with torch's.

    python bench/nli_throughput.py                 # tiny random model (smoke run)
    python bench/nli_throughput.py --base-size     # mDeBERTa-v3-base architecture, random weights
    python bench/nli_throughput.py --model PATH    # any local NLI model (e.g. a downloaded one)

Random weights give meaningless verdicts but the same compute as the real model: use
them for speed, a real model for agreement figures.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))


def make_pairs(n: int) -> list[tuple[str, str]]:
    """Distinct cross-source sentence pairs of real length: from the scraped seed
    articles when ../shared/seeds is there (real news, ~80 tokens a pair), else from the
    samples' story corpus (shorter sentences)."""
    from checker.pipeline import load_sources

    seeds = ROOT.parent / "shared" / "seeds"
    inputs = (
        sorted(seeds.glob("*.txt")) if seeds.is_dir() else [ROOT / "samples" / "eval" / "flood"]
    )
    sources = load_sources(inputs)
    pairs = []
    for a in sources:
        for b in sources:
            if a.name != b.name:
                pairs += [(x.text, y.text) for x in a.sentences for y in b.sentences]
    out = pairs[:]
    k = 1
    while len(out) < n:  # more distinct pairs: prefix a marker so none is deduplicated
        out += [(f"({k}) {p}", h) for p, h in pairs]
        k += 1
    return out[:n]


def tokens_and_flops(
    model: Path, pairs: list[tuple[str, str]], batch: int
) -> tuple[list[int], float]:
    """Tokens per pair with the model's tokenizer, and FLOPs per pair of one batch of
    median-length pairs, counted by torch's FLOP counter (matmuls, attention)."""
    import torch
    from torch.utils.flop_counter import FlopCounterMode
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(model))
    both = tok([p for p, _ in pairs], [h for _, h in pairs], truncation=True)
    tokens = [len(ids) for ids in both["input_ids"]]
    order = np.argsort(tokens)
    middle = order[len(order) // 2 - batch // 2 :][:batch]
    net = AutoModelForSequenceClassification.from_pretrained(str(model)).eval()
    net.requires_grad_(False)
    enc = tok(
        [pairs[i][0] for i in middle], [pairs[i][1] for i in middle],
        padding=True, truncation=True, return_tensors="pt",
    )  # fmt: skip
    counter = FlopCounterMode(display=False)
    with torch.no_grad(), counter:  # (the counter's module hooks refuse inference_mode)
        net(**enc)
    return tokens, counter.get_total_flops() / len(middle)


def cpu_peak_gflops(threads: int) -> float:
    """Rough fp32 peak of `threads` cores: clock (cpu MHz) × 32 FLOP/cycle (two 256-bit
    FMA pipes, as on Zen 4; AVX-512 is double-pumped there)."""
    mhz = 0.0
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("cpu MHz"):
                mhz = max(mhz, float(line.split(":")[1]))
    return threads * (mhz or 3000.0) / 1000 * 32


def _peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: ru_maxrss survives exec, so a
    spawned worker would report its parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker(
    kind: str, model: str, pairs: list[tuple[str, str]], batch: int, threads: int, queue: Any
) -> None:
    try:
        queue.put(_timed(kind, model, pairs, batch, threads))
    except BaseException:  # report, so the parent never waits on a dead child
        import traceback

        queue.put(traceback.format_exc())


def _timed(
    kind: str, model: str, pairs: list[tuple[str, str]], batch: int, threads: int
) -> tuple[float, float, float, np.ndarray]:
    start = time.perf_counter()
    if kind == "naive pipeline":
        import torch
        from transformers import pipeline

        torch.set_num_threads(threads)
        from transformers.utils import logging

        logging.set_verbosity_error()
        logging.disable_progress_bar()
        clf = pipeline("text-classification", model=model, top_k=None, device="cpu")
        labels = [clf.model.config.id2label[i] for i in range(clf.model.config.num_labels)]
        loaded = time.perf_counter()
        rows = []
        for p, h in pairs:  # one call per pair: what a first script does
            result = clf({"text": p, "text_pair": h}, truncation=True)
            scores = {d["label"]: d["score"] for d in result}
            rows.append([scores[label] for label in labels])
        from checker.judge.nli import label_indices

        idx = label_indices(dict(enumerate(labels)))
        probs = np.array([[row[i] if i is not None else 0.0 for i in idx] for row in rows])
    else:
        from checker.judge.nli import TransformersNli
        from checker.judge.onnx import OnnxNli

        nli: Any
        if kind.startswith("checker torch"):
            precision = "bf16" if kind.endswith("bf16") else "fp32"
            nli = TransformersNli(
                model, batch_size=batch, threads=threads, device="cpu", precision=precision
            )
        else:
            nli = OnnxNli(model, int8=kind.endswith("int8"), batch_size=batch, threads=threads)
        nli.load()
        loaded = time.perf_counter()
        probs = nli.predict(pairs)
    done = time.perf_counter()
    return loaded - start, done - loaded, _peak_rss_mb(), probs


def measure(
    kind: str, model: str, pairs: list[tuple[str, str]], batch: int, threads: int
) -> tuple[float, float, float, np.ndarray]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_worker, args=(kind, model, pairs, batch, threads, queue))
    proc.start()
    while True:
        try:
            result = queue.get(timeout=5)
            break
        except Exception:  # queue.Empty: is the child still there?
            if not proc.is_alive():
                raise RuntimeError(f"{kind}: worker died (exit code {proc.exitcode})") from None
    proc.join()
    if isinstance(result, str):
        raise RuntimeError(f"{kind} failed:\n{result}")
    return result  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, help="local NLI model folder (safetensors)")
    parser.add_argument(
        "--base-size", action="store_true", help="random weights, mDeBERTa-v3-base architecture"
    )
    parser.add_argument("--pairs", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--skip-naive", action="store_true", help="slow on large models")
    args = parser.parse_args()

    from checker.judge.export import export_onnx
    from checker.judge.nli import available_cores
    from checker.store.hub import find_onnx_file

    threads = args.threads or available_cores()
    work = Path(tempfile.mkdtemp(prefix="checker-bench-"))
    if args.model:
        model, label = args.model, str(args.model)
    elif args.base_size:
        from base_size_model import build

        model, label = build(work / "base"), "random mDeBERTa-v3-base architecture"
    else:
        from tinymodels import build_nli

        model, label = build_nli(work / "tiny"), "tiny random DeBERTa-v2 (test model)"
    onnx_dir = model
    if find_onnx_file(model, "onnx") is None or find_onnx_file(model, "onnx-int8") is None:
        onnx_dir = work / "onnx"
        shutil.copytree(model, onnx_dir, dirs_exist_ok=True)
        export_onnx(onnx_dir, onnx_dir, int8=True)
    pairs = make_pairs(args.pairs)
    from checker.judge.nli import bf16_capable

    kinds = ["naive pipeline", "checker torch", "checker torch bf16", "checker onnx"]
    kinds.append("checker onnx-int8")
    if args.skip_naive:
        kinds.remove("naive pipeline")
    if not bf16_capable("cpu")[0]:
        kinds.remove("checker torch bf16")
    results = {}
    for kind in kinds:
        where = str(onnx_dir if "onnx" in kind else model)
        results[kind] = measure(kind, where, pairs, args.batch_size, threads)
    tokens, flops = tokens_and_flops(Path(model), pairs, args.batch_size)
    peak32 = cpu_peak_gflops(threads)
    print(
        f"model: {label}; {len(pairs)} distinct pairs, {np.median(tokens):.0f} tokens per pair "
        f"(median; mean {np.mean(tokens):.0f}); batch {args.batch_size}; {threads} threads; "
        f"{flops / 1e9:.2f} GFLOP per pair (torch FLOP counter); CPU fp32 peak ≈ {peak32:.0f} "
        "GFLOP/s (cores × current clock × 32 FLOP/cycle, bf16 × 2; a rough estimate: boost "
        "clocks run higher)"
    )
    baseline = kinds[0]
    base_rate = len(pairs) / results[baseline][1]
    torch_rate = len(pairs) / results["checker torch"][1]
    reference = results["checker torch"][3].argmax(1)
    header = (
        f"{'backend':<20}{'load s':>8}{'run s':>9}{'pairs/s':>10}{'× ' + baseline:>22}"
        f"{'× torch fp32':>14}{'GFLOP/s':>9}{'% of peak':>11}"
    )
    print(header + f"{'peak RSS MB':>13}{'same label as torch':>21}{'max |Δp| vs torch':>19}")
    for kind, (load, run, rss, probs) in results.items():
        rate = len(pairs) / run
        same = (probs.argmax(1) == reference).mean()
        delta = np.abs(probs - results["checker torch"][3]).max()
        achieved = rate * flops / 1e9
        peak = peak32 * (2 if kind.endswith("bf16") else 1)
        share = f"{achieved / peak:>11.0%}" if kind.startswith("checker torch") else f"{'-':>11}"
        print(
            f"{kind:<20}{load:>8.1f}{run:>9.2f}{rate:>10.1f}{rate / base_rate:>22.2f}"
            f"{rate / torch_rate:>14.2f}{achieved:>9.0f}{share}"
            f"{rss:>13.0f}{same:>21.1%}{delta:>19.4f}"
        )
    if "checker onnx" in results and "checker onnx-int8" in results:
        fp32, int8 = results["checker onnx"][3], results["checker onnx-int8"][3]
        print(
            f"int8 vs fp32 ONNX: same label {(fp32.argmax(1) == int8.argmax(1)).mean():.1%}, "
            f"max |Δp| {np.abs(fp32 - int8).max():.4f}"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
