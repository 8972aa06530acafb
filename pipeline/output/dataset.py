"""The output folder as a dataset that grows by parts, safe to kill and resume.

Each batch of converted files becomes one Parquet part per table,
`DIR/<table>.parquet/part-<run>-<n>.parquet`, written to a hidden temporary
name and renamed. The manifest part is written last: it is the batch's commit
marker, so a part without its manifest part (a run killed mid-batch) is an
orphan and is removed before a resumed run goes on. A run without `--resume`
builds its parts in a hidden staging folder and moves them into place at the
end, so the folder holds either the old output or the new; `--resume` after
such a run was killed goes on in its staging folder. CSVs are merged from the
parts into hidden temporary files first and renamed into place only when all
are written, so a full disk leaves the previous output whole. Without
`parquet` in the formats the parts are kept in `DIR/.parts/`, still resumable.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import ItaError
from pipeline.output.folder import PARTS
from pipeline.output.memory import give_back
from pipeline.output.schema import TABLES, Row
from pipeline.output.writers import CSV_CHUNK, atomic_write, to_arrow, write_csv

if TYPE_CHECKING:
    import pyarrow as pa

MANIFEST = "manifest"
PART_PREFIX = "part-"
STAGING = ".staging-"


class OutputError(ItaError):
    """The output folder could not be written (read-only, full, or not a folder)."""


@contextmanager
def _writing(out: Path) -> Iterator[None]:
    """Turn a failure to write under `out` into an OutputError that says why."""
    try:
        yield
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc)) from exc


class DatasetWriter:
    def __init__(self, out: Path, formats: list[str], resume: bool) -> None:
        self.out, self.formats, self.resume = out, formats, resume
        self.run = f"{time.time_ns():020d}-{os.getpid()}"
        self.home = out if "parquet" in formats else out / PARTS
        self.count = 0
        with _writing(out):
            killed = self._staged_run() if resume else None
            if killed is not None:  # --resume goes on with the parts of a killed fresh run
                self.root = killed
            else:
                self.root = self.home if resume else out / f"{STAGING}{self.run}"
            self.root.mkdir(parents=True, exist_ok=True)
            if resume:
                self._drop_orphans()

    @property
    def staged(self) -> bool:
        """True when this run's parts are moved into place at the end."""
        return self.root != self.home

    def _staged_run(self) -> Path | None:
        """The staging folder of the newest run killed before it finished, if it committed a
        batch; older staging folders are removed."""
        folders = sorted(self.out.glob(f"{STAGING}*")) if self.out.is_dir() else []
        committed = [f for f in folders if self._parts(f, MANIFEST)]
        keep = committed[-1] if committed else None
        for folder in folders:
            if folder != keep:
                shutil.rmtree(folder, ignore_errors=True)
        return keep

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        """A fresh run that fails leaves the old output and no staging folder."""
        if kind is not None and self.staged and not self.resume:
            shutil.rmtree(self.root, ignore_errors=True)
        for tmp in self.out.glob(f".*.{self.run}.tmp") if self.out.is_dir() else []:
            tmp.unlink()

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
        import pyarrow.parquet as pq

        parts = self._parts(self.root, MANIFEST)
        if not parts:
            return set()
        return {doc_id for part in parts
                for doc_id in pq.read_table(part, columns=["doc_id"]).column("doc_id").to_pylist()}

    def write(self, tables: dict[str, list[Row]]) -> dict[str, pa.Table]:
        """One batch: a part per table, the manifest part last; the parts as written."""
        import pyarrow.parquet as pq

        name = f"{PART_PREFIX}{self.run}-{self.count:06d}.parquet"
        self.count += 1
        written = {}
        for table in sorted(TABLES, key=lambda t: t == MANIFEST):
            folder = self._folder(self.root, table)
            arrow = written[table] = to_arrow(table, tables.get(table, []))
            with _writing(self.out):
                folder.mkdir(exist_ok=True)
                atomic_write(folder / name, lambda tmp, a=arrow: pq.write_table(a, tmp))
        return written

    def finish(self) -> None:
        """Merge the CSVs into temporary files, then move everything into place."""
        with _writing(self.out):
            merged = self._merge_csvs()
            if self.staged:
                self._move_parts()
            for table, tmp in merged.items():
                os.replace(tmp, self.out / f"{table}.csv")

    def _merge_csvs(self) -> dict[str, Path]:
        """Every table's CSV, from this run's parts, written to a hidden temporary file."""
        merged = {}
        if "csv" in self.formats:
            for table in TABLES:
                tmp = merged[table] = self.out / f".{table}.csv.{self.run}.tmp"
                write_csv(tmp, table, self._rows(self.root, table))
                give_back()
        return merged

    def _move_parts(self) -> None:
        """Put a staged run's parts in place of the old ones (renames only: no space needed)."""
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

    def _rows(self, root: Path, table: str) -> Iterator[Row]:
        """Every row of a table under `root`, a few thousand at a time."""
        import pyarrow.parquet as pq

        for part in self._parts(root, table):
            for batch in pq.ParquetFile(part).iter_batches(batch_size=CSV_CHUNK):
                yield from batch.to_pylist()
