"""Score extracted tables against hand gold, the way event-coder validation sets are read.

A gold file (format and rules: ``tests/corpus/GOLD.md``) lists, per article file, every membership
fact, count, claim and (optionally) attribution the text states. ``score`` matches them with what the
pipeline extracted: a record is an error unless coded and expected match, so each gold entry no
extracted row satisfies is a *miss* and each distinct extracted fact no gold entry accepts is an
*extra*. ``evaluate`` runs the pipeline on a folder and scores it; ``render`` prints the result.
Bad gold raises ``InputError`` (one line naming the file and the problem).
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sco_analysis import schema
from sco_analysis.errors import InputError
from sco_analysis.reading import countries
from sco_analysis.resources import DATA

TABLES = ("membership", "counts", "claims", "attributions")
# Positional fields of a gold entry, the first `required` of them mandatory; an object may follow.
POSITIONAL = {
    "membership": (("iso3", "statuses", "year", "modality"), 3),
    "counts": (("status", "count", "as_of"), 2),
    "claims": (("claim_key", "value"), 2),
    "attributions": (("speaker", "cue"), 2),
}
DETAILS = {
    "membership": {"evidence", "note"},
    "counts": {"modality", "as_of_date", "evidence", "note"},
    "claims": {"modality", "as_of", "evidence", "note"},
    "attributions": {"role", "evidence", "note"},
}
AS_OF_LABELS = ("publication", "after_event", "earlier")
_ISO3 = re.compile(r"[A-Z]{3}")
_AS_OF_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
FOUND_COLUMNS = {
    "membership": ("iso3", "status", "year", "modality"),
    "counts": ("status", "count", "as_of"),
    "claims": ("claim_key", "value"),
    "attributions": ("speaker", "cue", "role"),
}
KEYS_FILE = DATA / "claim_keys.csv"
ALL = "ALL"


@dataclass(frozen=True)
class Entry:
    """One gold statement: its positional fields by name, plus optional details."""

    table: str
    fields: dict
    details: dict = field(default_factory=dict)

    def text(self) -> str:
        return _describe(self.table, {**self.fields, **{k: v for k, v in self.details.items() if k != "note"}})


@dataclass
class ArticleGold:
    file: str
    entries: dict[str, list[Entry]]
    forbid: tuple[str, ...] = ()
    has_attributions: bool = False
    note: str | None = None


def claim_families() -> list[str]:
    """Claim key families of ``data/claim_keys.csv`` (``accession.year.<ISO3>`` is one family)."""
    with open(KEYS_FILE, encoding="utf-8", newline="") as fh:
        return [row["key"] for row in csv.DictReader(fh)]


def family(key: str, families: list[str]) -> str | None:
    """The family ``key`` belongs to, or None when it is not a documented claim key."""
    for fam in families:
        if key == fam or ("<" in fam and key.startswith(fam.split("<")[0]) and len(key) > len(fam.split("<")[0])):
            return fam
    return None


# ---------------------------------------------------------------- reading gold


def _check_field(table: str, name: str, value, fail: Callable[[str], None]):
    if name == "iso3":
        if not (isinstance(value, str) and _ISO3.fullmatch(value)):
            fail(f"country {value!r} is not an ISO3 code")
    elif name == "statuses":
        if isinstance(value, str):
            value = [value]
        if not (isinstance(value, list) and value and all(s in schema.STATUSES for s in value)):
            fail(f"statuses {value!r} must be a list drawn from {', '.join(schema.STATUSES)}")
        return tuple(value)
    elif name == "status":
        if value not in schema.STATUSES:
            fail(f"status {value!r} is not one of {', '.join(schema.STATUSES)}")
    elif name == "year":
        if value is not None and not (isinstance(value, int) and not isinstance(value, bool) and 1900 < value < 2200):
            fail(f"year {value!r} must be a year (integer) or null")
    elif name == "modality":
        if value is not None and value not in schema.MODALITIES:
            fail(f"modality {value!r} is not one of {', '.join(schema.MODALITIES)} (or null)")
    elif name == "count":
        if not (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            fail(f"count {value!r} must be a whole number")
    elif name in ("as_of", "as_of_date"):
        if value is None:
            return None
        value = str(value)
        labels = AS_OF_LABELS + (("timeless",) if table == "claims" else ())
        if name == "as_of_date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            fail(f"as_of_date {value!r} must be YYYY-MM-DD")
        if name == "as_of" and value not in labels and not _AS_OF_DATE.fullmatch(value):
            fail(f"as_of {value!r} must be one of {', '.join(labels)} or a year / ISO date")
    elif name in ("value", "speaker", "cue", "claim_key", "evidence", "role", "note"):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "value":
            return str(value)
        if not isinstance(value, str) or (not value.strip() and name != "note"):
            fail(f"{name} {value!r} must be a non-empty string")
    return value


def _entry(table: str, raw, families: list[str], fail: Callable[[str], None]) -> Entry:
    names, required = POSITIONAL[table]
    if not isinstance(raw, list):
        fail("an entry must be a list")
    details = {}
    if raw and isinstance(raw[-1], dict):
        raw, details = raw[:-1], dict(raw[-1])
    if not required <= len(raw) <= len(names):
        fail(f"has {len(raw)} fields; {table} entries are [{', '.join(names)}] (the first {required} required), "
             "optionally followed by an object of details")
    unknown = set(details) - DETAILS[table]
    if unknown:
        fail(f"unknown detail(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(DETAILS[table]))}")
    fields = dict.fromkeys(names)
    for name, value in zip(names, raw):
        fields[name] = _check_field(table, name, value, fail)
    for name, value in list(details.items()):
        details[name] = _check_field(table, name, value, fail)
    if table == "claims":
        key = fields["claim_key"]
        if key.startswith("status."):
            fail(f"claim {key!r}: status.<ISO3> claims are derived from membership and scored there; do not list them")
        if family(key, families) is None:
            fail(f"claim key {key!r} is not in {KEYS_FILE.name}")
    return Entry(table, fields, details)


def _read_json(path: Path, what: str):
    if not path.is_file():
        raise InputError(path, f"{what} file not found")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(path, "is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise InputError(path, f"invalid JSON: {e.msg}", f"line {e.lineno} column {e.colno}") from None


def load_gold(path: str | Path) -> dict[str, ArticleGold]:
    """Read and check a gold file; return it keyed by article file name."""
    path = Path(path)
    data = _read_json(path, "gold")
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise InputError(path, 'must be an object with "articles": {file name: {...}} (see tests/corpus/GOLD.md)')
    families = claim_families()
    out = {}
    for file, art in data["articles"].items():
        def fail(problem, where=f"articles[{file!r}]"):
            raise InputError(path, problem, where)

        if not isinstance(art, dict):
            fail("must be an object")
        unknown = set(art) - {*TABLES, "forbid", "note"}
        if unknown:
            fail(f"unknown field(s) {', '.join(sorted(unknown))}")
        entries = {}
        for table in TABLES:
            raws = art.get(table, [])
            if not isinstance(raws, list):
                fail(f"{table} must be a list")
            entries[table] = [
                _entry(table, raw, families, lambda p, t=table, i=i, f=file: fail(p, f"articles[{f!r}].{t}[{i}]"))
                for i, raw in enumerate(raws)]
        forbid = art.get("forbid", [])
        if not (isinstance(forbid, list) and all(isinstance(c, str) and _ISO3.fullmatch(c) for c in forbid)):
            fail("forbid must be a list of ISO3 codes")
        out[file] = ArticleGold(file, entries, tuple(forbid), "attributions" in art, art.get("note"))
    return out


# ---------------------------------------------------------------- matching


def _canon(value) -> object:
    """A claim value as compared: a number, a set of `;`-joined parts, or case-folded text."""
    s = " ".join(str(value).split())
    try:
        return float(s)
    except ValueError:
        pass
    if ";" in s:
        return frozenset(p.strip().casefold() for p in s.split(";") if p.strip())
    return s.casefold()


def same_value(a, b) -> bool:
    """Claim values agree: numbers as numbers, `;`-sets as sets, text case-insensitively."""
    x, y = _canon(a), _canon(b)
    if isinstance(x, float) and isinstance(y, float):
        return math.isclose(x, y, abs_tol=1e-9)
    return x == y


def _words(name: str) -> list[str]:
    words = re.sub(r"[’']", "'", name).casefold().split()
    return words[1:] if words[:1] == ["the"] else words


def same_speaker(gold: str, speaker: str, role: str | None = None) -> bool:
    """The same speaker as written in two ways: a leading "the" aside, one name ends the other
    ("Putin" / "Vladimir Putin"; "Li Hui" / "Vice Foreign Minister Li Hui"), or the gold names the
    role and the speaker together. A lone lower-case word ("service") is a fragment, not a name."""
    g, s = _words(gold), _words(speaker)
    if not g or not s:
        return False
    if role and g == _words(f"{role} {speaker}"):
        return True
    if g == s:
        return True
    (short, short_name), (long_, _) = sorted(((g, gold), (s, speaker)), key=lambda p: len(p[0]))
    if len(short) == 1 and not short_name.split()[-1][:1].isupper():
        return False
    return long_[len(long_) - len(short):] == short


def _missing(v) -> bool:
    return v is None or (not isinstance(v, (list, tuple, frozenset)) and pd.isna(v))


def _str(v) -> str | None:
    if _missing(v):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else str(v)


def as_of_agrees(gold: str | None, row: dict) -> bool | None:
    """Whether an extracted count speaks of the time the gold says (None when the gold gives none)."""
    if gold is None:
        return None
    got, got_date = _str(row.get("as_of")), _str(row.get("as_of_date"))
    if gold in ("publication", "after_event"):
        return got == gold
    if gold == "earlier":
        return got not in (None, "publication", "after_event")
    for g in (got, got_date if got not in ("publication", "after_event") else None):
        if g and _AS_OF_DATE.fullmatch(g) and (g.startswith(gold) or gold.startswith(g)):
            return True
    return False


def _details_hold(entry: Entry, row: dict) -> bool:
    for name, want in entry.details.items():
        if name == "note":
            continue
        if name == "evidence":
            if want not in (row.get("sentence") or ""):
                return False
        elif _str(row.get(name)) != want:
            return False
    return True


def accepts(entry: Entry, row: dict, strict: bool = False, yearless_ok: bool = False) -> bool:
    """Whether the gold entry accepts an extracted row (a dict of its columns plus ``sentence``).

    Positional fields are compared (null = any, except ``year`` and ``as_of`` under ``strict``);
    details only under ``strict`` (the seeds' exact gold). ``yearless_ok``: a row with no year does
    not contradict a gold year (used for precision: a missing year is a miss, not a wrong fact).
    """
    f = entry.fields
    t = entry.table
    if t == "membership":
        year = None if _missing(row.get("year")) else int(row["year"])
        year_ok = (
            (f["year"] is None and not strict) or year == f["year"] or (yearless_ok and year is None and not strict)
        )
        ok = (row["iso3"] == f["iso3"] and row["status"] in f["statuses"] and year_ok
              and (f["modality"] is None or row["modality"] == f["modality"]))
    elif t == "counts":
        ok = row["status"] == f["status"] and int(row["count"]) == f["count"]
        if strict:
            ok = ok and _str(row.get("as_of")) == f["as_of"]
    elif t == "claims":
        ok = row["claim_key"] == f["claim_key"] and same_value(row["value"], f["value"])
    elif strict:
        ok = (row["speaker"] == f["speaker"] and row["cue"] == f["cue"]
              and _str(row.get("role")) == entry.details.get("role"))
    else:
        ok = (
            same_speaker(f["speaker"], row["speaker"], _str(row.get("role")))
            and row["cue"].casefold() == f["cue"].casefold()
        )
    return ok and (not strict or _details_hold(entry, row))


def _found_key(table: str, row: dict, strict: bool) -> tuple:
    if strict:
        return tuple(_str(v) for k, v in row.items() if k not in ("start", "end", "quote", "sentence"))
    if table == "membership":
        return row["iso3"], row["status"], _str(row.get("year")), row["modality"]
    if table == "counts":
        return row["status"], int(row["count"])
    if table == "claims":
        c = _canon(row["value"])
        return row["claim_key"], tuple(sorted(c)) if isinstance(c, frozenset) else c
    return str(row["speaker"]).casefold(), str(row["cue"]).casefold(), _str(row.get("role"))


def _describe(table: str, d: dict) -> str:
    parts = []
    for k, v in d.items():
        if _missing(v) or k in ("sentence", "sentence_id", "start", "end", "quote", "article_id", "note"):
            continue
        if isinstance(v, (list, tuple)):
            v = "/".join(map(str, v))
        parts.append(f"{v}" if k in ("iso3", "statuses", "status", "claim_key", "speaker") else f"{k}={_str(v)}")
    if table == "claims" and len(parts) >= 2:
        parts[0:2] = [f"{d['claim_key']}={d['value']}"]
    return " ".join(parts)


# ---------------------------------------------------------------- scoring


def _ratio(a: int, b: int) -> float:
    return a / b if b else math.nan


def _f1(r: float, p: float) -> float:
    if math.isnan(r) or math.isnan(p):
        return math.nan
    return 2 * r * p / (r + p) if r + p else 0.0


def _score_row(article: str, table: str, n_gold: int, n_found: int, hit_gold: int, hit_found: int,
               as_of_agree: int) -> dict:
    r, p = _ratio(hit_gold, n_gold), _ratio(hit_found, n_found)
    as_of_agree = as_of_agree if table == "counts" else pd.NA
    return {"article": article, "table": table, "n_gold": n_gold, "n_found": n_found, "matched_gold": hit_gold,
            "matched_found": hit_found, "recall": r, "precision": p, "f1": _f1(r, p), "as_of_agree": as_of_agree}


def _hint(table: str, entry: Entry, sents: pd.DataFrame) -> tuple[int | None, str | None]:
    """A sentence to show beside a miss: the gold's evidence, else one that names the fact."""
    ev = entry.details.get("evidence")
    f = entry.fields
    for row in sents.itertuples():
        text = row.text
        if ev is not None:
            hit = ev in text
        elif table == "membership":
            hit = f["iso3"] in {m.iso3 for m in countries.find(text)}
        elif table == "counts":
            hit = re.search(rf"\b{f['count']}\b", text) is not None
        elif table == "claims" and not _ISO3.fullmatch(f["value"]) and len(f["value"]) > 2:
            hit = f["value"].split("/")[0].split(";")[0].casefold() in text.casefold()
        elif table == "attributions":
            hit = f["speaker"] in text
        else:
            hit = False
        if hit:
            return int(row.sentence_id), text
    return None, None


def _score_one(table: str, g: ArticleGold, rows: list[dict], sents: pd.DataFrame, strict: bool
               ) -> tuple[list[int], list[dict]]:
    """One article, one table: ``[n_gold, n_found, matched_gold, matched_found, as_of_agree]`` and its errors."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault(_found_key(table, r, strict), []).append(r)
    entries = g.entries[table]
    errors = []
    hit_gold = agree = 0
    for e in entries:
        matched = [r for rs in groups.values() for r in rs if accepts(e, r, strict)]
        if matched:
            hit_gold += 1
            agree += table == "counts" and any(as_of_agrees(e.fields["as_of"], r) for r in matched)
            continue
        sid, text = _hint(table, e, sents)
        errors.append({"article": g.file, "table": table, "error": "miss", "fact": e.text(),
                       "sentence_id": sid, "sentence": text, "note": e.details.get("note")})
    hit_found = 0
    for rs in groups.values():
        if any(accepts(e, r, strict, yearless_ok=True) for e in entries for r in rs):
            hit_found += 1
            continue
        r = rs[0]
        forbidden = table == "membership" and r["iso3"] in g.forbid
        errors.append({"article": g.file, "table": table, "error": "extra",
                       "fact": _describe(table, {k: r.get(k) for k in FOUND_COLUMNS[table]}),
                       "sentence_id": r.get("sentence_id"), "sentence": r.get("sentence"),
                       "note": "country the gold forbids any status" if forbidden else None})
    return [len(entries), len(groups), hit_gold, hit_found, agree], errors


def score(tables: dict[str, pd.DataFrame], gold: dict[str, ArticleGold], strict: bool = False
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score extracted ``tables`` (as ``pipeline.build`` returns them) against ``gold``.

    Returns ``(scores, errors)``: the tidy ``eval_scores`` and ``eval_errors`` tables (see ``schema``).
    Articles in the corpus without gold are not scored. ``strict`` is for exhaustive gold such as the
    seeds': a null year means no year, details must match, every extracted row counts separately per
    sentence, and claim precision covers every claim key.
    """
    article_of = dict(zip(tables["articles"]["file"], tables["articles"]["article_id"]))
    families = claim_families()
    gold_families = {family(e.fields["claim_key"], families) for g in gold.values() for e in g.entries["claims"]}
    sentences = tables["sentences"]
    tables_scored = [t for t in TABLES if t != "attributions" or any(g.has_attributions for g in gold.values())]
    score_rows, errors = [], []
    totals = {t: [0] * 5 for t in tables_scored}
    for file, g in gold.items():
        aid = article_of[file]
        sents = sentences[sentences["article_id"] == aid]
        text_of = dict(zip(sents["sentence_id"], sents["text"]))
        for table in tables_scored:
            if table == "attributions" and not g.has_attributions:
                continue
            df = tables[table]
            rows = [
                dict(r, sentence=text_of.get(r["sentence_id"])) for r in df[df["article_id"] == aid].to_dict("records")
            ]
            if table == "claims":
                rows = [r for r in rows if not r["claim_key"].startswith("status.")
                        and (strict or family(r["claim_key"], families) in gold_families)]
            n, errs = _score_one(table, g, rows, sents, strict)
            errors += errs
            totals[table] = [a + b for a, b in zip(totals[table], n)]
            score_rows.append(_score_row(file, table, *n))
    score_rows += [_score_row(ALL, table, *n) for table, n in totals.items()]
    return schema.frame("eval_scores", score_rows), schema.frame("eval_errors", errors)


def check_corpus(
    gold: dict[str, ArticleGold], articles: pd.DataFrame, gold_path: str | Path, corpus: str | Path
) -> None:
    """Every article the gold names must be in the corpus."""
    missing = sorted(set(gold) - set(articles["file"]))
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise InputError(gold_path, f"names {missing[0]!r}{more}, which is not an article of {corpus}")


def evaluate(corpus: str | Path, gold_path: str | Path, strict: bool = False
             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the pipeline on ``corpus`` and score it against the gold file: ``(scores, errors)``."""
    from sco_analysis import pipeline

    gold = load_gold(gold_path)
    tables = pipeline.build(corpus)
    check_corpus(gold, tables["articles"], gold_path, corpus)
    return score(tables, gold, strict=strict)


# ---------------------------------------------------------------- floors and output


def read_floors(path: str | Path) -> dict[str, dict[str, float]]:
    """``{table: {"recall"|"precision"|"f1": floor}}`` from a JSON file (keys starting ``_`` are comments)."""
    path = Path(path)
    data = _read_json(path, "floors")
    floors = {k: v for k, v in data.items() if not k.startswith("_")} if isinstance(data, dict) else None
    if floors is None or not all(
            t in TABLES and isinstance(m, dict) and all(
                k in ("recall", "precision", "f1") and isinstance(x, (int, float)) for k, x in m.items())
            for t, m in floors.items()):
        raise InputError(path, 'must map tables to floors, e.g. {"membership": {"recall": 0.6, "precision": 0.9}}')
    return floors


def below_floors(scores: pd.DataFrame, floors: dict[str, dict[str, float]]) -> list[str]:
    """One line per overall figure below its floor (a figure the corpus cannot measure counts as below)."""
    overall = scores[scores["article"] == ALL].set_index("table")
    out = []
    for table, metrics in floors.items():
        for metric, floor in metrics.items():
            got = overall[metric].get(table, math.nan) if table in overall.index else math.nan
            if not got >= floor:
                out.append(f"{table} {metric} {got:.3f} is below the floor {floor:.3f}")
    return out


def _fmt(x: float) -> str:
    return "   - " if pd.isna(x) else f"{x:5.2f}"


def render(scores: pd.DataFrame, errors: pd.DataFrame, width: int = 160) -> str:
    """Scores per article, then overall, then every miss and extra with its sentence."""
    lines = []
    name_w = max([len("article")] + [len(a) for a in scores["article"]])
    head = f"{'article':<{name_w}}  {'table':<12} {'recall':>16} {'precision':>16} {'F1':>5}"
    for title, part in (
        ("per article", scores[scores["article"] != ALL]),
        ("overall", scores[scores["article"] == ALL]),
    ):
        lines += [f"== {title}", head]
        for r in part.itertuples():
            extra = (
                f"  as_of agrees {r.as_of_agree}/{r.matched_gold}"
                if r.table == "counts" and not pd.isna(r.as_of_agree)
                else ""
            )
            lines.append(f"{r.article:<{name_w}}  {r.table:<12} {_fmt(r.recall)} ({r.matched_gold:>3}/{r.n_gold:<3})"
                         f"  {_fmt(r.precision)} ({r.matched_found:>3}/{r.n_found:<3}) {_fmt(r.f1)}{extra}")
    lines.append(f"== misses and extras ({len(errors)})")
    for r in errors.itertuples():
        sent = "" if pd.isna(r.sentence) else " ".join(str(r.sentence).split())
        if len(sent) > width:
            sent = sent[: width - 1] + "…"
        note = "" if pd.isna(r.note) else f"  [{r.note}]"
        sid = "" if pd.isna(r.sentence_id) else f"#{r.sentence_id} "
        lines.append(f"{r.article}  {r.table} {r.error.upper()}: {r.fact}{note}")
        lines.append(f"    {sid}{sent or '(no sentence names it)'}")
    return "\n".join(lines)
