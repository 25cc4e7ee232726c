"""The report's charts: functions that take the tidy tables and return matplotlib Figures.

Every chart has a title, labelled axes, a source-and-date line at the foot and uses the
Okabe-Ito palette (safe for the common colour-vision deficiencies); sizes fit an A4 page.
Figures are built with ``matplotlib.figure.Figure`` (not pyplot), so nothing is shown twice in
a notebook and nothing global is changed. Also here: the short article labels every chart and
table shares, and the theme shares the theme chart draws.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
}
GREY = "#9A9A9A"
STATUS_COLOURS = {
    "founding_member": OKABE_ITO["blue"], "member": OKABE_ITO["blue"], "observer": OKABE_ITO["orange"],
    "dialogue_partner": OKABE_ITO["green"], "partner": OKABE_ITO["purple"],
}
STATUS_LABELS = {
    "founding_member": "founding members", "member": "member states", "observer": "observer states",
    "dialogue_partner": "dialogue partners", "partner": "SCO partners (from 2025)",
}
ARTICLE_STYLES = (
    (OKABE_ITO["vermillion"], "o"), (OKABE_ITO["sky_blue"], "s"), (OKABE_ITO["black"], "^"),
    (OKABE_ITO["yellow"], "D"), (OKABE_ITO["purple"], "v"), (OKABE_ITO["orange"], "P"),
    (OKABE_ITO["green"], "X"),
)
VERDICT_COLOURS = {"supported": OKABE_ITO["green"], "refuted": OKABE_ITO["vermillion"],
                   "not_enough_info": "#D9D9D9"}
VERDICT_LABELS = {"supported": "supported by the reference", "refuted": "refuted by the reference",
                  "not_enough_info": "reference cannot settle it"}
AGREEMENT_MARKS = {"agree": "=", "conflict": "≠", "single_source": "·"}
AGREEMENT_LABELS = {"agree": "= other articles agree", "conflict": "≠ another article conflicts",
                    "single_source": "· only this article"}
WIDTH = 7.4
BASE_FONT = 9


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """Short label per article: outlet and date (``~`` marks an estimated date)."""
    labels = {}
    for row in articles.itertuples(index=False):
        outlet = row.outlet if isinstance(row.outlet, str) and row.outlet else row.article_id
        when = ""
        if pd.notna(row.reference_date):
            mark = "~" if row.reference_date_basis == "estimated" else ""
            when = f", {mark}{pd.Timestamp(row.reference_date):%d %b %Y}".replace(" 0", " ")
        labels[row.article_id] = f"{outlet}{when}"
    if len(set(labels.values())) < len(labels):
        labels = {k: f"{v} [{k}]" for k, v in labels.items()}
    return labels


def article_styles(article_ids) -> dict[str, tuple[str, str]]:
    """(colour, marker) per article, in the given order."""
    return {a: ARTICLE_STYLES[i % len(ARTICLE_STYLES)] for i, a in enumerate(article_ids)}


def source_text(articles: pd.DataFrame, extra: str | None = None) -> str:
    """A source line naming the articles (outlet, date) and any other source."""
    labels = "; ".join(article_labels(articles).values())
    text = f"Source: {len(articles)} article{'s' if len(articles) != 1 else ''} ({labels})"
    return f"{text}; {extra}." if extra else f"{text}."


def _figure(height: float) -> Figure:
    fig = Figure(figsize=(WIDTH, height), layout="constrained")
    fig.set_facecolor("white")
    return fig


def _finish(fig: Figure, title: str, source: str) -> Figure:
    fig.suptitle(title, fontsize=BASE_FONT + 3, fontweight="bold", x=0.01, ha="left")
    wrapped = "\n".join(textwrap.wrap(source, 150))
    fig.text(0.01, 0.0, wrapped, ha="left", va="top", fontsize=BASE_FONT - 2, color="#444444",
             transform=fig.transFigure)
    return fig


def _style(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=BASE_FONT)
    ax.grid(axis="y", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)


def _no_data(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=BASE_FONT,
            color="#444444")


# ---------------------------------------------------------------- corpus structure

def structure_chart(sentences: pd.DataFrame, articles: pd.DataFrame, *, source: str) -> Figure:
    """Stacked bars: how many lines/sentences of each kind every article has."""
    from .schema import SENTENCE_KINDS

    labels = article_labels(articles)
    counts = (pd.crosstab(sentences["article_id"], sentences["kind"])
              .reindex(index=list(labels), columns=list(SENTENCE_KINDS), fill_value=0))
    colours = dict(zip(SENTENCE_KINDS, ("#000000", "#E69F00", "#56B4E9", "#F0E442", "#CC79A7",
                                        "#D55E00", "#999999", "#0072B2")))
    fig = _figure(1.3 + 0.45 * max(len(labels), 1))
    ax = fig.add_subplot()
    left = np.zeros(len(counts))
    for kind in SENTENCE_KINDS:
        values = counts[kind].to_numpy()
        if values.sum():
            ax.barh([labels[a] for a in counts.index], values, left=left, color=colours[kind],
                    label=kind.replace("_", " "), edgecolor="white", linewidth=0.5)
        left += values
    ax.invert_yaxis()
    ax.set_xlabel("lines and sentences (count)", fontsize=BASE_FONT)
    ax.legend(ncols=4, fontsize=BASE_FONT - 1, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.3 if len(labels) < 3 else -0.18))
    _style(ax)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    return _finish(fig, "What each article is made of", source)


# ---------------------------------------------------------------- membership growth

def _status_order(statuses) -> list[str]:
    order = ["member", "founding_member", "observer", "dialogue_partner", "partner"]
    return [s for s in order if s in set(statuses)]


def _point_date(row, articles_dates: dict) -> pd.Timestamp | None:
    for col in ("as_of_date", "date"):
        if col in row and pd.notna(row[col]):
            return pd.Timestamp(row[col])
    return articles_dates.get(row["article_id"])


def growth_chart(growth: pd.DataFrame, accessions: pd.DataFrame, *, source: str,
                 articles: pd.DataFrame | None = None, counts: pd.DataFrame | None = None,
                 membership: pd.DataFrame | None = None, end=None) -> Figure:
    """Step chart of SCO members, observers, dialogue partners and partners, with each article on it.

    ``growth`` [date, status, count] is the reference series; ``accessions`` [date, iso3, country,
    status] annotates every change. From ``counts`` each article's claimed group sizes are drawn
    as its own marker (filled: reported; hollow: expected) at the date they refer to, and from
    ``membership`` the accession dates each article gives sit on a strip underneath, so a point off
    the line is a claim the reference does not bear out.
    """
    growth = growth.assign(date=pd.to_datetime(growth["date"])).sort_values(["date", "status"])
    end = pd.Timestamp(end) if end is not None else growth["date"].max() + pd.DateOffset(months=9)
    start = growth["date"].min() - pd.DateOffset(months=9)
    articles = articles if articles is not None else pd.DataFrame(columns=["article_id"])
    labels = article_labels(articles) if len(articles) else {}
    styles = article_styles(list(labels))
    art_dates = ({r.article_id: pd.Timestamp(r.reference_date) for r in articles.itertuples()
                  if pd.notna(r.reference_date)} if len(articles) else {})
    has_strip = membership is not None and len(labels) > 0
    fig = _figure(8.6 if has_strip else 7.2)
    ratios = [3.2, 3.2] + ([0.55 + 0.32 * len(labels)] if has_strip else [])
    axes = fig.subplots(len(ratios), 1, sharex=True, height_ratios=ratios)
    panels = {"member": axes[0], "founding_member": axes[0], "observer": axes[1],
              "dialogue_partner": axes[1], "partner": axes[1]}
    merge = growth.loc[(growth["status"] == "partner") & (growth["count"] > 0), "date"].min()

    for status in _status_order(growth["status"]):
        s = growth[growth["status"] == status]
        x = list(s["date"]) + [end]
        y = list(s["count"]) + [s["count"].iloc[-1]]
        panels[status].step(x, y, where="post", color=STATUS_COLOURS[status], linewidth=2,
                            label=f"{STATUS_LABELS[status]} (reference)")
    _annotate_accessions(panels, accessions, growth)
    if pd.notna(merge):
        for ax in axes:
            ax.axvline(merge, color="#444444", linestyle=(0, (4, 3)), linewidth=0.9)
        axes[1].annotate("observer and dialogue-partner\nstatuses merged into 'SCO partner'",
                         xy=(merge, 1), xytext=(-6, 0), textcoords="offset points", ha="right",
                         va="bottom", fontsize=BASE_FONT - 1.5, color="#333333")

    if counts is not None and len(counts):
        for row in counts.to_dict("records"):
            when = _point_date(row, art_dates)
            if when is None or row["status"] not in panels or row["article_id"] not in styles:
                continue
            colour, marker = styles[row["article_id"]]
            filled = row["modality"] == "reported"
            panels[row["status"]].plot([when], [row["count"]], marker=marker, markersize=8,
                                       color=colour, markerfacecolor=colour if filled else "white",
                                       markeredgewidth=1.6, linestyle="none", zorder=5)
            panels[row["status"]].annotate(f"{row['count']}", (when, row["count"]), xytext=(6, -3),
                                           textcoords="offset points", fontsize=BASE_FONT - 1.5,
                                           color=colour if colour != OKABE_ITO["yellow"] else "#8a7a00")
    for aid, when in art_dates.items():
        if aid in styles:
            for ax in axes:
                ax.axvline(when, color=styles[aid][0], linewidth=0.8, alpha=0.6, zorder=1)

    axes[0].set_title("Member states", fontsize=BASE_FONT + 1, loc="left")
    axes[1].set_title("Observers, dialogue partners and (from 2025) partners", fontsize=BASE_FONT + 1, loc="left")
    for ax in axes[:2]:
        ax.set_ylabel("states (count)", fontsize=BASE_FONT)
        _style(ax)
        ax.set_ylim(bottom=0)
    if has_strip:
        _accession_strip(axes[2], membership, labels, styles, accessions)
    axes[-1].set_xlim(start, end)
    axes[-1].set_xlabel("date (year)", fontsize=BASE_FONT)

    handles = [Line2D([], [], color=STATUS_COLOURS[s], linewidth=2, label=STATUS_LABELS[s])
               for s in _status_order(growth["status"]) if s != "founding_member"]
    handles += [Line2D([], [], color=styles[a][0], marker=styles[a][1], linestyle="-", linewidth=0.8,
                       markersize=7, label=labels[a]) for a in labels]
    if labels:
        handles += [Line2D([], [], color="#444444", marker="o", linestyle="none", label="count reported"),
                    Line2D([], [], color="#444444", marker="o", markerfacecolor="white", linestyle="none",
                           label="count expected")]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=BASE_FONT - 1, frameon=False)
    return _finish(fig, "SCO membership over time: the reference record and what the articles say", source)


def _annotate_accessions(panels, accessions: pd.DataFrame, growth: pd.DataFrame) -> None:
    if accessions is None or not len(accessions):
        return
    acc = accessions.assign(date=pd.to_datetime(accessions["date"]))
    for (when, status), grp in acc.groupby(["date", "status"], sort=True):
        if status not in panels:
            continue
        s = growth[(growth["status"] == status) & (pd.to_datetime(growth["date"]) <= when)]
        level = s["count"].iloc[-1] if len(s) else 0
        members = status in ("member", "founding_member")
        names = list(grp["country"]) if members and len(grp) <= 2 else list(grp["iso3"])
        if status == "founding_member":
            text = f"{len(grp)} founders"
        else:
            text = "+" + ", ".join(names)
        panels[status].annotate(text, (when, level), xytext=(-3, 4), textcoords="offset points",
                                ha="right", va="bottom", fontsize=BASE_FONT - 2,
                                color=STATUS_COLOURS[status], rotation=0)


def _accession_strip(ax, membership: pd.DataFrame, labels: dict, styles: dict, accessions) -> None:
    rows = {a: i for i, a in enumerate(labels)}
    if accessions is not None and len(accessions):
        for when in sorted(set(pd.to_datetime(accessions.loc[accessions["status"] == "member", "date"]))):
            ax.axvline(when, color=STATUS_COLOURS["member"], linewidth=0.8, alpha=0.5)
    shown = 0
    for row in membership.to_dict("records"):
        if row["article_id"] not in rows:
            continue
        when = pd.Timestamp(row["date"]) if pd.notna(row.get("date")) else (
            pd.Timestamp(year=int(row["year"]), month=7, day=1) if pd.notna(row.get("year")) else None)
        if when is None:
            continue
        colour, marker = styles[row["article_id"]]
        y = rows[row["article_id"]]
        filled = row["modality"] == "reported"
        ax.plot([when], [y], marker=marker, color=colour, markerfacecolor=colour if filled else "white",
                markersize=6, linestyle="none")
        ax.annotate(row["iso3"], (when, y), xytext=(0, 5), textcoords="offset points", ha="center",
                    fontsize=BASE_FONT - 2.5, color="#333333")
        shown += 1
    ax.set_yticks(range(len(labels)), [textwrap.shorten(v, 38) for v in labels.values()], fontsize=BASE_FONT - 1)
    ax.set_ylim(len(labels) - 0.4, -0.7)
    ax.set_title("Accession dates the articles give (vertical lines: reference member accessions)",
                 fontsize=BASE_FONT, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    if not shown:
        _no_data(ax, "no dated accessions in the articles")


# ---------------------------------------------------------------- themes

def theme_shares(themes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Share of each article's body sentences touching each theme (every article x theme, 0 if none)."""
    body = articles.set_index("article_id")["n_body_sentences"].astype("Float64")
    hits = (themes.drop_duplicates(["article_id", "sentence_id", "theme_id"])
            .groupby(["theme_id", "theme_label", "article_id"]).size().rename("n_sentences"))
    theme_index = themes[["theme_id", "theme_label"]].drop_duplicates().sort_values("theme_id")
    grid = theme_index.merge(articles[["article_id"]], how="cross")
    out = grid.merge(hits.reset_index(), on=["theme_id", "theme_label", "article_id"], how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("Int64")
    out["n_body_sentences"] = out["article_id"].map(body).astype("Int64")
    out["share"] = (out["n_sentences"] / out["n_body_sentences"].replace(0, pd.NA)).astype("Float64")
    return out[["article_id", "theme_id", "theme_label", "n_sentences", "n_body_sentences", "share"]]


def themes_chart(shares: pd.DataFrame, articles: pd.DataFrame, *, source: str) -> Figure:
    """Grouped horizontal bars: share of body sentences per theme, one bar per article."""
    labels = article_labels(articles)
    styles = article_styles(list(labels))
    order = (shares.groupby("theme_label")["share"].mean().sort_values(ascending=False).index.tolist())
    n_art = max(len(labels), 1)
    fig = _figure(1.6 + max(len(order), 1) * (0.22 + 0.14 * n_art))
    ax = fig.add_subplot()
    if not len(order):
        _no_data(ax, "no theme found in any article")
    height = 0.8 / n_art
    for i, aid in enumerate(labels):
        sub = shares[shares["article_id"] == aid].set_index("theme_label").reindex(order)
        y = np.arange(len(order)) + (i - (n_art - 1) / 2) * height
        values = sub["share"].astype(float).fillna(0).to_numpy() * 100
        ax.barh(y, values, height=height * 0.92, color=styles[aid][0], label=labels[aid],
                edgecolor="black" if styles[aid][0] == OKABE_ITO["yellow"] else "none", linewidth=0.4)
        for yy, v, n in zip(y, values, sub["n_sentences"].fillna(0).astype(int)):
            if n:
                ax.annotate(f"{v:.0f}% ({n})", (v, yy), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=BASE_FONT - 2.5, color="#333333")
    ax.set_yticks(range(len(order)), [textwrap.fill(t, 28) for t in order], fontsize=BASE_FONT)
    ax.invert_yaxis()
    ax.set_xlabel("share of the article's body sentences that touch the theme (%; count in brackets)",
                  fontsize=BASE_FONT)
    top = float(np.nanmax(shares["share"].astype(float).to_numpy() * 100)) if len(shares) else 0
    ax.set_xlim(0, min(100, max(10.0, top * 1.18 + 5)))
    _style(ax)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower center", ncols=min(n_art, 2), fontsize=BASE_FONT - 1, frameon=False)
    return _finish(fig, "What each article is about: themes side by side", source)


# ---------------------------------------------------------------- claim matrix

def claim_matrix_chart(comparison: pd.DataFrame, articles: pd.DataFrame, *, source: str,
                       claim_labels: dict[str, str] | None = None) -> Figure:
    """Claim x article grid: each cell shows the article's value, coloured by the reference verdict
    and marked with the cross-article verdict (= agree, ≠ conflict, · single source)."""
    labels = article_labels(articles)
    cols = list(labels)
    comp = comparison.copy()
    comp["row"] = comp["claim_key"].map(lambda k: (claim_labels or {}).get(k, k))
    multi_frame = comp.groupby("claim_key")["frame"].nunique()
    comp["row"] = [f"{r} [{f}]" if multi_frame.get(k, 1) > 1 else r
                   for r, k, f in zip(comp["row"], comp["claim_key"], comp["frame"])]
    rows = list(dict.fromkeys(comp.sort_values(["claim_key", "frame"])["row"]))
    fig = _figure(1.9 + 0.34 * max(len(rows), 1))
    ax = fig.add_subplot()
    if not rows:
        _no_data(ax, "no comparable claims")
    for r, row in enumerate(rows):
        for c, aid in enumerate(cols):
            cell = comp[(comp["row"] == row) & (comp["article_id"] == aid)]
            if not len(cell):
                ax.add_patch(Rectangle((c, r), 1, 1, facecolor="white", edgecolor="#DDDDDD", linewidth=0.6))
                continue
            first = cell.iloc[0]
            values = "; ".join(dict.fromkeys(cell["value"].astype(str)))
            ax.add_patch(Rectangle((c, r), 1, 1, facecolor=VERDICT_COLOURS.get(first["reference_verdict"], "white"),
                                   edgecolor="white", linewidth=1.5))
            text_colour = "white" if first["reference_verdict"] in ("supported", "refuted") else "black"
            ax.text(c + 0.06, r + 0.5, AGREEMENT_MARKS.get(first["verdict"], "?"), va="center", ha="left",
                    fontsize=BASE_FONT + 1, fontweight="bold", color=text_colour)
            ax.text(c + 0.55, r + 0.5, textwrap.shorten(values, 34, placeholder="…"), va="center",
                    ha="center", fontsize=BASE_FONT - 1.5, color=text_colour)
    ax.set_xlim(0, max(len(cols), 1))
    ax.set_ylim(max(len(rows), 1), 0)
    ax.set_xticks([c + 0.5 for c in range(len(cols))], [textwrap.fill(labels[a], 24) for a in cols],
                  fontsize=BASE_FONT - 0.5)
    ax.xaxis.tick_top()
    ax.set_yticks([r + 0.5 for r in range(len(rows))], [textwrap.shorten(r, 48) for r in rows],
                  fontsize=BASE_FONT - 0.5)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("article (columns); claim (rows); cell: the value the article gives", fontsize=BASE_FONT - 1)
    handles = [Patch(facecolor=VERDICT_COLOURS[v], label=VERDICT_LABELS[v]) for v in VERDICT_COLOURS]
    handles += [Patch(facecolor="white", edgecolor="white", label=AGREEMENT_LABELS[v]) for v in AGREEMENT_LABELS]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=BASE_FONT - 1.5, frameon=False)
    return _finish(fig, "Claim matrix: what each article claims, checked across articles and against the reference", source)
