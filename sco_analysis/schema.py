"""Column names, dtypes and controlled vocabularies of every table, in one place.

Each table is declared once in ``TABLES``; ``empty(name)`` builds a typed empty frame,
``frame(name, rows)`` builds one from a list of dicts, and ``validate(name, df)`` checks a frame
with pandera (columns present and ordered, dtypes, allowed values, offsets sane). The README's
data dictionary is generated from the same declarations (``data_dictionary()``), so code and
documentation cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

STR = "string"
INT = "Int64"
FLOAT = "float64"
DATE = "datetime64[s]"

SENTENCE_KINDS = (
    "headline", "dek", "byline", "section", "caption", "credit", "source_note", "furniture", "body",
)
STATUSES = ("founding_member", "member", "observer", "dialogue_partner", "partner")
MODALITIES = ("reported", "expected")
DATE_PRECISIONS = ("day", "month", "year", "none")
VERDICTS = ("agree", "conflict", "single_source")
REFERENCE_VERDICTS = ("supported", "refuted", "not_enough_info")
DATE_BASES = ("published", "estimated", "unknown")


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    doc: str
    allowed: tuple | None = None
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    name: str
    row: str
    columns: tuple[Column, ...]
    extra_columns_allowed: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name, dtype, doc, allowed=None, nullable=True):
    return Column(name, dtype, doc, allowed, nullable)


PROVENANCE = (
    _c("article_id", STR, "Article the row was read from (see `articles`).", nullable=False),
    _c("sentence_id", INT, "Sentence within the article (see `sentences`).", nullable=False),
    _c("start", INT, "Character offset where the evidence starts in the article text.", nullable=False),
    _c("end", INT, "Character offset just past the evidence; `text[start:end] == quote`.", nullable=False),
    _c("quote", STR, "The exact words the row was read from.", nullable=False),
)

TABLES: dict[str, Table] = {}


def _table(name, row, columns, **kw):
    TABLES[name] = Table(name, row, tuple(columns), **kw)


_table("articles", "one article read from the seeds folder", [
    _c("article_id", STR, "Stable id: the file name without `.txt`.", nullable=False),
    _c("file", STR, "File name inside the seeds folder.", nullable=False),
    _c("outlet", STR, "Publisher as named in the catalog."),
    _c("title", STR, "Headline as given in the catalog."),
    _c("published", DATE, "Publication date from the catalog; empty when the article does not give it."),
    _c("published_estimate", DATE, "Analyst's estimate of the date when `published` is empty (catalog; see `notes`)."),
    _c("reference_date", DATE, "Date relative expressions are resolved against: `published`, else `published_estimate`."),
    _c("reference_date_basis", STR, "Where `reference_date` came from.", DATE_BASES, nullable=False),
    _c("kind", STR, "Kind of piece: `preview`, `report`, ... (catalog)."),
    _c("based_on", STR, "Source the piece says it is based on (catalog)."),
    _c("language", STR, "ISO 639-1 language code (catalog)."),
    _c("address", STR, "Web address where known (catalog)."),
    _c("accessed", DATE, "Date the snapshot was taken (catalog)."),
    _c("notes", STR, "Analyst's notes on the catalog row."),
    _c("n_chars", INT, "Characters in the decoded text.", nullable=False),
    _c("n_sentences", INT, "Rows in `sentences` for this article (all kinds).", nullable=False),
    _c("n_body_sentences", INT, "Body sentences (the ones facts are read from).", nullable=False),
    _c("sha256", STR, "SHA-256 of the file's bytes: the snapshot's fingerprint.", nullable=False),
], extra_columns_allowed=True, notes=("Extra catalog columns are kept after these.",))

_table("sentences", "one sentence of body text, or one whole non-body line (headline, caption, ...)", [
    _c("article_id", STR, "Article (see `articles`).", nullable=False),
    _c("sentence_id", INT, "0-based position in the article, in reading order.", nullable=False),
    _c("paragraph_id", INT, "0-based index of the non-empty line the sentence sits in.", nullable=False),
    _c("start", INT, "Character offset of the first character.", nullable=False),
    _c("end", INT, "Offset just past the last character; `text[start:end] == text`.", nullable=False),
    _c("kind", STR, "What the line is; `furniture` is the page around the article (login prompts, counters, "
       "a language switch, a repeated headline or paragraph), kept but not read.", SENTENCE_KINDS, nullable=False),
    _c("text", STR, "The sentence, exactly as in the file.", nullable=False),
])

_table("membership", "one claim that a country holds (or will hold) an SCO status", [
    *PROVENANCE,
    _c("country", STR, "Country as written in the text.", nullable=False),
    _c("iso3", STR, "ISO 3166-1 alpha-3 code.", nullable=False),
    _c("status", STR, "Status claimed.", STATUSES, nullable=False),
    _c("year", INT, "Year the status was (or will be) gained, when the text gives or implies it."),
    _c("date", DATE, "Day (or first day of the month/year) the status was gained, when given."),
    _c("date_precision", STR, "How much of `date` the text gives.", DATE_PRECISIONS, nullable=False),
    _c("modality", STR, "`reported` (has happened) or `expected` (will happen).", MODALITIES, nullable=False),
])

_table("counts", "one claimed size of a group of SCO states", [
    *PROVENANCE,
    _c("status", STR, "Which group is counted.", STATUSES, nullable=False),
    _c("count", INT, "Number claimed.", nullable=False),
    _c("modality", STR, "`reported` or `expected`.", MODALITIES, nullable=False),
    _c("as_of", STR, "`publication`, `after_event`, or an ISO date the count refers to.", nullable=False),
    _c("as_of_date", DATE, "`as_of` resolved to a date, when it can be."),
])

_table("themes", "one (sentence, theme) pair: the sentence touches the theme", [
    *PROVENANCE,
    _c("theme_id", STR, "Theme id from `sco_analysis/data/themes.csv`.", nullable=False),
    _c("theme_label", STR, "Human label of the theme.", nullable=False),
    _c("terms", STR, "The matched terms, `;`-joined, in text order.", nullable=False),
])

_table("claims", "one atomic, comparable claim an article makes", [
    *PROVENANCE,
    _c("claim_key", STR, "Controlled key (see `sco_analysis/data/claim_keys.csv`).", nullable=False),
    _c("value", STR, "Normalised value (ISO3 codes, ISO dates, fractions as decimals, sets `;`-joined sorted).", nullable=False),
    _c("modality", STR, "`reported` or `expected`.", MODALITIES, nullable=False),
    _c("as_of", STR, "`publication`, `after_event`, an ISO date, or `timeless` for dated historical facts.", nullable=False),
    _c("as_of_date", DATE, "`as_of` resolved to a date, when it can be."),
])

_table("attributions", "one statement the article attributes to a named speaker or body", [
    *PROVENANCE,
    _c("speaker", STR, "Who is cited, as written (person or organisation).", nullable=False),
    _c("role", STR, "Role or organisation given with the speaker."),
    _c("cue", STR, "The reporting word: said, according to, emphasized, praised, ...", nullable=False),
])

_table("comparison", "one (claim_key, time frame, article) cell of the claim matrix", [
    _c("claim_key", STR, "Controlled claim key.", nullable=False),
    _c("frame", STR, "Time frame compared within: claims about different states of the SCO are not compared.", nullable=False),
    _c("article_id", STR, "Article making the claim.", nullable=False),
    _c("value", STR, "The article's normalised value.", nullable=False),
    _c("modality", STR, "`reported` or `expected`.", MODALITIES, nullable=False),
    _c("as_of", STR, "As in `claims`.", nullable=False),
    _c("as_of_date", DATE, "As in `claims`."),
    _c("checked_on", DATE, "Day the reference was consulted for: `as_of_date`, else the article date; for `expected` claims the end of the summit they anticipate. Empty for timeless keys."),
    _c("n_articles", INT, "Articles making a claim with this key in this frame.", nullable=False),
    _c("verdict", STR, "Across articles.", VERDICTS, nullable=False),
    _c("n_agree", INT, "Other articles giving the same value in this frame.", nullable=False),
    _c("n_conflict", INT, "Other articles giving only other values in this frame.", nullable=False),
    _c("agrees_with", STR, "`;`-joined ids of those articles (the first 50, sorted, when there are more)."),
    _c("conflicts_with", STR, "`;`-joined ids of those articles (the first 50, sorted, when there are more)."),
    _c("reference_value", STR, "What the reference dataset says for the same key and date."),
    _c("reference_verdict", STR, "FEVER label against the reference.", REFERENCE_VERDICTS, nullable=False),
    _c("reference_note", STR, "How the check was made (tolerance, measure, date used)."),
    _c("quote", STR, "Evidence quote from the article.", nullable=False),
    _c("sentence_id", INT, "Sentence of the evidence."),
    _c("start", INT, "Offset of the evidence."),
    _c("end", INT, "Offset past the evidence."),
    _c("reference_source", STR, "Citation of the reference row used (outlet, title, address, date)."),
])

_table("pairwise", "one pair of articles: how their comparable claims line up", [
    _c("article_a", STR, "First article (ids in sorted order).", nullable=False),
    _c("article_b", STR, "Second article.", nullable=False),
    _c("n_shared", INT, "(claim_key, frame) cells both articles fill.", nullable=False),
    _c("n_agree", INT, "Shared cells where they give the same value.", nullable=False),
    _c("n_conflict", INT, "Shared cells where they give different values.", nullable=False),
], notes=("Computed on demand by `compare.pairwise(comparison)` (it grows with the square of the number of articles); `extract` does not write it.",))

_table("sources", "one article, summarised as a source", [
    _c("article_id", STR, "Article.", nullable=False),
    _c("outlet", STR, "Publisher."),
    _c("published", DATE, "Publication date (or estimate, see `date_basis`)."),
    _c("date_basis", STR, "Where the date came from.", DATE_BASES, nullable=False),
    _c("kind", STR, "preview / report / ..."),
    _c("based_on", STR, "What the piece says it is based on."),
    _c("cites", STR, "`;`-joined speakers it cites (from `attributions`)."),
    _c("n_attributions", INT, "Attributions found.", nullable=False),
    _c("n_claims", INT, "Claims made.", nullable=False),
    _c("n_supported", INT, "Claims the reference supports.", nullable=False),
    _c("n_refuted", INT, "Claims the reference refutes.", nullable=False),
    _c("n_not_enough_info", INT, "Claims the reference cannot settle.", nullable=False),
    _c("distinctive_themes", STR, "`;`-joined themes this article gives the most weight relative to the others."),
])

_table("unthemed", "one body sentence that matched no theme (reported, not dropped)", [
    _c("article_id", STR, "Article.", nullable=False),
    _c("sentence_id", INT, "Sentence.", nullable=False),
    _c("text", STR, "The sentence.", nullable=False),
])

_table("eval_scores", "one (article, table) of an evaluation against hand gold, or the overall figure", [
    _c("article", STR, "Article file the gold names, or `ALL` for the corpus (micro-averaged: sums of matches over sums of records).", nullable=False),
    _c("table", STR, "Table scored.", ("membership", "counts", "claims", "attributions"), nullable=False),
    _c("n_gold", INT, "Gold entries.", nullable=False),
    _c("n_found", INT, "Distinct extracted facts scored (see `tests/corpus/GOLD.md` for what counts as one).", nullable=False),
    _c("matched_gold", INT, "Gold entries some extracted row satisfies.", nullable=False),
    _c("matched_found", INT, "Extracted facts some gold entry accepts.", nullable=False),
    _c("recall", FLOAT, "`matched_gold / n_gold`; empty when there is no gold entry."),
    _c("precision", FLOAT, "`matched_found / n_found`; empty when nothing was extracted."),
    _c("f1", FLOAT, "Harmonic mean of recall and precision; empty when either is."),
    _c("as_of_agree", INT, "Counts only: matched gold counts whose time (`as_of`) also agrees."),
], notes=("Computed by `python -m sco_analysis eval` (`evaluation.score`); `extract` does not write it.",))

_table("eval_errors", "one miss (gold entry nothing extracted satisfies) or extra (extracted fact no gold entry accepts)", [
    _c("article", STR, "Article file.", nullable=False),
    _c("table", STR, "Table.", ("membership", "counts", "claims", "attributions"), nullable=False),
    _c("error", STR, "`miss` or `extra`.", ("miss", "extra"), nullable=False),
    _c("fact", STR, "The fact, written out (country, status, year, modality; status, count, as_of; key=value; speaker, cue).", nullable=False),
    _c("sentence_id", INT, "Sentence of an extra; for a miss, the gold's evidence sentence or one that names the fact."),
    _c("sentence", STR, "That sentence's text."),
    _c("note", STR, "The gold's note on a miss; `country the gold forbids any status` on such an extra."),
], notes=("Computed by `python -m sco_analysis eval`; `extract` does not write it.",))

FACT_TABLES = ("membership", "counts", "themes", "claims", "attributions")
EXTRACT_TABLES = ("articles", "sentences", *FACT_TABLES, "comparison", "sources", "unthemed")


def empty(name: str) -> pd.DataFrame:
    """A typed frame with the table's columns and no rows."""
    t = TABLES[name]
    return pd.DataFrame({c.name: pd.Series([], dtype=c.dtype) for c in t.columns})


_DEFERRED: ContextVar[bool] = ContextVar("sco_schema_checks_deferred", default=False)


@contextmanager
def checks_deferred() -> Iterator[None]:
    """Inside, ``frame`` casts but leaves the pandera check to the caller, who checks the assembled
    table once (the pipeline builds tables in many small shards; a check costs ~10 ms per table)."""
    token = _DEFERRED.set(True)
    try:
        yield
    finally:
        _DEFERRED.reset(token)


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Build the table from row dicts once, cast to the declared dtypes, and validate it
    (unless inside ``checks_deferred``)."""
    t = TABLES[name]
    if not rows:
        return empty(name)
    df = pd.DataFrame.from_records(rows)
    missing = [n for n in t.names if n not in df.columns]
    if missing:
        raise ValueError(f"table {name}: rows lack columns {missing}")
    extras = [n for n in df.columns if n not in t.names] if t.extra_columns_allowed else []
    df = df[t.names + extras]
    df = cast(name, df)
    return df if _DEFERRED.get() else validate(name, df)


def cast(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Cast declared columns to their dtypes (extra columns become strings)."""
    t = TABLES[name]
    out = {}
    for c in t.columns:
        s = df[c.name]
        if c.dtype == DATE:
            s = pd.to_datetime(s, errors="raise").astype(DATE)
        else:
            s = s.astype(c.dtype)
        out[c.name] = s
    for n in df.columns:
        if n not in out:
            out[n] = df[n].astype(STR)
    return pd.DataFrame(out, index=df.index).reset_index(drop=True)


def _pandera_schema(t: Table) -> pa.DataFrameSchema:
    cols = {}
    for c in t.columns:
        checks = [pa.Check.isin(list(c.allowed))] if c.allowed else []
        cols[c.name] = pa.Column(c.dtype, checks=checks, nullable=c.nullable)
    frame_checks = []
    if {"start", "end"} <= set(t.names):
        frame_checks.append(pa.Check(lambda d: (d["start"] <= d["end"]) | d["start"].isna(),
                                     error="start must not exceed end"))
    return pa.DataFrameSchema(cols, checks=frame_checks, strict=not t.extra_columns_allowed,
                              ordered=True, coerce=False)


_SCHEMAS: dict[str, pa.DataFrameSchema] = {}


def validate(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Check a frame against its declaration; raise pandera's error naming column and rows."""
    if name not in _SCHEMAS:
        _SCHEMAS[name] = _pandera_schema(TABLES[name])
    return _SCHEMAS[name].validate(df)


def data_dictionary() -> str:
    """Markdown data dictionary generated from the declarations."""
    parts = []
    for t in TABLES.values():
        parts.append(f"### `{t.name}`\n\nOne row = {t.row}.\n")
        parts.append("| column | dtype | meaning |\n|---|---|---|")
        for c in t.columns:
            allowed = f" One of: {', '.join(f'`{a}`' for a in c.allowed)}." if c.allowed else ""
            parts.append(f"| `{c.name}` | {c.dtype} | {c.doc}{allowed} |")
        parts.extend(f"\n{n}" for n in t.notes)
        parts.append("")
    return "\n".join(parts)


if __name__ == "__main__":
    print(data_dictionary(), end="")
