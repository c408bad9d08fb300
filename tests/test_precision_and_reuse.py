"""Speed paths that must not change results: precision selection, bf16 against fp32,
pairs judged once per process, truncation, and one model load per process."""

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import checker
from checker.cli import main
from checker.config import Config
from checker.errors import ConfigError
from checker.judge import nli as nli_module
from checker.judge.nli import TransformersNli, bf16_capable, choose_precision, make_nli

PAIRS = [
    ("Arvania will join the mission.", "Арвания не будет участвовать в миссии."),
    ("The force will number 20,000 troops.", "ستبلغ القوة 20 ألف جندي."),
    ("Talks were held in Geneva on Monday.", "Переговоры прошли в Женеве."),
]
HAS_BF16 = bf16_capable("cpu")[0]


@pytest.mark.parametrize(
    ("requested", "flags", "verified", "expected"),
    [
        ("fp32", {"avx512_bf16"}, True, "fp32"),
        ("auto", {"avx512_bf16"}, True, "bf16"),
        ("auto", {"amx_bf16"}, True, "bf16"),
        ("auto", {"avx512_bf16"}, False, "fp32"),  # hardware, but the model is not verified
        ("auto", {"avx2"}, True, "fp32"),  # verified, but no bf16 hardware
        ("bf16", {"avx512_bf16"}, False, "bf16"),  # asked for: the user's call
    ],
)
def test_precision_selection(
    requested: str, flags: set[str], verified: bool, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nli_module, "cpu_flags", lambda: flags)
    assert choose_precision(requested, "cpu", verified=verified) == expected


def test_bf16_without_hardware_is_a_one_line_usage_error(
    monkeypatch: pytest.MonkeyPatch, nli_random: Path, samples: list[Path]
) -> None:
    monkeypatch.setattr(nli_module, "cpu_flags", lambda: {"avx2", "fma"})
    with pytest.raises(ConfigError, match="no bf16 instructions"):
        choose_precision("bf16", "cpu", verified=True)
    args = ["compare", *map(str, samples), "--nli-model", str(nli_random), "--precision", "bf16"]
    result = CliRunner().invoke(main, args)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert result.exit_code == 2 and len(lines) == 1
    assert "--precision bf16: this CPU has no bf16 instructions" in lines[0]
    onnx = CliRunner().invoke(main, [*args[:-2], "--backend", "onnx", "--precision", "bf16"])
    assert onnx.exit_code == 2 and "--precision bf16 is for --backend torch" in onnx.stderr


@pytest.mark.skipif(not HAS_BF16, reason="this CPU has no bf16 instructions")
def test_bf16_runs_and_stays_close_to_fp32(nli_random: Path) -> None:
    fp32 = TransformersNli(str(nli_random), precision="fp32")
    bf16 = TransformersNli(str(nli_random), precision="bf16")
    a, b = fp32.predict(PAIRS), bf16.predict(PAIRS)
    assert bf16.info().precision == "bf16" and fp32.info().precision == "fp32"
    assert np.abs(a - b).max() < 0.05 and not np.array_equal(a, b)  # bf16 really ran


@pytest.mark.skipif(not HAS_BF16, reason="this CPU has no bf16 instructions")
def test_compare_precision_reports_agreement(tmp_path: Path, nli_random: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    labels = ["contradiction", "entailment", "neutral"]
    path.write_text(
        "\n".join(
            json.dumps({"premise": a, "hypothesis": b, "label": lab}, ensure_ascii=False)
            for (a, b), lab in zip(PAIRS, labels, strict=True)
        ),
        encoding="utf-8",
    )
    args = ["eval", "pairs", str(path), "--nli-model", str(nli_random), "--compare-precision"]
    data = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).stdout)
    check = data["precision_check"]
    assert check["pairs"] == 3 and check["label_agreement"] == 1.0
    assert 0 < check["max_abs_diff"] < 0.05 and check["speedup"] > 0
    table = CliRunner().invoke(main, args)
    assert "bf16 vs fp32 on 3 pairs: verdicts agree 1.000" in table.stdout
    assert "bf16_verified = true" in table.stdout


def test_identical_pairs_are_judged_once_per_process(nli_random: Path, tmp_path: Path) -> None:
    """A word-for-word reprint repeats sentences: across NLI calls and across runs, an
    identical (premise, hypothesis) runs once, with results identical to a fresh model."""
    model = TransformersNli(str(nli_random))
    first = model.predict(PAIRS)
    again = model.predict([PAIRS[1], PAIRS[0], PAIRS[1]])
    assert model.calls == 3
    assert np.array_equal(again, first[[1, 0, 1]])
    wire = tmp_path / "wire.txt"
    wire.write_text(
        "Arvania will send 2,000 soldiers to the Selmar force. The parliament approved the "
        "deployment on Monday. Opposition parties called the decision rushed.",
        encoding="utf-8",
    )
    copy = tmp_path / "copy.txt"
    copy.write_text(wire.read_text(encoding="utf-8"), encoding="utf-8")
    radio = tmp_path / "radio.txt"
    radio.write_text(
        "Arvania will send only 500 soldiers to Selmar. The parliament has not voted yet.",
        encoding="utf-8",
    )
    fresh = TransformersNli(str(nli_random))
    report = checker.compare([wire, copy, radio], nli=fresh)
    directed = {(f.a.text, f.b.text) for f in report.findings} | {
        (f.b.text, f.a.text) for f in report.findings
    }
    assert fresh.calls == len(directed) < report.summary.nli_calls  # copies judged once
    plain = TransformersNli(str(nli_random))
    for f in report.findings:  # identical to judging each pair on its own
        alone = plain.predict([(f.a.text, f.b.text)])[0]
        assert np.allclose(
            [f.a_to_b.entailment, f.a_to_b.neutral, f.a_to_b.contradiction], alone, atol=1e-5
        )


def test_truncation_budget_and_results_of_the_plain_path(nli_random: Path) -> None:
    """Pairs within the token budget give what an unbatched, untruncated forward gives;
    a run-on pair is cut to the budget (so it cannot dominate a batch)."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(nli_random))
    plain = AutoModelForSequenceClassification.from_pretrained(str(nli_random)).eval()
    model = TransformersNli(str(nli_random), max_length=64, batch_size=2)
    run_on = ("word " * 300, "слово " * 300)
    out = model.predict([*PAIRS, run_on])
    for k, (a, b) in enumerate(PAIRS):
        with torch.inference_mode():
            logits = plain(**tok(a, b, return_tensors="pt")).logits
        assert np.allclose(model._reorder(torch.softmax(logits, -1).numpy())[0], out[k], atol=1e-5)
    enc = model._tokenizer(*run_on, truncation=True, max_length=model._max_len)
    assert len(enc["input_ids"]) == 64 and np.isfinite(out[-1]).all()


def test_the_model_is_loaded_once_per_process(nli_random: Path, samples: list[Path]) -> None:
    config = Config(nli_model=str(nli_random))
    assert make_nli(config) is make_nli(config)
    assert make_nli(config) is not make_nli(config.model_copy(update={"batch_size": 4}))
    checker.compare(samples, config)
    model = make_nli(config)
    loaded, calls = model._model, model.calls
    checker.compare(samples, config)
    assert model._model is loaded and model.calls == calls  # no reload, nothing re-judged


def test_compare_releases_the_embedder_it_built(samples: list[Path]) -> None:
    """Embeddings are computed once; the embedder compare built is then let go, so its
    weights do not sit beside the NLI model for the rest of the run."""
    from fakes import RuleNli

    from checker.pair import embed

    built: list[embed.UsemEmbedder] = []
    original = embed.UsemEmbedder.release

    def spy(self: embed.UsemEmbedder) -> None:
        built.append(self)
        original(self)

    import pytest as _pytest

    with _pytest.MonkeyPatch.context() as mp:
        mp.setattr(embed.UsemEmbedder, "release", spy)
        report = checker.compare(samples, Config(embed_cache=False), nli=RuleNli())
    assert report.summary.pairs_checked > 0
    assert len(built) == 1 and built[0]._model is None
    mine = embed.UsemEmbedder()
    checker.compare(samples, embedder=mine, nli=RuleNli())
    assert mine._model is not None  # an embedder passed in is the caller's to keep
