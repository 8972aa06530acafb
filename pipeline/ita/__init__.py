"""What the pipeline knows of the ITA itself, independent of any file: the framework
(tools, indicators, grade bands, weights; `data/framework.json`), the O-item catalogues by
assessment year (`data/catalogues/`), the vocabulary reports use for the same facts, and
the findings a reader of a report should look at (one registry of codes)."""
