"""Shared fixtures: the real seeds, and small article folders the tests build themselves."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "seeds"  # a fixed copy: tests never read the user's seeds/
CATALOG_HEADER = ["file", "outlet", "title", "published"]


def write_folder(folder: Path, articles: dict[str, str], rows: list[dict] | None = None) -> Path:
    """Write ``articles`` (file name -> text) and a catalog (one row each unless ``rows`` given)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    if rows is None:
        rows = [{"file": n, "outlet": "Test Wire", "title": "", "published": "2024-07-05"} for n in articles]
    header = list(dict.fromkeys(CATALOG_HEADER + [k for r in rows for k in r]))
    with open(folder / "catalog.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=header)
        w.writeheader()
        w.writerows(rows)
    return folder


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of the real seeds folder."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture(scope="session")
def seed_corpus():
    from sco_analysis.reading.corpus import load_corpus

    return load_corpus(SEEDS)
