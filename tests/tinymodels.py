"""Tiny real checkpoints, built on the fly: random weights, a tokenizer trained here.

They are saved with `save_pretrained` and loaded by path through exactly the code a hub
model goes through. A "leaning" model has its classifier weights zeroed and one label's
bias raised, so its verdict is known in advance whatever the input: that lets tests
check label mapping (both label orders must yield the same verdict) end to end.
"""

from __future__ import annotations

from pathlib import Path

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
CORPUS = [
    "The United Nations asked Arvania to send troops to the stabilisation force.",
    "Arvania will join only with a UN Security Council resolution.",
    "The force will number about 20,000 troops.",
    "Организация Объединённых Наций обратилась к Арвании.",
    "Арвания не планирует участвовать в миротворческих силах.",
    "Численность сил составит около 5 тысяч военнослужащих.",
    "طلبت الأمم المتحدة من أرفانيا المساهمة بقوات.",
    "لن تشارك أرفانيا إلا بقرار من مجلس الأمن الدولي.",
    "قوام القوة نحو 20 ألف جندي.",
    "Neighbouring Korsland offered two engineering battalions.",
]


def train_tokenizer(kind: str = "unigram", max_length: int = 128):  # -> PreTrainedTokenizerFast
    from tokenizers import (
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
        trainers,
    )
    from transformers import PreTrainedTokenizerFast

    corpus = CORPUS * 20
    if kind == "wordpiece":
        tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
        tok.normalizer = normalizers.BertNormalizer(lowercase=True)
        tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
        tok.decoder = decoders.WordPiece()
        trainer = trainers.WordPieceTrainer(vocab_size=400, special_tokens=SPECIALS)
    else:
        tok = Tokenizer(models.Unigram())
        tok.normalizer = normalizers.NFKC()
        tok.pre_tokenizer = pre_tokenizers.Metaspace()
        tok.decoder = decoders.Metaspace()
        trainer = trainers.UnigramTrainer(
            vocab_size=400, special_tokens=SPECIALS, unk_token="[UNK]"
        )
    tok.train_from_iterator(corpus, trainer)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="[PAD]",
        unk_token="[UNK]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=max_length,
    )


def build_nli(
    path: Path,
    *,
    arch: str = "deberta",
    labels: tuple[str, ...] = ("entailment", "neutral", "contradiction"),
    lean: str | None = None,
    seed: int = 0,
) -> Path:
    """Save a tiny sequence classifier with `labels` as id2label; `lean` fixes its verdict."""
    import torch
    from transformers import (
        BertConfig,
        BertForSequenceClassification,
        DebertaV2Config,
        DebertaV2ForSequenceClassification,
        XLMRobertaConfig,
        XLMRobertaForSequenceClassification,
    )

    torch.manual_seed(seed)
    tokenizer = train_tokenizer("unigram" if arch != "bert" else "wordpiece")
    common = dict(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=160,
        id2label=dict(enumerate(labels)),
        label2id={name: i for i, name in enumerate(labels)},
        pad_token_id=tokenizer.pad_token_id,
        initializer_range=0.2,  # not the default 0.02: outputs must vary with the input
    )
    if arch == "deberta":
        model = DebertaV2ForSequenceClassification(DebertaV2Config(type_vocab_size=0, **common))
        head = model.classifier
    elif arch == "xlmr":
        model = XLMRobertaForSequenceClassification(XLMRobertaConfig(**common))
        head = model.classifier.out_proj
    elif arch == "bert":
        model = BertForSequenceClassification(BertConfig(**common))
        head = model.classifier
    else:
        raise ValueError(arch)
    if lean is not None:
        with torch.no_grad():
            head.weight.zero_()
            head.bias.zero_()
            head.bias[labels.index(lean)] = 6.0
    path.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def build_st_embedder(path: Path, seed: int = 0) -> Path:
    """A tiny BERT saved as a sentence-transformers model (mean pooling)."""
    import torch
    from sentence_transformers import SentenceTransformer

    try:
        from sentence_transformers.sentence_transformer import modules as st_models
    except ImportError:  # sentence-transformers < 5.2
        from sentence_transformers import models as st_models  # type: ignore[no-redef]
    from transformers import BertConfig, BertModel

    torch.manual_seed(seed)
    tokenizer = train_tokenizer("wordpiece")
    cfg = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=160,
        pad_token_id=tokenizer.pad_token_id,
    )
    base = path.parent / f"{path.name}-base"
    BertModel(cfg).save_pretrained(base)
    tokenizer.save_pretrained(base)
    word = st_models.Transformer(str(base), max_seq_length=128)
    dim = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    pool = st_models.Pooling(dim(), pooling_mode="mean")
    SentenceTransformer(modules=[word, pool], device="cpu").save(str(path))
    return path


# One layer each way, 16 wide: enough to run generate(), small enough to build in a second.
TINY_SEQ2SEQ = dict(
    d_model=16,
    encoder_layers=1,
    decoder_layers=1,
    encoder_attention_heads=2,
    decoder_attention_heads=2,
    encoder_ffn_dim=32,
    decoder_ffn_dim=32,
    max_position_embeddings=128,
)


def build_marian(
    path: Path,
    *,
    word: str = "Arvania",
    seed: int = 0,
    targets: tuple[str, ...] = (),
    target_lang: str | None = None,
) -> Path:
    """A tiny random Marian (opus-mt) translation model with real sentencepiece
    tokenizers trained here. Its output bias favours the target piece for `word` and
    forbids end-of-sentence, so every translation is that word repeated up to the length
    limit: a known output that proves the whole generate/decode path ran. `targets`
    adds ">>xxx<<" target tokens, as multi-target opus-mt models have; `target_lang` is
    recorded in tokenizer_config.json, as opus-mt checkpoints record theirs."""
    import io
    import json

    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    path.mkdir(parents=True, exist_ok=True)
    for name in ("source", "target"):
        model = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(CORPUS * 20),
            model_writer=model,
            vocab_size=120,
            character_coverage=1.0,
            model_type="unigram",
            pad_id=-1,
            bos_id=-1,
            eos_id=-1,
            unk_id=0,
            user_defined_symbols=[f"▁{word}", *(f">>{t}<<" for t in targets)],
            minloglevel=2,
        )
        (path / f"{name}.spm").write_bytes(model.getvalue())
    target = spm.SentencePieceProcessor(model_file=str(path / "target.spm"))
    source = spm.SentencePieceProcessor(model_file=str(path / "source.spm"))
    pieces = ["</s>", "<unk>", "<pad>"]
    for sp in (source, target):
        pieces += [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab = {piece: i for i, piece in enumerate(dict.fromkeys(pieces))}
    (path / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(
        source_spm=str(path / "source.spm"),
        target_spm=str(path / "target.spm"),
        vocab=str(path / "vocab.json"),
        **({"target_lang": target_lang} if target_lang else {}),
    )
    torch.manual_seed(seed)
    config = MarianConfig(
        vocab_size=len(vocab),
        **TINY_SEQ2SEQ,
        pad_token_id=vocab["<pad>"],
        eos_token_id=vocab["</s>"],
        decoder_start_token_id=vocab["<pad>"],
        forced_eos_token_id=vocab["</s>"],
    )
    model = MarianMTModel(config).eval()
    with torch.no_grad():
        bias = torch.zeros(1, len(vocab))
        bias[0, vocab[f"▁{word}"]] = 1e4
        bias[0, vocab["</s>"]] = -1e4
        model.final_logits_bias.copy_(bias)
    model.save_pretrained(path, safe_serialization=True)
    tokenizer.save_pretrained(path)
    return path


def build_nllb(path: Path, *, seed: int = 0) -> Path:
    """A tiny random NLLB-layout model (M2M100 weights, NllbTokenizer with the FLORES-200
    language codes, BPE trained here). Its output bias favours the piece "▁Arvania" and
    forbids end-of-sentence, so every translation reads "Arvania Arvania …"."""
    import json

    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizerFast

    bpe = Tokenizer(models.BPE(unk_token="<unk>"))
    bpe.pre_tokenizer = pre_tokenizers.Metaspace()
    bpe.train_from_iterator(
        CORPUS * 20,
        trainers.BpeTrainer(vocab_size=300, special_tokens=["<s>", "<pad>", "</s>", "<unk>"]),
    )
    spec = json.loads(bpe.to_str())["model"]
    merges = [tuple(m) if isinstance(m, list) else tuple(m.split()) for m in spec["merges"]]
    tokenizer = NllbTokenizerFast(vocab=spec["vocab"], merges=merges, src_lang="eng_Latn")
    word = tokenizer.convert_tokens_to_ids("▁Arvania")
    assert word != tokenizer.unk_token_id, "the corpus must yield the piece ▁Arvania"
    torch.manual_seed(seed)
    config = M2M100Config(
        vocab_size=len(tokenizer),
        **TINY_SEQ2SEQ,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
    )
    model = M2M100ForConditionalGeneration(config).eval()
    with torch.no_grad():
        # M2M100 has no output bias: pin the decoder's last hidden state to a constant v
        # (layer norm weight 0, bias v); the tied output embedding then scores `word`
        # highest and end-of-sentence lowest, whatever the input.
        v = torch.ones(config.d_model)
        model.model.decoder.layer_norm.weight.zero_()
        model.model.decoder.layer_norm.bias.copy_(v)
        model.model.shared.weight[word] = 10 * v
        model.model.shared.weight[tokenizer.eos_token_id] = -10 * v
    model.save_pretrained(path, safe_serialization=True)
    tokenizer.save_pretrained(path)
    return path
