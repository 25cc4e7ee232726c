"""Tags sentences with the themes of a user-editable taxonomy (``data/themes.csv``).

A theme is a list of terms; a sentence touches the theme when one of its terms occurs in it.
Terms are regular expressions matched case-insensitively at word boundaries (a term written
entirely in capitals, such as ``UN`` or ``BRI``, matches case-sensitively), and a space in a term
matches any run of spaces or a hyphen. Body sentences that touch no theme are returned in the
``unthemed`` table so that coverage is visible rather than silently lost.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from pathlib import Path
from re import _constants as _sre
from re import _parser as _sre_parser

import pandas as pd

from sco_analysis import schema
from sco_analysis.errors import InputError
from sco_analysis.reading.wordscan import WordScan, lowered
from sco_analysis.resources import DATA

DEFAULT_TAXONOMY = DATA / "themes.csv"
COLUMNS = ("theme_id", "label", "description", "terms")
THEMED_KINDS = ("headline", "dek", "section", "caption", "body")

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_SPACE = re.compile(r"(?<!\\) +")


def _term_pattern(term: str) -> str:
    body = _SPACE.sub(r"[\\s\\-]+", term)
    acronym = bool(re.search(r"[A-Z]{2}", term)) and not re.search(r"[a-z]", term)
    return f"(?{'-i' if acronym else 'i'}:{body})"


def _ordered(terms: list[str]) -> list[str]:
    """Longer terms first, so that at any position the alternation prefers the longest."""
    return sorted(terms, key=len, reverse=True)


@lru_cache(maxsize=4096)
def _compile(terms: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(_term_pattern(t) for t in terms) + r")(?!\w)")


def _sequence(items):
    """The items of a parsed pattern in order, with (non-repeated) groups opened up."""
    for op, av in items:
        if op is _sre.SUBPATTERN:
            yield from _sequence(av[3])
        else:
            yield op, av


def _required_word(pattern: str) -> str | None:
    """The longest run of ASCII characters that every match of ``pattern`` contains, lower-cased
    (a run of literal characters in its top-level sequence), or None when there is none."""
    best = run = ""
    for op, av in _sequence(_sre_parser.parse(pattern)):
        run = run + chr(av) if op is _sre.LITERAL and chr(av).isascii() else ""
        best = max(best, run, key=len)
    return best.lower() or None


class _Theme:
    """One theme's terms, each in its own ``WordScan`` family (the word every match of it contains).

    A sentence is searched with the alternation of just the terms whose word it holds: a term whose
    word is absent cannot match anywhere, so leaving it out changes no match, and a short alternation
    is much faster than the theme's whole one.
    """

    def __init__(self, theme_id: str, label: str, terms: list[str], first_bit: int):
        self.theme_id, self.label = theme_id, label
        self.terms = tuple(_ordered(terms))
        self.families = {f"{theme_id}#{i}": (None if w is None else [w])
                         for i, w in enumerate(_required_word(_term_pattern(t)) for t in self.terms)}
        self.bits = ((1 << len(self.terms)) - 1) << first_bit
        self.first_bit = first_bit
        self._patterns: dict[int, re.Pattern] = {}  # by the bits of the terms present

    def pattern(self, present: int) -> re.Pattern | None:
        """The alternation of the terms present (bits of the scan), or None when none is."""
        own = (present & self.bits) >> self.first_bit
        if not own:
            return None
        rx = self._patterns.get(own)
        if rx is None:
            rx = self._patterns[own] = _compile(tuple(t for i, t in enumerate(self.terms) if own >> i & 1))
        return rx


@lru_cache(maxsize=8)
def _matchers(rows: tuple[tuple[str, str, str], ...]) -> tuple[list[_Theme], WordScan]:
    """The themes of a taxonomy (theme_id, label, terms rows) and one scan for all their terms' words: built
    once per taxonomy, not once per shard of articles."""
    themes, families = [], {}
    for theme_id, label, terms in rows:
        theme = _Theme(theme_id, label, terms.split(";"), len(families))
        themes.append(theme)
        families.update(theme.families)
    return themes, WordScan(families)


def _unique(words) -> list[str]:
    seen: dict[str, str] = {}
    for w in words:
        seen.setdefault(" ".join(w.lower().replace("-", " ").split()), w)
    return list(seen.values())


def load_taxonomy(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check a taxonomy CSV (default: the packaged one); one row per theme.

    Raises ``InputError`` naming the file and row for a missing column, an empty or duplicate
    theme id, a theme without terms, or a term that is not a valid regular expression.
    """
    path = Path(path) if path is not None else DEFAULT_TAXONOMY
    if not path.is_file():
        raise InputError(path, "theme taxonomy file does not exist")
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "is not UTF-8; re-save the taxonomy as UTF-8") from None
    lines = [(n, line) for n, line in enumerate(raw.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise InputError(path, f"is empty; it needs a header row ({', '.join(COLUMNS)}) and one row per theme")
    try:
        parsed = list(csv.reader(io.StringIO("\n".join(line for _, line in lines))))
    except csv.Error as e:
        raise InputError(path, f"is not valid CSV ({e})") from None
    header = [h.strip() for h in parsed[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}", f"line {lines[0][0]}")
    rows, seen = [], {}
    for (lineno, _), cells in zip(lines[1:], parsed[1:]):
        where = f"line {lineno}"
        if len(cells) != len(header):
            raise InputError(path, f"has {len(cells)} fields, the header has {len(header)}", where)
        rec = {h: c.strip() for h, c in zip(header, cells)}
        tid = rec["theme_id"]
        if not _ID.fullmatch(tid):
            raise InputError(path, f"theme_id {tid!r} must start with a letter and use only letters, digits, _", where)
        if tid in seen:
            raise InputError(path, f"theme_id {tid!r} is used twice (first at line {seen[tid]})", where)
        seen[tid] = lineno
        terms = [t.strip() for t in rec["terms"].split(";") if t.strip()]
        if not terms:
            raise InputError(path, f"theme {tid!r} has no terms", where)
        for t in terms:
            try:
                re.compile(_term_pattern(t))
            except re.error as e:
                raise InputError(
                    path, f"theme {tid!r}: term {t!r} is not a valid regular expression ({e})", where
                ) from None
            if re.compile(_term_pattern(t)).fullmatch(""):
                raise InputError(path, f"theme {tid!r}: term {t!r} matches empty text", where)
        rows.append({"theme_id": tid, "label": rec["label"] or tid,
                     "description": rec["description"], "terms": ";".join(terms)})
    if not rows:
        raise InputError(path, "has no theme rows")
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype("string")


def extract_themes(corpus, taxonomy: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``themes`` table (one row per sentence and theme touched) and the ``unthemed`` table.

    Headlines, deks, section headings, captions and body sentences are tagged; ``unthemed``
    lists the body sentences that matched no theme. ``terms`` holds the matched words as written,
    in text order, each once.
    """
    taxonomy = load_taxonomy() if taxonomy is None else taxonomy
    themes, scan = _matchers(tuple(zip(taxonomy["theme_id"], taxonomy["label"], taxonomy["terms"])))
    rows, unthemed = [], []
    columns = (corpus.sentences[c].tolist() for c in ("article_id", "sentence_id", "start", "end", "kind", "text"))
    for aid, sid, start, end, kind, text in zip(*columns):
        if kind not in THEMED_KINDS:
            continue
        present = scan.mask(lowered(text))
        hit = False
        for theme in themes:
            rx = theme.pattern(present) if present & theme.bits else None
            if rx is None:
                continue
            found = _unique(m.group(0) for m in rx.finditer(text))
            if not found:
                continue
            hit = True
            rows.append({"article_id": aid, "sentence_id": sid, "start": start, "end": end, "quote": text,
                         "theme_id": theme.theme_id, "theme_label": theme.label, "terms": ";".join(found)})
        if not hit and kind == "body":
            unthemed.append({"article_id": aid, "sentence_id": sid, "text": text})
    return schema.frame("themes", rows), schema.frame("unthemed", unthemed)
