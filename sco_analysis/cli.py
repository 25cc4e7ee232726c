"""Command line: ``python -m sco_analysis extract|report``. Bad input exits 2 with one line."""

from __future__ import annotations

import argparse
import sys

from .errors import InputError


def _extract(args) -> int:
    from . import pipeline

    tables = pipeline.build(args.seeds)
    paths = pipeline.write(tables, args.out)
    for name, path in zip(tables, paths):
        print(f"{path}  ({len(tables[name])} rows)")
    return 0


def _report(args) -> int:
    from . import report

    report.build_report(args.seeds, args.out)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m sco_analysis",
        description="Turn news articles about the SCO into tidy, sourced tables and a report.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    e = sub.add_parser("extract", help="read a folder of articles and write every table as CSV",
                       description="Read SEEDS_DIR (articles + catalog.csv) and write one CSV per table "
                                   "(articles, sentences, membership, counts, themes, claims, attributions, "
                                   "comparison, sources, unthemed) to --out.")
    e.add_argument("seeds", nargs="?", default="seeds", metavar="SEEDS_DIR", help="folder of articles (default: seeds)")
    e.add_argument("--out", required=True, metavar="DIR", help="folder to write the CSV files to")
    e.set_defaults(func=_extract)
    r = sub.add_parser("report", help="execute the notebooks and render reports/sco_report.html and .pdf",
                       description="Execute the notebooks against --seeds and render one HTML and one PDF "
                                   "report into --out. A failed build leaves the previous report in place.")
    r.add_argument("--seeds", default="seeds", metavar="DIR", help="folder of articles (default: seeds)")
    r.add_argument("--out", default="reports", metavar="DIR", help="folder for the report (default: reports)")
    r.set_defaults(func=_report)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
