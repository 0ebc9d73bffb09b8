"""Properties and examples of ``normalize_text``: normalized text plus an exact map back to the raw capture.

The expected folding is written here from the rules documented in ``newscorpus.text.normalize``
(line breaks, dropped invisible characters, odd spaces folded to U+0020, lines stripped, NFC),
not by calling the module's private helpers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from itertools import pairwise

import pytest
from conftest import REPO
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newscorpus.text.normalize import normalize_text
from newscorpus.text.offsets import OffsetMap

REPO_ROOT = REPO
SEED_RAW = REPO_ROOT / "corpus" / "raw" / "themoscowtimes" / "000_b7662e16b4581a0c.txt"

# --- the documented rules, restated independently ---------------------------------------------

# CRLF, CR, LF and the Unicode line and paragraph separators end a line.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Invisible format characters that are dropped: soft hyphen, zero-width space, BOM, bidi controls.
DROPPED_FORMAT = frozenset("\u00ad\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff")


def is_dropped(char: str) -> bool:
    """Dropped by normalization: the invisible format characters and controls that do not end a line."""
    if char in DROPPED_FORMAT:
        return True
    return unicodedata.category(char) == "Cc" and not LINE_BREAK.fullmatch(char) and char != "\t"


def is_odd_space(char: str) -> bool:
    """Folded to U+0020: tab and every space separator other than U+0020 itself."""
    return char == "\t" or (unicodedata.category(char) == "Zs" and char != " ")


# Of those, the breaks that also end the paragraph (a blank line in the text).
PARAGRAPH_BREAK = re.compile(r"[\x1c\x1d\x1e\u2029]")


def fold(fragment: str) -> str:
    """A raw fragment as normalization turns it into text: breaks to \\n (paragraph breaks to a blank line),
    drop, fold, spaces around a break stripped, at most one blank line, NFC."""
    fragment = LINE_BREAK.sub(lambda match: "\n\n" if PARAGRAPH_BREAK.fullmatch(match.group()) else "\n", fragment)
    fragment = "".join(" " if is_odd_space(c) else c for c in fragment if not is_dropped(c))
    fragment = re.sub(r"\n{3,}", "\n\n", re.sub(r" *\n *", "\n", fragment))  # blank lines collapse to one
    return unicodedata.normalize("NFC", fragment)


def is_blank_raw(fragment: str) -> bool:
    """Holds only whitespace (spaces, odd spaces, line breaks) and dropped characters."""
    return all(c.isspace() or is_dropped(c) for c in fragment)


def segments(raw: str, text: str, offset_map: OffsetMap) -> list[tuple[str, str]]:
    """(text of segment k, raw fragment of segment k) for every segment of the map."""
    if not text:
        return []
    ends = [*offset_map.norm_starts[1:], len(text)]
    return [
        (text[start:end], raw[raw_start:raw_end])
        for start, end, raw_start, raw_end in zip(
            offset_map.norm_starts, ends, offset_map.raw_starts, offset_map.raw_ends, strict=True
        )
    ]


# --- strategies --------------------------------------------------------------------------------

SPECIAL_CHARS = [
    " ",
    " ",
    "\n",
    "\n",
    "\r",
    "\u00a0",  # no-break space
    "\u2009",  # thin space
    "\u3000",  # ideographic space
    "\t",
    "\u200b",  # zero-width space
    "\ufeff",  # BOM
    "\u00ad",  # soft hyphen
    "\u200e",  # left-to-right mark
    "\x01",  # a control character
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\u0301",  # combining acute
    "\u0308",  # combining diaeresis
    "\u0323",  # combining dot below (canonical reordering with U+0301)
    "\u1100",  # Hangul choseong kiyeok
    "\u1161",  # Hangul jungseong a
    "\u11a8",  # Hangul jongseong kiyeok
    "\uac00",  # Hangul syllable ga (LV), composes with a trailing jamo
    "\u212b",  # angstrom sign (NFC singleton to U+00C5)
    "\u0b47",  # Oriya vowel sign e: composes with the following starter U+0B3E
    "\u0b3e",
    "\U0001f600",  # emoji
    "\U0001f44d\U0001f3fd",  # emoji with skin tone modifier
]
LETTERS = [*"aeuAEqxyz.,", "\u00e9", "\u00c5", "\u0416"]
CHARS = LETTERS + [c for piece in SPECIAL_CHARS for c in piece]

raw_texts = st.one_of(
    st.text(alphabet=st.sampled_from(CHARS), max_size=60),
    st.lists(st.sampled_from(LETTERS + SPECIAL_CHARS + ["\r\n", "e\u0301", "\u1100\u1161\u11a8"]), max_size=40).map(
        "".join
    ),
)
# Plain raw text: nothing that normalization changes except line structure and edge spaces.
plain_raw_texts = st.text(alphabet=st.sampled_from([*"abcxyzAB.,'", "\u00e9", "\u0416", " ", "\n"]), max_size=80)

PROPERTY_SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD_OR_INVISIBLE = re.compile("[\t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\u00ad\ufeff\u200e\u200f\u2060]")

# --- properties of the text --------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(raw_texts)
@example("e\u0301 \u00a0\r\n\r\n\r\n\r\n\ufeffx\u00ad")
def test_text_is_nfc(raw):
    text, _ = normalize_text(raw)
    assert unicodedata.is_normalized("NFC", text)


@PROPERTY_SETTINGS
@given(raw_texts)
@example("a\n \n\u00a0\n\r\n\u2028b")
def test_text_has_at_most_one_blank_line_between_paragraphs(raw):
    text, _ = normalize_text(raw)
    assert "\n\n\n" not in text


@PROPERTY_SETTINGS
@given(raw_texts)
@example(" a \u00a0\nb\t\n\u2009c\u2009")
def test_no_line_has_leading_or_trailing_spaces(raw):
    text, _ = normalize_text(raw)
    for line in text.split("\n"):
        assert line == line.strip(" "), repr(line)


@PROPERTY_SETTINGS
@given(raw_texts)
@example("a\u00a0b\tc\u2009d\u200be\ufefff\u00adg\u3000h")
def test_text_has_no_odd_spaces_or_invisible_characters(raw):
    text, _ = normalize_text(raw)
    assert ODD_OR_INVISIBLE.search(text) is None
    assert not any(is_dropped(c) for c in text)
    assert "\r" not in text
    assert "\u2028" not in text
    assert "\u2029" not in text


@PROPERTY_SETTINGS
@given(raw_texts)
@example("\ufeff\u00a0\n\n a \n\u2028 ")
def test_text_does_not_start_or_end_with_whitespace(raw):
    text, _ = normalize_text(raw)
    assert text == text.strip()


@PROPERTY_SETTINGS
@given(raw_texts)
def test_normalizing_normalized_text_changes_nothing(raw):
    text, _ = normalize_text(raw)
    again, offset_map = normalize_text(text)
    assert again == text
    if text:
        assert offset_map.to_dict() == {"norm_starts": [0], "raw_starts": [0], "raw_ends": [len(text)]}


# --- properties of the map ---------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(raw_texts)
@example("")
@example("\u00a0\n\ufeff")
def test_map_is_consistent(raw):
    text, offset_map = normalize_text(raw)
    starts, raw_starts, raw_ends = offset_map.norm_starts, offset_map.raw_starts, offset_map.raw_ends
    assert offset_map.text_length == len(text)
    assert len(starts) == len(raw_starts) == len(raw_ends)
    if not text:
        assert starts == ()
        return
    assert starts[0] == 0
    assert all(a < b for a, b in pairwise(starts))
    assert starts[-1] < len(text)
    for raw_start, raw_end in zip(raw_starts, raw_ends, strict=True):
        assert 0 <= raw_start < raw_end <= len(raw)
    assert all(end <= start for end, start in zip(raw_ends[:-1], raw_starts[1:], strict=True))


@PROPERTY_SETTINGS
@given(raw_texts)
@example("e\u0301\u00ad x\r\n\r\ny\u00a0z")
@example("\u0b47\u0b3e \u1100\u1161\u11a8")
def test_each_segment_is_its_raw_fragment_normalized(raw):
    text, offset_map = normalize_text(raw)
    for segment_text, fragment in segments(raw, text, offset_map):
        if segment_text.isspace():
            # A space, line break or paragraph break: it replaced raw whitespace and dropped characters only.
            assert set(segment_text) <= {" ", "\n"}
            assert is_blank_raw(fragment), (segment_text, fragment)
            if "\n" not in segment_text:
                assert fold(fragment) == segment_text
        else:
            assert fold(fragment) == segment_text, (segment_text, fragment)


@PROPERTY_SETTINGS
@given(raw_texts)
def test_segments_cover_all_raw_content(raw):
    """Raw characters outside every segment are whitespace or dropped characters."""
    _, offset_map = normalize_text(raw)
    covered = [False] * len(raw)
    for raw_start, raw_end in zip(offset_map.raw_starts, offset_map.raw_ends, strict=True):
        covered[raw_start:raw_end] = [True] * (raw_end - raw_start)
    outside = "".join(c for c, inside in zip(raw, covered, strict=True) if not inside)
    assert is_blank_raw(outside), repr(outside)


@PROPERTY_SETTINGS
@given(raw_texts, st.data())
def test_raw_span_of_any_span_lies_inside_raw(raw, data):
    text, offset_map = normalize_text(raw)
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(text)), label="end")
    raw_start, raw_end = offset_map.raw_span(start, end)
    assert 0 <= raw_start < raw_end <= len(raw)
    # Every character of the span comes from inside the span's raw range.
    for position in range(start, end):
        char_start, char_end = offset_map.raw_span(position, position + 1)
        assert raw_start <= char_start < char_end <= raw_end


@PROPERTY_SETTINGS
@given(raw_texts, st.data())
def test_raw_span_of_non_space_text_holds_that_text_after_folding(raw, data):
    text, offset_map = normalize_text(raw)
    if not text:
        return
    # Spans that keep combining sequences whole, as the validator requires (span.splits-character).
    boundaries = [i for i in range(len(text) + 1) if i in (0, len(text)) or not unicodedata.combining(text[i])]
    start = data.draw(st.sampled_from(boundaries[:-1]), label="start")
    end = data.draw(st.sampled_from([b for b in boundaries if b > start]), label="end")
    raw_start, raw_end = offset_map.raw_span(start, end)
    folded = "\n".join(line.strip(" ") for line in fold(raw[raw_start:raw_end]).split("\n"))
    # The raw range may hold more (a composed character is mapped whole), never less.
    for word in text[start:end].split():
        assert word in folded, (word, folded)


@PROPERTY_SETTINGS
@given(plain_raw_texts, st.data())
def test_raw_span_inside_linear_segment_is_the_same_text_for_plain_raw(raw, data):
    text, offset_map = normalize_text(raw)
    if not text:
        return
    ends = [*offset_map.norm_starts[1:], len(text)]
    index = data.draw(st.integers(0, len(ends) - 1), label="segment")
    seg_start, seg_end = offset_map.norm_starts[index], ends[index]
    if seg_end - seg_start != offset_map.raw_ends[index] - offset_map.raw_starts[index]:
        return  # a break that replaced a longer run of raw whitespace
    start = data.draw(st.integers(seg_start, seg_end - 1), label="start")
    end = data.draw(st.integers(start + 1, seg_end), label="end")
    raw_start, raw_end = offset_map.raw_span(start, end)
    assert raw[raw_start:raw_end] == text[start:end]


@PROPERTY_SETTINGS
@given(plain_raw_texts)
def test_plain_raw_text_is_its_stripped_paragraphs(raw):
    text, _ = normalize_text(raw)
    paragraphs, current = [], []
    for line in raw.split("\n"):
        if line.strip(" "):
            current.append(line.strip(" "))
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    assert text == "\n\n".join(paragraphs)


# --- examples ----------------------------------------------------------------------------------


def test_crlf_paragraphs_are_split_and_mapped():
    raw = "First line\r\nsecond line\r\n\r\nNext paragraph\r\n"
    text, offset_map = normalize_text(raw)
    assert text == "First line\nsecond line\n\nNext paragraph"
    start = text.index("Next")
    assert offset_map.raw_span(start, len(text)) == (raw.index("Next"), raw.index("Next") + len("Next paragraph"))
    # The paragraph break maps to the whole run of CR LF pairs.
    break_start = text.index("\n\n")
    assert offset_map.raw_span(break_start, break_start + 2) == (raw.index("\r\n\r\n"), raw.index("Next"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u00a0b", "a b"),
        ("a\u2009b", "a b"),
        ("a\tb", "a b"),
        ("a\u3000b", "a b"),
        ("a\u202fb", "a b"),
    ],
    ids=["nbsp", "thin-space", "tab", "ideographic-space", "narrow-nbsp"],
)
def test_odd_space_is_folded_to_a_plain_space(raw, expected):
    text, offset_map = normalize_text(raw)
    assert text == expected
    assert offset_map.raw_span(1, 2) == (1, 2)


def test_combining_acute_is_composed_and_maps_to_both_raw_characters():
    raw = "caf" + "e\u0301" + " noir"
    text, offset_map = normalize_text(raw)
    assert text == "café noir"
    position = text.index("é")
    assert offset_map.raw_span(position, position + 1) == (3, 5)
    assert offset_map.raw_span(0, 4) == (0, 5)
    assert offset_map.raw_span(position + 1, len(text)) == (5, len(raw))


def test_hangul_jamo_compose_to_one_syllable_mapped_to_all_three():
    text, offset_map = normalize_text("\u1100\u1161\u11a8!")
    assert text == "\uac01!"
    assert offset_map.raw_span(0, 1) == (0, 3)
    assert offset_map.raw_span(1, 2) == (3, 4)


def test_bom_at_start_is_dropped():
    raw = "\ufeffHello world"
    text, offset_map = normalize_text(raw)
    assert text == "Hello world"
    assert offset_map.raw_span(0, 5) == (1, 6)


@pytest.mark.parametrize(
    "raw",
    ["soft\u00adhyphen", "soft\u200bhyphen", "soft\u2060hyphen", "soft\u200ehyphen", "soft\x07hyphen"],
    ids=["soft-hyphen", "zero-width-space", "word-joiner", "lrm", "bell"],
)
def test_invisible_character_inside_a_word_is_dropped(raw):
    text, offset_map = normalize_text(raw)
    assert text == "softhyphen"
    assert offset_map.raw_span(0, len(text)) == (0, len(raw))
    assert offset_map.raw_span(4, len(text)) == (5, len(raw))


def test_four_blank_lines_collapse_to_one_blank_line():
    text, offset_map = normalize_text("one\n\n\n\n\ntwo")
    assert text == "one\n\ntwo"
    assert offset_map.raw_span(3, 5) == (3, 8)


def test_blank_lines_with_spaces_and_odd_spaces_still_separate_paragraphs():
    assert normalize_text("one\n  \n\u00a0\t\n\u200b\ntwo")[0] == "one\n\ntwo"


def test_trailing_and_leading_spaces_are_removed_from_each_line():
    text, _ = normalize_text("  one  \n\ttwo\u00a0\u00a0\n")
    assert text == "one\ntwo"


@pytest.mark.parametrize("separator", ["\n", "\r", "\r\n", "\u2028", "\x0c", "\x85"])
def test_every_line_break_ends_a_line(separator):
    assert normalize_text(f"a{separator}b")[0] == "a\nb"
    assert normalize_text(f"a{separator}{separator}b")[0] == "a\n\nb"


@pytest.mark.parametrize("separator", ["\u2029", "\x1c", "\x1d", "\x1e"])
def test_a_paragraph_separator_character_ends_the_paragraph(separator):
    assert normalize_text(f"a{separator}b")[0] == "a\n\nb"
    assert normalize_text(f"a \t{separator} b")[0] == "a\n\nb"
    assert normalize_text(f"a{separator}{separator}\n{separator}b")[0] == "a\n\nb"


def test_empty_and_blank_raw_give_empty_text_and_map():
    for raw in ("", "   ", "\n\n\r\n", "\ufeff\u00a0\u200b"):
        text, offset_map = normalize_text(raw)
        assert text == ""
        assert offset_map.norm_starts == ()
        assert offset_map.text_length == 0


@pytest.mark.parametrize(("start", "end"), [(0, 0), (3, 2), (-1, 2), (0, 99)])
def test_raw_span_refuses_empty_or_outside_spans(start, end):
    _, offset_map = normalize_text("hello")
    with pytest.raises(IndexError):
        offset_map.raw_span(start, end)


def test_map_round_trips_through_dict():
    text, offset_map = normalize_text("a\u00a0b\r\n\r\ne\u0301")
    assert OffsetMap.from_dict(offset_map.to_dict(), len(text)) == offset_map


# --- the seed capture --------------------------------------------------------------------------


def test_seed_capture_every_paragraph_is_found_at_its_raw_span():
    raw = SEED_RAW.read_text(encoding="utf-8")
    text, offset_map = normalize_text(raw)
    paragraphs = text.split("\n\n")
    assert len(paragraphs) > 10
    position = 0
    for paragraph in paragraphs:
        raw_start, raw_end = offset_map.raw_span(position, position + len(paragraph))
        assert fold(raw[raw_start:raw_end]) == paragraph
        position += len(paragraph) + 2
    assert position - 2 == len(text)


def test_seed_capture_nbsp_at_line_end_is_removed_and_outside_the_span():
    raw = SEED_RAW.read_text(encoding="utf-8")
    text, offset_map = normalize_text(raw)
    assert "\u00a0" in raw
    assert "\u00a0" not in text
    sentence = "dependent on Russia."
    start = text.index(sentence)
    raw_start, raw_end = offset_map.raw_span(start, start + len(sentence))
    assert raw[raw_start:raw_end] == sentence
    assert raw[raw_end] == "\u00a0"


def test_seed_record_paragraphs_are_found_at_their_raw_span_in_the_record_map():
    record = next(
        r
        for r in (json.loads(p.read_text(encoding="utf-8")) for p in (REPO_ROOT / "corpus" / "records").glob("*.json"))
        if r["raw"]["path"] == SEED_RAW.relative_to(REPO_ROOT).as_posix()
    )
    raw = SEED_RAW.read_text(encoding="utf-8")
    offset_map = OffsetMap.from_dict(record["offset_map"], len(record["text"]))
    assert record["layers"]["paragraphs"]["items"]
    for paragraph in record["layers"]["paragraphs"]["items"]:
        raw_start, raw_end = offset_map.raw_span(paragraph["start"], paragraph["end"])
        assert fold(raw[raw_start:raw_end]) == record["text"][paragraph["start"] : paragraph["end"]]


# --- known bug (strict: this starts failing when the bug is fixed; then drop the mark) -----------


@pytest.mark.parametrize(
    "raw",
    ["q\u0301\u0323", "A\u212b\u0323"],
    ids=["canonical-reordering", "singleton-then-composition"],
)
def test_a_whole_reordered_combining_sequence_maps_to_its_whole_raw_range(raw):
    """Inside a reordered sequence the map is positional (documented in offsets.py); spans that
    keep the sequence whole, the only ones validation accepts, map exactly."""
    text, offset_map = normalize_text(raw)
    assert offset_map.raw_span(0, len(text)) == (0, len(raw))
    base_end = 1
    assert offset_map.raw_span(0, base_end)[0] == 0


# --- every break str.splitlines knows; a paragraph separator ends the paragraph --------------------

SPLITLINES_BREAKS = [chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) == 2]


def test_normalization_breaks_lines_exactly_where_splitlines_does():
    assert sorted(SPLITLINES_BREAKS) == sorted("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    for char in SPLITLINES_BREAKS:
        text, _ = normalize_text(f"a{char}b")
        expected = "a\n\nb" if char in "\x1c\x1d\x1e\u2029" else "a\nb"
        assert text == expected, repr(char)


def test_a_paragraph_separator_keeps_the_headline_apart_from_the_first_body_sentence():
    from newscorpus.convert.decode import RawCapture
    from newscorpus.convert.record import build_record

    raw = "Kremlin Predicts Swift Resolution\u2029Moscow said on Monday that the unrest would end soon.\u2029More text."
    record = build_record(RawCapture("corpus/raw/somewhere/a.txt", raw, "0" * 64))
    assert record["metadata"]["headline"] == "Kremlin Predicts Swift Resolution"
    roles = [(p["role"], record["text"][p["start"] : p["end"]]) for p in record["layers"]["paragraphs"]["items"]]
    assert roles[0] == ("headline", "Kremlin Predicts Swift Resolution")
    assert ("body", "Moscow said on Monday that the unrest would end soon.") in roles
