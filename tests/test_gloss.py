"""--gloss: translations beside the original, through a tiny random Marian model loaded
by the same code path as Helsinki-NLP/opus-mt checkpoints."""

import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import RuleNli
from rich.console import Console

import checker
from checker.cli import main
from checker.config import Config
from checker.errors import ConfigError, ExitCode
from checker.gloss import FLORES, Translator, _catalog_choice, translators_for
from checker.report import render_report
from checker.report.document import report_html, report_markdown
from checker.store.catalog import find


def _words(text: str) -> set[str]:
    return set(text.split())


def test_tiny_marian_translates_through_the_real_loader(marian_tiny: Path) -> None:
    translator = Translator(str(marian_tiny))
    out = translator.translate(["Арвания не планирует участвовать.", "قوام القوة"], "ru", "en")
    assert len(out) == 2 and all(_words(t) == {"Arvania"} for t in out)
    assert translator.info().role == "translate" and translator.info().device == "cpu"
    assert translator.translate([], "ru", "en") == []


def test_compare_glosses_every_shown_foreign_sentence(
    samples: list[Path], marian_tiny: Path
) -> None:
    config = Config(gloss="en", gloss_model=str(marian_tiny))
    report = checker.compare(samples, config, nli=RuleNli())
    plain = checker.compare(samples, nli=RuleNli())
    assert report.gloss_language == "en"
    shown = report.contradictions + report.agreements
    assert shown
    for f in shown:
        for side in (f.a, f.b):
            if side.language == "en":
                assert side.gloss is None
            else:
                assert side.gloss is not None and side.gloss.language == "en"
                assert _words(side.gloss.text) == {"Arvania"}
                assert side.gloss.model == str(marian_tiny)
                assert side.text != side.gloss.text  # the original stays
    # glossing changes nothing else
    assert [(f.a.text, f.b.text, f.verdict) for f in report.findings] == [
        (f.a.text, f.b.text, f.verdict) for f in plain.findings
    ]
    assert [m.role for m in report.models] == ["embed", "nli", "translate"]
    assert "en: Arvania Arvania" in report_markdown(report)
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=200, no_color=True))
    assert "en: Arvania Arvania" in buffer.getvalue()
    assert 'class="gloss" dir="ltr" lang="en">Arvania' in report_html(report)


def test_a_model_is_never_used_for_a_target_it_does_not_translate_into(
    samples: list[Path], marian_tiny: Path
) -> None:
    """The tiny opus-mt-style model records target_lang "en": asked for --gloss ar it
    glosses nothing (it used to write English tagged lang="ar" dir="rtl") and says so."""
    assert Translator(str(marian_tiny)).targets() == ["en"]
    report = checker.compare(
        samples, Config(gloss="ar", gloss_model=str(marian_tiny)), nli=RuleNli()
    )
    assert all(s.gloss is None for f in report.findings for s in (f.a, f.b))
    refused = [w for w in report.warnings if "does not translate into ar" in w]
    assert len(refused) == 2 and all("translates into en" in w for w in refused)  # en, ru
    assert 'class="gloss"' not in report_html(report)


def test_gloss_into_a_script_direction(samples: list[Path], tmp_path: Path) -> None:
    from tinymodels import build_marian

    into_arabic = build_marian(tmp_path / "mul-ar", word="القوة", target_lang="ar")
    report = checker.compare(
        samples, Config(gloss="ar", gloss_model=str(into_arabic)), nli=RuleNli()
    )
    sides = [s for f in report.contradictions for s in (f.a, f.b)]
    assert all((s.gloss is None) == (s.language == "ar") for s in sides)
    glossed = [s.gloss for s in sides if s.gloss is not None]
    assert glossed and all(g.language == "ar" and "القوة" in g.text for g in glossed)
    assert 'class="gloss" dir="rtl" lang="ar">القوة' in report_html(report)


def test_gloss_json_on_the_cli(samples: list[Path], marian_tiny: Path, nli_agreeing: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "compare",
            *map(str, samples),
            "--nli-model",
            str(nli_agreeing),
            "--gloss",
            "en",
            "--gloss-model",
            str(marian_tiny),
            "--format",
            "json",
            "--no-number-check",
            "--no-fail",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["gloss_language"] == "en"
    sides = [f[k] for f in report["findings"] if f["verdict"] != "unrelated" for k in "ab"]
    foreign = [s for s in sides if s["language"] != "en"]
    assert foreign and all(s["gloss"]["text"].startswith("Arvania") for s in foreign)
    assert all(s["gloss"] is None for s in sides if s["language"] == "en")
    assert all("Arvania Arvania" not in s["text"] for s in sides)


def test_catalog_picks_pair_models_first() -> None:
    assert _catalog_choice("ru", "en") == "opus-mt-ru-en"
    assert _catalog_choice("ar", "en") == "opus-mt-ar-en"
    assert _catalog_choice("de", "en") == "opus-mt-mul-en"
    assert _catalog_choice("ru", "fr") == "nllb-200-distilled-600m"
    assert _catalog_choice("xx", "en") is None
    for name in ("opus-mt-ru-en", "opus-mt-ar-en", "opus-mt-mul-en"):
        entry = find(name)
        assert entry is not None and entry.pinned and entry.role == "translate"
        assert {"source.spm", "target.spm", "vocab.json", "model.safetensors"} <= set(
            entry.files_for("torch") or []
        )
    nllb = find("nllb-200-distilled-600m")
    assert nllb is not None and not nllb.pinned and "NC" in nllb.licence
    assert set(nllb.targets) <= set(FLORES)


def test_one_translator_per_model_and_warnings_for_uncovered(marian_tiny: Path) -> None:
    translators, missing = translators_for(Config(gloss="en"), ["ru", "ar", "en", "de", "xx"])
    assert {k: v.hint_name for k, v in translators.items()} == {
        "ar": "opus-mt-ar-en",
        "de": "opus-mt-mul-en",
        "ru": "opus-mt-ru-en",
    }
    assert missing == ["xx"]
    forced, none = translators_for(Config(gloss="en", gloss_model=str(marian_tiny)), ["ru", "ar"])
    assert forced["ru"] is forced["ar"] and none == []  # one model, loaded once


def test_bad_gloss_code_is_a_usage_error() -> None:
    with pytest.raises(ConfigError, match="two- or three-letter"):
        Config(gloss="English")


def test_missing_translation_model_is_one_line_exit_3(
    samples: list[Path], nli_random: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main,
        [
            "compare",
            *map(str, samples),
            "--nli-model",
            str(nli_random),
            "--gloss",
            "en",
            "--offline",
            "--cache-dir",
            str(tmp_path),
        ],
    )
    assert result.exit_code == ExitCode.MODEL_UNAVAILABLE
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    # every missing model named at once (the first alone sent a user to copy a cache twice)
    assert "2 translation models for --gloss are missing" in lines[0]
    assert "translation model 'Helsinki-NLP/opus-mt-ar-en'" in lines[0]
    assert "translation model 'Helsinki-NLP/opus-mt-ru-en'" in lines[0]
    assert "checker models download opus-mt-ar-en opus-mt-ru-en" in lines[0]
    assert str(tmp_path) in lines[0]


def test_models_info_names_the_target_languages() -> None:
    result = CliRunner().invoke(main, ["models", "info", "opus-mt-ru-en"])
    assert result.exit_code == 0
    assert "translates into" in result.output and "Helsinki-NLP/opus-mt-ru-en" in result.output


def test_nllb_layout_gets_flores_codes(nllb_tiny: Path) -> None:
    translator = Translator(str(nllb_tiny))
    out = translator.translate(["Арвания не планирует участвовать."], "ru", "en")
    assert _words(out[0]) == {"Arvania"}
    tok = translator._tokenizer
    assert tok.src_lang == "rus_Cyrl"  # the source is tagged with its FLORES code
    prefix, extra = translator._generate_kwargs("ar", "fr")
    assert prefix == "" and tok.src_lang == "arb_Arab"
    assert extra == {"forced_bos_token_id": tok.convert_tokens_to_ids("fra_Latn")}
    assert extra["forced_bos_token_id"] != tok.unk_token_id
    with pytest.raises(ConfigError, match="no NLLB language code"):
        translator._generate_kwargs("xx", "en")


def test_multi_target_marian_gets_its_target_token(tmp_path: Path, marian_tiny: Path) -> None:
    from tinymodels import build_marian

    multi = Translator(str(build_marian(tmp_path / "en-mul", targets=("ara", "rus"))))
    multi.load()
    assert multi.targets() == ["ar", "ru"]  # read from its >>xxx<< tokens
    assert multi._generate_kwargs("en", "ar") == (">>ara<< ", {})
    from checker.errors import ModelError

    with pytest.raises(ModelError, match="no target token for 'fr'"):
        multi._generate_kwargs("en", "fr")  # an error, not an empty prefix
    assert _words(multi.translate(["The force will number 20,000."], "en", "ar")[0]) == {"Arvania"}
    single = Translator(str(marian_tiny))
    single.load()
    assert single._generate_kwargs("ru", "en") == ("", {})  # opus-mt-ru-en has one target


def test_gloss_without_torch_is_a_model_error(
    marian_tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.errors import ModelError

    monkeypatch.setitem(sys.modules, "torch", None)  # as on an ONNX-only install
    with pytest.raises(ModelError, match="--gloss runs translation models with torch"):
        Translator(str(marian_tiny)).load()


def test_targets_come_from_the_catalog_or_the_model(nllb_tiny: Path) -> None:
    from checker.gloss import usable_translators

    declared = Translator("Helsinki-NLP/opus-mt-ru-en", targets=find("opus-mt-ru-en").targets)
    assert declared.targets() == ["en"]  # from the manifest: nothing is loaded
    usable, warnings = usable_translators({"ru": declared}, "ar")
    assert usable == {} and warnings == [
        "--gloss ar: translation model 'Helsinki-NLP/opus-mt-ru-en' does not translate into "
        "ar (it translates into en); ru sentences are not glossed"
    ]
    assert usable_translators({"ru": declared}, "en") == ({"ru": declared}, [])
    nllb = Translator(str(nllb_tiny)).targets()
    assert {"en", "fr", "ru"} <= set(nllb)  # its FLORES language tokens
