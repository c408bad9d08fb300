from pathlib import Path

import numpy as np
import pytest

from checker.errors import ModelError
from checker.judge.nli import TransformersNli, label_indices


@pytest.mark.parametrize(
    ("id2label", "expected"),
    [
        ({0: "entailment", 1: "neutral", 2: "contradiction"}, [0, 1, 2]),  # mDeBERTa
        ({0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"}, [2, 1, 0]),  # xlm-roberta-large-xnli
        ({"0": "Contradiction", "1": "Entailment"}, [1, None, 0]),  # two labels, string keys
    ],
)
def test_label_indices(id2label: dict, expected: list) -> None:  # type: ignore[type-arg]
    assert label_indices(id2label) == expected


@pytest.mark.parametrize(
    "id2label",
    [{0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, {0: "entailment", 1: "not_entailment"}],
)
def test_label_indices_fail_loudly(id2label: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ModelError, match="lack"):
        label_indices(id2label)


PAIRS = [
    ("The force will number about 20,000 troops.", "Численность сил составит около 5 тысяч."),
    ("Arvania will join only with a UN resolution.", "Арвания не планирует участвовать."),
    ("short", "قوام القوة نحو 20 ألف جندي."),
    ("Neighbouring Korsland offered two battalions to the force in Selmar. " * 3, "x"),
]


def test_probabilities_and_batch_order(nli_random: Path) -> None:
    model = TransformersNli(str(nli_random), batch_size=2)
    batched = model.predict(PAIRS)
    assert batched.shape == (4, 3)
    assert np.allclose(batched.sum(axis=1), 1.0, atol=1e-5)
    assert np.ptp(batched[:, 0]) > 1e-3  # the random model's output depends on the input
    fresh = TransformersNli(str(nli_random), batch_size=2)  # nothing judged yet
    one_by_one = np.vstack([fresh.predict([p]) for p in PAIRS])
    assert fresh.calls == len(PAIRS)
    assert np.allclose(batched, one_by_one, atol=1e-5)  # sorting by length restores order


def test_duplicates_run_once_and_long_pairs_truncate(nli_random: Path) -> None:
    model = TransformersNli(str(nli_random), max_length=24)
    long_pair = ("word " * 400, "другое слово " * 300)
    out = model.predict([PAIRS[0], long_pair, PAIRS[0], PAIRS[0]])
    assert model.calls == 2
    assert np.allclose(out[0], out[2]) and np.allclose(out[0], out[3])


@pytest.mark.parametrize("fixture", ["nli_contradicting_deberta", "nli_contradicting_xlmr"])
def test_label_order_read_from_config(fixture: str, request: pytest.FixtureRequest) -> None:
    """Both tiny models lean to contradiction but list labels in opposite orders."""
    model = TransformersNli(str(request.getfixturevalue(fixture)))
    out = model.predict(PAIRS[:2])
    assert (out.argmax(axis=1) == 2).all()  # column 2 is contradiction in checker's order
    assert out[:, 2].min() > 0.95


def test_model_without_nli_labels_fails(nli_unlabelled: Path) -> None:
    with pytest.raises(ModelError, match="LABEL_0"):
        TransformersNli(str(nli_unlabelled)).load()


def test_loads_lazily_and_once(nli_random: Path) -> None:
    model = TransformersNli(str(nli_random))
    assert model._model is None and model.info().device is None  # chosen at load time
    model.load()
    first = model._model
    model.predict(PAIRS[:1])
    assert model._model is first and model.info().device == "cpu"
