"""The tour's HTML report (``multilateral tour --report DIR``)."""

import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

import multilateral as ml
from multilateral import report
from multilateral.cli import main

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class _Page(HTMLParser):
    """Collects headings, image sources and alt texts, link targets and element ids."""

    def __init__(self):
        super().__init__()
        self.h2: list[str] = []
        self.images: list[dict] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")
        elif tag == "img":
            self.images.append(attrs)
        elif tag in ("a", "link", "script") and (attrs.get("href") or attrs.get("src")):
            self.links.append(attrs.get("href") or attrs.get("src"))

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.h2[-1] += data


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    start = time.perf_counter()
    page = report.write_report(folder, progress=False)
    seconds = time.perf_counter() - start
    parser = _Page()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return folder, page, parser, seconds


def test_report_is_index_html_in_the_folder(written):
    folder, page, _, _ = written
    assert page == folder / "index.html"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert not list(folder.glob(".*.tmp"))  # the atomic write left no temporary file


def test_every_section_title_and_its_citations(written):
    _, page, parser, _ = written
    text = page.read_text(encoding="utf-8")
    for title in ml.tour.SECTIONS:
        assert title in parser.h2
        assert report.CITATIONS[title]  # every tour section says what it draws on
    assert "Oye, K. A. (1985)" in text
    assert "permanent member 421/2145" in text  # the text of the tour, computed


def test_images_are_png_files_in_the_folder(written):
    folder, _, parser, _ = written
    pytest.importorskip("matplotlib")
    assert len(parser.images) >= 3
    for img in parser.images:
        assert img.get("alt")
        src = Path(img["src"])
        assert not src.is_absolute() and ".." not in src.parts
        assert (folder / src).read_bytes().startswith(PNG_SIGNATURE)


def test_no_links_to_missing_files(written):
    folder, _, parser, _ = written
    for target in parser.links:
        if target.startswith("#"):
            assert target[1:] in parser.ids
        else:
            assert "://" not in target
            assert (folder / target).is_file()


def test_report_takes_under_a_minute(written):
    assert written[3] < 60


def test_report_without_matplotlib_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "_pyplot_or_none", lambda: None)
    page = report.write_report(tmp_path, progress=False)
    text = page.read_text(encoding="utf-8")
    assert "matplotlib is not installed" in text
    assert "<img" not in text
    assert not list(tmp_path.glob("*.png"))


def test_progress_counter_on_stderr(tmp_path, capsys):
    report.write_report(tmp_path, progress=True)
    err = capsys.readouterr().err.splitlines()
    n = len(err)
    assert err[0] == f"[1/{n}] {next(iter(ml.tour.SECTIONS))}"
    assert err[-1] == f"[{n}/{n}] index.html"


def test_cli_report_folder_and_no_report(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["tour", "--report", "out", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "Prisoners' Dilemma" in captured.out
    assert str(Path("out") / "index.html") in captured.out.splitlines()[-1]
    assert (tmp_path / "out" / "index.html").is_file()
    assert captured.err == ""
    assert main(["tour", "--no-report"]) == 0
    assert "Report written" not in capsys.readouterr().out
    assert not (tmp_path / report.DEFAULT_FOLDER).exists()
