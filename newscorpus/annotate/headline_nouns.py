"""The headline's noun phrases, which news writes without determiners, as mentions of the body's referents.

A headline names the story's referents in a compressed style ("Block of
flats collapses in Aleppo", "Gunman opens fire in El Paso superstore",
"Hong Kong leader announces withdrawal of extradition bill"), and the
body then speaks of "a war-damaged five-storey block", "the gunman", "the
bill". The headline takes part in coreference (guidelines 3.3), so a
headline noun that heads a noun phrase of the body joins the cluster of the
first such phrase.

Without a tagger, a headline noun is a word that heads a determiner phrase
in the body; in a run of such words ("prop plane crash") only the last is a
head, the others modify it. Runs break at names, stops (prepositions,
verbs of saying, common verbs, function words) and punctuation.
"""

from __future__ import annotations

from newscorpus.annotate.clusters import Clusters
from newscorpus.annotate.mentions import Mention
from newscorpus.annotate.nominals import NominalFinder, is_referring_head


def _headline_runs(nominals: NominalFinder) -> list[list[int]]:
    """Runs of headline tokens that may form a noun phrase: no name, stop or punctuation inside."""
    article = nominals.article
    runs: list[list[int]] = [[]]
    for index in range(len(article)):
        if article.role_at(article.token_starts[index]) != "headline":
            continue
        token = article.token(index)
        breaks = not token.replace("-", "").isalnum() or nominals.word(index) in nominals.stops
        if breaks or nominals.is_name_token(index):
            runs.append([])
        else:
            runs[-1].append(index)
    return [run for run in runs if run]


def add_headline_nouns(clusters: Clusters, nominals: NominalFinder) -> None:
    """Headline nouns that head a body phrase join that phrase's cluster (its first phrase with the head)."""
    article = nominals.article
    first_body_phrase: dict[str, Mention] = {}
    for phrase in nominals.phrases:
        head = nominals.word(phrase.head)
        if article.role_at(article.token_starts[phrase.first]) == "body" and is_referring_head(head):
            first_body_phrase.setdefault(head, phrase.mention())
    phrase_words = {nominals.word(i) for p in nominals.phrases for i in range(p.first + 1, p.end)}
    for run in _headline_runs(nominals):
        for position, index in enumerate(run):
            later = run[position + 1] if position + 1 < len(run) else None
            if nominals.word(index) not in first_body_phrase:
                continue
            if later is not None and nominals.word(later) in first_body_phrase:
                continue  # "plane" in "prop plane crash" modifies the head
            # The phrase reaches back over words the body uses inside noun phrases, not over a verb ("renames ship").
            start = position
            while start > 0 and nominals.word(run[start - 1]) in phrase_words:
                start -= 1
            cluster = clusters.of(first_body_phrase[nominals.word(index)])
            if cluster is not None and not clusters.covers(run[start], index + 1):
                clusters.add(Mention(run[start], index + 1, "nominal"), cluster)
