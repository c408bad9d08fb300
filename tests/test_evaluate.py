import json
from collections.abc import Callable, Sequence
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from click.testing import CliRunner
from fakes import RuleNli

from checker.cli import main
from checker.config import Config
from checker.errors import InputError
from checker.evaluation import (
    LabelledPair,
    calibration_curve,
    evaluate_docs,
    evaluate_pairs,
    read_manifest,
    read_pairs,
)
from checker.pipeline import compare
from checker.schema import ModelInfo, Verdict
from checker.sources.ingest import from_text

ROOT = Path(__file__).resolve().parent.parent
ROWS = {  # checker's label order: entailment, neutral, contradiction
    "e": [0.9, 0.05, 0.05],
    "n": [0.1, 0.8, 0.1],
    "c": [0.05, 0.05, 0.9],
}


class FixedNli:
    """Fake probability source: the a⇒b row is fixed per pair; b⇒a is always neutral."""

    def __init__(self, answers: dict[tuple[str, str], str]) -> None:
        self.answers = answers

    def predict(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        return np.array([ROWS[self.answers.get(p, "n")] for p in pairs])

    def info(self) -> ModelInfo:
        return ModelInfo(role="nli", name="fixed", backend="fake")


def test_metrics_match_a_hand_computed_confusion() -> None:
    gold = [
        "entailment",
        "entailment",
        "neutral",
        "contradiction",
        "contradiction",
        "contradiction",
    ]
    predicted = ["e", "n", "n", "c", "e", "c"]
    pairs = [
        LabelledPair(
            id=str(i),
            premise=f"p{i}",
            hypothesis=f"h{i}",
            label=g,
            language="en" if i < 3 else "ru",
        )
        for i, g in enumerate(gold)
    ]
    nli = FixedNli({(f"p{i}", f"h{i}"): p for i, p in enumerate(predicted)})
    result = evaluate_pairs(pairs, nli=nli)
    # rows: gold entailment, neutral, contradiction; columns: predicted, same order
    assert result.confusion == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert result.accuracy == pytest.approx(4 / 6, abs=1e-6)
    by = {m.label: m for m in result.per_class}
    assert (by["entailment"].precision, by["entailment"].recall) == (0.5, 0.5)
    assert (by["neutral"].precision, by["neutral"].recall) == (0.5, 1.0)
    assert by["neutral"].f1 == pytest.approx(2 / 3, abs=1e-6)
    assert (by["contradiction"].precision, by["contradiction"].recall) == (
        1.0,
        pytest.approx(2 / 3, abs=1e-6),
    )
    assert result.contradiction_vs_rest.f1 == pytest.approx(0.8, abs=1e-6)
    assert result.per_language == {
        "en": pytest.approx(2 / 3, abs=1e-6),
        "ru": pytest.approx(2 / 3, abs=1e-6),
    }
    # both errors have confidence 0.9 (unrelated: 1 - max(c, e)); ties go by id
    assert [(e.id, e.gold, e.predicted, e.confidence) for e in result.worst_errors] == [
        ("1", "entailment", "neutral", 0.9),
        ("4", "contradiction", "entailment", 0.9),
    ]


def test_calibration_finds_the_best_threshold() -> None:
    scores = np.array([0.95, 0.8, 0.6, 0.4, 0.3, 0.1])
    entail = np.zeros(6)
    gold = np.array([True, True, False, True, False, False])
    curve, best = calibration_curve(scores, entail, gold, [0.5, 0.7])
    # t=0.4 flags 4 (3 right): P .75 R 1 F1 .857; t=0.8 flags 2: P 1 R .667 F1 .8
    assert best == pytest.approx(0.4)
    assert [(p.threshold, p.flagged) for p in curve] == [(0.5, 3), (0.7, 2)]
    assert calibration_curve(scores, entail, np.zeros(6, bool), [0.5])[1] is None


def test_read_jsonl_and_xnli_tsv(tmp_path: Path) -> None:
    jsonl = tmp_path / "pairs.jsonl"
    jsonl.write_text(
        '{"premise": "a", "hypothesis": "b", "label": "Contradiction", "id": "x1"}\n'
        '\n{"premise": "c", "hypothesis": "d", "label": 0, "language": "ru"}\n',
        encoding="utf-8",
    )
    pairs = read_pairs(jsonl)
    assert [(p.id, p.label, p.language) for p in pairs] == [
        ("x1", "contradiction", None),
        ("3", "entailment", "ru"),
    ]
    tsv = tmp_path / "xnli.test.tsv"
    tsv.write_text(
        "language\tgold_label\tsentence1_binary_parse\tsentence1\tsentence2\tpairID\n"
        "ar\tneutral\t( x )\tالقوة كبيرة.\tالقوة صغيرة.\t7\n"
        'ru\tcontradiction\t( y )\tОн пришёл "вчера".\tОн не пришёл.\t8\n',
        encoding="utf-8",
    )
    rows = read_pairs(tsv)
    assert [(p.id, p.language, p.label) for p in rows] == [
        ("7", "ar", "neutral"),
        ("8", "ru", "contradiction"),
    ]
    assert rows[1].premise == 'Он пришёл "вчера".'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"premise": "a", "hypothesis": "b", "label": "maybe"}', "pairs.jsonl:1: label 'maybe'"),
        ('{"premise": "a"}', "needs premise, hypothesis and label"),
        ("{not json", "not JSON"),
        ("col1\tcol2\nx\ty\n", "neither JSONL nor XNLI TSV"),
    ],
)
def test_bad_pair_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_pairs(path)


def test_eval_pairs_cli_json_calibrate_and_plot(tmp_path: Path, nli_random: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    rows = [
        {
            "premise": f"The force will number {n} troops.",
            "hypothesis": "Численность сил 5 тысяч.",
            "label": label,
        }
        for n, label in [(20, "contradiction"), (5, "entailment"), (7, "neutral")] * 3
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    plot = tmp_path / "curve.png"
    result = CliRunner().invoke(
        main,
        [
            "eval",
            "pairs",
            str(path),
            "--nli-model",
            str(nli_random),
            "--format",
            "json",
            "--calibrate",
            "--plot",
            str(plot),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    schema = json.loads(CliRunner().invoke(main, ["schema", "--kind", "pair-eval"]).stdout)
    jsonschema.validate(data, schema)
    assert data["pairs"] == 9 and len(data["confusion"]) == 3
    assert sum(map(sum, data["confusion"])) == 9
    assert {
        "accuracy",
        "per_class",
        "contradiction_vs_rest",
        "worst_errors",
        "models",
    } <= data.keys()
    assert len(data["calibration"]) == 19
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = CliRunner(env={"COLUMNS": "160"}).invoke(
        main, ["eval", "pairs", str(path), "--nli-model", str(nli_random)]
    )
    assert table.exit_code == 0 and "Confusion" in table.stdout
    no_calibrate = CliRunner().invoke(main, ["eval", "pairs", str(path), "--plot", str(plot)])
    assert no_calibrate.exit_code == 2


def test_docs_manifest_on_the_samples() -> None:
    manifest, paths = read_manifest(ROOT / "samples" / "story.eval.toml")
    report = compare(paths, nli=RuleNli())
    result = evaluate_docs(report, manifest)
    status = {(e.a, e.b): e for e in result.expected}
    number = status[("about 20,000 troops", "около 5 тысяч")]
    assert number.status == "found" and number.rank is not None and number.rank >= 1
    assert (
        status[
            ("has taken part in UN peacekeeping missions before", "никогда не участвовала")
        ].status
        == "found"
    )
    # conditional vs refusal, en-ru: cosine 0.29, under the old global cut of 0.30 and
    # never paired before per-source pairing; now the refusal is the en sentence's best
    # counterpart in ru.txt
    assert (
        status[("only if the UN Security Council", "не планирует принимать участие")].status
        == "found"
    )
    assert all(e.status != "not paired" for e in result.expected)
    assert result.recall == pytest.approx(sum(e.status == "found" for e in result.expected) / 5)
    assert result.false_flags == []


def test_eval_docs_cli(nli_contradicting_deberta: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "eval",
            "docs",
            str(ROOT / "samples" / "story.eval.toml"),
            "--nli-model",
            str(nli_contradicting_deberta),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(
        data, json.loads(CliRunner().invoke(main, ["schema", "--kind", "doc-eval"]).stdout)
    )
    assert len(data["expected"]) == 5
    assert len(data["false_flags"]) == 3  # a model that calls everything a contradiction
    ranks = [e["rank"] for e in data["expected"] if e["status"] == "found"]
    assert ranks and all(r >= 1 for r in ranks)


MANIFESTS = sorted((ROOT / "samples" / "eval").glob("*.eval.toml")) + [
    ROOT / "samples" / "story.eval.toml"
]


@pytest.mark.slow
@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_every_expected_contradiction_reaches_the_model(path: Path, nli_random: Path) -> None:
    """`checker eval docs` on every manifest, default settings and a tiny real model loaded
    the way a real one is: no expected contradiction is left "not paired" (what the
    model then says of it is the model's business)."""
    manifest, paths = read_manifest(path)
    assert len(manifest.contradiction) >= 5 and len(manifest.not_flagged) >= 3
    report = compare(paths, Config(nli_model=str(nli_random)))
    result = evaluate_docs(report, manifest)
    missing = [(e.a, e.b) for e in result.expected if e.status == "not paired"]
    assert missing == []
    assert report.summary.pairs_checked <= 6 * report.summary.sentences


NUMBER_PAIR = (
    "The force is expected to number about 20,000 troops.",
    "Численность сил составит около 5 тысяч военнослужащих.",
)


def test_eval_pairs_judges_as_compare_does() -> None:
    """A labelled pair with conflicting numbers that the model calls neutral is a
    contradiction in `eval pairs`, as in `compare`; the NLI-only verdict stays beside."""
    pair = LabelledPair(
        id="n1", premise=NUMBER_PAIR[0], hypothesis=NUMBER_PAIR[1], label="contradiction"
    )
    other = LabelledPair(
        id="n2",
        premise="Foreign Minister Lena Varga spoke in Geneva.",
        hypothesis="Министр иностранных дел Лена Варга выступила в Женеве.",
        label="neutral",
    )
    nli = FixedNli({NUMBER_PAIR: "n", (other.premise, other.hypothesis): "n"})
    result = evaluate_pairs([pair, other], nli=nli)
    assert result.accuracy == 1.0 and result.decided_by_rules == 1
    assert result.nli_only.accuracy == 0.5
    assert result.contradiction_vs_rest.recall == 1.0
    assert result.nli_only.contradiction_vs_rest.recall == 0.0
    texts = [from_text(t, name=f"s{k}") for k, t in enumerate(NUMBER_PAIR)]
    compared = compare(texts, nli=FixedNli({}))
    finding = compared.findings[0]
    assert finding.verdict is Verdict.CONTRADICTION and finding.decided_by == "numbers"
    off = evaluate_pairs([pair], Config(number_check=False), nli=nli)
    assert off.accuracy == 0.0 and off.decided_by_rules == 0


def test_eval_pairs_cli_shows_the_nli_only_verdict(tmp_path: Path, nli_agreeing: Path) -> None:
    path = tmp_path / "numbers.jsonl"
    row = {"id": "n1", "premise": NUMBER_PAIR[0], "hypothesis": NUMBER_PAIR[1]}
    path.write_text(json.dumps({**row, "label": "contradiction"}, ensure_ascii=False))
    args = ["eval", "pairs", str(path), "--nli-model", str(nli_agreeing)]
    data = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).stdout)
    assert data["accuracy"] == 1.0 and data["nli_only"]["accuracy"] == 0.0
    assert data["decided_by_rules"] == 1
    table = CliRunner().invoke(main, args)
    assert table.exit_code == 0, table.output
    assert "NLI alone (without the number and people rules): accuracy 0.000" in table.stdout
    off = json.loads(
        CliRunner().invoke(main, [*args, "--no-number-check", "--format", "json"]).stdout
    )
    assert off["accuracy"] == 0.0
