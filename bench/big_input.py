"""Memory and time on big inputs: `checker sentences` on generated text files.

Each run is a separate `checker` process measured with GNU time (peak RSS, wall
seconds). A file over --max-source-mb (default 5 MB) is refused from its size alone,
so memory stays flat however big it is; files under the limit are processed in full.

    python bench/big_input.py                # 1 MB and 5 MB processed, 50 MB refused
    python bench/big_input.py --sizes 1 20 --limit 25
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PARAGRAPH = (
    "The United Nations has asked Arvania to contribute troops to a proposed stabilisation "
    "force in the port city of Selmar. Организация Объединённых Наций обратилась к Арвании "
    "с просьбой направить военных. وقال مصدر إن أرفانيا لن تشارك إلا بقرار من مجلس الأمن.\n\n"
)


def make(path: Path, megabytes: float) -> Path:
    target = int(megabytes * 1_000_000)
    chunk = PARAGRAPH.encode("utf-8") * 200
    with path.open("wb") as handle:
        written = 0
        while written < target:
            handle.write(chunk[: target - written])
            written += min(len(chunk), target - written)
    return path


def measure(args: list[str]) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak RSS MB) of one checker process."""
    timer = shutil.which("time") or "/usr/bin/time"
    cmd = [timer, "-f", "%e %M", sys.executable, "-m", "checker.cli", *args]
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall, rss_kb = out.stderr.strip().splitlines()[-1].split()
    return out.returncode, float(wall), int(rss_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 50])
    parser.add_argument("--limit", type=float, default=5.0, help="--max-source-mb")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="checker-big-"))
    print(f"{'file MB':>8}{'limit MB':>10}{'exit':>6}{'wall s':>8}{'peak RSS MB':>13}  outcome")
    for size in args.sizes:
        path = make(work / f"{size:g}mb.txt", size)
        code, wall, rss = measure(
            [
                "sentences",
                str(path),
                "--format",
                "json",
                "--output",
                str(work / "out.json"),
                "--max-source-mb",
                str(args.limit),
                "--max-sentences",
                "10000000",
                "--quiet",
            ]
        )
        outcome = "refused (over the limit)" if code == 2 else "processed" if code == 0 else "?"
        print(f"{size:>8g}{args.limit:>10g}{code:>6}{wall:>8.1f}{rss:>13.0f}  {outcome}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
