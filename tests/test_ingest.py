import datetime as dt
import io
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.sources.ingest import decode_bytes, read_source, read_sources, split_date_marker

RU = "Арвания не планирует участвовать в миротворческих силах."
AR = "لن تشارك أرفانيا إلا بقرار من مجلس الأمن الدولي."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (RU.encode("utf-8"), RU),
        (b"\xef\xbb\xbf" + RU.encode("utf-8"), RU),
        (RU.encode("utf-16"), RU),  # with BOM
        (AR.encode("utf-16"), AR),
        (RU.encode("utf-16-le"), RU),  # no BOM
        (AR.encode("utf-16-be"), AR),
        (("Hello world, " * 5).encode("utf-16-le"), "Hello world, " * 5),
        ((RU + " " + RU).encode("cp1251"), RU + " " + RU),
        ((AR + " " + AR).encode("cp1256"), AR + " " + AR),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom-ru",
        "utf16-bom-ar",
        "utf16le-ru",
        "utf16be-ar",
        "utf16le-en",
        "cp1251",
        "cp1256",
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "x") == expected


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="a PNG image"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "pic.png")


def test_date_marker() -> None:
    text, date = split_date_marker(" date 2026-01-07 Израильская служба сообщила.")
    assert date == dt.date(2026, 1, 7)
    assert text == "Израильская служба сообщила."
    assert split_date_marker("No marker here.") == ("No marker here.", None)
    assert split_date_marker("date 2026-13-40 bad")[1] is None


def test_read_sources_names_dates_and_directories(tmp_path: Path) -> None:
    d = tmp_path / "story"
    d.mkdir()
    (d / "b.txt").write_text(" date 2025-10-30 Body of b.", encoding="utf-8")
    (d / "a.md").write_text("Body of a.", encoding="utf-8")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.md").write_text("Another a.", encoding="utf-8")
    stdin = io.BytesIO(b"Text from stdin.")
    sources = read_sources(
        [str(d), str(other / "a.md"), "-"],
        names={"-": "Wire"},
        dates={"a.md": dt.date(2024, 1, 2)},
        stdin=stdin,
    )
    assert [s.name for s in sources] == ["a.md", "b.txt", "a.md#2", "Wire"]
    assert sources[0].date == dt.date(2024, 1, 2)
    assert sources[1].date == dt.date(2025, 10, 30)  # from the marker
    assert sources[1].text == "Body of b."
    assert sources[3].text == "Text from stdin." and sources[3].origin == "-"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: str(p / "missing.txt"), "no such file"),
        (lambda p: (p / "empty-dir").mkdir() or str(p / "empty-dir"), "no .txt, .md or .html"),
    ],
)
def test_input_errors(tmp_path: Path, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        read_sources([setup(tmp_path)])


def test_stdin_only_once() -> None:
    with pytest.raises(InputError, match="only once"):
        read_sources(["-", "-"], stdin=io.BytesIO(b"x"))


HTML = """<!DOCTYPE html><html><head><title>Arvania weighs joining force</title>
<meta property="article:published_time" content="2026-03-02T10:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Arvania weighs joining force</h1>
<p>The United Nations has asked Arvania to contribute troops to a proposed stabilisation
force in the port city of Selmar, diplomats said on Monday.</p>
<p>Arvania will join the mission only if the UN Security Council adopts a resolution that
gives the force a clear mandate, the foreign ministry said in a statement.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Storm cuts power in the north</a></li>
<li><a href="/y">Central bank holds rates</a></li></ul></aside>
<footer>Copyright 2026 Example News. All rights reserved.</footer></body></html>"""


def test_html_goes_through_trafilatura(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    src = read_source(str(page))
    assert src.is_html
    assert "only if the UN Security Council" in src.text
    assert "Storm cuts power" not in src.text and "Copyright" not in src.text
    assert src.date == dt.date(2026, 3, 2)
    assert src.title == "Arvania weighs joining force"
