"""Build a random-weight checkpoint with the exact mDeBERTa-v3-base architecture.

No model hub is reachable from our machines, so speed and memory are measured on this
stand-in: same layers, widths, vocabulary size and attention type as
MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7, hence the same compute and
memory per pair. Its verdicts are meaningless; never use it for accuracy.

    python bench/base_size_model.py /tmp/mdeberta-base-random
    checker compare samples/story --nli-model /tmp/mdeberta-base-random --no-fail
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

MDEBERTA_V3_BASE = dict(
    vocab_size=251000,
    hidden_size=768,
    num_hidden_layers=12,
    num_attention_heads=12,
    intermediate_size=3072,
    hidden_act="gelu",
    max_position_embeddings=512,
    type_vocab_size=0,
    relative_attention=True,
    position_buckets=256,
    max_relative_positions=-1,
    norm_rel_ebd="layer_norm",
    share_att_key=True,
    pos_att_type=["p2c", "c2p"],
    position_biased_input=False,
    layer_norm_eps=1e-7,
    pad_token_id=0,
)


def build(path: Path) -> Path:
    import torch
    from tinymodels import train_tokenizer
    from transformers import DebertaV2Config, DebertaV2ForSequenceClassification

    torch.manual_seed(0)
    labels = ("entailment", "neutral", "contradiction")
    config = DebertaV2Config(
        id2label=dict(enumerate(labels)),
        label2id={n: i for i, n in enumerate(labels)},
        **MDEBERTA_V3_BASE,
    )
    tokenizer = train_tokenizer(max_length=512)
    model = DebertaV2ForSequenceClassification(config)
    path.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    print(build(args.path))
