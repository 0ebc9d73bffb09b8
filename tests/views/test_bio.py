"""Training views: BIO round trip, CoNLL-2003 mapping, quotes and coreference rows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscorpus.labels import CONLL2003_LABELS, ENTITY_LABELS, ONTONOTES_TO_CONLL2003
from newscorpus.views.bio import bio_to_spans, spans_to_bio
from newscorpus.views.coref import coref_rows
from newscorpus.views.ner import conll2003_rows, ontonotes_rows
from newscorpus.views.quotes import quotes_rows


def test_ner_rows_give_back_the_gold_entity_spans_exactly(seed_record):
    recovered = set()
    for row in ontonotes_rows(seed_record):
        spans = list(zip(row["token_starts"], row["token_ends"], strict=True))
        recovered |= set(bio_to_spans(spans, row["ner_tags"]))
    gold = {(e["start"], e["end"], e["label"]) for e in seed_record["layers"]["entities"]["items"]}
    assert recovered == gold


def test_ner_rows_cover_every_token_once(seed_record):
    rows = list(ontonotes_rows(seed_record))
    assert sum(len(r["tokens"]) for r in rows) == len(seed_record["layers"]["tokens"]["starts"])
    assert [r["sentence_index"] for r in rows] == list(range(len(seed_record["layers"]["sentences"]["starts"])))


def test_conll2003_mapping_covers_every_ontonotes_label():
    assert set(ONTONOTES_TO_CONLL2003) == set(ENTITY_LABELS)
    assert set(v for v in ONTONOTES_TO_CONLL2003.values() if v) == set(CONLL2003_LABELS)


def test_conll2003_rows_agree_with_ontonotes_rows_token_for_token(seed_record):
    for onto, conll in zip(ontonotes_rows(seed_record), conll2003_rows(seed_record), strict=True):
        assert onto["tokens"] == conll["tokens"]
        for onto_tag, conll_tag in zip(onto["ner_tags"], conll["ner_tags"], strict=True):
            mapped = ONTONOTES_TO_CONLL2003.get(onto_tag[2:]) if onto_tag != "O" else None
            assert conll_tag == ("O" if mapped is None else f"{onto_tag[:2]}{mapped}")


@st.composite
def _tokens_and_entities(draw):
    count = draw(st.integers(1, 30))
    spans = [(i * 3, i * 3 + 2) for i in range(count)]
    entities, index = [], 0
    while index < count:
        if draw(st.booleans()):
            length = draw(st.integers(1, min(4, count - index)))
            label = draw(st.sampled_from(ENTITY_LABELS))
            entities.append((spans[index][0], spans[index + length - 1][1], label))
            index += length
        else:
            index += 1
    return spans, entities


@given(_tokens_and_entities())
def test_bio_round_trips_any_flat_entity_set(case):
    spans, entities = case
    assert bio_to_spans(spans, spans_to_bio(spans, entities)) == entities


def test_quotes_rows_link_sources_to_clusters(seed_record):
    rows = list(quotes_rows(seed_record))
    assert len(rows) == len(seed_record["layers"]["quotations"]["items"])
    text = seed_record["text"]
    for row in rows:
        assert text[row["content"]["start"] : row["content"]["end"]] == row["content"]["text"]
        assert row["sentence_indices"], row["quote_id"]
    pronoun_sources = [r for r in rows if r["source"] and r["source"]["text"] == "It"]
    assert pronoun_sources and all(r["source"]["cluster"] for r in pronoun_sources)


def test_coref_clusters_are_token_spans_of_the_mentions(seed_record):
    (row,) = coref_rows(seed_record)
    token_ends = seed_record["layers"]["tokens"]["ends"]
    clusters = seed_record["layers"]["coreference"]["items"]
    assert row["cluster_ids"] == [cluster["id"] for cluster in clusters]
    for cluster, token_spans in zip(clusters, row["clusters"], strict=True):
        for mention, (first, last) in zip(cluster["mentions"], token_spans, strict=True):
            assert (row["token_starts"][first], token_ends[last]) == (mention["start"], mention["end"])


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["I-ORG", "I-ORG"], [(0, 3, "ORG")]),
        (["B-ORG", "I-GPE"], [(0, 1, "ORG"), (2, 3, "GPE")]),
        (["O", "I-PERSON"], [(2, 3, "PERSON")]),
        (["B-ORG", "B-ORG"], [(0, 1, "ORG"), (2, 3, "ORG")]),
    ],
)
def test_stray_inside_tags_start_a_new_span(tags, expected):
    assert bio_to_spans([(0, 1), (2, 3)], tags) == expected
