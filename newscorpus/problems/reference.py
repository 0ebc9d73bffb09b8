"""The error reference (docs/errors.md), generated from the registry in ``newscorpus.problems.codes``."""

from __future__ import annotations

from itertools import groupby

from newscorpus.problems.codes import CODES

# Every stage of the registry, in pipeline order, with its section title.
STAGE_TITLES = {
    "capture": "Capture: external sources that cannot be turned into raw captures (exit code 2)",
    "convert": "Convert: raw captures and records that cannot be used (exit code 2)",
    "validate": "Validate: problems in records (exit code 1; `input.*` codes exit 2)",
    "build": "Build and every command on the corpus: the corpus folder and its records (exit code 2)",
    "io": "Export and import: interchange formats (exit code 2)",
    "annotate": "Annotate: gazetteers, spaCy pipelines, output (exit code 2)",
    "evaluate": "Evaluate: predictions against gold (exit code 2)",
    "stats": "Stats: plots and output folders (exit code 2)",
    "view": "View: the HTML viewer (exit code 2)",
    "engine": "Engines: where the work runs (exit code 2)",
    "gold": "Gold annotation: pass files, adjudications, apply (exit code 1; unreadable passes exit 2)",
    "notice": "Notices: reported by convert and build, which still succeed (exit code 0)",
    "file": "The file system: every OSError from corpus files, any command (exit code 2)",
}
_STAGE_ORDER = {stage: index for index, stage in enumerate(STAGE_TITLES)}


def render_error_reference() -> str:
    """Markdown listing every code with its cause, an example and the fix."""
    lines = [
        "# Error reference",
        "",
        "Every error newscorpus reports has a stable code. This page is generated from the",
        "registry in `newscorpus/problems/codes.py` by `python scripts/write_error_reference.py`;",
        "a test fails when it is out of date or a code lacks its example.",
        "",
    ]
    by_stage = sorted(CODES.items(), key=lambda item: (_STAGE_ORDER[item[1].stage], item[0]))
    for stage, entries in groupby(by_stage, key=lambda item: item[1].stage):
        lines += [f"## {STAGE_TITLES[stage]}", "", "| code | cause | example | fix |", "|---|---|---|---|"]
        lines += [
            f"| `{name}` | {code.title} | {code.example} | {code.hint} |".replace("\n", " ") for name, code in entries
        ]
        lines.append("")
    return "\n".join(lines)
