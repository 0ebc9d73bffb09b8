"""When two names of organisations, places or things are written forms of one referent.

News writes one organisation or place several ways: in full ("United
States House of Representatives"), with part of it as an acronym ("US House
of Representatives", "116th U.S. Congress"), as an acronym alone ("US",
which a headline often gives before the body spells it out), or shortened
to its last words ("the Supreme Court" after "the US Supreme Court", "the
Centre" after "the Toronto Congress Centre"). People are left to the
surname rule of coreference: a person's shortened name is the surname, not
any last words.

Only a shortening that keeps the name's last word counts: dropping the
last words changes what the name names ("Metropolitan Police" is not the
"Metropolitan Police Counter Terrorism Command"), unless what is dropped is
a mere type word ("Eastern Shoshone" for the "Eastern Shoshone Tribe").
"""

from __future__ import annotations

from collections.abc import Sequence

from newscorpus.annotate.words import word_list

# Words that only say what kind of thing a name is: "Tribe", "Inc", "Corporation".
TYPE_WORDS = word_list("name_type_words")


def name_words(tokens: Sequence[str]) -> tuple[str, ...]:
    """A name's words for comparison: lowercase, dots dropped ("U.S." -> "us")."""
    return tuple(w for w in (t.lower().replace(".", "") for t in tokens) if w)


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def acronym_of(tokens: Sequence[str]) -> str:
    """The initials of a name of several capitalised words ("United States" -> "us"), else ""."""
    capitalised = [t for t in tokens if t[:1].isupper()]
    return _initials(tokens).lower() if len(capitalised) > 1 else ""


def _compressions(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    """The name with one run of two or more capitalised words written as its initials, every way."""
    found = set()
    for start in range(len(tokens)):
        for end in range(start + 2, len(tokens) + 1):
            run = tokens[start:end]
            if not all(t[:1].isupper() for t in run):
                break
            found.add((*name_words(tokens[:start]), _initials(run).lower(), *name_words(tokens[end:])))
    return found


def same_name(shorter: Sequence[str], longer: Sequence[str]) -> bool:
    """Whether ``shorter`` is ``longer`` written with an acronym, or its acronym, or shortened to its last words.

    Both are the tokens of a name of one entity type other than a person's.
    """
    short, long = name_words(shorter), name_words(longer)
    if not short or not long:
        return False
    if short == long:
        return True
    forms = {long} | _compressions(longer)
    if len(short) == 1 and short[0] == acronym_of(longer):
        return True
    if short in forms:
        return True
    for form in forms:
        if len(short) < len(form) and form[-len(short) :] == short:
            return True
        tail = form[len(short) :]
        if len(short) < len(form) and form[: len(short)] == short and all(w in TYPE_WORDS for w in tail):
            return True
    return False
