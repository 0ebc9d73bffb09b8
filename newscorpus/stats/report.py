"""The HTML summary of the corpus counts, next to the plots it shows.

One static page with the same tables ``newscorpus stats`` prints and the PNG
plots beside it (linked by file name, so the folder can be moved whole).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from newscorpus import __version__
from newscorpus.stats.counts import SPLIT_COLUMNS, CorpusStats, source_lines

REPORT_HTML = "index.html"
_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { padding: 0.25rem 0.75rem; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
img { max-width: 100%; border: 1px solid #eee; margin: 0.5rem 0 1.5rem; }
"""


def _table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_report(stats: CorpusStats, plots: list[Path]) -> str:
    """The summary page as HTML text."""
    layers = _table(
        ("layer", "items", "gold", "auto"), [(name, c.items, c.gold, c.auto) for name, c in stats.layers.items()]
    )
    types = "".join(
        f"<h3>{escape(title)}</h3>" + _table(("label", "count"), counts.most_common())
        for title, counts in stats.types.items()
    )
    splits = _table(
        ("split", *SPLIT_COLUMNS),
        [(split, *(figures[column] for column in SPLIT_COLUMNS)) for split, figures in stats.splits.items()],
    )
    sources = _table(("source", "quotations"), stats.quotes_per_source.most_common())
    images = "".join(f'<img src="{escape(path.name)}" alt="{escape(path.stem.replace("_", " "))}">' for path in plots)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>newscorpus statistics</title><style>{_STYLE}</style></head>
<body>
<h1>newscorpus statistics</h1>
<p>{stats.documents} document(s), {stats.words} words, counted by newscorpus {__version__}.</p>
<ul>{"".join(f"<li>{escape(line)}</li>" for line in source_lines(stats))}</ul>
<h2>Plots</h2>
{images}
<h2>Layers</h2>
{layers}
<h2>Splits</h2>
{splits}
<h2>Labels</h2>
{types}
<h2>Quotations per source</h2>
{sources}
</body>
</html>
"""


def write_report(stats: CorpusStats, plots: list[Path], out_dir: Path) -> Path:
    """Write the summary page into ``out_dir``; returns its path."""
    path = out_dir / REPORT_HTML
    path.write_text(render_report(stats, plots), encoding="utf-8")
    return path
