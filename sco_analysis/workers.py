"""Runs the per-article work over shards of the catalog: here, in N processes, or on a Dask cluster.

``run(fn, folder, records, blobs, ...)`` splits ``records`` (catalog rows, in catalog order) into
contiguous shards, calls ``fn(folder, shard_records, shard_blobs)`` on each and returns the
shards' tables concatenated in catalog order, wherever they were computed. ``fn`` holds all the
extraction; this module only places the work. Dask is imported only when a cluster is used.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from sco_analysis import progress
from sco_analysis.errors import InputError

Tables = dict[str, pd.DataFrame]
MAX_SHARD = 100
CONNECT_TIMEOUT = "20s"


def cpu_count() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def shard_size(n: int, workers: int, show: bool) -> int:
    """Articles per shard: all at once for one quiet worker, else small enough to spread and report."""
    if workers <= 1 and not show:
        return max(n, 1)
    return max(1, min(MAX_SHARD, math.ceil(n / (4 * workers))))


def concat(parts: list[Tables]) -> Tables:
    """Tables of several shards, one after the other (columns and dtypes are those of the first);
    a value that is a list of rows is joined the same way."""
    return {name: ([row for p in parts for row in p[name]] if isinstance(parts[0][name], list)
                   else pd.concat([p[name] for p in parts], ignore_index=True)) for name in parts[0]}


def run(fn: Callable[..., Tables], folder: str | Path, records: list[dict], blobs: dict[str, bytes],
        jobs: int = 1, cluster: str | None = None, show: bool | None = None) -> Tables:
    """``fn`` over shards of ``records``: in this process (``jobs`` 1), ``jobs`` processes, or on ``cluster``."""
    show = progress.wanted() if show is None else show
    if cluster:
        client = _connect(cluster)
        try:
            workers = max(1, sum(client.nthreads().values()))
            tasks = _tasks(folder, records, blobs, shard_size(len(records), workers, True))
            return concat(_on_cluster(client, cluster, fn, tasks, show))
        finally:
            client.close()
    workers = max(1, min(jobs, len(records)))
    tasks = _tasks(folder, records, blobs, shard_size(len(records), workers, show))
    if workers > 1 and len(tasks) > 1:
        return concat(_in_processes(fn, tasks, workers, show))
    bar = progress.bar(len(records), show=show)
    try:
        parts = []
        for task in tasks:
            parts.append(fn(*task))
            bar.update(len(task[1]))
        return concat(parts)
    finally:
        bar.close()


def _tasks(folder, records, blobs, size) -> list[tuple[str, list[dict], dict[str, bytes]]]:
    out = []
    for i in range(0, len(records), size):
        shard = records[i:i + size]
        out.append((str(folder), shard, {r["file"]: blobs[r["file"]] for r in shard}))
    return out


def _in_processes(fn, tasks, workers: int, show: bool) -> list[Tables]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # fork where there is one: workers start at once with the package imported and never re-run the
    # caller's script (spawn and forkserver re-import ``__main__``, which a script without a
    # ``if __name__ == "__main__"`` guard turns into a fork bomb).
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    parts: list[Tables | None] = [None] * len(tasks)
    bar = progress.bar(sum(len(t[1]) for t in tasks), show=show)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            futures = {pool.submit(fn, *task): i for i, task in enumerate(tasks)}
            try:
                _collect(as_completed(futures), lambda f: futures[f], parts, tasks, bar)
            except BaseException:
                for fut in futures:
                    fut.cancel()
                raise
    finally:
        bar.close()
    return parts


def _collect(done, index_of, parts: list, tasks, bar) -> None:
    """Results into ``parts`` as they arrive; bad input raised as the serial build would: the first shard's."""
    errors: dict[int, InputError] = {}
    for fut in done:
        i = index_of(fut)
        try:
            parts[i] = fut.result()
        except InputError as err:
            errors[i] = err
        bar.update(len(tasks[i][1]))
    if errors:
        raise errors[min(errors)]


def _connect(address: str):
    """A Dask client on the scheduler at ``address``, whose workers run this very version of the package."""
    from distributed import Client

    from sco_analysis import cache

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise InputError(address, f"no Dask scheduler answers there ({' '.join(str(err).split())[:200]})") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        ours = cache.code_key()
        theirs = client.run(cache.code_key)
    except Exception as err:
        client.close()
        raise InputError(
            address, f"the Dask cluster has no usable worker ({' '.join(str(err).split())[:200]})"
        ) from None
    odd = sorted(w for w, key in theirs.items() if key != ours)
    if odd:
        client.close()
        raise InputError(address, f"worker {odd[0]} runs another version of sco_analysis or its data; "
                                  "install this checkout on every worker")
    return client


def _on_cluster(client, address: str, fn, tasks, show: bool) -> list[Tables]:
    from distributed import as_completed

    futures = [client.submit(fn, *task, pure=False) for task in tasks]
    index = {fut.key: i for i, fut in enumerate(futures)}
    parts: list[Tables | None] = [None] * len(tasks)
    bar = progress.bar(sum(len(t[1]) for t in tasks), show=show)
    try:
        _collect(as_completed(futures, loop=client.loop), lambda f: index[f.key], parts, tasks, bar)
    finally:
        bar.close()
        for fut in futures:
            fut.cancel()
    return parts
