"""The output folder as a dataset that grows by parts, safe to kill and resume.

Each batch of converted files becomes one Parquet part per table,
`DIR/<table>.parquet/part-<run>-<n>.parquet`, written to a hidden temporary
name and renamed. The manifest part is written last: it is the batch's commit
marker, so a part without its manifest part (a run killed mid-batch) is an
orphan and is removed before a resumed run goes on. A run without `--resume`
builds its parts in a hidden staging folder and moves them into place at the
end, so the folder holds either the old output or the new. CSVs are merged from
the parts at the end. Without `parquet` in the formats the parts are kept in
`DIR/.parts/`, still resumable.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.schema import TABLES, Row
from pipeline.writers import atomic_write, to_arrow, write_csv

MANIFEST = "manifest"
PART_PREFIX = "part-"


class DatasetWriter:
    def __init__(self, out: Path, formats: list[str], resume: bool) -> None:
        self.out, self.formats, self.resume = out, formats, resume
        self.run = f"{time.time_ns():020d}-{os.getpid()}"
        home = out if "parquet" in formats else out / ".parts"
        self.home = home
        self.root = home if resume else out / f".staging-{self.run}"
        self.count = 0
        self.root.mkdir(parents=True, exist_ok=True)
        if resume:
            self._drop_orphans()

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        """A fresh run that fails leaves the old output and no staging folder."""
        if kind is not None and not self.resume:
            shutil.rmtree(self.root, ignore_errors=True)

    def _folder(self, root: Path, table: str) -> Path:
        return root / f"{table}.parquet"

    def _parts(self, root: Path, table: str) -> list[Path]:
        folder = self._folder(root, table)
        return sorted(folder.glob(f"{PART_PREFIX}*.parquet")) if folder.is_dir() else []

    def _drop_orphans(self) -> None:
        """Remove parts of batches whose manifest part was never written."""
        committed = {p.name for p in self._parts(self.root, MANIFEST)}
        for table in TABLES:
            folder = self._folder(self.root, table)
            for stale in folder.glob(".*.tmp") if folder.is_dir() else []:
                stale.unlink()
            for part in self._parts(self.root, table):
                if part.name not in committed:
                    part.unlink()

    def done(self) -> set[str]:
        """doc_ids of the inputs already converted (resume)."""
        parts = self._parts(self.root, MANIFEST)
        if not parts:
            return set()
        return set(ds.dataset(parts, format="parquet").to_table(columns=["doc_id"])
                   .column("doc_id").to_pylist())

    def write(self, tables: dict[str, list[Row]]) -> dict[str, pa.Table]:
        """One batch: a part per table, the manifest part last; the parts as written."""
        name = f"{PART_PREFIX}{self.run}-{self.count:06d}.parquet"
        self.count += 1
        written = {}
        for table in sorted(TABLES, key=lambda t: t == MANIFEST):
            folder = self._folder(self.root, table)
            folder.mkdir(exist_ok=True)
            arrow = written[table] = to_arrow(table, tables.get(table, []))
            atomic_write(folder / name, lambda tmp, a=arrow: pq.write_table(a, tmp))
        return written

    def finish(self) -> None:
        """Move a fresh run's parts into place, then merge the CSVs."""
        if not self.resume:
            self.home.mkdir(parents=True, exist_ok=True)
            for table in TABLES:
                target, new = self._folder(self.home, table), self._folder(self.root, table)
                old = self.home / f".old-{self.run}-{table}"
                if target.exists():
                    target.rename(old)
                if new.exists():
                    new.rename(target)
                shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(self.root, ignore_errors=True)
        if "csv" in self.formats:
            for table in TABLES:
                write_csv(self.out / f"{table}.csv", table, self.rows(table))

    def rows(self, table: str) -> Iterator[Row]:
        """Every row of a table, part by part (memory holds one part at a time)."""
        for part in self._parts(self.home, table):
            yield from pq.read_table(part).to_pylist()
