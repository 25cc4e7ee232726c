"""The reading vocabulary, kept as data in ``data/lexicon.csv`` beside ``status_terms.csv``: number and
ordinal words, future and hedge markers, words that place a statement earlier or now, and the accession
verbs as lemmas (their inflected forms are generated here, irregular ones listed in the data).

Every reader takes its words from here, so that two tables cannot read one sentence's time or
modality differently ("Laos could become the SCO's 11th member state." is expected in every table).
"""

from __future__ import annotations

import csv
import re

from sco_analysis.resources import DATA


def _read() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    with open(DATA / "lexicon.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["kind"].strip(), {})[row["term"].strip()] = row["value"].strip()
    return out


_LEX = _read()
NUMBER_WORDS: dict[str, int] = {w: int(v) for w, v in _LEX["number"].items()}
ORDINAL_WORDS: dict[str, int] = {w: int(v) for w, v in _LEX["ordinal"].items()}
# The organisation, by name or by a common noun ("the SCO", "the Shanghai Co-operation Organisation", "the bloc").
SCO_NAME = r"SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation"
ORG = rf"(?:{SCO_NAME}|{'|'.join(sorted(_LEX['org_noun'], key=len, reverse=True))})"
# Words of a person's title ("Foreign Minister", "Ambassador"), lower-case, and honorifics before a name.
TITLE_WORDS: frozenset[str] = frozenset(_LEX["title"])
HONORIFICS: tuple[str, ...] = tuple(_LEX["honorific"])


def _word(w: str, capitals: bool) -> str:
    """One word, its first letter in either case when ``capitals`` ("Will", "Could Join")."""
    if capitals and w[:1].isalpha():
        return f"[{w[0].upper()}{w[0].lower()}]" + re.escape(w[1:])
    return re.escape(w)


def _alternation(words, capitals: bool = False) -> str:
    return "|".join(r"\s+".join(_word(p, capitals) for p in w.split()) for w in sorted(words, key=len, reverse=True))


# The title of a head of state or government, as written before a name or a country ("President", "Prime Minister").
HEAD_TITLE = rf"(?:{_alternation(_LEX['head_title'])})"


def _markers(kind: str, capitals: bool = False) -> str:
    """Word-bounded alternation of one kind of marker (apostrophe forms like "'ll" bound on the right only)."""
    words = _LEX[kind]
    plain = [w for w in words if w[:1].isalnum()]
    clitic = [w for w in words if not w[:1].isalnum()]
    alts = [rf"\b(?:{_alternation(plain, capitals)})\b"] + ([rf"(?:{_alternation(clitic)})\b"] if clitic else [])
    return "|".join(alts)


# Lower case or a capital first letter (sentence starts, title-case headlines: "India, Pakistan Could Join
# SCO"), except "may": "May" is the month. Case-sensitive on purpose: a third faster than re.I.
FUTURE = re.compile(_markers("future", capitals=True).replace("[Mm]ay", "may"))
EARLIER = re.compile(_markers("earlier"), re.I)
NOW = re.compile(_markers("now"), re.I)

NUM_WORD = _alternation(NUMBER_WORDS)
_TENS = "|".join(w for w, v in NUMBER_WORDS.items() if v >= 20 and v % 10 == 0)
_UNITS = "|".join(w for w, v in NUMBER_WORDS.items() if 1 <= v <= 9)
NUM = rf"(?:\d{{1,3}}|(?:{_TENS})-(?:{_UNITS})|{NUM_WORD})"
ORD = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_alternation(ORDINAL_WORDS)})"


def _regular(lemma: str) -> tuple[str, str, str]:
    """Third person, past and -ing of a regular verb: join/joins/joined/joining, accede/accedes/acceded/acceding."""
    if lemma.endswith("e"):
        return lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    return third, lemma + "ed", lemma + "ing"


def verb_forms(lemma: str, which: str = "all") -> list[str]:
    """The forms of a verb: all five (``all``) or the past participle alone (``participle``: "admitted",
    for verbs whose active forms take the country as object, not subject)."""
    third, past, ing = _regular(lemma)
    irregular = _LEX.get("irregular_verb", {}).get(lemma)
    participle = past
    if irregular:
        parts = irregular.split(";")
        past, participle = parts[0], parts[1]
        ing = parts[2] if len(parts) > 2 else ing
    if which == "participle":
        return [participle]
    return list(dict.fromkeys([lemma, third, past, participle, ing]))


def stems(kind: str) -> list[str]:
    """The letters every form of each lemma of one kind begins with ("admit", "welcom"): prefilter words."""
    out = set()
    for lemma, which in _LEX[kind].items():
        forms = verb_forms(lemma, which) + [lemma]
        first, last = min(forms), max(forms)
        n = next((i for i, (a, b) in enumerate(zip(first, last)) if a != b), len(first))
        out.add(first[:n])
    return sorted(out)


def verbs(kind: str) -> str:
    """Alternation of every form of the lemmas of one kind (``acquire_verb``, ``admit_verb``), longest first."""
    forms = {f for lemma, which in _LEX[kind].items() for f in verb_forms(lemma, which)}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def number(word: str) -> int:
    """Integer value of a digit string, number word ("six", "twenty-six") or ordinal ("10th", "tenth")."""
    w = word.lower()
    if w[:1].isdigit():
        return int(re.match(r"\d+", w).group(0))
    if w in ORDINAL_WORDS:
        return ORDINAL_WORDS[w]
    if "-" in w:
        tens, unit = w.split("-", 1)
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return NUMBER_WORDS[w]


def modality(words: str) -> str:
    """``expected`` when the words hold a future or hedge marker, else ``reported``."""
    return "expected" if FUTURE.search(words) else "reported"
