"""Report build at several corpus sizes: wall time, PDF pages, HTML size (printed, never asserted).

Each size runs ``python -m sco_analysis report`` in a fresh process on a synthetic corpus from
``make_corpus`` (the seeds themselves for 2), with an empty cache folder of its own, so extraction is
included once (the first notebook extracts, the others read the cache, as in a user's first build).

    python benchmarks/report_scale.py [--sizes 2 20 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_corpus import SEEDS, make_corpus

ROOT = Path(__file__).resolve().parents[1]


def measure(seeds: Path, out: Path) -> dict:
    env = {**os.environ, "SCO_CACHE_DIR": str(out / "cache")}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sco_analysis", "report", "--seeds", str(seeds), "--out", str(out)],
                   check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - t0
    info = subprocess.run(["pdfinfo", str(out / "sco_report.pdf")], capture_output=True, text=True, check=True).stdout
    return {"seconds": seconds, "pages": int(re.search(r"Pages:\s+(\d+)", info).group(1)),
            "html_mb": (out / "sco_report.html").stat().st_size / 1e6,
            "pdf_mb": (out / "sco_report.pdf").stat().st_size / 1e6}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[2, 20, 200])
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    print("| articles | build s | vs 2 | PDF pages | HTML MB | PDF MB |\n|---:|---:|---:|---:|---:|---:|")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in a.sizes:
            seeds = SEEDS if n == 2 else Path(tmp) / f"c{n}"
            if n != 2:
                make_corpus(seeds, n, a.seed)
            m = measure(seeds, Path(tmp) / f"out{n}")
            base = base or m["seconds"]
            print(
                f"| {n} | {m['seconds']:.1f} | {m['seconds'] / base:.2f} | {m['pages']} "
                f"| {m['html_mb']:.2f} | {m['pdf_mb']:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
