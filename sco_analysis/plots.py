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
    wrapped = "\n".join(textwrap.wrap(source, 140))
    fig.supxlabel(wrapped, x=0.01, ha="left", fontsize=BASE_FONT - 2, color="#444444", linespacing=1.3)
    return literal_text(fig)


def literal_text(fig: Figure) -> Figure:
    """Every text in ``fig`` drawn as written: outlets, titles and quotes come from the data, and a
    ``$`` in them must not start mathtext (``Cost $\\x$ News`` would not even parse)."""
    from matplotlib.text import Text

    for ax in fig.axes:
        ax.get_xticklabels(), ax.get_yticklabels()
    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def _style(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=BASE_FONT)
    ax.grid(axis="y", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)


def _legend_below(ax, handles, ncols: int, drop: float = 30) -> None:
    """A legend under the axes (below its tick labels), inside the layout so nothing overlaps."""
    from matplotlib.transforms import offset_copy

    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), ncols=ncols, frameon=False,
              bbox_transform=offset_copy(ax.transAxes, fig=ax.figure, y=-drop, units="points"),
              fontsize=BASE_FONT - 1.5)


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
    handles = []
    for kind in SENTENCE_KINDS:
        values = counts[kind].to_numpy()
        if values.sum():
            handles.append(ax.barh([labels[a] for a in counts.index], values, left=left, color=colours[kind],
                                   label=kind.replace("_", " "), edgecolor="white", linewidth=0.5))
        left += values
    ax.invert_yaxis()
    ax.set_xlabel("lines and sentences (count)", fontsize=BASE_FONT)
    _legend_below(ax, handles, 4)
    _style(ax)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    return _finish(fig, "What each article is made of", source)


# ---------------------------------------------------------------- membership growth

PANEL_OF = {"member": 0, "founding_member": 0, "observer": 1, "dialogue_partner": 1, "partner": 1}
STEP_ORDER = ("member", "observer", "dialogue_partner", "partner")


def _steps(ax, growth: pd.DataFrame, statuses, end, **kw) -> None:
    for status in statuses:
        s = growth[growth["status"] == status].sort_values("date")
        if status == "partner":
            s = s[s["date"] >= s.loc[s["count"] > 0, "date"].min()] if (s["count"] > 0).any() else s.iloc[0:0]
        if not len(s):
            continue
        x = list(s["date"]) + [end]
        y = [int(v) for v in s["count"]] + [int(s["count"].iloc[-1])]
        ax.step(x, y, where="post", color=STATUS_COLOURS[status], linewidth=2, **kw)


def _accession_groups(accessions: pd.DataFrame) -> list[tuple[pd.Timestamp, str, str]]:
    """(date, status, label) per group of countries gaining a status on one day."""
    if accessions is None or not len(accessions):
        return []
    acc = accessions.assign(date=pd.to_datetime(accessions["date"]))
    seen: set[str] = set()
    groups = []
    for (when, status), grp in acc.sort_values(["date", "iso3"]).groupby(["date", "status"], sort=True):
        codes = list(grp["iso3"])
        if status == "founding_member":
            label = f"{len(codes)} founders"
        elif len(codes) <= 4:
            label = "+" + " ".join(codes)
        else:
            new = [c for c in codes if c not in seen]
            label = f"{len(codes)} {STATUS_LABELS[status].split(' (')[0]}" + (f", new: {' '.join(new)}" if new else "")
        seen.update(codes)
        groups.append((when, status, label))
    return groups


def _place_labels(ax, items, x_lo, x_hi, width_pt: float, fontsize: float) -> None:
    """Label points above the data in rows, each ending at a thin leader line down to its point.

    Labels are placed right to left, text to the left of its line, each in the highest row where it
    overlaps no label and below every label its own line would otherwise cross: no line crosses text.
    """
    per_day = width_pt / max((x_hi - x_lo).days, 1)
    placed: list[tuple[int, float, float]] = []
    for when, level, text, colour in sorted(items, key=lambda t: t[0], reverse=True):
        x = (when - x_lo).days
        lo, hi = x - (len(text) * fontsize * 0.62 + 6) / per_day, x + 1 / per_day
        floor = max((r + 1 for r, plo, phi in placed if plo <= x <= phi), default=0)
        row = next(r for r in range(floor, floor + len(placed) + 1)
                   if not any(pr == r and not (hi < plo or lo > phi) for pr, plo, phi in placed))
        placed.append((row, lo, hi))
        ax.annotate("", xy=(when, level), xytext=(when, 0.97 - 0.085 * row), textcoords=("data", "axes fraction"),
                    arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.5, "alpha": 0.6, "shrinkA": 0, "shrinkB": 2})
        ax.annotate(text, xy=(when, 0.97 - 0.085 * row), xycoords=("data", "axes fraction"), xytext=(-2, 0),
                    textcoords="offset points", ha="right", va="top", fontsize=fontsize, color=colour)


def _int_ticks(top: int) -> list[int]:
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if top / s <= 6)
    return list(range(0, top + 1, step))


def _shift(t: pd.Timestamp, **offset) -> pd.Timestamp:
    """``t`` moved by ``offset``; ``t`` itself when that leaves the calendar (next year of 9999)."""
    try:
        return t + pd.DateOffset(**offset)
    except (ValueError, OverflowError):
        return t


def _claimed_when(row) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp] | None:
    """(start, middle, end) of the date an article gives for an accession, by its precision."""
    if pd.isna(row.get("date")) and pd.isna(row.get("year")):
        return None
    if pd.notna(row.get("date")):
        d = pd.Timestamp(row["date"])
    else:
        d = pd.Timestamp(year=int(row["year"]), month=1, day=1)
    precision = row.get("date_precision") or "day"
    if precision == "year":
        return d, _shift(d, months=6), _shift(d, years=1)
    if precision == "month":
        return d, _shift(d, days=14), _shift(d, months=1)
    return d, d, d


def growth_chart(growth: pd.DataFrame, accessions: pd.DataFrame, *, source: str,
                 articles: pd.DataFrame | None = None, membership: pd.DataFrame | None = None,
                 end=None) -> Figure:
    """The SCO's growth from the reference, with the accession dates each article gives beneath.

    Top: member states; middle: observers, dialogue partners and (after the 2025 merge of those
    two statuses) SCO partners, as step lines from ``growth`` [date, status, count]; every change
    in ``accessions`` [date, iso3, country, status] is labelled. Vertical lines mark each
    article's date. Bottom: one row per article with the accession dates it gives (``membership``;
    a bar spans a year or month when the article gives no day; hollow: expected), against the
    reference accession days.
    """
    growth = growth.assign(date=pd.to_datetime(growth["date"]))
    end = pd.Timestamp(end) if end is not None else _shift(growth["date"].max(), months=10)
    start = _shift(growth["date"].min(), months=-10)
    labels = article_labels(articles) if articles is not None and len(articles) else {}
    styles = article_styles(list(labels))
    strip = membership is not None and bool(labels)
    fig = _figure(5.9 + 0.3 * len(labels) if strip else 5.4)
    ratios = [2.1, 3.0] + ([0.5 + 0.35 * len(labels)] if strip else [])
    axes = fig.subplots(len(ratios), 1, sharex=True, height_ratios=ratios)
    statuses = [s for s in STEP_ORDER if s in set(growth["status"])]
    _steps(axes[0], growth, [s for s in statuses if PANEL_OF[s] == 0], end)
    _steps(axes[1], growth, [s for s in statuses if PANEL_OF[s] == 1], end)
    width_pt = WIDTH * 72 * 0.84
    for panel in (0, 1):
        ax = axes[panel]
        top = int(growth.loc[growth["status"].map(PANEL_OF) == panel, "count"].max() or 1)
        ax.set_ylim(0, top / 0.52)
        ax.set_yticks(_int_ticks(top))
        items = []
        for when, status, text in _accession_groups(accessions):
            if PANEL_OF.get(status) != panel:
                continue
            key = "member" if status == "founding_member" else status
            s = growth[(growth["status"] == key) & (growth["date"] <= when)]
            items.append((when, int(s["count"].iloc[-1]) if len(s) else 0, text, STATUS_COLOURS[status]))
        _place_labels(ax, items, start, end, width_pt, BASE_FONT - 2)
        ax.set_ylabel("states (count)", fontsize=BASE_FONT)
        _style(ax)
    merge = growth.loc[(growth["status"] == "partner") & (growth["count"] > 0), "date"].min()
    if pd.notna(merge):
        for ax in axes[:2]:
            ax.axvline(merge, color="#444444", linestyle=(0, (4, 3)), linewidth=0.8)
        axes[1].annotate("merged", xy=(merge, 0), xytext=(-3, 3), textcoords="offset points", ha="right",
                         va="bottom", fontsize=BASE_FONT - 2, color="#333333")
    for aid, row in zip(articles["article_id"] if labels else [], articles.itertuples() if labels else []):
        if pd.notna(row.reference_date):
            for ax in axes:
                ax.axvline(pd.Timestamp(row.reference_date), color=styles[aid][0], linewidth=1,
                           alpha=0.8, linestyle=":")
    axes[0].set_title("Member states", fontsize=BASE_FONT + 1, loc="left")
    title = "Observers and dialogue partners"
    if pd.notna(merge):
        title += f", merged into 'SCO partners' in {merge:%b %Y} (dashed line)"
    axes[1].set_title(title, fontsize=BASE_FONT + 1, loc="left")
    if strip:
        _accession_strip(axes[2], membership, labels, styles, accessions)
    axes[-1].set_xlim(start, end)
    axes[-1].set_xlabel("date", fontsize=BASE_FONT)
    handles = [Line2D([], [], color=STATUS_COLOURS[s], linewidth=2, label=STATUS_LABELS[s] + " (reference)")
               for s in statuses]
    handles += [Line2D([], [], color=styles[a][0], marker=styles[a][1], linestyle=":", markersize=6,
                       label=f"{labels[a]} (dotted line: its date)") for a in labels]
    _legend_below(axes[-1], handles, 2)
    return _finish(fig, "SCO membership since 2001: the reference record and the articles", source)


def _accession_strip(ax, membership: pd.DataFrame, labels: dict, styles: dict, accessions) -> None:
    rows = {a: i for i, a in enumerate(labels)}
    if accessions is not None and len(accessions):
        acc = accessions[accessions["status"].isin(["member", "founding_member"])]
        for when in sorted(set(pd.to_datetime(acc["date"]))):
            ax.axvline(when, color=STATUS_COLOURS["member"], linewidth=0.9, alpha=0.45)
    mem = membership[membership["article_id"].isin(rows)]
    groups: dict[tuple, list[str]] = {}
    for row in mem.to_dict("records"):
        span = _claimed_when(row)
        if span is not None:
            groups.setdefault((row["article_id"], span, row["status"], row["modality"]), []).append(row["iso3"])
    last_x: dict[str, pd.Timestamp] = {}
    flip: dict[str, int] = {}
    for (aid, (lo, mid, hi), status, modality), codes in sorted(groups.items(), key=lambda kv: kv[0][1][1]):
        colour, marker = styles[aid]
        y = rows[aid]
        if hi > lo:
            ax.plot([lo, hi], [y, y], color=colour, linewidth=3, alpha=0.5, solid_capstyle="butt")
        filled = modality == "reported"
        ax.plot([mid], [y], marker=marker, color=colour, markerfacecolor=colour if filled else "white",
                markersize=6, markeredgewidth=1.3, linestyle="none")
        text = f"{len(codes)} founders" if status == "founding_member" else " ".join(sorted(set(codes)))
        close = aid in last_x and (mid - last_x[aid]).days < 900
        flip[aid] = -flip.get(aid, 1) if close else 1
        last_x[aid] = mid
        ax.annotate(text, (mid, y), xytext=(0, 6 * flip[aid]), textcoords="offset points", ha="center",
                    va="bottom" if flip[aid] > 0 else "top", fontsize=BASE_FONT - 2, color="#222222")
    ax.set_yticks(range(len(labels)), [textwrap.fill(v, 26) for v in labels.values()],
                  fontsize=BASE_FONT - 1)
    ax.set_ylim(len(labels) - 0.35, -0.75)
    ax.set_title("Accession dates the articles give (blue lines: the reference's)", fontsize=BASE_FONT + 1, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    if not groups:
        _no_data(ax, "no dated accessions in the articles")


def growth_zoom_chart(growth: pd.DataFrame, counts: pd.DataFrame, articles: pd.DataFrame, *, source: str,
                      months: int = 12) -> Figure:
    """Close-up of the months around the articles: reference steps with each article's counts.

    A marker on its line is a count the reference bears out; off the line it is not. Filled
    markers are counts the article reports, hollow ones counts it expects (e.g. after a summit).
    Counts dated outside the window (historical ones) are left to ``growth_chart``.
    """
    labels = article_labels(articles)
    styles = article_styles(list(labels))
    growth = growth.assign(date=pd.to_datetime(growth["date"]))
    dates = [pd.Timestamp(d) for d in articles["reference_date"].dropna()]
    if not dates:
        dates = [growth["date"].max()]
    lo = _shift(min(dates), months=-months)
    hi = _shift(max(dates), months=months)
    fig = _figure(4.6)
    ax = fig.add_subplot()
    shown = []
    for status in STEP_ORDER:
        s = growth[growth["status"] == status].sort_values("date")
        if not len(s):
            continue
        before = s[s["date"] <= lo]
        inside = s[(s["date"] > lo) & (s["date"] <= hi)]
        s = pd.concat([before.tail(1).assign(date=lo), inside])
        if not len(s) or int(s["count"].max()) == 0:
            continue
        shown.append(status)
        x = list(s["date"]) + [hi]
        y = [int(v) for v in s["count"]] + [int(s["count"].iloc[-1])]
        ax.step(x, y, where="post", color=STATUS_COLOURS[status], linewidth=2)
        ax.annotate(STATUS_LABELS[status].split(" (")[0], (hi, y[-1]), xytext=(-4, 4), textcoords="offset points",
                    ha="right", va="bottom", fontsize=BASE_FONT - 1.5, color=STATUS_COLOURS[status])
    for i, aid in enumerate(labels):
        colour, marker = styles[aid]
        size = max(11 - 3 * i, 4)
        rows = counts[counts["article_id"] == aid] if counts is not None and len(counts) else counts
        for row in (rows.to_dict("records") if rows is not None else []):
            when = row.get("as_of_date")
            when = pd.Timestamp(when) if pd.notna(when) else None
            if when is None or not (lo <= when <= hi) or row["status"] == "founding_member":
                continue
            filled = row["modality"] == "reported"
            ax.plot([when], [row["count"]], marker=marker, color=colour, markersize=size, markeredgewidth=1.6,
                    markerfacecolor=colour if filled else "white", linestyle="none", zorder=5 + i)
        when = articles.loc[articles["article_id"] == aid, "reference_date"].iloc[0]
        if pd.notna(when):
            ax.axvline(pd.Timestamp(when), color=colour, linestyle=":", linewidth=1)
    ax.set_xlim(lo, hi)
    known = growth.loc[growth["date"] <= hi, "count"].dropna()  # none before the SCO (an article dated 0001)
    ax.set_ylim(0, max([(int(known.max()) if len(known) else 0) or 1] +
                       ([int(c) for c in counts["count"]] if counts is not None and len(counts) else [])) * 1.15)
    ax.set_ylabel("states (count)", fontsize=BASE_FONT)
    ax.set_xlabel("date", fontsize=BASE_FONT)
    _style(ax)
    handles = [Line2D([], [], color=STATUS_COLOURS[s], linewidth=2, label=STATUS_LABELS[s] + " (reference)")
               for s in shown]
    handles += [Line2D([], [], color=styles[a][0], marker=styles[a][1], linestyle=":", markersize=7,
                       label=labels[a]) for a in labels]
    handles += [Line2D([], [], color="#444444", marker="o", linestyle="none", label="count the article reports"),
                Line2D([], [], color="#444444", marker="o", markerfacecolor="white", linestyle="none",
                       label="count it expects")]
    _legend_below(ax, handles, 2)
    return _finish(fig, "Around the articles: the counts they give against the reference", source)


# ---------------------------------------------------------------- themes

def theme_shares(themes: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Share of each article's body sentences that touch each theme (every article x theme, 0 if none).

    Only body sentences count, on both sides of the fraction; a sentence touching a theme through
    several terms counts once.
    """
    body = sentences.loc[sentences["kind"] == "body", ["article_id", "sentence_id"]]
    n_body = body.groupby("article_id").size()
    tagged = themes.merge(body, on=["article_id", "sentence_id"])
    hits = (tagged.drop_duplicates(["article_id", "sentence_id", "theme_id"])
            .groupby(["theme_id", "article_id"]).size().rename("n_sentences").reset_index())
    theme_index = themes[["theme_id", "theme_label"]].drop_duplicates("theme_id").sort_values("theme_id")
    grid = theme_index.merge(articles[["article_id"]], how="cross")
    out = grid.merge(hits, on=["theme_id", "article_id"], how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("Int64")
    out["n_body_sentences"] = out["article_id"].map(n_body).fillna(0).astype("Int64")
    out["share"] = (out["n_sentences"].astype("Float64") / out["n_body_sentences"].replace(0, pd.NA)).astype("Float64")
    return out[["article_id", "theme_id", "theme_label", "n_sentences", "n_body_sentences", "share"]].reset_index(drop=True)


def claim_labels(keys) -> dict[str, str]:
    """Readable label per claim key from ``data/claim_keys.csv`` (``<ISO3>`` keys filled in)."""
    import re
    from pathlib import Path

    path = Path(__file__).parent / "data" / "claim_keys.csv"
    table = pd.read_csv(path, dtype="string", keep_default_na=False) if path.exists() else pd.DataFrame(columns=["key", "meaning"])
    patterns = []
    for key, meaning in zip(table["key"], table["meaning"]):
        rx = ("^" + re.escape(key).replace(re.escape("<ISO3>"), "(?P<code>[A-Z]{3})")
              .replace(re.escape("<slug>"), "(?P<slug>[a-z0-9_]+)") + "$")
        patterns.append((re.compile(rx), re.sub(r"\s*\([^)]*\)", "", meaning).strip()))
    out = {}
    for key in dict.fromkeys(keys):
        for rx, meaning in patterns:
            m = rx.match(key)
            if m:
                found = m.groupdict()
                out[key] = (f"{meaning} ({found['code']})" if "code" in found
                            else f"{meaning}: {found['slug'].replace('_', ' ')}" if "slug" in found else meaning)
                break
        else:
            out[key] = key
    return out


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
    handles = []
    for i, aid in enumerate(labels):
        sub = shares[shares["article_id"] == aid].set_index("theme_label").reindex(order)
        y = np.arange(len(order)) + (i - (n_art - 1) / 2) * height
        values = sub["share"].astype(float).fillna(0).to_numpy() * 100
        handles.append(ax.barh(y, values, height=height * 0.92, color=styles[aid][0], label=labels[aid],
                               edgecolor="black" if styles[aid][0] == OKABE_ITO["yellow"] else "none", linewidth=0.4))
        for yy, v, n in zip(y, values, sub["n_sentences"].fillna(0).astype(int)):
            if n:
                ax.annotate(f"{v:.0f}% ({n})", (v, yy), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=BASE_FONT - 2, color="#333333")
    ax.set_yticks(range(len(order)), [textwrap.fill(t, 28) for t in order], fontsize=BASE_FONT)
    ax.invert_yaxis()
    ax.set_xlabel("share of the article's body sentences that touch the theme (%; count in brackets)",
                  fontsize=BASE_FONT)
    top = float(np.nanmax(shares["share"].astype(float).to_numpy() * 100)) if len(shares) else 0
    ax.set_xlim(0, min(100, max(10.0, top * 1.18 + 5)))
    _style(ax)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    _legend_below(ax, handles, min(n_art, 2))
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
    fig = _figure(1.9 + 0.2 * max(len(rows), 1))
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
                    fontsize=BASE_FONT, fontweight="bold", color=text_colour)
            ax.text(c + 0.55, r + 0.5, textwrap.shorten(values, 34, placeholder="…"), va="center",
                    ha="center", fontsize=BASE_FONT - 1.5, color=text_colour)
    ax.set_xlim(0, max(len(cols), 1))
    ax.set_ylim(max(len(rows), 1), 0)
    ax.set_xticks([c + 0.5 for c in range(len(cols))], [textwrap.fill(labels[a], 24) for a in cols],
                  fontsize=BASE_FONT - 0.5)
    ax.xaxis.tick_top()
    ax.set_yticks([r + 0.5 for r in range(len(rows))], [textwrap.shorten(r, 56, placeholder="…") for r in rows],
                  fontsize=BASE_FONT - 1)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("article (columns); claim (rows); cell: the value the article gives", fontsize=BASE_FONT - 1)
    handles = [Patch(facecolor=VERDICT_COLOURS[v], label=VERDICT_LABELS[v]) for v in VERDICT_COLOURS]
    handles += [Patch(facecolor="white", edgecolor="white", label=AGREEMENT_LABELS[v]) for v in AGREEMENT_LABELS]
    _legend_below(ax, handles, 3, drop=24)
    return _finish(fig, "Claim matrix: each article's claims, across articles and against the reference", source)
