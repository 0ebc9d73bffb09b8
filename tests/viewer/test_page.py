"""The viewer: static pages checked in a real headless Chromium driven by Selenium.

The browser tests need Chromium and chromedriver (found on PATH, then at the
Debian paths). Without them they are skipped, naming the install command;
with ``NEWSCORPUS_REQUIRE_BROWSER=1`` (set by CI) their absence is a failure,
so a CI machine without a browser cannot pass them by accident.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from click.testing import CliRunner
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from newscorpus.viewer import Highlight, render_highlights
from newscorpus.viewer.commands import view
from newscorpus.viewer.page import ENTITY_COLOURS

INSTALL = "apt-get install chromium chromium-driver"
REQUIRE_BROWSER = "NEWSCORPUS_REQUIRE_BROWSER"
# Headless, and nothing that reaches the network (updates, sync, first-run pages).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
WINDOW = (1400, 1900)
_VOID = {"br", "meta", "img", "hr", "input", "link", "wbr"}
# Annotation elements, by class, and the attribute naming what they belong to.
_KINDS = {"ent": "data-ent", "q-content": "data-quote", "q-source": "data-quote", "q-cue": "data-quote"}
_KINDS |= {"mention": "data-mention", "timex": "data-timex"}


def find_program(names: tuple[str, ...], debian_path: str) -> Path | None:
    """The first of ``names`` on PATH, else the Debian package's path, else None."""
    for name in names:
        if found := shutil.which(name):
            return Path(found)
    return Path(debian_path) if Path(debian_path).is_file() else None


def missing_browser_reason(chromium: Path | None, chromedriver: Path | None) -> str | None:
    """Why the browser tests cannot run here, or None when both programs were found."""
    missing = [name for name, path in (("chromium", chromium), ("chromedriver", chromedriver)) if path is None]
    if not missing:
        return None
    return f"{' and '.join(missing)} not found on PATH or in /usr/bin; install them: {INSTALL}"


@pytest.fixture(scope="module")
def driver(tmp_path_factory) -> Iterator[webdriver.Chrome]:
    """A headless Chromium under Selenium, with the chromedriver path given so nothing is downloaded."""
    chromium = find_program(("chromium", "chromium-browser"), "/usr/bin/chromium")
    chromedriver = find_program(("chromedriver",), "/usr/bin/chromedriver")
    reason = missing_browser_reason(chromium, chromedriver)
    if reason is not None:
        if os.environ.get(REQUIRE_BROWSER) == "1":
            pytest.fail(f"{REQUIRE_BROWSER}=1 but {reason}")
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('profile')}"):
        options.add_argument(flag)
    browser = webdriver.Chrome(options=options, service=Service(executable_path=str(chromedriver)))
    try:
        # The viewport itself (a window size would include the browser's frame).
        metrics = {"width": WINDOW[0], "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False}
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        yield browser
    finally:
        browser.quit()


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
def rendered(seed_page, driver):
    """The seed page's DOM after Chromium loaded it from its file:// URL."""
    driver.get(seed_page.resolve().as_uri())
    parser = _Annotations()
    parser.feed(driver.execute_script("return document.documentElement.outerHTML"))
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


def test_screenshot_shows_coloured_entities_and_attributions(seed_page, seed_record, driver, tmp_path):
    shot = tmp_path / "seed.png"
    driver.get(seed_page.resolve().as_uri())
    assert driver.save_screenshot(str(shot))
    image = matplotlib.image.imread(shot)
    assert image.shape[:2] == (WINDOW[1], WINDOW[0])
    labels = {entity["label"] for entity in seed_record["layers"]["entities"]["items"]}
    # Thresholds well above what the legend's chips alone would give.
    for label in labels:
        assert _colour_pixels(image, ENTITY_COLOURS[label]) > 2000, label
    assert _colour_pixels(image, "#d4a72c") > 5000  # quotation content underlines
    assert _colour_pixels(image, "#6f42c1") > 2000  # quotation sources


def test_hovering_lights_the_chain_and_shows_timex_values(seed_page, seed_record, driver, tmp_path):
    cluster = max(seed_record["layers"]["coreference"]["items"], key=lambda c: len(c["mentions"]))
    timex = seed_record["layers"]["timex"]["items"][0]
    lit_mentions = "return [...document.querySelectorAll('.mention.lit')].map(e => e.dataset.mention).sort()"
    after = "return getComputedStyle(document.querySelector(arguments[0]), '::after').content"
    driver.get(seed_page.resolve().as_uri())
    assert driver.execute_script(lit_mentions) == []
    mention = driver.find_element(By.CSS_SELECTOR, f'.mention[data-mention="{cluster["mentions"][-1]["id"]}"]')
    ActionChains(driver).move_to_element(mention).perform()
    assert driver.execute_script(lit_mentions) == sorted(m["id"] for m in cluster["mentions"])
    selector = f'.timex[data-timex="{timex["id"]}"]'
    assert timex["value"] not in str(driver.execute_script(after, selector))
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, selector)).perform()
    assert driver.execute_script(after, selector) == f'"{timex["type"]} {timex["value"]}"'
    shot = tmp_path / "hover.png"
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_a_missing_browser_is_named_with_its_install_command(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_program(("chromedriver",), str(tmp_path / "absent")) is None
    reason = missing_browser_reason(None, tmp_path)
    assert reason is not None and reason.startswith("chromium not found") and INSTALL in reason
    assert missing_browser_reason(tmp_path, tmp_path) is None


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
    spans = [Highlight(0, 5, "a", (("data-id", "A"),)), Highlight(3, 8, "b", (("data-id", "B"),), rank=1)]
    html = render_highlights(text, spans)
    assert html == (
        '<span class="a" data-id="A">abc<span class="b" data-id="B">de</span></span>'
        '<span class="b" data-id="B" data-last>fgh</span>'
    ).replace('class="a" data-id="A">', 'class="a" data-id="A" data-last>')


def test_text_is_escaped_and_rank_orders_equal_spans():
    spans = [Highlight(0, 3, "inner", rank=2), Highlight(0, 3, "outer", rank=0)]
    assert render_highlights("<b>", spans) == (
        '<span class="outer" data-last><span class="inner" data-last>&lt;b&gt;</span></span>'
    )
