"""Static HTML pages for reading annotated articles: one page per record and an index.

Every page is self-contained (style and script inlined, nothing fetched), so it
works opened from a file:// URL, offline, or attached to an email. Entities are
coloured by type with a legend; quotations show source, cue and content;
hovering a mention lights its coreference chain and hovering a temporal
expression shows its normalized value.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

from newscorpus.labels import ENTITY_LABELS
from newscorpus.licensing import is_open_license
from newscorpus.stats.counts import cluster_name
from newscorpus.viewer.markup import Highlight, render_highlights

INDEX_HTML = "index.html"
# One colour per OntoNotes 5 type (after displaCy's palette, made distinct per type).
ENTITY_COLOURS: dict[str, str] = {
    "PERSON": "#c8bdfd",
    "NORP": "#dcb5fc",
    "FAC": "#9cc9cc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "PRODUCT": "#bfeeb7",
    "EVENT": "#ffeb80",
    "WORK_OF_ART": "#f0d0ff",
    "LAW": "#ff8197",
    "LANGUAGE": "#ffb3c1",
    "DATE": "#bfe1d9",
    "TIME": "#a8d5e2",
    "PERCENT": "#d9e7a2",
    "MONEY": "#e6d3a3",
    "QUANTITY": "#d4d4aa",
    "ORDINAL": "#cfd8dc",
    "CARDINAL": "#e4e7d2",
}
# Drawing order for spans with the same extent: quotation parts outside, then mentions, entities, timex.
_RANK = {"content": 0, "source": 1, "cue": 1, "mention": 2, "entity": 3, "timex": 4}


def _asset(name: str) -> str:
    return files("newscorpus.viewer").joinpath("static", name).read_text(encoding="utf-8")


def _style() -> str:
    rules = "\n".join(f".ent-{label} {{ background: {ENTITY_COLOURS[label]}; }}" for label in ENTITY_LABELS)
    return f"{_asset('viewer.css')}\n{rules}"


def annotation_spans(record: dict[str, Any]) -> list[Highlight]:
    """Every span the page draws: quotation parts, coreference mentions, entities, temporal expressions."""
    layers = record["layers"]
    qid_of = {link["entity"]: link["qid"] for link in layers["entity_links"]["items"]}
    spans: list[Highlight] = []
    for quote in layers["quotations"]["items"]:
        attributes = (("data-quote", quote["id"]), ("data-type", quote["type"]))
        for part in ("content", "source", "cue"):
            if quote[part] is not None:
                span = quote[part]
                title = f"{quote['id']} {part} ({quote['type']})"
                spans.append(Highlight(span["start"], span["end"], f"q-{part}", attributes, _RANK[part], title))
    for cluster in layers["coreference"]["items"]:
        for mention in cluster["mentions"]:
            attributes = (("data-cluster", cluster["id"]), ("data-mention", mention["id"]))
            title = f"{cluster['id']}: {mention['kind']}"
            spans.append(Highlight(mention["start"], mention["end"], "mention", attributes, _RANK["mention"], title))
    for entity in layers["entities"]["items"]:
        qid = qid_of.get(entity["id"])
        attributes = (("data-ent", entity["id"]), ("data-label", entity["label"]))
        title = entity["label"] + (f" · Wikidata {qid}" if qid else "")
        css_class = f"ent ent-{entity['label']}"
        spans.append(Highlight(entity["start"], entity["end"], css_class, attributes, _RANK["entity"], title))
    for timex in layers["timex"]["items"]:
        value = timex["value"] or "unresolved"
        attributes = (("data-timex", timex["id"]), ("data-type", timex["type"]), ("data-value", value))
        spans.append(
            Highlight(timex["start"], timex["end"], "timex", attributes, _RANK["timex"], f"{timex['type']} {value}")
        )
    return spans


def _article(record: dict[str, Any]) -> str:
    spans = annotation_spans(record)
    text = record["text"]
    return "\n".join(
        f'<p class="role-{p["role"]}">{render_highlights(text, spans, p["start"], p["end"])}</p>'
        for p in record["layers"]["paragraphs"]["items"]
    )


def _legend(record: dict[str, Any]) -> str:
    present = {entity["label"] for entity in record["layers"]["entities"]["items"]}
    chips = " ".join(f'<span class="chip ent-{label}">{label}</span>' for label in ENTITY_LABELS if label in present)
    return (
        f'<div class="legend"><b>Entities</b> {chips or "none"} <b>Quotations</b> '
        '<span class="q-source">source</span> <span class="q-cue">cue</span> '
        '<span class="q-content">content</span> <b>Coreference</b> '
        '<span class="swatch-mention">mention</span> (hover: its chain) <b>Time</b> '
        '<span class="swatch-timex">expression</span> (hover: its value)</div>'
    )


def _quote_item(quote: dict[str, Any]) -> str:
    source = quote["source"]["text"] if quote["source"] else "(unstated)"
    cue = quote["cue"]["text"] if quote["cue"] else ""
    return (
        f'<li data-quote="{escape(quote["id"])}"><span class="q-src">{escape(source)}</span> '
        f'<span class="q-cue">{escape(cue)}</span> <span class="q-type">{escape(quote["type"])}</span><br>'
        f'<span class="q-text">{escape(quote["content"]["text"])}</span></li>'
    )


def _chain_item(cluster: dict[str, Any]) -> str:
    mentions = " · ".join(escape(mention["text"]) for mention in cluster["mentions"])
    name = escape(cluster_name(cluster))
    return f'<li data-cluster="{escape(cluster["id"])}"><b>{name}</b> ({len(cluster["mentions"])}): {mentions}</li>'


def _sidebar(record: dict[str, Any]) -> str:
    """Quotations as "source cue: content", coreference chains, and temporal values, listed."""
    layers = record["layers"]
    quotes, clusters, times = (layers[name]["items"] for name in ("quotations", "coreference", "timex"))
    timex = "".join(
        f"<li>{escape(t['text'])} → {escape(t['type'])} {escape(t['value'] or 'unresolved')}</li>" for t in times
    )
    return (
        f"<aside><h2>Quotations ({len(quotes)})</h2><ol>{''.join(_quote_item(q) for q in quotes)}</ol>"
        f"<h2>Coreference chains ({len(clusters)})</h2><ul>{''.join(_chain_item(c) for c in clusters)}</ul>"
        f"<h2>Temporal expressions ({len(times)})</h2><ul>{timex}</ul></aside>"
    )


def _page(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
{_style()}
</style>
</head>
<body>
{body}
<script>
{_asset("viewer.js")}
</script>
</body>
</html>
"""


def _licence(source: dict[str, Any]) -> str:
    """The text's licence as the page shows it: the licence, linked, or the publisher's rights."""
    if not is_open_license(source["license_id"]):
        return "text © its publisher, not openly licensed"
    return f'text <a href="{escape(source["license_url"] or "")}">{escape(source["license_id"])}</a>'


def _credit(source: dict[str, Any]) -> str:
    """The attribution a CC BY text asks for wherever it is shown (title, author, source, licence, changes)."""
    attribution = source["attribution"]
    if not attribution:
        return ""
    return (
        f'<footer class="meta">“<a href="{escape(attribution["url"])}">{escape(attribution["title"])}</a>” by '
        f"{escape(attribution['author'])}, licensed under "
        f'<a href="{escape(attribution["license_url"])}">{escape(attribution["license"])}</a>. '
        f"{escape(attribution['changes'])}</footer>"
    )


def render_document(record: dict[str, Any]) -> str:
    """The page of one article, with the text's licence and, for CC BY text, its attribution."""
    source, metadata = record["source"], record["metadata"]
    headline = metadata["headline"] or record["id"]
    facts = [source["publisher"] or "unknown publisher", metadata["publication_date"]["value"] or "undated"]
    link = f' · <a href="{escape(source["url"])}">original</a>' if source["url"] else ""
    body = (
        f'<header><nav><a href="{INDEX_HTML}">All documents</a></nav>'
        f'<div class="meta">{" · ".join(escape(fact) for fact in facts)} · {_licence(source)} · '
        f"<code>{escape(record['id'])}</code>{link}</div>"
        f"{_legend(record)}</header>\n"
        f"<main><article>\n{_article(record)}\n</article>\n{_sidebar(record)}</main>\n{_credit(source)}"
    )
    return _page(f"{headline} · newscorpus", body)


def render_index(records: list[dict[str, Any]]) -> str:
    """The page listing every written article, with what is annotated in it."""
    rows = "".join(
        f'<tr><td><a href="{escape(r["id"])}.html">{escape(r["metadata"]["headline"] or r["id"])}</a></td>'
        f"<td>{escape(r['source']['publisher'] or '')}</td>"
        f"<td>{escape(r['metadata']['publication_date']['value'] or 'undated')}</td>"
        f"<td>{escape(r['source']['license_id'] if is_open_license(r['source']['license_id']) else 'publisher')}</td>"
        + "".join(f"<td>{len(r['layers'][layer]['items'])}</td>" for layer in ("entities", "quotations", "coreference"))
        + "</tr>"
        for r in records
    )
    body = (
        f'<header><h1>newscorpus</h1><p class="meta">{len(records)} article(s)</p></header><main class="index"><div>'
        '<table class="docs"><thead><tr><th>headline</th><th>publisher</th><th>date</th><th>text licence</th>'
        f"<th>entities</th><th>quotations</th><th>chains</th></tr></thead><tbody>{rows}</tbody></table></div></main>"
    )
    return _page("newscorpus articles", body)


def write_pages(records: list[dict[str, Any]], out_dir: Path) -> list[Path]:
    """Write one page per record and the index into ``out_dir``; returns the paths, index first."""
    index = out_dir / INDEX_HTML
    index.write_text(render_index(records), encoding="utf-8")
    written = [index]
    for record in records:
        path = out_dir / f"{record['id']}.html"
        path.write_text(render_document(record), encoding="utf-8")
        written.append(path)
    return written
