"""The pipeline switches the cyclic garbage collector off while it reads (a speed matter only) and
always gives it back as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from sco_analysis import pipeline

SEEDS = Path(__file__).resolve().parent / "seeds"


@pytest.mark.parametrize("enabled", [True, False])
def test_build_leaves_the_collector_as_it_found_it(enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        pipeline.build(SEEDS, use_cache=False, progress=False)
        assert gc.isenabled() is enabled
        pipeline.extract_articles(SEEDS)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_collector_is_back_after_a_failed_read(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("worker lost")

    monkeypatch.setattr(pipeline.workers, "run", fail)
    with pytest.raises(RuntimeError):
        pipeline.build(SEEDS, use_cache=False, progress=False)
    assert gc.isenabled()
