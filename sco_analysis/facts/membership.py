"""Reads membership claims and group-size claims about the SCO from the shared reading of each
sentence (``sentences.read``: headlines, deks, section lines and body).

``extract_membership`` finds lists of countries (one name, or many joined by commas, "and",
"as well as", with years distributed over the groups: "India and Pakistan in 2017 and Iran in
2023") and keeps a list only when the words around it state a status: a status noun right before
it ("six original members (A, B)", "observer states, A and B"), an accession verb before it
("expanded to include A", "admitted A"), a founding frame ("founded by A", "Originally consisting
of six countries—A, B—") or a verb phrase after it ("A will become a full-fledged member state",
"A is set to join", "A and B were granted observer status", "with A added later", "have been admitted
to the SCO on a partner status", "presently occupies the role of a dialogue partner"), or a possessive
with an accession noun ("Kuwait's admission ... as a dialogue partner"). A step on the way in (procedures
launched, a memorandum signed) is ``expected``; a wish ("sought to secure observer status") is nothing.
Lists of who attended or hosted, demonyms, "except A" and the Shanghai Five are not claims. A claim
with no time expression is dated where the text implies it: a headline or a present perfect ("has been
admitted") by the publication year, an expected claim "at the summit" by the summit's last day.

``extract_counts`` reads claimed group sizes: a number or number word before a status noun ("10
member states", "a 9 member organization", "14 other countries ... as dialogue partners") or an
ordinal ("as the 10th full member"). Future-tense counts are ``expected`` and dated ``after_event``
(the end day of the nearest event the article dates, at or before the sentence); founding counts
are dated with the founding date; undated past counts ("Earlier, the SCO had ...") are ``earlier``;
the rest are as of publication. Modality comes from ``lexicon.modality`` in both tables.

Quotes are whole sentences: every row's ``quote`` is its sentence and ``start``/``end`` slice the
article text to it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import pandas as pd

from sco_analysis import schema
from sco_analysis.reading import countries, lexicon, sentences, timeexpr
from sco_analysis.reading.wordscan import WordScan, lowered
from sco_analysis.resources import DATA

_OTHER_ORGS = [ln.strip() for ln in (DATA / "other_organizations.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
_OTHER_ORG = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(o) for o in sorted(_OTHER_ORGS, key=len, reverse=True))
                        + r")(?![\w-])")

TERMS, _TERM_RE, _term_status, BARE_PARTNER = sentences.TERMS, sentences.TERM_RE, sentences.term_status, sentences.BARE_PARTNER
HEADLINE_KINDS = sentences.HEADLINE_KINDS
CountryList, Sentence, _POSS_STATUS = sentences.CountryList, sentences.Sentence, sentences.POSS_STATUS
_NUM = lexicon.NUM
_ORD = lexicon.ORD
number = lexicon.number


# ---------------------------------------------------------------- status frames

_FUTURE = lexicon.FUTURE
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|n't|yet\s+to|failed\s+to|refused\s+to)\b|n't\b", re.I)
_EXCEPT_LEFT = re.compile(r"\b(?:except(?:\s+for)?|excluding|other\s+than|apart\s+from|besides|but\s+not|not|without|unlike|save\s+for)\s*(?:the\s+)?$", re.I)

_PROCESS = re.compile(
    r"\b(?:application|applications|bid|request|negotiations|talks|path|intention|candidacy|"
    r"aims?|seeks?|wants?|hopes?|plans?|appl(?:y|ies|ied))\b(?:\s+\w+){0,3}\s+(?:for|to|of|on)\s+(?:\w+\s+)?$", re.I)
# The SCO's forerunner, whose founding is not the SCO's: "In 1996 the Shanghai Five was formed by ...".
_FORERUNNER = re.compile(r"Shanghai\s+(?:Five|5|Forum)\b", re.I)
_FOUND_VERB = re.compile(r"""
    \b(?:founded|established|created|formed|set\s+up|launched|co-founded|born)\b
  | \b(?:(?:creation|establishment|founding|formation)\s+of|establishing|creating|founding)\s+    # a founding document signed:
    (?:the\s+)?(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation|organi[sz]ation)(?:\s*\(SCO\))?  # "The declaration on the creation
    \s+(?:was|were)\s+signed\b                                                                  # of the SCO was signed ... by" """,
                         re.I | re.X)
# "founded by China, ...", "by the heads of state of the six countries of A, B", "by the leaders 6 countries viz. A, B".
_FOUND_BY = re.compile(r"\bby\s+(?:the\s+)?(?:(?:heads?\s+of\s+states?|presidents?|leaders?)(?:\s+of)?\s+(?:the\s+)?)?"
                       rf"(?:(?:{_NUM})\s+)?(?:(?:original|founding)\s+)?(?:countries|states|nations|members)?(?:\s+of)?"
                       r"(?:,?\s+(?:viz\.?|namely|i\.\s?e\.?))?[\s(—–:,-]*$", re.I)
_FOUND_MIDDLE_BAD = re.compile(r"\b(?:is|are|was|were|led|chaired|hosted|headed|has|have|attended|represented)\b", re.I)
_ORIGINALLY = re.compile(
    r"\b(?:originally|initially|at\s+first|at\s+(?:its\s+)?(?:founding|inception|creation|birth|launch))\s*,?\s*(?:it\s+|the\s+\w+\s+)?"
    r"(?:consist(?:ing|ed|s)\s+of|compris(?:ing|ed|es)|made\s+up\s+of|had|having|includ(?:ing|ed|es)|brought\s+together|unit(?:ed|ing))\s+"
    rf"(?:the\s+)?(?:(?:{_NUM})\s+)?(?:countries|states|nations|members|member\s+states)?[\s(—–:,-]*$", re.I)

_APPOSITION = re.compile(rf"""
    (?P<term>{_TERM_RE})
    (?:\s+(?:of|at|in|to)\s+(?:the\s+)?{lexicon.ORG})?   # "The current members of the SCO are", "Observers at the organization are"
    (?:\s+(?:now|currently|presently|today|at\s+present))?                                                    # "The SCO members now are"
    (?:\s*\(\s*\d{{1,2}}\s*\))?                                                                             # "Full members (8): China, ..."
    \s*(?:\(|:|—|–|--|\s-|,\s*(?:namely,?\s+|including\s+|such\s+as\s+|i\.\s?e\.,?\s+|like\s+)?
    | \s+(?:namely|including|such\s+as|like|are|were|being|is|was|remain|remained|include[sd]?|comprise[sd]?),?\s+
      (?:the\s+following\s+(?:(?:{_NUM})\s+)?(?:countries|states|nations)?\s*:?\s*)?                          # "are the following six countries:"
    )\s*(?:the\s+)?$""", re.I | re.X)
# The organisation named, then its members in apposition (three or more countries):
# "The Shanghai Cooperation Organisation (SCO) -- China, Russia, Kazakhstan ... -- met", "the SCO of China, Russia, ...".
# Members called "SCO states" (or nations, countries) before the list: "Leaders from the eight SCO nations, China, India, ...".
_SCO_STATES = re.compile(r"(?<![\w-])SCO (?:nations|states|countries)\s*(?:,|:|—|–|--|\(|-)?\s*(?:namely\s+|including\s+)?(?:the\s+)?$")
_ORG_APPOSITION = re.compile(r"""
    (?:Shanghai\s+Co-?operation\s+(?:Organi[sz]ation|Association)\s*\(SCO\)\s*(?:\(|—|–|--)?   # "The Shanghai Cooperation Organisation (SCO) China, Russia, ..."
    | (?:Shanghai\s+Co-?operation\s+(?:Organi[sz]ation|Association)|\bSCO)\s*(?:\(|—|–|--)      # "the SCO (China, Russia, Kazakhstan ...)"
    | Shanghai\s+Co-?operation\s+(?:Organi[sz]ation|Association)\s+of                           # "the Shanghai Cooperation Organisation of China, Russia, ..."
    | \bSCO\)?(?:,|\s+is|\s+was)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:bloc|group(?:ing)?|alliance|organi[sz]ation|club|association)\s+of
                                                                                                 # "The SCO, a security bloc of China, Russia, ..."
    )\s*(?:the\s+)?$""", re.X)
# Dialogue partners "in" the countries that are: "the SCO also includes ... dialogue partners in Armenia, Azerbaijan, ...".
_PARTNERS_IN = re.compile(r"\b(?P<term>dialogue\s+partners)\s+in\s+(?:the\s+)?$", re.I)
# An application approved, before the list: the admission itself ("the heads of state approved applications of
# India and Pakistan for full SCO membership at the summit"), expected only when the approval is ("will approve").
_APPLICATION_APPROVED = re.compile(rf"\b(?:{lexicon.verbs('approve_verb')})\s+"
                                   r"(?:the\s+)?(?:applications?|bids?|requests?)"
                                   r"\s+(?:of|by|from)\s+(?:the\s+)?$", re.I)
_STATUS_AFTER_FOR = re.compile(rf"\s+for\s+(?:(?:the\s+)?(?:full|SCO|permanent)\s+)*(?P<term>{_TERM_RE})\b", re.I)
_OF_NOUN = re.compile(r"\b(?P<term>membership|accession|admission|entry|joining|inclusion|addition)\s+(?:of|by)\s+(?:the\s+)?$", re.I)
_GRANT_STATUS_TO = re.compile(rf"""
    \b(?:grant(?:s|ed|ing)?|giv(?:e|es|en|ing)|gave|award(?:s|ed|ing)?|conferr?(?:s|ed|ing)?|approv(?:e|es|ed|ing))\s+(?:of\s+)?(?:the\s+)?(?:(?:SCO|new)\s+)?
    (?:status\s+of\s+(?:(?:an?|the)\s+)?(?:SCO\s+)?)?              # "granting the status of dialogue partners to Egypt"
    (?:
      (?P<term>{_TERM_RE})(?:\s+status)?\s+(?:up)?on\s*$            # "conferred observer status on Mongolia"
    | (?P<term2>{_TERM_RE})(?:\s+status)?\s+(?:to|for)\s+(?:the\s+)?$   # "granting of full membership to India and Pakistan";
                                                                    # "expected to approve dialogue partner status for Bahrain"
    )""", re.I | re.X)
# A sentence opening on a participle whose subject is the organisation: "Grouping China, Kazakhstan, ..., the SCO covers".
_PARTICIPLE_OPENING = re.compile(r"\s*(?:Grouping|Comprising|Uniting|Bringing\s+together|Made\s+up\s+of|Consisting\s+of|Composed\s+of)\s+(?:the\s+)?")
_ORG_AFTER = re.compile(rf",\s+(?:the\s+)?{lexicon.ORG}\b", re.I)
# The organisation has the list "as" a status: "Founded in 2001, the SCO has China, ... as its full members".
_ORG_HAS_AS = re.compile(rf"\b(?:{lexicon.ORG}|it|which)\s+(?:now\s+|currently\s+|also\s+)?(?:has|had|have|counts|counted)\s+(?:the\s+)?$", re.I)
# The list joined the organisation, said in the passive: "It was later joined by India, Pakistan and Iran."
_JOINED_BY = re.compile(r"\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+ly\s+|later\s+|since\s+|also\s+|then\s+)?joined\s+by\s+(?:the\s+)?$", re.I)
# A status extended to the list, in the passive: "observer status was extended to India, Iran and Pakistan".
_STATUS_PASSIVE_TO = re.compile(rf"(?P<term>{_TERM_RE})(?:\s+status)?\s+(?:was|were|has\s+been|had\s+been|have\s+been|is|will\s+be|(?:is|are)\s+(?:(?:expected|set|likely|due|scheduled|going)\s+)?to\s+be|(?:could|may|might|would|should|can)\s+be)\s+(?:(?:\w+ly|also|then|later|now|finally)\s+)?(?:extended|granted|given|awarded|conferred)\s+(?:up)?(?:to|on)\s+(?:the\s+)?$", re.I)
_EXPAND = re.compile(r"\b(?:expand(?:ed|s|ing)?|enlarg(?:ed|es|ing|e)|gr(?:ew|own|ow|ows)|widen(?:ed|s)?)\s+(?:\w+\s+){0,2}?"
                     r"to\s+(?:include|incorporate|encompass|take\s+in|embrace|admit)\s+(?:the\s+)?$", re.I)
_ORG_HAS = re.compile(rf"""
    \b(?:{lexicon.ORG}|it|which|that)
    (?:\s+|\)?,\s*|\)?\s*(?:-|—|–|--)\s*)          # "the Shanghai Cooperation Organization (SCO) - composed of A, B"
    (?:[^,;()]{{3,60}},\s+)?                          # "The SCO, seen as a counterweight to NATO, groups A, B"
    (?:(?:along\s+with|together\s+with|besides|apart\s+from|in\s+addition\s+to)\s+(?-i:[A-Z])[\w'’-]+,?\s+)?
                                                     # "the SCO, which along with Russia, includes China, Kazakhstan, ..."
    (?:(?:was\s+|has\s+been\s+)?(?:founded|established|created|formed|set\s+up|launched)\b[^.;,]{{0,50}}?,?\s+)?
                                                     # "The group, which was founded in 2001 in Shanghai comprises A, B"
    (?:now\s+|currently\s+|also\s+|today\s+)?
    (?:includes|included|comprises(?:\s+of)?|comprised|consists\s+of|consisted\s+of   # "comprises of Russia, China, ..."
    | (?:is\s+|was\s+)?(?:(?:now|currently|also|today)\s+)?(?:made\s+up|composed|comprised|constituted)\s+of
                                                     # "the SCO is made up of A, B", "is currently comprised of A, B"
    | unites|united                                  # "the bloc unites China, Russia, ..."
    | brings\s+together|brought\s+together           # "an alliance founded in 2001 that brings together Russia, China, ..."
    | groups|grouped|gathers                         # "the SCO groups China, India, ..."
    | comprising|consisting\s+of|grouping|uniting|bringing\s+together   # "an alliance comprising Russia, China, ..."
    | will\s+include|will\s+comprise)\s+(?:the\s+)?
    (?:(?:\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(?:full|permanent|member)\s+)?(?:countries|states|nations)
       \s*(?::|—|–|--|\(|,\s*(?:namely|including)\s+)\s*(?:the\s+)?)?       # "The SCO consists of 8 countries: India, ..."
    $""", re.I | re.X)
# An accession verb with the list as its object ("The bloc welcomed Belarus"): lemmas in data/lexicon.csv (admit_verb).
_ADMIT = re.compile(rf"\b(?P<verb>{lexicon.verbs('admit_verb')})\s+(?:\w+\s+)?(?:the\s+)?$", re.I)

_AUX = (r"(?:has|have|had|was|were|is|are|will|would|shall|could|can|may|might|must|be|been|being|set|expected|"
        r"scheduled|due|going|poised|slated|likely|about|to|also|now|then|already|soon|later|finally|officially|"
        r"formally|eventually|subsequently|both|all|each|too|together|not|never|yet|still|recently|just|thus|so|"
        r"first|last|jointly|effectively|\w+ly|"
        r"the\s+(?:first|second|third|last|latest|newest)\s+(?:country|state|nation|member)\s+to)")  # "was the first country to be granted"
# Verbs by which the list (their subject) gains or holds a status ("Iran became", "Egypt was admitted"):
# lemmas in data/lexicon.csv (acquire_verb), forms generated by ``lexicon.verb_forms``.
_ACQUIRE = lexicon.verbs("acquire_verb")
_STATIVE_VERB = re.compile(r"hold|held|enjoy|retain", re.I)
_HOLD = r"occup(?:y|ies|ied|ying)|serv(?:e|es|ed|ing)\s+as|act(?:s|ed|ing)?\s+as|function(?:s|ed|ing)?\s+as"
# Present perfect of an event ("has been admitted", "have joined"): the news the article reports.
_PERFECT = re.compile(r"\b(?:has|have)\b(?!\s+(?:long|always|already|previously|earlier|since)\b)", re.I)
_JOIN_LIKE = re.compile(r"^(?:join|acced|admitted|accepted|added|included|inducted)", re.I)
_RIGHT_VERB = re.compile(rf"""
    ^(?:,?\s+(?:which|that|who))?
    (?:,?\s+(?:on|in|last|this|earlier)\s+(?:[A-Z]\w+|\d{{4}}|week|month|year)(?:\s+\d{{1,2}})?,?(?=\s+(?:{_AUX}\s+)*(?:{_ACQUIRE})\b))?  # "Iran on Tuesday became"
    (?P<aux>(?:\s+{_AUX})*)\s+(?P<verb>{_ACQUIRE})\b""", re.I | re.X)
_PREP = r"(?:of|for|with|to|among|between|in|on|at|and|or|by|from|into|as|that|which)\b"
_MODIFIER = rf"(?!{_PREP})[\w'’-]+"
_PLAIN_MODIFIER = rf"(?!{_PREP})(?![\w-]*ing\b)[\w'’-]+"
# A status noun phrase, possibly in quotes ('has been selected as "a dialogue partner"').
_STATUS_NP = (rf"[\"“‘']?(?:(?:a|an|the|its|one\s+of\s+(?:the|its)|among\s+(?:the|its))\s+[\"“‘']?(?:{_MODIFIER}\s+){{0,3}}?|"
              rf"(?:{_PLAIN_MODIFIER}\s+){{0,2}}?)(?:status\s+of\s+(?:an?\s+)?)?"
              rf"(?:(?:the\s+)?(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation)\s+)?(?P<term>{_TERM_RE})\b")
_DIRECT_STATUS = re.compile(rf"\s+(?:\w+ly\s+)?{_STATUS_NP}", re.I)
# "has become the tenth country": a place in the order of members.
_ORDINAL_COUNTRY = re.compile(rf"\s+(?:the|its)\s+(?:{lexicon.ORD})\s+(?:(?:full|new|full-fledged)\s+)?(?:country|state|nation)\b", re.I)
_AS_OBJECT_STATUS = re.compile(rf"(?:\s+{_MODIFIER}){{0,6}}?\s+as\s+{_STATUS_NP}", re.I)
# A status raised to another: "Pakistan was upgraded from observer to full member", "elevated to full membership".
_UPGRADED_TO = re.compile(rf"""
    (?:\s+from\s+(?:(?:an?|the|its)\s+)?(?:{_TERM_RE})(?:\s+status)?)?      # "from observer (status)"
    \s+to\s+(?:(?:the\s+)?(?:status|rank|level)\s+of\s+)?{_STATUS_NP}""", re.I | re.X)
_UPGRADE_VERB = re.compile(r"upgrad|elevat|promot", re.I)
# A country raising its own standing to a status: "Sri Lanka had already increased its level of cooperation to the
# status of dialogue partner", "Belarus raised its status to that of an observer".
_RAISED_ITS = re.compile(rf"""
    ^(?:\s+(?:has|have|had|already|also|then|later|\w+ly))*
    \s+(?:rais|increas|upgrad|elevat|lift)\w*\s+(?:its|their)\s+(?:[\w-]+\s+){{0,4}}?
    to\s+(?:the\s+|that\s+of\s+)?(?:(?:status|level|rank)\s+of\s+)?(?:an?\s+)?(?P<term>{_TERM_RE})\b""", re.I | re.X)
_COPULA = re.compile(
    r"^(?:,?\s+(?:which|that|who))?(?P<aux>(?:\s+(?:has|have|had|will|would|shall|to|also|now|already|still|currently|"
    r"officially|not|never|\w+ly))*)\s+(?:is|are|was|were|remains?|remained|be|been|being)\s+"
    r"(?:(?:now|already|also|still|currently|officially|formally|all|both|each|not|no\s+longer)\s+)*"
    r"(?:(?:regarded|seen|recogni[sz]ed|listed|classed|classified)\s+as\s+)?"  # "Azerbaijan and Nepal are regarded as observers"
    rf"{_STATUS_NP}", re.I)
_JOIN_OBJECT = re.compile(
    r"^(?:\s+\w+ly)?(?:\s*[.;,]|\s*$|\s+(?:the\s+)?(?:SCO|Shanghai|organi[sz]ation|group(?:ing)?|bloc|association|alliance|"
    r"club|family|union|it|its\s+ranks|ranks|as|in|on|at|from|this|next|last|later|too|soon|then|to\s+(?:the\s+)?(?:SCO|Shanghai|"
    r"organi[sz]ation|group(?:ing)?|bloc|association|alliance|club|family)))", re.I)
_OF_OTHER = re.compile(r"\s+(?:of|in|within)\s+(?:the\s+)?" + _OTHER_ORG.pattern)
_STATUS_OBJECT = re.compile(rf"\s*(?:(?:an?|the)\s+)?(?:status\s+of\s+(?:an?\s+|the\s+)?)?(?:(?:SCO|full)\s+)?(?P<term>{_TERM_RE})\b", re.I)
_BARE_APPOSITION = re.compile(rf"(?:\b(?P<pre>SCO|fellow|new|newest|{_NUM})\s+)?\b(?P<term>{_TERM_RE})\s+$", re.I)
_COORDINATED = re.compile(rf",?\s+and(?=(?:\s+{_AUX})*\s+(?:{_ACQUIRE}|{_HOLD}|is|are|was|were)\b)\s", re.I)
_RELATIVE = re.compile(r"^,\s+(?:which|who)\b[^,;]*,", re.I)
_APPOSITIVE_RIGHT = re.compile(
    r"^\s*(?P<open>,|—|–|--)\s*(?:(?:both|all|each|now|currently|also|themselves|already)\s+)*(?:(?:a|an|the)\s+)?"
    rf"(?:{_NUM}\s+)?(?:(?:SCO|SCO['’]s|organi[sz]ation['’]s|bloc['’]s|new|current|founding)\s+)?"
    rf"(?P<term>{_TERM_RE})(?:\s+of\s+(?:the\s+)?{lexicon.ORG})?(?:\s+(?:since|from)\s+[^,;]{{1,30}})?\s*(?:,|—|–|--)", re.I)
                            # "India and Pakistan, both members of the SCO since 2017, attended"; "A, B -- the SCO's members --"
_CLAUSE_END = re.compile(r";|\.\s|\s(?:while|whereas|but)\s|$")
# A list that shares the predicate of the list before it, with its own time ("gapping"):
# "Mongolia was granted observer status in 2004, and India, Iran and Pakistan in 2005."
_GAPPED_LEFT = re.compile(r"(?:,\s*|\s)and\s+(?:the\s+)?$", re.I)
_GAPPED_RIGHT = re.compile(r"^\s+(?:in|on|at|during|by)\s+[^,;]{1,40}?\s*(?:[.;!]?\s*$|[,;])", re.I)
# A list given a status by "with ... as": "..., with Iran, Afghanistan, Belarus and Mongolia as observers".
# The second of two "as" complements: "with A as observers and B as dialogue partners".
_AS_AND_LEFT = re.compile(r"\bas\s+(?:(?:a|an|the|its)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+,?\s+and\s+(?:the\s+)?$", re.I)
_WITH_LEFT = re.compile(r"\b(?:with|plus|along\s+with|together\s+with)\s+(?:the\s+)?$", re.I)
# A list inside a prepositional phrase is not the subject of what follows: "the UAE ambassador to India, signed"
# ("with" is left out: "with Iran set to join soon" has Iran as its subject).
_ABBREVIATION = re.compile(r"^\s*\([A-Z][A-Za-z.]{1,7}\)")
# A list in brackets, or between commas after a number of countries, its predicate after them: "Four states
# (Afghanistan, Belarus, Iran and Mongolia) have observer status", "Four countries, Afghanistan, Belarus, Iran and
# Mongolia, are observer members".
_OPENING = re.compile(rf"(?P<open>\()\s*$|\b(?:{_NUM})\s+(?:(?:more|other)\s+)?(?:countries|states|nations)\s*(?P<open2>,|—|–|--|-)\s*$", re.I)
_DASH_CLOSING = re.compile(r"^\s*(?:—|–|--|-)(?=\s)")   # "Six countries - Armenia, ..., Turkey - are dialogue partners"
_CLOSING = {"(": re.compile(r"^\s*\)"), ",": re.compile(r"^\s*,(?=\s)"), "—": _DASH_CLOSING, "–": _DASH_CLOSING,
            "--": _DASH_CLOSING, "-": _DASH_CLOSING}
_GROUP_OF = re.compile(r"\b(?:states|countries|nations|republics)\s+of\s+(?:the\s+)?$", re.I)   # "Four states of A, B ... are"
_RELATIVE_START = re.compile(r"^,?\s+(?:that|which|who)\b", re.I)   # "the leaders of Iran and India that currently have observer status"
_PREP_BEFORE = re.compile(r"\b(?:to|of|in|from|for|by|at|on|into|between|among|than|about)\s+(?:the\s+)?$", re.I)
# A status noun describing countries named in a prepositional phrase is not future: "the presidents of member nations A, B".
_DESCRIBED = re.compile(r"\b(?:of|from|for|with|among|between|by)\s+(?:the\s+|its\s+|all\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# The decision the news reports: "They decided to grant Afghanistan observer status".
_DECIDED = re.compile(r"\b(?:decided|agreed|resolved|voted)\s+to\b", re.I)
# An application accepted is a step on the way in: "India's application to join ... was accepted in July".
_APPLICATION_ACCEPTED = re.compile(r"[^.;]{0,60}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:accepted|approved|endorsed|granted)\b", re.I)
# A wish before a possessive: "Turkey hopes for Iran's ...", "the bid for Belarus's membership".
_WISH_BEFORE = re.compile(r"\b(?:application|bid|request|aims?|seeks?|sought|wants?|hopes?|plans?|intention|candidacy)\b"
                          r"(?:\s+[\w'’-]+){0,3}\s+(?:for|to|of|on)\s+(?:\w+\s+)?$", re.I)
_STEP_WORD = re.compile(r"\b(?:procedures?|process|roadmap|memorand(?:um|a))\b", re.I)
# An appositive between the list and its predicate: "Turkey, a NATO member, is a dialogue partner".
_APPOSITIVE_SKIP = re.compile(r"^,\s+(?:[\w'’-]+\s+){0,8}[\w'’-]+,", re.I)   # "Iran, one of India's neighbours in its extended neighbourhood, has become"
# The list as the subject of a founding verb: "China, Russia, ... founded the SCO in 2001".
_FOUNDED_RIGHT = re.compile(rf"""
    ^(?:,?\s+(?:which|that|who))?
    (?P<aux>(?:\s+(?:had|have|has|will|would|jointly|together|formally|officially|also))*)
    (?:\s+(?:co-)?(?:founded|established|created|formed|set\s+up|launched)\s+(?:the\s+)?{lexicon.ORG}\b
    | \s+set\s+(?:the\s+)?{lexicon.ORG}\s+up\b)          # "China, Russia, ... set the group up in Shanghai in 2001"
    """, re.I | re.X)
_AS_STATUS = re.compile(rf"^\s*(?:\w+ly\s+)?as\s+(?:(?:a|an|the|its)\s+)?(?:[\w-]+\s+){{0,2}}?(?P<term>{_TERM_RE})\b", re.I)

# A step on the way in, before the list: the countries are expected to gain the status.
_PROCESS_STEP = re.compile(rf"""
    \b(?:procedures?|process|roadmap|memorand(?:ums?|a))               # "launched the procedures to accept new members, India and Pakistan"
    (?:\s+(?:on|of|for)\s+(?:the\s+)?(?:SCO\s+)?(?P<named>{_TERM_RE})\s+status(?=\s+(?:for|to)\s))?
                                                                        # "Memorandums on dialogue partner status for Egypt, Qatar and Saudi Arabia"
    (?:\s+[\w'’-]+){{0,4}}?\s+(?:for|to|of|on)\s+                       # "the procedure for admitting Belarus as a member state"
    (?:(?:grant|giv|award|conferr?)\w*\s+(?:the\s+)?(?:status\s+of\s+(?:(?:an?|the)\s+)?)?(?:SCO\s+)?
       (?P<granted>{_TERM_RE})(?:\s+status)?\s+(?:to|on)\s+            # "procedures for granting dialogue partner status to Bahrain"
    | (?:(?:accept|admit|grant|includ|welcom|induct)\w*\s+|the\s+)?     # "the process of accepting Iran"
      (?:(?:SCO|full)\s+)?(?:(?:accession|admission|membership|entry|joining|inclusion)\s+(?:of|by|for)\s+(?:the\s+)?)?
                                                                        # "the Memorandum of Obligation for SCO membership of Belarus"
    )
    (?:(?:new|full|fully[\s-]fledged|full[\s-]fledged)\s+)?
    (?:(?P<term>{_TERM_RE})\s*(?:,|:|\(|—|–|--|\s-)?\s*(?:namely\s+|including\s+)?)?
    (?:the\s+)?$""", re.I | re.X)
# A step on the way in, after the list (a memorandum signed, accession procedures started).
_MEMORANDUM_RIGHT = re.compile(r"""
    ^,?\s+(?:[\w'’-]+\s+){0,4}?memorand(?:um|a)\b                         # "Kuwait, the UAE and the Maldives signed memoranda ... to join as dialogue partners"
  | ^,?\s+(?:[\w'’-]+\s+){0,3}?(?:launch|start|began|begun|begin|initiat|open|commenc)\w*\s+
        (?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:accession|membership|admission)\s+(?:procedures?|process)\b
                                                                          # "Belarus started its accession procedure"
    """, re.I | re.X)
_MEMORANDUM = re.compile(r"\bmemorand(?:um|a)\b", re.I)
_AS_TERM = re.compile(rf"\b(?:as|to)\s+(?:(?:an?|the|its)\s+)?(?:(?:SCO|full|new)\s+)?(?P<term>{_TERM_RE})\b", re.I)
# A country holding a status, read after the list: "has observer status", "occupies the role of a dialogue partner".
_STATIVE_STATUS = re.compile(rf"""
    ^(?:,?\s+(?:which|that|who))?
    (?P<aux>(?:\s+{_AUX})*?)
    \s+(?P<verb>ha(?:s|ve|d|ving)                                        # "India and Pakistan currently have observer status"
      | hold(?:s|ing)?|held|enjoy(?:s|ed|ing)?|retain(?:s|ed|ing)?       # "Mongolia holds observer status"
      | {_HOLD})                    # "presently occupies the role of a dialogue partner", "Turkey serves as a dialogue partner"
    \s+(?:\w+ly\s+)?(?:(?:an?|the|its)\s+)?(?:(?:SCO|full|formal)\s+)?
    (?P<role>(?:role|position|status|rank|capacity|seat|post|place)\s+(?:of|as)\s+(?:(?:an?|the)\s+)?(?:SCO\s+)?)?
    (?P<term>{_TERM_RE})\b""", re.I | re.X)
# A status as the object of a preposition after the verb's object: "admitted to the SCO on a partner status".
_PREP_STATUS = re.compile(rf"""
    (?:\s+[^\s,;.]+){{0,10}}?\s+
    (?:as|on|with|under|in\s+(?:the\s+)?(?:status|capacity|rank|role)\s+of)\s+   # "joined the SCO family as partners in dialogue"
    {_STATUS_NP}""", re.I | re.X)
# An appositive noun phrase and a relative clause after the list: ", nuclear-armed rivals that currently have observer status".
_APPOS_RELATIVE = re.compile(r"^,\s+(?:[\w'’-]+\s+){1,6}?(?=(?:which|who|that)\b)", re.I)
_POSS_WISH = re.compile(r"application|bid|request|aspiration|prospect|chance|hope|ambition|quest|drive|push|effort", re.I)

# ---------------------------------------------------------------- prefilters

# The first word of every status term (None when one is not ASCII: then nothing is prefiltered on it).
_TERM_WORDS = tuple(dict.fromkeys(re.split(r"[\s-]+", t)[0] for t in TERMS))
_TERM_WORDS = _TERM_WORDS if all(w.isascii() for w in _TERM_WORDS) else None

# Each pattern below matches only text holding one of its words (ignoring case): text without any is
# not searched. "frame": every frame needs one of these (a status noun, an accession, founding or
# grouping word), so a sentence without any is not read for membership.
_SCAN = WordScan({
    "except_left": "except excluding other apart besides not without unlike save".split(),
    "process": "appl bid request negotiations talks path intention candidacy aim seek want hope plan".split(),
    "process_step": "procedure process roadmap memorand".split(),
    "memorandum_right": "memorand procedure process".split(),
    "originally": "originally initially first founding inception creation birth launch".split(),
    "found_by": ["by"],
    "term": _TERM_WORDS,
    "grant_status_to": "grant giv gave award confer approv".split(),
    "of_noun": "membership accession admission entry joining inclusion addition".split(),
    "expand": "expand enlarg grew grow widen".split(),
    "org_has": "includ compris consist unite uniting brings bringing brought group gathers made compos constitut".split(),
    "org_has_as": "has had have count".split(),
    "joined_by": ["joined"],
    "status_passive_to": "extended granted given awarded conferred".split(),
    "admit": lexicon.stems("admit_verb"),
    "frame": """member observer partner founder founding original charter dialogue status accession
    admission entry joining inclusion elevation upgrad procedur process roadmap memorand origin initial first
    inception creation birth launch found establish creat form set born expand enlarg grew grow widen includ
    compris consist unit bring brought group gather join admit accept induct add acced made make compos constitut
    becom became""".split() + ["sco nations", "sco states", "sco countries"],
})


@lru_cache(maxsize=4)
def _present(text: str) -> int:
    """The word families of ``_SCAN`` present in ``text`` (bits; all when it cannot be prefiltered)."""
    return _SCAN.mask(lowered(text))


class _Prefiltered:
    """A case-insensitive pattern with a word family one of whose words every match contains:
    ``search`` skips the regular expression on text that contains none of them."""

    def __init__(self, pattern: re.Pattern, family: str):
        self.pattern = pattern
        self.bit = _SCAN.bit(family)

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if _present(text) & self.bit else None


_EXCEPT_LEFT = _Prefiltered(_EXCEPT_LEFT, "except_left")
_PROCESS = _Prefiltered(_PROCESS, "process")
_PROCESS_STEP = _Prefiltered(_PROCESS_STEP, "process_step")
_MEMORANDUM_RIGHT = _Prefiltered(_MEMORANDUM_RIGHT, "memorandum_right")
_ORIGINALLY = _Prefiltered(_ORIGINALLY, "originally")
_FOUND_BY = _Prefiltered(_FOUND_BY, "found_by")
_APPOSITION = _Prefiltered(_APPOSITION, "term")
_BARE_APPOSITION = _Prefiltered(_BARE_APPOSITION, "term")
_GRANT_STATUS_TO = _Prefiltered(_GRANT_STATUS_TO, "grant_status_to")
_OF_NOUN = _Prefiltered(_OF_NOUN, "of_noun")
_EXPAND = _Prefiltered(_EXPAND, "expand")
_ORG_HAS = _Prefiltered(_ORG_HAS, "org_has")
_ORG_HAS_AS = _Prefiltered(_ORG_HAS_AS, "org_has_as")
_JOINED_BY = _Prefiltered(_JOINED_BY, "joined_by")
_STATUS_PASSIVE_TO = _Prefiltered(_STATUS_PASSIVE_TO, "status_passive_to")
_ADMIT = _Prefiltered(_ADMIT, "admit")


@dataclass(frozen=True)
class Frame:
    """How a list is claimed: the status, its modality, whether it is a founding claim, and whether
    it states a standing status ("are observers") rather than gaining one ("became observers")."""

    status: str
    modality: str
    founding: bool = False
    stative: bool = False
    recent: bool = False
    span: tuple[int, int] | None = None
    step: bool = False
    last_only: bool = False  # a singular relative clause after the list: it speaks of the last country only


_modality = lexicon.modality


def _left_frame(left: str, right: str) -> Frame | None:
    """The status the words just before a list state (founding frames, status nouns, accession
    verbs), or None; ``right`` is read for an "as observers" complement."""
    tail = left[-160:]
    if _EXCEPT_LEFT.search(tail):
        return None
    step = _PROCESS_STEP.search(tail)
    if step:
        as_status = _AS_STATUS.match(right) or _STATUS_OBJECT.match(right)
        term = step.group("term") or step.group("granted") or step.group("named") \
            or (as_status.group("term") if as_status else None)
        status = _term_status(term) if term else "member"
        modality = _step_modality(status, tail)
        return Frame(status, modality, step=modality == "expected" and status == "member")
    m = _APPLICATION_APPROVED.search(tail)
    if m:
        after = _STATUS_AFTER_FOR.match(right)
        return Frame(_term_status(after.group("term")) if after else "member", _modality(tail[-60:]))
    if _PROCESS.search(tail):
        return None
    if _ORIGINALLY.search(tail) and not _FORERUNNER.search(tail):
        return Frame("founding_member", "reported", True)
    by = _FOUND_BY.search(tail)
    if by:
        head = tail[:by.start()]
        verbs = list(_FOUND_VERB.finditer(head))
        verb = verbs[-1] if verbs else None
        if verb and len(head) - verb.end() <= 80 and not _FOUND_MIDDLE_BAD.search(head[verb.end():]) \
                and not _FORERUNNER.search(head, max(0, verb.start() - 40), verb.start()):
            return Frame("founding_member", _modality(head[max(0, verb.start() - 40):]), True)
    m = _APPOSITION.search(tail)
    if m is None:
        m = _BARE_APPOSITION.search(tail)
        if m and not m.group("pre") and not re.search(r"[\s-]", m.group("term")) \
                and not (left.strip() == m.group("term") and m.group("term")[:1].isupper()):
            m = None  # a bare "observers" only where it opens the sentence: "Observers Afghanistan, ... also attended"
    if m:
        if _OTHER_ORG.search(tail, max(0, m.start() - 30), m.start("term")):
            return None
        status = _term_status(m.group("term"))
        clause = tail[:m.start()]
        modality = "reported" if _DESCRIBED.search(clause) else _modality(clause[-60:])
        return Frame(status, modality, status == "founding_member", status != "founding_member")
    if _SCO_STATES.search(tail):
        return Frame("member", "reported", stative=True)
    m = _PARTNERS_IN.search(tail)
    if m:
        return Frame(_term_status(m.group("term")), "reported", stative=True)
    m = _GRANT_STATUS_TO.search(tail)
    if m:
        return Frame(_term_status(m.group("term") or m.group("term2")), _modality(tail[max(0, m.start() - 40):]),
                     recent=bool(_PERFECT.search(tail, max(0, m.start() - 25), m.start())))
    as_status = _AS_STATUS.match(right)
    if as_status and (_WITH_LEFT.search(tail) or _AS_AND_LEFT.search(tail)):
        return Frame(_term_status(as_status.group("term")), "reported", stative=True)
    if _OF_NOUN.search(tail) or _EXPAND.search(tail):
        status = _term_status(as_status.group("term")) if as_status else "member"
        after = right[:_CLAUSE_END.search(right, 1).start()][:60] if _OF_NOUN.search(tail) else ""
        return Frame(status, "expected" if _FUTURE.search(after) else _modality(tail[-60:]))
    if as_status and _ORG_HAS_AS.search(tail):
        return Frame(_term_status(as_status.group("term")), _modality(tail[-60:]), stative=True)
    m = _STATUS_PASSIVE_TO.search(tail)
    if m:
        return Frame(_term_status(m.group("term")), _modality(m.group(0)))
    if _JOINED_BY.search(tail):
        return Frame("member", _modality(tail[-60:]))
    if _PARTICIPLE_OPENING.fullmatch(left) and _ORG_AFTER.match(right):
        return Frame("member", "reported", stative=True)
    if _ORG_HAS.search(tail):
        status = _term_status(as_status.group("term")) if as_status else "member"
        return Frame(status, _modality(tail[-60:]), stative=True)
    m = _ADMIT.search(tail)
    if m:
        after = _STATUS_OBJECT.match(right)
        recent = bool(_PERFECT.search(tail, max(0, m.start() - 25), m.start()) or _DECIDED.search(tail, max(0, m.start() - 90), m.start()))
        if as_status:
            return Frame(_term_status(as_status.group("term")), _modality(tail[max(0, m.start() - 40):]), recent=recent)
        if after:
            return Frame(_term_status(after.group("term")), _modality(tail[max(0, m.start() - 40):]), recent=recent)
        if re.match(r"(?:admit|accept|induct|add)", m.group("verb"), re.I) and _JOIN_OBJECT.match(right):
            return Frame("member", _modality(tail[max(0, m.start() - 40):]), recent=recent)
    return None


def _spanned(frame: Frame | None, lo: int, hi: int) -> Frame | None:
    """``frame`` read from ``right[lo:hi]``: only a time expression there dates it."""
    return None if frame is None else replace(frame, span=(lo, hi))


# A relative clause whose verb is singular: "..., India, Pakistan, and Iran, which has just been admitted as a member."
_SINGULAR_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?:[\w-]+\s+){0,2}?(?:has|is|was)\b", re.I)


def _right_frames(right: str) -> list[Frame]:
    """The statuses predicates after the list state; a relative clause (", which had been an
    observer since 2005,") and the main predicate after it are both read, each dated by its own words.
    A relative clause in the singular speaks of the list's last country only."""
    frames = _right_frames_of(right)
    if frames and _SINGULAR_RELATIVE.match(right):
        frames[-1] = replace(frames[-1], last_only=True)
    return frames


def _right_frames_of(right: str) -> list[Frame]:
    rel = _RELATIVE.match(right)
    if rel:
        main = _spanned(_predicate_frame(right[rel.end():]), rel.end(), len(right))
        inner = _spanned(_predicate_frame(right[:rel.end() - 1]), 0, rel.end())
        return [f for f in (main, inner) if f]
    rel = _APPOS_RELATIVE.match(right)
    if rel:
        frame = _predicate_frame(right[rel.end() - 1:])
        return [frame] if frame else []
    m = _APPOSITIVE_RIGHT.match(right)
    if m and not _OTHER_ORG.search(m.group(0)):
        status = _term_status(m.group("term"))
        return [Frame(status, "reported", status == "founding_member", status != "founding_member")]
    frame = _predicate_frame(right)
    if frame is None:
        cut = _CLAUSE_END.search(right, 1)
        second = _COORDINATED.search(right, 0, cut.start() if cut else len(right))
        if second:
            frame = _predicate_frame(right[second.end() - 1:])
    if frame is None:
        skip = _APPOSITIVE_SKIP.match(right)
        if skip:
            frame = _spanned(_predicate_frame(right[skip.end():]), skip.end(), len(right))
    if frame is None:
        frame = _founded_frame(right) or _step_frame(right)
        if frame is None and _COMPOSE_RIGHT.match(right):
            frame = Frame("member", "reported", stative=True)
        return [frame] if frame else []
    second = _second_predicate(right, frame)
    if second and frame.span is None:
        frame = _spanned(frame, 0, second[0].span[0])
    return [frame, *second]


# A second predicate of the same subject, after " and ": "Belarus became a dialogue partner in 2010 and obtained
# observer status in 2015"; gapped, its verb the first one's: "Iran became an observer in 2005 and a full member in 2023".
_AND_NEXT = re.compile(r"\s+and\s+(?:(?:then|later|subsequently|finally|eventually)\s+)?", re.I)
_GAPPED_STATUS = re.compile(
    rf"(?:an?|the|its)\s+(?:(?:full|permanent|full[\s-]fledged|fully[\s-]fledged)\s+)?(?P<term>{_TERM_RE})\b", re.I)


# The status held before the one gained: "is set to become a full member after remaining as observer since 2005".
_AFTER_AS = re.compile(rf"""\s+(?:after|since)\s+(?:remaining|being|serving|having\s+been)\s+(?:as\s+)?
    (?:(?:an?|the|its)\s+)?(?:SCO\s+)?(?P<term>{_TERM_RE})\b""", re.I | re.X)


def _second_predicate(right: str, first: Frame) -> list[Frame]:
    """The frame of a predicate coordinated with the first one, or of the status held before it, each
    dated by its own words."""
    cut = _CLAUSE_END.search(right, 1)
    end = cut.start() if cut else len(right)
    held = _AFTER_AS.search(right, 0, end)
    if held and _term_status(held.group("term")) != first.status and not _foreign("", right[held.end():end]):
        return [Frame(_term_status(held.group("term")), "reported", stative=True, span=(held.start(), len(right)))]
    for m in _AND_NEXT.finditer(right, 0, end):
        second = _predicate_frame(right[m.end() - 1:end])
        gapped = _GAPPED_STATUS.match(right, m.end(), end)
        if second is None and gapped and not first.stative and not _foreign("", right[gapped.end():end]):
            second = replace(first, status=_term_status(gapped.group("term")))
        if second is not None and second.status != first.status:
            return [_spanned(second, m.start(), len(right))]
    return []


# The list as the subject of a verb of composition: "China, Russia, ... make up the SCO".
_COMPOSE_RIGHT = re.compile(rf"""
    ^(?:,?\s+(?:which|that|who))?(?:\s+(?:now|currently|together|also|jointly|today))*
    \s+(?:make\s+up|makes\s+up|constitute|form|comprise)\s+(?:the\s+)?{lexicon.ORG}\b
    """, re.I | re.X)


def _founded_frame(right: str) -> Frame | None:
    """The list founded the SCO: "China, Russia, ... founded the SCO in 2001"."""
    m = _FOUNDED_RIGHT.match(right)
    return Frame("founding_member", _modality(m.group("aux") or ""), True) if m else None


def _step_frame(right: str) -> Frame | None:
    """A step on the way in after the list, with the status the clause names (default member)."""
    m = _MEMORANDUM_RIGHT.search(right)
    if m is None:
        return None
    cut = _CLAUSE_END.search(right, m.end())
    rest = right[m.end():cut.start() if cut else len(right)]
    term = _AS_TERM.search(rest) or _STATUS_OBJECT.search(rest)
    if term and _foreign(rest[:term.start("term")], rest[term.end():]):
        return None
    status = _term_status(term.group("term")) if term else "member"
    modality = _step_modality(status, right[:m.end()])
    return Frame(status, modality, recent=bool(_PERFECT.search(right[:m.end()])), step=modality == "expected" and status == "member")


def _step_modality(status: str, words: str) -> str:
    """A step towards membership is ``expected``. A dialogue partner's memorandum, once signed, is how
    that status is conferred, so a signed one is ``reported`` ("signed memoranda ... to join as
    dialogue partners"); a memorandum still to be signed is ``expected``."""
    if status in ("dialogue_partner", BARE_PARTNER, "partner") and _MEMORANDUM.search(words) \
            and _modality(words) == "reported":
        return "reported"
    return "expected"


def _possessive_frame(right: str, left: str = "") -> Frame | None:
    """What a possessive country name gains: "Iran's accession", "Kuwait's admission ... as a dialogue partner"."""
    m = _POSS_STATUS.match(right)
    if m is None or (m.group("term") and not re.search(r"status|ship", m.group(0), re.I)):
        return None
    if m.group("wish") or (m.group("next") and _POSS_WISH.search(m.group("next"))):
        if not _APPLICATION_ACCEPTED.match(right, m.end()):
            return None
        return Frame("member", "expected", step=True)
    cut = _CLAUSE_END.search(right, m.end())
    clause = right[m.end():cut.start() if cut else len(right)]
    if _NEGATION.search(clause[:60]) or _foreign("", clause):
        return None
    if m.group("term"):
        status = _term_status(re.sub(r"\s+status$", "", m.group("term"), flags=re.I))
        stative = True
    else:
        as_term = _AS_TERM.match(clause) or _PREP_STATUS.match(clause)
        status = _term_status(as_term.group("term")) if as_term else "member"
        stative = False
    if _WISH_BEFORE.search(left[-60:]):
        return None
    step = bool(_STEP_WORD.search(left[-60:]) or _STEP_WORD.search(m.group("next") or ""))
    expected = m.group("next") or step or _FUTURE.search(clause[:80]) or _FUTURE.search(left[-60:])
    return Frame(status, "expected" if expected else "reported", stative=stative and not expected, step=step)


def _foreign(before: str, after: str) -> bool:
    """The status belongs to another organisation ("a NATO member", "a member of the CSTO")."""
    return bool(_OTHER_ORG.search(before[-40:]) or _OF_OTHER.match(after))


# The list followed by an infinitive: what is to happen, as headlines put it ("India, Pakistan to become SCO
# full members in June", "Belarus to be admitted to SCO").
_INFINITIVE_AUX = re.compile(r"\s+to\b", re.I)


def _aux_modality(aux: str) -> str:
    return "expected" if _INFINITIVE_AUX.match(aux) else _modality(aux)


def _predicate_frame(right: str) -> Frame | None:
    cut = _CLAUSE_END.search(right, 1)
    clause = right[:cut.start() if cut else len(right)]
    m = _STATIVE_STATUS.match(clause)
    if m and (m.group("role") or not re.match(r"ha", m.group("verb"), re.I)
              or re.search(r"status|ship", m.group("term"), re.I) or re.search(r"status", clause[m.end():m.end() + 8], re.I)):
        if _NEGATION.search(m.group("aux")) or _foreign(clause[:m.start("term")], clause[m.end():]):
            return None
        return Frame(_term_status(m.group("term")), _aux_modality(m.group("aux")), stative=True)
    m = _RIGHT_VERB.match(clause)
    if m:
        if _NEGATION.search(m.group("aux")):
            return None
        rest = clause[m.end():]
        term = _DIRECT_STATUS.match(rest) or _AS_OBJECT_STATUS.match(rest) or _PREP_STATUS.match(rest) \
            or (_UPGRADED_TO.match(rest) if _UPGRADE_VERB.match(m.group("verb")) else None)
        if term and _foreign(rest[:term.start("term")], rest[term.end():]):
            return None
        if term is None and _ORDINAL_COUNTRY.match(rest):
            return Frame("member", _aux_modality(m.group("aux")), recent=bool(_PERFECT.search(m.group("aux"))))
        stative = bool(_STATIVE_VERB.match(m.group("verb")))
        recent = not stative and bool(_PERFECT.search(m.group("aux")))
        if term:
            return Frame(_term_status(term.group("term")), _aux_modality(m.group("aux")), stative=stative, recent=recent)
        if _JOIN_LIKE.match(m.group("verb")) and _JOIN_OBJECT.match(rest) and not _OTHER_ORG.search(rest[:60]) \
                and not _FORERUNNER.search(rest[:40]):
            return Frame("member", _aux_modality(m.group("aux")), recent=recent)
        return None
    m = _RAISED_ITS.match(clause)
    if m:
        return Frame(_term_status(m.group("term")), "reported")
    m = _COPULA.match(clause)
    if m and not _NEGATION.search(clause[:m.start("term")]):
        if _foreign(clause[:m.start("term")], clause[m.end():]):
            return None
        status, modality = _term_status(m.group("term")), _aux_modality(m.group("aux"))
        return Frame(status, modality, status == "founding_member", status != "founding_member" and modality == "reported")
    return None


# ---------------------------------------------------------------- per sentence

def _clause_span(text: str, sent: Sentence, lst: CountryList) -> tuple[int, int]:
    """The clause around a list: bounded by ";" or a clause-joining ", and" / "while" / "but"."""
    lo = sent.start
    for b in _CLAUSE_JOIN.finditer(text, sent.start, lst.start):
        lo = b.end()
    nxt = _CLAUSE_JOIN.search(text, lst.end, sent.end)
    return lo, nxt.start() if nxt else sent.end


def _claim_date(text: str, sent: Sentence, lst: CountryList, frame: Frame) -> timeexpr.DateMention | None:
    """The free time expression of the list's clause nearest the list that can date the claim: not one that
    dates a founding ("which was founded in 2001"), and for a standing status ("is an observer")
    only one that says since when ("since 2005")."""
    if frame.step:
        return None
    lo, hi = _clause_span(text, sent, lst)
    if frame.span is not None:
        lo, hi = max(lo, lst.end + frame.span[0]), min(hi, lst.end + frame.span[1])
    cands = []
    for d in sent.free_dates:
        if d.start < lo or d.end > hi:
            continue
        before = text[max(sent.start, d.start - 30):d.start]
        if not frame.founding and _FOUND_VERB.search(before):
            continue
        if frame.stative and not _SINCE.search(before):
            continue
        if d.start >= lst.end and _other_status_between(text[lst.end:d.start], frame.status):
            continue
        cands.append(d)
    return min(cands, key=lambda d: min(abs(d.start - lst.end), abs(lst.start - d.end))) if cands else None


# "as <status>", and a second one joined by "or" ("as observers or dialogue partners").
_AS_A_STATUS = re.compile(rf"\bas\s+(?:(?:an?|the|its)\s+)?(?P<term>{_TERM_RE})\b(?P<either>\s+or\s+[\"“]?(?:{_TERM_RE}))?",
                          re.I)


def _other_status_between(words: str, status: str) -> bool:
    """A date after "as <another status>" dates that status, not the claim: "is set to become a full member
    after remaining as observer of the group since 2005"."""
    return any(_term_status(m.group("term")) != status for m in _AS_A_STATUS.finditer(words))


def _founding_date(text: str, sent: Sentence, prev: Sentence | None) -> timeexpr.DateMention | None:
    """The free date nearest a founding word in this sentence, else in the previous one."""
    for cand in (sent, prev):
        if cand is None:
            continue
        words = text[cand.start:cand.end]
        verb = _FOUND_VERB.search(words) or _ORIGINALLY.search(words) or re.search(r"\boriginal(?:ly)?\b|\bfounding\b", words, re.I)
        if verb and cand.free_dates:
            at = cand.start + verb.start()
            return min(cand.free_dates, key=lambda d: abs(d.start - at))
    return None


def _date_fields(d: timeexpr.DateMention | None) -> dict:
    if d is None or d.date is None:
        return {"year": None, "date": None, "date_precision": "none"}
    value = d.end_date if (d.end_date and d.precision == "day") else d.date
    return {"year": value.year, "date": value, "date_precision": d.precision}


# The leaders of the member states, named by title: each leader's country is a member ("heads of member states
# including President of Kazakhstan Nursultan Nazarbayev, President of China Xi Jinping and ...";
# "Leaders of the SCO member states, Chinese President Xi Jinping, Russian President Vladimir Putin and ...").
_MEMBER_LEADERS = re.compile(r"""
    \b(?:leaders|heads(?:\s+of\s+state)?|presidents)\s+of\s+(?:the\s+)?(?:SCO\s+|organi[sz]ation['’]s\s+|its\s+|six\s+)?
    member[\s-](?:states|countries|nations)\b\s*(?:,|:|—|–|--|-|\()?\s*(?:including|namely|such\s+as)?\s*
    """, re.I | re.X)
_LEADER_TITLE = re.compile(rf"\b{lexicon.HEAD_TITLE}\b")
# One leader of the chain: capitalised words (and "of", "the"), no verb: "President of China Xi Jinping".
_LEADER_ITEM = re.compile(r"(?:[A-Z][\w’'.-]*|of|the)(?:\s+(?:[A-Z][\w’'.-]*|of|the))*")
_ITEM_SEP = re.compile(r",\s+and\s+|,\s*|\s+and\s+")


def _member_leaders(text: str, sent: Sentence) -> list[countries.Mention]:
    """The country of each leader in a chain after "the leaders of the member states"."""
    out = []
    for m in _MEMBER_LEADERS.finditer(text, sent.start, sent.end):
        at = m.end()
        while True:
            item = _LEADER_ITEM.match(text, at, sent.end)
            if not item or not _LEADER_TITLE.search(item.group(0)):
                break
            found = countries.find(text, item.start(), item.end())
            if found:
                out.append(found[0])
            sep = _ITEM_SEP.match(text, item.end(), sent.end)
            if not sep:
                break
            at = sep.end()
    return out


def _provenance(text: str, sent: Sentence) -> dict:
    return {"article_id": sent.article_id, "sentence_id": sent.sentence_id, "start": sent.start,
            "end": sent.end, "quote": text[sent.start:sent.end]}


def extract_membership(corpus, read: dict[str, list[Sentence]] | None = None) -> pd.DataFrame:
    """One row per country per status claim read from body sentences (table ``membership``).

    The date of a claim is the time expression distributed to the country in its list, else the
    nearest free one in the sentence; founding claims without one take the founding date of the
    previous sentence. Ranges ("at the summit on July 3-4") give their last day.
    """
    rows = []
    refs = dict(zip(corpus.articles["article_id"], corpus.articles["reference_date"]))
    for aid, sents in (read if read is not None else sentences.read(corpus)).items():
        text = corpus.texts[aid]
        ref = timeexpr.as_date(refs.get(aid))
        prev = None
        enumerating = False  # the previous sentence stated an SCO status ("Observers are A and B. Partners are C.")
        said: str | None = None  # the last status stated, for "the same status"
        for i, sent in enumerate(sents):
            last: list[Frame] = []
            framed = bool(_present(text[sent.start:sent.end]) & _SCAN.bit("frame"))
            read: list[list[Frame]] = []
            for lst in sent.lists:
                left = text[sent.start:lst.start]
                right = text[lst.end:sent.end]
                frames = _frames(left, right) if framed else []
                if not frames and len({c.iso3 for c in lst.items}) >= 3 and _ORG_APPOSITION.search(left[-80:]):
                    frames = [Frame("member", "reported", stative=True)]
                if not frames and last and any(lst.dates) and _GAPPED_LEFT.search(left) and _GAPPED_RIGHT.match(right):
                    frames = [replace(f, span=(0, len(right)), recent=False) for f in last]
                last = frames or last
                read.append(frames)
            _bare_partners(text, sent, read, enumerating)
            said = _same_status(text, sent, read, said)
            enumerating = any(f.status in schema.STATUSES for frames in read for f in frames)
            _share_along_with(text, sent, read)
            for lst, frames in zip(sent.lists, read):
                for frame in frames:
                    shared = _claim_date(text, sent, lst, frame)
                    if frame.founding and shared is None:
                        shared = _founding_date(text, sent, prev)
                    if shared is None:
                        shared = _implied_date(text, sents, i, lst, frame, ref)
                    seen = set()
                    items = list(zip(lst.items, lst.dates))
                    for item, own in items[-1:] if frame.last_only else items:
                        if item.iso3 in seen:
                            continue
                        seen.add(item.iso3)
                        fields = _date_fields(own or shared)
                        rows.append({**_provenance(text, sent), "country": item.name, "iso3": item.iso3,
                                     "status": _partner_status(frame.status, _latest_day(own or shared) or ref), **fields,
                                     "modality": frame.modality})
            if framed:
                listed = {c.iso3 for lst, frames in zip(sent.lists, read) if frames for c in lst.items}
                for c in _member_leaders(text, sent):
                    if c.iso3 not in listed:
                        listed.add(c.iso3)
                        rows.append({**_provenance(text, sent), "country": c.name, "iso3": c.iso3, "status": "member",
                                     **_date_fields(None), "modality": "reported"})
            if framed or not sent.lists:
                prev = sent
    return schema.frame("membership", rows)


# A bare "partners" is the SCO's partner status where statuses are being enumerated: "Four countries, ..., are
# observer members, and six countries, ..., are also partners"; "Observers are Iran and Mongolia. Partners are Belarus,
# Turkey and Sri Lanka." Alone ("China and Russia are partners") it says nothing of the SCO.
_BARE_PARTNERS_RIGHT = re.compile(r",?\s+(?:are|were|is|was)\s+(?:also\s+|now\s+|currently\s+)?(?:(?:its|the)\s+)?partners\b", re.I)
_BARE_PARTNERS_LEFT = re.compile(r"(?:^\W*|[;:]\s*|,\s+and\s+|\band\s+)(?:(?:its|the)\s+)?[Pp]artners\s+(?:are|include|were)\s+(?:the\s+)?$")


def _bare_partners(text: str, sent: Sentence, read: list[list[Frame]], enumerating: bool) -> None:
    """Give an unframed list called bare "partners" the partner status when this sentence or the one
    before states another SCO status."""
    if not (enumerating or any(f.status in schema.STATUSES for frames in read for f in frames)):
        return
    for i, lst in enumerate(sent.lists):
        if not read[i] and (_BARE_PARTNERS_RIGHT.match(text, lst.end, sent.end)
                            or _BARE_PARTNERS_LEFT.search(text[sent.start:lst.start])):
            read[i] = [Frame(BARE_PARTNER, "reported", stative=True)]


# A list given "the same status" as the one stated before it: "Egypt and Qatar have become dialogue partners. Bahrain,
# Maldives, Kuwait, UAE and Myanmar will have the same status."
_SAME_STATUS = re.compile(rf"""
    (?P<aux>(?:\s+{_AUX})*)\s+(?:ha(?:ve|s|d)|get|gets|got|receive[sd]?|obtain(?:s|ed)?|gain(?:s|ed)?|enjoy(?:s|ed)?|hold(?:s)?|held
      |be\s+granted|been\s+granted|was\s+granted|were\s+granted)\s+(?:the\s+)?same\s+status\b""", re.I | re.X)


def _same_status(text: str, sent: Sentence, read: list[list[Frame]], said: str | None) -> str | None:
    """Give an unframed list "the same status" as the last one stated (in this sentence or before it);
    return the last status stated, for the sentences after."""
    for i, lst in enumerate(sent.lists):
        if read[i]:
            said = read[i][-1].status
            continue
        m = _SAME_STATUS.match(text, lst.end, sent.end)
        if m and said is not None:
            read[i] = [Frame(said, _aux_modality(m.group("aux")))]
    return said


# A list joined to another by "along with": it shares that list's status ("India and Pakistan are now full members
# along with China, Russia, ..."; "Along with China and Russia, Kazakhstan, ... are members of the SCO").
_ALONG_WITH = re.compile(r"\b(?:[Aa]long\s+with|[Tt]ogether\s+with|[Aa]longside|[Ii]n\s+addition\s+to|[Bb]esides|[Aa]part\s+from)\s+(?:the\s+)?$")


# A list the subject "joins" in its status already holds it: "Belarus would obtain observer status in the SCO, joining
# Afghanistan, Iran and Mongolia."
_JOINING = re.compile(r",\s+joining\s+(?:the\s+)?$", re.I)


def _share_along_with(text: str, sent: Sentence, read: list[list[Frame]]) -> None:
    """Give an unframed list after "along with" the frames of the nearest framed list of its clause; after
    ", joining" the status it already holds."""
    for i, lst in enumerate(sent.lists):
        if read[i]:
            continue
        window = max(sent.start, lst.start - 30), lst.start
        joining = bool(_JOINING.search(text, *window))
        if not joining and not _ALONG_WITH.search(text, *window):
            continue
        lo, hi = _clause_span(text, sent, lst)
        near = [j for j, other in enumerate(sent.lists)
                if j != i and read[j] and lo <= other.start < hi and not any(f.founding for f in read[j])]
        if near:
            j = min(near, key=lambda k: abs(k - i))
            read[i] = [replace(f, span=None, modality="reported", stative=True, recent=False, step=False) if joining
                       else replace(f, span=None) for f in read[j]]


_SCO_NAMED = re.compile(r"\bSCO\b|Shanghai\s+Co-?operation\s+Organi[sz]ation", re.I)


# The forerunner named as what the SCO came from: the subject is still the SCO ("The SCO, which grew out of the
# Shanghai Five, includes ...", "Formed from the Shanghai Five in 2001, the group comprises ...").
_ORIGIN_BEFORE = re.compile(r"""\b(?:from|out\s+of|on\s+the\s+basis\s+of|successor\s+(?:to|of)|succeeded|replaced|
    formerly(?:\s+known\s+as)?|previously\s+known\s+as|renamed|evolved\s+from|transformed\s+from)\s+(?:the\s+)?["“']?$""", re.I | re.X)


def _forerunners_list(left: str) -> bool:
    """The organisation last named before the list is the SCO's forerunner: its statuses are not the SCO's
    ('The "Shanghai Five" was formed in Shanghai with China, Russia, ... as its founding members')."""
    five = [m.start() for m in _FORERUNNER.finditer(left) if not _ORIGIN_BEFORE.search(left, max(0, m.start() - 40), m.start())]
    sco = [m.start() for m in _SCO_NAMED.finditer(left)]
    return bool(five) and (not sco or five[-1] > sco[-1])


# A proposal or a purpose is not a status: "proposed that Iran be granted full membership", "elevating this status so
# that Mongolia can become a full-fledged SCO member".
_PROPOSED_THAT = re.compile(r"""\b(?:propos(?:e|es|ed|ing)|suggest(?:s|ed|ing)?|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?
    |demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|so|in\s+order)\s+that\s+(?:the\s+)?$""", re.I | re.X)


# An accession only talked about, supported or judged possible is not a status: "the possible admission of India,
# Pakistan and Iran", "Moscow supports Iran's full-fledged membership", "no obstacles for admitting Iran",
# "discussion of expanding the organisation to include Iran", "the debate on Turkey's membership".
_HYPOTHETICAL = re.compile(r"""\b(?:possible|potential|prospective|hypothetical|no\s+obstacles?\s+(?:for|to)
    |(?:discussion|debate|talks?|question|prospects?)\s+(?:of|on|over|about|for)
    |supports?|supported|backs|backed|favou?rs|favou?red|opposes|opposed)\s+(?:[\w’'-]+\s+){0,6}?$""", re.I | re.X)


def _frames(left: str, right: str) -> list[Frame]:
    """The statuses stated around one list: the one before it, and a different one after it
    ("new members, India and Pakistan, ... that currently have observer status")."""
    if _HYPOTHETICAL.search(left[-60:]):
        return []
    if right[:1] in "'’":
        frame = _possessive_frame(right, left)
        return [frame] if frame else []
    if _forerunners_list(left) or _PROPOSED_THAT.search(left[-60:]):
        return []
    out = [f for f in [_left_frame(left, right)] if f]
    if _PREP_BEFORE.search(left[-30:]) and not _GROUP_OF.search(left[-30:]) and not _RELATIVE_START.match(right):
        return out
    opening = _OPENING.search(left[-40:])
    abbr = _ABBREVIATION.match(right) or (_CLOSING[opening.group("open") or opening.group("open2")].match(right) if opening else None)
    shift = abbr.end() if abbr else 0
    for frame in _right_frames(right[shift:]):
        if frame.span is not None:
            frame = replace(frame, span=(frame.span[0] + shift, frame.span[1] + shift))
        if frame.last_only or all(frame.status != f.status for f in out):
            out.append(frame)
    return out


# "the summit" / "the upcoming summit" without a date: the one the article reports, in its year.
_THE_EVENT = re.compile(r"\b(?:the|this|this\s+year['’]s)\s+(?:(?:upcoming|current|two-day|one-day|forthcoming|ongoing|SCO)\s+)*(?:summit|meeting|session)\b", re.I)


def _implied_date(text: str, sents: list[Sentence], i: int, lst: CountryList, frame: Frame,
                  ref: date | None) -> timeexpr.DateMention | None:
    """The time a claim with no time expression speaks of, where the text implies it: the news of a
    headline or of a present perfect ("has been admitted") is the publication's year; a claim expected
    at "the summit" takes the day that summit ends, or the publication's year when no day is given."""
    sent = sents[i]
    if frame.modality == "reported" and not frame.stative and ref is not None \
            and (frame.recent or sent.kind in HEADLINE_KINDS):
        return timeexpr.DateMention(lst.start, lst.start, "", date(ref.year, 1, 1), None, "year")
    if frame.modality == "expected" and not frame.step and _EVENT.search(text, sent.start, sent.end):
        end = _event_end(text, sents, i, ref)
        if end is not None:
            return timeexpr.DateMention(lst.start, lst.start, "", end, None, "day")
        if ref is not None and _THE_EVENT.search(text, sent.start, sent.end):
            return timeexpr.DateMention(lst.start, lst.start, "", date(ref.year, 1, 1), None, "year")
    return None


@lru_cache(maxsize=1)
def _sco_founded() -> date | None:
    """The day the SCO was founded: the first day of the reference record."""
    from sco_analysis.checking import reference
    days = reference.events()["date"]
    return None if days.empty else days.min().date()


def _before_the_sco(d: timeexpr.DateMention) -> bool:
    """A time that ends before the SCO existed (a group counted then is its forerunner, the Shanghai Five)."""
    founded, last = _sco_founded(), _latest_day(d)
    return founded is not None and last is not None and last < founded


@lru_cache(maxsize=1)
def _partner_introduced() -> date | None:
    """The day the "SCO partner" status first holds in the reference record (the Tianjin merger)."""
    from sco_analysis.checking import reference
    ev = reference.events()
    days = ev.loc[ev["status_to"] == "partner", "date"]
    return None if days.empty else days.min().date()


def _partner_status(status: str, when) -> str:
    """A bare "partner" said of a time before the "SCO partner" status existed is a dialogue partner
    ("admitted to the SCO on a partner status" in 2015); "SCO partner" is always the 2025 status."""
    if status != BARE_PARTNER:
        return status
    if when is None or when != when:
        return "partner"
    intro = _partner_introduced()
    when = timeexpr.as_date(when) if not isinstance(when, date) else when
    return "dialogue_partner" if intro is not None and when < intro else "partner"


def _latest_day(d: timeexpr.DateMention | None) -> date | None:
    """The last day a time expression can mean ("2025" -> 2025-12-31)."""
    if d is None or d.date is None:
        return None
    if d.end_date is not None:
        return d.end_date
    if d.precision == "year":
        return date(d.date.year, 12, 31)
    if d.precision == "month":
        return date(d.date.year, d.date.month, calendar.monthrange(d.date.year, d.date.month)[1])
    return d.date


# ---------------------------------------------------------------- counts

_GENERIC = r"countries|states|nations|country|state|nation"
_SINGULAR_GENERIC = re.compile(r"country|state|nation", re.I)
# "two new members" counts an addition, not the group: "new", "more" and "additional" are not read.
_COUNT = re.compile(
    rf"(?<![\w.,$-])(?<!Shanghai\s)(?P<num>{_NUM})(?:\s+|-)(?:(?:other|more|full|full-fledged|fully-fledged|permanent|current|existing|"
    rf"SCO)\s+){{0,2}}(?P<term>{_TERM_RE}|{_GENERIC})\b(?!-)", re.I)
# A generic count followed by the list it counts: "8 countries: India, ...", "four states of Afghanistan, ...".
_COUNTS_LIST = re.compile(r"\s*(?::|—|–|--|\(|,|\s+of|\s+viz\.?|\s+namely|\s+including)?\s*(?:the\s+)?$", re.I)
_ORDINAL = re.compile(
    rf"\b(?:the|its|SCO['’]s|organi[sz]ation['’]s|bloc['’]s|group['’]s)\s+(?P<num>{_ORD})\s+(?:(?:full|full-fledged|fully-fledged|"
    rf"permanent|new)\s+)*(?P<term>member(?:[\s-]+(?:state|country|nation))?|observer(?:\s+state)?|dialogue\s+partner)\b", re.I)
_COUNT_WORDS = None if _TERM_WORDS is None else _TERM_WORDS + ("countries", "states", "nations", "-countr", "-state", "-nation")
# A count is a number: a digit, or a number word (each contains one of these).
_DIGIT = re.compile(r"\d")
_NUMBER_PARTS = tuple(w for w in lexicon.NUMBER_WORDS if not any(v != w and v in w for v in lexicon.NUMBER_WORDS))
# The size of a group said after it: "brings the number of members to nine", "The number of SCO member states rose to
# nine", "The total number of full members is now nine", "The membership of the SCO grew to 10".
_NUMBER_OF = re.compile(rf"""
    \b(?:(?:total\s+)?number\s+of\s+(?:(?:SCO|full|full-fledged|fully-fledged|permanent|its|the)\s+)*)?
    (?P<term>{_TERM_RE})
    (?:\s+(?:of|in)\s+(?:the\s+)?{lexicon.ORG})?
    \s+(?:(?:has|had|have|now|then|further|since|thus|therefore)\s+)*
    (?:to|at|is|was|are|were|reached|stands\s+at|stood\s+at|rose\s+to|grew\s+to|increased\s+to|expanded\s+to
      |went\s+up\s+to|climbed\s+to|risen\s+to|grown\s+to|expanded\s+to)
    \s+(?:now\s+)?(?P<num>{_NUM})\b(?!\s*(?:%|per\s*cent|percent|-))""", re.I | re.X)
_COUNT_SCAN = WordScan({"count": _COUNT_WORDS, "number": _NUMBER_PARTS, "ordinal": ("member", "observer", "dialogue"),
                        "number_of": ("number", "membership")})
# The organisation a hyphenated count describes, with up to two adjectives between: "a six-member inter-governmental organization".
_SINGULAR_ORG = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:organi[sz]ation|group(?:ing)?|bloc|body|alliance|association|club|SCO|Shanghai|grouping|family|union)\b", re.I)
_FAMILY = re.compile(r"\s*family\b", re.I)
_CLAUSE_JOIN = re.compile(r";|,\s+(?:and|but|while|whereas|although)\s|\s(?:while|whereas)\s", re.I)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.I)
_EARLIER = lexicon.EARLIER
_NOW = lexicon.NOW
_SCO = re.compile(r"\bSCO\b|Shanghai|organi[sz]ation|grouping|\bbloc\b", re.I)
_PLURAL = re.compile(r"(?:s|ies)$|\bmembers\b|\bpartners\b", re.I)
_EVENT = re.compile(r"\b(?:summit|meeting|council|session|conference|congress|forum|gathering|talks|ceremony)\b", re.I)


# A count with its list in apposition names the group as it is, whatever the verb after says of it:
# "All six SCO members -- China, Kazakhstan, ... -- will take part" (the members will take part; they are members now).
_NAME_NOT_NUMBER = re.compile(r"[A-Z][a-z]+$")  # a number word capitalised inside a sentence is a name
_APPOSED = r"\s*(?:--|—|–|\(|:{comma})\s*(?:the\s+)?[A-Z]"  # countries named right after a count
_APPOSED_LIST = re.compile(_APPOSED.format(comma=""))
_NAMED_AFTER = re.compile(_APPOSED.format(comma="|,"))


# The organisation said to be made of so many countries: its members.
_ORG_OF_COUNT = re.compile(rf"""
    \b(?:{lexicon.ORG}|membership)\s+
    (?:(?:now|currently|today|also)\s+)?
    (?:comprises|comprised|consists\s+of|consisted\s+of|unites|united|brings\s+together|brought\s+together
    | includes|included                    # "The structure includes nine countries: Russia, India, ..."
                                           # "The SCO now comprises nine countries"
    | (?:is|was)\s+(?:made\s+up|composed)\s+of   # "the organisation is made up of eight states"
    | (?:has\s+|had\s+|have\s+)?(?:(?:since|now|further|then)\s+)?(?:expanded|grown|grew|increased|risen|rose|enlarged)\s+to
                                           # "Membership has since expanded to ten nations"
    | of)                                  # "the grouping of eight nations"
    \s+(?:the\s+)?$""", re.I | re.X)


def _count_status(text: str, sent: Sentence, m: re.Match, ordinal: bool) -> str | None:
    """Which group a number counts; generic "countries" only in a founding frame or with "as <status>"."""
    term = m.group("term")
    left = text[sent.start:m.start()]
    if _SINGULAR_GENERIC.fullmatch(term):
        # "the eight-nation bloc" counts members; "a 26-nation family of 10 members, two observers and ..." counts all
        return "member" if "-" in m.group(0) and _SINGULAR_ORG.match(text, m.end(), sent.end) \
            and not _FAMILY.match(text, m.end(), sent.end) else None
    if not ordinal and _ORIGINALLY.search(left + m.group(0)):
        return "founding_member"
    if re.fullmatch(_GENERIC, term, re.I):
        if _ORIGINALLY.search(left + m.group(0)) or (_FOUND_VERB.search(left) and re.search(r"\bby\s+(?:the\s+)?(?:heads?\s+of\s+states?\s+of\s+(?:the\s+)?)?$", left)):
            return "founding_member"
        if _ORG_OF_COUNT.search(left):
            return "member"
        cut = _CLAUSE_END.search(text, m.end(), sent.end)
        clause = text[m.end():cut.start() if cut else sent.end]
        as_status = _AS_A_STATUS.search(clause)
        if as_status:  # "16 more nations affiliated as observers or dialogue partners" counts neither group
            return None if as_status.group("either") else _term_status(as_status.group("term"))
        return _listed_status(text, sent, m)
    if not ordinal and not _PLURAL.search(term) and not _SINGULAR_ORG.match(text, m.end(), sent.end):
        return None
    return _term_status(term)


def _listed_status(text: str, sent: Sentence, m: re.Match) -> str | None:
    """The status of a generic count ("six countries") read as membership reads it: from a predicate
    after the count ("Four countries have observer status") or from the list the count introduces
    ("consists of 8 countries: India, ...", "Four states of Afghanistan, ... are observer members")."""
    frame = _predicate_frame(text[m.end():sent.end])
    if frame is not None:
        return frame.status
    for lst in sent.lists:
        if lst.start >= m.end() and _COUNTS_LIST.fullmatch(text, m.end(), lst.start):
            frames = _frames(text[sent.start:lst.start], text[lst.end:sent.end])
            return frames[0].status if frames else None
    return None


def _event_end(text: str, sents: list[Sentence], i: int, ref: date | None) -> date | None:
    """Last day of the event named nearest before (or in) sentence ``i`` with a day-precise date
    not before the reference date: what an ``after_event`` count is dated by."""
    for sent in reversed(sents[:i + 1]):
        if not _EVENT.search(text, sent.start, sent.end):
            continue
        ends = [d.end_date or d.date for d in sent.dates if d.precision == "day" and d.date is not None]
        ends = [d for d in ends if ref is None or d >= ref]
        if ends:
            return max(ends)
    return None


def _counts_other_org(text: str, start: int, end: int) -> bool:
    """Another organisation is named just before the number, with no SCO mention in between."""
    found = None
    for found in _OTHER_ORG.finditer(text, start, end):  # noqa: B007 (the loop keeps the last match)
        pass
    return bool(found) and not _SCO.search(text, found.end(), end)


def _historical_date(text: str, sent: Sentence, m: re.Match, when: str | None,
                     ref: date | None) -> timeexpr.DateMention | None:
    """The past date a past-tense count refers to ("In 2017 the SCO grew to eight members"), if any."""
    words = text[sent.start:sent.end]
    if when != "past" or _NOW.search(words):
        return None
    cands = [d for d in sent.free_dates if d.date is not None and (ref is None or d.date < ref)
             and not _FOUND_VERB.search(text, max(sent.start, d.start - 30), d.start)]
    return min(cands, key=lambda d: abs(d.start - m.start())) if cands else None


def _iso(d: timeexpr.DateMention) -> str:
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[d.precision]
    return d.date.strftime(fmt)


def extract_counts(corpus, read: dict[str, list[Sentence]] | None = None) -> pd.DataFrame:
    """One row per claimed size of an SCO status group read from body sentences (table ``counts``)."""
    rows = []
    refs = dict(zip(corpus.articles["article_id"], corpus.articles["reference_date"]))
    for aid, sents in (read if read is not None else sentences.read(corpus)).items():
        text = corpus.texts[aid]
        ref = timeexpr.as_date(refs.get(aid))
        for i, sent in enumerate(sents):
            seen = set()
            present = _COUNT_SCAN.mask(lowered(text[sent.start:sent.end]))
            hits = []
            if present & _COUNT_SCAN.bit("count") and (_DIGIT.search(text, sent.start, sent.end)
                                                       or present & _COUNT_SCAN.bit("number")):
                hits += [(m, False) for m in _COUNT.finditer(text, sent.start, sent.end)]
            if present & _COUNT_SCAN.bit("ordinal"):
                hits += [(m, True) for m in _ORDINAL.finditer(text, sent.start, sent.end)]
            if present & _COUNT_SCAN.bit("number_of"):
                hits += [(m, None) for m in _NUMBER_OF.finditer(text, sent.start, sent.end)
                         if re.match(r"number|total|membership", m.group(0), re.I)]
            for m, ordinal in sorted(hits, key=lambda h: h[0].start()):
                n = number(m.group("num"))
                if n < 2 or n > 100 or _counts_other_org(text, max(sent.start, m.start() - 60), m.start()) \
                        or (_NAME_NOT_NUMBER.match(m.group("num")) and text[sent.start:m.start()].strip(" \"“‘'(")):
                    continue  # "the Five members are believed to be bound together": the Shanghai Five, by name
                status = _term_status(m.group("term")) if ordinal is None else _count_status(text, sent, m, ordinal)
                if status is None or (status, n) in seen:
                    continue
                seen.add((status, n))
                when = timeexpr.tense(text, sent.start, sent.end, m.start(), m.end())
                if _NOW.search(text, max(sent.start, m.start() - 30), m.start()) \
                        or (when == "future" and _APPOSED_LIST.match(text, m.end())
                            and not _FUTURE.search(text, sent.start, m.start())) \
                        or (when == "future" and _DESCRIBED.search(text[sent.start:m.start()])
                            and _NAMED_AFTER.match(text, m.end())) \
                        or ("-" in m.group(0) and _SINGULAR_ORG.match(text, m.end(), sent.end)):
                    # the members as they are: "expected to meet the heads of state of five SCO members, Russia, ...",
                    # "before the six-member bloc meets for talks on Wednesday"
                    when = None
                modality = "expected" if when == "future" else "reported"
                if status == "founding_member":
                    d = _founding_date(text, sent, sents[i - 1] if i else None)
                    as_of, as_of_date = (_iso(d), d.date) if d and d.date else ("publication", ref)
                elif modality == "expected":
                    as_of, as_of_date = "after_event", _event_end(text, sents, i, ref)
                else:
                    past = _historical_date(text, sent, m, when, ref)
                    if past and _before_the_sco(past):
                        continue  # "After ... agreements in 1996 and 1997, the five members went on": the forerunner
                    if past:
                        as_of, as_of_date = _iso(past), past.date
                    elif when == "past" and _EARLIER.search(text, sent.start, m.start()):
                        as_of, as_of_date = "earlier", None
                    else:
                        as_of, as_of_date = "publication", ref
                if status == BARE_PARTNER and "sco" in m.group(0).lower():
                    status = "partner"
                rows.append({**_provenance(text, sent), "status": _partner_status(status, as_of_date or ref),
                             "count": n, "modality": modality,
                             "as_of": as_of, "as_of_date": as_of_date})
    return schema.frame("counts", rows)
