"""NLI label names: checker's canonical order, and where each sits in a model's output.

Read from the model's `config.id2label`, never assumed: checkpoints order their labels
differently (xlm-roberta-large-xnli lists contradiction first).
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.errors import ModelError

LABELS = ("entailment", "neutral", "contradiction")
ENTAILMENT, NEUTRAL, CONTRADICTION = range(3)

_SYNONYMS = {
    ENTAILMENT: ("entailment", "entail", "entailed", "entails"),
    NEUTRAL: ("neutral",),
    CONTRADICTION: ("contradiction", "contradict", "contradicts", "contradictory"),
}


def label_indices(id2label: Mapping[int, str] | Mapping[str, str]) -> list[int | None]:
    """Model output index for each of LABELS (neutral may be absent), case-insensitive."""
    found: dict[int, int] = {}
    for raw_index, raw_name in id2label.items():
        name = str(raw_name).strip().lower().replace("-", "_")
        for canonical, names in _SYNONYMS.items():
            if name in names:
                if canonical in found:
                    raise ModelError(
                        f"label '{raw_name}' appears twice in id2label {dict(id2label)}"
                    )
                found[canonical] = int(raw_index)
    missing = [LABELS[c] for c in (ENTAILMENT, CONTRADICTION) if c not in found]
    if missing:
        raise ModelError(
            f"the NLI model's labels {sorted(map(str, id2label.values()))} lack "
            f"{' and '.join(missing)}; checker needs an NLI (XNLI/MNLI-style) classifier"
        )
    return [found.get(c) for c in range(len(LABELS))]
