"""Interchange: records to the formats annotators and model builders use, and back.

One module per external format. Exports (``conll2003``, ``conllu``,
``spacy_docbin``, ``brat``, ``jsonl`` and ``labelstudio`` tasks) turn a
validated record into the format's text or bytes. Imports (``brat``,
``labelstudio``) read annotations into the neutral ``imported`` model, which
``merge`` turns into gold layers of the matching record. ``export`` and
``importing`` are the steps that the CLI commands in ``commands`` call.
docs/formats.md describes every format.
"""
