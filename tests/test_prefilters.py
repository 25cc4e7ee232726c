"""Prefilters only save time: every table is the same when no rule is skipped.

Extractors skip a pattern on a sentence that holds none of the words every match of it contains
(``reading.wordscan``). Here each corpus is read twice, once as usual and once with every word
family reported present (as for text that cannot be lowered safely), so every pattern runs on
every sentence; the tables must be equal.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sco_analysis import pipeline
from sco_analysis.reading import wordscan

ROOT = Path(__file__).resolve().parents[1]


def _everything_present(monkeypatch):
    monkeypatch.setattr(wordscan.WordScan, "mask", lambda self, low: self.all)
    monkeypatch.setattr(wordscan.WordScan, "span_masks", lambda self, low, spans: [self.all] * len(list(spans)))


@pytest.mark.parametrize("corpus", ["tests/corpus", "tests/seeds", "tests/heldout"])
def test_prefiltered_tables_equal_unfiltered(corpus, monkeypatch):
    fast = pipeline.extract_articles(ROOT / corpus)
    _everything_present(monkeypatch)
    slow = pipeline.extract_articles(ROOT / corpus)
    for name in pipeline.PER_ARTICLE:
        pd.testing.assert_frame_equal(fast[name], slow[name], obj=name)
    assert fast[pipeline.PLACED] == slow[pipeline.PLACED]
