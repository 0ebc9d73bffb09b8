"""Standoff spans to nested HTML: overlapping annotations over one text, properly nested.

HTML elements must nest, annotations need not: a quotation's content can hold
entities and coreference mentions, a mention can cover an entity, and two
spans may cross. The text is cut at every span boundary; each piece is wrapped
in the spans covering it, outermost first, and an element is closed and
reopened only where a crossing forces it. The pieces of one span carry the same
attributes, so together they still spell its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class Highlight:
    """An annotation to draw: ``[start, end)`` in the text, an HTML class and data attributes.

    ``rank`` orders spans with the same extent: a lower rank is drawn outside.
    """

    start: int
    end: int
    css_class: str
    attributes: tuple[tuple[str, str], ...] = ()
    rank: int = 0
    title: str = ""

    def open_tag(self, last_piece: bool) -> str:
        attributes = "".join(f' {name}="{escape(value)}"' for name, value in self.attributes)
        title = f' title="{escape(self.title)}"' if self.title else ""
        # Marks the piece that ends the span, so a label drawn after it appears once.
        last = " data-last" if last_piece else ""
        return f'<span class="{self.css_class}"{attributes}{title}{last}>'


def _nesting_order(span: Highlight) -> tuple[int, int, int]:
    return (span.start, -span.end, span.rank)


def render_highlights(text: str, spans: list[Highlight], start: int = 0, end: int | None = None) -> str:
    """HTML for ``text[start:end]`` with ``spans`` (clipped to that range) as nested elements."""
    end = len(text) if end is None else end
    inside = [s for s in spans if s.start < end and s.end > start and s.start < s.end]
    cuts = sorted({start, end} | {max(s.start, start) for s in inside} | {min(s.end, end) for s in inside})
    output: list[str] = []
    open_spans: list[Highlight] = []
    open_at: list[int] = []  # index in output of each open element's tag, to mark its last piece
    for left, right in pairwise(cuts):
        covering = sorted((s for s in inside if s.start <= left and s.end >= right), key=_nesting_order)
        common = 0
        while common < min(len(open_spans), len(covering)) and open_spans[common] is covering[common]:
            common += 1
        while len(open_spans) > common:
            _close(output, open_spans.pop(), open_at.pop(), left)
        for span in covering[common:]:
            open_at.append(len(output))
            output.append(span.open_tag(last_piece=False))
            open_spans.append(span)
        output.append(escape(text[left:right]))
    while open_spans:
        _close(output, open_spans.pop(), open_at.pop(), end)
    return "".join(output)


def _close(output: list[str], span: Highlight, tag_index: int, position: int) -> None:
    if position == span.end:
        output[tag_index] = span.open_tag(last_piece=True)
    output.append("</span>")
