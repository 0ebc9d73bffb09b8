"""The quotation annotator with quotations of several sentences, as the sentence splitter now splits them."""

from __future__ import annotations

from conftest import annotate, quotes


def test_an_attribution_inside_a_quotation_of_several_sentences_is_found_once(annotators):
    record = annotate(
        annotators,
        'Tom Baker was calm. "We won the match. Our coach said the team was ready. It was a great day," he said.',
    )
    assert quotes(record) == [
        ("direct", '"We won the match. Our coach said the team was ready. It was a great day,"', "said", "he"),
        ("indirect", "the team was ready", "said", "Our coach"),
    ]
