"""The codes of input a command cannot use at all (``UnusableInputError``, exit code 2).

Part of the registry in ``newscorpus.problems.codes``.
"""

from __future__ import annotations

from collections.abc import Callable

from newscorpus.problems.entry import Code


def _stage(stage: str) -> Callable[..., Code]:
    """A constructor of the codes of one stage (the step whose input the code refuses)."""

    def code(title: str, hint: str, example: str = "") -> Code:
        return Code(title, hint, stage=stage, example=example)

    return code


_convert = _stage("convert")
_build = _stage("build")
_io = _stage("io")
_annotate = _stage("annotate")
_evaluate = _stage("evaluate")
_stats = _stage("stats")
_view = _stage("view")
_engine = _stage("engine")
_capture = _stage("capture")
_notice = _stage("notice")
_file = _stage("file")


UNUSABLE_CODES: dict[str, Code] = {
    # Raw captures and the corpus folder (convert, build)
    "raw.empty": _convert("The raw file is empty", "Add the article text.", example="a 0-byte file corpus/raw/x/a.txt"),
    "raw.too-large": _convert(
        "The raw file is larger than the limit",
        "A raw capture holds one article.",
        example="a 50 MB text dump saved as one capture",
    ),
    "raw.encoding": _convert(
        "The raw file is not UTF-8",
        "Re-save the file as UTF-8.",
        example='a file saved as Latin-1 ("Caf\\xe9") or UTF-16 with a BOM',
    ),
    "raw.binary": _convert(
        "The raw file is binary (holds NUL bytes)",
        "Raw captures are UTF-8 text files.",
        example="a PNG or a UTF-16 file without BOM (holds NUL bytes)",
    ),
    "raw.unreadable": _convert(
        "The raw file cannot be read",
        "Check the path and its permissions.",
        example="a capture without read permission",
    ),
    "raw.no-text": _convert(
        "The raw file holds no text",
        "Add the article text.",
        example="a file of spaces, blank lines and zero-width spaces",
    ),
    "raw.no-body": _convert(
        "No article body: only headline, credit or boilerplate",
        "Check the capture and profile.",
        example='a file holding only "Support The Moscow Times!" and "Read more"',
    ),
    "raw.outside-corpus": _convert(
        "A raw capture is a link or lies outside corpus/raw/",
        "Copy the file in instead.",
        example="corpus/raw/x.txt is a symbolic link to a file elsewhere",
    ),
    "raw.duplicate": _convert(
        "Two raw captures give the same document id",
        "Keep one copy of the article.",
        example="the same capture copied into two publisher folders",
    ),
    "profile.invalid": _convert(
        "A publisher profile is not valid TOML or cannot be read",
        "Fix the TOML syntax; see docs/profiles.md.",
        example="a profile with an unclosed string",
    ),
    "profile.unknown-key": _convert(
        "A publisher profile has a key the format does not know",
        "Remove or rename the key; docs/profiles.md lists every key.",
        example='"headline_rule = ..." in a profile',
    ),
    "profile.missing-key": _convert(
        "A publisher profile lacks a key it needs",
        "Add the key; docs/profiles.md says which are required and which go together.",
        example="a profile without license, or a [credit] without pattern",
    ),
    "profile.wrong-type": _convert(
        "A profile key has a value of the wrong type",
        "Give the type docs/profiles.md names (string, boolean, table or array of tables).",
        example='"split_line = "yes"" or "credit = "Photo"" instead of a [credit] table',
    ),
    "profile.bad-pattern": _convert(
        "A profile pattern is not a usable Python regular expression",
        "Fix the regular expression (patterns match whole normalized paragraphs).",
        example='a profile pattern "(unclosed", or a dateline pattern without (?P<year>...)',
    ),
    "profile.duplicate-id": _convert(
        "Two publisher profiles have the same id",
        "Give each profile its own id; a corpus profile may not reuse a packaged one's.",
        example="corpus/profiles/generic.toml beside the packaged generic profile",
    ),
    # Capture: external sources into raw files
    "capture.bad-source": _capture(
        "A capture source file cannot be read",
        "Give the source files as published (UTF-8 CSV with the columns url, date, title, text).",
        example="a CSV whose first line is not url,date,title,text",
    ),
    "capture.bad-row": _capture(
        "A source row cannot be captured exactly",
        "Fix the row: url an English Wikinews article URL, date YYYY-MM-DD, title one line, each URL once.",
        example="a row whose title holds a line break",
    ),
    "capture.conflict": _capture(
        "A capture would change a raw file already in the corpus",
        "Raw captures never change: remove the file (and its record) first if the source was corrected.",
        example="corpus/raw/wikinews/2019-01-04-x-1a2b3c4d.txt edited by hand, then captured again",
    ),
    # Notices: reported by convert and build, which still succeed
    "date.dateline-disagrees": _notice(
        "The dateline disagrees with the published date, or names no date",
        "The record keeps the published date and says so in its evidence; check the source.",
        example="header date: 2019-01-04 with the dateline 'Saturday, January 5, 2019'",
    ),
    "date.header-invalid": _notice(
        "The capture header's date is not a calendar date",
        "The publication date is then taken from the dateline, or left null; fix the capture.",
        example="date: 2019-02-30 in a capture header",
    ),
    "corpus.missing": _build(
        "There is no corpus/raw/ folder",
        "Run from the repository root or pass --root.",
        example="newscorpus build run outside the repository root",
    ),
    "corpus.locked": _build(
        "Another convert or build is running",
        "Wait for it to finish.",
        example="a second newscorpus build started while one is running",
    ),
    "record.unreadable": _convert(
        "A record file cannot be read as a record (the message names the input.* reason)",
        "Run `newscorpus validate` on it, then fix or remove it (convert keeps a record's gold layers).",
        example="a record file with a duplicate key, given to convert, export, import, evaluate or stats",
    ),
    "record.malformed-gold": _convert(
        "The gold a record holds cannot be read: a span layer's provenance or items are malformed",
        "Run `newscorpus validate` on the record and fix what it names; convert will not drop gold it cannot read.",
        example='an entities layer whose items say "gold": true but whose provenance is not a list',
    ),
    "corpus.lock-not-a-file": _build(
        "The corpus lock path is not a regular file",
        "Remove corpus/.lock; newscorpus makes it again as a plain file.",
        example="corpus/.lock is a symbolic link or a folder",
    ),
    "raw.not-regular": _convert(
        "A raw capture is not a regular file",
        "Raw captures are regular files; remove the FIFO, device or socket.",
        example="a named pipe corpus/raw/x/a.txt",
    ),
    # The file system (newscorpus.problems.file_errors: every OSError becomes one of these)
    "file.read-only": _file(
        "The file system is read-only",
        "Run build and convert on a writable copy of the corpus.",
        example="corpus/ mounted read-only (mount --bind -o ro)",
    ),
    "file.disk-full": _file(
        "No space left on the device (or the quota is used up)",
        "Free space and run the command again; nothing committed was changed.",
        example="a build on a small tmpfs that fills while Parquet shards are written",
    ),
    "file.permission-denied": _file(
        "Permission denied",
        "Give the user running newscorpus read and write permission on the path.",
        example="corpus/records/ owned by another user, without write permission",
    ),
    "file.not-regular": _file(
        "A folder, link or special file where a regular file is expected",
        "Remove or rename what is in its place.",
        example="a folder where a record is written",
    ),
    "file.missing": _file(
        "A file went away while the command ran",
        "Run the command again.",
        example="a record deleted by another program during a build",
    ),
    "file.io": _file(
        "The file system reported an error",
        "Check the disk and run the command again.",
        example="an input/output error (EIO) from a failing disk",
    ),
    # Interchange: export to and import from external formats (newscorpus.io)
    "export.invalid-record": _io(
        "A record to export is not valid",
        "Run `newscorpus validate` on it and fix the problems first.",
        "exporting a record whose entity ends past the end of its text",
    ),
    "export.unaligned-span": _io(
        "A span does not start and end on token boundaries",
        "CoNLL-U and spaCy need spans on token boundaries; move the span's ends onto tokens.",
        "a quotation cue that ends inside a token",
    ),
    "export.token-whitespace": _io(
        "A token holds whitespace, which CoNLL-2003 cannot write",
        "Tokens hold no whitespace; re-run `newscorpus convert`.",
        "a token 'New York' added by hand",
    ),
    "export.output": _io(
        "The output cannot be written",
        "Give a file path for single-file formats and a folder for brat.",
        "exporting brat to a path that is an existing file",
    ),
    "import.malformed": _io(
        "The import file is not in the expected format",
        "See docs/formats.md for what BRAT and Label Studio files hold.",
        "a T line without offsets in a .ann file",
    ),
    "import.unsupported": _io(
        "The import file holds annotation the import does not read",
        "Remove it, or add it to the record by hand; see docs/formats.md.",
        "a discontinuous BRAT span, or a Label Studio choices result",
    ),
    "import.unknown-label": _io(
        "A label the import mapping does not know",
        "Use an OntoNotes 5 type, Content, Cue or Source; see docs/formats.md.",
        "a BRAT entity typed Person instead of PERSON",
    ),
    "import.no-record": _io(
        "No record matches the imported document",
        "Name BRAT files <document id>.ann; give Label Studio tasks data.document_id.",
        "importing notes.ann when no record has the id notes",
    ),
    "import.text-mismatch": _io(
        "The imported document's text differs from the record's text",
        "Annotate the exact text the export wrote; the offset is the first character that differs.",
        "a .txt file in which an editor turned a straight quote into a curly one",
    ),
    "import.span-mismatch": _io(
        "An annotated span's text differs from the document text at its offsets",
        "Offsets are code points into the text; fix the offsets or the span's text.",
        "T3 says 'Putin' but the text at its offsets reads 'Putni'",
    ),
    "import.quote-structure": _io(
        "Quote parts are not connected as one content with at most one cue and one source",
        "Link each Content to at most one Cue and one Source; remove stray parts.",
        "a Source span linked to no Content",
    ),
    "import.ambiguous": _io(
        "A Label Studio task has more than one annotation to import",
        "Mark one annotation as ground truth, or export one annotator's work.",
        "a task annotated by two people, neither marked ground truth",
    ),
    # Pre-annotation and evaluation (newscorpus.annotate, newscorpus.evaluate)
    "gazetteer.invalid": _annotate(
        "A gazetteer file is not valid",
        "One entry a line: an OntoNotes 5 label, a tab, the name; lines starting with # are comments.",
        "a line 'Person<tab>Ana Ruiz' (labels are OntoNotes 5: PERSON)",
    ),
    "kb.invalid": _annotate(
        "The entity linker's knowledge base cannot be read or is not in its format",
        "Rebuild it (python scripts/build_kb.py) or point NEWSCORPUS_LINK_KB at a file of format newscorpus-kb/1.",
        "an entry whose 'qid' is 'q42' (a QID is Q and digits) or that has no evidence",
    ),
    "spacy-pipeline.unavailable": _annotate(
        "The configured spaCy pipeline cannot be loaded",
        "Install it, or set NEWSCORPUS_SPACY_PIPELINE to a saved pipeline folder; unset it to annotate without one.",
        "NEWSCORPUS_SPACY_PIPELINE=en_core_web_sm on a machine without that package",
    ),
    "ner-model.unavailable": _annotate(
        "The NER model cannot be read, or was trained with other features than this code computes",
        "Retrain it (python scripts/train_ner.py), point NEWSCORPUS_NER_MODEL at a model folder, or set it to 'rules'.",
        "NEWSCORPUS_NER_MODEL=models/old, a model trained with features version 0",
    ),
    "annotate.output": _annotate(
        "`newscorpus annotate` would write into corpus/records/",
        "Write predictions to another folder; convert alone writes corpus/records/.",
        "`newscorpus annotate --out corpus/records`",
    ),
    "evaluate.no-shared-documents": _evaluate(
        "Gold and predictions share no document id",
        "Score predictions made for the same articles as the gold records.",
        "predictions for another article than the gold one",
    ),
    "evaluate.text-mismatch": _evaluate(
        "Gold and prediction hold different texts for the same document",
        "Annotate the gold record's own text (`newscorpus annotate`), so that offsets agree.",
        "a prediction made from a different conversion of the article",
    ),
    # Looking at the corpus (stats, view)
    "records.none": _build(
        "There are no record files", "Run `newscorpus build` first, or pass --root.", "an empty corpus/records/"
    ),
    "records.invalid": _build(
        "A record does not pass validation", "Run `newscorpus validate` and fix it.", "an entity span past the text"
    ),
    "view.unknown-document": _view(
        "No record has this document id",
        "Pass a record's file name from corpus/records/ without .json.",
        "newscorpus view no-such-id",
    ),
    "output.not-a-folder": _stats(
        "The output path is not a folder", "Pass --out a folder or a new path.", "--out README.md"
    ),
    "stats.no-matplotlib": _stats(
        "matplotlib is not installed", "pip install 'newscorpus[stats]'", "stats without the stats extra"
    ),
    # Engines (build, convert, validate with --engine)
    "engine.unavailable": _engine(
        "The chosen engine cannot run",
        "For --engine ray: pip install 'newscorpus[ray]' and check --address.",
        "--engine ray without the ray extra, or an --address where no cluster answers",
    ),
    "engine.worker-lost": _engine(
        "A worker process died before it finished its task",
        "Check memory (the kernel's OOM killer) and run the command again, with fewer --jobs if memory is short.",
        "a worker killed by the out-of-memory killer during a build",
    ),
}
