"""The cited reference record of SCO history, and look-ups on it by date.

Holds the data in ``data/reference_*.csv`` (status changes, summits, chairmanships, founding facts
and size shares, each row citing a source in ``reference_sources.csv``; how they were built is in
``data/REFERENCE.md``) and answers: a country's status on a day, the number of states in each
status on a day, the growth series, and what the reference says for a claim key as of a day
(``value_for``) together with the span of days over which that answer holds (``frame_of``).
Does not read articles; ``compare`` puts claims next to these answers.

A status change counts from its own day onwards: on 2024-07-04 Belarus is already a member.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple

import pandas as pd

from sco_analysis import schema
from sco_analysis.errors import InputError
from sco_analysis.resources import DATA

STATUS_KEYS = ("member", "observer", "dialogue_partner", "partner")
COUNT_KEYS = {
    "members.count": "member",
    "observers.count": "observer",
    "dialogue_partners.count": "dialogue_partner",
    "partners.count": "partner",
}
TIMELESS_PREFIXES = ("founded.", "accession.year.")
STATUS_PREFIX = "status."
SHARE_KEYS = ("share.world_population", "share.world_gdp")
SHARE_TOLERANCE = 0.05
SHARE_MAX_YEAR_GAP = 2
DEFAULT_GDP_MEASURE = "nominal"
SUMMIT_KIND = "heads_of_state"


@dataclass(frozen=True)
class ReferenceValue:
    """What the reference says for one claim key on one day, with its citation.

    ``value`` is normalised like claim values (ISO3 codes, ISO dates, decimals, sorted ``;`` sets).
    ``tolerance`` is set for shares: a claim within it of ``value`` matches. ``measure`` names the
    GDP measure (``nominal`` or ``ppp``) a share refers to, ``year`` the year of the figure.
    """

    value: str
    citation: str
    note: str = ""
    measure: str | None = None
    tolerance: float | None = None
    year: int | None = None


# ---------------------------------------------------------------- data files

_DAY = r"\d{4}-\d{2}-\d{2}"
_RULES = {  # kind of value -> (pattern or allowed values, what is wrong otherwise)
    "text": (r".*\S.*", "is empty"),
    "date": (_DAY, "is not a date written YYYY-MM-DD"),
    "page_date": (r"\d{4}(?:-\d{2}(?:-\d{2})?)?", "is not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    "precision": (schema.DATE_PRECISIONS, f"is not one of {', '.join(schema.DATE_PRECISIONS)}"),
    "iso3": (r"[A-Z]{3}", "is not an ISO 3166 alpha-3 code"),
    "status": (STATUS_KEYS, f"is not one of {', '.join(STATUS_KEYS)}"),
    "kind": (("heads_of_state", "foreign_ministers"), "is not heads_of_state or foreign_ministers"),
    "int": (r"\d+", "is not a whole number"),
    "measure": (("nominal", "ppp"), "is not nominal or ppp"),
    "url": (r"https?://\S+", "is not a web address"),
    "any": (r"(?s).*", ""),
}
_COLUMNS = {  # file -> column -> kind; a trailing "?" allows an empty cell
    "sources": dict(source_id="text", outlet="text", title="text", address="url", date="page_date?",
                    note="any"),
    "events": dict(date="date", date_precision="precision", iso3="iso3", country="text",
                   status_from="status?", status_to="status", event="text", basis="any",
                   source_id="source", other_source_ids="sources?", note="any"),
    "summits": dict(start="date", end="date", date_precision="precision", kind="kind", place="text",
                    host_iso3="iso3", number="int?", documents="any", documents_source_id="source?",
                    source_id="source", other_source_ids="sources?", note="any"),
    "chairs": dict(start="date", iso3="iso3", country="text", event="text", source_id="source",
                   other_source_ids="sources?", note="any"),
    "facts": dict(key="text", value="text", measure="measure?", year="int?", date="date?",
                  date_precision="precision", source_id="source", other_source_ids="sources?", note="any"),
}


def _problem(kind: str, value: str, known: set[str]) -> str | None:
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if value == "":
        return None if optional or kind == "any" else "is empty"
    if kind in ("source", "sources"):
        unknown = [v for v in value.split(";") if v not in known]
        return f"names unknown source(s) {', '.join(unknown)}" if unknown else None
    rule, problem = _RULES[kind]
    if isinstance(rule, tuple):
        return None if value in rule else problem
    if not re.fullmatch(rule, value):
        return problem
    if kind == "date":
        try:
            pd.Timestamp(value)
        except ValueError:
            return "is not a real calendar date"
    return None


def _read(name: str) -> pd.DataFrame:
    """One reference file, checked cell by cell; a bad cell stops with an InputError naming file and row."""
    path = DATA / f"reference_{name}.csv"
    df = pd.read_csv(path, dtype="string", keep_default_na=False)
    columns = _COLUMNS[name]
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}", "header")
    known = set(df["source_id"]) if name == "sources" else set(_sources().index)
    for i, row in enumerate(df[list(columns)].itertuples(index=False), start=2):
        for col, value in zip(columns, row):
            problem = _problem(columns[col], value.strip(), known)
            if problem:
                raise InputError(path, f"{col} {value!r} {problem}", f"row {i}")
        if name == "summits" and row.end < row.start:
            raise InputError(path, f"end {row.end} is before start {row.start}", f"row {i}")
    if name == "sources" and df["source_id"].duplicated().any():
        dupe = df.loc[df["source_id"].duplicated(), "source_id"].iloc[0]
        raise InputError(path, f"source_id {dupe!r} is listed twice")
    return df


@cache
def _sources() -> pd.DataFrame:
    return _read("sources").set_index("source_id")


def reload() -> None:
    """Forget what was read, so edits to the reference files take effect in a running session."""
    for f in (_sources, _events, _summits, _chairs, _facts, citation, _state_snapshots, _status_changes,
              _count_stretches, _first_memberships, _first_facts, _share_rows, _meetings, _chair_list,
              _chair_stretches, _nearest_summit, _iso, _count_after, _chair_after, _share_value,
              _value_for, _frame_of):
        f.cache_clear()


def _blank_to_na(df: pd.DataFrame) -> pd.DataFrame:
    return df.replace("", pd.NA)


@cache
def citation(source_id: str) -> str:
    """One-line citation of a reference source: outlet, title, page date, address."""
    s = _sources().loc[source_id]
    parts = [s["outlet"], f"'{s['title']}'"] + ([s["date"]] if s["date"] else []) + [s["address"]]
    return ", ".join(parts)


def sources() -> pd.DataFrame:
    """Every source the reference cites: ``source_id, outlet, title, address, date, note``."""
    return _blank_to_na(_sources().reset_index())


def _with_source(df: pd.DataFrame) -> pd.DataFrame:
    src = _sources()
    out = df.copy()
    out["source_outlet"] = df["source_id"].map(src["outlet"])
    out["source_title"] = df["source_id"].map(src["title"])
    out["source_address"] = df["source_id"].map(src["address"])
    out["source_date"] = df["source_id"].map(src["date"])
    return out


@cache
def _events() -> pd.DataFrame:
    df = _with_source(_read("events"))
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[s]")
    cols = ["date", "date_precision", "iso3", "country", "status_from", "status_to", "event",
            "source_outlet", "source_title", "source_address", "source_date",
            "basis", "source_id", "other_source_ids", "note"]
    return _blank_to_na(df[cols]).sort_values(["date", "iso3"], kind="stable").reset_index(drop=True)


@cache
def _summits() -> pd.DataFrame:
    df = _with_source(_read("summits"))
    for c in ("start", "end"):
        df[c] = pd.to_datetime(df[c]).astype("datetime64[s]")
    df["number"] = pd.to_numeric(df["number"].replace("", pd.NA)).astype("Int64")
    return _blank_to_na(df).sort_values("start", kind="stable").reset_index(drop=True)


@cache
def _chairs() -> pd.DataFrame:
    df = _with_source(_read("chairs"))
    df["start"] = pd.to_datetime(df["start"]).astype("datetime64[s]")
    return _blank_to_na(df).sort_values("start", kind="stable").reset_index(drop=True)


@cache
def _facts() -> pd.DataFrame:
    df = _with_source(_read("facts"))
    df["year"] = pd.to_numeric(df["year"]).astype("Int64")
    return _blank_to_na(df)


def events() -> pd.DataFrame:
    """One row per status change of one country, oldest first.

    ``status_from`` is empty when the country had no status before. Columns after the source
    fields: ``basis`` (summit decision, memorandum, ...), ``source_id``, ``other_source_ids``
    (``;``-joined corroborating sources) and ``note`` (date precision, discrepancies).
    """
    return _events().copy()


def summits() -> pd.DataFrame:
    """SCO meetings: ``start, end, date_precision, kind`` (heads_of_state / foreign_ministers), place,
    number, documents adopted, source."""
    return _summits().copy()


def chairs() -> pd.DataFrame:
    """Rotating chairmanship: one row per country taking the chair (``start``), with source."""
    return _chairs().copy()


def facts() -> pd.DataFrame:
    """Dated facts that are not status changes: founding, charter, population and GDP shares."""
    return _facts().copy()


# ---------------------------------------------------------------- status and counts

@lru_cache(maxsize=65536)
def _iso(d: pd.Timestamp) -> str:
    """``YYYY-MM-DD`` of a day (from ``_day``), formatted once per day."""
    return f"{d:%Y-%m-%d}"


def _day(on) -> pd.Timestamp | None:
    if isinstance(on, pd.Timestamp) and not (on.hour or on.minute or on.second or on.microsecond
                                             or on.nanosecond):
        return on  # already a day: the common case, and normalize() is slow
    if on is None or (not isinstance(on, str) and pd.isna(on)):
        return None
    return pd.Timestamp(on).normalize()


def _rows(df: pd.DataFrame) -> list[dict]:
    """The rows of a small table in order, as dicts of the values a row Series holds (NA kept)."""
    return [dict(df.iloc[i].items()) for i in range(len(df))]


@cache
def _state_snapshots() -> tuple[list[pd.Timestamp], list[tuple[tuple[str, str], ...]]]:
    """Every day a status changes, oldest first, and each country's status at the end of that day."""
    days, snapshots, held = [], [], {}
    ev = _events()
    for day, iso3, status in zip(ev["date"], ev["iso3"], ev["status_to"]):
        held[iso3] = status
        if days and days[-1] == day:
            snapshots[-1] = tuple(held.items())
        else:
            days.append(day)
            snapshots.append(tuple(held.items()))
    return days, snapshots


def _states_at(d: pd.Timestamp) -> tuple[tuple[str, str], ...]:
    days, snapshots = _state_snapshots()
    i = bisect_right(days, d)
    return snapshots[i - 1] if i else ()


def _states(on) -> dict[str, str]:
    return dict(_states_at(_day(on)))


def status_on(iso3: str, on) -> str | None:
    """The country's SCO status on that day (``member``, ``observer``, ...), or None if it had none."""
    return _states(on).get(iso3.strip().upper())


def counts_on(on) -> dict[str, int]:
    """How many states held each status on that day: keys member, observer, dialogue_partner, partner."""
    held = list(_states(on).values())
    return {s: held.count(s) for s in STATUS_KEYS}


@cache
def _status_changes(status: str) -> tuple[list[pd.Timestamp], list[dict]]:
    """The events that give or take ``status``, oldest first: their dates and their rows."""
    ev = _events()
    touched = ev[(ev["status_to"] == status) | (ev["status_from"] == status)]
    return touched["date"].tolist(), _rows(touched)


@cache
def _count_stretches(status: str) -> tuple[list[pd.Timestamp], list[str]]:
    return _stretches(sorted(set(_status_changes(status)[0])))


def growth(start=None, end=None) -> pd.DataFrame:
    """Tidy ``date, status, count``: counts at ``start``, at every day a count changes, and at ``end``.

    Defaults: the first and the last change. Pass ``end`` (e.g. today) to extend a step chart.
    """
    ev = _events()
    days = sorted(pd.Timestamp(d) for d in ev["date"].unique())
    lo = _day(start) or days[0]
    hi = _day(end) or days[-1]
    points = sorted({lo, hi, *(d for d in days if lo <= d <= hi)})
    rows = [{"date": d, "status": s, "count": n} for d in points for s, n in counts_on(d).items()]
    out = pd.DataFrame.from_records(rows)
    return out.astype({"date": "datetime64[s]", "status": "string", "count": "Int64"})


def accessions(statuses: tuple[str, ...] = ("member",)) -> pd.DataFrame:
    """``date, iso3, country, status`` for every country gaining one of ``statuses``.

    Founders are labelled ``founding_member``. Default: full-member accessions, for chart labels.
    """
    ev = _events()
    rows = ev[ev["status_to"].isin(statuses)].copy()
    first = ev["date"].min()
    founding = (rows["date"] == first) & (rows["status_to"] == "member")
    rows["status"] = rows["status_to"].where(~founding, "founding_member")
    return rows[["date", "iso3", "country", "status"]].reset_index(drop=True)


# ---------------------------------------------------------------- claim keys

def _ev_citation(row) -> str:
    return citation(row["source_id"])


def _count_value(status: str, d: pd.Timestamp) -> ReferenceValue | None:
    return _count_after(status, bisect_right(_status_changes(status)[0], d))


@cache
def _count_after(status: str, n_before: int) -> ReferenceValue | None:
    """The answer for any day after exactly the first ``n_before`` changes of ``status``: who holds
    it changes only on those days, so it is read at the last of them."""
    _dates, touched = _status_changes(status)
    if not n_before:
        if status == "partner":
            return None
        first = touched[0]
        return ReferenceValue("0", _ev_citation(first),
                              f"no state held this status before {first['date']:%Y-%m-%d} ({first['event']})")
    last = touched[n_before - 1]
    names = sorted(iso3 for iso3, held in _states(last["date"]).items() if held == status)
    n = len(names)
    note = f"last change {last['date']:%Y-%m-%d} ({last['event']})"
    if n == 0 and last["status_from"] == status:
        note += "; the status no longer exists"
    elif names:
        note += f": {';'.join(names)}"
    return ReferenceValue(str(n), _ev_citation(last), note)


@cache
def _first_memberships() -> dict[str, dict]:
    """Per ISO3 code, the event that first made the country a member."""
    ev = _events()
    out: dict[str, dict] = {}
    for row in _rows(ev[ev["status_to"] == "member"]):
        out.setdefault(row["iso3"], row)
    return out


def _accession_value(iso3: str, d: pd.Timestamp | None) -> ReferenceValue | None:
    row = _first_memberships().get(iso3)
    if row is None:
        return None
    note = f"member from {row['date']:%Y-%m-%d} ({row['event']})"
    if d is not None and d < row["date"]:
        note += "; after the claim's date"
    return ReferenceValue(str(row["date"].year), _ev_citation(row), note)


@cache
def _country_changes(iso3: str) -> tuple[list[pd.Timestamp], list[dict]]:
    """The status changes of one country, oldest first: their dates and their rows."""
    ev = _events()
    rows = _rows(ev[ev["iso3"] == iso3])
    return [r["date"] for r in rows], rows


def _status_value(iso3: str, d: pd.Timestamp) -> ReferenceValue | None:
    """The country's status on ``d`` (``none`` before its first status), citing the change that set
    it; None when the record has no status change of the country at all (it cannot tell)."""
    dates, rows = _country_changes(iso3)
    if not rows:
        return None
    i = bisect_right(dates, d)
    if not i:
        first = rows[0]
        return ReferenceValue("none", _ev_citation(first),
                              f"no SCO status before {first['date']:%Y-%m-%d} ({first['event']})")
    row = rows[i - 1]
    note = f"{row['status_to']} from {row['date']:%Y-%m-%d} ({row['event']})"
    if i < len(rows):
        nxt = rows[i]
        note += f"; {nxt['status_to']} from {nxt['date']:%Y-%m-%d}"
    return ReferenceValue(row["status_to"], _ev_citation(row), note)


@cache
def _first_facts() -> dict[str, dict]:
    """Per key, its first row in the facts file."""
    out: dict[str, dict] = {}
    for row in _rows(_facts()):
        out.setdefault(row["key"], row)
    return out


def _fact_value(key: str) -> ReferenceValue | None:
    row = _first_facts().get(key)
    if row is None:
        return None
    note = "" if pd.isna(row["note"]) else row["note"]
    return ReferenceValue(row["value"], citation(row["source_id"]), note)


class _Meetings(NamedTuple):
    """Meetings of one kind in start order."""

    starts: list[int]  # first day, as a proleptic ordinal
    ends: list[int]  # last day, as a proleptic ordinal
    latest_end: list[int]  # the latest end so far at each position: non-decreasing, for bisect
    labels: list[int]  # index label in ``_summits()``
    spans: list[str]  # ``start/end``, ISO dates
    rows: list[dict]


@cache
def _meetings(kind: str) -> _Meetings:
    s = _summits()
    s = s[s["kind"] == kind]
    rows = _rows(s)
    ends = [r["end"].toordinal() for r in rows]
    return _Meetings([r["start"].toordinal() for r in rows], ends, list(accumulate(ends, max)),
                     list(s.index), [f"{r['start']:%Y-%m-%d}/{r['end']:%Y-%m-%d}" for r in rows], rows)


@lru_cache(maxsize=65536)
def _nearest_summit(d: pd.Timestamp | None, kind: str) -> int | None:
    """Position in ``_meetings(kind)`` of the meeting closest to ``d``."""
    if d is None:
        return None
    day = d.toordinal()
    m = _meetings(kind)
    best, best_gap = None, None
    for i, (start, end) in enumerate(zip(m.starts, m.ends)):
        gap = max(start - day, 0) + max(day - end, 0)
        if best is None or gap <= best_gap:  # ties go to the later meeting
            best, best_gap = i, gap
    return best


def _summit_ending_on_or_after(d: pd.Timestamp | None, kind: str) -> int | None:
    """Position in ``_meetings(kind)`` of the first meeting whose end is on or after ``d``."""
    if d is None:
        return None
    i = bisect_left(_meetings(kind).latest_end, d.toordinal())
    return i if i < len(_meetings(kind).rows) else None


def summit_end(on, kind: str = SUMMIT_KIND) -> pd.Timestamp | None:
    """Last day of the first meeting of ``kind`` still running or yet to come on that day (what a preview
    anticipates), or None."""
    i = _summit_ending_on_or_after(_day(on), kind)
    return None if i is None else _meetings(kind).rows[i]["end"]


def _summit_value(key: str, d: pd.Timestamp) -> ReferenceValue | None:
    i = _nearest_summit(d, SUMMIT_KIND)
    if i is None:
        return None
    s, span = _meetings(SUMMIT_KIND).rows[i], _meetings(SUMMIT_KIND).spans[i]
    note = f"summit nearest {_iso(d)}: {s['place']}, {span}"
    if key == "summit.place":
        value = s["place"]
    elif key == "summit.dates" and s["date_precision"] == "day":
        value = span
    elif key == "summit.number" and not pd.isna(s["number"]):
        value = str(int(s["number"]))
    elif key.startswith("summit.document.") and not pd.isna(s["documents"]) \
            and key.rsplit(".", 1)[1] in s["documents"].split(";"):
        return ReferenceValue("adopted", citation(s["documents_source_id"]), note)
    else:
        return None
    return ReferenceValue(value, citation(s["source_id"]), note)


@cache
def _chair_list() -> tuple[list[pd.Timestamp], list[dict]]:
    """Chairmanships in start order: their start days and their rows."""
    ch = _chairs()
    return [pd.Timestamp(s) for s in ch["start"]], _rows(ch)


def _chair_value(key: str, d: pd.Timestamp) -> ReferenceValue | None:
    return _chair_after(key, bisect_right(_chair_list()[0], d))


@cache
def _chair_after(key: str, n_held: int) -> ReferenceValue | None:
    """The answer for any day after exactly the first ``n_held`` chairmanships began."""
    rows = _chair_list()[1]
    if not n_held:
        return None
    if key == "chair.current":
        row = rows[n_held - 1]
        return ReferenceValue(row["iso3"], citation(row["source_id"]),
                              f"chair from {row['start']:%Y-%m-%d} ({row['event']})")
    if n_held == len(rows):
        return None
    row = rows[n_held]
    return ReferenceValue(row["iso3"], citation(row["source_id"]),
                          f"takes the chair on {row['start']:%Y-%m-%d} ({row['event']})")


@cache
def _share_rows(key: str, measure: str | None) -> list[dict]:
    """The dated figures for a share key (of one GDP measure), in file order."""
    rows = _facts()[(_facts()["key"] == key) & _facts()["year"].notna()]
    if measure is not None:
        rows = rows[rows["measure"] == measure]
    return _rows(rows)


@cache
def _share_value(key: str, year: int, measure: str | None) -> ReferenceValue | None:
    """The figure for the key nearest ``year`` (at most ``SHARE_MAX_YEAR_GAP`` away)."""
    rows = _share_rows(key, (measure or DEFAULT_GDP_MEASURE) if key == "share.world_gdp" else None)
    if not rows:
        return None
    # the figure for the nearest year; between two equally near years the later; among figures
    # for the same year the last listed (max keeps the first maximum, so scan from the end)
    row = max(reversed(rows), key=lambda r: (-abs(int(r["year"]) - year), int(r["year"])))
    if abs(int(row["year"]) - year) > SHARE_MAX_YEAR_GAP:
        return None
    m = None if pd.isna(row["measure"]) else row["measure"]
    figure_year = int(row["year"])
    note = f"{describe_share(row['value'], m, figure_year)}; tolerance ±{SHARE_TOLERANCE * 100:.0f} points"
    return ReferenceValue(row["value"], citation(row["source_id"]), note, m, SHARE_TOLERANCE, figure_year)


def describe_share(value: str, measure: str | None, year: int | None) -> str:
    """``nominal GDP 23.0% of world (2024)``; population when there is no measure."""
    what = {"nominal": "nominal GDP", "ppp": "GDP at PPP", None: "population"}[measure]
    return f"{what} {float(value):.1%} of world" + (f" ({year})" if year else "")


def value_for(claim_key: str, on=None, measure: str | None = None) -> ReferenceValue | None:
    """What the reference says for ``claim_key`` as of ``on``; None when it has nothing for the key then.

    Founding keys and ``accession.year.<ISO3>`` ignore ``on``. ``status.<ISO3>`` is the country's
    status on that day (``none`` before it had one). ``measure`` picks the GDP measure for
    ``share.world_gdp`` (default nominal).
    """
    return _value_for(claim_key, _day(on), measure)


@lru_cache(maxsize=65536)
def _value_for(claim_key: str, d: pd.Timestamp | None, measure: str | None) -> ReferenceValue | None:
    if claim_key.startswith("founded."):
        return _fact_value(claim_key)
    if claim_key.startswith("accession.year."):
        return _accession_value(claim_key.rsplit(".", 1)[1].upper(), d)
    if d is None:
        return None
    if claim_key in COUNT_KEYS:
        return _count_value(COUNT_KEYS[claim_key], d)
    if claim_key.startswith(STATUS_PREFIX):
        return _status_value(claim_key[len(STATUS_PREFIX):].upper(), d)
    if claim_key.startswith("summit."):
        return _summit_value(claim_key, d)
    if claim_key in ("chair.current", "chair.next"):
        return _chair_value(claim_key, d)
    if claim_key in SHARE_KEYS:
        return _share_value(claim_key, d.year, measure)
    return None


def _stretches(starts: list[pd.Timestamp]) -> tuple[list[pd.Timestamp], list[str]]:
    """The sorted ``starts`` and a ``first..last`` label per stretch of days they delimit: label ``i``
    runs from ``starts[i - 1]`` (open before the first) to the day before ``starts[i]`` (open after
    the last)."""
    firsts = [""] + [f"{s:%Y-%m-%d}" for s in starts]
    lasts = [f"{s - pd.Timedelta(days=1):%Y-%m-%d}" for s in starts] + [""]
    return starts, [f"{a}..{b}" for a, b in zip(firsts, lasts)]


@cache
def _chair_stretches() -> tuple[list[pd.Timestamp], list[str]]:
    return _stretches(_chair_list()[0])


def _span(stretches: tuple[list[pd.Timestamp], list[str]], d: pd.Timestamp) -> str:
    """Label of the stretch that contains ``d``."""
    starts, labels = stretches
    return labels[bisect_right(starts, d)]


def frame_of(claim_key: str, on=None) -> str | None:
    """Label of the span of days over which the reference's answer for the key stays the same.

    Claims in one frame describe the same state of the SCO and can be compared: ``timeless`` for
    founding and accession keys; for counts, chairs and ``status.<ISO3>`` the days between two changes
    (``2023-07-04..2024-07-03``); for summit keys the nearest summit; for shares and any other
    key the calendar year. None when the key is time-dependent and there is no day.
    """
    return _frame_of(claim_key, _day(on))


@lru_cache(maxsize=65536)
def _frame_of(claim_key: str, d: pd.Timestamp | None) -> str | None:
    if claim_key.startswith(TIMELESS_PREFIXES):
        return "timeless"
    if d is None:
        return None
    if claim_key in COUNT_KEYS:
        return _span(_count_stretches(COUNT_KEYS[claim_key]), d)
    if claim_key in ("chair.current", "chair.next"):
        return _span(_chair_stretches(), d)
    if claim_key.startswith(STATUS_PREFIX):
        return _span(_stretches(_country_changes(claim_key[len(STATUS_PREFIX):].upper())[0]), d)
    if claim_key.startswith("summit."):
        i = _nearest_summit(d, SUMMIT_KIND)
        return None if i is None else f"summit {_meetings(SUMMIT_KIND).spans[i]}"
    return str(d.year)
