"""Capture: turn an external source into raw captures under corpus/raw/, one file per article.

Every source has its own module (``wikinews_csv``); they all write the same
capture format (``header``), which keeps the source's metadata in a small
header and the text byte for byte.
"""
