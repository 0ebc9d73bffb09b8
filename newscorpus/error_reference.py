"""The error reference (docs/errors.md), generated from the registry in ``newscorpus.codes``."""

from __future__ import annotations

from itertools import groupby

from newscorpus.codes import CODES

_STAGE_TITLES = {
    "convert": "Capture, convert, build and import: input that cannot be used (exit code 2)",
    "notice": "Notices: reported by convert and build, which still succeed (exit code 0)",
    "validate": "Validate: problems in records (exit code 1; `input.*` codes exit 2)",
}


def render_error_reference() -> str:
    """Markdown listing every code with its cause, an example and the fix."""
    lines = [
        "# Error reference",
        "",
        "Every error newscorpus reports has a stable code. This page is generated from the",
        "registry in `newscorpus/codes.py` by `python scripts/write_error_reference.py`;",
        "a test fails when it is out of date or a code lacks its example.",
        "",
    ]
    by_stage = sorted(CODES.items(), key=lambda item: (item[1].stage, item[0]))
    for stage, entries in groupby(by_stage, key=lambda item: item[1].stage):
        lines += [f"## {_STAGE_TITLES.get(stage, stage)}", "", "| code | cause | example | fix |", "|---|---|---|---|"]
        lines += [
            f"| `{name}` | {code.title} | {code.example} | {code.hint} |".replace("\n", " ") for name, code in entries
        ]
        lines.append("")
    return "\n".join(lines)
