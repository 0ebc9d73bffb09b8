"""The viewer: static pages checked in a real headless Chromium (Debian's, installed by CI).

Chromium must be installed; without it these tests fail rather than skip, so a
CI machine without a browser cannot pass them by accident.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import subprocess
import time
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from click.testing import CliRunner

from newscorpus.viewer import Span, render_spans
from newscorpus.viewer.commands import view
from newscorpus.viewer.page import ENTITY_COLOURS

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "apt-get install -y chromium chromium-driver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WINDOW = (1400, 1900)
_ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C WebDriver key of an element reference
_VOID = {"br", "meta", "img", "hr", "input", "link", "wbr"}
# Annotation elements, by class, and the attribute naming what they belong to.
_KINDS = {"ent": "data-ent", "q-content": "data-quote", "q-source": "data-quote", "q-cue": "data-quote"}
_KINDS |= {"mention": "data-mention", "timex": "data-timex"}


def _chromium_flags(profile: Path) -> list[str]:
    assert CHROMIUM.is_file(), f"Chromium is missing at {CHROMIUM}: {INSTALL}"
    return [*FLAGS, f"--user-data-dir={profile}", f"--window-size={WINDOW[0]},{WINDOW[1]}"]


def _chromium(page: Path, profile: Path, *action: str) -> subprocess.CompletedProcess[str]:
    command = [str(CHROMIUM), *_chromium_flags(profile), *action, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


class _Annotations(HTMLParser):
    """Collects the text of every annotation element of a page (pieces of one span joined)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[list[tuple[str, str]]] = []
        self.text: dict[tuple[str, str], str] = defaultdict(str)
        self.attributes: dict[tuple[str, str], dict[str, str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        found = {name: value or "" for name, value in attrs}
        keys = [
            (kind, found[attribute])
            for kind, attribute in _KINDS.items()
            if kind in found.get("class", "").split() and attribute in found
        ]
        for key in keys:
            self.attributes[key] = found
        self.stack.append(keys)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for keys in self.stack:
            for key in keys:
                self.text[key] += data


@pytest.fixture(scope="module")
def pages(tmp_path_factory, seed_record_path):
    out = tmp_path_factory.mktemp("view")
    result = CliRunner().invoke(
        view, [seed_record_path.stem, "--root", str(seed_record_path.parents[2]), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def seed_page(pages, seed_record_path):
    return pages / f"{seed_record_path.stem}.html"


@pytest.fixture(scope="module")
def rendered(seed_page, tmp_path_factory):
    """The seed page's DOM after Chromium loaded it from its file:// URL."""
    parser = _Annotations()
    parser.feed(_chromium(seed_page, tmp_path_factory.mktemp("profile"), "--dump-dom").stdout)
    return parser


def test_pages_fetch_nothing(pages):
    for page in pages.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|img|link|iframe)[^>]*\b(src|href)=", html), page.name
        assert "url(" not in html and "@import" not in html, page.name


def test_index_links_every_written_page(pages):
    index = (pages / "index.html").read_text(encoding="utf-8")
    documents = sorted(p.name for p in pages.glob("*.html") if p.name != "index.html")
    assert documents and sorted(re.findall(r'href="([^"]+\.html)"', index)) == documents


def test_chromium_renders_each_entity_with_its_text_and_type_colour(rendered, seed_record):
    entities = seed_record["layers"]["entities"]["items"]
    for entity in entities:
        key = ("ent", entity["id"])
        assert rendered.text[key] == entity["text"], entity
        assert rendered.attributes[key]["data-label"] == entity["label"]
        assert f"ent-{entity['label']}" in rendered.attributes[key]["class"].split()
    assert len([key for key in rendered.text if key[0] == "ent"]) == len(entities)


def test_chromium_renders_each_quotation_with_source_cue_and_content(rendered, seed_record):
    quotes = seed_record["layers"]["quotations"]["items"]
    for quote in quotes:
        for part in ("content", "source", "cue"):
            if quote[part] is not None:
                assert rendered.text[(f"q-{part}", quote["id"])] == quote[part]["text"], (quote["id"], part)
    assert len([key for key in rendered.text if key[0] == "q-content"]) == len(quotes)


def test_chromium_renders_mentions_and_timex_values(rendered, seed_record):
    for cluster in seed_record["layers"]["coreference"]["items"]:
        for mention in cluster["mentions"]:
            assert rendered.text[("mention", mention["id"])] == mention["text"]
            assert rendered.attributes[("mention", mention["id"])]["data-cluster"] == cluster["id"]
    for timex in seed_record["layers"]["timex"]["items"]:
        assert rendered.text[("timex", timex["id"])] == timex["text"]
        assert rendered.attributes[("timex", timex["id"])]["data-value"] == (timex["value"] or "unresolved")


def _colour_pixels(image: np.ndarray, hex_colour: str) -> int:
    rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int(np.all(np.abs(image[..., :3] * 255 - rgb) < 2, axis=-1).sum())


def test_screenshot_shows_coloured_entities_and_attributions(seed_page, seed_record, tmp_path):
    shot = tmp_path / "seed.png"
    _chromium(seed_page, tmp_path / "profile", f"--screenshot={shot}")
    image = matplotlib.image.imread(shot)
    assert image.shape[:2] == (WINDOW[1], WINDOW[0])
    labels = {entity["label"] for entity in seed_record["layers"]["entities"]["items"]}
    # Thresholds well above what the legend's chips alone would give.
    for label in labels:
        assert _colour_pixels(image, ENTITY_COLOURS[label]) > 2000, label
    assert _colour_pixels(image, "#d4a72c") > 5000  # quotation content underlines
    assert _colour_pixels(image, "#6f42c1") > 2000  # quotation sources


class _WebDriver:
    """Just enough of the W3C WebDriver protocol (over chromedriver) to move a real mouse."""

    def __init__(self, profile: Path) -> None:
        assert CHROMEDRIVER.is_file(), f"chromedriver is missing at {CHROMEDRIVER}: {INSTALL}"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.process = subprocess.Popen([str(CHROMEDRIVER), f"--port={port}"], stdout=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    self.call("GET", "/status")
                    break
                except OSError:
                    time.sleep(0.1)
            options = {"binary": str(CHROMIUM), "args": _chromium_flags(profile)}
            capabilities = {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}
            self.session = "/session/" + self.call("POST", "/session", {"capabilities": capabilities})["sessionId"]
        except BaseException:
            self.process.terminate()
            raise

    def call(self, method: str, path: str, body: object = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())["value"]

    def run(self, script: str, *args: object) -> object:
        return self.call("POST", f"{self.session}/execute/sync", {"script": script, "args": list(args)})

    def hover(self, selector: str) -> None:
        element = self.call("POST", f"{self.session}/element", {"using": "css selector", "value": selector})
        move = {"type": "pointerMove", "duration": 0, "origin": element, "x": 0, "y": 0}
        pointer = {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [move]}
        self.call("POST", f"{self.session}/actions", {"actions": [pointer]})

    def close(self) -> None:
        try:
            self.call("DELETE", self.session)
        finally:
            self.process.terminate()
            self.process.wait(timeout=30)


def test_hovering_lights_the_chain_and_shows_timex_values(seed_page, seed_record, tmp_path):
    cluster = max(seed_record["layers"]["coreference"]["items"], key=lambda c: len(c["mentions"]))
    timex = seed_record["layers"]["timex"]["items"][0]
    lit_mentions = "return [...document.querySelectorAll('.mention.lit')].map(e => e.dataset.mention).sort()"
    after = "return getComputedStyle(document.querySelector(arguments[0]), '::after').content"
    driver = _WebDriver(tmp_path / "profile")
    try:
        driver.call("POST", f"{driver.session}/url", {"url": seed_page.resolve().as_uri()})
        assert driver.run(lit_mentions) == []
        driver.hover(f'.mention[data-mention="{cluster["mentions"][-1]["id"]}"]')
        assert driver.run(lit_mentions) == sorted(m["id"] for m in cluster["mentions"])
        selector = f'.timex[data-timex="{timex["id"]}"]'
        assert timex["value"] not in str(driver.run(after, selector))
        driver.hover(selector)
        assert driver.run(after, selector) == f'"{timex["type"]} {timex["value"]}"'
        shot = base64.b64decode(driver.call("GET", f"{driver.session}/screenshot"))
        (tmp_path / "hover.png").write_bytes(shot)
        assert shot.startswith(b"\x89PNG")
    finally:
        driver.close()


# --- the command and the nesting, without a browser ---------------------------------------------


def test_unknown_document_exits_2_with_its_code(corpus_copy, tmp_path):
    result = CliRunner().invoke(view, ["no-such-article", "--root", str(corpus_copy), "--out", str(tmp_path / "v")])
    assert result.exit_code == 2
    assert "[view.unknown-document]" in result.output
    assert "Traceback" not in result.output


def test_a_path_as_document_id_is_refused(corpus_copy, tmp_path):
    result = CliRunner().invoke(view, ["../records/x", "--root", str(corpus_copy), "--out", str(tmp_path / "v")])
    assert result.exit_code == 2 and "[view.unknown-document]" in result.output


def test_out_that_is_a_file_exits_2(corpus_copy, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(view, ["--root", str(corpus_copy), "--out", str(target)])
    assert result.exit_code == 2 and "[output.not-a-folder]" in result.output


def test_an_invalid_record_exits_2_instead_of_a_traceback(corpus_copy, tmp_path):
    record_path = next((corpus_copy / "corpus" / "records").glob("*.json"))
    record = json.loads(record_path.read_text(encoding="utf-8"))
    record["layers"]["entities"]["items"][0]["end"] = len(record["text"]) + 10
    record_path.write_text(json.dumps(record), encoding="utf-8")
    result = CliRunner().invoke(view, ["--root", str(corpus_copy), "--out", str(tmp_path / "v")])
    assert result.exit_code == 2 and "[records.invalid]" in result.output


def test_crossing_spans_are_split_into_pieces_that_still_spell_each_span():
    text = "abcdefgh"
    spans = [Span(0, 5, "a", (("data-id", "A"),)), Span(3, 8, "b", (("data-id", "B"),), rank=1)]
    html = render_spans(text, spans)
    assert html == (
        '<span class="a" data-id="A">abc<span class="b" data-id="B">de</span></span>'
        '<span class="b" data-id="B" data-last>fgh</span>'
    ).replace('class="a" data-id="A">', 'class="a" data-id="A" data-last>')


def test_text_is_escaped_and_rank_orders_equal_spans():
    spans = [Span(0, 3, "inner", rank=2), Span(0, 3, "outer", rank=0)]
    assert render_spans("<b>", spans) == (
        '<span class="outer" data-last><span class="inner" data-last>&lt;b&gt;</span></span>'
    )
