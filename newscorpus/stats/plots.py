"""PNG plots of the corpus counts: label distribution, tokens per document, quotes per source.

matplotlib comes with the ``stats`` extra and is imported only here, with the
Agg backend, so the plots draw on machines without a display.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from newscorpus.problems.errors import UnusableInputError
from newscorpus.stats.counts import CorpusStats

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

LABELS_PNG = "label_distribution.png"
TOKENS_PNG = "tokens_per_document.png"
SOURCES_PNG = "quotes_per_source.png"
TOP_SOURCES = 20
_NAME_LIMIT = 40  # characters of a source name shown on an axis
_COLOUR = "#3b6ea8"
_DPI = 110
_BINS = 25  # about this many bars in the length histogram


def _pyplot() -> ModuleType:
    try:
        import matplotlib
    except ImportError as error:
        raise UnusableInputError("stats.no-matplotlib", "matplotlib", "the stats plots need matplotlib") from error
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _integer_ticks(axis: Axis) -> None:
    """Counts are whole numbers: no 2.5 documents on an axis."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _short(name: str) -> str:
    return name if len(name) <= _NAME_LIMIT else name[: _NAME_LIMIT - 1] + "…"


def _bars(axes: Axes, title: str, counts: Counter[str]) -> None:
    """Horizontal bars, largest on top, each labelled with its count."""
    ranked = counts.most_common()[::-1]
    names = [_short(name) for name, _ in ranked]
    values = [count for _, count in ranked]
    axes.barh(names, values, color=_COLOUR)
    axes.set_title(title, loc="left", fontsize=11, fontweight="bold")
    for position, value in enumerate(values):
        axes.text(value, position, f" {value}", va="center", fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_xlim(0, max(values, default=1) * 1.15)
    _integer_ticks(axes.xaxis)
    if not values:
        axes.text(0.5, 0.5, "none", transform=axes.transAxes, ha="center", color="grey")


def plot_labels(stats: CorpusStats, path: Path) -> None:
    """One panel per label type (entity types, quotation types, ...), as horizontal bars."""
    plt = _pyplot()
    panels = list(stats.types.items())
    rows = (len(panels) + 1) // 2
    figure, grid = plt.subplots(rows, 2, figsize=(11, 3.2 * rows), squeeze=False)
    for axes, (title, counts) in zip(grid.flat, panels, strict=False):
        _bars(axes, f"{title} ({sum(counts.values())})", counts)
    for axes in list(grid.flat)[len(panels) :]:
        axes.set_visible(False)
    figure.suptitle(f"Label distribution, {stats.documents} document(s)", fontsize=13)
    figure.tight_layout()
    figure.savefig(path, dpi=_DPI)
    plt.close(figure)


def plot_tokens(stats: CorpusStats, path: Path) -> None:
    """Histogram of document lengths in tokens, with the mean and median marked."""
    plt = _pyplot()
    lengths = sorted(stats.tokens_per_document)
    # Bins of a round width from 0, so that one document or a thousand read the same way.
    step = max(10, math.ceil(max(lengths, default=0) / _BINS / 10) * 10)
    figure, axes = plt.subplots(figsize=(8, 4))
    axes.hist(lengths, bins=range(0, max(lengths, default=0) + 2 * step, step), color=_COLOUR, edgecolor="white")
    _integer_ticks(axes.yaxis)
    if lengths:
        mean, median = sum(lengths) / len(lengths), lengths[len(lengths) // 2]
        axes.axvline(mean, color="#c0392b", linestyle="--", label=f"mean {mean:.0f}")
        axes.axvline(median, color="#27ae60", linestyle=":", label=f"median {median}")
        axes.legend(frameon=False)
    axes.set_xlabel("tokens per document")
    axes.set_ylabel("documents")
    axes.set_title(f"Tokens per document ({len(lengths)} document(s))", loc="left", fontweight="bold")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    figure.savefig(path, dpi=_DPI)
    plt.close(figure)


def plot_sources(stats: CorpusStats, path: Path) -> None:
    """The most quoted sources, by number of attributions."""
    plt = _pyplot()
    top = Counter(dict(stats.quotes_per_source.most_common(TOP_SOURCES)))
    figure, axes = plt.subplots(figsize=(9, 1.2 + 0.35 * max(len(top), 3)))
    shown = f"top {TOP_SOURCES} of {len(stats.quotes_per_source)}" if len(stats.quotes_per_source) > TOP_SOURCES else ""
    _bars(axes, f"Quotations per source {shown}".strip(), top)
    axes.set_xlabel("quotations attributed (a source is named by its coreference cluster)")
    figure.tight_layout()
    figure.savefig(path, dpi=_DPI)
    plt.close(figure)


def write_plots(stats: CorpusStats, out_dir: Path) -> list[Path]:
    """Write the three PNG plots into ``out_dir``; returns their paths."""
    paths = [out_dir / LABELS_PNG, out_dir / TOKENS_PNG, out_dir / SOURCES_PNG]
    for plot, path in zip((plot_labels, plot_tokens, plot_sources), paths, strict=True):
        plot(stats, path)
    return paths
