"""``extract --format parquet`` and progress on long builds (shown on a terminal, quiet in CI and in pipes)."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pandas as pd
import pytest

from sco_analysis import output, pipeline, schema

from .conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def tables():
    return pipeline.build_uncached(SEEDS)


def _parquet_dtype(dtype: str) -> str:
    """How a declared dtype reads back from Parquet: dates keep their day at millisecond unit."""
    return "datetime64[ms]" if dtype == schema.DATE else dtype


def test_parquet_has_the_data_dictionary_columns_and_dtypes(tables, tmp_path):
    paths = pipeline.write(tables, tmp_path / "out", "parquet")
    assert [p.name for p in paths] == [f"{n}.parquet" for n in schema.EXTRACT_TABLES]
    for name, path in zip(schema.EXTRACT_TABLES, paths):
        back = pd.read_parquet(path)
        declared = schema.TABLES[name]
        assert list(back.columns[:len(declared.names)]) == declared.names, name
        for col in declared.columns:
            assert str(back[col.name].dtype) == _parquet_dtype(col.dtype), (name, col.name, back[col.name].dtype)
        pd.testing.assert_frame_equal(schema.cast(name, back), tables[name], check_exact=True, obj=name)


def test_parquet_and_csv_hold_the_same_values(tables, tmp_path):
    pipeline.write(tables, tmp_path / "csv", "csv")
    pipeline.write(tables, tmp_path / "pq", "parquet")
    for name in ("claims", "comparison", "articles"):
        from_pq = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        buf = tmp_path / f"{name}.again.csv"
        from_pq.to_csv(buf, index=False, encoding="utf-8", date_format="%Y-%m-%d", lineterminator="\n")
        assert buf.read_bytes() == (tmp_path / "csv" / f"{name}.csv").read_bytes(), name


def test_large_tables_are_split_into_parts(tables, tmp_path, monkeypatch):
    monkeypatch.setattr(output, "PART_ROWS", 50)
    paths = pipeline.write(tables, tmp_path / "out", "parquet")
    sentences = tmp_path / "out" / "sentences.parquet"
    assert sentences in paths and sentences.is_dir()
    parts = sorted(sentences.glob("part-*.parquet"))
    assert len(parts) == -(-len(tables["sentences"]) // 50)
    back = pd.read_parquet(sentences)
    pd.testing.assert_frame_equal(schema.cast("sentences", back), tables["sentences"], check_exact=True)
    assert (tmp_path / "out" / "sources.parquet").is_file()
    monkeypatch.setattr(output, "PART_ROWS", 10**6)
    pipeline.write(tables, tmp_path / "out", "parquet")  # a later, smaller set replaces the parts
    assert sentences.is_file()


def test_extract_command_writes_parquet(tmp_path):
    env = {**os.environ, "SCO_CACHE": "off"}
    proc = subprocess.run([sys.executable, "-m", "sco_analysis", "extract", str(SEEDS), "--out", str(tmp_path),
                           "--format", "parquet"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.parquet" for n in schema.EXTRACT_TABLES)
    assert not [p for p in tmp_path.parent.iterdir() if p.name.startswith(f".{tmp_path.name}.")]


def _extract_stderr(tmp_path, ci: str | None, tty: bool) -> str:
    """stderr of ``extract`` run on the seeds, on a pseudo-terminal or a pipe."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update({"SCO_CACHE": "off"}, **({"CI": ci} if ci is not None else {}))
    cmd = [sys.executable, "-m", "sco_analysis", "extract", str(SEEDS), "--out", str(tmp_path / "out")]
    if not tty:
        return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal has a size
    try:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=follower)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait() == 0
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_shows_on_a_terminal(tmp_path):
    err = _extract_stderr(tmp_path, None, tty=True)
    assert "extracting articles" in err and "2/2" in err


@pytest.mark.parametrize("ci, tty", [("true", True), (None, False)])
def test_progress_is_quiet_in_ci_and_in_pipes(tmp_path, ci, tty):
    assert _extract_stderr(tmp_path, ci, tty=tty) == ""
