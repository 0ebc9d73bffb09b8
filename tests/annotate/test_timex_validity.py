"""Every value the timex annotator emits on every record of the corpus is a valid TIMEX3 value."""

from __future__ import annotations

import json

from newscorpus.annotate.article import Article
from newscorpus.annotate.timex import find_timexes, timex_layer_items
from newscorpus.validate.value_checks import value_problems


def test_every_emitted_value_on_every_corpus_record_is_valid_timex3(repo_root):
    checked = 0
    for path in sorted((repo_root / "corpus" / "records").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for published in (record["metadata"]["publication_date"]["value"], None):
            # With the record's date and without any (then the opening lines or nothing anchor the values).
            metadata = {**record["metadata"], "publication_date": {"value": published}}
            article = Article.from_record({**record, "metadata": metadata})
            items = timex_layer_items(find_timexes(article), article.text)
            candidate = {"layers": {"timex": {"items": items}}, "metadata": {}}
            problems = [p for p in value_problems(candidate, article.text, None) if p.code == "timex.value-invalid"]
            assert problems == [], f"{record['id']}: {[(p.path, p.message) for p in problems][:5]}"
            checked += len(items)
    assert checked > 5_000  # every record was annotated (about 3,300 expressions a pass)
