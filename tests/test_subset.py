"""--since/--until/--outlet: one period or one outlet, compared among themselves."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sco_analysis import build
from sco_analysis.errors import InputError
from sco_analysis.subset import select

from .conftest import ROOT, SEEDS


def test_outlet_and_dates_select_articles_and_recompare():
    full = build(SEEDS)
    one = select(full, outlets=["peoples DISPATCH"])
    assert list(one["articles"]["outlet"]) == ["Peoples Dispatch"]
    assert set(one["claims"]["article_id"]) == set(one["articles"]["article_id"])
    assert (one["comparison"]["verdict"] == "single_source").all(), "agreement with a left-out article is gone"
    assert len(select(full, since="2024-06-01")["articles"]) == 1
    assert len(select(full, until="2024-06-01")["articles"]) == 1
    assert select(full) is full


def test_bad_dates_and_empty_subsets_are_one_line():
    full = build(SEEDS)
    with pytest.raises(InputError, match=r"--since: '2024-02-30' is not a date"):
        select(full, since="2024-02-30")
    with pytest.raises(InputError, match="no article dated or published from 2030-01-01"):
        select(full, since="2030-01-01")


def test_cli_extract_takes_the_subset_options(tmp_path):
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "sco_analysis",
            "extract",
            str(SEEDS),
            "--out",
            str(tmp_path / "t"),
            "--outlet",
            "Peoples Dispatch",
            "--until",
            "2024-12-31",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "t" / "articles.csv").read_text().count("\n") == 2
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "sco_analysis",
            "report",
            "--seeds",
            str(SEEDS),
            "--out",
            str(tmp_path / "r"),
            "--outlet",
            "Nobody",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "no article" in r.stderr


def test_the_subset_is_chosen_before_any_article_is_read(tmp_path):
    """An article outside the window is never opened: a broken one there does not stop the build, and
    the tables equal the full build's restricted afterwards."""
    import shutil

    folder = tmp_path / "arts"
    shutil.copytree(SEEDS, folder)
    catalog = (folder / "catalog.csv").read_text(encoding="utf-8")
    header = catalog.splitlines()[0].split(",")
    row = dict.fromkeys(header, "") | {"file": "zz_broken.txt", "outlet": "Broken Wire", "title": "x",
                                      "published": "1999-01-01"}
    (folder / "catalog.csv").write_text(catalog.rstrip("\n") + "\n" + ",".join(row[c] for c in header) + "\n",
                                        encoding="utf-8")
    (folder / "zz_broken.txt").write_bytes(b"\xff\xfe\x00not text\x00")
    with pytest.raises(InputError, match=r"zz_broken\.txt"):
        build(folder, use_cache=False)
    part = build(folder, use_cache=False, since="2024-01-01")
    assert "zz_broken" not in set(part["articles"]["article_id"])
    expected = select(build(SEEDS, use_cache=False), since="2024-01-01")
    for name, df in expected.items():
        assert df.equals(part[name]), name
