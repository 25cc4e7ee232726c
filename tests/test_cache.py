"""The table cache: hits on unchanged inputs, misses on any changed input, never trusts a bad entry."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from sco_analysis import cache, pipeline

from .conftest import write_folder

BUILD = getattr(pipeline, "build_uncached", pipeline.build)


class CountingBuild:
    """The real (uncached) builder, counting how often the cache had to call it."""

    def __init__(self):
        self.calls = 0

    def __call__(self, folder):
        self.calls += 1
        return BUILD(folder)


@pytest.fixture(autouse=True)
def cache_on(monkeypatch):
    monkeypatch.delenv(cache.ENV_SWITCH, raising=False)
    monkeypatch.delenv(cache.ENV_DIR, raising=False)


@pytest.fixture
def folder(tmp_path):
    return write_folder(tmp_path / "articles", {
        "a.txt": "SCO summit opens\n\nBelarus will become a member state of the SCO on July 4. India said so.\n",
        "b.txt": "Iran joined the SCO in 2023 as its ninth member.\n",
    })


def _entries(directory):
    return sorted(directory.glob(f"*{cache._SUFFIX}"))


def _assert_same(a: dict, b: dict):
    assert list(a) == list(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_exact=True)


def test_second_call_is_a_hit_with_identical_typed_tables(folder, tmp_path):
    build, store = CountingBuild(), tmp_path / "cache"
    first = cache.load_or_build(folder, build, store)
    second = cache.load_or_build(folder, build, store)
    assert build.calls == 1
    assert len(_entries(store)) == 1
    _assert_same(first, second)
    _assert_same(second, BUILD(folder))


def test_changed_article_is_a_miss(folder, tmp_path):
    build, store = CountingBuild(), tmp_path / "cache"
    before = cache.load_or_build(folder, build, store)
    (folder / "b.txt").write_text("Iran joined the SCO in 2023. Belarus followed in 2024.\n", encoding="utf-8")
    after = cache.load_or_build(folder, build, store)
    assert build.calls == 2
    assert len(_entries(store)) == 2
    assert "Belarus followed in 2024." in set(after["sentences"].text)
    assert "Belarus followed in 2024." not in set(before["sentences"].text)


def test_renamed_file_is_a_miss_even_with_the_same_bytes(folder, tmp_path):
    key = cache.input_key(folder)
    (folder / "b.txt").rename(folder / "c.txt")
    assert cache.input_key(folder) != key


def test_changed_package_data_file_is_a_miss(folder, tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)
    build, store = CountingBuild(), tmp_path / "cache"
    cache.load_or_build(folder, build, store)
    cache.load_or_build(folder, build, store)
    assert build.calls == 1
    (package / "data").mkdir(exist_ok=True)
    (package / "data" / "themes.csv").write_text("theme_id,label,terms\nsecurity,Security,terror\n", encoding="utf-8")
    cache.load_or_build(folder, build, store)
    assert build.calls == 2
    (package / "data" / "themes.csv").write_text("theme_id,label,terms\nsecurity,Security,terrorism\n",
                                                 encoding="utf-8")
    cache.load_or_build(folder, build, store)
    assert build.calls == 3


def test_changed_package_source_is_a_miss(folder, tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)
    key = cache.input_key(folder)
    with open(package / "pipeline.py", "a", encoding="utf-8") as fh:
        fh.write("\n# changed\n")
    assert cache.input_key(folder) != key


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],                             # truncated write
    lambda b: b[:-10] + bytes(x ^ 0xFF for x in b[-10:]),   # flipped bytes, digest line intact
    lambda b: b"",                                          # empty file
    lambda b: b"not a digest\n" + b[b.index(b"\n") + 1:],   # header garbled
])
def test_corrupt_entry_is_rebuilt_and_replaced(folder, tmp_path, damage):
    build, store = CountingBuild(), tmp_path / "cache"
    good = cache.load_or_build(folder, build, store)
    [entry] = _entries(store)
    entry.write_bytes(damage(entry.read_bytes()))
    rebuilt = cache.load_or_build(folder, build, store)
    assert build.calls == 2
    _assert_same(good, rebuilt)
    assert cache._read(entry) is not None
    cache.load_or_build(folder, build, store)
    assert build.calls == 2


def test_entry_that_is_not_tables_is_rebuilt(folder, tmp_path):
    import hashlib
    import pickle

    build, store = CountingBuild(), tmp_path / "cache"
    cache.load_or_build(folder, build, store)
    [entry] = _entries(store)
    payload = pickle.dumps(["not", "tables"])
    entry.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    tables = cache.load_or_build(folder, build, store)
    assert build.calls == 2
    assert set(tables) >= {"articles", "sentences"}


def test_env_selects_dir_and_can_switch_the_cache_off(folder, tmp_path, monkeypatch):
    build = CountingBuild()
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "env-cache"))
    cache.load_or_build(folder, build)
    assert len(_entries(tmp_path / "env-cache")) == 1
    monkeypatch.setenv(cache.ENV_SWITCH, "off")
    cache.load_or_build(folder, build)
    cache.load_or_build(folder, build)
    assert build.calls == 3


def test_unwritable_cache_dir_still_returns_tables(folder, tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    build = CountingBuild()
    tables = cache.load_or_build(folder, build, blocker / "cache")
    assert build.calls == 1 and len(tables["articles"]) == 2


def test_old_entries_are_pruned(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 2)
    build, store = CountingBuild(), tmp_path / "cache"
    for i in range(4):
        (folder / "b.txt").write_text(f"Iran joined the SCO in 202{i}.\n", encoding="utf-8")
        cache.load_or_build(folder, build, store)
    assert len(_entries(store)) == 2
    assert not list(store.glob(".tmp-*"))


def test_bad_input_is_not_cached(tmp_path):
    from sco_analysis.errors import InputError

    bad = write_folder(tmp_path / "bad", {"a.txt": "\x00\x01binary"})
    store = tmp_path / "cache"
    with pytest.raises(InputError):
        cache.load_or_build(bad, BUILD, store)
    assert not _entries(store)


@pytest.mark.skipif(not hasattr(pipeline, "build_uncached"), reason="pipeline.build does not use the cache")
def test_pipeline_build_goes_through_the_cache(folder, tmp_path, monkeypatch):
    build = CountingBuild()
    monkeypatch.setattr(pipeline, "build_uncached", build)
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    first = pipeline.build(folder)
    second = pipeline.build(folder)
    assert build.calls == 1
    _assert_same(first, second)
