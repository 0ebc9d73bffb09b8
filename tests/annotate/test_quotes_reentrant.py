"""The quotation annotator keeps nothing of one article while it annotates another: it is reentrant."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import annotate

from newscorpus.annotate import quotes as quotes_module
from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import load_cues
from newscorpus.annotate.mentions import MentionFinder
from newscorpus.annotate.quotes import Attribution, QuoteAnnotator

INTERVIEW = (
    '((WN))  On your website, you wrote "Melbourne is too precious to be a test lab." Why?\n\n'
    '((Jane Doe))  I think the city deserves better. "We will not be a test lab," I told the council.\n\n'
    "((WN))  You said the plan failed.\n\n((Jane Doe))  It did, and the council admitted that it failed."
)
NEWS = 'The mayor said the bridge would reopen in May. "It is safe," she added.'


def _article_and_finder(record: dict[str, Any]) -> tuple[Article, MentionFinder]:
    article = Article.from_record(record)
    entities = [(e["start"], e["end"], e["label"]) for e in record["layers"]["entities"]["items"]]
    return article, MentionFinder(article, entities)


@pytest.fixture(scope="module")
def articles(annotators) -> dict[str, tuple[Article, MentionFinder]]:
    return {
        name: _article_and_finder(annotate(annotators, body))
        for name, body in (("interview", INTERVIEW), ("news", NEWS))
    }


def _fresh(article: Article, finder: MentionFinder) -> list[Attribution]:
    return QuoteAnnotator(load_cues()).annotate(article, finder)


def test_one_annotator_on_two_articles_gives_what_fresh_annotators_give(articles):
    annotator = QuoteAnnotator(load_cues())
    interview, news = articles["interview"], articles["news"]
    expected = {"interview": _fresh(*interview), "news": _fresh(*news)}
    assert any(a.cue is None for a in expected["interview"])  # the interview's turns are found
    for name in ("interview", "news", "interview", "news"):
        assert annotator.annotate(*articles[name]) == expected[name]


def test_an_article_annotated_in_the_middle_of_another_changes_neither(articles, monkeypatch):
    """Interleaved: while the interview is being annotated, the same annotator annotates the news article."""
    annotator = QuoteAnnotator(load_cues())
    interview, news = articles["interview"], articles["news"]
    expected_interview, expected_news = _fresh(*interview), _fresh(*news)
    original = quotes_module.closes_sentence
    inner: list[list[Attribution]] = []

    def closes_sentence_and_interleave(article: Article, *args: Any) -> bool:
        if article is interview[0] and not inner:
            inner.append(annotator.annotate(*news))
        return original(article, *args)

    monkeypatch.setattr(quotes_module, "closes_sentence", closes_sentence_and_interleave)
    assert annotator.annotate(*interview) == expected_interview
    assert inner == [expected_news]
