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

A name whose steps propose different QIDs stays unlinked. Dates and numbers
are never linked. Links carry ``auto`` provenance naming the knowledge
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


def _initials(normalised: str) -> str:
    return "".join(word[0] for word in normalised.replace("-", " ").split() if word not in _MINOR_WORDS)


def _is_single_word(normalised: str) -> bool:
    return " " not in normalised and "-" not in normalised


def _is_generic_institution(normalised: str) -> bool:
    """Whether the name is made only of generic institution words and function words ("supreme court")."""
    generic = word_list("generic_institution_words") | word_list("org_heads") | _MINOR_WORDS
    return all(word in generic for word in normalised.replace("-", " ").split())


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

    def link(self, entities: Sequence[dict[str, Any]], clusters: Sequence[dict[str, Any]] = ()) -> list[dict[str, Any]]:
        """Link items (``id``, ``entity``, ``qid``, ``note``) for the entities that get a QID, in entity order."""
        name_of = {
            entity["id"]: (normalise_name(entity["text"]), entity["label"])
            for entity in entities
            if entity["label"] in LINKABLE_TYPES
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

    def layer(self, entities: Sequence[dict[str, Any]], clusters: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
        """An automatic ``entity_links`` layer; its provenance names the knowledge base's version."""
        return layer_of(self.link(entities, clusters), auto(TOOL, self.version))
