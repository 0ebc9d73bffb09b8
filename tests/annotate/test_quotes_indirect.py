"""Indirect speech and the quote classes of the external check: subjects, clause ends, nesting, naming, frames."""

from __future__ import annotations

from conftest import annotate, quotes

from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import load_cues
from newscorpus.annotate.mentions import MentionFinder
from newscorpus.annotate.quotes import QuoteAnnotator


def test_a_subject_with_an_apposition_between_it_and_the_verb_is_the_source(annotators):
    body = "Tom Baker, a spokesman for the city council, said the bridge would reopen in May."
    assert quotes(annotate(annotators, body)) == [("indirect", "the bridge would reopen in May", "said", "Tom Baker")]


def test_the_addressee_of_told_is_not_part_of_the_content(annotators):
    body = "Jane Doe told reporters she would not resign."
    assert quotes(annotate(annotators, body)) == [("indirect", "she would not resign", "told", "Jane Doe")]


def test_a_coordinated_cue_ends_the_first_clause_and_shares_its_source(annotators):
    body = "Tom Baker said the money was spent on roads but denied that he had signed the contract."
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "the money was spent on roads", "said", "Tom Baker"),
        ("indirect", "he had signed the contract", "denied", "Tom Baker"),
    ]


def test_a_participial_cue_after_a_comma_takes_the_main_clause_subject(annotators):
    body = "Tom Baker left the meeting early, saying the talks had failed."
    assert quotes(annotate(annotators, body)) == [("indirect", "the talks had failed", "saying", "Tom Baker")]


def test_a_reporting_verb_before_a_clause_is_a_cue_and_before_an_object_is_not(annotators):
    clause = annotate(annotators, "Jane Doe indicated the injuries were minor.")
    assert quotes(clause) == [("indirect", "the injuries were minor", "indicated", "Jane Doe")]
    assert quotes(annotate(annotators, "Jane Doe found a wallet in the park.")) == []


def test_a_to_infinitive_is_content_only_after_cues_that_take_one(annotators):
    agreed = annotate(annotators, "Jane Doe agreed to add two members to the council.")
    assert quotes(agreed) == [("indirect", "to add two members to the council", "agreed", "Jane Doe")]
    assert quotes(annotate(annotators, "Jane Doe stressed to the council the need for new roads.")) == []


def test_a_clause_reported_inside_a_quote_is_a_nested_indirect_attribution(annotators):
    body = '"The season was long. I think we can still win the cup," Tom Baker said.'
    assert quotes(annotate(annotators, body)) == [
        ("direct", '"The season was long. I think we can still win the cup,"', "said", "Tom Baker"),
        ("indirect", "we can still win the cup", "think", "I"),
    ]


def test_who_after_a_comma_gives_its_antecedent_as_the_source(annotators):
    body = "The road was closed, according to the police, who said two cars had collided."
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "The road was closed", "according to", "the police"),
        ("indirect", "two cars had collided", "said", "the police"),
    ]


def test_a_passive_cue_has_no_source_of_its_own(annotators):
    assert quotes(annotate(annotators, "The workers were told the factory would close.")) == []


def test_a_capitalised_word_is_not_a_cue(annotators):
    assert quotes(annotate(annotators, "The Senate States Committee met on Monday.")) == []


def test_a_quote_closed_before_a_comma_is_direct_after_a_frame_with_a_cue(annotators):
    body = 'Tom Baker said, "We will build the road", adding, "It will take a year".'
    assert quotes(annotate(annotators, body)) == [
        ("direct", '"We will build the road"', "said", "Tom Baker"),
        ("direct", '"It will take a year"', "adding", "Tom Baker"),
    ]


def test_a_long_frame_after_a_quote_does_not_pull_the_speaker_into_the_content(annotators):
    body = (
        '"The ban is unlawful," the director of the regional office of the rights group, Jane Doe, said in a statement.'
    )
    [(kind, content, cue, _)] = quotes(annotate(annotators, body))
    assert (kind, content, cue) == ("direct", '"The ban is unlawful,"', "said")


def test_a_paragraph_ending_x_stated_and_a_comma_frames_the_next_paragraphs_quote(annotators):
    body = 'Tom Baker, the mayor, stated,\n\n"The roads will be closed until Monday."'
    assert quotes(annotate(annotators, body)) == [
        ("direct", '"The roads will be closed until Monday."', "stated", "Tom Baker")
    ]


def test_according_to_a_place_and_a_person_gives_the_person(annotators):
    body = "According to the Denver mayor, Tom Baker, the schools will stay closed."
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "the schools will stay closed", "According to", "Tom Baker")
    ]


def test_a_naming_cue_gives_the_quoted_name_and_after_a_noun_names_a_term(annotators):
    named = annotate(annotators, 'Tom Baker called the mayor a "decent man" but did not endorse him.')
    assert quotes(named) == [("mixed", 'a "decent man"', "called", "Tom Baker")]
    assert quotes(annotate(annotators, 'They played a song called "Rain Again" at the end.')) == []


def test_a_quote_without_any_source_is_not_kept(annotators):
    assert quotes(annotate(annotators, 'The comments said "no" to everything.')) == []


def test_the_reporters_own_participle_clause_is_not_reported_content(annotators):
    body = "Tom Baker said the court had ruled against the city, reversing a decision of 2019."
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "the court had ruled against the city", "said", "Tom Baker")
    ]


def test_a_later_clause_has_its_own_subject(annotators):
    body = "The talks went on all night, and the mediator told reporters no deal was in sight."
    assert quotes(annotate(annotators, body)) == [("indirect", "no deal was in sight", "told", "the mediator")]


def test_reported_speech_before_a_quote_in_the_same_sentence_is_found(annotators):
    body = 'Tom Baker stated the trial would not be fair, citing "a partisan outcome" in the Senate.'
    assert quotes(annotate(annotators, body))[0] == ("indirect", "the trial would not be fair", "stated", "Tom Baker")


def test_a_closing_frame_may_end_with_any_verb_of_saying_but_an_inverted_one_must_end_with_its_source(annotators):
    reads = annotate(annotators, "Only the council may raise the tax, the motion reads.")
    assert quotes(reads) == [("indirect", "Only the council may raise the tax", "reads", "the motion")]
    asking = annotate(annotators, "The court sent the case to Brussels, asking for advice on the law.")
    assert quotes(asking) == []


def test_an_addressee_followed_by_an_object_is_no_reported_clause(annotators):
    body = '"I can tell you one thing about him: he works hard," Tom Baker said.'
    assert quotes(annotate(annotators, body)) == [
        ("direct", '"I can tell you one thing about him: he works hard,"', "said", "Tom Baker")
    ]


def test_a_participle_after_when_has_no_subject_and_with_ends_a_reported_clause(annotators):
    when = annotate(annotators, "When announcing the plan on Monday, the mayor was cheered by the crowd.")
    assert quotes(when) == []
    body = "Tom Baker said the bridge had collapsed, with witnesses reporting many cars in the river."
    assert quotes(annotate(annotators, body))[0] == ("indirect", "the bridge had collapsed", "said", "Tom Baker")


def test_an_inverted_frame_names_the_person_not_the_place_before_the_title(annotators):
    body = '"The law is clear," said London Mayor Tom Baker.'
    assert quotes(annotate(annotators, body)) == [("direct", '"The law is clear,"', "said", "Tom Baker")]


def test_a_mixed_quote_never_runs_on_into_a_frame_or_a_speaker_after_its_closing_mark(annotators):
    body = 'Police said the men were "armed and dangerous" and urged residents to stay home.'
    assert quotes(annotate(annotators, body))[0] == ("mixed", 'the men were "armed and dangerous"', "said", "Police")
    body = 'Officials said the men were "seen running from the scene" Tom Baker of the city police said.'
    assert quotes(annotate(annotators, body))[0][1] == 'the men were "seen running from the scene"'


def test_a_noun_of_saying_with_a_possessor_or_a_light_verb_subject_is_a_nominal_attribution(annotators):
    demands = annotate(
        annotators, "The mayor did not accept the protesters' demands for a new inquiry into the police."
    )
    assert quotes(demands) == [("indirect", "a new inquiry into the police", "demands", "the protesters")]
    claim = annotate(annotators, "The Kremlin issued an embarrassing claim on Tuesday that the men were mercenaries.")
    assert quotes(claim) == [("indirect", "the men were mercenaries", "claim", "Kremlin")]
    assert quotes(annotate(annotators, "The claim was rejected by the court in May.")) == []


def test_a_description_closing_the_sentence_is_left_out_and_an_apposition_is_kept(annotators):
    described = annotate(annotators, "Tom Baker said the men were fighters for Wagner, a private army of the state.")
    assert quotes(described) == [("indirect", "the men were fighters for Wagner", "said", "Tom Baker")]
    apposition = annotate(annotators, "Officials said the plane, a small Beechcraft, was flying to Denver.")
    assert quotes(apposition) == [
        ("indirect", "the plane, a small Beechcraft, was flying to Denver", "said", "Officials")
    ]


def test_a_quote_inside_a_quote_framed_by_a_cue_is_a_nested_direct_quotation(annotators):
    body = "\"Many people would ask me, 'Is the mayor really ill?' I never answered,\" Tom Baker said."
    assert quotes(annotate(annotators, body))[1] == ("direct", "'Is the mayor really ill?'", "ask", "Many people")
    plain = annotate(annotators, "\"I heard him shout 'run' twice,\" the guard said.")
    assert len(quotes(plain)) == 1


def test_a_dash_ends_a_reported_clause_and_a_parenthetical_cue_reports_nothing(annotators):
    body = '"I always said I was like those dolls \u2014 you know, they come back up," Tom Baker said.'
    found = quotes(annotate(annotators, body))
    assert ("indirect", "I was like those dolls", "said", "I") in found
    assert [q for q in found if q[2] == "know"] == []


def test_according_to_closing_a_sentence_without_a_comma_and_beside_a_quote(annotators):
    plain = annotate(annotators, "The game was a hard match according to Tom Baker.")
    assert quotes(plain) == [("indirect", "The game was a hard match", "according to", "Tom Baker")]
    body = 'According to Tom Baker, the law could help the case: "The key factor is intent."'
    assert ("indirect", "the law could help the case", "According to", "Tom Baker") in quotes(
        annotate(annotators, body)
    )


def test_a_mixed_quote_after_according_to_starts_after_the_source(annotators):
    body = 'According to Tom Baker, the law was "a failure from the start" in every way.'
    assert quotes(annotate(annotators, body)) == [
        ("mixed", 'the law was "a failure from the start" in every way', "According to", "Tom Baker")
    ]


def test_a_title_in_quotation_marks_is_no_quotation(annotators):
    record = annotate(annotators, 'Tom Baker wrote "The Long Walk Home" in 1990.')
    article = Article.from_record(record)
    text = record["text"]
    title = text.index("The Long Walk Home")
    person = text.index("Tom Baker")
    entities = [(person, person + len("Tom Baker"), "PERSON")]
    as_title = MentionFinder(article, [*entities, (title, title + len("The Long Walk Home"), "WORK_OF_ART")])
    annotator = QuoteAnnotator(load_cues())
    assert annotator.annotate(article, as_title) == []
    assert len(annotator.annotate(article, MentionFinder(article, entities))) == 1


def test_a_named_addressee_is_skipped_and_alone_is_no_content(annotators):
    told = annotate(annotators, "Tom Baker left early, telling the Denver Post he was tired.")
    assert quotes(told) == [("indirect", "he was tired", "telling", "Tom Baker")]
    assert quotes(annotate(annotators, "Tom Baker spoke on Monday, telling the Denver Post.")) == []


def test_an_ing_cue_after_a_noun_is_a_noun_and_a_nominal_source_stops_at_its_verb(annotators):
    body = "The agency has issued a flood warning covering the coast from Gulfport to the border."
    assert quotes(annotate(annotators, body)) == []
    arrived = annotate(annotators, "We turned up here knowing we would be in for a battle, Tom Baker said.")
    assert ("indirect", "we would be in for a battle", "knowing", "We") in quotes(arrived)


def test_a_predicative_cue_reports_its_object_and_what_it_is_said_to_be(annotators):
    body = "Tom Baker characterized the attack as an act of terror against the city."
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "the attack as an act of terror against the city", "characterized", "Tom Baker")
    ]
    assert quotes(annotate(annotators, "Police described the scene in detail.")) == []


def test_a_finite_verb_after_a_subordinator_does_not_make_an_object_a_clause(annotators):
    body = "The council fought the emergency Tom Baker declared last Friday so he could build the wall."
    assert quotes(annotate(annotators, body)) == []


def test_the_subject_of_a_cue_after_a_subordinator_is_sought_after_it(annotators):
    body = "This system did strike us as interesting because we thought it was binary."
    assert quotes(annotate(annotators, body)) == [("indirect", "it was binary", "thought", "we")]
    # A fronted subordinate clause ends at its comma.
    fronted = annotate(annotators, "Although officials said the dam was safe, residents fled.")
    assert quotes(fronted) == [("indirect", "the dam was safe", "said", "officials")]


def test_that_before_a_finite_verb_is_the_reported_clause_s_subject(annotators):
    body = "No, I think that was fine, thank you."
    assert [q[1] for q in quotes(annotate(annotators, body))] == ["that was fine, thank you"]


def test_a_cue_in_a_free_relative_attributes_nothing(annotators):
    assert quotes(annotate(annotators, "How we concluded it is a black hole is simple.")) == []


def test_a_relative_clause_inside_the_reported_subject_stays_in_the_content(annotators):
    body = "Troy Roberts said the road itself, which is straight in the vicinity, will reopen soon."
    expected = (
        "indirect",
        "the road itself, which is straight in the vicinity, will reopen soon",
        "said",
        "Troy Roberts",
    )
    assert quotes(annotate(annotators, body)) == [expected]
    # After the clause's verb, a relative clause is the reporter's description and stays out (guidelines 4.3).
    closing = annotate(annotators, "Russia stressed that it supports Belarus, which is formally a union state.")
    assert [q[1] for q in quotes(closing)] == ["it supports Belarus"]


def test_a_possessive_s_is_no_finite_verb_so_a_verb_of_finding_takes_no_object(annotators):
    assert quotes(annotate(annotators, "Doctors found Novichok in Navalny's blood.")) == []
    assert [q[1] for q in quotes(annotate(annotators, "Doctors found it's rare."))] == ["it's rare"]


def test_a_verb_of_opinion_after_i_or_we_reports_the_clause_that_follows(annotators):
    body = '"We believe the council made mistakes," she said.'
    assert ("indirect", "the council made mistakes", "believe", "We") in quotes(annotate(annotators, body))
    # Not before a preposition or an object pronoun, and not after a third person: "Police believe the man".
    for body in ('"I think about it every day," she said.', '"I believe him," she said.', "Police believe the man."):
        assert [q[0] for q in quotes(annotate(annotators, body))] in ([], ["direct"])
