"""How a file name or other location is written into a message, so that no name can forge a line.

A raw capture may be called ``x\\nfake.txt: error [raw.ok] all fine.txt``; written
as it is, its name would split one error line into two, the second a lie. Every
place that renders a location (and the message beside it) goes through
``escape_for_terminal``, which writes each character that is not printable
(control characters, line and paragraph separators, bidi overrides and other
invisible format characters) as a Python-style escape (``\\n``, ``\\x1b``,
``\\u202e``). Printable text, spaces included, is left as it is.
"""

from __future__ import annotations

_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape_for_terminal(text: str) -> str:
    """``text`` with every non-printable character (space excepted) written as an escape; one line always."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else _escaped(char) for char in text)
