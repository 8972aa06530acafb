"""The `ita` command (../shared/spec/CONTRACT.md)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from parsers.limits import DEFAULT_LIMITS, MB, Limits
from parsers.ocr_settings import DEFAULT_OCR, OCR_MODES, OcrSettings
from pipeline import __version__
from pipeline.database import URL_FORMS
from pipeline.errors import ItaError, UsageError
from pipeline.output.writers import FORMATS
from pipeline.run.options import DASK, DEFAULT_BATCH, DEFAULT_TIMEOUT, LOCAL, BatchOptions

# Each command imports what it runs when it runs: `ita --help` loads no library.

EXIT_OK, EXIT_USAGE, EXIT_OUTPUT = 0, 2, 3
CATALOGUE_HELP = ("an O-item catalogue of your own (.json like pipeline/data/catalogues/, or .csv "
                  "with assessment_year,code,subindicator,title); it replaces the years it gives")


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


def _ocr_languages(value: str) -> str:
    try:
        return OcrSettings(languages=value).languages
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ita", description="Thai ITA reports into tables.")
    parser.add_argument("--version", action="version", version=f"ita {__version__}")
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
    convert.add_argument("--engine", choices=(LOCAL, DASK), default=LOCAL)
    convert.add_argument("--scheduler", metavar="ADDRESS",
                         help="a Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)")
    convert.add_argument("--resume", action="store_true",
                         help="skip inputs already converted into --out")
    convert.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH, metavar="N",
                         help=f"files per output part (default {DEFAULT_BATCH})")
    convert.add_argument("--db", metavar="URL",
                         help=f"also load each batch into a database: {URL_FORMS}")
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
    convert.add_argument("--ocr", choices=OCR_MODES, default=DEFAULT_OCR.mode,
                         help="read scans and images with Tesseract: auto (pages without a "
                         "usable text layer, and images; the default), force (every page) "
                         "or off")
    convert.add_argument("--ocr-lang", type=_ocr_languages, default=DEFAULT_OCR.languages,
                         metavar="LANGS", help="Tesseract languages "
                         f"(default {DEFAULT_OCR.languages})")
    convert.add_argument("--catalogue", type=Path, metavar="FILE", help=CATALOGUE_HELP)
    convert.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    load = commands.add_parser("load", help="load a converted folder into a database")
    load.add_argument("folder", type=Path, metavar="DIR")
    load.add_argument("--db", required=True, metavar="URL", help=URL_FORMS)
    audit = commands.add_parser("audit", help="which organisations lack which O-items, by year")
    audit.add_argument("folder", type=Path, nargs="?", metavar="DIR",
                       help="a folder written by ita convert")
    audit.add_argument("--out", required=True, type=Path, metavar="REPORT",
                       help="the report: .csv, .xlsx or .html")
    audit.add_argument("--db", metavar="URL", help="audit a database instead of DIR")
    audit.add_argument("--catalogue", type=Path, metavar="FILE", help=CATALOGUE_HELP)
    return parser


def convert(args: argparse.Namespace) -> int:
    from pipeline.output.dataset import OutputError
    from pipeline.run.batch import convert_batch

    limits = Limits(max_pages=args.max_pages, max_file_bytes=args.max_file_mb * MB,
                    max_unpacked_bytes=args.max_unpacked_mb * MB,
                    max_memory_bytes=args.max_memory_mb * MB)
    options = BatchOptions(
        inputs=args.inputs, out=args.out, formats=args.format, workers=args.workers,
        timeout=args.timeout, engine=args.engine, scheduler=args.scheduler, resume=args.resume,
        batch_size=args.batch_size, db=args.db, catalogue=args.catalogue, limits=limits,
        ocr=OcrSettings(mode=args.ocr, languages=args.ocr_lang), progress=not args.quiet)
    try:
        result = convert_batch(options)
    except UsageError as exc:
        print(f"ita convert: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:
        kept = ("The batches converted so far are kept: run again with --resume"
                if args.resume else f"The previous output in {args.out} is unchanged: run again")
        print(f"ita convert: the output could not be written to {args.out}: {exc}. {kept} "
              "once the folder can be written (free space, permissions) or with another --out.",
              file=sys.stderr)
        return EXIT_OUTPUT
    if result.db_error:
        print(f"ita convert: not loaded into the database: {result.db_error}\nThe converted "
              f"tables are complete in {args.out}; load them with `ita load {args.out} --db "
              "URL` once the database can be reached.", file=sys.stderr)
    if not args.quiet:
        print(f"{result.summary()}\nwritten to {args.out}/ as {', '.join(args.format)}")
    return result.exit_status


def load(args: argparse.Namespace) -> int:
    from pipeline import database

    try:
        rows = database.load_folder(args.folder, args.db)
    except ItaError as exc:
        print(f"ita load: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"loaded {rows} rows from {args.folder} into {database.redact(args.db)}")
    return EXIT_OK


def audit(args: argparse.Namespace) -> int:
    from pipeline.audit.report import AuditOptions, run_audit

    options = AuditOptions(out=args.out, folder=args.folder, db=args.db,
                           catalogue=args.catalogue)
    try:
        result = run_audit(options)
    except ItaError as exc:
        print(f"ita audit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{result.summary()}\nwritten to {args.out}")
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
