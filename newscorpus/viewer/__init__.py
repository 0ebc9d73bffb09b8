"""A viewer people would rather look at than read: annotated articles as static HTML pages.

``render_spans`` nests overlapping standoff spans into valid HTML;
``write_pages`` writes one self-contained page per record plus an index.
"""

from __future__ import annotations

from newscorpus.viewer.markup import Span, render_spans
from newscorpus.viewer.page import render_document, write_pages

__all__ = ["Span", "render_document", "render_spans", "write_pages"]
