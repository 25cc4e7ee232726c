"""Charts drawn from small tables built with ``schema.frame``: what they show, not how they look."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from sco_analysis import schema
from sco_analysis.presenting import plots

A, B = "wire_2024-05-20_preview", "daily_2024-07-03_report"


def _articles(rows=((A, "Wire Service", "2024-05-20", "estimated"), (B, "Daily News", "2024-07-03", "published"))):
    out = []
    for aid, outlet, when, basis in rows:
        out.append({"article_id": aid, "file": f"{aid}.txt", "outlet": outlet, "title": None,
                    "published": when if basis == "published" else None,
                    "published_estimate": when if basis == "estimated" else None, "reference_date": when,
                    "reference_date_basis": basis, "kind": None, "based_on": None, "language": "en",
                    "address": None, "accessed": None, "notes": None, "n_chars": 100, "n_sentences": 12,
                    "n_body_sentences": 10, "sha256": "0" * 64})
    return schema.frame("articles", out)


def _prov(aid, sid, quote="quote"):
    return {"article_id": aid, "sentence_id": sid, "start": 0, "end": len(quote), "quote": quote}


def _texts(fig: Figure) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts] + [ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.get_yticklabels()] + [t.get_text() for t in ax.get_xticklabels()]
        if ax.get_legend():
            out += [t.get_text() for t in ax.get_legend().get_texts()]
    return out


def _has_title_and_source(fig: Figure, source: str) -> None:
    assert fig.get_suptitle()
    assert source in fig.get_supxlabel().replace("\n", " ")


# ---------------------------------------------------------------- labels and shares

def test_article_labels_name_outlet_and_date_and_mark_estimates():
    labels = plots.article_labels(_articles())
    assert labels == {A: "Wire Service, ~20 May 2024", B: "Daily News, 3 Jul 2024"}


def test_claim_labels_read_the_key_vocabulary():
    got = plots.claim_labels(["members.count", "accession.year.IND", "no.such.key"])
    assert got["accession.year.IND"].endswith("(IND)") and got["accession.year.IND"] != "accession.year.IND"
    assert got["members.count"] != "members.count" and got["no.such.key"] == "no.such.key"


def test_article_labels_stay_unique():
    arts = _articles(((A, "Wire", "2024-05-20", "published"), (B, "Wire", "2024-05-20", "published")))
    labels = plots.article_labels(arts)
    assert len(set(labels.values())) == 2 and labels[A].endswith(f"[{A}]")


def test_theme_shares_count_body_sentences_once_and_fill_zeros():
    rows = [
        {**_prov(A, 1), "theme_id": "security", "theme_label": "Security", "terms": "security"},
        {**_prov(A, 1), "theme_id": "security", "theme_label": "Security", "terms": "terrorism"},
        {**_prov(A, 2), "theme_id": "security", "theme_label": "Security", "terms": "security"},
        {**_prov(B, 4), "theme_id": "economy", "theme_label": "Economy", "terms": "trade"},
    ]
    rows.append({**_prov(A, 0), "theme_id": "economy", "theme_label": "Economy", "terms": "trade"})
    sentences = pd.DataFrame({"article_id": [A] * 11 + [B] * 10, "sentence_id": list(range(11)) + list(range(10)),
                              "kind": ["headline"] + ["body"] * 20})
    shares = plots.theme_shares(schema.frame("themes", rows), sentences, _articles())
    got = {(r.article_id, r.theme_id): (r.n_sentences, r.share) for r in shares.itertuples()}
    assert got == {(A, "security"): (2, 0.2), (A, "economy"): (0, 0.0),
                   (B, "security"): (0, 0.0), (B, "economy"): (1, 0.1)}


# ---------------------------------------------------------------- charts

GROWTH = pd.DataFrame({
    "date": pd.to_datetime(["2001-06-15"] * 4 + ["2017-06-09"] * 4 + ["2025-09-01"] * 4),
    "status": ["member", "observer", "dialogue_partner", "partner"] * 3,
    "count": [6, 0, 0, 0, 8, 4, 6, 0, 8, 0, 0, 11],
}).astype({"status": "string", "count": "Int64"})
ACCESSIONS = pd.DataFrame({
    "date": pd.to_datetime(["2001-06-15"] * 6 + ["2017-06-09"] * 2 + ["2025-09-01"] * 11),
    "iso3": ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB", "IND", "PAK"] + [f"P{i:02d}" for i in range(11)],
    "country": ["China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan", "India", "Pakistan"]
               + [f"Partner {i}" for i in range(11)],
    "status": ["founding_member"] * 6 + ["member"] * 2 + ["partner"] * 11,
})


def test_growth_chart_draws_reference_steps_labels_accessions_and_the_merge():
    arts = _articles()
    membership = schema.frame("membership", [
        {**_prov(A, 3), "country": "India", "iso3": "IND", "status": "member", "year": 2017,
         "date": "2017-01-01", "date_precision": "year", "modality": "reported"},
        {**_prov(A, 3), "country": "Pakistan", "iso3": "PAK", "status": "member", "year": 2017,
         "date": "2017-01-01", "date_precision": "year", "modality": "reported"},
    ])
    fig = plots.growth_chart(GROWTH, ACCESSIONS, source="Source: test", articles=arts, membership=membership,
                             end="2026-01-01")
    assert len(fig.axes) == 3
    texts = _texts(fig)
    assert "6 founders" in texts and "+IND PAK" in texts
    assert "11 SCO partners, new: P00 P01 P02 P03 P04 P05 P06 P07 P08 P09 P10" in texts
    assert any("merged into 'SCO partners' (Sep 2025" in t for t in texts)
    assert "IND PAK" in texts
    members = [ln for ln in fig.axes[0].get_lines() if ln.get_color() == plots.STATUS_COLOURS["member"]]
    assert list(members[0].get_ydata()) == [6, 8, 8, 8]
    partner = [ln for ln in fig.axes[1].get_lines() if ln.get_color() == plots.STATUS_COLOURS["partner"]]
    assert list(partner[0].get_ydata()) == [11, 11], "partners start at the merge, not as a line at zero"
    _has_title_and_source(fig, "Source: test")


def test_growth_chart_without_articles_has_two_panels():
    fig = plots.growth_chart(GROWTH, ACCESSIONS, source="s")
    assert len(fig.axes) == 2


def test_growth_zoom_chart_puts_each_count_at_its_date_and_skips_old_ones():
    arts = _articles()
    counts = schema.frame("counts", [
        {**_prov(B, 5), "status": "member", "count": 9, "modality": "reported", "as_of": "publication",
         "as_of_date": "2024-07-03"},
        {**_prov(A, 6), "status": "member", "count": 10, "modality": "expected", "as_of": "after_event",
         "as_of_date": "2024-07-04"},
        {**_prov(A, 7), "status": "founding_member", "count": 6, "modality": "reported", "as_of": "2001-06-15",
         "as_of_date": "2001-06-15"},
    ])
    fig = plots.growth_zoom_chart(GROWTH, counts, arts, source="s")
    ax = fig.axes[0]
    points = {(pd.Timestamp(ln.get_xdata()[0]), int(ln.get_ydata()[0]), ln.get_markerfacecolor() == "white")
              for ln in ax.get_lines() if ln.get_marker() not in (None, "None", "") and len(ln.get_xdata()) == 1}
    assert points == {(pd.Timestamp("2024-07-03"), 9, False), (pd.Timestamp("2024-07-04"), 10, True)}
    assert ax.get_xlim()[0] < ax.get_xlim()[1]
    _has_title_and_source(fig, "s")


def test_themes_chart_has_one_bar_group_per_theme_and_article():
    rows = [{**_prov(A, 1), "theme_id": "security", "theme_label": "Security", "terms": "security"},
            {**_prov(B, 4), "theme_id": "economy", "theme_label": "Economy", "terms": "trade"}]
    arts = _articles()
    sentences = pd.DataFrame(
        {"article_id": [A] * 10 + [B] * 10, "sentence_id": list(range(10)) * 2, "kind": ["body"] * 20}
    )
    fig = plots.themes_chart(plots.theme_shares(schema.frame("themes", rows), sentences, arts), arts, source="s")
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 6) for p in ax.patches)
    assert widths == [0, 0, 10, 10]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Economy", "Security"]
    assert "10% (1)" in _texts(fig)
    _has_title_and_source(fig, "s")


def _comparison_row(aid, key, value, verdict, ref_verdict, frame="2024"):
    defaults = {
        c.name: (0 if c.dtype == schema.INT and not c.nullable else None) for c in schema.TABLES["comparison"].columns
    }
    return {**defaults, "claim_key": key, "frame": frame, "article_id": aid, "value": value, "modality": "reported",
            "as_of": "publication", "as_of_date": "2024-07-03", "checked_on": "2024-07-03", "n_articles": 2,
            "verdict": verdict, "agrees_with": None, "conflicts_with": None, "reference_value": "10",
            "reference_verdict": ref_verdict, "reference_note": None, "quote": "q", "sentence_id": 1,
            "start": 0, "end": 1, "reference_source": None}


def test_claim_matrix_colours_cells_by_reference_and_marks_agreement():
    comp = schema.frame("comparison", [
        _comparison_row(A, "members.count", "10", "agree", "supported"),
        _comparison_row(B, "members.count", "10", "agree", "supported"),
        _comparison_row(B, "share.world_population", "0.5", "single_source", "refuted"),
    ])
    fig = plots.claim_matrix_chart(comp, _articles(), source="s", claim_labels={"members.count": "Member states"})
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Member states", "share.world_population"]
    fills = sorted(r.get_facecolor()[:3] for r in ax.patches if isinstance(r, Rectangle))
    from matplotlib.colors import to_rgb

    assert fills.count(to_rgb(plots.VERDICT_COLOURS["supported"])) == 2
    assert fills.count(to_rgb(plots.VERDICT_COLOURS["refuted"])) == 1
    assert fills.count(to_rgb("white")) == 1
    texts = _texts(fig)
    assert texts.count("=") == 2 and texts.count("·") == 1 and "0.5" in texts
    _has_title_and_source(fig, "s")


def test_structure_chart_stacks_kinds_per_article():
    sentences = pd.DataFrame({"article_id": [A, A, A, B], "kind": ["headline", "body", "body", "body"]})
    fig = plots.structure_chart(sentences, _articles(), source="s")
    widths = sorted(p.get_width() for p in fig.axes[0].patches)
    assert widths == [0, 1, 1, 2]
    _has_title_and_source(fig, "s")


@pytest.mark.parametrize("colour", sorted(set(plots.STATUS_COLOURS.values()) | {c for c, _ in plots.ARTICLE_STYLES}))
def test_palette_is_okabe_ito(colour):
    assert colour in plots.OKABE_ITO.values()


HOSTILE = ("Cost $\\x$ News", "_Underscore Times")


def _hostile_charts():
    arts = _articles(((A, HOSTILE[0], "2024-05-20", "estimated"), (B, HOSTILE[1], "2024-07-03", "published")))
    sentences = pd.DataFrame({"article_id": [A, A, B], "sentence_id": [0, 1, 0], "kind": ["headline", "body", "body"]})
    themes = schema.frame("themes", [{**_prov(A, 1), "theme_id": "money", "theme_label": "$5 (approx.) and $10",
                                      "terms": "money"}])
    counts = schema.frame("counts", [{**_prov(B, 0), "status": "member", "count": 9, "modality": "reported",
                                      "as_of": "publication", "as_of_date": "2024-07-03"}])
    comp = schema.frame("comparison", [_comparison_row(A, "members.count", "$9$", "conflict", "refuted"),
                                       _comparison_row(B, "members.count", "10", "conflict", "supported")])
    return [plots.structure_chart(sentences, arts, source="s"),
            plots.themes_chart(plots.theme_shares(themes, sentences, arts), arts, source="s"),
            plots.growth_chart(GROWTH, ACCESSIONS, source=f"Source: {HOSTILE[0]}", articles=arts,
                               membership=schema.empty("membership"), end="2026-01-01"),
            plots.growth_zoom_chart(GROWTH, counts, arts, source="s"),
            plots.claim_matrix_chart(comp, arts, source="s")]


def test_labels_from_data_are_drawn_literally():
    """A `$` in an outlet or theme never starts mathtext, and an outlet starting with `_` stays in the legend."""
    from matplotlib.text import Text

    from sco_analysis.presenting.report import svg_bytes

    charts = _hostile_charts()
    for fig in charts:
        svg_bytes(fig)
        drawn = [t for t in fig.findobj(Text) if t.get_text()]
        assert drawn and all(t._preprocess_math(t.get_text())[1] is False for t in drawn)
    structure, themes, _growth, _zoom, matrix = (" | ".join(_texts(f)) for f in charts)
    assert HOSTILE[0] in structure and HOSTILE[1] in structure
    assert "$5 (approx.) and $10" in themes and "$9$" in matrix
    for fig in charts[1:4]:
        legend = [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]
        assert any(t.startswith(HOSTILE[0]) for t in legend) and any(t.startswith(HOSTILE[1]) for t in legend), legend


def test_claim_matrix_text_stays_inside_its_cells_and_headers_apart():
    """Three articles with long outlet names and list values: no header overlaps another, no value
    runs out of its cell (issue 11: with a third article the matrix broke)."""
    C = "third_2025-09-02_report"
    arts = _articles(((A, "Wire Service of a Very Long Name", "2024-05-20", "published"),
                      (B, "Daily News of Another Long Name", "2024-07-03", "published"),
                      (C, "The Third Long-Named Outlet", "2025-09-02", "published")))
    comp = schema.frame("comparison", [
        _comparison_row(a, "founded.members", "CHN;KAZ;KGZ;RUS;TJK;UZB", "agree", "supported", frame="timeless")
        for a in (A, B, C)] + [
        _comparison_row(a, "summit.dates", "2024-07-03/2024-07-04", "agree", "supported") for a in (A, B, C)])
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    keys = {"founded.members": "The founding member states of the organisation as the article names them",
            "summit.dates": "First and last day of the summit the article is about"}
    fig = plots.claim_matrix_chart(comp, arts, source="s", claim_labels=keys)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    heads = [t.get_window_extent(renderer) for t in ax.get_xticklabels()]
    assert all(not a.overlaps(b) for i, a in enumerate(heads) for b in heads[i + 1:])
    cells = [r.get_window_extent(renderer) for r in ax.patches if isinstance(r, Rectangle)]
    values = [t for t in ax.texts if len(t.get_text()) > 2]
    assert values
    for t in values:
        box = t.get_window_extent(renderer)
        home = [c for c in cells if c.contains((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)]
        assert home and home[0].x0 <= box.x0 and box.x1 <= home[0].x1, t.get_text()
