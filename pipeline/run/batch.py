"""A batch: every input of a run converted into one output folder, and what the run says.

`convert_batch` names the stages of a run in order: find the inputs (each accounted for),
decide what to convert (not done before with `--resume`, each content once), convert in
the chosen engine, and write each batch of results as a part of the output folder (and,
if asked, into a database), then move the output into place whole.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from pipeline import database
from pipeline.errors import UsageError
from pipeline.ita.catalogue import Catalogue, CatalogueError, apply_catalogues, catalogues
from pipeline.ita.findings import INFO, Finding
from pipeline.output.dataset import DatasetWriter
from pipeline.output.memory import give_back
from pipeline.output.schema import OUTPUT_TABLES, TABLES, Row
from pipeline.run import engines
from pipeline.run.converted import Converted
from pipeline.run.identity import unify_org_ids
from pipeline.run.inputs import Input, Skipped, discover, file_sha256, path_id
from pipeline.run.options import BatchOptions

EXIT_OK, EXIT_SOME_FAILED = 0, 1
T = TypeVar("T")


@dataclass
class BatchResult:
    """What a run converted, for its summary and exit status."""

    out: Path
    counts: Counter[str] = field(default_factory=Counter)
    failed: list[str] = field(default_factory=list)
    skipped: Skipped = field(default_factory=Skipped)
    already_done: int = 0
    converted: int = 0
    db_error: str | None = None

    @property
    def exit_status(self) -> int:
        """0 when every input was converted, 1 when some failed (or the database load)."""
        return EXIT_SOME_FAILED if self.failed or self.db_error else EXIT_OK

    def summary(self) -> str:
        c = self.counts
        if self.already_done and not self.converted:
            lines = [f"nothing to do: {self.already_done} documents already converted in "
                     f"{self.out}"]
        else:
            docs = c["ok"] + c["partial"] + c["failed"]
            lines = [f"documents: {docs} ({c['ok']} ok, {c['partial']} partial, "
                     f"{c['failed']} failed)",
                     "rows: " + ", ".join(f"{t} {c[t]}" for t in OUTPUT_TABLES[1:]), *self.failed]
        return "\n".join(lines + self.skipped.lines())


@dataclass
class _Batch:
    """The rows of the batch being built, flushed to the output every `batch_size` files."""

    result: BatchResult
    catalogues: dict[int, Catalogue]
    db: database.Target | None
    rows: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def take(self, converted: Converted) -> None:
        doc = converted.document
        self.rows["manifest"].append(converted.manifest_row())
        self.result.counts[doc["status"]] += 1
        self.result.converted += 1
        if doc["status"] == "failed":
            self.result.failed.append(f"  failed: {doc['source_path']}: {doc['error']}")
        for name, rows in converted.tables.items():
            self.rows[name].extend(rows)
            if name != "documents":
                self.result.counts[name] += len(rows)

    def duplicate(self, item: Input, doc_id: str, original: str) -> None:
        """An input with the content of one converted before it: a note, not a second copy."""
        self.rows["manifest"].append({
            "source_path": item.source_path, "doc_id": doc_id, "size": item.path.stat().st_size,
            "sha256": doc_id, "status": "duplicate", "seconds": 0.0})
        self.rows["findings"].append(Finding(
            INFO, "DUPLICATE_FILE",
            f"{item.source_path} has the same content as {original}; it was converted once.",
        ).row(doc_id))
        self.result.counts["findings"] += 1

    def flush(self, writer: DatasetWriter) -> None:
        unify_org_ids(self.rows)
        self.result.counts["findings"] += apply_catalogues(self.rows, self.catalogues)
        written = writer.write(self.rows)
        self.rows = {t: [] for t in TABLES}
        if self.db is not None:
            try:
                self.db.load({t: written[t] for t in database.LOADED})
            except database.DatabaseError as exc:  # conversion goes on; `ita load` catches up
                self.result.db_error = str(exc)
                self.db.close()
                self.db = None
        del written
        give_back()  # the batch's rows and tables are gone; the process stays its size


def _progress(items: Iterable[T], total: int, what: str, shown: bool) -> Iterator[T]:
    """A progress bar with rate and time left on stderr, shown only on a terminal."""
    from tqdm import tqdm  # loaded only when a bar is shown

    return tqdm(items, total=total, desc=what, unit="file", dynamic_ncols=True, leave=False,
                disable=None if shown else True)


def _check(options: BatchOptions) -> None:
    """Refuse, before any work, what the run cannot do."""
    missing = [str(p) for p in options.inputs if not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if options.out.exists() and not options.out.is_dir():
        raise UsageError(f"--out {options.out} is a file, not a folder; name a folder (it is "
                         "made if missing)")


def _todo(options: BatchOptions, items: list[Input], done: set[str],
          batch: _Batch) -> list[Input]:
    """The inputs to convert: not converted before (--resume), each content once."""
    first: dict[str, str] = {}
    todo = []
    for item in _progress(items, len(items), "reading", options.progress):
        doc_id = file_sha256(item.path) or path_id(item.source_path)
        if doc_id in done:
            continue
        if doc_id in first:  # duplicates are decided in input order, before any work
            batch.duplicate(item, doc_id, first[doc_id])
            continue
        first[doc_id] = item.source_path
        todo.append(item)
    return todo


def convert_batch(options: BatchOptions) -> BatchResult:
    """Convert every input into `options.out`. Raises UsageError before any work for what
    cannot be done, and OutputError (the previous output left whole) if the output cannot
    be written; a bad input is never an error, it is a `failed` row."""
    _check(options)
    try:
        known = catalogues(options.catalogue)
        db = database.connect(options.db) if options.db else None
    except (CatalogueError, database.DatabaseError) as exc:
        raise UsageError(str(exc)) from exc
    items, skipped = discover(options.inputs, options.limits, exclude=[options.out])
    items = [replace(item, ocr=options.ocr) for item in items]
    batch = _Batch(BatchResult(options.out, skipped=skipped), known, db)
    try:
        with DatasetWriter(options.out, options.formats, options.resume) as writer:
            done = writer.done() if options.resume else set()
            batch.result.already_done = len(done)
            todo = _todo(options, items, done, batch)
            results = engines.run(options.engine, todo, options.workers, options.timeout,
                                  options.scheduler)
            for converted in _progress(results, len(todo), "converting", options.progress):
                batch.take(converted)
                if len(batch.rows["manifest"]) >= options.batch_size:
                    batch.flush(writer)
            if batch.rows["manifest"] or writer.count == 0:
                batch.flush(writer)
            writer.finish()
    finally:
        if batch.db is not None:
            batch.db.close()
    return batch.result
