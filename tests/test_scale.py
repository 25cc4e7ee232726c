"""Scale: one very large article and a folder of many small ones go through ``build()`` intact.

CI sizes prove the point (a 2 MB article, a 300-article folder) in well under a minute;
``SCO_SCALE=full`` runs the sizes of the brief (a 20 MB article, 10,000 articles: about a quarter
of an hour and, while ``pairwise`` is quadratic, some 20 GB of memory). Throughput figures live in
``benchmarks/``; nothing here asserts a time.
"""

from __future__ import annotations

import os
import random

import pandas as pd
import pytest

import sco_analysis
from benchmarks.make_corpus import big_article, make_corpus
from sco_analysis import schema
from sco_analysis.reading.corpus import classify_lines, split_sentences

from .conftest import write_folder

FULL = os.environ.get("SCO_SCALE") == "full"
BIG_CHARS = 20_000_000 if FULL else 2_000_000
MANY = 10_000 if FULL else 300
PER_ARTICLE = ("sentences", *schema.FACT_TABLES)

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    monkeypatch.setenv("SCO_CACHE", "off")


def _check_offsets(tables: dict[str, pd.DataFrame], texts: dict[str, str], sample: int = 2000) -> None:
    for name in PER_ARTICLE:
        df = tables.get(name)
        if df is None or df.empty:
            continue
        col = "text" if name == "sentences" else "quote"
        rows = df.sample(min(sample, len(df)), random_state=0)
        for r in rows.itertuples():
            assert texts[r.article_id][r.start:r.end] == getattr(r, col), (name, r)


def test_a_very_large_article(tmp_path):
    text = big_article(BIG_CHARS)
    folder = write_folder(tmp_path / "big", {"big.txt": text})
    tables = sco_analysis.build(folder)
    art = tables["articles"].iloc[0]
    assert art.n_chars == len(text)
    expected = sum(len(split_sentences(text, s, e)) if k == "body" else 1 for s, e, k in classify_lines(text))
    assert art.n_sentences == expected == len(tables["sentences"])
    assert tables["sentences"].end.max() <= len(text)
    _check_offsets(tables, {"big": text})
    for name, df in tables.items():
        schema.validate(name, df)


def test_many_small_articles_give_the_same_rows_as_each_alone(tmp_path):
    folder = tmp_path / "many"
    make_corpus(folder, MANY, seed=7)
    tables = sco_analysis.build(folder)
    assert len(tables["articles"]) == MANY
    assert (tables["articles"].n_sentences > 0).all()
    assert tables["sentences"].groupby("article_id").size().sum() == tables["articles"].n_sentences.sum()
    texts = {f.stem: f.read_bytes().decode("utf-8") for f in folder.glob("*.txt")}
    _check_offsets(tables, texts)
    for name, df in tables.items():
        schema.validate(name, df)

    catalog = pd.read_csv(folder / "catalog.csv", dtype=str, keep_default_na=False)
    for i in random.Random(0).sample(range(MANY), 5):
        row = catalog.iloc[i].to_dict()
        alone = sco_analysis.build(write_folder(tmp_path / f"alone{i}", {row["file"]: texts[row["file"][:-4]]}, [row]))
        aid = row["file"][:-4]
        for name in ("articles", *PER_ARTICLE):
            if name not in alone:
                continue
            together = tables[name][tables[name].article_id == aid].reset_index(drop=True)
            pd.testing.assert_frame_equal(together, alone[name], check_exact=True, obj=f"{name} of {aid}")
