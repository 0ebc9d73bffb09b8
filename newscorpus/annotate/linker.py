"""Entity links to Wikidata, precision first: a name is linked only when the knowledge base leaves no doubt.

Three steps, each over the document's names (an entity's normalised text and
type, ``knowledge_base.normalise_name``), so that one name and type get one
QID throughout a document, as the guidelines require:

1. **Look-up.** A name whose normalised form and type point at exactly one
   QID of the knowledge base is linked. A name with two or more QIDs is
   ambiguous and stays unlinked. Two kinds of names are never linked by
   look-up, because their referent depends on the document: a PERSON name
   of one word (across documents "Johnson" is many people), and a generic
   institution name, made only of words like "supreme", "court", "senate",
   "ministry" ("the Supreme Court" of whichever country the article is
   about; ``generic_institution_words`` and ``org_heads`` in words.toml).
   Both are linked only by steps 2 and 3.
2. **Within the document, by name.** A one-word PERSON name that is the
   last word of exactly one linked full name of the document gets that
   name's QID ("Putin" after "Vladimir Putin"); an acronym that spells the
   initials of exactly one linked name of the same type gets its QID
   ("WHO" after "World Health Organization").
3. **Within the document, by coreference.** An unlinked name whose every
   coreference cluster holds linked entities of its own type with one QID
   between them gets it, unless the knowledge base holds the name with
   other QIDs only.

A name whose steps propose different QIDs stays unlinked. Two guards keep
the NER model's span and type errors from becoming wrong QIDs:

* **A name the document gives several types** ("Georgia" a GPE here and an
  ORG there) is linked under none of them: the type that chooses the QID is
  in doubt.
* **A mention inside a larger capitalised run** is not linked (given the
  text): a capitalised word joined to it by a space or a dash that is no
  title or function word means the entity was cut out of a longer name
  ("Toronto" in "Toronto Congress Centre", "Australia" in "Sustainable
  Australia", "Mexico" in "U.S.-Mexico"). A neighbour in another entity counts
  only when joined by a dash: "U.S. Libertarian Party" and "Republican Kevin
  McCarthy" are a modifier and a name. In a title-case line capitalisation
  tells nothing and the guard does not apply. Other mentions of the same name
  are linked as before.

Dates and numbers are never linked. Links carry ``auto`` provenance naming the knowledge
base's version, and a note saying which step made them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newscorpus import __version__
from newscorpus.annotate.knowledge_base import LINKABLE_TYPES, KnowledgeBase, normalise_name
from newscorpus.annotate.words import word_list
from newscorpus.record.provenance import auto, layer_of

TOOL = "newscorpus.annotate.linker"
Name = tuple[str, str]  # normalised text, entity type
# Words left out of an acronym's initials ("WHO" for "World Health Organization", "UN" for "the United Nations").
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "de", "&"})
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}")
# A capitalised word as it can sit beside a name: "Congress", "U.S.", "O'Brien"; the joint is a space or a dash.
_CAPITALISED = r"[A-Z][\w'&]*(?:\.[\w'&]+)*\.?"
_WORD_BEFORE = re.compile(rf"(?:^|[\s(\"\u201c\u2018'])({_CAPITALISED})( |[-\u2013\u2014])$")
_WORD_AFTER = re.compile(rf"( |[-\u2013\u2014])({_CAPITALISED})")
_POSSESSIVE_END = re.compile(r"(?:'s|\u2019s|s')$")
_LINE_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def _initials(normalised: str) -> str:
    return "".join(word[0] for word in normalised.replace("-", " ").split() if word not in _MINOR_WORDS)


def _is_single_word(normalised: str) -> bool:
    return " " not in normalised and "-" not in normalised


def _is_generic_institution(normalised: str) -> bool:
    """Whether the name is made only of generic institution words and function words ("supreme court")."""
    generic = word_list("generic_institution_words") | word_list("org_heads") | _MINOR_WORDS
    return all(word in generic for word in normalised.replace("-", " ").split())


def _neighbour_words(text: str, start: int, end: int) -> list[tuple[str, bool, int, int]]:
    """The capitalised words joined to ``text[start:end]``: (word, joined by a dash, start, end)."""
    found = []
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if before:
        word = before.group(1)
        # A sentence's last word ("the Senate. Republicans") or a possessive ("Britain's Boris Johnson") ends a name.
        ends_sentence = word.endswith(".") and "." not in word[:-1]
        if not ends_sentence and not _POSSESSIVE_END.search(word):
            found.append((word, before.group(2) != " ", before.start(1), before.end(1)))
    after = _WORD_AFTER.match(text, end, min(len(text), end + 60))
    if after:
        found.append((after.group(2), after.group(1) != " ", after.start(2), after.end(2)))
    return found


def _in_title_case_line(text: str, start: int) -> bool:
    """Whether the line holding ``start`` is in title case: every word of four letters or more capitalised.

    Function words ("with", "from") are left out: some title-case styles keep them lowercase.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = _LINE_WORD.findall(text, line_start, line_end if line_end >= 0 else len(text))
    content = [word for word in words if len(word) > 3 and word.casefold() not in word_list("function_words")]
    return len(content) >= 3 and all(word[0].isupper() for word in content)


def in_larger_capitalised_run(text: str, entity: dict[str, Any], entities: Sequence[dict[str, Any]]) -> bool:
    """Whether ``entity`` looks cut out of a longer capitalised name (see the module's docstring)."""
    if _in_title_case_line(text, entity["start"]):
        return False
    exempt = word_list("titles") | word_list("function_words")
    for word, dashed, start, end in _neighbour_words(text, entity["start"], entity["end"]):
        if word.casefold() in exempt or word.casefold().rstrip(".") in exempt:
            continue
        # A name beside another ("U.S. Libertarian Party", "Republican Kevin McCarthy") is a modifier and a
        # name; joined by a dash ("U.S.-Mexico") the two make one compound name.
        if dashed or not any(e["start"] <= start and end <= e["end"] for e in entities if e is not entity):
            return True
    return False


class EntityLinker:
    """Links entity items to QIDs of one knowledge base."""

    def __init__(self, knowledge_base: KnowledgeBase) -> None:
        self.knowledge_base = knowledge_base
        self.version = f"{__version__}+{knowledge_base.version}"

    def _looked_up(self, names: Iterable[Name]) -> dict[Name, str]:
        found = {}
        for name in names:
            text, label = name
            if (label == "PERSON" and _is_single_word(text)) or _is_generic_institution(text):
                continue
            qids = self.knowledge_base.index.get(name, frozenset())
            if len(qids) == 1:
                found[name] = next(iter(qids))
        return found

    @staticmethod
    def _by_name(
        names: Iterable[Name], surfaces: Mapping[Name, set[str]], linked: Mapping[Name, str]
    ) -> dict[Name, str]:
        proposals: dict[Name, set[str]] = defaultdict(set)
        for name in names:
            if name in linked:
                continue
            text, label = name
            for (other, other_label), qid in linked.items():
                if other_label != label or other == text:
                    continue
                if label == "PERSON" and _is_single_word(text) and other.split()[-1] == text:
                    proposals[name].add(qid)
                acronym = any(_ACRONYM.fullmatch(surface) for surface in surfaces[name])
                if acronym and label != "PERSON" and len(other.split()) > 1 and _initials(other) == text:
                    proposals[name].add(qid)
        return {name: next(iter(qids)) for name, qids in proposals.items() if len(qids) == 1}

    def _by_coreference(
        self, clusters: Sequence[dict[str, Any]], name_of: Mapping[str, Name], linked: Mapping[Name, str]
    ) -> dict[Name, str]:
        proposals: dict[Name, set[str]] = defaultdict(set)
        blocked: set[Name] = set()
        for cluster in clusters:
            members = [name_of[m["entity"]] for m in cluster["mentions"] if m.get("entity") in name_of]
            for name in {member for member in members if member not in linked}:
                # Only a shorter form of a linked name takes its QID: "Congress" may stand for
                # "the 116th Congress", but "the 116th Congress" is not the Congress.
                words = set(name[0].split())
                qids = {linked[m] for m in members if m in linked and m[1] == name[1] and words < set(m[0].split())}
                if len(qids) != 1:
                    blocked.add(name)  # a cluster without its type's link, or with two: no evidence either way
                    continue
                known = self.knowledge_base.index.get(name, frozenset())
                if known and not known & qids:
                    blocked.add(name)
                proposals[name] |= qids
        return {n: next(iter(q)) for n, q in proposals.items() if len(q) == 1 and n not in blocked}

    def link(
        self, entities: Sequence[dict[str, Any]], clusters: Sequence[dict[str, Any]] = (), text: str | None = None
    ) -> list[dict[str, Any]]:
        """Link items (``id``, ``entity``, ``qid``, ``note``) for the entities that get a QID, in entity order.

        With the document's ``text``, mentions inside a larger capitalised run are left unlinked.
        """
        types_of: dict[str, set[str]] = defaultdict(set)
        for entity in entities:
            if entity["label"] in LINKABLE_TYPES:
                types_of[normalise_name(entity["text"])].add(entity["label"])
        name_of = {
            entity["id"]: (normalise_name(entity["text"]), entity["label"])
            for entity in entities
            if entity["label"] in LINKABLE_TYPES and len(types_of[normalise_name(entity["text"])]) == 1
        }
        surfaces: dict[Name, set[str]] = defaultdict(set)
        for entity in entities:
            if entity["id"] in name_of:
                surfaces[name_of[entity["id"]]].add(entity["text"])
        names = sorted(set(name_of.values()))
        how: dict[Name, str] = {}
        linked = self._looked_up(names)
        how.update(dict.fromkeys(linked, "knowledge base"))
        by_name = self._by_name(names, surfaces, linked)
        linked.update(by_name)
        how.update(dict.fromkeys(by_name, "the same name in the document"))
        by_coreference = self._by_coreference(clusters, name_of, linked)
        linked.update(by_coreference)
        how.update(dict.fromkeys(by_coreference, "coreference"))
        items = []
        for entity in entities:
            name = name_of.get(entity["id"])
            if name is None or name not in linked:
                continue
            if text is not None and in_larger_capitalised_run(text, entity, entities):
                continue
            qid = linked[name]
            items.append(
                {
                    "id": f"l{len(items) + 1}",
                    "entity": entity["id"],
                    "qid": qid,
                    "note": f"auto: {how[name]}; {self.knowledge_base.version} attests {qid} in "
                    f"{self.knowledge_base.documents_of(qid)} gold document(s)",
                }
            )
        return items

    def layer(
        self, entities: Sequence[dict[str, Any]], clusters: Sequence[dict[str, Any]] = (), text: str | None = None
    ) -> dict[str, Any]:
        """An automatic ``entity_links`` layer; its provenance names the knowledge base's version."""
        return layer_of(self.link(entities, clusters, text), auto(TOOL, self.version))
