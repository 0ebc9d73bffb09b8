"""What two passes disagree on, item by item, and whether an adjudication decided all of it.

Items both passes have (the same canonical value, ``canonical``) are agreed.
The rest are paired where they sit at overlapping spans (a relabel, a longer
span, a different value) and left single otherwise (an item one pass lacks);
each pair or single is one disagreement for the adjudicator to decide. An
adjudication is consistent when its layers hold exactly the agreed items plus
the chosen item of every decision.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from newscorpus.gold.agreement import match_one_to_one, overlaps
from newscorpus.gold.canonical import canonical_items, item_span
from newscorpus.gold.passfile import PASS_LAYERS, PassFile
from newscorpus.problems.value import Problem, pointer

DECIDED_LAYERS = (*PASS_LAYERS, "publication_date", "topics")


def _items(annotation: PassFile, layer: str) -> list[dict[str, Any]]:
    return annotation.data.get("topics", []) if layer == "topics" else annotation.layers.get(layer, [])


def _canonical(annotation: PassFile, layer: str) -> list[Any]:
    layers = {**annotation.layers, "topics": annotation.data.get("topics", [])}
    return canonical_items(layers, layer)


def _unmatched(mine: list[Any], theirs: list[Any]) -> list[int]:
    """Indices of ``mine`` whose canonical values ``theirs`` does not also hold (as multisets)."""
    left = Counter(theirs)
    unmatched = []
    for index, value in enumerate(mine):
        if left[value]:
            left[value] -= 1
        else:
            unmatched.append(index)
    return unmatched


def _pair_key(layer: str, annotation: PassFile, index: int) -> Any:
    if layer == "entity_links":
        return _canonical(annotation, layer)[index][0]  # the linked entity's span
    return item_span(layer, _items(annotation, layer)[index])


def layer_disagreements(a: PassFile, b: PassFile, layer: str) -> list[dict[str, Any]]:
    a_items, b_items = _items(a, layer), _items(b, layer)
    only_a = _unmatched(_canonical(a, layer), _canonical(b, layer))
    only_b = _unmatched(_canonical(b, layer), _canonical(a, layer))
    a_keys = [_pair_key(layer, a, i) for i in only_a]
    b_keys = [_pair_key(layer, b, j) for j in only_b]
    if layer == "entity_links":
        pairs = [(i, j) for i, j in match_one_to_one(a_keys, b_keys, lambda x, y: x == y) if a_keys[i] is not None]
    elif layer == "topics":
        pairs = []
    else:
        pairs = match_one_to_one(a_keys, b_keys, lambda x, y: x is not None and y is not None and overlaps(x, y))
    paired_a, paired_b = {i for i, _ in pairs}, {j for _, j in pairs}
    found = [(only_a[i], only_b[j]) for i, j in pairs]
    found += [(only_a[i], None) for i in range(len(only_a)) if i not in paired_a]
    found += [(None, only_b[j]) for j in range(len(only_b)) if j not in paired_b]
    found.sort(key=lambda pair: (pair[0] if pair[0] is not None else pair[1], pair[0] is None))
    return [
        {
            "layer": layer,
            "A": None if i is None else a_items[i],
            "B": None if j is None else b_items[j],
        }
        for i, j in found
    ]


def disagreements(a: PassFile, b: PassFile) -> list[dict[str, Any]]:
    """Every disagreement of the two passes of one document, layer by layer, in text order."""
    found: list[dict[str, Any]] = []
    for layer in PASS_LAYERS:
        if layer in a.layers or layer in b.layers:
            found += layer_disagreements(a, b, layer)
    a_date, b_date = a.data.get("publication_date"), b.data.get("publication_date")
    if (a_date or {}).get("value") != (b_date or {}).get("value"):
        found.append({"layer": "publication_date", "A": a_date, "B": b_date})
    if "topics" in a.data or "topics" in b.data:
        found += layer_disagreements(a, b, "topics")
    return found


def iter_adjudication_problems(adjudication: PassFile, a: PassFile, b: PassFile) -> list[Problem]:
    """Whether ``adjudication`` decides every disagreement of ``a`` and ``b`` and holds what follows from them."""
    problems: list[Problem] = []
    decisions = adjudication.data["decisions"]
    for name, annotation in (("A", a), ("B", b)):
        if annotation.data["text_sha256"] != adjudication.data["text_sha256"]:
            message = f"pass {name} was made on another text than the adjudication"
            problems.append(Problem("adjudication.inconsistent", message, pointer("text_sha256")))
    expected = disagreements(a, b)
    open_decisions = list(range(len(decisions)))
    for disagreement in expected:
        match = next(
            (
                index
                for index in open_decisions
                if all(decisions[index][key] == disagreement[key] for key in ("layer", "A", "B"))
            ),
            None,
        )
        if match is None:
            item = disagreement["A"] if disagreement["A"] is not None else disagreement["B"]
            message = f"no decision on {disagreement['layer']}: {_shown(item)}"
            problems.append(Problem("adjudication.undecided", message, pointer("decisions")))
        else:
            open_decisions.remove(match)
    for index in open_decisions:
        if decisions[index]["A"] is not None or decisions[index]["B"] is not None:
            message = "this decision is on no disagreement of the passes (an item the passes agree on, or none)"
            problems.append(Problem("adjudication.inconsistent", message, pointer("decisions", index)))
        elif decisions[index]["layer"] not in DECIDED_LAYERS:
            problems.append(Problem("adjudication.inconsistent", "unknown layer", pointer("decisions", index, "layer")))
    problems += _content_problems(adjudication, a, b)
    return problems


def _shown(item: Any) -> str:
    if isinstance(item, dict) and "text" in item:
        return f"{item['text']!r} at {item.get('start')}-{item.get('end')}"
    return repr(item)[:120]


def _held(annotation: PassFile, layer: str) -> bool:
    return "topics" in annotation.data if layer == "topics" else layer in annotation.layers


def _chosen_values(adjudication: PassFile, layer: str) -> Counter[Any]:
    """Canonical values of the chosen items of ``layer``'s decisions, references resolved in the adjudication."""
    chosen = [d["chosen"] for d in adjudication.data["decisions"] if d["layer"] == layer and d["chosen"] is not None]
    if layer == "topics":
        return Counter(_canonical(PassFile("", {**adjudication.data, "topics": chosen}), layer))
    return Counter(
        _canonical(PassFile("", {**adjudication.data, "layers": {**adjudication.layers, layer: chosen}}), layer)
    )


def _content_problems(adjudication: PassFile, a: PassFile, b: PassFile) -> list[Problem]:
    """The adjudicated layers against agreed items plus chosen items, as multisets of canonical values."""
    problems = []
    for layer in (*PASS_LAYERS, "topics"):
        if not _held(a, layer) and not _held(b, layer):
            continue
        if not _held(adjudication, layer):
            message = f"the passes hold {layer} but the adjudication does not"
            problems.append(Problem("adjudication.inconsistent", message, pointer("layers")))
            continue
        expected = (Counter(_canonical(a, layer)) & Counter(_canonical(b, layer))) + _chosen_values(adjudication, layer)
        have = Counter(_canonical(adjudication, layer))
        if have != expected:
            missing, extra = sum((expected - have).values()), sum((have - expected).values())
            message = f"{layer}: {missing} agreed or chosen item(s) missing, {extra} item(s) neither agreed nor chosen"
            problems.append(Problem("adjudication.inconsistent", message, pointer("layers", layer)))
    decided = [d["chosen"] for d in adjudication.data["decisions"] if d["layer"] == "publication_date"]
    a_date, b_date = a.data.get("publication_date"), b.data.get("publication_date")
    expected_date = decided[0] if decided else a_date or b_date
    if (adjudication.data.get("publication_date") or {}).get("value") != (expected_date or {}).get("value"):
        message = "publication_date is neither the value both passes give nor the chosen one"
        problems.append(Problem("adjudication.inconsistent", message, pointer("publication_date")))
    return problems
