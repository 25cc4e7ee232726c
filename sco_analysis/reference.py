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
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from . import schema
from .errors import InputError

DATA = Path(__file__).parent / "data"
STATUS_KEYS = ("member", "observer", "dialogue_partner", "partner")
COUNT_KEYS = {
    "members.count": "member",
    "observers.count": "observer",
    "dialogue_partners.count": "dialogue_partner",
    "partners.count": "partner",
}
TIMELESS_PREFIXES = ("founded.", "accession.year.")
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
    for f in (_sources, _events, _summits, _chairs, _facts, _states_at, _value_for, _frame_of):
        f.cache_clear()


def _blank_to_na(df: pd.DataFrame) -> pd.DataFrame:
    return df.replace("", pd.NA)


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

def _day(on) -> pd.Timestamp | None:
    if on is None or (not isinstance(on, str) and pd.isna(on)):
        return None
    return pd.Timestamp(on).normalize()


@lru_cache(maxsize=4096)
def _states_at(d: pd.Timestamp) -> tuple[tuple[str, str], ...]:
    ev = _events()
    upto = ev[ev["date"] <= d]
    return tuple(dict(zip(upto["iso3"], upto["status_to"])).items())


def _states(on) -> dict[str, str]:
    return dict(_states_at(_day(on)))


def status_on(iso3: str, on) -> str | None:
    """The country's SCO status on that day (``member``, ``observer``, ...), or None if it had none."""
    return _states(on).get(iso3.strip().upper())


def counts_on(on) -> dict[str, int]:
    """How many states held each status on that day: keys member, observer, dialogue_partner, partner."""
    held = list(_states(on).values())
    return {s: held.count(s) for s in STATUS_KEYS}


def _change_dates(status: str) -> list[pd.Timestamp]:
    ev = _events()
    touched = ev[(ev["status_to"] == status) | (ev["status_from"] == status)]
    return sorted(pd.Timestamp(d) for d in touched["date"].unique())


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
    ev = _events()
    touched = ev[(ev["status_to"] == status) | (ev["status_from"] == status)]
    before = touched[touched["date"] <= d]
    n = counts_on(d)[status]
    if before.empty:
        if status == "partner":
            return None
        first = touched.iloc[0]
        return ReferenceValue("0", _ev_citation(first),
                              f"no state held this status before {first['date']:%Y-%m-%d} ({first['event']})")
    last = before.iloc[-1]
    names = sorted(iso3 for iso3, held in _states(d).items() if held == status)
    note = f"last change {last['date']:%Y-%m-%d} ({last['event']})"
    if n == 0 and last["status_from"] == status:
        note += "; the status no longer exists"
    elif names:
        note += f": {';'.join(names)}"
    return ReferenceValue(str(n), _ev_citation(last), note)


def _accession_value(iso3: str, d: pd.Timestamp | None) -> ReferenceValue | None:
    ev = _events()
    joined = ev[(ev["iso3"] == iso3) & (ev["status_to"] == "member")]
    if joined.empty:
        return None
    row = joined.iloc[0]
    note = f"member from {row['date']:%Y-%m-%d} ({row['event']})"
    if d is not None and d < row["date"]:
        note += "; after the claim's date"
    return ReferenceValue(str(row["date"].year), _ev_citation(row), note)


def _fact_value(key: str) -> ReferenceValue | None:
    rows = _facts()[_facts()["key"] == key]
    if rows.empty:
        return None
    row = rows.iloc[0]
    note = "" if pd.isna(row["note"]) else row["note"]
    return ReferenceValue(row["value"], citation(row["source_id"]), note)


def summit_near(on, kind: str = SUMMIT_KIND) -> pd.Series | None:
    """The meeting of ``kind`` closest to that day (0 days away while it runs); ties go to the later one."""
    d = _day(on)
    s = _summits()
    s = s[s["kind"] == kind]
    if d is None or s.empty:
        return None
    gap = (s["start"] - d).dt.days.clip(lower=0) + (d - s["end"]).dt.days.clip(lower=0)
    best = gap[gap == gap.min()].index[-1]
    return s.loc[best]


def summit_ending_on_or_after(on, kind: str = SUMMIT_KIND) -> pd.Series | None:
    """The first meeting of ``kind`` still running or yet to come on that day (what a preview anticipates)."""
    d = _day(on)
    s = _summits()
    s = s[(s["kind"] == kind) & (s["end"] >= d)] if d is not None else s.iloc[0:0]
    return None if s.empty else s.iloc[0]


def _summit_value(key: str, d: pd.Timestamp) -> ReferenceValue | None:
    s = summit_near(d)
    if s is None:
        return None
    span = f"{s['start']:%Y-%m-%d}/{s['end']:%Y-%m-%d}"
    note = f"summit nearest {d:%Y-%m-%d}: {s['place']}, {span}"
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


def _chair_value(key: str, d: pd.Timestamp) -> ReferenceValue | None:
    ch = _chairs()
    held = ch[ch["start"] <= d]
    if held.empty:
        return None
    if key == "chair.current":
        row = held.iloc[-1]
        return ReferenceValue(row["iso3"], citation(row["source_id"]),
                              f"chair from {row['start']:%Y-%m-%d} ({row['event']})")
    later = ch[ch["start"] > d]
    if later.empty:
        return None
    row = later.iloc[0]
    return ReferenceValue(row["iso3"], citation(row["source_id"]),
                          f"takes the chair on {row['start']:%Y-%m-%d} ({row['event']})")


def _share_value(key: str, d: pd.Timestamp, measure: str | None) -> ReferenceValue | None:
    rows = _facts()[_facts()["key"] == key]
    if key == "share.world_gdp":
        rows = rows[rows["measure"] == (measure or DEFAULT_GDP_MEASURE)]
    if rows.empty:
        return None
    gap = (rows["year"] - d.year).abs()
    rows = rows[gap == gap.min()].sort_values("year")
    row = rows.iloc[-1]
    if abs(int(row["year"]) - d.year) > SHARE_MAX_YEAR_GAP:
        return None
    m = None if pd.isna(row["measure"]) else row["measure"]
    year = int(row["year"])
    note = f"{describe_share(row['value'], m, year)}; tolerance ±{SHARE_TOLERANCE * 100:.0f} points"
    return ReferenceValue(row["value"], citation(row["source_id"]), note, m, SHARE_TOLERANCE, year)


def describe_share(value: str, measure: str | None, year: int | None) -> str:
    """``nominal GDP 23.0% of world (2024)``; population when there is no measure."""
    what = {"nominal": "nominal GDP", "ppp": "GDP at PPP", None: "population"}[measure]
    return f"{what} {float(value):.1%} of world" + (f" ({year})" if year else "")


def value_for(claim_key: str, on=None, measure: str | None = None) -> ReferenceValue | None:
    """What the reference says for ``claim_key`` as of ``on``; None when it has nothing for the key then.

    Founding keys and ``accession.year.<ISO3>`` ignore ``on``. ``measure`` picks the GDP measure
    for ``share.world_gdp`` (default nominal).
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
    if claim_key.startswith("summit."):
        return _summit_value(claim_key, d)
    if claim_key in ("chair.current", "chair.next"):
        return _chair_value(claim_key, d)
    if claim_key in SHARE_KEYS:
        return _share_value(claim_key, d, measure)
    return None


def _span(starts: list[pd.Timestamp], d: pd.Timestamp) -> str:
    before = [s for s in starts if s <= d]
    after = [s for s in starts if s > d]
    lo = f"{before[-1]:%Y-%m-%d}" if before else ""
    hi = f"{after[0] - pd.Timedelta(days=1):%Y-%m-%d}" if after else ""
    return f"{lo}..{hi}"


def frame_of(claim_key: str, on=None) -> str | None:
    """Label of the span of days over which the reference's answer for the key stays the same.

    Claims in one frame describe the same state of the SCO and can be compared: ``timeless`` for
    founding and accession keys; for counts and chairs the days between two changes
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
        return _span(_change_dates(COUNT_KEYS[claim_key]), d)
    if claim_key in ("chair.current", "chair.next"):
        return _span([pd.Timestamp(s) for s in _chairs()["start"]], d)
    if claim_key.startswith("summit."):
        s = summit_near(d)
        return None if s is None else f"summit {s['start']:%Y-%m-%d}/{s['end']:%Y-%m-%d}"
    return str(d.year)
