"""Record files: where they live in a corpus, reading, canonical writing, and layer provenance."""
