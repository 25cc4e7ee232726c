"""Command line: ``python -m sco_analysis extract|report``.

Every fault ends in one line on stderr naming the path and the problem: exit 2 for bad input, 3 for
the environment (an output that cannot be written, a file that cannot be read), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from sco_analysis.errors import InputError, from_os_error, printable


def _extract(args) -> int:
    from sco_analysis import output, pipeline

    if not args.out:
        raise InputError("--out", "is empty; give a folder for the tables")
    if Path(args.out).resolve() == Path(args.seeds).resolve():
        raise InputError(args.seeds, "is the articles folder; write the tables to another folder")
    output.check_writable(args.out)
    tables = pipeline.build(args.seeds, since=args.since, until=args.until, outlets=args.outlet,
                            jobs=args.jobs, cluster=args.cluster)
    paths = pipeline.write(tables, args.out, args.format)
    for name, path in zip(tables, paths):
        print(f"{printable(path)}  ({len(tables[name])} rows)")
    return 0


def _report(args) -> int:
    from sco_analysis import pipeline
    from sco_analysis.presenting import report

    if args.jobs != 1:  # fills the cache the notebooks then read their tables from
        pipeline.build(args.seeds, jobs=args.jobs)
    report.build_report(args.seeds, args.out, subset={"since": args.since, "until": args.until, "outlets": args.outlet})
    return 0


def _eval(args) -> int:
    from sco_analysis.checking import evaluation

    scores, errors = evaluation.evaluate(args.corpus, args.gold, strict=args.strict)
    print(evaluation.render(scores, errors))
    if args.floors:
        below = evaluation.below_floors(scores, evaluation.read_floors(args.floors))
        for line in below:
            print(f"below floor: {line}", file=sys.stderr)
        return 1 if below else 0
    return 0


def _subset_options(p) -> None:
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only articles dated on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only articles dated on or before this day")
    p.add_argument("--outlet", action="append", default=[], metavar="NAME",
                   help="only articles from this outlet (as in the catalog, any case; repeat for several)")


def _jobs_value(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (0 = one per CPU)")
    return n


def _jobs(p: argparse.ArgumentParser) -> None:
    p.add_argument("-j", "--jobs", type=_jobs_value, default=1, metavar="N",
                   help="processes for the per-article work (default 1; 0 = one per CPU)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m sco_analysis",
        description="Turn news articles about the SCO into tidy, sourced tables and a report.",
        epilog="exit codes: 0 done; 1 a score below its floor (eval --floors); 2 bad input (one line names "
               "the file and the problem); 3 the environment (cannot write the output or read a file: space, "
               "permission, read-only disk); 130 interrupted (143 on SIGTERM). See the README, 'Bad input and a "
               "hostile environment'.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    e = sub.add_parser("extract", help="read a folder of articles and write every table as CSV",
                       description="Read SEEDS_DIR (articles + catalog.csv) and write one CSV per table "
                                   "(articles, sentences, membership, counts, themes, claims, attributions, "
                                   "comparison, sources, unthemed) to --out.")
    e.add_argument("seeds", nargs="?", default="seeds", metavar="SEEDS_DIR", help="folder of articles (default: seeds)")
    e.add_argument("--out", required=True, metavar="DIR", help="folder to write the tables to")
    _subset_options(e)
    e.add_argument("--format", choices=("csv", "parquet"), default="csv",
                   help="csv (default) or parquet: one file per table, split into parts of 1,000,000 rows when larger")
    _jobs(e)
    e.add_argument("--cluster", metavar="tcp://HOST:PORT",
                   help="send the per-article work to the Dask scheduler at this address (see README)")
    e.set_defaults(func=_extract)
    r = sub.add_parser("report", help="execute the notebooks and render reports/sco_report.html and .pdf",
                       description="Execute the notebooks against --seeds and render one HTML and one PDF "
                                   "report into --out. A failed build leaves the previous report in place.")
    r.add_argument("--seeds", default="seeds", metavar="DIR", help="folder of articles (default: seeds)")
    r.add_argument("--out", default="reports", metavar="DIR", help="folder for the report (default: reports)")
    _subset_options(r)
    _jobs(r)
    r.set_defaults(func=_report)
    v = sub.add_parser("eval", help="score the extraction on CORPUS_DIR against hand gold",
                       description="Run the pipeline on CORPUS_DIR and print, per article and overall, recall, "
                                   "precision and F1 for membership, counts and claims (and attributions when the "
                                   "gold has them), then every miss and extra with its sentence. Gold format: "
                                   "tests/corpus/GOLD.md. Exit 2 on bad gold or corpus, 1 when --floors is given "
                                   "and a figure is below its floor.")
    v.add_argument("corpus", metavar="CORPUS_DIR", help="folder of articles + catalog.csv")
    v.add_argument("gold", metavar="GOLD", help="gold file (JSON, keyed by article file name)")
    v.add_argument("--strict", action="store_true",
                   help="exhaustive gold: null year means none, details must match (as for tests/seeds/gold.json)")
    v.add_argument("--floors", metavar="FILE", help="JSON floors per table and metric (e.g. tests/corpus/floors.json)")
    v.set_defaults(func=_eval)
    return p


def _terminate(signum, frame):
    raise SystemExit(128 + signum)  # unwinds, so temporary files are removed on the way out


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    try:
        return args.func(args)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    except OSError as err:
        problem = from_os_error(err)
        print(f"error: {problem}", file=sys.stderr)
        return problem.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
