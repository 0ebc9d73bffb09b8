"""Build: records to the release folder (Parquet, dataset card, checksums)."""
