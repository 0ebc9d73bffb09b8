"""Evaluation: precision, recall and F1 of predicted layers against gold ones, per layer and per type.

``read_records`` reads records from files, folders or a release folder;
``evaluate_records`` scores them; ``newscorpus.evaluate.report`` renders the
result as a table or as JSON.
"""

from newscorpus.evaluate.inputs import read_records
from newscorpus.evaluate.scoring import Evaluation, evaluate_records

__all__ = ["Evaluation", "evaluate_records", "read_records"]
