"""The `ita` command (../shared/spec/CONTRACT.md)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from parsers.limits import DEFAULT_LIMITS, MB, Limits
from pipeline import database, engines
from pipeline.audit import STATES, not_audited, read_database, read_folder
from pipeline.audit import audit as audit_rows
from pipeline.audit_report import SUFFIXES, ReportError, write_report
from pipeline.catalogue import Catalogue, CatalogueError, apply_catalogues, catalogues
from pipeline.convert import PARSER_VERSION, Converted
from pipeline.dataset import DatasetWriter, OutputError
from pipeline.findings import INFO, Finding
from pipeline.identity import unify_org_ids
from pipeline.inputs import Input, Skipped, discover, file_sha256, path_id
from pipeline.output_folder import UnreadableTable, dataset_tables_home
from pipeline.schema import OUTPUT_TABLES, TABLES, Row
from pipeline.writers import FORMATS

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
CATALOGUE_HELP = ("an O-item catalogue of your own (.json like pipeline/data/catalogues/, or .csv "
                  "with assessment_year,code,subindicator,title); it replaces the years it gives")
DEFAULT_TIMEOUT = 300
DEFAULT_BATCH = 500


T = TypeVar("T")


def _progress(items: Iterable[T], total: int, what: str, quiet: bool) -> Iterator[T]:
    """A progress bar with rate and time left on stderr, shown only on a terminal."""
    return tqdm(items, total=total, desc=what, unit="file", dynamic_ncols=True, leave=False,
                disable=True if quiet else None)


def _formats(value: str) -> list[str]:
    chosen = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(FORMATS)}"
        )
    return chosen


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ita", description="Thai ITA reports into tables.")
    parser.add_argument("--version", action="version", version=f"ita {PARSER_VERSION}")
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert reports into tables")
    convert.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                         help="files and folders (walked recursively)")
    convert.add_argument("--out", required=True, type=Path, metavar="DIR")
    convert.add_argument("--format", type=_formats, default=list(FORMATS),
                         help="parquet,csv (both by default)")
    convert.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                         help="worker processes (default: all cores)")
    convert.add_argument("--timeout", type=_positive, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                         help=f"time limit per file (default {DEFAULT_TIMEOUT})")
    convert.add_argument("--engine", choices=(engines.LOCAL, engines.DASK), default=engines.LOCAL)
    convert.add_argument("--scheduler", metavar="ADDRESS",
                         help="a Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)")
    convert.add_argument("--resume", action="store_true",
                         help="skip inputs already converted into --out")
    convert.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH, metavar="N",
                         help=f"files per output part (default {DEFAULT_BATCH})")
    convert.add_argument("--db", metavar="URL",
                         help=f"also load each batch into a database: {database.URL_FORMS}")
    convert.add_argument("--max-pages", type=_positive, default=DEFAULT_LIMITS.max_pages,
                         metavar="N", help="refuse PDFs of more pages "
                         f"(default {DEFAULT_LIMITS.max_pages:,})")
    convert.add_argument("--max-file-mb", type=_positive,
                         default=DEFAULT_LIMITS.max_file_bytes // MB, metavar="MB",
                         help="refuse larger files, unread "
                         f"(default {DEFAULT_LIMITS.max_file_bytes // MB})")
    convert.add_argument("--max-unpacked-mb", type=_positive,
                         default=DEFAULT_LIMITS.max_unpacked_bytes // MB, metavar="MB",
                         help="refuse Word files that inflate to more (zip bombs; default "
                         f"{DEFAULT_LIMITS.max_unpacked_bytes // MB})")
    convert.add_argument("--max-memory-mb", type=_positive,
                         default=DEFAULT_LIMITS.max_memory_bytes // MB, metavar="MB",
                         help="memory a worker may take for one file "
                         f"(default {DEFAULT_LIMITS.max_memory_bytes // MB})")
    convert.add_argument("--catalogue", type=Path, metavar="FILE", help=CATALOGUE_HELP)
    convert.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    load = commands.add_parser("load", help="load a converted folder into a database")
    load.add_argument("folder", type=Path, metavar="DIR")
    load.add_argument("--db", required=True, metavar="URL", help=database.URL_FORMS)
    audit = commands.add_parser("audit", help="which organisations lack which O-items, by year")
    audit.add_argument("folder", type=Path, nargs="?", metavar="DIR",
                       help="a folder written by ita convert")
    audit.add_argument("--out", required=True, type=Path, metavar="REPORT",
                       help="the report: .csv, .xlsx or .html")
    audit.add_argument("--db", metavar="URL", help="audit a database instead of DIR")
    audit.add_argument("--catalogue", type=Path, metavar="FILE", help=CATALOGUE_HELP)
    return parser


@dataclass
class _Run:
    """What a run has converted so far: the rows of the batch being built, and counts."""

    catalogues: dict[int, Catalogue] = field(default_factory=dict)
    db: database.Target | None = None
    counts: Counter[str] = field(default_factory=Counter)
    failed: list[str] = field(default_factory=list)
    db_error: str | None = None
    batch: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def take(self, result: Converted) -> None:
        doc = result.document
        self.batch["manifest"].append(result.manifest_row())
        self.counts[doc["status"]] += 1
        if doc["status"] == "failed":
            self.failed.append(f"  failed: {doc['source_path']}: {doc['error']}")
        for name, rows in result.tables.items():
            self.batch[name].extend(rows)
            if name != "documents":
                self.counts[name] += len(rows)

    def duplicate(self, item: Input, doc_id: str, original: str) -> None:
        """An input with the content of one converted before it: a note, not a second copy."""
        self.batch["manifest"].append({
            "source_path": item.source_path, "doc_id": doc_id, "size": item.path.stat().st_size,
            "sha256": doc_id, "status": "duplicate", "seconds": 0.0})
        self.batch["findings"].append(Finding(
            INFO, "DUPLICATE_FILE",
            f"{item.source_path} has the same content as {original}; it was converted once.",
        ).row(doc_id))
        self.counts["findings"] += 1

    def flush(self, writer: DatasetWriter) -> None:
        unify_org_ids(self.batch)
        self.counts["findings"] += apply_catalogues(self.batch, self.catalogues)
        written = writer.write(self.batch)
        self.batch = {t: [] for t in TABLES}
        if self.db is not None:
            try:
                self.db.load({t: written[t] for t in database.LOADED})
            except database.DatabaseError as exc:  # conversion goes on; `ita load` catches up
                self.db_error = str(exc)
                self.db.close()
                self.db = None

    def summary(self) -> str:
        c = self.counts
        docs = c["ok"] + c["partial"] + c["failed"]
        lines = [
            f"documents: {docs} ({c['ok']} ok, {c['partial']} partial, {c['failed']} failed)",
            "rows: " + ", ".join(f"{t} {c[t]}" for t in OUTPUT_TABLES[1:]),
        ]
        return "\n".join(lines + self.failed)


def convert(args: argparse.Namespace) -> int:
    missing = [str(p) for p in args.inputs if not os.path.lexists(p)]
    if missing:
        print(f"ita convert: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if args.out.exists() and not args.out.is_dir():
        print(f"ita convert: --out {args.out} is a file, not a folder; name a folder (it is "
              "made if missing)", file=sys.stderr)
        return EXIT_USAGE
    try:
        known = catalogues(args.catalogue)
        run = _Run(known, database.connect(args.db) if args.db else None)
    except (CatalogueError, database.DatabaseError) as exc:
        print(f"ita convert: {exc}", file=sys.stderr)
        return EXIT_USAGE
    limits = Limits(max_pages=args.max_pages, max_file_bytes=args.max_file_mb * MB,
                    max_unpacked_bytes=args.max_unpacked_mb * MB,
                    max_memory_bytes=args.max_memory_mb * MB)
    items, skipped = discover(args.inputs, limits, exclude=[args.out])
    try:
        with DatasetWriter(args.out, args.format, args.resume) as writer:
            return _convert(args, items, skipped, writer, run)
    except OutputError as exc:
        kept = ("The batches converted so far are kept: run again with --resume"
                if args.resume else f"The previous output in {args.out} is unchanged: run again")
        print(f"ita convert: the output could not be written to {args.out}: {exc}. {kept} "
              "once the folder can be written (free space, permissions) or with another --out.",
              file=sys.stderr)
        return EXIT_OUTPUT
    finally:
        if run.db is not None:
            run.db.close()


def _todo(args: argparse.Namespace, items: list[Input], done: set[str], run: _Run) -> list[Input]:
    """The inputs to convert: not converted before (--resume), each content once."""
    first: dict[str, str] = {}
    todo = []
    hashing = _progress(items, len(items), "reading", args.quiet)
    for item in hashing:  # duplicates are decided in input order, before any work
        doc_id = file_sha256(item.path) or path_id(item.source_path)
        if doc_id in done:
            continue
        if doc_id in first:
            run.duplicate(item, doc_id, first[doc_id])
            continue
        first[doc_id] = item.source_path
        todo.append(item)
    return todo


def _convert(args: argparse.Namespace, items: list[Input], skipped: Skipped,
             writer: DatasetWriter, run: _Run) -> int:
    done = writer.done() if args.resume else set()
    todo = _todo(args, items, done, run)
    results = engines.run(args.engine, todo, args.workers, args.timeout, args.scheduler)
    for result in _progress(results, len(todo), "converting", args.quiet):
        run.take(result)
        if len(run.batch["manifest"]) >= args.batch_size:
            run.flush(writer)
    if run.batch["manifest"] or writer.count == 0:
        run.flush(writer)
    writer.finish()
    if run.db_error:
        print(f"ita convert: not loaded into the database: {run.db_error}\nThe converted "
              f"tables are complete in {args.out}; load them with `ita load {args.out} --db "
              "URL` once the database can be reached.", file=sys.stderr)
    if not args.quiet:
        if done and not todo:
            print(f"nothing to do: {len(done)} documents already converted in {args.out}")
        else:
            print(run.summary())
        print("\n".join(skipped.lines() + [f"written to {args.out}/ as "
                                           f"{', '.join(args.format)}"]))
    return EXIT_SOME_FAILED if run.failed or run.db_error else EXIT_OK


def load(args: argparse.Namespace) -> int:
    home = dataset_tables_home(args.folder)
    if home is None:
        print(f"ita load: {args.folder} is not a folder written by ita convert", file=sys.stderr)
        return EXIT_USAGE
    try:
        rows = database.load_folder(home, args.db)
    except (database.DatabaseError, UnreadableTable) as exc:
        print(f"ita load: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"loaded {rows} rows from {args.folder} into {database.redact(args.db)}")
    return EXIT_OK


def audit(args: argparse.Namespace) -> int:
    def usage(message: str) -> int:
        print(f"ita audit: {message}", file=sys.stderr)
        return EXIT_USAGE

    if (args.folder is None) == (args.db is None):
        return usage("give either a converted DIR or --db URL")
    if args.out.suffix.lower() not in SUFFIXES:
        return usage(f"the report's name must end in {', '.join(SUFFIXES)}")
    home = dataset_tables_home(args.folder) if args.folder is not None else None
    if args.folder is not None and home is None:
        return usage(f"{args.folder} is not a folder written by ita convert")
    try:
        known = catalogues(args.catalogue)
        documents, o_items = read_database(args.db) if home is None else read_folder(home)
    except (CatalogueError, database.DatabaseError, UnreadableTable) as exc:
        return usage(str(exc))
    rows = audit_rows(documents, o_items, known)
    left = not_audited(documents, o_items, rows)
    try:
        write_report(args.out, rows, left)
    except ReportError as exc:
        return usage(str(exc))
    states = Counter(r["state"] for r in rows)
    organisations = len({r["org_id"] for r in rows})
    years = sorted({r["assessment_year"] for r in rows})
    print(f"audited {organisations} organisation(s) in {len(years)} ITA year(s) "
          f"({', '.join(map(str, years)) or 'none'}): "
          + ", ".join(f"{state} {states[state]}" for state in STATES))
    print("\n".join([*left.lines(), f"written to {args.out}"]))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damage is reported per file
    if args.command == "load":
        return load(args)
    if args.command == "audit":
        return audit(args)
    return convert(args)


if __name__ == "__main__":
    sys.exit(main())
