"""A viewer people would rather look at than read: annotated articles as static HTML pages.

``render_highlights`` nests overlapping standoff spans into valid HTML;
``write_pages`` writes one self-contained page per record plus an index.
"""

from __future__ import annotations

from newscorpus.viewer.markup import Highlight, render_highlights
from newscorpus.viewer.page import render_document, write_pages

__all__ = ["Highlight", "render_document", "render_highlights", "write_pages"]
