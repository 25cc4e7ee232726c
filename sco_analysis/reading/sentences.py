"""One reading of each sentence, shared by every table that reads facts from it.

``read(corpus)`` reads, once per sentence of the kinds in ``READ_KINDS``: its kind (headline lines
state the news in the present tense), its time expressions (``timeexpr``, resolved against the
article's reference date), its country mentions (demonyms dropped; a possessive kept only before an
accession or status noun, "Kuwait's admission") grouped into lists with the years distributed over
them ("India and Pakistan in 2017 and Iran in 2023"), and the time expressions no list took
(``free_dates``). Status words (``status_terms.csv``) and the reading vocabulary (``lexicon``) are
data. ``membership.extract_membership`` and ``membership.extract_counts`` take the same reading, so
they cannot read a sentence differently; ``pipeline`` reads each corpus once and passes it to both.

For claims (reader-c): ``read(corpus)[article_id]`` gives each sentence's ``dates`` already found;
``lexicon.modality``/``lexicon.FUTURE`` is the one future-marker list. Nothing here keeps state
between calls.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from sco_analysis.reading import countries, timeexpr
from sco_analysis.resources import DATA

READ_KINDS = ("headline", "dek", "section", "body")
# Lines that are read as headlines: present tense states the news ("SCO accepts Afghanistan as observer").
HEADLINE_KINDS = ("headline", "dek", "section")


def _read_terms() -> dict[str, str]:
    with open(DATA / "status_terms.csv", newline="", encoding="utf-8") as fh:
        return {r["term"].strip().lower(): r["status"].strip() for r in csv.DictReader(fh)}


def _phrase(term: str) -> str:
    return r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", term))


TERMS = _read_terms()
TERM_RE = "|".join(_phrase(t) for t in sorted(TERMS, key=len, reverse=True))
# A bare "partner" ("on a partner status"), resolved by ``_partner_status`` against the time it speaks of.
BARE_PARTNER = "partner?"


def term_status(term: str) -> str:
    low = term.lower()
    status = TERMS.get(re.sub(r"[\s-]+", " ", low), TERMS.get(low, "member"))
    return BARE_PARTNER if status == "partner" and "sco" not in low else status


# A possessive country name and what it gains: "Kuwait's admission into the organization as a dialogue partner".
POSS_STATUS = re.compile(rf"""
    ['’]s?\s+(?:(?:formal|official|eventual|final|recent|SCO)\s+)*
    (?:(?P<term>{TERM_RE})(?:\s+status)?                                # "Iran's full membership", "Mongolia's observer status"
    | (?P<noun>admission|accession|entry|joining|inclusion|elevation|upgrade)\b   # "Belarus's accession to the SCO"
    | (?P<wish>applications?|bids?|requests?)\b)                               # "India's application to join ... was accepted"
    (?P<next>\s+(?:application|bid|request|aspirations?|prospects?|chances|hopes?|ambitions?|quest|drive|push|efforts?|
                   process|procedures?|roadmap|talks|negotiations)\b)?""", re.I | re.X)


# ---------------------------------------------------------------- country lists

@dataclass
class CountryList:
    """Countries written as one list; ``dates[i]`` is the time expression distributed to item i."""

    items: list[countries.Mention]
    dates: list[timeexpr.DateMention | None] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end


_SEP = re.compile(r"""
    [^\x00-\u024F\s]{0,2}                 # a letter of another script typed against the name: "Turkeyو and Sri Lanka"
    (?:\s*\([A-Z][A-Z.]{1,6}\))?          # an abbreviation after the name: "the United Arab Emirates (UAE) and"
    (?:
      \s*,\s*(?:and\s+|as\s+well\s+as\s+|along\s+with\s+|together\s+with\s+|&\s+)?   # "A, B", "A, and B", "A, along with B"
    | \s+(?:and|as\s+well\s+as|&)\s+        # "A and B", "A as well as B"
    | \s*/\s*                              # "A/B"
    | \s+                                   # a missing comma: "Russia, and Tajikistan Uzbekistan"
    )
    (?:the\s+)?
    (?:(?:\d{1,2}|two|three|four|five|six|seven|eight)\s+)?            # a named group inside the list:
    (?:(?:[\w-]+\s+){0,3}?(?:states|countries|nations|republics)\s*(?:of\s+|:\s*)(?:the\s+)?)?
                                          # "China, Russia, and the Central Asian states of Kazakhstan, ..."
    (?:(?:[A-Z][\w'’-]+\s+){0,3}(?:Republic|Kingdom|State|Sultanate|Emirate|Federation)\s+of\s+(?:the\s+)?)?
                                          # a formal name the name table lacks: "the Islamic Republic of Iran and the Republic of Mongolia"
    """, re.I | re.X)
_BRACKETED = re.compile(r"\s*\(")
_DATE_PREP = re.compile(r"\s+(?:in|since|from|on|by|at\s+the\s+start\s+of)\s+(?:the\s+)?", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")


def _lists(text: str, mentions: list[countries.Mention], dates: list[timeexpr.DateMention], end: int) -> list[CountryList]:
    """Group adjacent country names into lists, attaching "in YEAR" to the group it follows; a name in
    brackets right after the same country ("the United Arab Emirates (UAE)") is the same item."""
    mentions = [m for i, m in enumerate(mentions)
                if not (i and m.iso3 == mentions[i - 1].iso3 and _BRACKETED.fullmatch(text, mentions[i - 1].end, m.start))]
    by_start = {d.start: d for d in dates}
    out: list[CountryList] = []
    current: CountryList | None = None
    pending = 0
    for m in mentions:
        if current is not None:
            gap = text[current.end:m.start]
            glue = _glue(gap, current.end, by_start)
            if glue is not False:
                if glue is not None:
                    for i in range(pending, len(current.items)):
                        current.dates[i] = glue
                    pending = len(current.items)
                current.items.append(m)
                current.dates.append(None)
                continue
            _close(text, current, pending, by_start, end)
            out.append(current)
        current = CountryList([m], [None])
        pending = 0
    if current is not None:
        _close(text, current, pending, by_start, end)
        out.append(current)
    return out


def _glue(gap: str, offset: int, by_start: dict) -> timeexpr.DateMention | bool | None:
    """None when ``gap`` is a plain list separator, the date when it is "in YEAR and", else False."""
    if _SEP.fullmatch(gap):
        return None
    p = _DATE_PREP.match(gap)
    if p and offset + p.end() in by_start:
        d = by_start[offset + p.end()]
        rest = gap[d.end - offset:]
        if _SEP.fullmatch(rest) and rest.strip():
            return d
    return False


def _close(text: str, lst: CountryList, pending: int, by_start: dict, end: int) -> None:
    p = _DATE_PREP.match(text, lst.end, end)
    if p and p.end() in by_start:
        for i in range(pending, len(lst.items)):
            lst.dates[i] = by_start[p.end()]


@dataclass
class Sentence:
    """One body sentence with its countries, time expressions and lists."""

    article_id: str
    sentence_id: int
    start: int
    end: int
    lists: list[CountryList]
    dates: list[timeexpr.DateMention]
    free_dates: list[timeexpr.DateMention]
    kind: str = "body"


def _read_as_country(text: str, m: countries.Mention, end: int) -> bool:
    """A mention that names a country in a claim: not a demonym, and a possessive only before an accession
    or status noun ("Kuwait's admission", "Minsk's accession"; not "Tehran's position")."""
    return not m.demonym and (not _POSSESSIVE.match(text, m.end, end) or bool(POSS_STATUS.match(text, m.end, end)))


def read(corpus) -> dict[str, list[Sentence]]:
    """Body (and dek) sentences per article, in order, with their country lists and time expressions."""
    out: dict[str, list[Sentence]] = {}
    refs = dict(zip(corpus.articles["article_id"], corpus.articles["reference_date"]))
    sents = corpus.sentences[corpus.sentences["kind"].isin(READ_KINDS)].sort_values(["article_id", "sentence_id"])
    aid = None
    cols = ("article_id", "sentence_id", "start", "end", "kind")
    for row_aid, sid, s, e, kind in zip(*(sents[c].tolist() for c in cols)):
        if row_aid != aid:
            aid, text, ref, seen = row_aid, corpus.texts[row_aid], timeexpr.as_date(refs.get(row_aid)), set()
        words = text[s:e].strip()
        if words in seen:
            continue
        seen.add(words)
        dates = timeexpr.find(text, s, e, ref)
        mentions = [m for m in countries.find(text, s, e) if _read_as_country(text, m, e)]
        capital = countries.capital_subject(text, s, e)
        if capital is not None and _read_as_country(text, capital, e) \
                and not any(m.start < capital.end and capital.start < m.end for m in mentions):
            mentions.insert(0, capital)
        lists = _lists(text, mentions, dates, e)
        used = {id(d) for lst in lists for d in lst.dates if d is not None}
        free = [d for d in dates if id(d) not in used]
        out.setdefault(aid, []).append(Sentence(aid, sid, s, e, lists, dates, free, kind))
    return out
