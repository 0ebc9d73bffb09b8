"""Conversion: a raw capture becomes one record (normalized text plus layers)."""

from newscorpus.convert.record import convert_raw_file

__all__ = ["convert_raw_file"]
