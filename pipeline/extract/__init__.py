"""One document model in, one `Extraction` out, and nothing else: no files, no output.

`document.extract` walks a `parsers.model.Document` in reading order: metadata (who, which
years), what each table's columns mean (`column_roles`), score tables and scores stated in
prose, measures tables, O-item tables, and the cross-checks of the scores that become
findings. `text_repair` mends broken Thai text in the model before extraction.
"""
