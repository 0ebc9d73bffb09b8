"""Turning records into rows that match their features (labels as ClassLabel ids)."""

from __future__ import annotations

from typing import Any

from datasets import ClassLabel, List

FeatureType = Any


def encode_value(value: Any, feature: FeatureType) -> Any:
    """``value`` with every ClassLabel string replaced by its integer id.

    Raises ValueError for a label outside the feature's names: pyarrow would
    store any integer, so this is the last guard before writing.
    """
    if value is None:
        return None
    if isinstance(feature, ClassLabel):
        return feature.str2int(value) if isinstance(value, str) else value
    if isinstance(feature, dict):
        return {key: encode_value(value.get(key), sub) for key, sub in feature.items()}
    if isinstance(feature, List):
        return [encode_value(item, feature.feature) for item in value]
    return value
