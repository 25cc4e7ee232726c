"""Syndicated copies and near-duplicates are grouped into one independent source."""

from __future__ import annotations

import pandas as pd

from sco_analysis.checking import independence
from sco_analysis.reading.corpus import load_corpus

from .conftest import write_folder

STORY = ("The Shanghai Cooperation Organisation opened its annual summit in Astana on Wednesday morning. "
         "Leaders of the ten member states discussed security, trade and energy cooperation at length. "
         "The host country said the meeting would adopt a development strategy for the next decade. "
         "Observers noted that Belarus attended for the first time as a full member of the bloc.")
OTHER = ("Farmers in the north of the country expect a record wheat harvest after a wet spring season. "
         "Prices for grain on regional markets have fallen for the third month in a row this year. "
         "The agriculture ministry said storage capacity would be expanded before the autumn months.")


def _corpus(tmp_path, texts, rows=None):
    folder = write_folder(tmp_path / "f", texts, rows)
    c = load_corpus(folder)
    return c.articles, c.sentences


def test_copies_of_one_story_form_one_group_and_other_stories_stay_apart(tmp_path):
    arts, sents = _corpus(
        tmp_path,
        {
            "a.txt": STORY,
            "b.txt": STORY.replace("Wednesday morning", "Wednesday"),
            "c.txt": OTHER,
            "d.txt": STORY + "\n\nA local analyst added a comment of her own on the talks today.",
        },
    )
    g = independence.syndication(arts, sents).set_index("article_id")
    assert g.loc["b", "source_group"] == g.loc["d", "source_group"] == g.loc["a", "source_group"] == "a"
    assert g.loc["c", "source_group"] == "c" and g.loc["c", "group_size"] == 1 and g.loc["c", "reason"] == ""
    assert g.loc["a", "group_size"] == 3 and g.loc["a", "reason"] == "shared sentences"
    assert set(g.loc["a", "copies_of"].split(";")) == {"b", "d"}


def test_one_shared_paragraph_is_not_a_copy(tmp_path):
    first = STORY.split(". ")[0] + "."
    arts, sents = _corpus(tmp_path, {"a.txt": STORY, "b.txt": OTHER + " " + first})
    assert independence.syndication(arts, sents)["source_group"].nunique() == 2


def test_based_on_the_same_wire_within_days_is_one_source(tmp_path):
    rows = [{"file": "a.txt", "outlet": "Daily", "title": "", "published": "2024-07-03", "based_on": "TASS"},
            {"file": "b.txt", "outlet": "Weekly", "title": "", "published": "2024-07-05", "based_on": "tass"},
            {"file": "c.txt", "outlet": "TASS", "title": "", "published": "2024-07-02"},
            {"file": "d.txt", "outlet": "Monthly", "title": "", "published": "2025-01-01", "based_on": "TASS"}]
    arts, sents = _corpus(tmp_path, {"a.txt": "One.", "b.txt": "Two.", "c.txt": "Three.", "d.txt": "Four."}, rows)
    g = independence.syndication(arts, sents).set_index("article_id")
    assert g.loc["a", "source_group"] == g.loc["b", "source_group"] == g.loc["c", "source_group"]
    assert g.loc["d", "source_group"] == "d" and g.loc["a", "reason"] == "based on"


def test_by_source_counts_articles_and_independent_sources():
    comp = pd.DataFrame(
        {
            "claim_key": ["members.count"] * 3,
            "frame": ["f"] * 3,
            "value": ["10"] * 3,
            "article_id": ["a", "b", "c"],
            "reference_verdict": ["supported"] * 3,
            "reference_value": ["10"] * 3,
        }
    )
    groups = pd.DataFrame({"article_id": ["a", "b", "c"], "source_group": ["a", "a", "c"]})
    row = independence.by_source(comp, groups).iloc[0]
    assert (row["n_articles"], row["n_sources"]) == (3, 2)
