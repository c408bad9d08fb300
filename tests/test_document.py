"""Markdown and HTML reports: structure here, layout in a real headless browser."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fakes import MirrorNli, RuleNli

import checker
from checker.config import Config
from checker.report import report_html, report_markdown

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def report(samples: list[Path]) -> checker.Report:
    # MirrorNli: RuleNli's contradictions only between sentences about the same thing, as
    # a real model's; every sentence's best counterpart is now paired, and RuleNli alone
    # would call a negation against anything a contradiction.
    return checker.compare(samples, nli=MirrorNli())


def test_markdown(report: checker.Report) -> None:
    md = report_markdown(report)
    assert md.startswith("# checker report\n")
    n = report.summary.contradictions
    assert f"**{n} contradiction{'s' if n != 1 else ''} found.**" in md
    assert "| en.txt | en | 2026-03-02 | 9 |" in md
    assert "figures differ: about 20,000 troops vs около 5 тысяч военнослужащих" in md
    assert "2026-03-02 → 2026-03-05" in md
    assert "## Told by one source only" in md and "Korsland" in md
    rows = [ln for ln in md.splitlines() if ln.startswith("| ") and "**" in ln]
    assert all(ln.count(" | ") == 4 for ln in rows)  # pipes inside sentences are escaped


def test_html_is_self_contained_and_marks_rtl(report: checker.Report) -> None:
    page = report_html(report)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert 'src="' not in page and "<link" not in page  # no external assets
    assert '<div dir="rtl" lang="ar">' in page and '<div dir="ltr" lang="ru">' in page
    assert page.count('<tr class="pair">') == len(report.contradictions) + len(report.agreements)
    import html

    for f in report.contradictions + report.agreements:  # every shown sentence, escaped
        assert html.escape(f.a.text) in page and html.escape(f.b.text) in page


def test_html_escapes_text(samples: list[Path]) -> None:
    texts = [
        "<b>Troops</b> number 20,000 & more, officials said on Monday.",
        "Численность — 5 тысяч <script>x</script>, сообщили дипломаты.",
    ]
    page = report_html(
        checker.compare(
            [checker.text_source(t, name=f"text{k}") for k, t in enumerate(texts, 1)], nli=RuleNli()
        )
    )
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page


PROBE = """<script>
const out = {rtl: [], overflow: document.documentElement.scrollWidth > window.innerWidth + 1};
for (const el of document.querySelectorAll('div[dir="rtl"]')) {
  const r = el.getBoundingClientRect(), cell = el.parentElement.getBoundingClientRect();
  out.rtl.push({direction: getComputedStyle(el).direction, align: getComputedStyle(el).textAlign,
                fits: r.right <= cell.right + 1 && r.left >= cell.left - 1});
}
document.body.insertAdjacentHTML('beforeend', '<pre id="probe">' + JSON.stringify(out) + '</pre>');
</script>"""


@pytest.fixture(scope="module")
def reprints_report(tmp_path_factory: pytest.TempPathFactory) -> checker.Report:
    """Groups, repeats, citations and long Arabic glosses: the widest content a report has
    (a tiny model that translates into Arabic, so the glosses really are Arabic)."""
    from tinymodels import build_marian

    into_arabic = build_marian(
        tmp_path_factory.mktemp("mt") / "mul-ar", word="القوة", target_lang="ar"
    )
    inputs = sorted((Path(__file__).resolve().parent.parent / "samples" / "reprints").glob("*"))
    config = Config(gloss="ar", gloss_model=str(into_arabic))
    report = checker.compare(inputs, config, nli=MirrorNli())
    assert any(s.gloss for f in report.findings for s in (f.a, f.b))
    return report


@pytest.mark.skipif(
    CHROMIUM is None,
    reason=os.environ.get("CHECKER_CHROMIUM_MISSING", "Debian's chromium is not installed"),
)
@pytest.mark.parametrize("which", ["story", "reprints"])
def test_html_in_a_headless_browser(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    report = request.getfixturevalue("report" if which == "story" else "reprints_report")
    if which == "reprints":
        assert report.groups and any(f.a.gloss or f.b.gloss for f in report.contradictions)
    page = tmp_path / "report.html"
    page.write_text(report_html(report), encoding="utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(report_html(report).replace("</body>", PROBE + "</body>"), encoding="utf-8")
    flags = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1000,1400",
    ]
    dom = subprocess.run(
        [*flags, "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    result = json.loads(
        dom.rsplit('<pre id="probe">', 1)[1].split("</pre>", 1)[0]
    )  # the last one: the script's own text holds the first
    assert result["rtl"] and all(r["direction"] == "rtl" for r in result["rtl"])
    assert all(r["align"] in ("start", "right") and r["fits"] for r in result["rtl"])
    assert result["overflow"] is False  # nothing wider than the window
    shot = tmp_path / "report.png"
    subprocess.run(
        [*flags, f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_cli_formats_and_output_permissions(
    samples: list[Path], nli_contradicting_deberta: Path, tmp_path: Path
) -> None:
    import os

    from click.testing import CliRunner

    from checker.cli import main

    base = [
        "compare",
        *map(str, samples),
        "--nli-model",
        str(nli_contradicting_deberta),
        "--no-fail",
    ]
    for fmt, start in (("html", "<!DOCTYPE html>"), ("md", "# checker report")):
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(main, [*base, "--format", fmt, "--output", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith(start)
        umask = os.umask(0)
        os.umask(umask)
        assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


class NeutralNli:
    """A model that calls every pair neutral: only the rules can flag anything."""

    def predict(self, pairs, progress=None):  # type: ignore[no-untyped-def]
        import numpy as np

        if progress is not None:
            progress(len(pairs))
        return np.tile([0.1, 0.8, 0.1], (len(pairs), 1))

    def info(self):  # type: ignore[no-untyped-def]
        from checker.schema import ModelInfo

        return ModelInfo(role="nli", name="neutral-fake", backend="fake")


def test_rule_findings_show_their_rule_not_a_confidence(samples: list[Path]) -> None:
    import io

    from rich.console import Console

    from checker.report import render_report

    report = checker.compare(samples, nli=NeutralNli())
    rule = [f for f in report.contradictions if f.decided_by == "numbers"]
    assert rule and all(f.confidence is None for f in rule)
    assert all(f.a_to_b.neutral == 0.8 and f.b_to_a.neutral == 0.8 for f in rule)  # kept
    assert report.contradictions == rule  # the model flagged nothing itself
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=200, no_color=True))
    for text in (buffer.getvalue(), report_markdown(report), report_html(report)):
        assert "rule: numbers" in text
        assert "0.75" not in text
    data = json.loads(report.model_dump_json())
    assert {f["decided_by"] for f in data["findings"] if f["verdict"] == "contradiction"} == {
        "numbers"
    }
    assert all(s["confidence"] is None for s in data["contradiction_summaries"])
