"""Rendering a validation report for people (text) or programs (JSON)."""

from __future__ import annotations

import json

from newscorpus.problems.locations import escape_for_terminal
from newscorpus.validate import Report


def _printable(text: str) -> str:
    """Escape lone surrogates (possible in JSON input) so that the report can be written."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def render_text(report: Report) -> str:
    lines = []
    for problem in report.problems:
        where = escape_for_terminal(f"{problem.file}{'#' + problem.path if problem.path else ''}")
        record = f" ({escape_for_terminal(problem.record_id)})" if problem.record_id else ""
        lines.append(f"{where}{record}: error [{problem.code}] {escape_for_terminal(problem.message)}")
        if problem.hint:
            lines.append(f"  hint: {problem.hint}")
    status = "ok" if not report.problems else f"{len(report.problems)} problem(s)"
    lines.append(f"{report.files} file(s), {report.records} record(s): {status}")
    return _printable("\n".join(lines))


def render_json(report: Report) -> str:
    return _printable(
        json.dumps(
            {
                "files": report.files,
                "records": report.records,
                "valid": not report.problems,
                "problems": [problem.to_dict() for problem in report.problems],
            },
            indent=2,
            ensure_ascii=False,
        )
    )
