"""The selection rule's properties (not its ids): hash order, nested tiers, at least five interviews in the 50."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from newscorpus.cli import main
from newscorpus.gold.selection import (
    DOUBLE,
    ENTITY_GOLD,
    FULL_GOLD,
    MIN_INTERVIEWS,
    Candidate,
    is_interview,
    is_open_wikinews,
    select,
)


def candidates(count: int, interviews: set[int] = frozenset()) -> list[Candidate]:
    return [Candidate(f"wikinews-article-{n}", n in interviews) for n in range(count)]


def in_hash_order(found: list[Candidate]) -> list[Candidate]:
    return sorted(found, key=lambda c: hashlib.sha256(c.document_id.encode()).hexdigest())


def test_the_tiers_are_nested_prefixes_of_the_hash_order():
    pool = candidates(300, interviews=set(range(0, 300, 7)))
    chosen = select(pool)
    ordered = [c.document_id for c in in_hash_order(pool)]
    assert [a.document_id for a in chosen] == ordered[: len(chosen)]
    assert len(chosen) == ENTITY_GOLD
    full = [a for a in chosen if "coreference" in a.layers]
    double = [a for a in chosen if a.adjudicated]
    assert len(full) == FULL_GOLD and len(double) == DOUBLE
    assert [a.document_id for a in double] == ordered[:DOUBLE]
    assert all("coreference" in a.layers for a in double)
    assert all(set(a.layers) >= {"entities", "timex", "publication_date"} for a in chosen)


def test_adding_documents_never_moves_one_already_chosen_ahead_of_another():
    small, large = select(candidates(200)), select(candidates(400))
    kept = {a.document_id for a in large}
    order = [a.document_id for a in small if a.document_id in kept]
    assert order == [a.document_id for a in large if a.document_id in set(order)]


@pytest.mark.parametrize("interviews_in_50", [0, 2, 5])
def test_the_50_hold_at_least_five_interviews_taken_next_in_hash_order(interviews_in_50):
    pool = candidates(300)
    ordered = in_hash_order(pool)
    wanted = {c.document_id for c in ordered[DOUBLE : DOUBLE + interviews_in_50]}
    later = {c.document_id for c in ordered[FULL_GOLD + 10 :: 20]}  # interviews beyond the 50
    pool = [Candidate(c.document_id, c.document_id in wanted | later) for c in pool]
    chosen = select(pool)
    full = [a for a in chosen if "coreference" in a.layers]
    assert len(full) == FULL_GOLD
    assert sum(a.interview for a in full) == max(MIN_INTERVIEWS, interviews_in_50)
    replacements = [a for a in full if a.rank > FULL_GOLD]
    expected = [c.document_id for c in in_hash_order(pool)[FULL_GOLD:] if c.interview][
        : MIN_INTERVIEWS - interviews_in_50
    ]
    assert [a.document_id for a in replacements] == expected
    dropped = [a for a in chosen if a.rank <= FULL_GOLD and "coreference" not in a.layers]
    assert all(not a.interview for a in dropped)
    # The replaced are the last non-interviews of the 50, and stay gold in entities.
    last = [c.document_id for c in in_hash_order(pool)[DOUBLE:FULL_GOLD] if not c.interview][
        -len(expected) or len(pool) :
    ]
    assert sorted(a.document_id for a in dropped) == sorted(last if expected else [])


def test_an_interview_has_three_turn_paragraphs():
    paragraphs = [
        "Headline",
        "((WN)) What happened?",
        "((Jane Doe)) It rained.",
        "Then it stopped.",
        "((WN)) And then?",
    ]
    text = "\n\n".join(paragraphs)
    spans, offset = [], 0
    for paragraph in paragraphs:
        spans.append({"start": offset, "end": offset + len(paragraph)})
        offset += len(paragraph) + 2
    assert is_interview(text, spans)
    assert not is_interview(text, spans[:4])


def test_only_openly_licensed_wikinews_records_are_candidates(seed_record):
    assert not is_open_wikinews(seed_record)
    seed_record["source"] |= {"publisher": "Wikinews", "license": "CC BY 2.5"}
    seed_record["source"]["license_id"] = "CC-BY-2.5"
    assert is_open_wikinews(seed_record)


def test_the_queue_lists_wikinews_documents_with_what_they_need_and_have(corpus_copy, seed_record, make_pass, put_pass):
    wikinews = json.loads(json.dumps(seed_record))
    wikinews["id"] = "wikinews-a-test-article-00000000"
    wikinews["source"] |= {"publisher": "Wikinews", "license": "CC BY 2.5"}
    (corpus_copy / "corpus" / "records" / f"{wikinews['id']}.json").write_text(json.dumps(wikinews), encoding="utf-8")
    put_pass(corpus_copy, make_pass(wikinews, "A"))
    result = CliRunner().invoke(main, ["gold", "queue", "--root", str(corpus_copy), "--format", "json"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)  # the seed is not Wikinews
    assert (row["document_id"], row["rank"], row["needs_passes"], row["passes"]) == (
        wikinews["id"],
        1,
        ["A", "B"],
        ["A"],
    )
    assert row["adjudicated"] is False and "publication_date" in row["applied"]  # the seed's date is gold
