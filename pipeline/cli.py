"""The `ita` command (../shared/spec/CONTRACT.md)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline.convert import OUTPUT_TABLES, Converted, Input, convert_file, discover
from pipeline.findings import INFO, Finding
from pipeline.identity import unify_org_ids
from pipeline.schema import Row
from pipeline.writers import FORMATS, write_tables

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class _Progress:
    """A one-line progress bar on stderr, shown only on a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done = total, 0
        self.enabled = enabled and sys.stderr.isatty() and total > 0

    def step(self, name: str) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} {name[-40:]:<40}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


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
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert reports into tables")
    convert.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                         help="files and folders (walked recursively)")
    convert.add_argument("--out", required=True, type=Path, metavar="DIR")
    convert.add_argument("--format", type=_formats, default=list(FORMATS),
                         help="parquet,csv (both by default)")
    convert.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                         help="worker processes (default: all cores)")
    convert.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    return parser


def _convert_all(items: list[Input], workers: int) -> Iterator[Converted]:
    if workers == 1 or len(items) < 2:
        yield from map(convert_file, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(convert_file, items, chunksize=4)


def _gather(results: Iterable[Converted], progress: _Progress) -> dict[str, list[Row]]:
    """All rows; a file whose content was already converted gives a note, not a second copy."""
    tables: dict[str, list[Row]] = {t: [] for t in OUTPUT_TABLES}
    first_path: dict[str, str] = {}
    for result in results:
        doc = result.document
        progress.step(doc["source_path"])
        if doc["doc_id"] and doc["doc_id"] in first_path:
            tables["findings"].append(Finding(
                INFO, "DUPLICATE_FILE",
                f"{doc['source_path']} has the same content as {first_path[doc['doc_id']]}; "
                "it was converted once.").row(doc["doc_id"]))
            continue
        first_path[doc["doc_id"]] = doc["source_path"]
        for name, rows in result.tables.items():
            tables[name].extend(rows)
    progress.close()
    unify_org_ids(tables)
    return tables


def _summary(tables: dict[str, list[Row]]) -> str:
    docs = tables["documents"]
    counts = {s: sum(1 for d in docs if d["status"] == s) for s in ("ok", "partial", "failed")}
    lines = [
        f"documents: {len(docs)} ({counts['ok']} ok, {counts['partial']} partial, "
        f"{counts['failed']} failed)",
        "rows: " + ", ".join(f"{t} {len(tables[t])}" for t in OUTPUT_TABLES[1:]),
    ]
    failed = [d for d in docs if d["status"] == "failed"]
    lines += [f"  failed: {d['source_path']}: {d['error']}" for d in failed]
    return "\n".join(lines)


def convert(args: argparse.Namespace) -> int:
    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        print(f"ita convert: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    items = list(discover(args.inputs))
    progress = _Progress(len(items), enabled=not args.quiet)
    tables = _gather(_convert_all(items, args.workers), progress)
    write_tables(args.out, tables, args.format)
    if not args.quiet:
        print(_summary(tables))
        print(f"written to {args.out}/ as {', '.join(args.format)}")
    failed = any(d["status"] == "failed" for d in tables["documents"])
    return EXIT_SOME_FAILED if failed else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return convert(args)


if __name__ == "__main__":
    sys.exit(main())
