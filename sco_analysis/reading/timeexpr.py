"""Finds time expressions in text and resolves them to dates against an article's reference date.

Handles explicit dates ("June 15, 2001", "15 June 2001", "2001-06-15"), day ranges ("July 3-4",
"3-4 July 2024"), months ("June 2001", "in June"), years and year ranges ("in 2017", "2024-25"),
relative expressions ("this year", "last month", "next June", "yesterday", "today", "12 years ago") and weekdays
("on Tuesday"). Anything that needs the reference date resolves to ``date=None`` when the
reference date is unknown: dates are never guessed. ``precision`` says how much of ``date`` the text
fixes (``none`` when there is no date). Ranges give their first day in ``date`` and last day in
``end_date``; single dates leave ``end_date`` empty.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import ahocorasick

from sco_analysis.reading import lexicon

MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTH_ABBREVIATIONS = _ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                               "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}

_FULL = "|".join(sorted(MONTHS, key=len, reverse=True))
_MON = rf"(?:{_FULL}|(?:{'|'.join(sorted(_ABBR, key=len, reverse=True))})\.?)"
_WD = "|".join(WEEKDAYS)
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|and|through|until)\s*"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"(?<![\w-])(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])")),
    ("mdy", re.compile(
        rf"(?:(?P<wd>{_WD}),?\s+)?(?<![\w])(?P<mon>{_MON})(?:\s+|(?<=\.))(?P<d1>\d{{1,2}}){_ORD}(?!\d)"
        rf"(?:{_DASH}(?:(?P<mon2>{_MON})\s+)?(?P<d2>\d{{1,2}}){_ORD}(?![\d.]\d))?"
        rf"(?:,?\s+(?P<y>{_YEAR})(?![\w%]))?")),
    ("dmy", re.compile(
        rf"(?:(?P<wd>{_WD}),?\s+)?(?<![\w.,])(?P<d1>\d{{1,2}}){_ORD}(?:{_DASH}(?P<d2>\d{{1,2}}){_ORD})?"
        rf"\s+(?:of\s+)?(?P<mon>{_MON})(?![\w])(?:,?\s+(?P<y>{_YEAR})(?![\w%]))?")),
    ("my", re.compile(rf"(?<![\w])(?P<mon>{_MON}),?\s+(?P<y>{_YEAR})(?![\w%])")),
    ("yrange", re.compile(rf"(?<![\w$£€.,/-])(?P<y1>{_YEAR})\s*(?:-|–|—|to)\s*(?P<y2>{_YEAR}|\d\d)(?![\w%]|[.,]\d|-)")),
    ("year", re.compile(rf"(?<![\w$£€.,/-])(?P<y>{_YEAR})(?![\w%]|[.,]\d|-\d)")),
    ("rel", re.compile(
        rf"\b(?P<which>[Tt]his|[Nn]ext|[Ll]ast|[Cc]oming|[Pp]revious)\s+(?P<unit>year|month|(?P<mon>{_FULL})|(?P<wd>{_WD}))\b")),
    ("deictic", re.compile(r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b")),
    # "12 years ago", "two decades ago": the year that many years before the reference date
    ("ago", re.compile(rf"(?i:\b(?P<n>{lexicon.NUM}|a|an)\s+(?P<unit>years?|decades?)\s+ago)\b")),
    ("weekday", re.compile(rf"\b(?P<wd>{_WD})\b(?!s)")),
    ("month", re.compile(
        rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]efore|[Aa]fter|[Tt]hrough(?:out)?)\s*(?:the\s+)?(?:end\s+of\s+|start\s+of\s+|beginning\s+of\s+|middle\s+of\s+)?(?P<mon>{_FULL})\b(?!\s+\d)")),
]

# Each pattern above matches only text that contains one of these strings, so it is not run on a
# sentence without any of them (month and weekday names are matched case-sensitively).
_MONTH_WORDS = {name[:3] for name in MONTHS} | set(_ABBR)
_MONTH_WORDS = tuple(sorted(w for w in _MONTH_WORDS if not any(v != w and v in w for v in _MONTH_WORDS)))
_YEAR_WORDS = ("18", "19", "20")  # a year's first two digits
_NEEDS = {"iso": tuple(f"{d}-" for d in "0123456789"),  # "2001-06-15": a digit before the dash
          "mdy": _MONTH_WORDS, "dmy": _MONTH_WORDS, "my": _MONTH_WORDS, "yrange": _YEAR_WORDS,
          "year": _YEAR_WORDS, "rel": ("year", "month", *MONTHS, *WEEKDAYS),  # its unit: "last year", "next June"
          "deictic": ("esterday", "oday", "omorrow"), "ago": ("ago",), "weekday": tuple(WEEKDAYS),
          "month": tuple(MONTHS)}
_NEED_SETS = tuple(set(_NEEDS.values()))


def _need_scan() -> ahocorasick.Automaton:
    """Every needed string in one (case-sensitive) automaton, valued by the bits of the sets that hold it:
    one pass over a sentence says which sets are present, as testing each string with ``in`` would."""
    bits: dict[str, int] = {}
    for i, needs in enumerate(_NEED_SETS):
        for w in needs:
            bits[w] = bits.get(w, 0) | 1 << i
    automaton = ahocorasick.Automaton()
    for w, bit in bits.items():
        automaton.add_word(w, bit)
    automaton.make_automaton()
    return automaton


_NEED_SCAN = _need_scan()
_NEED_BIT = {kind: 1 << _NEED_SETS.index(needs) for kind, needs in _NEEDS.items()}

# ``find`` reads nothing in a sentence with no digit and none of these words.
_DIGIT = re.compile(r"\d")

_KEYWORD = re.compile(rf"\b(?:{_FULL}|{_WD}|{'|'.join(_ABBR)}|[Tt]his|[Nn]ext|[Ll]ast|[Cc]oming|[Pp]revious|"
                      r"[Yy]esterday|[Tt]oday|[Tt]omorrow|ago)\b")
_FUTURE = lexicon.FUTURE
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|met|held|began|came|went|took|gave|made|told|spoke|left|saw|won|sent|"
    r"brought|became|grew|rose|fell|stood|[a-z]+ed)\b")
_PASSIVE_BE = re.compile(r"\b(?:be|being)\s+$")
_NOT_PAST = {"need", "based", "united", "red", "bed", "used", "related", "concerned", "interested",
             "advanced", "called", "so-called", "detailed", "limited", "proposed", "planned", "scheduled", "expected"}


@dataclass(frozen=True)
class DateMention:
    """One time expression: ``text`` is the words, ``date``/``end_date`` what they resolve to."""

    start: int
    end: int
    text: str
    date: date | None
    end_date: date | None
    precision: str


def _month(name: str) -> int:
    name = name.rstrip(".")
    return MONTHS.get(name) or _ABBR[name]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest_year(m: int, d: int, ref: date) -> int | None:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = _safe(y, m, d)
        if cand and (best is None or abs((cand - ref).days) < abs((best - ref).days)):
            best = cand
    return best.year if best else None


@lru_cache(maxsize=16384)
def _cues(text: str, start: int, end: int) -> tuple[tuple[int, str], ...]:
    """(offset, ``future``/``past``) of every verb cue in the sentence ``text[start:end]``: found once per
    sentence of an article, though several expressions in it (and several rules) ask for its tense."""
    cues = []
    fut = [(m.start(), m.end()) for m in _FUTURE.finditer(text, start, end)]
    cues += [(s, "future") for s, _ in fut]
    for m in _PAST.finditer(text, start, end):
        if m.group(0).lower() in _NOT_PAST or any(s <= m.start() < e for s, e in fut):
            continue
        if _PASSIVE_BE.search(text, max(start, m.start() - 8), m.start()):
            continue
        cues.append((m.start(), "past"))
    return tuple(cues)


def tense(text: str, start: int, end: int, at: int, until: int) -> str | None:
    """``future``/``past`` from the verb cue nearest before ``text[at:until]`` in the sentence
    ``text[start:end]`` (else the first one after it), or None when no cue is visible."""
    cues = _cues(text, start, end)
    before = [c for c in cues if c[0] < at]
    if before:
        return max(before)[1]
    after = [c for c in cues if c[0] >= until]
    return min(after)[1] if after else None


def _weekday(wd: str, ref: date | None, when: str | None) -> date | None:
    if ref is None:
        return None
    delta = (WEEKDAYS[wd] - ref.weekday()) % 7
    if when == "future":
        return ref + timedelta(days=delta)
    if when == "past":
        return ref - timedelta(days=(7 - delta) % 7)
    return ref + timedelta(days=delta if delta <= 3 else delta - 7)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _resolve(kind: str, g: dict, ref: date | None, when) -> tuple[date | None, date | None, str]:
    if kind == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return d, None, "day" if d else "none"
    if kind in ("mdy", "dmy"):
        m1 = _month(g["mon"])
        m2 = _month(g["mon2"]) if g.get("mon2") else m1
        d1, d2 = int(g["d1"]), int(g["d2"]) if g.get("d2") else None
        if g.get("y"):
            y = int(g["y"])
        elif ref is not None:
            y = _nearest_year(m1, d1, ref)
        else:
            return None, None, "none"
        first = _safe(y, m1, d1) if y else None
        if first is None:
            return None, None, "none"
        last = None
        if d2 is not None:
            last = _safe(y + (m2 < m1), m2, d2)
            if last is None or last <= first:
                last = None
        return first, last, "day"
    if kind == "my":
        return date(int(g["y"]), _month(g["mon"]), 1), None, "month"
    if kind == "yrange":
        y1, y2 = int(g["y1"]), g["y2"]
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y2 <= y1:
            return date(y1, 1, 1), None, "year"
        return date(y1, 1, 1), date(y2, 1, 1), "year"
    if kind == "year":
        return date(int(g["y"]), 1, 1), None, "year"
    if ref is None:
        return None, None, "none"
    if kind == "rel":
        step = {"this": 0, "coming": 1, "next": 1, "last": -1, "previous": -1}[g["which"].lower()]
        if g["unit"] == "year":
            return date(ref.year + step, 1, 1), None, "year"
        if g["unit"] == "month":
            y, m = _shift_month(ref.year, ref.month, step)
            return date(y, m, 1), None, "month"
        if g.get("mon"):
            m = MONTHS[g["mon"]]
            y = ref.year
            # "last July" said in August means a year earlier ("in July" would be used for the month just past);
            # "last May" said in December is this year's May.
            if step < 0 and m >= ref.month - 1:
                y -= 1
            elif step > 0 and m <= ref.month + 1:
                y += 1
            return date(y, m, 1), None, "month"
        direction = "past" if step < 0 else "future" if step > 0 else when
        return _weekday(g["wd"], ref, direction), None, "day"
    if kind == "ago":
        if ref is None:
            return None, None, "none"
        n = 1 if g["n"].lower() in ("a", "an") else lexicon.number(g["n"].lower())
        years = n * (10 if g["unit"].lower().startswith("decade") else 1)
        return date(ref.year - years, 1, 1), None, "year"
    if kind == "deictic":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()]
        return ref + timedelta(days=shift), None, "day"
    if kind == "weekday":
        return _weekday(g["wd"], ref, when), None, "day"
    if kind == "month":
        m = MONTHS[g["mon"]]
        y = _nearest_year(m, 15, ref)
        return date(y, m, 1), None, "month"
    raise ValueError(kind)


def as_date(value) -> date | None:
    """A plain ``date`` from a date, datetime or pandas Timestamp; None for None and NaT."""
    if value is None or value != value:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"not a date: {value!r}")


def find(text: str, start: int = 0, end: int | None = None,
         reference_date: date | None = None) -> list[DateMention]:
    """Every time expression in ``text[start:end]`` (offsets into ``text``), in text order.

    ``text[start:end]`` should be one sentence: weekday tense ("arrived on Tuesday" vs "will
    conclude on Thursday") is read from it.
    """
    end = len(text) if end is None else end
    present = 0
    for _, bit in _NEED_SCAN.iter(text, start, end):
        present |= bit
    if not present or not (_DIGIT.search(text, start, end) or _KEYWORD.search(text, start, end)):
        return []
    ref = as_date(reference_date)
    taken: list[tuple[int, int]] = []
    out = []
    for kind, pattern in _PATTERNS:
        if not present & _NEED_BIT[kind]:
            continue
        for m in pattern.finditer(text, start, end):
            s, e = (m.start("mon"), m.end()) if kind == "month" else m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            when = tense(text, start, end, s, e) if kind in ("weekday", "rel") else None
            try:
                d, last, precision = _resolve(kind, m.groupdict(), ref, when)
            except (ValueError, OverflowError):  # "next year" on 9999-12-31, "yesterday" on 0001-01-01
                d = None
            if d is None:
                last, precision = None, "none"
            taken.append((s, e))
            out.append(DateMention(s, e, text[s:e], d, last, precision))
    return _day_ranges(text, sorted(out, key=lambda x: x.start))


_DAY_TO_DAY = re.compile(r"\s*(?:and|to|through|till|until|-|–|—)\s*", re.I)
_WEEKDAY_NAMES = {w.lower() for w in WEEKDAYS}  # two weekdays: at most 3 days apart; two dates: at most 7


def _day_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """Two days joined by "and" or "to", a few days apart, are one range: "a summit in Uzbekistan on Thursday
    and Friday" is 15-16 September, "scheduled for 31 August to 1 September" one span, not two single days."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        weekdays = prev is not None and prev.text.lower() in _WEEKDAY_NAMES and d.text.lower() in _WEEKDAY_NAMES
        if prev is not None and prev.precision == d.precision == "day" and prev.end_date is d.end_date is None \
                and prev.date is not None and d.date is not None and _DAY_TO_DAY.fullmatch(text, prev.end, d.start) \
                and 0 < (d.date - prev.date).days <= (3 if weekdays else 7):
            out[-1] = DateMention(prev.start, d.end, text[prev.start:d.end], prev.date, d.date, "day")
            continue
        out.append(d)
    return out
