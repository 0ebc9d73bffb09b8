"""Turning records into rows that match their features (labels as ClassLabel ids)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from datasets import ClassLabel, List

FeatureType = Any
Encoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _contains_classlabel(feature: FeatureType) -> bool:
    if isinstance(feature, ClassLabel):
        return True
    if isinstance(feature, dict):
        return any(_contains_classlabel(sub) for sub in feature.values())
    return isinstance(feature, List) and _contains_classlabel(feature.feature)


def _label_encoder(feature: ClassLabel) -> Encoder:
    ids = {name: index for index, name in enumerate(feature.names)}

    def encode(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return ids[value]
        except KeyError:
            raise ValueError(f"label {value!r} is not one of {feature.names}") from None

    return encode


def row_encoder(feature: FeatureType) -> Encoder:
    """A function that replaces every ClassLabel string of a value by its integer id.

    The walk is planned once per feature tree: sub-trees without a ClassLabel
    (offset arrays, text) are passed through untouched. A label outside the
    feature's names raises ValueError: pyarrow would store any integer, so this
    is the last guard before writing.
    """
    if not _contains_classlabel(feature):
        return _identity
    if isinstance(feature, ClassLabel):
        return _label_encoder(feature)
    if isinstance(feature, dict):
        encoders = {key: row_encoder(sub) for key, sub in feature.items()}
        return lambda value: None if value is None else {key: enc(value.get(key)) for key, enc in encoders.items()}
    item_encoder = row_encoder(feature.feature)
    return lambda value: None if value is None else [item_encoder(item) for item in value]


def encode_value(value: Any, feature: FeatureType) -> Any:
    """``value`` with ClassLabel strings as ids; for many rows, build a :func:`row_encoder` once."""
    return row_encoder(feature)(value)
