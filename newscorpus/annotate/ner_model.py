"""The statistical NER model: a linear-chain CRF (CRFsuite) over token features, shipped in the package.

A model is a folder of two files: ``model.crfsuite`` (the CRF's weights)
and ``model.json`` (name, feature version, training parameters, the
training documents' ids and their hash, and the gold names of those
documents that feed the gazetteer feature). Only gold of training
documents ever enters a model: the training script leaves the release's
test split out, and cross-validation builds each fold's model from that
fold's training documents alone.

``shipped_model()`` loads the model in ``newscorpus/data/models/ner/``;
its ``version`` changes whenever the weights, the features or the
training data do, so that a conversion cache keyed on it is invalidated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite

from newscorpus.annotate.article import Article
from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, Gazetteer
from newscorpus.annotate.ner_features import FEATURES_VERSION, NameIndex, article_features
from newscorpus.annotate.timex import Timex
from newscorpus.labels import ENTITY_LABELS
from newscorpus.problems.errors import UnusableInputError
from newscorpus.text import tokens

MODEL_NAME = "newscorpus-ner-crf"
SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "ner"
WEIGHTS_FILE = "model.crfsuite"
META_FILE = "model.json"


@dataclass(frozen=True, slots=True)
class Span:
    """A predicted entity: character offsets on token boundaries and an OntoNotes label."""

    start: int
    end: int
    label: str


@cache
def name_words(name: str) -> tuple[str, ...]:
    """A name split as record text is tokenized (``newscorpus.text.tokens``), for gazetteer lookups."""
    return tokens.name_words(name)


def name_index(labels: Mapping[str, str]) -> NameIndex:
    return NameIndex({name_words(name): label for name, label in labels.items()})


def training_data_hash(document_ids: Iterable[str]) -> str:
    """SHA-256 of the sorted training document ids, one a line: names the training data in provenance."""
    return hashlib.sha256("".join(f"{i}\n" for i in sorted(document_ids)).encode("utf-8")).hexdigest()


def decode_tags(article: Article, indices: Sequence[int], tags: Sequence[str]) -> list[Span]:
    """Spans of one sentence's BIO tags; an ``I-`` after another label opens a new span (IOB repair)."""
    spans: list[Span] = []
    open_label: str | None = None
    first = 0
    for position, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == open_label
        if open_label is not None and not continues:
            spans.append(
                Span(article.token_starts[indices[first]], article.token_ends[indices[position - 1]], open_label)
            )
            open_label = None
        if prefix in ("B", "I") and not continues and label in ENTITY_LABELS:
            open_label, first = label, position
    return spans


class NerModel:
    """A trained CRF and the gazetteer it was trained with; tags articles sentence by sentence."""

    def __init__(self, folder: Path) -> None:
        try:
            self.meta: dict[str, Any] = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
            weights = (folder / WEIGHTS_FILE).read_bytes()
        except (OSError, ValueError) as error:
            raise UnusableInputError("ner-model.unavailable", str(folder), f"cannot read the model: {error}") from error
        if self.meta.get("features_version") != FEATURES_VERSION:
            raise UnusableInputError(
                "ner-model.unavailable",
                str(folder),
                f"the model was trained with features version {self.meta.get('features_version')!r}, "
                f"this code computes version {FEATURES_VERSION!r}",
                "retrain it: python scripts/train_ner.py",
            )
        self.folder = folder
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(folder / WEIGHTS_FILE))
        self._gold_names = Gazetteer(attested=self.meta["gold_names"])
        self._gazetteer = self._gold_names.merged(Gazetteer.from_files([SHIPPED_GAZETTEER]))
        self.name = str(self.meta["name"])
        digest = hashlib.sha256(weights + json.dumps(self.meta, sort_keys=True).encode("utf-8")).hexdigest()
        self.version = f"{self.meta['documents']}docs.data-{self.meta['training_data_sha256'][:12]}.model-{digest[:12]}"

    @property
    def gold_names(self) -> Gazetteer:
        """The gold names of the training documents (the rules' gazetteer when they feed this model)."""
        return self._gold_names

    def predict(
        self,
        article: Article,
        timexes: Sequence[Timex],
        own_names: Collection[tuple[str, str]] = frozenset(),
        rule_spans: Sequence[tuple[int, int, str]] = (),
    ) -> list[Span]:
        """Entities of ``article`` in text order; ``own_names`` (its own gold) are kept out of the gazetteer.

        ``rule_spans`` are the entity rules' (start, end, label) for the same
        article, computed with this model's gazetteer (``EntityAnnotator`` does).
        """
        names = name_index(self._gazetteer.labels_for(own_names))
        features = article_features(article, names, timexes, rule_spans)
        spans = []
        for sentence, rows in enumerate(features):
            if rows:
                tags = self._tagger.tag(rows)
                spans += decode_tags(article, list(article.sentence_tokens(sentence)), tags)
        return spans


@cache
def _load(folder: Path) -> NerModel:
    return NerModel(folder)


def load_model(folder: Path | None = None) -> NerModel:
    """The model in ``folder`` (default: the shipped one), loaded once per process."""
    return _load((folder or SHIPPED_MODEL).resolve())


def shipped_model_version() -> str:
    """``name`` and ``version`` of the shipped model, e.g. for a conversion cache key."""
    model = load_model()
    return f"{model.name}/{model.version}"
