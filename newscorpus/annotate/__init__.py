"""Automatic annotators, one module per layer: timex, entities, quotes, coref; the runner applies them.

``convert`` runs them on every article for the layers that are not gold;
``newscorpus annotate`` runs them on records to produce predictions for
``newscorpus evaluate``. Quotations draw on ``cues`` (the lexicon),
``speakers`` (who a cue attributes to), ``reported`` (unquoted reported
speech) and ``interviews`` (Q/A turns). Timex draws on ``timex_rules`` (the
patterns and their values), ``timex_tense`` (whether a bare weekday or month
is ahead or past), ``timex_anchors`` (clock times and "the next day",
resolved against the narration), ``timex_speech`` (deixis in quotations and
interview turns), ``timex_vague`` (indefinite times: "one day", "years ago"),
``timex_fractions`` ("two and a half years", "the first half of 2019"),
``timex_extents`` (modifiers and joined pieces) and ``publication`` (the date
an article's opening lines give).
Coreference draws on ``clusters`` (clusters with what is known of each
referent), ``nominals`` (nominal mentions), ``headline_nouns`` (the
headline's bare nouns), ``name_variants`` (acronyms and shortened names),
``speaker_groups`` (a speaker's "we" as the organisation they speak for),
``bare_nouns`` (bare plurals: "Police said ...") and
``gender`` (number and gender agreement).
"""

from __future__ import annotations

from typing import Any

__all__ = ["AnnotateSettings", "Annotators", "corpus_annotators"]


def __getattr__(name: str) -> Any:
    """The runner's names, imported on first use: it loads spaCy, which `annotate --help` must not wait for."""
    if name in __all__:
        from newscorpus.annotate import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
