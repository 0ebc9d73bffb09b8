"""Reports in other grammatical shapes: passives with a named agent, verbs of accusing, restrictive relatives."""

from __future__ import annotations

from conftest import annotate, quotes


def test_a_passive_with_a_named_agent_reports_its_subject_and_the_agent_is_the_source(annotators):
    denied = annotate(annotators, "The charge was denied by Irma Tchkadua, his lawyer.")
    assert quotes(denied) == [("indirect", "The charge", "denied", "Irma Tchkadua")]
    strongly = annotate(annotators, "The allegations against the minister were strongly denied by the government.")
    assert quotes(strongly) == [("indirect", "The allegations against the minister", "denied", "the government")]


def test_a_passive_with_that_after_the_agent_reports_the_clause(annotators):
    body = "Reporters were told by the mayor that the bridge would reopen in May."
    assert quotes(annotate(annotators, body)) == [("indirect", "the bridge would reopen in May", "told", "the mayor")]


def test_a_passive_of_a_verb_that_takes_no_message_or_without_an_agent_is_no_report(annotators):
    assert quotes(annotate(annotators, "The bill was passed by the Senate on Monday.")) == []
    assert quotes(annotate(annotators, "The charge was denied on Monday.")) == []
    assert quotes(annotate(annotators, "It was denied by the government.")) == []


def test_a_verb_of_accusing_takes_its_object_and_what_it_is_accused_of(annotators):
    body = "The first article cited abuse of power, and the second accused him of obstruction of Congress."
    assert ("indirect", "him of obstruction of Congress", "accused", "the second") in quotes(annotate(annotators, body))
    # Guidelines 4.3: the content of "blame" is its object and the blamed party.
    blame = annotate(annotators, "However he has since changed his rhetoric to blame protests on provocateurs.")
    assert quotes(blame) == [("indirect", "protests on provocateurs", "blame", "he")]


def test_accusing_needs_its_own_preposition_a_finite_verb_and_stops_before_a_coordinated_verb(annotators):
    assert quotes(annotate(annotators, "The shop blamed customers after the fire.")) == []
    assert quotes(annotate(annotators, "He was accused of murder.")) == []
    assert quotes(annotate(annotators, "Police charged the suspect with murder.")) == []  # a legal act, no claim
    gerund = annotate(annotators, "Ebrard said Mexico would consider blaming the gunman for the attack.")
    assert [q[2] for q in quotes(gerund)] == ["said"]
    body = "Prosecutors accused him of fraud and would seek a long sentence."
    assert quotes(annotate(annotators, body)) == [("indirect", "him of fraud", "accused", "Prosecutors")]


def test_a_restrictive_who_clause_reports_for_its_noun_and_ends_before_the_main_verb(annotators):
    body = (
        "The call came after Belarus leader who claims to have won a disputed election on Sunday said he "
        "needed to contact Moscow."
    )
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "to have won a disputed election on Sunday", "claims", "Belarus leader"),
        ("indirect", "he needed to contact Moscow", "said", "Belarus leader"),
    ]
    officials = annotate(annotators, "Officials who said the dam was safe were fired on Monday.")
    assert quotes(officials) == [("indirect", "the dam was safe", "said", "Officials")]


def test_who_after_an_adjective_or_a_verb_opens_an_indirect_question_that_reports_nothing(annotators):
    assert quotes(annotate(annotators, "It is unclear who said the plan had failed.")) == []


def test_a_passive_subject_holding_a_verb_is_no_noun_phrase(annotators):
    assert (
        quotes(annotate(annotators, "The excerpts, which are only the dispatcher's words were reported by CNN.")) == []
    )
