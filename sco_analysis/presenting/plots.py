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

from sco_analysis.resources import DATA

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


OUTLET_WIDTH = 24


def short_outlet(name: str) -> str:
    """An outlet's name cut at a word to about ``OUTLET_WIDTH`` characters (the full name is given once,
    in the corpus table)."""
    return textwrap.shorten(" ".join(name.split()), OUTLET_WIDTH, placeholder="…")


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """Short label per article: outlet and date (``~`` marks an estimated date)."""
    labels = {}
    for row in articles.itertuples(index=False):
        outlet = short_outlet(row.outlet) if isinstance(row.outlet, str) and row.outlet.strip() else row.article_id
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
    from sco_analysis.schema import SENTENCE_KINDS

    labels = article_labels(articles)
    counts = (pd.crosstab(sentences["article_id"], sentences["kind"])
              .reindex(index=list(labels), columns=list(SENTENCE_KINDS), fill_value=0))
    colours = dict(zip(SENTENCE_KINDS, ("#000000", "#E69F00", "#56B4E9", "#F0E442", "#CC79A7",
                                        "#D55E00", "#999999", "#DDDDDD", "#0072B2")))
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
        ax.annotate(
            "",
            xy=(when, level),
            xytext=(when, 0.97 - 0.085 * row),
            textcoords=("data", "axes fraction"),
            arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.5, "alpha": 0.6, "shrinkA": 0, "shrinkB": 2},
        )
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
    for aid, row in zip(articles["article_id"] if labels else [], articles.itertuples() if labels else []):
        if pd.notna(row.reference_date):
            for ax in axes:
                ax.axvline(pd.Timestamp(row.reference_date), color=styles[aid][0], linewidth=1,
                           alpha=0.8, linestyle=":")
    axes[0].set_title("Member states", fontsize=BASE_FONT + 1, loc="left")
    title = "Observers and dialogue partners"
    if pd.notna(merge):
        title += f", merged into 'SCO partners' ({merge:%b %Y}, dashed)"
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
    said: dict[tuple[str, str], pd.Timestamp] = {}
    for (aid, (lo, mid, hi), status, modality), codes in sorted(groups.items(), key=lambda kv: kv[0][1][1]):
        colour, marker = styles[aid]
        y = rows[aid]
        if hi > lo:
            ax.plot([lo, hi], [y, y], color=colour, linewidth=3, alpha=0.5, solid_capstyle="butt")
        filled = modality == "reported"
        ax.plot([mid], [y], marker=marker, color=colour, markerfacecolor=colour if filled else "white",
                markersize=6, markeredgewidth=1.3, linestyle="none")
        text = f"{len(codes)} founders" if status == "founding_member" else " ".join(sorted(set(codes)))
        if said.get((aid, text)) is not None and abs((mid - said[(aid, text)]).days) < 900:
            continue
        said[(aid, text)] = mid
        close = aid in last_x and (mid - last_x[aid]).days < 900
        last_x[aid] = mid
        if close:
            ax.annotate(text, (mid, y), xytext=(6, 0), textcoords="offset points", ha="left", va="center",
                        fontsize=BASE_FONT - 2, color="#222222")
        else:
            ax.annotate(text, (mid, y), xytext=(0, 6), textcoords="offset points", ha="center", va="bottom",
                        fontsize=BASE_FONT - 2, color="#222222")
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
    return out[["article_id", "theme_id", "theme_label", "n_sentences", "n_body_sentences", "share"]].reset_index(
        drop=True
    )


def claim_labels(keys) -> dict[str, str]:
    """Readable label per claim key from ``data/claim_keys.csv`` (``<ISO3>`` keys filled in)."""
    import re

    path = DATA / "claim_keys.csv"
    table = (
        pd.read_csv(path, dtype="string", keep_default_na=False)
        if path.exists()
        else pd.DataFrame(columns=["key", "meaning"])
    )
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

def _row_label(row: str, width: int) -> str:
    """A claim row's label cut to ``width`` characters, keeping its ``[time frame]`` whole."""
    base, sep, frame = row.partition(" [")
    room = max(width - (len(frame) + 2 if sep else 0), 16)
    return textwrap.shorten(base, room, placeholder="…") + (f" [{frame}" if sep else "")


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
    n_cols = max(len(cols), 1)
    per_cell = max(8, int(54 / n_cols))
    texts = {}
    for (row, aid), cell in comp.groupby(["row", "article_id"], sort=False):
        values = "; ".join(dict.fromkeys(cell["value"].astype(str)))
        values = values.replace(";", "; ").replace("/", " / ").replace("  ", " ")
        texts[(row, aid)] = textwrap.wrap(values, per_cell, break_long_words=True)[:3]
    lines = max([len(t) for t in texts.values()] + [1])
    row_h = 0.2 + 0.11 * (lines - 1)
    fig = _figure(2.1 + row_h * max(len(rows), 1))
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
            ax.add_patch(Rectangle((c, r), 1, 1, facecolor=VERDICT_COLOURS.get(first["reference_verdict"], "white"),
                                   edgecolor="white", linewidth=1.5))
            text_colour = "white" if first["reference_verdict"] in ("supported", "refuted") else "black"
            ax.text(c + 0.04, r + 0.5, AGREEMENT_MARKS.get(first["verdict"], "?"), va="center", ha="left",
                    fontsize=BASE_FONT, fontweight="bold", color=text_colour)
            ax.text(c + 0.56, r + 0.5, "\n".join(texts.get((row, aid), [])), va="center", ha="center",
                    fontsize=BASE_FONT - 1.5, color=text_colour, linespacing=1.0)
    ax.set_xlim(0, n_cols)
    ax.set_ylim(max(len(rows), 1), 0)
    ax.set_xticks([c + 0.5 for c in range(len(cols))], [textwrap.fill(labels[a], per_cell + 2) for a in cols],
                  fontsize=BASE_FONT - 0.5)
    ax.xaxis.tick_top()
    ax.set_yticks([r + 0.5 for r in range(len(rows))], [_row_label(r, 60) for r in rows], fontsize=BASE_FONT - 1)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("cell: the value each article gives", fontsize=BASE_FONT - 1)
    handles = [Patch(facecolor=VERDICT_COLOURS[v], label=VERDICT_LABELS[v]) for v in VERDICT_COLOURS]
    handles += [Patch(facecolor="white", edgecolor="white", label=AGREEMENT_LABELS[v]) for v in AGREEMENT_LABELS]
    _legend_below(ax, handles, 2, drop=24)
    return _finish(fig, "Claim matrix: each article's claims, across articles and against the reference", source)


# ---------------------------------------------------------------- views that scale with the corpus

COUNT_CLAIMS = {"members.count": "member", "observers.count": "observer",
                "dialogue_partners.count": "dialogue_partner", "partners.count": "partner"}
STATUS_MARKERS = {"member": "o", "observer": "s", "dialogue_partner": "^", "partner": "D"}


def count_claim_points(comparison: pd.DataFrame) -> pd.DataFrame:
    """Count claims gathered into chart points: [claim_key, status, date, value, reference_verdict,
    modality, n_articles, article_id, sentence_id] (the last two: the earliest article's evidence)."""
    rows = comparison[comparison["claim_key"].isin(list(COUNT_CLAIMS)) & comparison["checked_on"].notna()
                      & comparison["value"].str.fullmatch(r"\d+")]
    cols = [
        "claim_key",
        "status",
        "date",
        "value",
        "reference_verdict",
        "modality",
        "n_articles",
        "article_id",
        "sentence_id",
    ]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    rows = rows.assign(status=rows["claim_key"].map(COUNT_CLAIMS), date=pd.to_datetime(rows["checked_on"]),
                       value=rows["value"].astype(int)).sort_values(["date", "article_id"])
    out = (rows.groupby(["claim_key", "status", "date", "value", "reference_verdict", "modality"], sort=True)
           .agg(n_articles=("article_id", "nunique"), article_id=("article_id", "first"),
                sentence_id=("sentence_id", "first")).reset_index())
    return out[cols]


def count_claims_chart(growth: pd.DataFrame, comparison: pd.DataFrame, *, source: str) -> Figure:
    """Every count claim at the date it speaks of, over the reference's step lines, coloured by the
    reference verdict; a marker's area grows with the number of articles giving that count that day."""
    growth = growth.assign(date=pd.to_datetime(growth["date"]))
    points = count_claim_points(comparison)
    dates = list(growth["date"]) + list(points["date"])
    start, end = _shift(min(dates), months=-10), _shift(max(dates), months=10)
    fig = _figure(5.6)
    axes = fig.subplots(2, 1, sharex=True, height_ratios=[2, 3])
    statuses = [s for s in STEP_ORDER if s in set(growth["status"])]
    for panel, ax in enumerate(axes):
        shown = [s for s in statuses if PANEL_OF[s] == panel]
        _steps(ax, growth, shown, end, alpha=0.55)
        pts = points[points["status"].map(PANEL_OF) == panel]
        top = max([int(growth.loc[growth["status"].isin(shown), "count"].max() or 1)] + [int(v) for v in pts["value"]])
        for (status, verdict, modality), g in pts.groupby(["status", "reference_verdict", "modality"], sort=True):
            colour = VERDICT_COLOURS.get(verdict, "#999999")
            ax.scatter(g["date"], g["value"], s=18 + 14 * np.sqrt(g["n_articles"].astype(float)),
                       marker=STATUS_MARKERS[status], c=colour if modality == "reported" else "white",
                       edgecolors="#555555" if verdict == "not_enough_info" else colour, linewidths=1.2, zorder=4)
        ax.set_ylim(0, top * 1.18 + 1)
        ax.set_yticks(_int_ticks(int(top * 1.1) + 1))
        ax.set_ylabel("states (count)", fontsize=BASE_FONT)
        _style(ax)
        if pts.empty:
            _no_data(ax, "no count claims about these groups")
    axes[0].set_title("Member states", fontsize=BASE_FONT + 1, loc="left")
    axes[1].set_title("Observers, dialogue partners, SCO partners", fontsize=BASE_FONT + 1, loc="left")
    axes[-1].set_xlim(start, end)
    axes[-1].set_xlabel("date the claim speaks of (publication, or the end of the event it anticipates)",
                        fontsize=BASE_FONT)
    handles = [Line2D([], [], color=STATUS_COLOURS[s], linewidth=2, alpha=0.55, label=STATUS_LABELS[s] + " (reference)")
               for s in statuses]
    handles += [
        Line2D(
            [],
            [],
            color=VERDICT_COLOURS[v],
            marker="o",
            linestyle="none",
            markersize=7,
            markeredgecolor="#555555" if v == "not_enough_info" else VERDICT_COLOURS[v],
            label=VERDICT_LABELS[v],
        )
        for v in VERDICT_COLOURS
    ]
    handles += [Line2D([], [], color="#444444", marker=STATUS_MARKERS[s], linestyle="none", markersize=6,
                       markerfacecolor="#444444", label=f"claim about {STATUS_LABELS[s].split(' (')[0]}")
                for s in STATUS_MARKERS if s in set(points["status"])]
    handles += [Line2D([], [], color="#444444", marker="o", markerfacecolor="white", linestyle="none",
                       label="hollow: expected after an event")]
    n = int(points["n_articles"].max()) if len(points) else 1
    if n > 1:
        handles += [Line2D([], [], color="#444444", marker="o", linestyle="none",
                           markersize=float(np.sqrt(18 + 14 * np.sqrt(k))), label=f"{k} article{'s' if k > 1 else ''}")
                    for k in sorted({1, n})]
    _legend_below(axes[-1], handles, 3)
    return _finish(fig, "What the articles said the SCO's size was, and when", source)


def outlet_labels(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> short outlet name (the article id when the catalog gives none)."""
    return {a: short_outlet(o) if isinstance(o, str) and o.strip() else a
            for a, o in zip(articles["article_id"], articles["outlet"])}


def verdicts_by_outlet_chart(comparison: pd.DataFrame, articles: pd.DataFrame, *, source: str) -> Figure:
    """Stacked bars per outlet: its claims the reference supports, refutes or cannot settle."""
    outlet = outlet_labels(articles)
    comp = comparison.assign(outlet=comparison["article_id"].map(outlet))
    table = (pd.crosstab(comp["outlet"], comp["reference_verdict"]).reindex(columns=list(VERDICT_COLOURS), fill_value=0)
             if len(comp) else pd.DataFrame(columns=list(VERDICT_COLOURS)))
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    n_art = articles.assign(outlet=articles["article_id"].map(outlet)).groupby("outlet").size()
    fig = _figure(1.5 + 0.3 * max(len(table), 1))
    ax = fig.add_subplot()
    names = [f"{o} ({n_art.get(o, 0)} art.)" for o in table.index]
    left = np.zeros(len(table))
    handles = []
    for verdict, colour in VERDICT_COLOURS.items():
        values = table[verdict].to_numpy(dtype=float)
        handles.append(ax.barh(names, values, left=left, color=colour, label=VERDICT_LABELS[verdict],
                               edgecolor="white", linewidth=0.5))
        for y, (x0, v) in enumerate(zip(left, values)):
            if v and v / max(table.to_numpy().sum(axis=1).max(), 1) > 0.04:
                ax.text(x0 + v / 2, y, f"{int(v)}", ha="center", va="center", fontsize=BASE_FONT - 2,
                        color="black" if verdict == "not_enough_info" else "white")
        left += values
    if table.empty:
        _no_data(ax, "no compared claims")
    ax.invert_yaxis()
    ax.set_xlabel("claims (count)", fontsize=BASE_FONT)
    _style(ax)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    _legend_below(ax, handles, 3)
    return _finish(fig, "Verdicts by outlet: how each outlet's claims fare against the reference", source)


def outlet_agreement(pairs: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Article pairs summed per outlet pair: [outlet_a, outlet_b, n_shared, n_agree, n_conflict]."""
    outlet = outlet_labels(articles)
    cols = ["outlet_a", "outlet_b", "n_shared", "n_agree", "n_conflict"]
    if pairs is None or pairs.empty:
        return pd.DataFrame(columns=cols)
    p = pairs.assign(a=pairs["article_a"].map(outlet), b=pairs["article_b"].map(outlet))
    p["outlet_a"], p["outlet_b"] = p[["a", "b"]].min(axis=1), p[["a", "b"]].max(axis=1)
    out = p.groupby(["outlet_a", "outlet_b"], sort=True)[["n_shared", "n_agree", "n_conflict"]].sum().reset_index()
    return out[cols]


def _heatmap(ax, values: pd.DataFrame, notes: pd.DataFrame, cmap: str, vmax: float, vmin: float = 0) -> None:
    data = values.to_numpy(dtype=float)
    ax.imshow(np.ma.masked_invalid(data), cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    for (i, j), v in np.ndenumerate(data):
        if not np.isnan(v) and values.shape[1] <= 14:
            ax.text(j, i, notes.iat[i, j], ha="center", va="center", fontsize=BASE_FONT - 2.5,
                    color="white" if v > vmin + 0.6 * (vmax - vmin) else "black")
    ax.set_xticks(range(values.shape[1]), [textwrap.fill(str(c), 14) for c in values.columns],
                  fontsize=BASE_FONT - 1.5, rotation=90 if values.shape[1] > 8 else 0)
    ax.set_yticks(range(values.shape[0]), [textwrap.shorten(str(r), 34, placeholder="…") for r in values.index],
                  fontsize=BASE_FONT - 1)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)


def outlet_agreement_chart(agreement: pd.DataFrame, *, source: str) -> Figure:
    """Outlet x outlet: share of the claims both make (same key, same moment) on which they agree."""
    outlets = sorted(set(agreement["outlet_a"]) | set(agreement["outlet_b"]))
    share = pd.DataFrame(np.nan, index=outlets, columns=outlets)
    notes = pd.DataFrame("", index=outlets, columns=outlets)
    for r in agreement.itertuples():
        if r.n_shared:
            for a, b in ((r.outlet_a, r.outlet_b), (r.outlet_b, r.outlet_a)):
                share.loc[a, b] = r.n_agree / r.n_shared
                notes.loc[a, b] = f"{r.n_agree / r.n_shared:.0%}\n{int(r.n_shared)}"
    n = max(len(outlets), 1)
    fig = _figure(min(2.2 + 0.42 * n, 9.5))
    ax = fig.add_subplot()
    if outlets:
        low = float(np.nanmin(share.to_numpy(dtype=float))) if share.notna().any().any() else 0.0
        _heatmap(ax, share, notes, "Greens", 1.0, vmin=max(0.0, min(low, 0.9) - 0.1))
    else:
        _no_data(ax, "no two outlets make the same claim")
    ax.set_xlabel("cell: share of the claims both make on which they agree, and how many they share\n"
                  "(diagonal: articles of one outlet among themselves; darker: more agreement)", fontsize=BASE_FONT - 1)
    return _finish(fig, "Agreement between outlets", source)


def theme_heatmap_chart(shares: pd.DataFrame, articles: pd.DataFrame, *, source: str) -> Figure:
    """Themes by outlet and by year: mean share of body sentences touching each theme."""
    outlet = outlet_labels(articles)
    year = {a: (f"{pd.Timestamp(d):%Y}" if pd.notna(d) else "undated")
            for a, d in zip(articles["article_id"], articles["reference_date"])}
    s = shares.assign(outlet=shares["article_id"].map(outlet), year=shares["article_id"].map(year),
                      share=shares["share"].astype(float))
    order = s.groupby("theme_label")["share"].mean().sort_values(ascending=False).index.tolist()
    panels = []
    for by in ("outlet", "year"):
        mean = s.pivot_table(index="theme_label", columns=by, values="share", aggfunc="mean").reindex(order)
        n = s.drop_duplicates("article_id").groupby(by).size()
        mean.columns = [f"{c}\n({n.get(c, 0)})" for c in mean.columns]
        panels.append(mean)
    rows = max(len(order), 1)
    fig = _figure(min(2.4 + 2 * 0.26 * rows, 10.5))
    axes = fig.subplots(2, 1)
    vmax = float(np.nanmax([p.to_numpy(dtype=float).max() for p in panels if p.size] or [0.1])) or 0.1
    for ax, mean, title in zip(axes, panels, ("by outlet (articles)", "by year (articles)")):
        if mean.size:
            _heatmap(ax, mean, mean.map(lambda v: "" if pd.isna(v) else f"{v:.0%}"), "Blues", vmax)
        else:
            _no_data(ax, "no theme found in any article")
        ax.set_title(f"Share of body sentences per theme, {title}", fontsize=BASE_FONT + 1, loc="left")
    return _finish(fig, "What the articles are about: themes by outlet and over time", source)
