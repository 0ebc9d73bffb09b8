"""Release: records to the release folder (Parquet shards per config and split, dataset card, Croissant, checksums)."""
