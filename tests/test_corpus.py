"""checker corpus on the local engine: reading folders and manifests, finding stories,
checking each as compare does, and the output formats."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from html import escape as html_escape
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from checker import Config, compare
from checker.cli import main
from checker.corpus import CorpusOptions, corpus
from checker.corpus.cluster import split
from checker.corpus.read import read_corpus
from checker.errors import InputError
from checker.judge.nli import make_nli
from checker.sources.ingest import read_source

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


def run(*args: str) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, ["corpus", *args])


def _copy(folder: Path, *stories: str) -> Path:
    for story in stories:
        shutil.copytree(SAMPLES / story, folder / Path(story).name)
    return folder


def _read(*inputs: str | Path) -> tuple[list[str], list[tuple[str, str]]]:
    raws, skipped = read_corpus(inputs, max_bytes=5_000_000, url_timeout=5)
    return [r.name for r in raws], [(s.input, s.reason) for s in skipped]


# --- reading -------------------------------------------------------------------------


def test_folders_are_read_recursively_with_names_from_their_place(tmp_path: Path) -> None:
    _copy(tmp_path, "story", "eval/quake")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Not an article at all, a stray file.")
    (tmp_path / "quake" / "notes.pdf").write_bytes(b"%PDF-1.4 not read: not an article suffix")
    names, skipped = _read(tmp_path)
    assert names == sorted(names)
    assert "story/en.txt" in names and "quake/quake-en.txt" in names
    assert not any(".hidden" in n or n.endswith(".pdf") for n in names)
    assert skipped == []


def test_a_manifest_gives_paths_texts_names_and_dates(tmp_path: Path) -> None:
    _copy(tmp_path, "story")
    lines = [
        {"path": "story/en.txt", "name": "Wire", "date": "2026-03-03"},
        {"text": "Arvania will not join the Selmar force, officials said.", "name": "Radio"},
        {"path": str(tmp_path / "story" / "ru.txt")},
    ]
    manifest = tmp_path / "feed.jsonl"
    manifest.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    raws, skipped = read_corpus([manifest], max_bytes=5_000_000, url_timeout=5)
    assert [r.name for r in raws] == ["Wire", "Radio", "ru.txt"]
    assert raws[0].date == dt.date(2026, 3, 3)  # the manifest's date wins over the marker
    assert raws[1].text.startswith("Arvania will not join")
    assert raws[2].date == read_source(str(tmp_path / "story" / "ru.txt")).date
    assert skipped == []


def test_a_manifest_line_wins_over_the_folder_copy_of_its_file(tmp_path: Path) -> None:
    """A folder holding the articles and a manifest naming and dating them: each file is
    one article, with the manifest's name and date (else it would cluster undated)."""
    _copy(tmp_path, "eval/quake")
    files = sorted(p.name for p in (tmp_path / "quake").iterdir())
    lines = [
        json.dumps({"path": f"quake/{name}", "name": f"wire {k}", "date": "2026-03-0" + str(k)})
        for k, name in enumerate(files, 1)
    ]
    (tmp_path / "a-feed.jsonl").write_text("\n".join(lines) + "\n")  # read first
    (tmp_path / "z-feed.jsonl").write_text(lines[0] + "\n")  # then a true repeat
    raws, skipped = read_corpus([tmp_path], max_bytes=5_000_000, url_timeout=5)
    assert [r.name for r in raws] == [f"wire {k}" for k in range(1, len(files) + 1)]
    assert [r.date for r in raws] == [dt.date(2026, 3, k) for k in range(1, len(files) + 1)]
    assert [s.reason for s in skipped] == [f"given twice (also as {tmp_path / 'quake' / files[0]})"]
    # the manifest read after the folder's files wins just the same
    (tmp_path / "a-feed.jsonl").rename(tmp_path / "y-feed.jsonl")
    raws, _ = read_corpus([tmp_path], max_bytes=5_000_000, url_timeout=5)
    assert {r.name for r in raws} == {f"wire {k}" for k in range(1, len(files) + 1)}
    assert all(r.date is not None for r in raws)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "feed.jsonl:2: not valid JSON"),
        ('["path", "a.txt"]', "feed.jsonl:2: expected a JSON object, got list"),
        ('{"path": "a.txt", "titel": "x"}', "unknown key(s) titel"),
        ('{"name": "x"}', "give exactly one of path, url or text"),
        ('{"path": "a.txt", "text": "both"}', "give exactly one of path, url or text"),
        ('{"path": 3}', "path must be a string"),
        ('{"text": ""}', "text is empty"),
        ('{"text": "Some text here.", "date": "3 March"}', "'3 March' is not a date"),
    ],
)
def test_a_bad_manifest_line_is_an_error_naming_file_and_line(
    tmp_path: Path, line: str, message: str
) -> None:
    manifest = tmp_path / "feed.jsonl"
    manifest.write_text('{"text": "A first and valid line of text."}\n' + line + "\n")
    with pytest.raises(InputError, match="feed.jsonl:2: ") as error:
        _read(manifest)
    assert message in str(error.value)


def test_an_unreadable_article_is_skipped_not_the_corpus_refused(tmp_path: Path) -> None:
    _copy(tmp_path, "story")
    (tmp_path / "story" / "broken.html").write_bytes(b"%PDF-1.7\x00\x01 binary")
    manifest = tmp_path / "feed.jsonl"
    manifest.write_text(
        json.dumps({"path": "missing.txt"}) + "\n" + json.dumps({"path": "story/en.txt"}) + "\n"
    )
    names, skipped = _read(tmp_path)
    # feed.jsonl sorts first: its en.txt is read; the folder's copy is the same article
    assert names == ["en.txt", "story/ar.txt", "story/ru.txt"]
    reasons = dict(skipped)
    assert "PDF" in reasons[str(tmp_path / "story" / "broken.html")]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    assert len(reasons) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere/"], "no such file or directory: nowhere/"),
        (["-"], "corpus reads no standard input"),
        (["EMPTY"], "folder has no .txt, .md, .html or .jsonl files"),
    ],
)
def test_bad_inputs_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "empty").mkdir()
    args = [str(tmp_path / "empty") if a == "EMPTY" else a for a in args]
    result = run(*args, "--nli-model", "none")
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


# --- stories -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def eval_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("eval-corpus")
    for story in sorted((SAMPLES / "eval").iterdir()):
        if story.is_dir():
            shutil.copytree(story, folder / story.name)
    return folder


def test_stories_of_the_samples_are_found_and_kept_apart(eval_corpus: Path) -> None:
    """Twelve stories in six languages, several alike in form (a mission, a strike);
    every story found holds one story only, and most articles are in a story."""
    report = corpus([eval_corpus], Config(nli_model="none"))
    for story in report.stories:
        folders = {a.name.split("/")[0] for a in story.sources}
        assert len(folders) == 1, story.id
    placed = sum(len(s.sources) for s in report.stories)
    assert placed == report.summary.articles  # the follow-ups too
    assert len(report.stories) == 12
    assert {"ar", "en", "ru"} <= {lang for s in report.stories for lang in s.languages}


@needs_seeds
def test_follow_ups_days_later_join_their_story_when_they_share_its_names(
    eval_corpus: Path,
) -> None:
    """Three follow-ups in samples/eval are dated 10-14 days after their story: past the
    window, they join as follow-ups (they name the event); with follow-ups off, alone."""
    follow_ups = {
        "flood/rundschau-de.txt": 10,
        "mission/obozrenie-ru.txt": 12,
        "train/tahqiq-ar.txt": 13,
    }
    report = corpus([eval_corpus], Config(nli_model="none"))
    for name, days in follow_ups.items():
        story = next(s for s in report.stories if name in {a.name for a in s.sources})
        assert {a.name.split("/")[0] for a in story.sources} == {name.split("/")[0]}
        assert story.last_date is not None and story.first_date is not None
        assert (story.last_date - story.first_date).days >= days > 7
    off = corpus([eval_corpus], Config(nli_model="none"), CorpusOptions(follow_up_days=0))
    assert set(follow_ups) <= {a.name for a in off.unclustered}
    assert len(off.stories) == 12


@needs_seeds
def test_the_seed_story_holds_exactly_the_five_seeds(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    _copy(tmp_path, "story", "reprints")
    report = corpus([tmp_path], Config(nli_model="none"))
    holding = [s for s in report.stories if any(a.name.startswith("seeds/") for a in s.sources)]
    assert len(holding) == 1
    assert sorted(a.name for a in holding[0].sources) == sorted(
        f"seeds/{p.name}" for p in SEEDS.iterdir()
    )


def test_dated_articles_further_apart_than_the_window_are_separate_stories(
    tmp_path: Path,
) -> None:
    """The same flood reported in two years: never one story; with a long window, one."""
    for year in (2025, 2026):
        for path in sorted((SAMPLES / "eval" / "flood").glob("wire-*.txt")):
            text = path.read_text(encoding="utf-8").split("\n", 1)[1]
            (tmp_path / f"{year}-{path.name}").write_text(f"date {year}-05-04\n{text}")
    short = corpus([tmp_path], Config(nli_model="none"))
    for story in short.stories:
        assert len({a.date for a in story.sources}) == 1
    assert len(short.stories) == 2
    long = corpus([tmp_path], Config(nli_model="none"), CorpusOptions(window_days=400))
    assert len(long.stories) == 1 and len(long.stories[0].sources) == 6


def test_a_story_over_the_limit_is_split_with_a_warning(tmp_path: Path) -> None:
    _copy(tmp_path, "eval/election")
    report = corpus([tmp_path], Config(nli_model="none", max_sources=2))
    parts = [s for s in report.stories if s.part]
    assert len(parts) == 3 and all(2 <= len(s.sources) <= 2 for s in parts)
    assert [s.id for s in parts] == ["story-1.1", "story-1.2", "story-1.3"]
    assert report.summary.split_stories == 1 and report.summary.stories == 1
    assert any("over --max-sources 2" in w for w in report.warnings)


def test_split_keeps_every_article_in_parts_of_two_or_more() -> None:
    for n in range(2, 40):
        for limit in range(2, 9):
            parts = split(list(range(n)), limit)
            assert all(2 <= len(p) <= limit for p in parts) or n <= limit
            assert sorted({k for p in parts for k in p}) == list(range(n))


# --- checks --------------------------------------------------------------------------


def test_each_story_is_checked_exactly_as_compare_checks_its_sources(
    tmp_path: Path, nli_random: Path
) -> None:
    _copy(tmp_path, "story", "reprints", "eval/quake")
    config = Config(nli_model=str(nli_random))
    report = corpus([tmp_path], config)
    assert len(report.stories) == 2
    assert report.summary.nli_pairs_run > 0
    for story in report.stories:
        sources = [s.model_copy(update={"group": None}) for s in story.report.sources]
        alone = compare(sources=sources, config=config, nli=make_nli(config))
        got, want = story.report, alone
        assert [(f.a.text, f.b.text, f.verdict) for f in got.findings] == [
            (f.a.text, f.b.text, f.verdict) for f in want.findings
        ]
        for f, g in zip(got.findings, want.findings, strict=True):
            assert f.a_to_b.contradiction == pytest.approx(g.a_to_b.contradiction, abs=1e-5)
        # what an earlier run left in the NLI cache is the run's, not the verdicts'
        unreused = {"nli_reused": None}
        assert got.summary.model_copy(update=unreused) == want.summary.model_copy(update=unreused)
        assert got.groups == want.groups
    calls = sum(s.report.summary.nli_calls for s in report.stories)
    assert report.summary.nli_calls == calls >= report.summary.nli_pairs_run


# --- output --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy(tmp_path_factory.mktemp("small"), "story", "eval/quake", "eval/train")


def test_json_output_follows_the_corpus_schema(
    small_corpus: Path, nli_contradicting_deberta: Path, tmp_path: Path
) -> None:
    out = tmp_path / "corpus.json"
    result = run(
        str(small_corpus),
        "--nli-model",
        str(nli_contradicting_deberta),
        "--format",
        "json",
        "-o",
        str(out),
    )
    assert result.exit_code == 1, result.output  # contradictions found
    document = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(CliRunner().invoke(main, ["schema", "--kind", "corpus"]).output)
    jsonschema.validate(document, schema)
    assert document["schema_version"] == "4.0"  # the corpus document's own version
    assert {"stories", "unclustered", "summary"} <= set(document)
    story = document["stories"][0]
    assert {"id", "sources", "report"} <= set(story)
    assert story["report"]["schema_version"] == "4.1"
    assert document["summary"]["stories_with_contradictions"] >= 1


def test_jsonl_streams_one_story_a_line_then_the_corpus(
    small_corpus: Path, nli_random: Path
) -> None:
    result = run(
        str(small_corpus), "--nli-model", str(nli_random), "--format", "jsonl", "--no-fail"
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["kind"] for x in lines] == ["story"] * (len(lines) - 1) + ["corpus"]
    assert len(lines) - 1 == lines[-1]["corpus"]["summary"]["checked_stories"] >= 2
    assert lines[-1]["corpus"]["stories"] == []
    assert lines[0]["story"]["id"] == "story-1"


def test_rich_md_and_html_name_every_story(
    small_corpus: Path, nli_contradicting_deberta: Path, tmp_path: Path
) -> None:
    model = str(nli_contradicting_deberta)
    rich = run(str(small_corpus), "--nli-model", model)
    assert rich.exit_code == 1
    assert "Stories" in rich.stdout and "Top contradiction of each story" in rich.stdout
    ids = [line.split()[1] for line in rich.stdout.splitlines() if line.startswith("│ story-")]
    assert ids == ["story-1", "story-2", "story-3"]
    md = run(str(small_corpus), "--nli-model", model, "--format", "md", "--no-fail")
    assert md.exit_code == 0
    assert md.stdout.startswith("# checker corpus report")
    assert all(f"## {i}" in md.stdout for i in ids)
    page = tmp_path / "corpus.html"
    html = run(str(small_corpus), "--nli-model", model, "--format", "html", "-o", str(page))
    assert html.exit_code == 1
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and all(
        f'id="{i.replace(".", "")}"' in text for i in ids
    )


def test_every_story_has_a_title_in_every_format(
    small_corpus: Path, nli_contradicting_deberta: Path, tmp_path: Path
) -> None:
    """The most central article's headline names the story; with --desk-language, the
    most central one in that language where the story has one."""
    model = str(nli_contradicting_deberta)
    document = json.loads(run(str(small_corpus), "--nli-model", model, "--format", "json").stdout)
    titles = {s["id"]: (s["title"], s["title_from"]) for s in document["stories"]}
    assert len(titles) == 3
    for story in document["stories"]:
        names = {a["name"] for a in story["sources"]}
        assert story["title_from"] in names and story["title"]
    rich = run(str(small_corpus), "--nli-model", model)
    md = run(str(small_corpus), "--nli-model", model, "--format", "md").stdout
    page = run(str(small_corpus), "--nli-model", model, "--format", "html").stdout
    for title, _ in titles.values():
        assert title[:40] in rich.stdout and title in md and html_escape(title) in page
    english = json.loads(
        run(
            str(small_corpus), "--nli-model", model, "--format", "json", "--desk-language", "en"
        ).stdout
    )
    for story in english["stories"]:
        languages = {a["name"]: a["language"] for a in story["sources"]}
        if "en" in languages.values():
            assert languages[story["title_from"]] == "en"
    quake = next(s for s in english["stories"] if s["title_from"].startswith("quake/"))
    assert quake["title"] == "Strong earthquake hits Sarvan"


def test_the_top_contradiction_is_shown_whole_and_warnings_listed(
    small_corpus: Path, nli_contradicting_deberta: Path
) -> None:
    result = run(
        str(small_corpus), "--nli-model", str(nli_contradicting_deberta), "--max-pairs", "3"
    )
    document = json.loads(
        run(
            str(small_corpus),
            "--nli-model",
            str(nli_contradicting_deberta),
            "--max-pairs",
            "3",
            "--format",
            "json",
        ).stdout
    )
    shown = " ".join(result.stdout.split())
    for story in document["stories"]:
        summaries = story["report"]["contradiction_summaries"]
        if summaries:
            top = story["report"]["findings"][summaries[0]["findings"][0]]
            assert " ".join(top["a"]["text"].split()) in shown
            assert " ".join(top["b"]["text"].split()) in shown
    budget = [w for w in document["warnings"] if "pair budget reached" in w]
    assert budget and all(w.startswith("story-") for w in budget)
    warned = " ".join(result.stderr.split())
    for warning in document["warnings"]:
        assert " ".join(warning.split()) in shown  # under the table
        assert " ".join(warning.split()) not in warned  # and only there: once


def test_no_nli_model_is_one_corpus_warning_not_one_per_story(small_corpus: Path) -> None:
    report = corpus([small_corpus], Config(nli_model="none"))
    no_nli = [w for w in report.warnings if "no NLI model ran" in w]
    assert len(no_nli) == 1 and not no_nli[0].startswith("story-")
    assert all("no NLI model ran" in w for s in report.stories for w in s.report.warnings[:0])


def test_exit_0_when_no_story_has_a_contradiction(small_corpus: Path, nli_agreeing: Path) -> None:
    result = run(
        str(small_corpus),
        "--nli-model",
        str(nli_agreeing),
        "--no-number-check",
        "--no-people-check",
        "--format",
        "json",
    )
    document = json.loads(result.stdout)
    assert document["summary"]["contradictions"] == 0
    assert document["summary"]["agreements"] > 0
    assert result.exit_code == 0


def test_progress_bars_on_a_terminal_do_not_nest(small_corpus: Path, nli_random: Path) -> None:
    """rich allows one live display at a time: a bar opened inside another would stop
    the run on a terminal (where tests, piping to a file, never look)."""
    import io

    from rich.console import Console

    from checker.cli import RichProgress

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    progress = RichProgress(console, enabled=True)
    assert progress.enabled
    report = corpus([small_corpus], Config(nli_model=str(nli_random)), progress=progress)
    assert report.summary.nli_pairs_run > 0
    shown = screen.getvalue()
    assert "Embedding articles" in shown and "NLI, round 1, stories 1-3 of 3" in shown


@pytest.mark.parametrize(
    "options", [["--workers", "4"], ["--gpus-per-worker", "1"], ["--ray-address", "head:6379"]]
)
def test_ray_options_without_the_ray_engine_are_a_usage_error(
    small_corpus: Path, options: list[str]
) -> None:
    result = run(str(small_corpus), "--nli-model", "none", *options)
    assert result.exit_code == 2
    assert f"{options[0]} need --engine ray" in result.output


def test_a_feed_with_no_story_says_so_and_exits_0(tmp_path: Path) -> None:
    lonely = run(str(SAMPLES / "story" / "en.txt"), "--nli-model", "none")
    assert lonely.exit_code == 0
    assert "No story: no two articles tell one story" in lonely.stdout


def test_a_feed_with_no_readable_article_exits_2_as_compare_does(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n\n")
    empty = run(str(tmp_path / "empty.jsonl"), "--nli-model", "none", "--format", "json")
    assert empty.exit_code == 2 and empty.stdout == ""
    assert "checker: error: no article in the inputs" in empty.stderr
    (tmp_path / "bad.html").write_bytes(b"%PDF-1.7\x00\x01 binary")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"path": "bad.html"}) + "\n" + json.dumps({"text": "Home | News | Sport"}) + "\n"
    )
    dead = run(str(tmp_path / "feed.jsonl"), "--nli-model", "none")
    assert dead.exit_code == 2 and "Traceback" not in dead.output
    assert "no readable article in the corpus: 1 skipped (" in dead.stderr
    assert "1 with no sentences after cleaning" in dead.stderr


def test_an_article_over_a_limit_is_skipped_with_the_option_to_raise_it(tmp_path: Path) -> None:
    _copy(tmp_path, "story")
    (tmp_path / "story" / "short.txt").write_text(
        "Arvania will not join the Selmar force, officials said.\n"
    )
    report = corpus([tmp_path], Config(nli_model="none", max_sentences=3))
    reasons = {Path(s.input).name: s.reason for s in report.skipped}
    assert set(reasons) == {"en.txt", "ru.txt", "ar.txt"}
    assert all(
        "over the per-source limit of 3 (raise it with --max-sentences)" in r
        for r in reasons.values()
    )
    assert [a.name for a in report.unclustered] == ["story/short.txt"]
    assert report.summary.skipped == 3 and report.summary.articles == 1
    assert any(w.endswith("(raise it with --max-sentences)") for w in report.warnings)


def test_short_names_keep_their_vowels_across_scripts() -> None:
    """Two consonants alone (b-l) are Palu, Paul, Bill and many Arabic words; with their
    vowels Palu is one key in every script and no other name's."""
    from checker.corpus.names import _key

    palu = {_key("Palu"), _key("Палу"), _key("بالو")}
    assert len(palu) == 1 and None not in palu
    assert palu.isdisjoint({_key("Paul"), _key("Bill"), _key("Bella")})
    assert _key("Korea") == _key("Корея") == _key("كوريا")
    assert _key("Obama") == _key("Обама") == _key("أوباما")
    assert _key("Putin") == _key("Путин")  # three consonants: the skeleton alone


def test_months_and_titles_are_not_event_names() -> None:
    from checker.corpus.names import name_counts
    from checker.sources.ingest import text_source
    from checker.sources.segment import segment

    text = (
        "The voters there will decide the matter in November, President Trump told a "
        "crowd of supporters at the rally on Friday.\n"
        "As early as November, the other candidate said, Senator Warren would take a "
        "hard look at running, and her adviser Ford agreed with that on Friday."
    )
    (bag,) = name_counts([segment(text_source(text, name="a.txt"))])
    keys = set(bag)
    assert {"trmb", "frn", "frd"} <= keys  # Trump, Warren, Ford
    assert not keys & {"nfmbr", "brsdnt", "sntr"}  # November, President, Senator
    assert bag["frd"] == 1  # Ford counted; Friday not


NTREX = ROOT.parent / "shared" / "data" / "ntrex"


@pytest.mark.slow
@pytest.mark.skipif(not (NTREX / "docs").is_dir(), reason="../shared/data/ntrex not present")
def test_a_real_news_day_holds_its_figures(bench_json: Callable[..., Any]) -> None:
    """bench/corpus.py --ntrex --stories-only: the real day's stories against the hand
    labels of stories.json (the full bench also checks every story: 2 minutes)."""
    figures = bench_json("corpus.py", "--ntrex", str(NTREX), "--stories-only")
    assert figures["documents_together"] == figures["documents"] == 62
    assert figures["recall"] >= 0.95 and figures["precision"] >= 0.85, figures
    # why 0.90 is out of reach with these signals: each labelled same-event pair is
    # listed, and the weakest two-document story has a different-event pair at least
    # as close on article cosine and shared names (bench/corpus.py closest_pairs)
    closer = figures["closer_different"]
    assert set(closer) == {"014-060", "014-068", "020-050", "028-066", "046-074", "060-068"}
    assert closer["020-050"] == []
