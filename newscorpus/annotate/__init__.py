"""Automatic annotators, one module per layer: timex, entities, quotes, coref; the runner applies them.

``convert`` runs them on every article for the layers that are not gold;
``newscorpus annotate`` runs them on records to produce predictions for
``newscorpus evaluate``.
"""

from newscorpus.annotate.runner import AnnotateSettings, Annotators, corpus_annotators

__all__ = ["AnnotateSettings", "Annotators", "corpus_annotators"]
