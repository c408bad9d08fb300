"""The benchmark scripts run in a smoke mode in CI: they must work; timings are not asserted."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def run(*args: str) -> str:
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


@pytest.mark.slow
def test_e2e_smoke() -> None:
    out = run(str(BENCH / "e2e.py"), "--smoke")
    rows = [ln.split() for ln in out.splitlines() if ln.strip()[:1].isdigit()]
    assert [(r[0], r[1]) for r in rows] == [("2", "5"), ("3", "5")]
    for row in rows:
        calls, naive_calls = int(row[3]), int(row[4])
        sentences = int(row[2])
        assert 0 < calls <= 2 * 6 * sentences  # both directions, the 6-per-sentence budget
        assert naive_calls > calls


@pytest.mark.slow
def test_nli_throughput_smoke() -> None:
    out = run(str(BENCH / "nli_throughput.py"), "--pairs", "16", "--skip-naive")
    assert "checker torch" in out and "checker onnx-int8" in out and "int8 vs fp32" in out


def test_pairing_recall_smoke() -> None:
    out = run(str(BENCH / "pairing_recall.py"), "--smoke")
    rows = [ln for ln in out.splitlines() if ln.startswith("| global") or ln.startswith("| source")]
    assert len(rows) == 8  # two strategies × with/without reprints × k in (1, 2)
    default = next(ln for ln in out.splitlines() if ln.startswith("default: recall"))
    recall, per_sentence = default.split()[2], default.split()[-4]
    assert 0.0 <= float(recall) <= 1.0 and float(per_sentence) > 0


@pytest.mark.slow
def test_thresholds_smoke() -> None:
    out = run(str(BENCH / "thresholds.py"), "--smoke")
    rows = [
        ln.split("|")[1:-1]
        for ln in out.splitlines()
        if ln.startswith("| story") or ln.startswith("| reprints")
    ]
    assert len(rows) == 10  # two corpora × five settings
    by = {(r[0].strip(), r[1].strip()): r[2].strip() for r in rows}
    assert by[("reprints", "default (0.6, 0.6)")] == "wire-ar+wire-en+wire-ru"
    assert by[("story", "default (0.6, 0.6)")] == "-"  # three outlets, not reprints
    assert by[("story", "share 0.5")] != "-"  # what a lower share would merge
