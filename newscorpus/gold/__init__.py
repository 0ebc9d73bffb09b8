"""Gold annotation made as independent pass files, measured for agreement, adjudicated and applied to records.

``passfile`` reads and checks the shape of a pass (format 1, docs/gold.md);
``check`` checks a pass against its record with the validator; ``canonical``
turns a pass's items into id-free values that two passes can compare;
``agreement`` measures how far two passes agree (coreference with
``newscorpus.evaluate.coref_metrics``), and
``table`` renders it; ``disagreements`` lists what an adjudicator decides and
checks an adjudication; ``apply`` writes gold layers into records, with
``reanchor`` for text that changed; ``selection`` is the rule choosing which
documents get gold.
"""
