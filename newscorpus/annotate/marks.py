"""Quotation marks paired into quoted passages: straight, curly, single and guillemets, nested and over paragraphs.

Nested quotes stay inside the outer one; a quotation over several
paragraphs (each opening with a mark, only the last closing) is one passage;
a single mark that nothing closes in its paragraph is an apostrophe ("'90s").
"""

from __future__ import annotations

from dataclasses import dataclass

from newscorpus.annotate.article import Article

_CLOSING_PUNCTUATION = frozenset({".", "!", "?", ";", ",", ":"})
_SHORT_FRAME_TOKENS = 6
_MARK_TOKENS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"})


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """A top-level quoted passage: token indices of its opening and closing marks."""

    first: int
    last: int


def mark_at(article: Article, index: int) -> tuple[str, str] | None:
    """(kind, role) of a quotation mark token: kind double or single, role open, close or either."""
    token = article.token(index)
    if token in ("\u201c", "\u00ab"):
        return "double", "open"
    if token in ("\u201d", "\u00bb"):
        return "double", "close"
    if token == "\u2018":
        return "single", "open"
    if token == "\u2019":
        return "single", "close"
    if token not in ('"', "'"):
        return None
    gap_before = index == 0 or article.token_starts[index] > article.token_ends[index - 1]
    gap_after = index + 1 == len(article) or article.token_starts[index + 1] > article.token_ends[index]
    kind = "double" if token == '"' else "single"
    if gap_before and not gap_after:
        return kind, "open"
    if gap_after and not gap_before:
        return kind, "close"
    return kind, "either"


def _closes_later(article: Article, index: int, stop: int) -> bool:
    return any((mark_at(article, i) or ("", ""))[0] == "single" for i in range(index + 1, stop))


def find_segments(article: Article) -> list[QuotedPassage]:
    """Top-level quoted passages of the body, in text order (nested quotes stay inside theirs)."""
    segments: list[QuotedPassage] = []
    stack: list[tuple[str, int]] = []  # (kind, opening token)
    for start, end, role in zip(article.paragraph_starts, article.paragraph_ends, article.paragraph_roles, strict=True):
        tokens = article.token_range(start, end)
        if role != "body" or not tokens:
            stack.clear()
            continue
        first = tokens.start
        if stack:
            # A quotation that runs on: the next paragraph reopens it with the same mark.
            mark = mark_at(article, first)
            if mark and mark[0] == stack[0][0] and mark[1] != "close":
                del stack[1:]
                first += 1
            else:
                stack.clear()
        for index in range(first, tokens.stop):
            mark = mark_at(article, index)
            if mark is None:
                continue
            kind, role = mark
            open_kinds = [k for k, _ in stack]
            if role == "either":
                role = "close" if stack and stack[-1][0] == kind else "open"
            if role == "open":
                if kind in open_kinds or (kind == "single" and not _closes_later(article, index, tokens.stop)):
                    continue  # a mark opened twice, or an apostrophe ("'90s")
                stack.append((kind, index))
            elif kind in open_kinds:
                while stack:
                    opened_kind, opened = stack.pop()
                    if opened_kind == kind:
                        break
                if not stack:
                    segments.append(QuotedPassage(opened, index))
    return segments


def inner_passages(article: Article, segment: QuotedPassage) -> list[QuotedPassage]:
    """Quoted passages directly inside ``segment`` (a quote in a quote: "He asked me, 'Is it true?'")."""
    found: list[QuotedPassage] = []
    opened: tuple[str, int] | None = None
    for index in range(segment.first + 1, segment.last):
        mark = mark_at(article, index)
        if mark is None:
            continue
        kind, role = mark
        if opened is None and role in ("open", "either"):
            opened = (kind, index)
        elif opened is not None and kind == opened[0] and role in ("close", "either"):
            found.append(QuotedPassage(opened[1], index))
            opened = None
    return found


def closes_sentence(article: Article, segment: QuotedPassage, stop: int) -> bool:
    """Whether a passage ends its sentence inside its marks and a new sentence, not its short frame, follows.

    '"Go!" Smith shouted.' is framed by what follows; '... on the federal
    level[.]" Amundson cited improvements ...' is not: a sentence of its own
    follows, which the sentencizer left joined to the quote.
    """
    after = segment.last + 1
    inside = article.token(segment.last - 1) if segment.last > segment.first else ""
    if inside == "]" and segment.last - 2 > segment.first:
        inside = article.token(segment.last - 2)  # an editor's "[.]"
    if inside not in {".", "!", "?"} or after >= stop or not article.token(after)[:1].isupper():
        return False
    end = stop
    while end > after and article.token(end - 1) in _CLOSING_PUNCTUATION:
        end -= 1
    return end - after > _SHORT_FRAME_TOKENS


def holds_quote_mark(article: Article, first: int, end: int) -> bool:
    """Whether tokens [first, end) hold a quotation mark (a plural's apostrophe, "opponents' plans", is none)."""
    for index in range(first, end):
        token = article.token(index)
        if token not in _MARK_TOKENS:
            continue
        attached = index > 0 and article.token_starts[index] == article.token_ends[index - 1]
        spaced = index + 1 == len(article) or article.token_starts[index + 1] > article.token_ends[index]
        if not (token in {"'", "\u2019"} and attached and spaced and article.token(index - 1)[-1:] in {"s", "S"}):
            return True
    return False
