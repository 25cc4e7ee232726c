"""Per-article work in N processes and on a real Dask cluster gives the serial build's tables, byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.make_corpus import make_corpus
from sco_analysis import cli, pipeline, workers
from sco_analysis.errors import InputError

from .conftest import ROOT, SEEDS

N_SYNTHETIC = 24


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    monkeypatch.setenv("SCO_CACHE", "off")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "articles"
    make_corpus(folder, N_SYNTHETIC, seed=12)
    return folder


def _written(tables, out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in pipeline.write(tables, out)}


@pytest.mark.parametrize("which", ["seeds", "synthetic"])
def test_jobs_give_the_serial_tables_byte_for_byte(which, synthetic, tmp_path):
    folder = SEEDS if which == "seeds" else synthetic
    serial = pipeline.build_uncached(folder)
    parallel = pipeline.build(folder, jobs=2, progress=False)
    assert _written(parallel, tmp_path / "jobs") == _written(serial, tmp_path / "serial")
    assert len(serial["articles"]) == (2 if which == "seeds" else N_SYNTHETIC)


def test_shards_split_the_catalog_in_order():
    records = [{"file": f"{i}.txt"} for i in range(10)]
    tasks = workers._tasks("f", records, {r["file"]: b"" for r in records}, 3)
    assert [[r["file"] for r in t[1]] for t in tasks] == [
        ["0.txt", "1.txt", "2.txt"], ["3.txt", "4.txt", "5.txt"], ["6.txt", "7.txt", "8.txt"], ["9.txt"]]


def test_bad_article_in_a_later_shard_gives_the_serial_error(synthetic, tmp_path):
    import shutil

    folder = tmp_path / "bad"
    shutil.copytree(synthetic, folder)
    victim = sorted(folder.glob("*.txt"))[N_SYNTHETIC - 3]
    victim.write_bytes(b"\xff\xfe not utf-8 at all")
    with pytest.raises(InputError) as serial:
        pipeline.build_uncached(folder)
    with pytest.raises(InputError) as parallel:
        pipeline.build(folder, jobs=2, progress=False)
    assert str(parallel.value) == str(serial.value)
    assert victim.name in str(parallel.value)


def test_jobs_must_be_a_count(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["extract", str(SEEDS), "--out", "x", "--jobs", "-2"])
    assert exit_.value.code == 2
    assert "not a number of processes" in capsys.readouterr().err


# ---------------------------------------------------------------- a real Dask cluster on 127.0.0.1

def _dask(*args, cwd) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("dask")
    return subprocess.Popen([str(exe), *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two single-threaded workers, each its own process, on 127.0.0.1."""
    pytest.importorskip("distributed")
    from distributed import Client

    work = tmp_path_factory.mktemp("dask")
    info = work / "scheduler.json"
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                   "--scheduler-file", str(info), "--idle-timeout", "300s", cwd=work)]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text(encoding="utf-8").strip():
            if time.monotonic() > deadline or procs[0].poll() is not None:
                pytest.fail(f"dask scheduler did not start: {procs[0].stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        for _ in range(2):
            procs.append(_dask("worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard",
                               "--memory-limit", "2GB", cwd=work))
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def _extract(folder: Path, out: Path, *extra: str) -> dict[str, bytes]:
    env = {**os.environ, "SCO_CACHE": "off", "CI": "true"}
    proc = subprocess.run([sys.executable, "-m", "sco_analysis", "extract", str(folder), "--out", str(out), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {p.name: p.read_bytes() for p in out.iterdir()}


@pytest.mark.slow
def test_cluster_gives_the_serial_tables_byte_for_byte(cluster, synthetic, tmp_path):
    serial = _written(pipeline.build_uncached(synthetic), tmp_path / "serial")
    on_cluster = _extract(synthetic, tmp_path / "cluster", "--cluster", cluster)
    assert on_cluster == serial
    assert len(serial) == 10


@pytest.mark.slow
def test_cluster_workers_read_no_files(cluster, synthetic, tmp_path):
    """Workers get each shard's bytes: the folder's path is of no use to them."""
    import shutil

    from distributed import Client

    folder = tmp_path / "private"
    shutil.copytree(synthetic, folder)
    tables = pipeline.build(folder, cluster=cluster, progress=False)
    shutil.rmtree(folder)
    with Client(cluster, timeout="30s") as client:
        seen = client.run(lambda path=str(folder): os.path.exists(path))
    assert len(seen) == 2
    assert len(tables["articles"]) == N_SYNTHETIC


def test_unreachable_scheduler_is_one_line(monkeypatch, capsys, tmp_path):
    pytest.importorskip("distributed")
    monkeypatch.setattr(workers, "CONNECT_TIMEOUT", "2s")
    code = cli.main(["extract", str(SEEDS), "--out", str(tmp_path / "out"), "--cluster", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: tcp://127.0.0.1:9: no Dask scheduler answers there")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()
