"""Finds country names and demonyms in text, with offsets, and resolves them to ISO 3166 alpha-3.

Names come from pycountry (short, official and common names, plus "Republic of X" readings of the
comma forms) and from ``data/country_aliases.csv`` (news usage: "Russia", "the UAE", "Türkiye").
Demonyms ("Russian", "Kazakh") come from ``data/demonyms.csv`` and are flagged ``demonym=True``:
they name a country's people or officials, not a claim about the country. Capitals are not
countries and are not listed, except where a capital opens a sentence as its subject and so stands
for its government ("Islamabad had been an observer since 2005"): ``capital_subject``, with the
capitals in ``data/capitals.csv``. Matching is case-sensitive on the written form (plus an all-caps
form for headlines), so "China" matches and "china" (porcelain) does not.

Misspelt names ("Kyrgyzatan", "Uzbekstan") are read only where a list makes them a country: a
capitalised word that stands next to a country name in a list (", X", " and X", "X, ") and that
rapidfuzz scores at least ``FUZZY_MIN_SCORE`` against one country name with the same first letter,
both at least ``FUZZY_MIN_LENGTH`` letters long. Outside lists, a near-miss word ("Slovenian",
"Indiana", "Kazan") is never a country. Old transliterations ("Tadzhikistan", "Kirghizia") are
aliases, written in the data, not guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

from sco_analysis.resources import DATA

FUZZY_MIN_SCORE = 88
FUZZY_MIN_LENGTH = 6
_DEMONYM_NOT_BEFORE = r"(?!\s+Ocean\b)"


@dataclass(frozen=True)
class Mention:
    """One country name or demonym in a text: ``text[start:end] == name``."""

    start: int
    end: int
    name: str
    iso3: str
    demonym: bool


def _read_pairs(path: Path, key: str) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8") as fh:
        return {row[key].strip(): row["iso3"].strip() for row in csv.DictReader(fh) if row[key].strip()}


def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if not value or "(" in value:
                continue
            if ", " in value:
                head, tail = value.split(", ", 1)
                if tail.split()[-1].lower() in {"of", "the"}:
                    value = f"{tail} {head}".replace("The ", "the ")
                else:
                    continue
            value = re.sub(r"^the\s+", "", value)
            names.setdefault(value, c.alpha_3)
    return names


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    names = _pycountry_names()
    names.update(_read_pairs(DATA / "country_aliases.csv", "alias"))
    demonyms = _read_pairs(DATA / "demonyms.csv", "demonym")
    return names, demonyms


def _variants(form: str) -> set[str]:
    out = {form}
    if len(form) >= 4 and form.upper() != form:
        out.add(form.upper())
    return out


def _plural_ok(demonym: str) -> bool:
    return not demonym.endswith(("s", "sh", "ch", "ese", "z"))


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    names, demonyms = _tables()
    lookup: dict[str, tuple[str, bool]] = {}
    for dem, iso in demonyms.items():
        for v in _variants(dem):
            lookup[v] = (iso, True)
    for name, iso in names.items():
        for v in _variants(name):
            lookup[v] = (iso, False)
    # Longest form first; grouped by first character (in that order within a group), so that only
    # the forms starting with the character at hand are tried: the same match, found faster.
    by_first: dict[str, list[str]] = {}
    for form in sorted(lookup, key=len, reverse=True):
        rest = re.escape(form[1:])
        iso, dem = lookup[form]
        if dem:
            rest += ("s?" if _plural_ok(form) else "") + _DEMONYM_NOT_BEFORE
        by_first.setdefault(form[0], []).append(rest)
    alts = [re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items()]
    # A name ends where Latin letters and digits end: a letter of another script typed against it is not part of
    # it ("Turkeyو and Sri Lanka", a Persian "and" glued on by a bilingual keyboard).
    latin_end = r"(?![0-9A-Za-z_\u00C0-\u024F]|\.\w)"
    return re.compile(r"(?=[A-Z\u00C0-\u00DE])(?<![\w.])(?:" + "|".join(alts) + ")" + latin_end), lookup


def find(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every country name or demonym in ``text[start:end]``, in text order, offsets into ``text``;
    misspelt names count only beside a country name in a list (see the module docstring)."""
    pattern, lookup = _pattern()
    end = len(text) if end is None else end
    out = []
    for m in pattern.finditer(text, start, end):
        written = m.group(0)
        key = written if written in lookup else written[:-1]
        iso, dem = lookup[key]
        out.append(Mention(m.start(), m.end(), written, iso, dem))
    if out:
        out = _with_misspelt_neighbours(text, start, end, out)
    return out


# A list neighbour: the word after a country name (", X", " and X", ", and X", " & X") or before it
# ("X, ", "X and "). Example: "China, Russia, Kazakhstan, Kyrgyzatan, Tadzhikistan and Uzbekistan".
_WORD = r"[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+"
_NEXT_IN_LIST = re.compile(
    rf"""(?:\s*,\s*(?:and\s+)?       # ", X" or ", and X"
         |\s+(?:and|&)\s+            # " and X"
        )(?P<word>{_WORD})(?![\w-])""", re.VERBOSE)
_PREV_IN_LIST = re.compile(
    rf"""(?<![\w-])(?P<word>{_WORD})
         (?:\s*,\s*                   # "X, China"
         |\s+(?:and|&)\s+            # "X and China"
        )$""", re.VERBOSE)


@lru_cache(maxsize=1)
def _fuzzy_choices() -> dict[str, str]:
    """Country names (not demonyms) of one word long enough to be matched fuzzily, by name."""
    names, _ = _tables()
    return {n: iso for n, iso in names.items() if len(n) >= FUZZY_MIN_LENGTH and " " not in n and n.isalpha()}


@lru_cache(maxsize=65536)
def misspelt(word: str) -> str | None:
    """ISO3 of the country name ``word`` is a near spelling of, or None: one-word names only,
    same first letter, rapidfuzz ratio at least ``FUZZY_MIN_SCORE``."""
    if len(word) < FUZZY_MIN_LENGTH or resolve(word):
        return None
    choices = {n: iso for n, iso in _fuzzy_choices().items() if n[0] == word[0]}
    best = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
    if not best or word.startswith(best[0]):  # "Slovenian" is Slovenia's adjective, not a misspelling
        return None
    return choices[best[0]]


def _with_misspelt_neighbours(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """``found`` plus each misspelt country name standing next to a country name in a list,
    repeated so a run of misspellings is read from either side."""
    taken = None  # spans already read, built when a neighbour is first checked
    todo = [m for m in found if not m.demonym]
    out = list(found)
    while todo:
        m = todo.pop()
        hits = []
        nxt = _NEXT_IN_LIST.match(text, m.end, end)
        if nxt:
            hits.append(nxt.span("word"))
        before = text[max(start, m.start - 6):m.start]
        prev = _PREV_IN_LIST.search(text, max(start, m.start - 40), m.start) \
            if before.rstrip().endswith((",", "and", "&")) else None
        if prev:
            hits.append(prev.span("word"))
        for a, b in hits:
            if taken is None:
                taken = {(m.start, m.end) for m in found}
            if any(a < e and s < b for s, e in taken):
                continue
            iso = misspelt(text[a:b])
            if iso:
                new = Mention(a, b, text[a:b], iso, False)
                taken.add((a, b))
                out.append(new)
                todo.append(new)
    return sorted(out, key=lambda m: m.start) if len(out) > len(found) else found


@lru_cache(maxsize=1)
def _lower_lookup() -> dict[str, tuple[str, bool]]:
    """``_pattern()``'s lookup keyed by lower-cased form; the first form in lookup order wins."""
    out: dict[str, tuple[str, bool]] = {}
    for form, value in _pattern()[1].items():
        out.setdefault(form.lower(), value)
    return out


_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=65536)
def resolve(name: str) -> str | None:
    """ISO3 for a country name (or demonym) as written, or None when it is not one.

    Falls back to pycountry's lookup for other spellings ("Tanzania, United Republic of"), but not
    for two- and three-letter strings, which would match ISO codes ("IN", "AS")."""
    _, lookup = _pattern()
    name = _THE.sub("", name.strip())
    hit = lookup.get(name)
    if hit is None and name[:1].isalpha():
        hit = lookup.get(name[0].upper() + name[1:])
    if hit is None and len(name) >= 4:
        hit = _lower_lookup().get(name.lower())
    if hit is None and len(name) > 3:
        try:
            return pycountry.countries.lookup(name).alpha_3
        except LookupError:
            return None
    return hit[0] if hit else None


@lru_cache(maxsize=1)
def _capitals() -> tuple[re.Pattern, dict[str, str]]:
    with open(DATA / "capitals.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    names = {r["capital"].strip(): r["iso3"].strip() for r in rows}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # The capital opens the sentence (after an adverb or a dateline dash at most) and a verb phrase or an
    # appositive follows: "Tehran joined the SCO in 2023", "Today Minsk, Moscow's closest ally, became a member".
    pattern = re.compile(rf"""
        [\s"“'‘]*(?:(?:Today|Now|Meanwhile|Earlier|Also|Since\s+then|Thus|Then|So)\s*,?\s+)?
        (?P<capital>{alternation})(?=\s+[a-z]|\s*,\s|['’]s\s)""", re.X)   # "Minsk's accession is expected ..."
    return pattern, names


def capital_subject(text: str, start: int, end: int) -> Mention | None:
    """The capital that opens ``text[start:end]`` as its subject, read as its country, or None."""
    pattern, names = _capitals()
    m = pattern.match(text, start, end)
    if m is None:
        return None
    name = m.group("capital")
    return Mention(m.start("capital"), m.end("capital"), name, names[name], False)

