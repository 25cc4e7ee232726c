"""The table cache: per-article reuse, misses on any changed input, data only, never trusts a bad entry."""

from __future__ import annotations

import csv
import hashlib
import json
import pickle
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from sco_analysis import cache, pipeline

from .conftest import write_folder


class CountingExtract:
    """The real per-article extraction, recording which articles each call had to read."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def __call__(self, folder, records=None, blobs=None):
        self.calls.append([r["file"] for r in records])
        return REAL_EXTRACT(folder, records, blobs)

    @property
    def files(self) -> list[str]:
        return [f for call in self.calls for f in call]


REAL_EXTRACT = pipeline.extract_articles


@pytest.fixture(autouse=True)
def cache_on(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV_SWITCH, raising=False)
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))


@pytest.fixture
def extract(monkeypatch):
    counting = CountingExtract()
    monkeypatch.setattr(pipeline, "extract_articles", counting)
    return counting


@pytest.fixture
def folder(tmp_path):
    return write_folder(tmp_path / "articles", {
        "a.txt": "SCO summit opens\n\nBelarus will become a member state of the SCO on July 4. India said so.\n",
        "b.txt": "Iran joined the SCO in 2023 as its ninth member.\n",
        "c.txt": "Kazakhstan hosts the summit. The SCO has ten members, the secretary-general said.\n",
    })


def _assert_same(a: dict, b: dict):
    assert list(a) == list(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_exact=True, obj=name)


def _csv_bytes(tables, out):
    return {p.name: p.read_bytes() for p in pipeline.write(tables, out)}


def test_unchanged_rerun_reads_everything_from_the_cache(folder, extract, tmp_path):
    first = pipeline.build(folder)
    second = pipeline.build(folder)
    assert extract.files == ["a.txt", "b.txt", "c.txt"]
    _assert_same(first, second)
    _assert_same(second, pipeline.build_uncached(folder))


def test_one_edited_article_is_the_only_one_read_again(folder, extract, tmp_path):
    pipeline.build(folder)
    (folder / "b.txt").write_text("Iran joined the SCO in 2023. Belarus followed in 2024.\n", encoding="utf-8")
    after = pipeline.build(folder)
    assert extract.calls[-1] == ["b.txt"]
    assert "Belarus followed in 2024." in set(after["sentences"].text)
    cold = pipeline.build_uncached(folder)
    assert _csv_bytes(after, tmp_path / "inc") == _csv_bytes(cold, tmp_path / "cold")


def test_an_added_article_is_the_only_one_read_and_rows_keep_catalog_order(folder, extract, tmp_path):
    pipeline.build(folder)
    (folder / "0.txt").write_text("Mongolia is an observer of the SCO since 2004.\n", encoding="utf-8")
    rows = list(csv.DictReader((folder / "catalog.csv").read_text(encoding="utf-8").splitlines()))
    rows.insert(1, {"file": "0.txt", "outlet": "Test Wire", "title": "", "published": "2024-07-05"})
    write_folder(folder, {}, rows)
    after = pipeline.build(folder)
    assert extract.calls[-1] == ["0.txt"]
    assert list(after["articles"].article_id) == ["a", "0", "b", "c"]
    for name in pipeline.PER_ARTICLE:
        pos = after[name].article_id.map({a: i for i, a in enumerate(["a", "0", "b", "c"])})
        assert pos.is_monotonic_increasing, name
    _assert_same(after, pipeline.build_uncached(folder))


def test_a_changed_catalog_row_is_read_again(folder, extract):
    pipeline.build(folder)
    rows = list(csv.DictReader((folder / "catalog.csv").read_text(encoding="utf-8").splitlines()))
    rows[2]["published"] = "2019-06-14"
    write_folder(folder, {}, rows)
    after = pipeline.build(folder)
    assert extract.calls[-1] == ["c.txt"]
    assert str(after["articles"].set_index("article_id").loc["c", "published"].date()) == "2019-06-14"


def test_renamed_file_is_read_again_even_with_the_same_bytes(folder, extract):
    pipeline.build(folder)
    (folder / "b.txt").rename(folder / "d.txt")
    rows = [
        {"file": f, "outlet": "Test Wire", "title": "", "published": "2024-07-05"} for f in ("a.txt", "d.txt", "c.txt")
    ]
    write_folder(folder, {}, rows)
    after = pipeline.build(folder)
    assert extract.calls[-1] == ["d.txt"]
    assert list(after["articles"].article_id) == ["a", "d", "c"]


@pytest.mark.parametrize("edit", ["data/themes.csv", "claims.py"])
def test_changed_package_file_reads_every_article_again(folder, extract, tmp_path, monkeypatch, edit):
    package = tmp_path / "pkg"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)
    pipeline.build(folder)
    pipeline.build(folder)
    assert len(extract.files) == 3
    with open(package / edit, "a", encoding="utf-8") as fh:
        fh.write("\n")
    pipeline.build(folder)
    assert len(extract.files) == 6


def _table_files(store):
    return sorted(p for p in store.rglob("*.parquet"))


def test_entries_are_parquet_and_json_only(folder, tmp_path):
    pipeline.build(folder)
    files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert files
    for p in files:
        if p.name == cache.MANIFEST:
            json.loads(p.read_text(encoding="utf-8"))
        else:
            assert p.suffix == ".parquet" and p.read_bytes()[:4] == b"PAR1", p


class _Marker:
    """Unpickling this creates a file: proof that a cache entry was executed."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_a_planted_pickle_is_never_loaded(folder, tmp_path):
    """Every file of the cache replaced by a pickle that would run code, checksums made to match."""
    good = pipeline.build(folder)
    marker = tmp_path / "executed"
    payload = pickle.dumps(_Marker(str(marker)))
    store = tmp_path / "cache"
    for p in [p for p in store.rglob("*") if p.is_file() and p.name != cache.MANIFEST]:
        blob = (hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload) if p.suffix == ".pkl" else payload
        p.write_bytes(blob)
    for m in store.rglob(cache.MANIFEST):
        manifest = json.loads(m.read_text(encoding="utf-8"))
        manifest["tables"] = {k: hashlib.sha256(payload).hexdigest() for k in manifest["tables"]}
        m.write_text(json.dumps(manifest), encoding="utf-8")
    again = pipeline.build(folder)
    assert not marker.exists()
    _assert_same(good, again)


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],                             # truncated write
    lambda b: b[:-10] + bytes(x ^ 0xFF for x in b[-10:]),   # flipped bytes
    lambda b: b"",                                          # empty file
])
def test_damaged_table_file_is_rebuilt_and_replaced(folder, extract, tmp_path, damage):
    good = pipeline.build(folder)
    for p in _table_files(tmp_path / "cache"):
        if p.name == "claims.parquet":
            p.write_bytes(damage(p.read_bytes()))
    rebuilt = pipeline.build(folder)
    assert len(extract.files) == 6
    _assert_same(good, rebuilt)
    pipeline.build(folder)
    assert len(extract.files) == 6


def test_foreign_table_with_valid_checksum_is_not_used(folder, extract, tmp_path):
    """A well-formed Parquet file with other columns (manifest digest updated) is a miss, not a table."""
    good = pipeline.build(folder)
    bogus = cache._table_bytes(pd.DataFrame({"article_id": ["a"], "x": [1]}))
    for p in _table_files(tmp_path / "cache"):
        if p.name == "membership.parquet":
            p.write_bytes(bogus)
            m = p.parent / cache.MANIFEST
            manifest = json.loads(m.read_text(encoding="utf-8"))
            manifest["tables"]["membership"] = hashlib.sha256(bogus).hexdigest()
            m.write_text(json.dumps(manifest), encoding="utf-8")
    _assert_same(good, pipeline.build(folder))
    assert len(extract.files) == 6


def test_garbled_manifest_is_a_miss(folder, extract, tmp_path):
    pipeline.build(folder)
    for m in (tmp_path / "cache").rglob(cache.MANIFEST):
        m.write_text("{not json", encoding="utf-8")
    pipeline.build(folder)
    assert len(extract.files) == 6


def test_cache_switched_off_reads_everything_each_time(folder, extract, monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_SWITCH, "off")
    pipeline.build(folder)
    pipeline.build(folder)
    assert len(extract.files) == 6
    assert not (tmp_path / "cache").exists()


def test_unwritable_cache_dir_still_returns_tables(folder, tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))
    tables = pipeline.build(folder)
    assert len(tables["articles"]) == 3


def test_old_entries_are_pruned(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "KEEP_RESULTS", 2)
    monkeypatch.setattr(cache, "KEEP_BATCHES", 2)
    for i in range(4):
        (folder / "b.txt").write_text(f"Iran joined the SCO in 202{i}.\n", encoding="utf-8")
        pipeline.build(folder)
    store = tmp_path / "cache"
    assert len(list((store / "results").iterdir())) == 2
    assert len(list((store / "articles").iterdir())) == 2
    assert not list(store.rglob(".tmp-*"))


def test_bad_input_is_not_cached(tmp_path):
    from sco_analysis.errors import InputError

    bad = write_folder(tmp_path / "bad", {"a.txt": "\x00\x01binary"})
    with pytest.raises(InputError):
        pipeline.build(bad)
    assert not _table_files(tmp_path / "cache")


def test_relative_cache_dir_is_the_users_not_the_kernels(tmp_path, monkeypatch):
    """``SCO_CACHE_DIR=relcache`` means ``relcache`` in the folder the user ran the command from, also
    for the notebook kernel, which runs in ``notebooks/``: it gets the path made absolute."""
    from sco_analysis.presenting import report

    user_cwd = tmp_path / "work"
    user_cwd.mkdir()
    monkeypatch.chdir(user_cwd)
    monkeypatch.setenv(cache.ENV_DIR, "relcache")
    env = report.kernel_env()
    probe = "from sco_analysis import cache; print(cache.resolve_dir())"
    seen = subprocess.run([sys.executable, "-c", probe], cwd=report.NOTEBOOKS, env=env,
                          capture_output=True, text=True, check=True).stdout.strip()
    assert seen == str(user_cwd / "relcache")
    assert cache.resolve_dir() == user_cwd / "relcache"
