"""The NER model's context features: capitalised runs and their head words, acronyms, credit words."""

from __future__ import annotations

from newscorpus.annotate.article import Article
from newscorpus.annotate.ner_context import capitalised_runs, context_features, credit_word_tokens, is_acronym
from newscorpus.convert.segment import segment_paragraph


def _article(text: str, role: str = "body") -> Article:
    segmentation = segment_paragraph(text, 0)
    return Article(
        id="t",
        text=text,
        token_starts=segmentation.token_starts,
        token_ends=segmentation.token_ends,
        sentence_starts=segmentation.sentence_starts,
        sentence_ends=segmentation.sentence_ends,
        paragraph_starts=[0],
        paragraph_ends=[len(text)],
        paragraph_roles=[role],
        published=None,
    )


def _features_of(text: str, word: str, role: str = "body") -> list[str]:
    article = _article(text, role)
    words = article.tokens()
    return context_features(article, words)[words.index(word)]


def test_a_nationality_before_an_organisation_carries_the_organisations_head():
    features = _features_of("Officials of the Greek Ministry of Culture said so.", "Greek")
    assert "run_head=ministry" in features
    assert "run_last=culture" in features
    assert "run_place=B" in features


def test_every_word_of_a_run_carries_its_head_word():
    text = "The launch was watched from the Kennedy Space Center on Friday."
    article = _article(text)
    words = article.tokens()
    features = context_features(article, words)
    for word in ("Kennedy", "Space", "Center"):
        assert "run_head=center" in features[words.index(word)], word
    assert not any(f.startswith("run_head") for f in features[words.index("launch")])


def test_headline_runs_say_nothing():
    assert not any(f.startswith("run_") for f in _features_of("Kennedy Space Center Opens Doors", "Space", "headline"))


def test_an_acronym_spelled_out_in_the_article_takes_the_long_names_head():
    text = "The Environmental Protection Agency acted. Later the EPA said it would appeal. The ABC agreed."
    assert {"acronym", "acronym_spelled_out", "acronym_head=agency"} <= set(_features_of(text, "EPA"))
    abc = _features_of(text, "ABC")
    assert "acronym" in abc and "acronym_spelled_out" not in abc


def test_a_tail_of_a_run_may_be_spelled_out():
    text = "He worked for the former Central Intelligence Agency for years. The CIA denied it."
    assert "acronym_head=agency" in _features_of(text, "CIA")


def test_acronyms_are_capitals_not_single_letters():
    assert [is_acronym(w) for w in ("NASA", "U.S.", "AT&T", "NGOs", "I", "A.", "Nasa")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_a_credit_word_ends_the_name_before_it():
    text = "AIP Vice Chairman Mark Seidenberg Image: AIP."
    article = _article(text, "caption")
    words = article.tokens()
    image = words.index("Image")
    assert credit_word_tokens(article, words) == frozenset({image})
    runs = capitalised_runs(article, words, frozenset({image}))
    assert all(not (run.first <= image < run.stop) for run in runs)
    assert any(words[run.stop - 1] == "Seidenberg" for run in runs)
    features = context_features(article, words)
    assert "credit_word" in features[image]
    assert "after_credit_word" in features[image + 2]  # the first word of the credit, after the colon


def test_runs_join_connectors_and_glued_hyphens_but_stop_at_the_sentence():
    text = "Bashar al-Assad met the Bank of England. Jean-Pierre Dupont left."
    article = _article(text)
    words = article.tokens()
    runs = {" ".join(words[run.first : run.stop]) for run in capitalised_runs(article, words, frozenset())}
    assert "Bank of England" in runs
    assert "Jean - Pierre Dupont" in runs
    assert not any("England" in run and "Jean" in run for run in runs)
