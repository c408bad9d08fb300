"""Glosses: machine translations of finding sentences for readers of one language.

An editor who reads no Arabic cannot judge an Arabic-Russian contradiction; `--gloss en`
adds an English rendering of every sentence shown in a finding. The original text is
never replaced: the gloss is a separate field, marked as machine translation.

Models come from the catalog (role "translate") through the same offline-first
resolution as the NLI model: a pair model where one exists (opus-mt-ru-en), else a
multilingual one (opus-mt-mul-en into English, NLLB-200 into anything else). Marian
and NLLB/M2M checkpoints are both `AutoModelForSeq2SeqLM`; NLLB needs FLORES-200
language codes, which `FLORES` maps from the two-letter codes checker detects.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.config import Config
from checker.errors import ConfigError, ModelError
from checker.judge.nli import load_pretrained
from checker.schema import ModelInfo
from checker.store.hub import DEFAULT_PATTERNS, resolve_model_dir

FLORES = {
    "af": "afr_Latn", "am": "amh_Ethi", "ar": "arb_Arab", "az": "azj_Latn", "be": "bel_Cyrl",
    "bg": "bul_Cyrl", "bn": "ben_Beng", "bs": "bos_Latn", "ca": "cat_Latn", "cs": "ces_Latn",
    "cy": "cym_Latn", "da": "dan_Latn", "de": "deu_Latn", "el": "ell_Grek", "en": "eng_Latn",
    "es": "spa_Latn", "et": "est_Latn", "eu": "eus_Latn", "fa": "pes_Arab", "fi": "fin_Latn",
    "fr": "fra_Latn", "ga": "gle_Latn", "gl": "glg_Latn", "gu": "guj_Gujr", "ha": "hau_Latn",
    "he": "heb_Hebr", "hi": "hin_Deva", "hr": "hrv_Latn", "hu": "hun_Latn", "hy": "hye_Armn",
    "id": "ind_Latn", "ig": "ibo_Latn", "is": "isl_Latn", "it": "ita_Latn", "ja": "jpn_Jpan",
    "ka": "kat_Geor", "kk": "kaz_Cyrl", "km": "khm_Khmr", "kn": "kan_Knda", "ko": "kor_Hang",
    "ky": "kir_Cyrl", "lo": "lao_Laoo", "lt": "lit_Latn", "lv": "lvs_Latn", "mk": "mkd_Cyrl",
    "ml": "mal_Mlym", "mn": "khk_Cyrl", "mr": "mar_Deva", "ms": "zsm_Latn", "mt": "mlt_Latn",
    "my": "mya_Mymr", "ne": "npi_Deva", "nl": "nld_Latn", "no": "nob_Latn", "pa": "pan_Guru",
    "pl": "pol_Latn", "ps": "pbt_Arab", "pt": "por_Latn", "ro": "ron_Latn", "ru": "rus_Cyrl",
    "si": "sin_Sinh", "sk": "slk_Latn", "sl": "slv_Latn", "so": "som_Latn", "sq": "als_Latn",
    "sr": "srp_Cyrl", "sv": "swe_Latn", "sw": "swh_Latn", "ta": "tam_Taml", "te": "tel_Telu",
    "tg": "tgk_Cyrl", "th": "tha_Thai", "tl": "tgl_Latn", "tr": "tur_Latn", "uk": "ukr_Cyrl",
    "ur": "urd_Arab", "uz": "uzn_Latn", "vi": "vie_Latn", "yo": "yor_Latn", "zh": "zho_Hans",
    "zu": "zul_Latn",
}  # fmt: skip
# Marian checkpoints with several targets expect a ">>xxx<<" token before the source text.
_ISO3 = {
    "en": "eng", "ru": "rus", "ar": "ara", "de": "deu", "fr": "fra", "es": "spa",
    "it": "ita", "pt": "por", "tr": "tur", "uk": "ukr", "zh": "zho", "fa": "fas",
    "he": "heb", "hi": "hin", "ur": "urd", "pl": "pol", "nl": "nld", "ja": "jpn",
}  # fmt: skip
_ISO2 = {three: two for two, three in _ISO3.items()}
_TARGET_TOKEN = re.compile(r"^>>([a-z]{2,3}(?:_[A-Za-z]+)?)<<$")
_OPUS_NAME = re.compile(r"opus-mt-(?:tc-big-)?([a-z]+)-([a-z]+)$")


def _two_letter(code: str) -> str:
    code = code.split("_")[0].lower()
    return _ISO2.get(code, code)


_PATTERNS = [*DEFAULT_PATTERNS["torch"], "*.spm"]


class Translator:
    """One seq2seq translation model, loaded lazily and once."""

    def __init__(
        self,
        name: str,
        *,
        revision: str | None = None,
        cache_dir: Path | None = None,
        offline: bool = False,
        device: str = "auto",
        threads: int | None = None,
        batch_size: int = 8,
        max_length: int = 512,
        hint_name: str | None = None,
        patterns: list[str] | None = None,
        targets: Iterable[str] | None = None,
    ) -> None:
        self.name = name
        self.revision = revision
        self.cache_dir = cache_dir
        self.offline = offline
        self.requested_device = device
        self.threads = threads
        self.batch_size = batch_size
        self.max_length = max_length
        self.hint_name = hint_name
        self.patterns = patterns or _PATTERNS
        self._declared_targets = sorted(targets) if targets else None
        self._path: Path | None = None
        self._model: Any = None
        self._tokenizer: Any = None
        self._device = "cpu"

    def resolve(self) -> Path:
        """Find the model's files (downloading only where allowed); fails fast, loads nothing."""
        if self._path is None:
            self._path = resolve_model_dir(
                self.name,
                revision=self.revision,
                cache_dir=self.cache_dir,
                offline=self.offline,
                role="translation model",
                option="--gloss-model",
                patterns=self.patterns,
                hint_name=self.hint_name,
            )
        return self._path

    def load(self) -> None:
        if self._model is not None:
            return
        path = self.resolve()
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSeq2SeqLM
        except ImportError as exc:  # an ONNX-only install
            raise ModelError(
                f"--gloss runs translation models with torch, which is not installed ({exc})"
            ) from exc
        tokenizer, model, self._device = load_pretrained(
            path,
            AutoModelForSeq2SeqLM,
            label=f"translation model '{self.name}'",
            device=self.requested_device,
            threads=self.threads,
        )
        self._model, self._tokenizer = model, tokenizer

    def _is_nllb(self) -> bool:
        return self._model.config.model_type in ("m2m_100", "mbart") and hasattr(
            self._tokenizer, "src_lang"
        )

    def _target_tokens(self) -> list[str]:
        """The ">>xxx<<" tokens of a multi-target Marian model (empty for one target)."""
        return [t for t in self._tokenizer.get_vocab() if _TARGET_TOKEN.match(t)]

    def targets(self) -> list[str]:
        """The languages this model translates into, as read from the model itself:
        the catalog's list, NLLB's language tokens, a multi-target Marian's ">>xxx<<"
        tokens, the target recorded in its tokenizer config, or an opus-mt name. Empty
        when none of these says: then the model is not trusted with any target."""
        if self._declared_targets is not None:
            return self._declared_targets
        self.load()
        vocab = self._tokenizer.get_vocab()
        if self._is_nllb():
            return sorted(two for two, code in FLORES.items() if code in vocab)
        if tokens := self._target_tokens():
            return sorted({_two_letter(_TARGET_TOKEN.match(t).group(1)) for t in tokens})  # type: ignore[union-attr]
        recorded = self._tokenizer.init_kwargs.get("target_lang") or getattr(
            self._tokenizer, "target_lang", None
        )
        if isinstance(recorded, str) and recorded:
            return [_two_letter(recorded)]
        named = _OPUS_NAME.search(self.name.rstrip("/"))
        return [_two_letter(named.group(2))] if named else []

    def _generate_kwargs(self, source: str, target: str) -> tuple[str, dict[str, Any]]:
        """(text prefix, generate() arguments) for this model family and direction."""
        tok = self._tokenizer
        if self._is_nllb():
            if source not in FLORES or target not in FLORES:
                raise ConfigError(f"no NLLB language code known for '{source}' or '{target}'")
            tok.src_lang = FLORES[source]
            return "", {"forced_bos_token_id": tok.convert_tokens_to_ids(FLORES[target])}
        tokens = self._target_tokens()
        if not tokens:
            return "", {}  # one target: nothing to choose
        marker = next(
            (t for t in tokens if _two_letter(_TARGET_TOKEN.match(t).group(1)) == target),  # type: ignore[union-attr]
            None,
        )
        if marker is None:
            raise ModelError(
                f"translation model '{self.name}' has no target token for '{target}' "
                f"(it has {', '.join(sorted(tokens))})"
            )
        return f"{marker} ", {}

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Greedy translations of `texts` from `source` into `target`, in order."""
        if not texts:
            return []
        self.load()
        import torch

        prefix, extra = self._generate_kwargs(source, target)
        positions = getattr(self._model.config, "max_position_embeddings", None)
        longest = min(self.max_length, positions or self.max_length)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out: list[str] = [""] * len(texts)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                idx = order[start : start + self.batch_size]
                batch = self._tokenizer(
                    [prefix + texts[i] for i in idx],
                    return_tensors="pt",
                    padding=True,
                    truncation=True,
                    max_length=longest,
                ).to(self._device)
                # a translation is rarely twice its source; the positions bound the decoder
                limit = min(longest - 1, int(batch["input_ids"].shape[1] * 2) + 16)
                generated = self._model.generate(
                    **batch, num_beams=1, do_sample=False, max_new_tokens=limit, **extra
                )
                decoded = self._tokenizer.batch_decode(generated, skip_special_tokens=True)
                for i, text in zip(idx, decoded, strict=True):
                    out[i] = text.strip()
        return out

    def info(self) -> ModelInfo:
        return ModelInfo(
            role="translate",
            name=self.name,
            revision=self.revision,
            backend="torch",
            device=self._device if self._model is not None else None,
        )


def _catalog_choice(source: str, target: str) -> str | None:
    """The catalog's translation model for one direction: a pair model first, then the
    multilingual one with the fewest languages (opus-mt-mul-en before NLLB)."""
    from checker.store.catalog import load_catalog

    fits = [
        m
        for m in load_catalog()
        if m.role == "translate" and target in m.targets and source in m.languages
    ]
    fits.sort(key=lambda m: (len(m.languages), m.name))
    return fits[0].name if fits else None


def translators_for(
    config: Config, languages: Iterable[str]
) -> tuple[dict[str, Translator], list[str]]:
    """A translator per source language that needs a gloss into `config.gloss` (one
    Translator object per distinct model, so each loads once), and the languages the
    catalog has no model for (their sentences stay unglossed, with a warning)."""
    from checker.store.catalog import resolve

    target = config.gloss
    if target is None:
        return {}, []
    chosen: dict[str, str] = {}
    missing: list[str] = []
    for lang in sorted(set(languages) - {target, "und"}):
        name = config.gloss_model or _catalog_choice(lang, target)
        if name is None:
            missing.append(lang)
        else:
            chosen[lang] = name
    built: dict[str, Translator] = {}
    out: dict[str, Translator] = {}
    for lang, name in chosen.items():
        if name not in built:
            reference, revision, manifest = resolve(name, config.gloss_revision)
            built[name] = Translator(
                reference,
                revision=revision,
                cache_dir=config.cache_dir,
                offline=config.offline,
                device=config.device,
                threads=config.threads,
                hint_name=manifest.name if manifest else None,
                patterns=manifest.files_for("torch") if manifest else None,
                targets=manifest.targets if manifest else None,
            )
        out[lang] = built[name]
    return out, missing


def gloss_texts(
    translators: dict[str, Translator], items: Iterable[tuple[str, str]], target: str
) -> dict[tuple[str, str], str]:
    """Translations of distinct (language, text) items, grouped per model and language."""
    todo: dict[str, list[str]] = defaultdict(list)
    for lang, text in items:
        if lang in translators and text not in todo[lang]:
            todo[lang].append(text)
    out: dict[tuple[str, str], str] = {}
    for lang, texts in todo.items():
        for text, translation in zip(
            texts, translators[lang].translate(texts, lang, target), strict=True
        ):
            out[(lang, text)] = translation
    return out


def all_present(translators: dict[str, Translator]) -> None:
    """Every translation model --gloss needs is here, or one error naming all that are
    not (naming the first alone sent a user to copy a cache twice)."""
    from checker.errors import ModelUnavailableError

    missing: list[tuple[Translator, ModelUnavailableError]] = []
    for translator in dict.fromkeys(translators.values()):
        try:
            translator.resolve()
        except ModelUnavailableError as exc:
            missing.append((translator, exc))
    if len(missing) == 1:
        raise missing[0][1]
    if missing:
        names = [t.hint_name or t.name for t, _ in missing]
        # each error's first clause says which model and where it was looked for
        where = "; ".join(str(exc).split(" and the hub")[0].split("; ")[0] for _, exc in missing)
        raise ModelUnavailableError(
            f"{len(missing)} translation models for --gloss are missing: {where}; fetch them "
            f"on a connected machine with `checker models download {' '.join(names)}` (then "
            "copy the cache), or pass --gloss-model PATH"
        )


def usable_translators(
    translators: dict[str, Translator], target: str
) -> tuple[dict[str, Translator], list[str]]:
    """Only the translators that translate into `target` (read from each model), and a
    warning for every source language left unglossed because its model does not: a
    gloss must be in the language it is labelled with."""
    usable: dict[str, Translator] = {}
    warnings = []
    for lang, translator in translators.items():
        into = translator.targets()
        if target in into:
            usable[lang] = translator
        else:
            warnings.append(
                f"--gloss {target}: translation model '{translator.name}' does not translate "
                f"into {target} (it translates into {', '.join(into) or 'no language it names'}); "
                f"{lang} sentences are not glossed"
            )
    return usable, warnings
