"""Loading the release with ``datasets``, in one call.

The release folder is an ordinary Hugging Face dataset folder (Parquet plus a
card with typed features), so this is a thin, documented wrapper around
``datasets.load_dataset`` that knows where the release is.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from datasets import Dataset, DatasetDict, load_dataset

RELEASE_ENV = "NEWSCORPUS_RELEASE"
_CHECKOUT_RELEASE = Path(__file__).resolve().parent.parent / "corpus" / "release"


def find_release(release: str | Path | None = None) -> Path:
    """The release folder: ``release`` if given, else $NEWSCORPUS_RELEASE, ./corpus/release, or the checkout's."""
    candidates = [Path(release)] if release else []
    if not release and os.environ.get(RELEASE_ENV):
        candidates.append(Path(os.environ[RELEASE_ENV]))
    if not candidates:
        candidates += [Path("corpus/release"), _CHECKOUT_RELEASE]
    for candidate in candidates:
        if (candidate / "README.md").is_file():
            return candidate
    raise FileNotFoundError(
        f"no newscorpus release at {', '.join(str(c) for c in candidates)}; run `newscorpus build` or set {RELEASE_ENV}"
    )


def load(
    config: str = "documents", split: str | None = None, release: str | Path | None = None, **kwargs: Any
) -> Dataset | DatasetDict:
    """Load one config of the release: a DatasetDict of splits, or one Dataset when ``split`` is given.

    Extra keyword arguments go to ``datasets.load_dataset`` (e.g. ``cache_dir``).
    """
    return load_dataset(str(find_release(release)), config, split=split, **kwargs)
