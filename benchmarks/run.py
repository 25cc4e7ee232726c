"""Extraction and report timings: ``make bench`` (``python benchmarks/run.py``). Prints figures only.

For each size it writes a synthetic folder (``make_corpus.py``), then in a fresh subprocess times
``sco_analysis.build(folder)`` with the cache off, the outermost package functions it calls (one
line per stage; ``schema.frame`` inclusive as a cross-cutting figure) and peak RSS; then times
``python -m sco_analysis extract`` end to end, twice (the second run reads the cache). Then, at the
largest size up to 1,000 articles: serial against ``--jobs N`` and against a Dask cluster started
here (scheduler + 2 workers on 127.0.0.1), tables compared; a cold build against a one-article edit
with the cache on; and ``compare``/``sources`` on those tables repeated under new article ids up to
10^5 articles. Also: a pyinstrument profile, import costs (including jsonschema's optional
``rfc3987-syntax``) and, when ``sco_analysis/presenting/report.py`` exists, ``python -m sco_analysis
report`` against ``jupyter nbconvert --execute`` per notebook.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
sys.path.insert(0, str(ROOT))  # the package and benchmarks/ from this checkout, wherever it is run from
NOT_STAGES = {"pipeline", "cache", "cli", "report", "__main__", "errors", "schema", "workers", "progress"}


# ---------------------------------------------------------------- child side (one fresh process per measure)

def _maxrss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children: equal to wall time when not contended."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _instrument():
    """Wrap package functions so the outermost call of each is timed; returns (stages, schema) dicts."""
    import functools
    import importlib
    import inspect
    import pkgutil

    import sco_analysis

    modules = []
    for info in pkgutil.walk_packages(sco_analysis.__path__, "sco_analysis."):
        if info.ispkg or info.name.rsplit(".", 1)[-1] in {"__main__", "report", "cli"}:
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except Exception as err:  # a module being written right now may not import yet
            print(f"note: {info.name} does not import: {err}", file=sys.stderr)
    stages: dict[str, float] = {}
    cross: dict[str, float] = {}
    depth = [0, 0]
    clock = time.perf_counter

    def wrap(fn, key, totals, slot):
        @functools.wraps(fn)
        def timed(*a, **kw):
            if depth[slot]:
                return fn(*a, **kw)
            depth[slot] = 1
            t = clock()
            try:
                return fn(*a, **kw)
            finally:
                totals[key] = totals.get(key, 0.0) + clock() - t
                depth[slot] = 0
        return timed

    wrapped = {}
    for m in modules:
        short = m.__name__.rsplit(".", 1)[1]
        for name, fn in vars(m).items():
            if not inspect.isfunction(fn) or fn.__module__ != m.__name__:
                continue
            if short == "schema" and name == "frame":
                wrapped[fn] = wrap(fn, "schema.frame", cross, 1)
            elif short not in NOT_STAGES:
                wrapped[fn] = wrap(fn, f"{short}.{name}", stages, 0)
    for m in modules:
        for name, obj in list(vars(m).items()):
            if inspect.isfunction(obj) and obj in wrapped:
                setattr(m, name, wrapped[obj])
    return stages, cross


def child_build(folder: str, instrument: bool) -> dict:
    os.environ["SCO_CACHE"] = "off"
    t = time.perf_counter()
    import sco_analysis

    import_s = time.perf_counter() - t
    rss_import = _maxrss_mb()
    stages, cross = _instrument() if instrument else ({}, {})
    t, cpu = time.perf_counter(), _cpu_s()
    tables = sco_analysis.build(folder)
    build_s, cpu_s = time.perf_counter() - t, _cpu_s() - cpu
    return {"import_s": import_s, "build_s": build_s, "cpu_s": cpu_s, "rss_import_mb": rss_import,
            "maxrss_mb": _maxrss_mb(),
            "stages": stages, "cross": cross, "rows": {k: len(v) for k, v in tables.items()}}


def _same(a: dict, b: dict) -> bool:
    """Tables identical, and written identically as CSV (the bytes a user gets)."""
    import pandas as pd

    from sco_analysis import pipeline

    if list(a) != list(b):
        return False
    for k in a:
        try:
            pd.testing.assert_frame_equal(a[k], b[k], check_exact=True)
        except AssertionError:
            return False
    with tempfile.TemporaryDirectory() as tmp:
        wa = [p.read_bytes() for p in pipeline.write(a, Path(tmp) / "a")]
        wb = [p.read_bytes() for p in pipeline.write(b, Path(tmp) / "b")]
    return wa == wb


def _timed(fn) -> tuple[object, float, float]:
    t, cpu = time.perf_counter(), _cpu_s()
    out = fn()
    return out, time.perf_counter() - t, _cpu_s() - cpu


EDIT = "\n\nKazakhstan said on Monday that Laos would become a dialogue partner of the SCO next year.\n"


def child_incremental(folder: str) -> dict:
    """Cold build, then cache filled, unchanged rerun, one article edited, one article added."""
    import shutil

    from sco_analysis import pipeline

    os.environ.pop("SCO_CACHE", None)
    work = Path(tempfile.mkdtemp(prefix="sco-inc-"))
    os.environ["SCO_CACHE_DIR"] = str(work / "cache")
    try:
        copy = work / "articles"
        shutil.copytree(folder, copy)
        _, cold_s, cold_cpu = _timed(lambda: pipeline.build(copy, use_cache=False, progress=False))
        _, fill_s, _ = _timed(lambda: pipeline.build(copy, progress=False))
        _, hit_s, _ = _timed(lambda: pipeline.build(copy, progress=False))
        victim = sorted(copy.glob("*.txt"))[len(list(copy.glob("*.txt"))) // 2]
        with open(victim, "a", encoding="utf-8") as fh:
            fh.write(EDIT)
        inc, inc_s, inc_cpu = _timed(lambda: pipeline.build(copy, progress=False))
        same = _same(inc, pipeline.build(copy, use_cache=False, progress=False))
        cache_mb = sum(p.stat().st_size for p in (work / "cache").rglob("*") if p.is_file()) / 1e6
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"cold_s": cold_s, "cold_cpu": cold_cpu, "fill_s": fill_s, "hit_s": hit_s, "inc_s": inc_s,
            "inc_cpu": inc_cpu, "identical": same, "cache_mb": cache_mb}


def child_parallel(folder: str, jobs: int, cluster: str = "") -> dict:
    """Serial, then ``jobs`` processes (or the cluster at ``cluster``), same process, cache off."""
    from sco_analysis import pipeline

    os.environ["SCO_CACHE"] = "off"
    serial, serial_s, serial_cpu = _timed(lambda: pipeline.build(folder, progress=False))
    other, s, cpu = _timed(lambda: pipeline.build(folder, jobs=jobs, cluster=cluster or None, progress=False))
    return {"serial_s": serial_s, "serial_cpu": serial_cpu, "build_s": s, "cpu_s": cpu,
            "identical": _same(serial, other)}


def child_cross(folder: str, factors: str) -> dict:
    """``compare`` and ``sources`` on the per-article tables of ``folder`` repeated under new ids.

    Claims rows only matter to ``compare``; ``sources`` reads articles, claims, comparison,
    attributions, themes and the kind of each sentence (texts are dropped to keep memory down).
    """
    import gc

    import pandas as pd

    from sco_analysis import pipeline
    from sco_analysis.checking import compare

    os.environ["SCO_CACHE"] = "off"
    base = pipeline.build(folder, progress=False)
    keep = {"sentences": ["article_id", "sentence_id", "kind"], "themes": ["article_id", "sentence_id", "theme_id"],
            "attributions": ["article_id", "sentence_id", "start", "speaker"]}
    base = {k: (v[keep[k]] if k in keep else v) for k, v in base.items()
            if k in ("articles", "claims", "sentences", "themes", "attributions")}
    out = []
    for k in (int(f) for f in factors.split(",")):
        t = {}
        for name, df in base.items():
            copies = []
            for i in range(k):
                c = df.copy()
                c["article_id"] = c["article_id"] + f"~{i}"
                copies.append(c)
            t[name] = pd.concat(copies, ignore_index=True)
        gc.collect()
        comparison, cmp_s, _ = _timed(lambda t=t: compare.compare(t["claims"], t["articles"]))
        _, src_s, _ = _timed(lambda t=t, comparison=comparison: compare.sources(
            t["articles"], t["claims"], comparison, t["attributions"], t["themes"], t["sentences"]))
        out.append({"factor": k, "articles": len(t["articles"]), "claims": len(t["claims"]),
                    "compare_s": cmp_s, "sources_s": src_s, "maxrss_mb": _maxrss_mb()})
        del t, comparison
    return {"runs": out}


def child_profile(folder: str, dest: str) -> dict:
    os.environ["SCO_CACHE"] = "off"
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    import sco_analysis

    p = Profiler(interval=0.002)
    p.start()
    sco_analysis.build(folder)
    p.stop()
    tree = p.output(ConsoleRenderer(unicode=False, color=False, short_mode=False))
    flat = p.output(ConsoleRenderer(unicode=False, color=False, flat=True, time="percent_of_total"))
    Path(dest).parent.mkdir(parents=True, exist_ok=True)
    Path(dest).write_text(f"# pyinstrument, call tree\n\n{tree}\n\n# pyinstrument, flat (self time)\n\n{flat}\n",
                          encoding="utf-8")
    return {"flat": flat.splitlines()[:40]}


def child_import(module: str, block: str) -> dict:
    import importlib
    import importlib.abc

    if block:
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path, target=None):
                if name.split(".")[0] == block:
                    raise ImportError(f"{block} blocked for this measurement")
        sys.meta_path.insert(0, Block())
    t = time.perf_counter()
    importlib.import_module(module)
    return {"import_s": time.perf_counter() - t}


# ---------------------------------------------------------------- parent side

class OutOfMemory(Exception):
    pass


def _memory_cap() -> int:
    """Bytes a measured process may map: 80 % of what the machine has available now."""
    with open("/proc/meminfo", encoding="ascii") as fh:
        info = {line.split(":")[0]: int(line.split()[1]) * 1024 for line in fh}
    return int(info.get("MemAvailable", info["MemTotal"]) * 0.8)


def _limit_memory(cap: int):
    def apply():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    return apply


def run_child(*args: str) -> dict:
    """Run one measure in a fresh process whose memory is capped, so an overrun fails there, not here."""
    cap = _memory_cap()
    proc = subprocess.run([PY, __file__, "--child", *args], capture_output=True, text=True, cwd=ROOT,
                          preexec_fn=_limit_memory(cap))
    if proc.returncode and "MemoryError" in proc.stderr:
        raise OutOfMemory(f"over {cap / 2**30:.1f} GiB")
    if proc.returncode:
        raise SystemExit(f"child {args} failed:\n{proc.stderr[-3000:]}")
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def timed_process(cmd: list[str], env: dict | None = None, cap: bool = False) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, measured for that process alone.

    ``cap`` limits its memory as ``run_child`` does (not for Chromium, which maps far more than it uses).
    """
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=_limit_memory(_memory_cap()) if cap else None)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()[-3000:]}")
    return wall, usage.ru_maxrss / 1024


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6


def bench_sizes(sizes: list[int], work: Path, e2e: bool) -> list[dict]:
    from benchmarks.make_corpus import make_corpus

    results = []
    for n in sizes:
        folder = work / f"corpus_{n}"
        make_corpus(folder, n, seed=n)
        r = {"n": n, "mb": folder_mb(folder), "folder": str(folder)}
        try:
            r.update(run_child("build", str(folder), "instrument"))
        except OutOfMemory as err:
            print(f"  {n:>6} articles {r['mb']:7.2f} MB  out of memory ({err}); larger sizes skipped")
            break
        if e2e:
            env = dict(os.environ, SCO_CACHE_DIR=str(work / f"cache_{n}"))
            cmd = [PY, "-m", "sco_analysis", "extract", str(folder), "--out", str(work / f"out_{n}")]
            r["e2e_s"], r["e2e_rss_mb"] = timed_process(cmd, env, cap=True)
            r["e2e_again_s"], _ = timed_process(cmd, env, cap=True)
        results.append(r)
        print(f"  {n:>6} articles {r['mb']:7.2f} MB  build {r['build_s']:7.2f} s  "
              f"{r['mb'] / r['build_s']:5.2f} MB/s  peak {r['maxrss_mb']:6.0f} MB", flush=True)
    return results


def print_sizes(results: list[dict]) -> None:
    print("\n## Extraction (one core, cache off, fresh process per size)\n")
    print("| articles | MB text | import s | build() s | build() CPU s | MB/s | marginal MB/s | peak RSS MB | "
          "extract e2e s | e2e 2nd run (cache hit) s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    prev = None
    for r in results:
        marginal = ""
        if prev and r["build_s"] > prev["build_s"]:
            marginal = f"{(r['mb'] - prev['mb']) / (r['build_s'] - prev['build_s']):.2f}"
        print(f"| {r['n']:,} | {r['mb']:.2f} | {r['import_s']:.2f} | {r['build_s']:.2f} | {r['cpu_s']:.2f} | "
              f"{r['mb'] / r['build_s']:.2f} | {marginal} | {r['maxrss_mb']:.0f} | "
              f"{r.get('e2e_s', float('nan')):.2f} | {r.get('e2e_again_s', float('nan')):.2f} |")
        prev = r
    last = results[-1]
    print(f"\nRows at {last['n']:,} articles: " + ", ".join(f"{k} {v:,}" for k, v in last["rows"].items()))
    print("\n### Time per stage, ms per article (outermost package calls; cache off)\n")
    print("| stage | " + " | ".join(f"{r['n']:,}" for r in results) + f" | share at {last['n']:,} |")
    print("|---|" + "---:|" * (len(results) + 1))
    keys = sorted(last["stages"], key=lambda k: -last["stages"][k])
    for key in keys:
        cells = " | ".join(f"{1000 * r['stages'].get(key, 0.0) / r['n']:.2f}" for r in results)
        print(f"| `{key}` | {cells} | {last['stages'][key] / last['build_s']:.0%} |")
    for key in last["cross"]:
        cells = " | ".join(f"{1000 * r['cross'].get(key, 0.0) / r['n']:.2f}" for r in results)
        print(f"| of these, inside `{key}` (casting + pandera) | {cells} | "
              f"{last['cross'][key] / last['build_s']:.0%} |")
    cells = " | ".join(f"{1000 * r['build_s'] / r['n']:.2f}" for r in results)
    print(f"| **build()** | {cells} | 100% |")


def bench_imports() -> None:
    print("\n## Import costs (fresh process, best of 3)\n")
    print("| import | s |\n|---|---:|")
    cases = [("sco_analysis", ""), ("nbformat", ""), ("nbformat", "rfc3987_syntax"),
             ("nbconvert", ""), ("nbconvert", "rfc3987_syntax")]
    for module, block in cases:
        best = min(run_child("import", module, block)["import_s"] for _ in range(3))
        label = f"`{module}`" + (f" with `{block}` made unimportable" if block else "")
        print(f"| {label} | {best:.2f} |")


class DaskCluster:
    """A Dask scheduler and ``workers`` single-threaded workers on 127.0.0.1, each its own process."""

    def __init__(self, work: Path, workers: int = 2):
        self.work, self.n, self.procs = work, workers, []

    def _start(self, *args: str) -> None:
        exe = str(Path(PY).with_name("dask"))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.procs.append(subprocess.Popen([exe, *args], cwd=self.work, env=env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL))  # workers run this checkout's package

    def __enter__(self) -> str:
        from distributed import Client

        self.work.mkdir(parents=True, exist_ok=True)
        info = self.work / "scheduler.json"
        self._start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(info))
        deadline = time.monotonic() + 120
        while not (info.exists() and info.read_text(encoding="utf-8").strip()):
            if time.monotonic() > deadline:
                raise SystemExit("dask scheduler did not start")
            time.sleep(0.2)
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        for _ in range(self.n):
            self._start("worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard")
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(self.n, timeout=180)
        return address

    def __exit__(self, *exc) -> None:
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def _commit() -> str:
    """The commit measured, and whether the checkout had uncommitted changes (figures cite it)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown (not a git checkout)"
    return f"commit {head}" + (" plus uncommitted changes" if dirty else " (clean)")


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def bench_scale(results: list[dict], work: Path, jobs: int, cross: str) -> None:
    """Issue 12's figures: every core, a cluster, incremental rebuilds, cross-article steps at scale."""
    large = max(results, key=lambda r: r["n"] if r["n"] <= 1000 else -1)
    folder, n = large["folder"], large["n"]
    print(f"\n## Scale, {n:,} articles ({large['mb']:.2f} MB)\n")
    print(
        "| how | serial s (same run) | s | CPU s (processes of this machine's run) | speed-up "
        "| tables identical to serial | load |"
    )
    print("|---|---:|---:|---:|---:|---|---|")
    r = run_child("parallel", folder, str(jobs))
    print(f"| `--jobs {jobs}` | {r['serial_s']:.2f} | {r['build_s']:.2f} | {r['cpu_s']:.2f} | "
          f"x{r['serial_s'] / r['build_s']:.2f} | {'yes' if r['identical'] else 'NO'} | {_load()} |", flush=True)
    try:
        with DaskCluster(work / "dask", 2) as address:
            r = run_child("parallel", folder, "1", address)
        print(f"| `--cluster` (scheduler + 2 one-thread workers on 127.0.0.1) | {r['serial_s']:.2f} | "
              f"{r['build_s']:.2f} | {r['cpu_s']:.2f} (client only) | x{r['serial_s'] / r['build_s']:.2f} | "
              f"{'yes' if r['identical'] else 'NO'} | {_load()} |", flush=True)
    except (ImportError, SystemExit) as err:
        print(f"| `--cluster` | skipped: {err} | | | | | |")
    r = run_child("incremental", folder)
    print(f"\n### Incremental rebuild, {n:,} articles (cache on; {r['cache_mb']:.1f} MB of cache)\n")
    print("| build | s | of a cold build |\n|---|---:|---:|")
    print(f"| cold (cache off) | {r['cold_s']:.2f} | 1.00 |")
    print(f"| first build, filling the cache | {r['fill_s']:.2f} | {r['fill_s'] / r['cold_s']:.2f} |")
    print(f"| unchanged rerun (whole build read back) | {r['hit_s']:.2f} | {r['hit_s'] / r['cold_s']:.3f} |")
    print(f"| one article edited | {r['inc_s']:.2f} | {r['inc_s'] / r['cold_s']:.3f} |")
    print(f"\nTables after the edit identical to a cold build of the edited folder: "
          f"{'yes' if r['identical'] else 'NO'}. {_load()}.", flush=True)
    if cross:
        r = run_child("cross", folder, cross)
        print(f"\n### Cross-article steps on {n:,} articles' tables repeated under new ids\n")
        print("| articles | claims rows | `compare` s | `sources` s | µs per claim row (compare) | peak RSS MB |")
        print("|---:|---:|---:|---:|---:|---:|")
        for x in r["runs"]:
            print(f"| {x['articles']:,} | {x['claims']:,} | {x['compare_s']:.2f} | {x['sources_s']:.2f} | "
                  f"{1e6 * x['compare_s'] / x['claims']:.1f} | {x['maxrss_mb']:.0f} |")
        print(f"\n{_load()}.")


_BLOCKER = """import importlib.abc, sys
class _Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] == "rfc3987_syntax":
            raise ImportError("rfc3987_syntax blocked for this measurement")
sys.meta_path.insert(0, _Block())
"""


def _report_pair(work: Path, notebooks: list[Path], env: dict | None, tag: str) -> tuple[float, float]:
    ours, _ = timed_process(
        [PY, "-m", "sco_analysis", "report", "--seeds", "seeds", "--out", str(work / f"report{tag}")], env
    )
    jupyter = str(Path(PY).with_name("jupyter"))
    base = 0.0
    for nb in notebooks:
        s, _ = timed_process([jupyter, "nbconvert", "--execute", "--to", "html", str(nb),
                              "--output-dir", str(work / f"nbconvert{tag}")], env)
        base += s
    return ours, base


def bench_report(work: Path) -> None:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if not (ROOT / "sco_analysis" / "report.py").is_file() or not notebooks:
        print("\n## Report\n\nskipped: sco_analysis/presenting/report.py or notebooks/*.ipynb not there yet")
        return
    ours, base = _report_pair(work, notebooks, None, "")
    blocker = work / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(_BLOCKER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(blocker), os.environ.get("PYTHONPATH")])))
    ours_b, base_b = _report_pair(work, notebooks, env, "-no-rfc3987")
    print("\n## Report (seeds; the tables come from the cache after the first build)\n")
    print("| | `python -m sco_analysis report` (HTML + PDF) s | `jupyter nbconvert --execute --to html`, "
          f"{len(notebooks)} notebooks in turn, s | ratio |\n|---|---:|---:|---:|")
    print(f"| as installed | {ours:.1f} | {base:.1f} | {ours / base:.2f} |")
    print(f"| `rfc3987_syntax` made unimportable | {ours_b:.1f} | {base_b:.1f} | {ours_b / base_b:.2f} |")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="Print extraction and report timings.")
    p.add_argument("--sizes", help="comma-separated article counts (default 100,1000)")
    p.add_argument("--quick", action="store_true",
                   help="no profile, import costs or report")
    p.add_argument("--jobs", type=int, default=2, help="processes for the --jobs figure (default 2)")
    p.add_argument("--cross", default="1,6,100",
                   help="repeat the 1,000-article tables this many times for the cross-article figures "
                        "(default 1,6,100: about 10^4 and 10^5 claims rows, and 10^5 articles; empty to skip)")
    p.add_argument("--no-scale", action="store_true", help="skip --jobs, cluster, incremental and cross-article")
    p.add_argument("--no-e2e", action="store_true", help="skip the `extract` command-line runs")
    p.add_argument("--no-report", action="store_true", help="skip the report benchmark")
    p.add_argument("--only", choices=("imports", "report"), help="run just that part")
    p.add_argument("--profile", default=str(ROOT / "out" / "bench-profile.txt"),
                   help="where to write the pyinstrument profile (default: out/bench-profile.txt)")
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        mode, *rest = a.child
        fn = {"build": lambda f, i="": child_build(f, bool(i)), "profile": child_profile,
              "parallel": lambda f, j, c="": child_parallel(f, int(j), c),
              "incremental": child_incremental, "cross": child_cross,
              "import": lambda m, b="": child_import(m, b)}[mode]
        print(json.dumps(fn(*rest)))
        return
    sizes = [int(s) for s in (a.sizes or "100,1000").split(",")]
    print(f"# sco-analysis benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {_commit()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="sco-bench-") as tmp:
        work = Path(tmp)
        if a.only:
            bench_imports() if a.only == "imports" else bench_report(work)
            return
        results = bench_sizes(sizes, work, e2e=not a.no_e2e)
        print_sizes(results)
        prof = max((r for r in results if r["n"] <= 1000), key=lambda r: r["n"], default=None)
        if prof and not a.quick:
            flat = run_child("profile", prof["folder"], a.profile)["flat"]
            print(f"\n## Profile at {prof['n']:,} articles (pyinstrument; full tree in {a.profile})\n")
            print("```\n" + "\n".join(flat) + "\n```")
        if not a.no_scale:
            bench_scale(results, work, a.jobs, a.cross)
        if not a.quick:
            bench_imports()
        if not (a.quick or a.no_report):
            bench_report(work)


if __name__ == "__main__":
    main()
