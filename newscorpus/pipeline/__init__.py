"""Orchestration: the corpus-wide convert, validate and build, run as batch tasks on an engine.

``corpus`` runs a step over the whole corpus; ``tasks`` holds the picklable batch
functions the engines run. Nothing below this package imports it.
"""
