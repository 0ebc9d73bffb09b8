"""newscorpus: an open, richly annotated corpus of English news articles.

The pipeline is one module per step: ``convert`` (raw capture to record),
``validate`` (record to problems), ``build`` (records to release) and ``load``
(release to ``datasets``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from datasets import Dataset, DatasetDict


def load(config: str = "documents", split: str | None = None, **kwargs: Any) -> Dataset | DatasetDict:
    """Load a config of the release as ``datasets`` objects; see :func:`newscorpus.loader.load`."""
    from newscorpus.loader import load as _load

    return _load(config, split, **kwargs)


__all__ = ["__version__", "load"]
