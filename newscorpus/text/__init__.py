"""The record's text: normalization of raw text, the offset map back to it, and its tokens."""
