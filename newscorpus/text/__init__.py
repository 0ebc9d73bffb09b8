"""The record's text: normalization of raw text and the offset map back to it."""
