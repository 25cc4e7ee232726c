"""Heads of state and government named without their country ("Prime Minister Narendra Modi arrived",
"President Putin said"): whose leader each is, from the vocabulary in ``data/leaders.csv``.

A name is read only when the article's date falls in (or a year either side of) the person's time in
office, and a short name ("Modi", "Xi") only right after a title ("President Xi", "PM Modi") or once the
article has given the full name. The file is a vocabulary of names, not facts about the SCO.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sco_analysis.reading import lexicon
from sco_analysis.reading.wordscan import literals_not_after
from sco_analysis.resources import DATA

# A title or an honorific right before the short name: "President Xi", "PM Modi", "Mr Putin".
_TITLE_BEFORE = rf"(?:{lexicon.HEAD_TITLE}|(?:{'|'.join(map(re.escape, lexicon.HONORIFICS))})\.?)\s+"


@dataclass(frozen=True)
class Leader:
    name: str
    short: str
    iso3: str
    first: int
    last: int | None

    def in_office(self, year: int) -> bool:
        return self.first - 1 <= year <= (self.last if self.last is not None else 9999) + 1


@lru_cache(maxsize=1)
def _leaders() -> tuple[tuple[Leader, ...], re.Pattern, re.Pattern]:
    with open(DATA / "leaders.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    people = tuple(Leader(r["name"].strip(), r["short"].strip(), r["iso3"].strip(), int(r["from"]),
                          int(r["to"]) if r["to"].strip() else None) for r in rows)
    full = literals_not_after(sorted({p.name for p in people}, key=len, reverse=True), r"[\w-]")
    short = "|".join(re.escape(n) for n in sorted({p.short for p in people if p.short}, key=len, reverse=True))
    return (people, re.compile(rf"{full}(?![\w-])"),
            re.compile(rf"\b{_TITLE_BEFORE}(?P<short>{short})(?![\w-])"))


def named(text: str, when: date | None) -> dict[str, str]:
    """{name as written: ISO3} for each leader in office at ``when`` whom ``text`` names by full name,
    or by short name after a title; a full name also makes its short name the leader's in the text."""
    if when is None:
        return {}
    people, full, short = _leaders()
    names = {m.group(0) for m in full.finditer(text)}
    shorts = {m.group("short") for m in short.finditer(text)}
    out: dict[str, str] = {}
    for p in people:
        if not p.in_office(when.year):
            continue
        if p.name in names:
            out.setdefault(p.name, p.iso3)
            if p.short:
                out.setdefault(p.short, p.iso3)
        elif p.short and p.short in shorts:
            out.setdefault(p.short, p.iso3)
    return out
