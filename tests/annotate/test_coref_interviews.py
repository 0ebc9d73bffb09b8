"""Coreference in interviews: "you" in an interviewer's question joins the person it addresses (guidelines 7.2)."""

from __future__ import annotations

from conftest import annotate, cluster_texts


def cluster_with(record: dict, text: str) -> list[str]:
    return next((cluster for cluster in cluster_texts(record) if text in cluster), [])


def test_you_in_questions_sent_by_email_joins_the_person_the_narration_named_last(annotators):
    body = (
        "Anna Berg paints portraits in Leeds. Wikinews spoke with Anna Berg by email.\n\n"
        "((WN)) What got you into painting?\n\n"
        "((WN)) Which painter do you admire?"
    )
    assert cluster_with(annotate(annotators, body), "Anna Berg").count("you") == 2


def test_you_in_a_question_by_an_interviewer_named_by_initials_joins_the_person_who_answers(annotators):
    body = (
        "Wikinews reporter Sam Lee interviewed candidate Jo Smith.\n\n"
        "((SL)) : Why did you run for office?\n\n"
        "((Jo Smith)) : I wanted to change things."
    )
    cluster = cluster_with(annotate(annotators, body), "Jo Smith")
    assert "you" in cluster
    assert "I" in cluster
