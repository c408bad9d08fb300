"""Corpus renderers: a table of stories (terminal, Markdown, HTML), each story's compare
report after it in the documents, JSON, and JSON lines for streaming."""

from __future__ import annotations

import html

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.corpus.schema import CorpusReport, Story, StoryLine
from checker.report.common import plural
from checker.report.document import html_page, md_text, report_html_body, report_markdown
from checker.schema import PairFinding

_TITLE = 80  # a story's title in a table cell; the whole title is in the JSON


def corpus_json(report: CorpusReport) -> str:
    return report.model_dump_json(indent=2)


def story_line(story: Story) -> str:
    """One story as one JSON line (`--format jsonl`)."""
    return StoryLine(kind="story", story=story).model_dump_json()


def corpus_line(report: CorpusReport) -> str:
    """The last JSON line: the corpus summary, its stories already streamed."""
    rest = report.model_copy(update={"stories": []})
    return StoryLine(kind="corpus", corpus=rest).model_dump_json()


def top_contradiction(story: Story) -> PairFinding | None:
    """The story's first contradiction summary: the most confident claim pair."""
    summaries = story.report.contradiction_summaries
    return story.report.findings[summaries[0].findings[0]] if summaries else None


def _cell(text: str, limit: int = _TITLE) -> str:
    """A title cut for a table cell (the top contradiction is never cut)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _dates(story: Story) -> str:
    if story.first_date is None:
        return "-"
    if story.first_date == story.last_date:
        return str(story.first_date)
    return f"{story.first_date} – {story.last_date}"


def _counts(report: CorpusReport) -> str:
    s = report.summary
    return (
        f"{s.articles} articles, {s.stories} stories ({s.checked_stories} checked"
        + (f", {s.split_stories} split" if s.split_stories else "")
        + f"), {s.unclustered} in no story, {s.skipped} skipped; "
        f"{s.distinct_contradictions} distinct contradiction(s) in "
        f"{s.stories_with_contradictions} stories; {s.nli_pairs_run} NLI pairs run"
    )


def render_corpus(report: CorpusReport, console: Console) -> None:
    """Stories with their titles and counts, each story's top contradiction whole (two
    sentences do not fit a table cell on an 80-column terminal), then every warning."""
    table = Table(title="Stories", title_justify="left")
    table.add_column("story", no_wrap=True)
    table.add_column("title", ratio=1)
    table.add_column("articles")
    table.add_column("dates")
    table.add_column("contra.", justify="right")
    table.add_column("agree", justify="right")
    for story in report.stories:
        s = story.report.summary
        table.add_row(
            story.id,
            Text(_cell(story.title)),
            f"{len(story.sources)} ({', '.join(story.languages)})",
            _dates(story),
            Text(str(s.distinct_contradictions), style="bold red" if s.contradictions else ""),
            str(s.agreements),
        )
    if report.stories:
        console.print(table)
    else:
        console.print("No story: no two articles tell one story (within the date window).")
    tops = [(story, top) for story in report.stories if (top := top_contradiction(story))]
    if tops:
        console.print(Text("Top contradiction of each story", style="bold"))
        for story, top in tops:
            line = Text(f"{story.id}  ", style="bold")
            line.append(_cell(story.title, 60) + "\n", style="italic")
            line.append(f"  {top.a.source}: ", style="cyan")
            line.append(top.a.text + "\n")
            line.append(f"  {top.b.source}: ", style="cyan")
            line.append(top.b.text)
            console.print(line)
    if report.unclustered:
        console.print("In no story: " + ", ".join(a.name for a in report.unclustered), markup=False)
    if report.warnings:
        console.print(Text("Warnings", style="bold yellow"))
        for warning in report.warnings:
            console.print(Text(f"- {warning}"))
    console.print(f"{_counts(report)}: {corpus_verdict(report)}.", markup=False)


def corpus_verdict(report: CorpusReport) -> str:
    """'consistent', 'contradictions found', or without an NLI model what the rules
    alone found and how many pairs nobody judged: never a pass."""
    stories = [story.report.summary for story in report.stories]
    if stories and all(s.nli_calls is None for s in stories):
        unjudged = sum(s.not_judged for s in stories)
        found = "rule conflicts found" if not report.summary.consistent else "no rule conflict"
        return f"rules only: {found}; {unjudged} {plural(unjudged, 'pair')} not judged"
    return "consistent" if report.summary.consistent else "contradictions found"


def corpus_markdown(report: CorpusReport) -> str:
    lines = [
        "# checker corpus report",
        "",
        _counts(report) + ".",
        "",
        "| story | title | articles | languages | dates | contradictions | top contradiction |",
        "|---|---|---|---|---|---|---|",
    ]
    for story in report.stories:
        top = top_contradiction(story)
        shown = f"{top.a.source}: {top.a.text} / {top.b.source}: {top.b.text}" if top else ""
        lines.append(
            f"| [{story.id}](#{story.id.replace('.', '')}) | {md_text(story.title)} "
            f"| {len(story.sources)} "
            f"| {', '.join(story.languages)} | {_dates(story)} "
            f"| {story.report.summary.distinct_contradictions} | {md_text(shown)} |"
        )
    if report.unclustered:
        lines += ["", "## In no story", ""]
        lines += [
            f"- {md_text(a.name)} ({a.language}, {a.date or 'undated'}): {a.reason}"
            for a in report.unclustered
        ]
    if report.skipped:
        lines += ["", "## Skipped", ""]
        lines += [f"- {md_text(s.input)}: {md_text(s.reason)}" for s in report.skipped]
    for story in report.stories:
        heading = f"{story.id}: {story.title}"
        lines += ["", report_markdown(story.report, title=heading, level=2).rstrip()]
    if report.warnings:
        lines += ["", "## Warnings", ""] + [f"- {md_text(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"


def corpus_html(report: CorpusReport) -> str:
    rows = []
    for story in report.stories:
        top = top_contradiction(story)
        anchor = html.escape(story.id.replace(".", ""))
        rows.append(
            f'<tr><td><a href="#{anchor}">{html.escape(story.id)}</a></td>'
            f'<td dir="auto">{html.escape(story.title)}</td>'
            f"<td>{len(story.sources)}</td><td>{html.escape(', '.join(story.languages))}</td>"
            f"<td>{html.escape(_dates(story))}</td>"
            f'<td>{story.report.summary.distinct_contradictions}</td><td dir="auto">'
            + (
                f"<b>{html.escape(top.a.source)}</b>: {html.escape(top.a.text)}<br>"
                f"<b>{html.escape(top.b.source)}</b>: {html.escape(top.b.text)}"
                if top
                else ""
            )
            + "</td></tr>"
        )
    body = [
        "<h1>checker corpus report</h1>",
        f"<p>{html.escape(_counts(report))}.</p>",
        "<table><tr><th>story</th><th>title</th><th>articles</th><th>languages</th><th>dates</th>"
        f"<th>contradictions</th><th>top contradiction</th></tr>{''.join(rows)}</table>",
    ]
    if report.unclustered:
        items = "".join(
            f"<li>{html.escape(a.name)} ({a.language}): {html.escape(a.reason)}</li>"
            for a in report.unclustered
        )
        body.append(f"<h2>In no story</h2><ul>{items}</ul>")
    if report.skipped:
        items = "".join(
            f"<li>{html.escape(s.input)}: {html.escape(s.reason)}</li>" for s in report.skipped
        )
        body.append(f"<h2>Skipped</h2><ul>{items}</ul>")
    for story in report.stories:
        body.append(f'<section id="{html.escape(story.id.replace(".", ""))}">')
        body += report_html_body(story.report, title=f"{story.id}: {story.title}", level=2)
        body.append("</section>")
    if report.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in report.warnings)
        body.append(f"<h2>Warnings</h2><ul>{items}</ul>")
    return html_page("checker corpus report", body)
