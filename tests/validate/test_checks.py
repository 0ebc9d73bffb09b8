"""Validation: every way a record can be wrong is reported with its stable code, through the API and the CLI.

Each case starts from the seed record with small semantic layers built here (offsets computed from the
text), checks that this base is valid, corrupts one thing and asserts the exact codes reported.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO

from newscorpus.cli import main
from newscorpus.problems.value import CODES
from newscorpus.record import reader
from newscorpus.record.provenance import layer_of
from newscorpus.validate import Problem, Report, validate_files, validate_record

REPO_ROOT = REPO
SEED_RAW_PATH = "corpus/raw/themoscowtimes/000_b7662e16b4581a0c.txt"
GOLD = {"kind": "gold", "annotators": ["test"], "date": "2026-11-25", "tool": None, "version": None}
ATTRIBUTION = {
    "title": "Kremlin Predicts Swift Resolution of Belarus Unrest",
    "author": "Wikinews contributors",
    "url": "https://en.wikinews.org/wiki/Example",
    "license": "CC-BY-2.5",
    "license_url": "https://creativecommons.org/licenses/by/2.5/",
    "changes": "normalized and annotated",
}
PROBLEM_KEYS = {"code", "path", "file", "record_id", "message", "hint"}

Record = dict[str, Any]


def _load_seed() -> Record:
    for path in sorted((REPO_ROOT / "corpus" / "records").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record["raw"]["path"] == SEED_RAW_PATH:
            return record
    raise AssertionError(f"no record of {SEED_RAW_PATH} in corpus/records/")


SEED = _load_seed()


def span(text: str, needle: str, after: int = 0) -> dict[str, Any]:
    start = text.index(needle, after)
    return {"start": start, "end": start + len(needle), "text": needle}


def gold_layer(items: list[dict[str, Any]]) -> Record:
    """A complete gold span layer of ``items``."""
    return layer_of(items, dict(GOLD), complete=True)


def with_small_layers(seed: Record) -> Record:
    """The seed with its semantic layers replaced by a few hand-built, valid items."""
    record = copy.deepcopy(seed)
    text = record["text"]
    sentence = text.index("The Kremlin said Saturday that President Vladimir Putin")
    kremlin = span(text, "Kremlin", sentence)
    putin = span(text, "Vladimir Putin", sentence)
    saturday = span(text, "Saturday", sentence)
    lukashenko = span(text, "Alexander Lukashenko", sentence)
    his = span(text, "his", putin["end"])
    said = span(text, "said", sentence)
    content = span(text, text[putin["start"] - len("President ") : text.index("resolved", sentence) + len("resolved")])
    record["metadata"]["publication_date"] = {"value": "2020-08-15", "evidence": "test", "provenance": dict(GOLD)}
    layers = record["layers"]
    layers["entities"] = gold_layer(
        [
            {"id": "e1", **kremlin, "label": "ORG"},
            {"id": "e2", **saturday, "label": "DATE"},
            {"id": "e3", **putin, "label": "PERSON"},
            {"id": "e4", **lukashenko, "label": "PERSON"},
        ]
    )
    layers["entity_links"] = gold_layer(
        [
            {"id": "l1", "entity": "e3", "qid": "Q7747", "note": "Vladimir Putin"},
            {"id": "l2", "entity": "e1", "qid": None, "note": "no item confirmed"},
        ]
    )
    layers["coreference"] = gold_layer(
        [
            {
                "id": "c1",
                "mentions": [
                    {"id": "m1", **putin, "kind": "name", "entity": "e3"},
                    {"id": "m2", **his, "kind": "possessive", "entity": None},
                ],
            },
            {"id": "c2", "mentions": [{"id": "m3", **kremlin, "kind": "name", "entity": "e1"}]},
        ]
    )
    layers["quotations"] = gold_layer(
        [{"id": "q1", "type": "indirect", "content": content, "cue": said, "source": {**kremlin, "mention": "m3"}}]
    )
    layers["timex"] = gold_layer([{"id": "t1", **saturday, "type": "DATE", "value": "2020-08-15"}])
    return record


BASE = with_small_layers(SEED)


def codes(record: Record) -> list[str]:
    return sorted(problem.code for problem in validate_record(record, REPO_ROOT))


def items(record: Record, layer: str) -> list[dict[str, Any]]:
    return record["layers"][layer]["items"]


def entity(record: Record, identifier: str) -> dict[str, Any]:
    return next(item for item in items(record, "entities") if item["id"] == identifier)


def token_index(record: Record, start: int) -> int:
    return record["layers"]["tokens"]["starts"].index(start)


def write_record(directory: Path, record: Record, name: str | None = None) -> Path:
    """Write a record as JSON (ASCII escapes, so lone surrogates become \\udxxx escapes)."""
    path = directory / (name or f"{record['id']}.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=True), encoding="ascii")
    return path


def run_cli(*paths: Path, output_format: str = "text") -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["validate", "--root", str(REPO_ROOT), "--format", output_format, *(str(p) for p in paths)]
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("the CLI raised") from result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def cli_codes(*paths: Path) -> tuple[int, list[str], dict[str, Any]]:
    exit_code, output = run_cli(*paths, output_format="json")
    report = json.loads(output)
    return exit_code, sorted(p["code"] for p in report["problems"]), report


# --- the bases ---------------------------------------------------------------------------------


def test_seed_record_is_valid():
    assert codes(copy.deepcopy(SEED)) == []


def test_base_record_with_small_layers_is_valid():
    assert codes(copy.deepcopy(BASE)) == []


def test_seed_record_file_is_valid_through_the_cli():
    seed_file = next(p for p in (REPO_ROOT / "corpus" / "records").glob("*.json") if p.stem == SEED["id"])
    exit_code, output = run_cli(seed_file)
    assert exit_code == 0
    assert "1 file(s), 1 record(s): ok" in output


def test_base_record_file_is_valid_through_the_cli(tmp_path):
    exit_code, found, report = cli_codes(write_record(tmp_path, copy.deepcopy(BASE)))
    assert (exit_code, found) == (0, [])
    assert report["valid"] is True


# --- one corruption at a time ------------------------------------------------------------------


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Record], None]:
    def mutate(record: Record) -> None:
        target = record
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return mutate


def _entity_end_past_text(r: Record) -> None:
    entity(r, "e4")["end"] = len(r["text"]) + 1


def _entity_reversed(r: Record) -> None:
    e = entity(r, "e4")
    e["start"], e["end"] = e["end"], e["start"]


def _entity_text_mismatch(r: Record) -> None:
    entity(r, "e3")["text"] = "Vladimir Putln"


def _overlapping_tokens(r: Record) -> None:
    call = r["text"].index("phone call that")
    r["layers"]["tokens"]["ends"][token_index(r, call)] += 2  # "phone" runs into "call"


def _token_starts_with_space(r: Record) -> None:
    call = r["text"].index("call that")
    r["layers"]["tokens"]["starts"][token_index(r, call)] -= 1


def _token_removed(r: Record) -> None:
    index = token_index(r, r["text"].index("call that"))
    del r["layers"]["tokens"]["starts"][index]
    del r["layers"]["tokens"]["ends"][index]


def _sentence_ends_early(r: Record) -> None:
    r["layers"]["sentences"]["ends"][0] = r["text"].index(" Unrest")  # the headline's last word is left out


def _sentence_crosses_paragraph(r: Record) -> None:
    sentences = r["layers"]["sentences"]
    sentences["ends"][0] = sentences["ends"][1]
    del sentences["starts"][1]
    del sentences["ends"][1]


def _sentence_split_inside_token(r: Record) -> None:
    sentences = r["layers"]["sentences"]
    inside = sentences["starts"][2] + 2  # inside "The"
    sentences["starts"].insert(3, inside)
    sentences["ends"].insert(2, inside)


def _add_entity(**fields: Any) -> Callable[[Record], None]:
    def mutate(r: Record) -> None:
        items(r, "entities").append({"id": "e9", "label": "PERSON", **fields})

    return mutate


def _duplicate_entity_span(r: Record) -> None:
    items(r, "entities").append({**entity(r, "e2"), "id": "e9", "label": "TIME"})


def _crossing_entity(r: Record) -> None:
    items(r, "entities").append(
        {"id": "e9", **span(r["text"], "President Vladimir"), "label": "PERSON", "provenance": 0, "gold": True}
    )


def _entity_cuts_token(r: Record) -> None:
    e = entity(r, "e2")
    e["end"] -= 3
    e["text"] = e["text"][:-3]


def _text_char(offset_of: str, replacement: str, skip: int = 0) -> Callable[[Record], None]:
    def mutate(r: Record) -> None:
        position = r["text"].index(offset_of) + skip
        r["text"] = r["text"][:position] + replacement + r["text"][position + 1 :]

    return mutate


def _offset_map_past_raw(r: Record) -> None:
    r["offset_map"]["raw_ends"][-1] = r["raw"]["length"] + 10


def _offset_map_not_increasing(r: Record) -> None:
    starts = r["offset_map"]["norm_starts"]
    starts[1], starts[2] = starts[2], starts[1]


def _combining_mark_after_entity(r: Record) -> None:
    # U+0334 composes with nothing, so the text stays NFC; it follows "Saturday" (entity e2, timex t1).
    _text_char("Saturday that", "\u0334", skip=len("Saturday"))(r)


def _remove_paragraph(r: Record) -> None:
    del items(r, "paragraphs")[3]


def _drop_last(layer: str, key: str) -> Callable[[Record], None]:
    def mutate(r: Record) -> None:
        r["layers"][layer][key].pop()

    return mutate


def _sentences_overlap(r: Record) -> None:
    # "The Kremlin said Saturday" + "Saturday that President ...": two sentences of one paragraph overlap.
    sentences = r["layers"]["sentences"]
    saturday = r["text"].index("Saturday that")
    sentences["starts"].insert(3, saturday)
    sentences["ends"].insert(2, saturday + len("Saturday"))


def _duplicate_mention_span(r: Record) -> None:
    items(r, "coreference")[1]["mentions"].append({**items(r, "coreference")[0]["mentions"][1], "id": "m9"})


def _mention_linked_to_other_entity(r: Record) -> None:
    items(r, "coreference")[0]["mentions"][0]["entity"] = "e4"


def _mention_inside_token(r: Record) -> None:
    # "rem" inside "Kremlin": its stored text is right, only the token layer shows the cut.
    mention = items(r, "coreference")[0]["mentions"][0]
    mention.update(start=mention["start"] + 1, end=mention["start"] + 4, entity=None)
    mention["text"] = r["text"][mention["start"] : mention["end"]]


def _quote_cue_inside_token(r: Record) -> None:
    cue = items(r, "quotations")[0]["cue"]
    cue["start"] += 1
    cue["text"] = r["text"][cue["start"] : cue["end"]]


def _layer_without_provenance(r: Record) -> None:
    r["layers"]["paragraphs"]["provenance"] = None


AUTO = {"kind": "auto", "annotators": None, "date": None, "tool": "some.tool", "version": "1"}


def _entity_made_auto(identifier: str, *, complete: bool) -> Callable[[Record], None]:
    """The entity ``identifier`` made by a tool, in a layer declared complete or not."""

    def change(r: Record) -> None:
        r["layers"]["entities"]["provenance"].append(dict(AUTO))
        r["layers"]["entities"]["complete"] = complete
        entity(r, identifier).update(provenance=1, gold=False)

    return change


def _unused_entry(r: Record) -> None:
    r["layers"]["entities"]["provenance"].append(dict(AUTO))
    r["layers"]["entities"]["complete"] = False


def _complete_without_gold_entry(r: Record) -> None:
    r["layers"]["timex"] = {"provenance": [dict(AUTO)], "complete": True, "items": []}


def _publication_date(value: str) -> Callable[[Record], None]:
    return _set(("metadata", "publication_date", "value"), value)


CASES: list[tuple[str, Callable[[Record], None], list[str]]] = [
    # spans
    ("entity-offset-past-end", _entity_end_past_text, ["entity.token-boundary", "span.out-of-range"]),
    ("entity-span-reversed", _entity_reversed, ["entity.token-boundary", "span.empty"]),
    ("entity-text-mismatch", _entity_text_mismatch, ["span.text-mismatch"]),
    (
        "span-splits-combining-sequence",
        _combining_mark_after_entity,
        ["span.splits-character"] * 2 + ["tokens.uncovered"],
    ),
    # tokens
    ("tokens-overlap", _overlapping_tokens, ["tokens.overlap"]),
    ("token-starts-with-whitespace", _token_starts_with_space, ["tokens.whitespace"]),
    ("non-space-char-outside-tokens", _token_removed, ["tokens.uncovered"]),
    # The last sentence then ends where no token ends, too.
    ("token-ends-missing", _drop_last("tokens", "ends"), ["tokens.length-mismatch"]),
    # sentences
    ("sentences-not-tiling", _sentence_ends_early, ["sentences.not-tiling"]),
    ("sentence-crosses-paragraph", _sentence_crosses_paragraph, ["sentences.crosses-paragraph"]),
    ("sentence-boundary-inside-token", _sentence_split_inside_token, ["sentences.token-boundary"] * 2),
    ("sentence-ends-missing", _drop_last("sentences", "ends"), ["sentences.length-mismatch"]),
    ("sentences-overlap", _sentences_overlap, ["sentences.overlap"]),
    # paragraphs
    ("paragraph-missing", _remove_paragraph, ["paragraphs.not-tiling"]),
    ("headline-not-first", _set(("layers", "paragraphs", "items", 2, "role"), "headline"), ["paragraphs.role-order"]),
    # schema
    ("unknown-entity-label", _set(("layers", "entities", "items", 2, "label"), "PERSONA"), ["label.unknown"]),
    ("missing-required-field", lambda r: r["source"].pop("license"), ["schema.required"]),
    ("wrong-type", _set(("raw", "length"), "2458"), ["schema.type"]),
    ("extra-field", _set(("layers", "entities", "items", 2, "confidence"), "high"), ["schema.additional"]),
    ("extra-top-level-field", _set(("comment",), "x"), ["schema.additional"]),
    (
        "id-bad-pattern",
        _set(("layers", "entities", "items", 2, "id"), "E-3"),
        ["ref.unresolved"] * 2 + ["schema.pattern"],
    ),
    ("negative-offset", _set(("boilerplate", 0, "raw_start"), -1), ["schema.range"]),
    ("empty-license", _set(("source", "license"), ""), ["schema.invalid"]),
    ("cluster-without-mentions", _set(("layers", "coreference", "items", 0, "mentions"), []), ["schema.invalid"]),
    ("qid-malformed", _set(("layers", "entity_links", "items", 0, "qid"), "Q-12"), ["link.qid-malformed"]),
    ("unsupported-schema-version", _set(("schema_version",), "4.0.0"), ["record.unsupported-version"]),
    # references and ids
    ("link-to-missing-entity", _set(("layers", "entity_links", "items", 0, "entity"), "e99"), ["ref.unresolved"]),
    (
        "quote-source-missing-mention",
        _set(("layers", "quotations", "items", 0, "source", "mention"), "m99"),
        ["ref.unresolved"],
    ),
    (
        "quote-source-points-at-entity",
        _set(("layers", "quotations", "items", 0, "source", "mention"), "e1"),
        ["ref.unresolved"],
    ),
    ("duplicate-ids", _set(("layers", "coreference", "items", 0, "mentions", 1, "id"), "m1"), ["id.duplicate"]),
    ("duplicate-entity-span", _duplicate_entity_span, ["entity.duplicate"]),
    ("overlapping-entities", _crossing_entity, ["entity.overlap"]),
    ("entity-cuts-token", _entity_cuts_token, ["entity.token-boundary"]),
    ("mention-duplicate-span", _duplicate_mention_span, ["mention.duplicate"]),
    ("mention-entity-other-span", _mention_linked_to_other_entity, ["mention.entity-mismatch"]),
    ("mention-cuts-token", _mention_inside_token, ["mention.token-boundary"]),
    ("quote-cue-cuts-token", _quote_cue_inside_token, ["quote.token-boundary"]),
    # values
    ("timex-month-13", _set(("layers", "timex", "items", 0, "value"), "2020-13-45"), ["timex.value-invalid"]),
    ("timex-yesterday", _set(("layers", "timex", "items", 0, "value"), "yesterday"), ["timex.value-invalid"]),
    ("publication-date-feb-30", _publication_date("2020-02-30"), ["date.invalid"]),
    ("publication-date-not-iso", _publication_date("15 August 2020"), ["date.invalid"]),
    ("provenance-date-invalid", _set(("layers", "entities", "provenance", 0, "date"), "2026-11-31"), ["date.invalid"]),
    ("layer-items-without-provenance", _layer_without_provenance, ["provenance.missing"]),
    # per-item provenance (schema 3.0.0)
    ("item-names-no-entry", _set(("layers", "entities", "items", 0, "provenance"), 3), ["provenance.unknown-entry"]),
    ("item-gold-flag-disagrees", _set(("layers", "entities", "items", 1, "gold"), False), ["provenance.gold-mismatch"]),
    ("complete-layer-with-auto-item", _entity_made_auto("e2", complete=True), ["provenance.complete-not-gold"]),
    ("complete-layer-without-gold-entry", _complete_without_gold_entry, ["provenance.complete-not-gold"]),
    ("entry-no-item-names", _unused_entry, ["provenance.unused-entry"]),
    (
        "gold-link-and-mention-to-auto-entity",
        _entity_made_auto("e3", complete=False),
        ["provenance.gold-refers-to-auto", "provenance.gold-refers-to-auto"],
    ),
    (
        "publication-date-without-provenance",
        _set(("metadata", "publication_date", "provenance"), None),
        ["provenance.missing"],
    ),
    # raw capture
    ("raw-hash-mismatch", _set(("raw", "sha256"), "0" * 64), ["raw.hash-mismatch"]),
    ("raw-path-with-dotdot", _set(("raw", "path"), "corpus/raw/../records/x.txt"), ["raw.path-outside"]),
    ("raw-path-absolute", _set(("raw", "path"), "/etc/passwd"), ["raw.path-outside", "schema.pattern"]),
    ("raw-path-leading-dotdot", _set(("raw", "path"), "../corpus/raw/x.txt"), ["raw.path-outside", "schema.pattern"]),
    ("raw-missing", _set(("raw", "path"), "corpus/raw/themoscowtimes/no-such-file.txt"), ["raw.missing"]),
    # text and offset map
    # in a body paragraph, so that metadata.headline still matches its paragraph
    ("text-has-nbsp", _text_char(" riot police", "\u00a0"), ["text.not-normalized"]),
    ("text-not-nfc", _text_char("riot police", "\u0301", skip=1), ["text.not-normalized"]),  # r + acute
    ("offset-map-past-raw", _offset_map_past_raw, ["offset-map.invalid"]),
    ("offset-map-not-increasing", _offset_map_not_increasing, ["offset-map.invalid"]),
    ("offset-map-arrays-differ", lambda r: r["offset_map"]["raw_ends"].pop(), ["offset-map.invalid"]),
    ("text-lone-surrogate", _text_char("riot police", "\ud800"), ["text.invalid-unicode"]),
    # licence and metadata (schema 2.0.0)
    (
        "licence-without-url",
        _set(("source", "license_id"), "CC-BY-2.5"),
        ["source.license-incomplete", "source.attribution-missing"],
    ),
    ("attribution-without-licence", _set(("source", "attribution"), ATTRIBUTION), ["source.attribution-mismatch"]),
    ("dateline-without-paragraph", _set(("metadata", "dateline"), "Saturday"), ["metadata.paragraph-mismatch"]),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_corrupted_record_reports_exact_codes(mutate, expected):
    record = copy.deepcopy(BASE)
    mutate(record)
    assert codes(record) == sorted(expected)


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_corrupted_record_file_fails_cli_with_exit_1(tmp_path, mutate, expected):
    record = copy.deepcopy(BASE)
    mutate(record)
    exit_code, found, report = cli_codes(write_record(tmp_path, record))
    assert exit_code == 1
    assert found == sorted(expected)
    assert report["valid"] is False
    for problem in report["problems"]:
        assert problem["record_id"] == BASE["id"]


def test_lone_surrogate_is_written_as_a_json_escape_and_reported(tmp_path):
    record = copy.deepcopy(BASE)
    _text_char("Predicts", "\ud800")(record)
    path = write_record(tmp_path, record)
    assert "\\ud800" in path.read_text(encoding="ascii")
    exit_code, output = run_cli(path)
    assert exit_code == 1
    assert "[text.invalid-unicode]" in output


def test_problem_locates_the_corrupted_item():
    record = copy.deepcopy(BASE)
    entity(record, "e3")["text"] = "Vladimir Putln"
    (problem,) = validate_record(record, REPO_ROOT)
    assert problem.code == "span.text-mismatch"
    assert problem.path == "/layers/entities/items/2/text"
    assert problem.hint == CODES["span.text-mismatch"].hint


def test_several_corruptions_are_all_reported_in_one_run(tmp_path):
    record = copy.deepcopy(BASE)
    _entity_end_past_text(record)
    _overlapping_tokens(record)
    entity(record, "e1")["label"] = "PERSONA"
    del record["metadata"]["topics"]
    found = set(codes(record))
    assert {"span.out-of-range", "tokens.overlap", "label.unknown", "schema.required"} <= found
    exit_code, cli_found, _ = cli_codes(write_record(tmp_path, record))
    assert exit_code == 1
    assert {"span.out-of-range", "tokens.overlap", "label.unknown", "schema.required"} <= set(cli_found)


def test_validate_record_without_root_skips_raw_checks():
    record = copy.deepcopy(BASE)
    record["raw"]["sha256"] = "0" * 64
    assert validate_record(record) == []


# --- files that are not records ----------------------------------------------------------------

SEED_JSON = json.dumps(SEED)

FILE_CASES: list[tuple[str, bytes, str]] = [
    ("empty-file", b"", "input.json"),
    ("binary-bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "input.encoding"),
    ("latin-1-bytes", '{"id": "caf\u00e9"}'.encode("latin-1"), "input.encoding"),
    ("utf-16-with-bom", SEED_JSON.encode("utf-16"), "input.encoding"),
    ("malformed-json", b'{"id": "x",', "input.json"),
    ("trailing-comma", b'{"id": "x",}', "input.json"),
    ("nan", b'{"id": "x", "score": NaN}', "input.nan"),
    ("infinity", b'{"score": -Infinity}', "input.nan"),
    ("duplicate-keys", b'{"id": "a", "id": "b"}', "input.duplicate-key"),
    ("duplicate-keys-nested", b'{"raw": {"length": 1, "length": 2}}', "input.duplicate-key"),
    ("deep-nesting-arrays", b"[" * 10_000 + b"]" * 10_000, "input.too-deep"),
    ("deep-nesting-objects", b'{"a": ' * 10_000 + b"1" + b"}" * 10_000, "input.too-deep"),
    ("integer-beyond-int64", b'{"length": 9223372036854775808}', "input.integer-range"),
    ("integer-below-int64", b'{"length": -9223372036854775809}', "input.integer-range"),
    ("top-level-list", b"[" + SEED_JSON.encode() + b"]", "input.not-object"),
    ("top-level-string", b'"record"', "input.not-object"),
]


@pytest.mark.parametrize(("content", "code"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES])
def test_unusable_file_is_reported_with_exit_2(tmp_path, content, code):
    path = tmp_path / "record.json"
    path.write_bytes(content)
    report = validate_files([path], REPO_ROOT, tmp_path)
    assert [p.code for p in report.problems] == [code]
    assert report.problems[0].file == "record.json"
    assert report.exit_code == 2
    exit_code, output = run_cli(path)
    assert exit_code == 2
    assert f"[{code}]" in output


def test_largest_int64_is_read_as_a_number(tmp_path):
    path = tmp_path / "record.json"
    path.write_text('{"length": 9223372036854775807}', encoding="utf-8")
    record, problems = reader.read_record_file(path)
    assert problems == []
    assert record == {"length": 2**63 - 1}


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / f"{SEED['id']}.json"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_JSON.encode("utf-8"))
    exit_code, found, _ = cli_codes(path)
    assert (exit_code, found) == (0, [])


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_RECORD_BYTES", 1000)
    path = write_record(tmp_path, copy.deepcopy(SEED))
    report = validate_files([path], REPO_ROOT, tmp_path)
    assert [p.code for p in report.problems] == ["input.too-large"]
    assert report.exit_code == 2


def test_a_folder_named_like_a_record_is_reported_not_opened(tmp_path):
    folder = tmp_path / "folder.json"
    folder.mkdir()
    report = validate_files([folder], REPO_ROOT, tmp_path)
    assert [p.code for p in report.problems] == ["input.not-regular-file"]
    assert report.exit_code == 2


def test_missing_path_on_the_command_line_exits_2(tmp_path):
    exit_code, found, report = cli_codes(tmp_path / "nowhere.json")
    assert (exit_code, found) == (2, ["input.unreadable"])
    assert report["records"] == 0


def test_unusable_and_invalid_files_together_exit_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{")
    record = copy.deepcopy(BASE)
    record["comment"] = "x"
    exit_code, found, report = cli_codes(bad, write_record(tmp_path, record))
    assert exit_code == 2
    assert found == ["input.json", "schema.additional"]
    assert (report["files"], report["records"]) == (2, 1)


def test_two_files_with_the_same_id_exit_1(tmp_path):
    first = write_record(tmp_path / "a", copy.deepcopy(SEED))
    second = write_record(tmp_path / "b", copy.deepcopy(SEED))
    exit_code, found, report = cli_codes(first, second)
    assert (exit_code, found) == (1, ["id.duplicate-document"])
    (problem,) = report["problems"]
    assert problem["file"].endswith("b/" + second.name)
    assert problem["record_id"] == SEED["id"]


def test_file_name_not_its_id_exits_1(tmp_path):
    path = write_record(tmp_path, copy.deepcopy(SEED), name="some-other-name.json")
    exit_code, found, report = cli_codes(path)
    assert (exit_code, found) == (1, ["id.filename-mismatch"])
    assert report["problems"][0]["path"] == "/id"


def test_folder_argument_validates_every_json_file_in_it(tmp_path):
    write_record(tmp_path / "records", copy.deepcopy(SEED))
    write_record(tmp_path / "records" / "nested", copy.deepcopy(BASE) | {"comment": "x"}, name="x.json")
    exit_code, found, report = cli_codes(tmp_path / "records")
    assert exit_code == 1
    assert found == ["id.duplicate-document", "id.filename-mismatch", "schema.additional"]
    assert report["files"] == 2


def test_json_output_lists_problems_with_all_keys(tmp_path):
    record = copy.deepcopy(BASE)
    record["layers"]["entity_links"]["items"][0]["qid"] = "Q-12"
    exit_code, output = run_cli(write_record(tmp_path, record), output_format="json")
    report = json.loads(output)
    assert exit_code == 1
    assert set(report) == {"files", "records", "valid", "problems"}
    assert (report["files"], report["records"], report["valid"]) == (1, 1, False)
    (problem,) = report["problems"]
    assert set(problem) == PROBLEM_KEYS
    assert problem["code"] == "link.qid-malformed"
    assert problem["path"] == "/layers/entity_links/items/0/qid"
    assert problem["record_id"] == BASE["id"]
    assert problem["hint"] == CODES["link.qid-malformed"].hint
    assert problem["message"]


def test_json_output_for_an_unusable_file_has_null_record_id(tmp_path):
    path = tmp_path / "record.json"
    path.write_bytes(b"[]")
    exit_code, output = run_cli(path, output_format="json")
    report = json.loads(output)
    assert exit_code == 2
    (problem,) = report["problems"]
    assert set(problem) == PROBLEM_KEYS
    assert (problem["code"], problem["record_id"]) == ("input.not-object", None)


def test_text_output_names_file_pointer_code_and_hint(tmp_path):
    record = copy.deepcopy(BASE)
    record["raw"]["sha256"] = "0" * 64
    exit_code, output = run_cli(write_record(tmp_path, record))
    assert exit_code == 1
    assert f"#/raw/sha256 ({BASE['id']}): error [raw.hash-mismatch]" in output
    assert f"  hint: {CODES['raw.hash-mismatch'].hint}" in output
    assert output.rstrip().endswith("1 file(s), 1 record(s): 1 problem(s)")


def test_report_exit_code_follows_the_worst_problem():
    invalid = Problem("schema.type", "wrong type")
    unusable = Problem("input.json", "bad JSON")
    assert Report().exit_code == 0
    assert Report([invalid]).exit_code == 1
    assert Report([invalid, unusable]).exit_code == 2


# --- bookkeeping -------------------------------------------------------------------------------


def test_every_expected_code_is_registered():
    expected = {code for _, _, found in CASES for code in found} | {code for _, _, code in FILE_CASES}
    assert expected <= set(CODES)


def test_tests_cover_every_registered_code_that_checks_emit():
    """Codes no check can emit today are listed here explicitly, so a new code needs a test or a decision."""
    expected = {code for _, _, found in CASES for code in found} | {code for _, _, code in FILE_CASES}
    expected |= {"input.too-large", "input.unreadable", "id.duplicate-document", "id.filename-mismatch"}
    # Tested in tests/record/test_reader_floats.py and tests/record/test_files.py:
    expected |= {"input.float", "input.not-regular-file", "folder.stray-file"}
    assert set(CODES) == expected


# --- known bugs (strict: these start failing when the bug is fixed; then drop the mark) ----------


def test_integer_with_thousands_of_digits_is_an_integer_range_problem(tmp_path):
    path = tmp_path / "record.json"
    path.write_text('{"length": ' + "9" * 5000 + "}", encoding="utf-8")
    report = validate_files([path], REPO_ROOT, tmp_path)
    assert [p.code for p in report.problems] == ["input.integer-range"]


CRASHING_SHAPES = [
    ("schema-version-list", ("schema_version",), []),
    ("metadata-list", ("metadata",), ["x"]),
    ("layers-list", ("layers",), ["x"]),
    ("raw-list", ("raw",), ["x"]),
    ("entities-layer-list", ("layers", "entities"), ["x"]),
    ("entity-id-list", ("layers", "entities", "items", 0, "id"), ["e1"]),
    ("mention-start-list", ("layers", "coreference", "items", 0, "mentions", 0, "start"), [0]),
]


@pytest.mark.parametrize(("path", "value"), [c[1:] for c in CRASHING_SHAPES], ids=[c[0] for c in CRASHING_SHAPES])
def test_wrongly_shaped_record_is_reported_not_crashed(path, value):
    record = copy.deepcopy(BASE)
    _set(path, value)(record)
    assert {"schema.type", "record.unsupported-version"} & set(codes(record))


@pytest.mark.parametrize("output_format", ["text", "json"])
@pytest.mark.parametrize(
    ("path", "value", "code"),
    [(("id",), "x\ud800", "schema.pattern"), (("raw", "path"), "corpus/raw/\ud800.txt", "raw.missing")],
    ids=["id", "raw-path"],
)
def test_lone_surrogate_outside_text_does_not_crash_the_cli(tmp_path, output_format, path, value, code):
    record = copy.deepcopy(SEED)
    _set(path, value)(record)
    exit_code, output = run_cli(write_record(tmp_path, record, name="x.json"), output_format=output_format)
    assert exit_code == 1
    assert code in output


def test_quote_cue_without_text_is_a_missing_field():
    record = copy.deepcopy(BASE)
    del items(record, "quotations")[0]["cue"]["text"]
    assert codes(record) == ["schema.required"]


def test_entities_are_not_flagged_when_the_token_layer_is_empty():
    record = copy.deepcopy(BASE)
    record["layers"]["tokens"]["starts"] = []
    record["layers"]["tokens"]["ends"] = []
    found = codes(record)
    assert "entity.token-boundary" not in found
    assert "tokens.uncovered" in found
