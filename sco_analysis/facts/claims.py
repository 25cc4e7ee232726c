"""Turns what the articles say into atomic, comparable claims with controlled keys.

Each claim is one (key, value) an article asserts, with modality (``reported``/``expected``) and
the time it describes (``as_of``): ``timeless`` for dated historical facts (founding, accession
years), ``publication`` for present states and for the summit the article is about, and
``after_event`` for what a summit will change. Keys, value formats and how values compare are
documented in ``data/claim_keys.csv``.

Sources: founding members, accession years, each stated status (``status.<ISO3>``, so the
comparison checks it against the reference as of the time it speaks of) and group sizes are derived
from the ``membership`` and ``counts`` tables (one reading of statuses for the whole package); founding year, date and
place, the summit (place, dates, ordinal), the chair hand-over and shares of the world's
population and GDP are read here from the sentences, with countries and dates found by
``countries`` and ``timeexpr``.
"""

from __future__ import annotations

import re
from collections import namedtuple
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from sco_analysis import schema
from sco_analysis.checking.reference import STATUS_PREFIX
from sco_analysis.facts.attributions import CUE_VERBS
from sco_analysis.reading import countries, leaders, lexicon, timeexpr
from sco_analysis.reading.wordscan import WordScan, lowered
from sco_analysis.resources import DATA

KEYS_FILE = DATA / "claim_keys.csv"
KINDS = ("headline", "dek", "section", "body")
COUNT_KEYS = {"member": "members.count", "observer": "observers.count",
              "dialogue_partner": "dialogue_partners.count", "partner": "partners.count",
              "founding_member": "founded.count"}

# ---------------------------------------------------------------- vocabularies

_ORG = lexicon.ORG
_FOUNDING = re.compile(
    rf"""\b{_ORG}\b(?:[^.;]{{0,60}}?|\s*(?:—|–|--|,)[^.;]{{0,140}}?(?:—|–|--|,))\s*(?:was|were|been|,)\s*(?:(?:officially|formally|first|originally)\s+)?
        (?P<cue>founded|established|set\s+up|created|formed|launched|born|inaugurated|formali[sz]ed)\b
                            # "The SCO was founded in Shanghai on June 15, 2001"; "The SCO, established in ..."
    | \b{_ORG}(?:\s*[(—–-]\s*|\s+)(?:(?:first|originally|officially|formally)\s+)?
        (?P<cue3>founded|established|set\s+up|created|formed|launched)\s+(?=(?:in|on|by)\b)
                            # "an alliance founded in 2001 that brings together ..."; "the SCO (founded in 2001)"
    | \b(?i:declaration|agreement|charter)\s+on\s+the\s+(?i:establishment|creation|founding|formation)\s+of\s+
        (?:the\s+)?{_ORG}\s+was\s+(?P<cue4>signed|adopted)\b
                            # "The Declaration on the Establishment of the SCO was signed in China's Shanghai in June 2001",
                            # "The declaration on the creation of the SCO was signed in Shanghai in June 2001 by six countries"
    | (?P<cue2>\b(?:[Oo]riginally|[Ii]nitially)\s+(?:consisting|composed|made\s+up)\s+of\b
                            # "originally consisting of six states"
    | \b(?:its|the)\s+(?:founding|establishment|creation|inception)\s+(?:in|on)\b)
                            # "since its founding in 2001"
    """, re.VERBOSE)
_FOUNDED_FIRST = re.compile(
    rf"""\W*(?P<cue>Founded|Established|Set\s+up|Created|Launched)\b
        (?:(?=[^.;]{{0,80}},\s*(?:the\s+)?{_ORG}\b)
                            # "Launched in Shanghai in June 2001, the SCO ..."
        |\s*:)
                            # "• Established: 2001 in Shanghai by the leaders of 6 countries" (a fact box)
    """, re.VERBOSE)
_SCOPE_BREAK = re.compile(
    r"\b(?:expand(?:ed|s|ing)?|join(?:ed|s|ing)?|add(?:ed|ing)?|admitt(?:ed|ing)|includ(?:e|ed|es|ing)|"
    r"enlarg\w*|grew|grown|became|becom(?:e|es|ing)|later|since\s+then|held|hosts?|hosted|hosting|opened|"
    r"met|convened|gathered|accepted|granted)\b|;")
_NOT_PLACE = {"the", "a", "an", "this", "that", "its"} | set(timeexpr.MONTHS) | set(timeexpr.MONTH_ABBREVIATIONS) \
    | set(timeexpr.WEEKDAYS)  # "the summit in Dushanbe Sept.12": the month is not part of the city
_NOT_PLACE_LOWER = {w.lower() for w in _NOT_PLACE}
_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+(?:\w+\s+)?city\s+of\s+|[A-Z][a-z]+['’]s\s+)?"
                    r"(?P<place>(?:St\.?\s+)?[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\b")
# Between the founding verb and its place: dates, fillers and who founded it ("founded by the leaders of Kazakhstan,
# China, ... and Uzbekistan in Shanghai on June 15, 2001").
_PLACE_GAP = re.compile(r"""
    (?:\s+by\s+(?:(?:the|leaders?|heads?|of|states?|presidents?|and|[A-Z][\w'’-]*)[\s,]+)*?)?
    [\s,:]*(?:(?:on|in|at|the|a|year|of|summit|meeting)\b[\s,]*)*""", re.X)
_SHANGHAI_FIVE = re.compile(r"Shanghai\s+Five", re.I)

_SUMMIT_NOUN = r"""
    \b(?:summit
                            # "the SCO summit"
    | (?:meeting\s+of\s+the\s+)?Council\s+of\s+(?:the\s+)?Heads\s+of\s+(?:Member\s+)?States?
                            # "the meeting of the Council of Heads of Member States held on September 1"
    | heads[\s-]+of[\s-]+states?\s+(?:summit|council|meeting)
                            # "the heads of state summit"
    | meeting\s+of\s+(?:the\s+)?heads[\s-]+of[\s-]+(?:member\s+)?states?
                            # "The meeting of the heads of state of the SCO has begun in a narrow format."
    | edition\s+of\s+(?:the\s+)?(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation)(?:\s*\(SCO\))?
                            # "The 21st edition of Shanghai Cooperation Organization (SCO) kicked off in Dushanbe"
    | (?<=SCO\s)meet(?![\w-])
                            # headline shorthand: "Ahmadinejad due in Astana for SCO meet"
    )\b"""
_SUMMIT = re.compile(_SUMMIT_NOUN, re.I | re.VERBOSE)
_CITY = r"(?P<city>(?:St\.?\s+)?[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)"  # "Qingdao", "New Delhi", "St. Petersburg"
_CITY_SUMMIT = re.compile(rf"\b{_CITY}\s+[Ss]ummit\b")  # "the Beijing summit"
_SUMMIT_IN = re.compile(
    rf"""(?i:{_SUMMIT_NOUN}
        (?:\s+(?:meeting|session)s?(?=\s+of\b))?
        (?:\s+of\s+(?:the\s+)?(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation(?:\s*\(SCO\))?|organi[sz]ation|bloc)
           (?:\s+member\s+(?:states|countries|nations))?)?
                            # "the fifth summit of the Shanghai Cooperation Organization in Shanghai"; "the 19th summit
                            # meeting of Shanghai Cooperation Organization member states in Bishkek"
        (?:\s+of\s+(?:the\s+)?(?:SCO\s+|its\s+|member\s+)?(?:leaders|heads\s+of\s+states?|member\s+states|states))?
                            # "after the summit of SCO leaders in the Russian city of Ufa"
        (?:\s+(?:meeting|session)s?)?
                            # "at the SCO Heads of State Council meeting in Dushanbe"
        (?:[^.;]{{0,120}}?\b
           (?:opened|opens|open|held|convened|convenes|convene|hosted|kicked\s+off|kicks\s+off|kick\s+off|began|begins|begin
             |starts?|started|takes\s+place|took\s+place|take\s+place|will\s+be\s+held|be\s+held
             |is\s+being\s+held|gathered|met|meets|under\s+way|underway)
                            # "The day-long SCO summit is scheduled to open in Dushanbe on August 28."
           (?:\s+(?:(?:on|from|between)\s+[^.;]{{0,40}}?|in\s+(?:19|20)\d\d))?,?)?
                            # "held from 8-9 June in Astana"; "will be held in 2022 in Samarkand"
        \s+in
        (?:\s+the\s+(?:[\w-]+\s+){{0,2}}(?:capital|city)(?:\s+of(?:\s+(?P<of_place>[A-Z][a-z]+),)?)?,?)?)
                            # "the summit opened on Thursday in the Kazakh capital, Astana"; "in the capital of Tajikistan, Dushanbe"
    (?:\s+[A-Z][a-z]+['’]s(?:\s+(?:[a-z-]+\s+){{0,2}}(?:capital|city)(?:\s+city)?(?:\s+of)?,?)?)?
                            # "held on September 1 in China's Tianjin"; "in Kazakhstan's capital of Astana"
    \s+{_CITY}""", re.VERBOSE)
_LEADERS_MET_IN = re.compile(
    rf"""(?i:\b(?:leaders|heads\s+of\s+(?:member\s+)?states?|presidents|SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation)\b
        (?:\s*\(SCO\))?[^.;]{{0,100}}?\b
        (?:met|meet|meets|meeting|gathered|gather|gathering|convened|convene|assembled)
        (?:\s+(?:here|today|on\s+\w+))?\s+(?:for\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){{0,2}}summit\s+)?in
        (?:\s+the\s+(?:[\w-]+\s+){{0,2}}(?:capital|city)(?:\s+of)?,?)?)
                            # "gathered in the Uzbek city of Samarkand"
    (?:\s+[A-Z][a-z]+['’]s(?:\s+(?:[a-z-]+\s+){{0,2}}(?:capital|city)(?:\s+city)?(?:\s+of)?,?)?)?
    \s+{_CITY}
                            # "leaders of ... the SCO met in Yekaterinburg, Russia, Tuesday"; "The SCO, meeting in Astana"
                            # "Leaders of the SCO have gathered for a summit in Tashkent"
    """, re.VERBOSE)
_SIDELINES_IN = re.compile(
    rf"""\bin\s+{_CITY},?\s+on\s+the\s+sidelines\s+of\s+the\s+(?:[\w()-]+\s+){{0,5}}?(?i:summit)\b
                            # "On September 1, 2025, in Tianjin, on the sidelines of the SCO summit, ..."
    """, re.VERBOSE)
_NOT_LEADERS = re.compile(r"\b(?:foreign|defen[cs]e|prime|trade|economy|finance|energy|transport|interior)\s+"
                          r"ministers?\b|\bministers?\b", re.I)  # "SCO foreign ministers met in Astana"
_CITY_HOSTS = re.compile(rf"{_CITY}\s+(?i:(?:will\s+)?(?:host|hosts|hosted|is\s+hosting|hosting)\s+(?:the\s+)?"
                         r"(?:[\w-]+\s+){0,3}?summit)\b")
_NOT_CITY_WORDS = re.compile(r"\b(?:Organi[sz]ation|Cooperation|Council|Summit|Forum|Annual|Upcoming|Next|Last|"
                             r"This|The|Its|Their|Heads?|States?|Leaders?|SCO|BRICS)\b")
_OPEN = re.compile(r"\b(?:opened|opens|will\s+open|began|begins|will\s+begin|kicked\s+off|kicks\s+off|"
                   r"started|starts|will\s+start|convened|convenes)\b", re.I)
_CLOSE = re.compile(r"\b(?:conclude[sd]?|conclud\w+|end(?:s|ed)?|clos(?:e|es|ed)|wrap(?:s|ped)?\s+up)\b", re.I)
_ATTACH = re.compile(
    r"""[\s,()]*(?:(?:
        scheduled|set|planned|due|slated|held|taking|takes|take|took|place|to|be|will|was|were|is|are
        |which|runs?|ran|on|for|from|in|between
                            # "the summit, scheduled to take place on July 3-4"
        |starting|beginning|opening|starts|begins|opens|open|begin|start
                            # "the Summit in Astana starting June 8"; "the summit is scheduled to open ... on August 28"
        |of\s+the\s+(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation(?:\s*\(SCO\))?)
                            # "the fifth summit of the Shanghai Cooperation Organization in Shanghai June 15"
        |in\s+[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?
                            # "the summit in Astana on June 8"
        |via\s+video\s*link|virtually|online|SCO
                            # "will be held via video link on November 10"
        |['’]s|Shanghai\s+Co-?operation\s+Organi[sz]ation
                            # "at Thursday's Shanghai Cooperation Organization summit"
        |where\s+(?:an?|the)
                            # "will visit China's Qingdao city June 9-10, where a summit of the heads of state"
        |hosted\s+by(?:\s+[A-Z][\w’'-]+){1,3}|the\s+\d{1,2}(?:st|nd|rd|th)
                            # "The summit, hosted by Pakistan, is scheduled for October 15 and 16"; "On September 17,
                            # the 21st meeting of the Council of Heads of States"
        |of\s+the\s+(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation)(?:\s*\(SCO\))?(?:\s+member\s+states)?
        )\b[\s,()]*)*""", re.VERBOSE)
_DAYS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4, "day-long": 1, "daylong": 1}
_OPENING = re.compile(r"\b(?:starting|beginning|opening|starts|begins|opens|open|begin|start|kicks?\s+off)\b", re.I)
_SUMMIT_LENGTH = re.compile(
    r"""\b(?:(?P<n>one|two|three|four|[1-4])[\s-]day|(?P<long>day-?long))\s+
        (?:(?:SCO|annual|regular|[A-Z][a-z]+)\s+){0,2}
        (?:summit|meeting\s+of\s+the\s+Council\s+of\s+(?:the\s+)?Heads)\b
                            # "the one-day summit held on July 10"; "during the two-day Summit"
    """, re.I | re.VERBOSE)
_DATELINE = re.compile(
    r"""\W*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)?
                            # "(MENAFN- Kuwait News Agency (KUNA)) TOKYO, Dec 9 (KUNA) --"
        (?:(?P<city>[A-Z]{3,}(?:[\s-][A-Z]{3,})?)
           (?=\s*(?:,|\.|\s[—–-]|\s\())
                            # "TIANJIN, China, September 1."; "UFA, RUSSIA —"; "ASTANA. KAZINFORM -"
        | (?P<city2>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)
           (?=,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))
                            # "Bishkek, June 14, 2019. / Kabar /."
                            # "TIANJIN, China, September 1."; "UFA, RUSSIA —"; "ASTANA. KAZINFORM -"
    """, re.VERBOSE)
_ARRIVED_IN = re.compile(rf"\b(?i:leaders|heads\s+of\s+state|presidents)\b[^.;]{{0,300}}?\barrived\s+in\s+{_CITY}")
# A city, then the summit held there: "will visit China's Qingdao city June 9-10, where a summit of the heads of state
# of the SCO will be held".
_CITY_WHERE = re.compile(
    rf"""\b{_CITY}(?:\s+city)?(?:\s+(?:on\s+)?[^,.;]{{0,20}}?)?,\s+where\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?
        (?i:{_SUMMIT_NOUN})""", re.VERBOSE)
# Leaders in a city for the summit: "Eurasian leaders are now in the Uzbek capital of Tashkent for an annual summit".
_IN_CITY_FOR = re.compile(
    rf"""\b(?:(?i:leaders|heads\s+of\s+state|presidents)\b[^.;]{{0,100}}?\b(?:are|were|is|was)\s+(?:now\s+|already\s+)?
          |(?:due|(?:will\s+)?be|lands?|landed|landing)\s+)in
                            # "Ahmadinejad due in Astana for SCO meet"
        (?:\s+the\s+(?:[\w-]+\s+){{0,2}}(?:capital|city)(?:\s+of)?,?)?\s+{_CITY}
        (?i:[^.;]{{0,30}}?\bfor\s+(?:(?:an?|the|their)\s+)?(?:[\w-]+\s+){{0,2}}?{_SUMMIT_NOUN})""", re.VERBOSE)
# Someone arrived in a city to attend the summit: "Modi arrived in Bishkek on Thursday to attend the SCO summit".
_ARRIVED_TO_ATTEND = re.compile(
    rf"""\b(?:arriv(?:ed|es|ing)\s+in                         # "Modi arrived in Bishkek on Thursday to attend"
          |(?:left|leaves|leaving)\s+[A-Z][a-z]+\s+for          # "Ahmadinejad left Tehran for Astana to attend"
          |(?:headed|heads|heading|flew|flies|flying|travell?ed|travels|travell?ing|departed|departs|departing|left|leaves)
           \s+(?:to|for))                                       # "the president flew to Tashkent to attend"
        \s+(?:the\s+(?:[\w-]+\s+){{0,2}}(?:capital|city)(?:\s+of)?,?\s+)?{_CITY}
        (?i:[^.;]{{0,60}}?\bto\s+(?:attend|participate\s+in|take\s+part\s+in)\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?{_SUMMIT_NOUN})
    """, re.VERBOSE)
# "All the countries' leaders, in particular, ..., have already arrived in Bishkek."
_HERE = re.compile(r"\bhere\b")  # "The SCO summit held here on Friday ..." (the dateline's city)
_MEETING_IN = re.compile(
    rf"""(?i:\b(?:summit|meeting|council|session|gathering)\b[^.;]{{0,120}}?\bin
        (?:\s+the\s+(?:[\w-]+\s+){{0,2}}(?:capital|city)(?:\s+of)?,?)?)
    (?:\s+[A-Z][a-z]+['’]s)?
    \s+{_CITY}
                            # "the extended meeting of SCO's Heads of Governments Council in the Russian city of Ufa"
    """, re.VERBOSE)

_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_ORDINAL_WORDS = {w: i for i, w in enumerate(_UNITS) if w} | {w: 10 + i for i, w in enumerate(_TEENS)} | \
    {"twentieth": 20, "thirtieth": 30, "fortieth": 40} | \
    {f"{t}-{u}": v + i for t, v in _TENS.items() for i, u in enumerate(_UNITS) if u}
_ORDINAL = re.compile(
    r"\b(?P<n>\d{1,3})-?(?:st|nd|rd|th)\b|\b(?P<w>" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r")\b",
    re.I)
_NUMBERED_EVENT = re.compile(
    r"""\s+(?:(?:annual|regular|virtual|online|extraordinary|jubilee|anniversary)\s+)?
        (?:SCO\s+|Shanghai\s+Co-?operation\s+Organi[sz]ation\s+(?:\(SCO\)\s+)?)?
        (?:summit
                            # "the 24th SCO summit"; "the 23rd virtual summit of the bloc"
        | (?:meeting|session)\s+of\s+the\s+(?:SCO\s+)?
          (?:Council\s+of\s+(?:the\s+)?Heads\s+of\s+States?|Heads\s+of\s+States?\s+Council)
                            # "the 20th Meeting of the Council of Heads of State"; "The 19-th session of the Heads of State Council"
        | Council\s+of\s+(?:the\s+)?Heads\s+of\s+States?
        | heads[\s-]+of[\s-]+states?\s+(?:summit|council|meeting)
        | edition\s+of\s+(?:the\s+)?(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation)
                            # "The 21st edition of Shanghai Cooperation Organization (SCO) kicked off in Dushanbe"
        )\b""", re.I | re.VERBOSE)

_CHAIR_NOUN = r"(?:the\s+)?(?:(?:SCO|SCO's|SCO’s|organi[sz]ation's|organi[sz]ation’s|rotating|annual|group's|bloc's)\s+)*" \
              r"(?:presidency|chairmanship|chair)(?!man|woman|person)\b(?:\s+of\s+(?:the\s+)?" + _ORG + r")?"
_TAKE = re.compile(r"\b(?P<verb>take\s+over|takes\s+over|took\s+over|taking\s+over|assume[sd]?|assuming|take\s+up|"
                   r"takes\s+up|took\s+up|receive[sd]?|receiving|take|takes|took|inherit(?:s|ed)?)\s+" + _CHAIR_NOUN, re.I)
_HAND = re.compile(r"\b(?P<verb>hand(?:s|ed)?\s+over|pass(?:es|ed)?(?:\s+on)?|transfer(?:s|red)?)\s+" + _CHAIR_NOUN, re.I)
_HOLD = re.compile(r"\b(?P<verb>holds|currently\s+holds|is\s+(?:currently\s+)?holding|chairs|currently\s+chairs|is\s+(?:currently\s+)?chairing|presides\s+over|(?:has\s+)?presided\s+(?:in|over)|"
                   r"presides\s+in)\s+(?:in\s+)?(?:"
                   + _CHAIR_NOUN + r"|(?:the\s+)?(?:SCO|organi[sz]ation|bloc|group(?:ing)?)\b)"
                   + r"|\bunder\s+(?:the\s+)?(?P<dem>[A-Z][a-z]+)(?:['’]s)?\s+(?:rotating\s+)?(?:presidency|chairmanship)\b",
                   re.I)
_CHAIR_OF = re.compile(
    r"""\bunder\s+the\s+(?:rotating\s+)?(?:presidency|chairmanship)\s+of\s+(?P<of>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)
                            # "The meeting is being conducted under the presidency of Uzbekistan."
    | \b(?P<poss>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s\s+(?:current\s+|rotating\s+)?(?:presidency|chairmanship)
      \s+(?:of|in)\s+the\s+(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation)
                            # "an important milestone in Kazakhstan's chairmanship of the SCO"
    """, re.VERBOSE)
_BATON = re.compile(
    r"""\b(?P<verb>will\s+pass|passes|passed|will\s+hand(?:\s+over)?|hands(?:\s+over)?|handed(?:\s+over)?)
        \s+the\s+baton(?:\s+of\s+(?:the\s+)?(?:presidency|chairmanship))?(?=\s+to\b)
                            # "Kyrgyzstan will pass the baton of chairmanship to the Russian Federation"
    """, re.I | re.VERBOSE)
_PASSES = re.compile(
    rf"""(?i:{_CHAIR_NOUN})\s+
        (?P<verb>passes|passed|goes|went|moves|moved|rotates|rotated
        |will\s+(?:pass|go|move|rotate)|is\s+(?:set|due)\s+to\s+(?:pass|go|move))
        \s+(?:on\s+)?to\b
                            # "the rotating presidency passed to India"; "the chairmanship will pass to Kyrgyzstan"
    """, re.VERBOSE)
_WILL_CHAIR = re.compile(
    r"""\b(?:will|is\s+(?:set|due|going)\s+to|is\s+to)\s+(?:chair|preside\s+over)\s+
        (?:the\s+)?(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation|organi[sz]ation|bloc|group(?:ing)?)\b
                            # "Kyrgyzstan will chair the SCO in 2025-2026"
    """, re.I | re.VERBOSE)
# A country named as the current chair: "India hosted the summit in its capacity as the grouping's current chair",
# "India, the current chair of the SCO, hosted", "Kazakhstan is the SCO's rotating chair".
_AS_CHAIR = re.compile(
    r"""\b(?:as|is|was|remains)\s+(?:the\s+)?(?:(?:SCO|grouping|group|bloc|organi[sz]ation)['’]s\s+)?
        (?:current|rotating|incumbent)\s+(?:SCO\s+)?(?:chair|chairman|president|presiding\s+country)(?!\w)
                            # "in its capacity as the grouping's current chair"; "Kazakhstan is the SCO's rotating chair"
    | ,\s+(?:the\s+)?(?:current|rotating|incumbent)\s+(?:SCO\s+)?(?:chair|chairman)(?:\s+of\s+the\s+(?:SCO|bloc|grouping))?,
                            # "India, the current chair of the SCO, hosted the summit"
    """, re.I | re.VERBOSE)
# The chair named first, its country after: "As the current president of the SCO, China is ready to ...".
_AS_CHAIR_FRONTED = re.compile(
    r"""\W*As\s+(?:the\s+)?(?:current|rotating|incumbent)\s+(?:SCO\s+)?(?:chair|chairman|president|presiding\s+country)
        (?:\s+of\s+the\s+(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation|organi[sz]ation|bloc|grouping))?\s*,\s*""",
    re.I | re.VERBOSE)
_FROM = re.compile(r"\bfrom\s+")
_TO = re.compile(r"\bto\s+")
_PAST_VERB = re.compile(r"^(?:took|assumed|received|inherited|handed|passed|transferred|went|moved|rotated)", re.I)

_HEDGE = r"(?:(?:almost|nearly|about|around|roughly|approximately|some|over|more\s+than|less\s+than|just\s+over|" \
         r"just\s+under|close\s+to|up\s+to|at\s+least|well\s+over|a\s+little\s+over)\s+)?"
_FRACTION_WORDS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_SHARE = re.compile(
    _HEDGE + r"(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)"
    r"|(?:(?P<k>a|one|two|three|four)[\s-]+)?(?P<frac>half|thirds?|quarters?|fifths?|tenths?)\b)"
    r"\s+of\s+(?:the\s+)?(?:(?:world['’]s|global|the\s+world['’]s|planet['’]s|world|total\s+world|total\s+global)\s+)?"
    r"(?:total\s+)?(?P<what>population|people|inhabitants|humanity|mankind|GDP|gross\s+domestic\s+product|"
    r"economy|economic\s+output|output)"
    r"(?:\s+of\s+the\s+(?:world|planet|globe))?", re.I)
_WORLD = re.compile(r"world|global|planet|humanity|mankind|globe", re.I)
_PPP = re.compile(r"\bPPP\b|purchasing[\s-]+power", re.I)
_NOMINAL = re.compile(r"\bnominal\b|market\s+exchange\s+rates?", re.I)


_LEADER = rf"(?:caretaker\s+|acting\s+|interim\s+)?(?:{lexicon.HEAD_TITLE}|leader|counterpart)"
_DEM_LEADER = re.compile(rf"\b(?P<dem>[A-Z][a-z]+)(?:['’]s)?\s+{_LEADER}\b", re.I)
_DEMS_LEADERS = re.compile(
    rf"""\b(?P<dems>[A-Z][a-z]+(?:\s*,\s*[A-Z][a-z]+)*,?\s+and\s+[A-Z][a-z]+)\s+(?i:{_LEADER})s\b
                            # "his Russian and Chinese counterparts, Dmitry Medvedev and Hu Jintao"
    """, re.VERBOSE)
_EXCEPT = re.compile(rf"\bexcept\s+(?:for\s+)?(?:the\s+)?(?P<dem>[A-Z][a-z]+)(?:['’]s)?\s+{_LEADER}\b")
_ABSENT = re.compile(r"\b(?:will\s+not|won['’]t|did\s+not|does\s+not|is\s+not\s+going\s+to)\s+(?:attend|travel\s+to|"
                     r"take\s+part\s+in|participate\s+in)|\b(?:will\s+skip|skipped|skips|will\s+miss|missed|"
                     r"(?:will\s+)?stay(?:ed)?\s+away\s+from)\b", re.I)
_ATTEND_WORD = re.compile(r"\battend|\bparticipat|\btake\s+part|\btaking\s+part", re.I)
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
_LEADER_WORD = re.compile(rf"{lexicon.HEAD_TITLE}|Minister|[Ll]eader|counterpart")
_LEADER_NAMED = re.compile(
    rf"""\b(?P<dem>[A-Z][a-z]+)(?:['’]s)?\s+(?i:{_LEADER})\s+(?P<name>{_NAME})
                            # "Russian President Vladimir Putin"; "Pakistan Prime Minister Shehbaz Sharif"
    | \b(?i:{_LEADER})s?\s+of\s+(?P<dem2>[A-Z][a-z]+)\s+(?P<name2>{_NAME})
                            # "Presidents of Belarus Alexander Lukashenko, Mongolia Khaltmaagiin Battulga"
    """, re.VERBOSE)
_ATTEND_CUE = re.compile(
    r"""\b(?:attend(?:s|ed|ing)?
                            # "Modi attended the 15th SCO summit"; "which was attended by Prime Minister Modi"
    | participat(?:e|es|ed|ing|ion)|took\s+part|take\s+part|taking\s+part
                            # "Leaders of Russia, China ... participated in the video conference"
    | (?:has|have|had)\s+(?:already\s+)?arrived|arrived\s+(?:in|for|at)
                            # "Russian President Vladimir Putin has already arrived for the meeting"
    | address(?:es|ed|ing)?\s+the\s+(?:summit|gathering|meeting|session|event|leaders|inauguration)
                            # "Addressing the gathering, Pakistan President Asif Ali Zardari said"
    | (?:spoke|speaking|speech|remarks)\s+(?:\w+\s+){0,3}?at\s+the
                            # "Speaking at the SCO summit in Tashkent, Putin said"; "his opening speech at the meeting"
    | chair(?:s|ed|ing)\s+the\s+(?:[\w-]+\s+){0,3}?(?:summit|meeting|session)
                            # "Uzbek President Shavkat Mirziyoyev chaired the 22nd SCO summit"
    | joined\s+the\s+(?:[\w-]+\s+){0,2}?(?:leaders|summit|meeting|talks)
                            # "Putin and Xi joined the leaders of other countries ... at its annual meeting"
    | (?:chaired|joined|attended|addressed)\s+by
                            # "The summit, chaired by ..., was joined by Chinese President Xi Jinping, his Russian counterpart"
    | at\s+(?:the|a|an)\s+(?:[\w()-]+\s+){0,5}?(?:summit|meeting\s+of\s+the\s+Council)
                            # "Iran's President Mahmoud Ahmadinejad warned ... at the fifth summit of the SCO";
                            # "signed a document granting Pakistan and India membership at a summit on June 9"
    | (?:open(?:s|ed|ing)?|kick(?:s|ed|ing)?\s+off)\s+(?:the|an?|its)\s+(?:[\w’'-]+\s+){0,5}?(?:summit|meeting|sessions?)
                            # "Mirziyoyev said as he opened an expanded meeting of the summit"; "kicking off a six-nation summit"
    | (?:is|are|was|were)\s+(?:already\s+|now\s+|also\s+)?(?:in\s+(?-i:[A-Z])[\w’'-]+\s+(?:for|to\s+attend)|present)\b
                            # "Chinese President Hu Jintao and Russian President Vladimir Putin are in Beijing for a summit"
    | (?:(?:are|were|is|was)\s+meeting\s+(?:\w+\s+){0,3}?|gather(?:s|ed|ing)\s+)in\s+(?-i:[A-Z])\w*
                            # "the presidents of China, Russia ... are meeting this week in Shanghai for a summit"
    | (?:during|at)\s+the\s+(?:[\w-]+\s+){0,3}?(?:summit|meeting)\s*,\s+the\s+(?:leaders|presidents|heads)
                            # "During the meeting, the presidents of the six member nations – China, Russia, ... – adopted"
    | saw\s+the\s+participation\s+of
                            # "The summit also saw the participation of Russian President Vladimir Putin"
    | on\s+the\s+sidelines\s+of
                            # "Modi met Xi on the sidelines of the summit"
    )\b""", re.I | re.VERBOSE)
_EVENT = re.compile(r"\b(?:summit|meeting|conference|gathering|session|event|council)s?\b", re.I)
_LEADERS_OF = re.compile(
    r"""\b(?:leaders|presidents|heads\s+of\s+(?:state|government))\s+of\s+
        (?:the\s+(?:SCO\s+|six\s+|founding\s+)?member[\s-]+(?:states|countries|nations)\s*(?:,|:|\(|--|[—–])\s*)?
                            # "The presidents of the SCO member-states -- China, Russia, Kazakhstan ... -- signed"
    """, re.I | re.VERBOSE)
_INVITED_BY = re.compile(r"\b(?:invitation|invited|hosted)\s+(?:of|by)\s+(?:[\w’'-]+,?\s+){0,7}", re.I)
_NOT_A_LEADER_BEFORE = re.compile(
    r"\b(?:(?<!Prime\s)Minister|Ambassador|Secretary|Envoy|Deputy|Speaker|Governor|Mayor|Representative)s?"
    r"\s+(?:of\s+|to\s+)?(?:the\s+)?$")  # "Foreign Minister of the Lao People's Democratic Republic X"
_LIST_GAP = re.compile(r"[^A-Z.;:()—–-]{0,40}")  # between two countries of one list: ", ", " and four observers including "
_COUNTRY_THEN_NAME = re.compile(r"\s+(?P<name>[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+){1,2})")

_DOC_HEAD = r"(?:declaration|strategy|agreement|treaty|charter|convention|programme|program|action\s+plan|plan|" \
            r"roadmap|road\s+map|concept|memorandum|communiqu[eé]|resolution)"
_ADOPT = re.compile(
    r"\b(?:adopt(?:s|ed|ing)?|endors(?:e|es|ed|ing)|sign(?:s|ed|ing)?|approv(?:e|es|ed|ing)|ratif(?:y|ies|ied)|issu(?:e|es|ed|ing)|"
    r"(?:approval|adoption|signing|ratification)\s+of)\s+(?:(?:a|an|the)\s+)?(?P<mods>(?:[\w-]+\s+){0,3}?)"
    rf"(?P<head>{_DOC_HEAD})s?\b", re.I)
_DOC_SUBJECT = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?)(?P<head>{_DOC_HEAD})\s+will\s+"
                          r"(?:record|reflect|include|contain|set\s+out|outline|be\s+adopted|be\s+signed|be\s+approved)\b",
                          re.I)
_AND_DOC = re.compile(rf"\s*(?:,|\band\b|,\s*and\b)\s+(?:(?:a|an|the)\s+)?"
                      rf"(?P<mods>(?:(?!(?:adopt|endors|sign|approv|ratif|the\b|a\b|an\b))[\w-]+\s+){{0,3}}?)(?P<head>{_DOC_HEAD})s?\b",
                      re.I)
_DOC_PASSIVE = re.compile(
    rf"""\b(?:[Tt]he|[Aa]n?)\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?)(?P<head>(?i:{_DOC_HEAD}))s?
        (?:,?\s+(?:which\s+was\s+|was\s+|were\s+)?(?:adopted|issued|signed|approved)
           \s+(?:at|by|following|after|during|on)\b
                            # "the Tianjin Declaration, adopted following the meeting"; "A declaration issued at the
                            # conclusion of the summit"
        | (?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,5}}?[\w-]+)?\s+(?:has|have)\s+been\s+(?:adopted|issued|signed|approved)\b)
                            # "the Dushanbe Declaration of the SCO member states heads has been signed"
    """, re.VERBOSE)
_DOCUMENTS_INCLUDING = re.compile(
    r"""\b(?:adopt(?:s|ed|ing)?|sign(?:s|ed|ing)?|approv(?:e|es|ed|ing)|(?:adoption|signing|approval)\s+of)
        \s+(?:[\w-]+\s+){0,3}?documents?\b[^.;]{0,40}?(?=\b(?:including|among\s+them|such\s+as|namely)\b|[-–—:])
                            # "the signing of eleven documents, including the Astana Declaration, the Convention ..."
    """, re.I | re.VERBOSE)
_LIST_DOC = re.compile(rf"(?:,|\band\b|,\s*and\b|including|among\s+them|such\s+as|namely|[-–—:])\s*(?:(?:a|an|the)\s+)?"
                       rf"(?P<mods>(?:(?!(?:adopt|endors|sign|approv|ratif|the\b|a\b|an\b))[\w-]+\s+){{0,3}}?)"
                       rf"(?P<head>{_DOC_HEAD})s?\b", re.I)
_GENERIC_MODS = {"final", "new", "draft", "joint", "political", "comprehensive", "package", "various", "several",
                 "number", "of", "key", "important", "major", "long-term", "relevant", "official", "summit", "sco",
                 "a", "an", "the", "its", "their", "and", "for", "on"}
_SG_TITLE = r"(?:[Ss]ecretary[\s-]+[Gg]eneral|Sec\.?[\s-]*Gen\.?)(?![\w-])"
_SG_ORG = r"(?:SCO|Shanghai\s+Co-?operation\s+Organi[sz]ation(?:\s*\(SCO\))?)"
_SG_NOT_NAME = r"(?!(?:[A-Z][\w’'-]+\s+){0,3}(?:Centre|Center|Council|Forum|Club|Institute|Committee|Secretariat|Research|Business|Bank|Fund|Foundation|University|Academy|Association|Union|Youth|Energy)\b)"
_SG_NAME = _SG_NOT_NAME + r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
_SG = re.compile(
    rf"""(?:\b{_SG_ORG}(?:['’]s)?\s+{_SG_TITLE}
                            # "SCO Secretary-General Zhang Ming"; "SCO Sec Gen Zhang Ming"; "the SCO's Secretary General"
    | \b{_SG_TITLE}\s+of\s+(?:the\s+)?{_SG_ORG}
                            # "Secretary General of Shanghai Cooperation Organization (SCO) Zhang Ming"
    | \b(?:the\s+)?(?:organi[sz]ation|bloc|group(?:ing)?)['’]s\s+{_SG_TITLE}
                            # "the organization's Secretary General, Zhang Ming"
    )
    ,?\s+(?P<name>{_SG_NAME})
    | (?<![\w-])(?P<name_first>(?!(?:The|In|On|At|By|For|From|With|As|And|But|Meanwhile|Earlier|Later)\b)
        [A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{1,3}}),\s+(?:the\s+|who\s+is\s+(?:the\s+)?)?
        (?:{_SG_ORG}(?:['’]s)?\s+{_SG_TITLE}|{_SG_TITLE}\s+of\s+(?:the\s+)?{_SG_ORG})(?!\s*,?\s+[A-Z])
                            # "Zhang Ming, the SCO Secretary-General, said"
    | (?:^|(?<=[,;:(])\s*|\b(?:and|with|by)\s+)(?:the\s+)?{_SG_TITLE}\s+(?P<name_bare>{_SG_NAME})
                            # "..., Secretary General Nurlan Yermekbayev held a meeting" (the SCO named in the sentence)
    | (?<![\w-])(?P<name_elected>(?!(?:The|In|On|At|By|For|From|With|As|And|But)\b)
        [A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{1,3}})\s+(?:was|has\s+been|is|will\s+be)\s+
        (?:elected|appointed|named|confirmed)\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?(?:SCO\s+)?{_SG_TITLE}
        (?:\s+of\s+(?:the\s+)?(?:{_SG_ORG}|[Oo]rgani[sz]ation))?(?!\s+[A-Z])
                            # "Russian citizen Dmitri Mezentsev was elected Secretary General of the Organization."
    """, re.VERBOSE)


@dataclass
class _Sent:
    article_id: str
    sentence_id: int
    start: int
    end: int
    kind: str
    text: str
    dates: list | None = None  # the sentence's time expressions, from the shared reading when it read them


def _dates(text: str, s: _Sent, ref: date | None) -> list:
    """The sentence's time expressions: the shared reading's (``sentences.read``), else read here once."""
    if s.dates is None:
        s.dates = timeexpr.find(text, s.start, s.end, ref)
    return s.dates


def _row(s: _Sent, key: str, value: str, modality: str, as_of: str, as_of_date=None) -> dict:
    return {"article_id": s.article_id, "sentence_id": s.sentence_id, "start": s.start, "end": s.end,
            "quote": s.text, "claim_key": key, "value": value, "modality": modality, "as_of": as_of,
            "as_of_date": as_of_date, "_body": s.kind == "body"}


def _decimal(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if x < 1 else f"{x:.4f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- founding

def _founding(text: str, s: _Sent, ref: date | None) -> list[dict]:
    """founded.year / founded.date / founded.place from a sentence that says the SCO was founded."""
    out = []
    first = _FOUNDED_FIRST.match(text, s.start, s.end)
    cues = [first.span("cue")] if first else []
    for m in _FOUNDING.finditer(text, s.start, s.end):
        if not _SHANGHAI_FIVE.search(text, max(s.start, m.start() - 20), m.end()):
            cues.append(next(m.span(g) for g in ("cue", "cue3", "cue4", "cue2") if m.group(g)))
    for cue_start, cue_end in cues:
        lo = s.start
        for b in _SCOPE_BREAK.finditer(text, s.start, cue_start):
            lo = b.end()
        brk = _SCOPE_BREAK.search(text, cue_end, s.end)
        hi = brk.start() if brk else s.end
        found = _dates(text, s, ref) if (lo, hi) == (s.start, s.end) else timeexpr.find(text, lo, hi, ref)
        dates = [d for d in found if d.date and d.precision in ("day", "month", "year")]
        if dates:
            d = dates[0]
            out.append(_row(s, "founded.year", str(d.date.year), "reported", "timeless"))
            if d.precision == "day":
                out.append(_row(s, "founded.date", d.date.isoformat(), "reported", "timeless"))
        spans = [(d.start, d.end) for d in _dates(text, s, ref)]
        for p in _PLACE.finditer(text, cue_end, hi):
            gap = "".join(ch for i, ch in enumerate(text[cue_end:p.start()], cue_end)
                          if not any(a <= i < b for a, b in spans))
            place = p.group("place")
            if not _PLACE_GAP.fullmatch(gap):
                break
            if any(a <= p.start("place") < b for a, b in spans) or place.split()[0] in _NOT_PLACE \
                    or countries.resolve(place):
                continue
            out.append(_row(s, "founded.place", place, "reported", "timeless"))
            break
        break
    return out


def _status_as_of(r, ref: date | None) -> tuple[str, date | None]:
    """The time a membership row speaks of: its own ``as_of`` when the membership table gives one,
    else the day, month or year the status was gained, else the article's date (a present state)."""
    as_of = getattr(r, "as_of", None)
    if isinstance(as_of, str) and as_of:
        as_of_date = getattr(r, "as_of_date", None)
        return as_of, None if as_of_date is None or pd.isna(as_of_date) else as_of_date
    if pd.isna(r.date) or r.date_precision == "none":
        return (str(int(r.year)), None) if pd.notna(r.year) else ("publication", ref)
    d = pd.Timestamp(r.date)
    if r.date_precision == "day":
        return f"{d:%Y-%m-%d}", d.date()
    return (f"{d:%Y-%m}" if r.date_precision == "month" else f"{d:%Y}"), None


def _records(df: pd.DataFrame) -> list:
    """The rows of ``df`` as named tuples, as ``itertuples`` gives them, read column by column (row by row,
    an Arrow-backed frame costs a Python call per cell)."""
    row = namedtuple("Row", df.columns, rename=True)
    return list(map(row._make, zip(*(df[c].tolist() for c in df.columns))))


def _from_membership(membership: pd.DataFrame, sents: dict, refs: dict) -> list[dict]:
    """founded.members (and founded.year, when they give one) from founding_member rows; accession.year.<ISO3>
    from dated member rows;
    status.<ISO3> from every row (a founding member is a member), as of the time the row speaks of."""
    out = []
    if membership.empty:
        return out
    rows = _records(membership)
    founders: dict[tuple, set[str]] = {}  # by sentence, in order of appearance
    founded: dict[tuple, set[int]] = {}
    for r in rows:
        if r.status == "founding_member":
            founders.setdefault((r.article_id, r.sentence_id), set()).add(r.iso3)
            if pd.notna(r.year):
                founded.setdefault((r.article_id, r.sentence_id), set()).add(int(r.year))
    for (aid, sid), isos in founders.items():
        if len(isos) >= 2:
            out.append(_row(sents[aid, sid], "founded.members", ";".join(sorted(isos)), "reported", "timeless"))
            years = founded.get((aid, sid), set())
            if len(years) == 1:  # "China, Russia, ... set the group up in Shanghai in 2001": the founding year
                out.append(_row(sents[aid, sid], "founded.year", str(years.pop()), "reported", "timeless"))
    for r in rows:
        if r.status == "member" and pd.notna(r.year):
            out.append(_row(sents[r.article_id, r.sentence_id], f"accession.year.{r.iso3}", str(int(r.year)),
                            r.modality, "timeless"))
    times: dict[tuple, tuple[str, date | None]] = {}  # rows of one sentence share their time
    for r in rows:
        when = (r.article_id, r.date, r.date_precision, r.year, getattr(r, "as_of", None))
        if when not in times:
            times[when] = _status_as_of(r, refs.get(r.article_id))
        as_of, as_of_date = times[when]
        status = "member" if r.status == "founding_member" else r.status
        out.append(_row(sents[r.article_id, r.sentence_id], f"{STATUS_PREFIX}{r.iso3}", status, r.modality,
                        as_of, as_of_date))
    return out


def _from_counts(counts: pd.DataFrame, sents: dict) -> list[dict]:
    """Group sizes, with the counts table's modality and as-of carried over."""
    out = []
    for r in _records(counts):
        key = COUNT_KEYS[r.status]
        s = sents[r.article_id, r.sentence_id]
        if r.status == "founding_member":
            out.append(_row(s, key, str(int(r.count)), "reported", "timeless"))
        else:
            as_of_date = None if pd.isna(r.as_of_date) else r.as_of_date
            out.append(_row(s, key, str(int(r.count)), r.modality, r.as_of, as_of_date))
    return out


# ---------------------------------------------------------------- summit

def _city(name: str) -> str | None:
    words = name.split()
    for i, w in enumerate(words):  # "in Shanghai June 15": the month is not part of the city
        if w in _NOT_PLACE and i:
            words = words[:i]
            break
    while words and words[0].lower() in _NOT_PLACE_LOWER:
        words.pop(0)
    if len(words) > 1 and words[-1] == "City":  # "Dushanbe City" is Dushanbe
        words.pop()
    if not words:
        return None
    name = " ".join(words)
    if _NOT_CITY_WORDS.search(name) or name.split()[0] in _NOT_PLACE or countries.resolve(name) \
            or countries.resolve(name.split()[0]) or name.isupper():
        return None
    return name


_YEAR_BEFORE = re.compile(r"\b(?P<y>(?:19|20)\d\d)\s+(?:SCO\s+)?$")  # "the 2006 Shanghai summit"


def _summit_of_another_year(text: str, s: _Sent, m: re.Match, ref: date | None) -> bool:
    """Whether a year written right before the summit names another year than the article's: "the
    group's 2009 summit in Yekaterinburg" in a 2010 piece is a past summit, not this one."""
    y = _YEAR_BEFORE.search(text[max(s.start, m.start() - 14):m.start()])
    return bool(ref and y and int(y.group("y")) != ref.year)


_PAST_DAYS = 120  # a month or day this long before the article is another (past) summit's


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A year that dates the organisation's founding is not the event's: "a first time expansion of the group since its
# inception in 2001", "the SCO, founded in 2001, ...".
_FOUNDING_YEAR = re.compile(r"""
    \b(?:inception|founding|foundation|creation|establishment|birth|founded|established|created|formed)
    (?:\s+(?:in|on))?(?:\s+[A-Z][a-z]+)?(?:\s+\d{1,2},?)?\s*$""", re.I | re.X)


def _other_year(text: str, s: _Sent, ref: date | None, founding: bool = False) -> bool:
    """Whether the sentence dates what it says to an earlier time than the article's (a past summit):
    a month or day more than ``_PAST_DAYS`` before it ("in September 2021 at the Dushanbe summit" in
    2022, "last July during the summit in Astana"), or only years before the article's; far-future
    years ("a strategy until 2035") are horizons, not dates of the event. The founding year counts
    only with ``founding`` (who met "at a summit in Shanghai in 2001" is the founders, not today's
    leaders; a document is not dated by "the SCO, founded in 2001, adopted ...")."""
    if not ref:
        return False
    relative = []
    for d in _dates(text, s, ref):
        if d.date and d.precision in ("day", "month") and (ref - (d.end_date or d.date)).days > _PAST_DAYS:
            return True
        if d.date and d.precision == "year" and not _YEAR.fullmatch(d.text):
            relative.append(d.date.year)  # "at the Dushanbe summit last year"
    years = [int(m.group(0)) for m in _YEAR.finditer(text, s.start, s.end)
             if founding or not _FOUNDING_YEAR.search(text, max(s.start, m.start() - 60), m.start())]
    if any(y >= ref.year or (ref - date(y, 12, 31)).days <= _PAST_DAYS for y in years):
        return False  # this year, the next, or a year that ended just before publication
    return any(y < ref.year for y in years + relative)


# The summit after this one: "The parties have agreed to hold the next summit in the Russian city of Chelyabinsk".
_NEXT_BEFORE = re.compile(r"\b(?:next|following)\s+(?:(?:SCO|annual|regular)\s+)*$", re.I)


def _summit_places(text: str, s: _Sent, ref: date | None, has: int = -1) -> list[tuple[str, bool]]:
    """(city, whether it is the next summit's) for each summit place the sentence states (``has``: the
    sentence's word families, ``_SCAN``; a pattern is tried only where its words are)."""
    found = []
    matches = [m for rx, need in _PLACE_PATTERNS if has & need == need for m in rx.finditer(text, s.start, s.end)]
    if has & _BIT["met_verb"]:
        matches += [m for m in _LEADERS_MET_IN.finditer(text, s.start, s.end)
                    if not _NOT_LEADERS.search(text, s.start, m.start("city"))]
    for m in matches:
        if _summit_of_another_year(text, s, m, ref):
            continue
        of_place = m.groupdict().get("of_place")
        # "in the capital of Tajikistan, Dushanbe" names a country, then the city; "in the Russian city of Ufa,
        # Putin announced" names the city, then goes on
        city = _city(of_place if of_place and not countries.resolve(of_place) else m.group("city"))
        if city:
            found.append((m.start(), city, bool(_NEXT_BEFORE.search(text, max(s.start, m.start() - 30), m.start()))))
    if not found or _other_year(text, s, ref):
        return []
    return [(c, nxt) for _, c, nxt in sorted(found)]


def _summit_dates(text: str, s: _Sent, ref: date | None, length: int | None = None) -> tuple[date, date] | None:
    """(first day, last day) of the summit when the sentence dates it to the day: a day range attached
    to the summit, an opening day attached to it plus the article's "N-day summit", or an opening
    day plus a closing day."""
    summits = list(_SUMMIT.finditer(text, s.start, s.end))
    if not summits:
        return None
    dates = [d for d in _dates(text, s, ref) if d.date and d.precision == "day"]
    for d in dates:
        gaps = [(m, m.end(), d.start) for m in summits if _ATTACH.fullmatch(text, m.end(), d.start)]
        gaps += [(m, d.end, m.start()) for m in summits if _ATTACH.fullmatch(text, d.end, m.start())]
        if not gaps or _other_year(text, s, ref):
            continue
        if d.end_date:
            return d.date, d.end_date
        if length:
            return d.date, d.date + timedelta(days=length - 1)
        if any(not _OPENING.search(text, a, b) for _, a, b in gaps) and not _CLOSE.search(text, s.start, s.end):
            # "the SCO summit in Bishkek on Aug 16", "the 20th Meeting of the Council of Heads of State
            # will be held via video link on November 10": the summit's day, as the text gives it
            # (the comparison tells when the summit in fact had more days); a closing day
            # ("concluded its Beijing summit on Thursday") is not.
            return d.date, d.date
    opening = _OPEN.search(text, summits[0].end(), s.end)
    if not opening:
        return None
    first = next((d for d in dates if d.start >= opening.end()), None)
    closing = _CLOSE.search(text, opening.end(), s.end)
    if not first or not closing:
        return None
    later = [d for d in timeexpr.find(text, closing.end(), s.end, first.date) if d.date and d.precision == "day"]
    if later and later[0].date >= first.date:
        return first.date, later[0].date
    return None


def _summit_length(text: str, sents: list[_Sent]) -> int | None:
    """Days the summit lasts, from the article's first "N-day summit"."""
    for s in sents:
        m = _SUMMIT_LENGTH.search(text, s.start, s.end)
        if m:
            return _DAYS[(m.group("n") or m.group("long")).lower()]
    return None


def _dateline_place(text: str, sents: list[_Sent], ref: date | None) -> tuple[_Sent, str] | None:
    """(evidence sentence, city) when the dateline's city is the summit's place.

    A dateline says where the story was filed, which is often a bureau far from the summit
    ("TOKYO, Dec 9 (KUNA)" on an SCO statement), so the city alone is not the summit's place. It is,
    when the article reports a summit under way or held (not one to come) and names no other summit
    city, and either a summit sentence says it met "here" or the body places a meeting in that city
    ("the extended meeting ... in the Russian city of Ufa"). A city only in the dateline ("ASTANA, July 4. /TASS/." with "the Kazakh
    capital" in the body) gives no claim: the evidence would be the dateline alone; nor does a city
    the body names in passing ("officials in Tokyo"): the meeting must be placed there.
    """
    body = [s for s in sents if s.kind == "body"]
    first = next(((s, m) for s in body[:3] if (m := _DATELINE.match(text, s.start, s.end))), None)
    if not first:
        return None  # the dateline opens the text, after at most a couple of stray lines
    opening, m = first
    city = _city((m.group("city") or m.group("city2")).title())
    if not city:
        return None
    held = [s for s in sents if _SUMMIT.search(text, s.start, s.end) and not _other_year(text, s, ref)
            and _summit_modality(text, s, None, None) == "reported"]
    if not held:
        return None
    here = next((s for s in held if _HERE.search(text, s.start, s.end)), None)
    if here:
        return here, city
    for s in body:
        lo = m.end() if s is opening else s.start
        if any(again.group("city") == city for rx in (_MEETING_IN, _ARRIVED_IN) for again in rx.finditer(text, lo, s.end)):
            return s, city
    return None


# "first"/"last" ranking the summit by something else is not its number: "the first SCO summit attended by India
# and Pakistan as full members", "the first summit since the pandemic", "the first summit with Iran as a member".
_RANKED_BY = re.compile(r"\s+(?:attended|held|hosted|chaired|since|after|with|without|where|at\s+which|in\s+which|"
                        r"for|to|under|as|that|which|of\s+its\s+kind|in\s+person)\b", re.I)


def _summit_numbers(text: str, s: _Sent) -> list[str]:
    out = []
    for m in _ORDINAL.finditer(text, s.start, s.end):
        event = _NUMBERED_EVENT.match(text, m.end())
        if not event:
            continue
        word = (m.group("w") or "").lower()
        if word in ("first", "last") and _RANKED_BY.match(text, event.end()):
            continue
        if _SHANGHAI_FIVE.search(text, max(s.start, m.start() - 120), m.start()):
            continue  # the forerunner's summits: "Presidents of the "Shanghai Five" ... met for their sixth summit"
        out.append(m.group("n") or str(_ORDINAL_WORDS[word]))
    return out


# ---------------------------------------------------------------- chair

def _country_after(text: str, word: re.Pattern, start: int, end: int) -> str | None:
    m = word.search(text, start, end)
    if not m:
        return None
    found = [c for c in countries.find(text, m.end(), end) if not c.demonym and c.start <= m.end() + 4]
    return found[0].iso3 if found else None


def _subject(text: str, s: _Sent, at: int) -> str | None:
    found = [c for c in countries.find(text, s.start, at) if not c.demonym]
    return found[-1].iso3 if found else None


def _chair(text: str, s: _Sent, has: int = -1) -> list[tuple[str, str]]:
    """(chair.current | chair.next, ISO3) for hand-overs and current chairs named in the sentence
    (``has``: its word families; a pattern is tried only where its words are).

    A future hand-over names the next chair and the current one ("X will take over ... from Y");
    a past one names the current chair ("X took over the chairmanship").
    """
    out = []
    noun = has & _BIT["chair_noun"]
    for rx in (_TAKE, _HAND, _BATON):
        if not (has & _BIT["baton"] if rx is _BATON else noun):
            continue
        for m in rx.finditer(text, s.start, s.end):
            if rx is _TAKE:
                taker, giver = _subject(text, s, m.start()), _country_after(text, _FROM, m.end(), s.end)
            else:
                taker = _country_after(text, _TO, m.end(), s.end)
                giver = _country_after(text, _FROM, m.end(), s.end) or _subject(text, s, m.start())
            if _PAST_VERB.match(m.group("verb")):
                out += [("chair.current", taker)] if taker else []
            else:
                out += [("chair.next", taker)] if taker else []
                out += [("chair.current", giver)] if giver else []
    for m in _PASSES.finditer(text, s.start, s.end) if noun else ():
        taker = _country_after(text, _TO, m.end() - 2, s.end)
        if taker:
            out.append(("chair.current" if _PAST_VERB.match(m.group("verb")) else "chair.next", taker))
    for m in _CHAIR_OF.finditer(text, s.start, s.end) if noun else ():
        iso = countries.resolve(m.group("of") or m.group("poss"))
        if iso:
            out.append(("chair.current", iso))
    for m in _AS_CHAIR.finditer(text, s.start, s.end) if has & _BIT["current"] else ():
        iso = _subject(text, s, m.start())
        if iso:
            out.append(("chair.current", iso))
    m = _AS_CHAIR_FRONTED.match(text, s.start, s.end) if has & _BIT["current"] else None
    if m:
        found = [c for c in countries.find(text, m.end(), s.end) if not c.demonym and c.start <= m.end() + 4]
        if found:
            out.append(("chair.current", found[0].iso3))
    for m in _WILL_CHAIR.finditer(text, s.start, s.end):
        iso = _subject(text, s, m.start())
        if iso:
            out.append(("chair.next", iso))
    for m in _HOLD.finditer(text, s.start, s.end) if has & _BIT["hold"] else ():
        iso = countries.resolve(m.group("dem")) if m.group("dem") else _subject(text, s, m.start())
        if iso:
            out.append(("chair.current", iso))
    return out


# ---------------------------------------------------------------- attendance, documents, offices

def _iso_of(word: str) -> str | None:
    found = countries.find(word)
    return found[0].iso3 if len(found) == 1 and found[0].start == 0 and found[0].end == len(word) else None


def _people(text: str, sents: list[_Sent], has: list[int] | None = None) -> dict[str, str]:
    """Leaders the article introduces with their country ("Russian President Vladimir Putin"), by full
    name and by surname, so a later "Putin said during his opening speech" is Russia's leader
    (``has``: each sentence's word families; only sentences with a leader's title are read)."""
    out: dict[str, str] = {}
    for s, may in zip(sents, has or [-1] * len(sents)):
        if not (may & _BIT["leader"] and _LEADER_WORD.search(text, s.start, s.end)):
            continue
        for m in _LEADER_NAMED.finditer(text, s.start, s.end):
            iso = _iso_of(m.group("dem") or m.group("dem2"))
            name = m.group("name") or m.group("name2")
            words = [w for w in name.split() if not countries.resolve(w)]
            if iso and words:
                out.setdefault(" ".join(words), iso)
                out.setdefault(words[-1], iso)
    return out


def _leaders_in(text: str, s: _Sent, people: dict[str, str], has: int = -1) -> list[tuple[int, str]]:
    """(offset, ISO3) of each state leader the sentence names: by title ("Chinese President Xi"),
    as "leaders of A, B and C", as a country followed by a person's name ("Kazakhstan Kassym-Jomart
    Tokayev") or by a name the article introduced before. A host who invited the others, and a
    minister or envoy of a country, are left out."""
    found = []
    for m in _DEM_LEADER.finditer(text, s.start, s.end) if has & _BIT["leader"] else ():
        iso = _iso_of(m.group("dem"))
        if iso:
            found.append((m.start(), iso))
    for m in _DEMS_LEADERS.finditer(text, s.start, s.end) if has & _BIT["leader"] else ():
        found += [(m.start(), iso) for d in re.split(r"\s*,\s*|,?\s+and\s+", m.group("dems")) if (iso := _iso_of(d))]
    named = [c for c in countries.find(text, s.start, s.end) if not c.demonym]
    for m in _LEADERS_OF.finditer(text, s.start, s.end) if has & _BIT["leaders"] else ():
        at = m.end()
        for c in named:
            if c.start < at:
                continue
            if not _LIST_GAP.fullmatch(text, at, c.start) or (at == m.end() and c.start - at > 4):
                break
            found.append((c.start, c.iso3))
            at = c.end
    for c in named:
        follow = _COUNTRY_THEN_NAME.match(text, c.end, s.end)
        if follow and not any(countries.resolve(w) for w in follow.group("name").split()) \
                and not _SUMMIT.search(follow.group("name")) \
                and not _NOT_A_LEADER_BEFORE.search(text[max(s.start, c.start - 40):c.start]):
            found.append((c.start, c.iso3))
    words = text[s.start:s.end]
    for name, iso in people.items():
        if name in words:  # a name is matched as written
            for m in _name_pattern(name).finditer(words):
                found.append((s.start + m.start(), iso))
    hosts = [m.span() for m in _INVITED_BY.finditer(text, s.start, s.end)] if has & _BIT["invited"] else []
    return [(at, iso) for at, iso in found if not any(a <= at < b for a, b in hosts)]


# Invited to attend is not attending: "President Asif Ali Zardari has been invited to attend the SCO Summit".
_INVITED_TO = re.compile(r"\b(?:invited|invitation)\s+to\s*$", re.I)
# A reporting clause after what is reported: "Belarus will become a member at the summit in Astana, Russian
# President Vladimir Putin said": the speaker is not put at the summit by what he says.
_REPORTED_BY = re.compile(rf"(?:[\w’'.-]+\s+){{0,4}}?(?:{'|'.join(map(re.escape, CUE_VERBS))})\b")


def _speaker_after(text: str, s: _Sent, at: int, cues: list[re.Match]) -> bool:
    """The leader named at ``at`` only reports, after a comma, what the cues before him say."""
    last = max(m.end() for m in cues)
    return last <= at and bool(re.search(r"[,”\"]", text[last:at])) and bool(_REPORTED_BY.match(text, at, s.end))


# A sentence that opens on a pronoun for the summit the sentence before named: "It will be attended by more than 20
# heads of state, including Russian President Vladimir Putin".
_EVENT_PRONOUN = re.compile(r"\W*(?:It|The\s+(?:event|gathering|meeting|summit|forum))\s+(?:will|would|is|was|has|had)\b")


def _attendance(text: str, s: _Sent, people: dict[str, str], places: set[str], has: int = -1,
                named_before: bool = False) -> list[tuple[str, str]]:
    """(ISO3, yes/no) for state leaders said to attend, skip, or be the exception at the summit.

    Attending is any wording that puts the leader at the meeting: attends, takes part, has arrived
    for it (or in the summit's city), addresses or speaks at it, chairs it, meets someone on its
    sidelines. The sentence must name the event ("summit", "meeting", "video conference", ...), or open
    on a pronoun for the summit the sentence before named (``named_before``: "It will be attended by ...").
    ``has``: the sentence's word families; a pattern is tried only where its words are.
    """
    out = []
    if not has & _BIT["except"] and not has & _BIT["absent"] and not has & _BIT["attend_cue"]:
        return out  # nothing to read: no exception, no absence, no cue of attending
    words = text[s.start:s.end]
    event = named_before or (has & _BIT["event"] and _EVENT.search(text, s.start, s.end)) or any(
        p in words and _word_pattern(p).search(words) for p in places)
    if not event:
        return out
    summit = _SUMMIT.search(text, s.start, s.end) if has & _BIT["summit_noun"] else None
    if summit and has & _BIT["except"] and _ATTEND_WORD.search(text, s.start, s.end):
        out += [(iso, "no") for m in _EXCEPT.finditer(text, s.start, s.end) if (iso := _iso_of(m.group("dem")))]
    absent = []
    for m in _ABSENT.finditer(text, s.start, s.end) if has & _BIT["absent"] else ():
        if summit or _SUMMIT.search(text, m.end(), s.end):
            absent += [(iso, "no") for d in _DEM_LEADER.finditer(text, s.start, m.start()) if (iso := _iso_of(d.group("dem")))]
    out += absent
    invited = has & _BIT["invited"]  # "invited to" needs the word
    cues = [m for m in _ATTEND_CUE.finditer(text, s.start, s.end)
            if not (invited and _INVITED_TO.search(text, s.start, m.start()))] \
        if not absent and has & _BIT["attend_cue"] else []
    if cues:
        ex = _EXCEPT.search(text, s.start, s.end) if has & _BIT["except"] else None
        out += [(iso, "yes") for at, iso in sorted(_leaders_in(text, s, people, has))
                if not (ex and at >= ex.start() and at <= ex.end() + 40) and not _speaker_after(text, s, at, cues)]
    done: dict[str, str] = {}
    for iso, value in out:
        done.setdefault(iso, value)
    return list(done.items())


def _slug(mods: str, head: str) -> str:
    words = [w.lower() for w in mods.split() if w[:1].islower() and w.lower() not in _GENERIC_MODS
             and not w.isdigit()]
    head = re.sub(r"\s+", "_", head.lower()).replace("é", "e").replace("programme", "program").replace("road_map", "roadmap")
    return "_".join(words + [head])


_ACCESSION_PAPER = re.compile(
    r"""\b(?:obligations?|commitments?
                            # "a memorandum of obligations for obtaining SCO member state status"
    | dialogue\s+partner|partner\s+status|membership|member\s+states?\s+status|accession|to\s+join|joining
                            # "the Memorandum of Understanding concerning its accession to the SCO as a Dialogue Partner"
    )\b""", re.I | re.VERBOSE)


def _documents(text: str, s: _Sent, has: int = -1) -> list[tuple[str, str]]:
    """(slug, modality) for documents the sentence says are (to be) adopted, endorsed or signed
    (``has``: the sentence's word families: without a verb of adopting or a "will" there are none).

    A memorandum that grants or prepares a country's status (of obligations, on dialogue partner
    status, on accession) is that country's paper with the SCO, not a document of the summit."""
    out = {}
    if not has & _BIT["doc_verb"] and not has & _BIT["will"]:
        return []
    if _SHANGHAI_FIVE.search(text, s.start, s.end):  # the Shanghai Five's agreements are not the SCO summit's
        return []
    accession = bool(_ACCESSION_PAPER.search(text, s.start, s.end))
    for rx in (_ADOPT, _DOC_SUBJECT):
        for m in rx.finditer(text, s.start, s.end):
            if accession and m.group("head").lower().startswith("memorand"):
                continue
            tense = "future" if rx is _DOC_SUBJECT else timeexpr.tense(text, s.start, s.end, m.start(), m.end())
            modality = "reported" if tense == "past" else "expected"
            out.setdefault(_slug(m.group("mods"), m.group("head")), modality)
            follow = _AND_DOC.match(text, m.end(), s.end) if rx is _ADOPT else None
            while follow:
                out.setdefault(_slug(follow.group("mods"), follow.group("head")), modality)
                follow = _AND_DOC.match(text, follow.end(), s.end)
            if rx is _ADOPT:  # later items of the same list: "signed a convention on ..., a joint action plan"
                for item in _LIST_DOC.finditer(text, m.end(), s.end):
                    if not (accession and item.group("head").lower().startswith("memorand")):
                        out.setdefault(_slug(item.group("mods"), item.group("head")), modality)
    for m in _DOCUMENTS_INCLUDING.finditer(text, s.start, s.end):
        tense = timeexpr.tense(text, s.start, s.end, m.start(), m.end())
        for item in _LIST_DOC.finditer(text, m.end(), s.end):
            out.setdefault(_slug(item.group("mods"), item.group("head")), "reported" if tense == "past" else "expected")
    for m in _DOC_PASSIVE.finditer(text, s.start, s.end):
        if not (accession and m.group("head").lower().startswith("memorand")):
            out.setdefault(_slug(m.group("mods"), m.group("head")), "reported")
    return list(out.items())


_SG_ORG_RX = re.compile(_SG_ORG)
_SG_TITLE_RX = re.compile(_SG_TITLE)  # in every _SG match: a quick test before the costly pattern
# Titles and honorifics before the name: "Secretary-General Ambassador Zhang Ming" is Zhang Ming.
_HONORIFIC = re.compile(r"(?:(?:" + "|".join(re.escape(h) for h in lexicon.HONORIFICS) + r"|(?i:"
                        + "|".join(sorted(lexicon.TITLE_WORDS)) + r"))\s+)*")


def _title_case(text: str, s: _Sent) -> bool:
    """A headline in title case ("SCO Secretary-General Meets Lao Minister"), where capitals do not mark names."""
    words = [w for w in text[s.start:s.end].split() if w[:1].isalpha()]
    return s.kind == "headline" and len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _secretary_general(text: str, s: _Sent) -> list[str]:
    if not _SG_TITLE_RX.search(text, s.start, s.end) or _title_case(text, s):
        return []  # every match names the office
    out = []
    for m in _SG.finditer(text, s.start, s.end):
        if m.group("name_bare") and not _SG_ORG_RX.search(text, s.start, s.end):
            continue
        name = m.group("name") or m.group("name_first") or m.group("name_elected") or m.group("name_bare")
        name = name[_HONORIFIC.match(name).end():]
        if name:
            out.append(name)
    return out


# ---------------------------------------------------------------- shares

def _shares(text: str, s: _Sent, ref: date | None) -> list[dict]:
    out = []
    for m in _SHARE.finditer(text, s.start, s.end):
        if not _WORLD.search(m.group(0)):
            continue
        if m.group("pct"):
            value = float(m.group("pct")) / 100
        else:
            frac = m.group("frac").lower().rstrip("s")
            value = _COUNT_WORDS.get((m.group("k") or "a").lower(), 1) * _FRACTION_WORDS[frac]
        what = m.group("what").lower()
        key = "share.world_population" if what in ("population", "people", "inhabitants", "humanity", "mankind") \
            else "share.world_gdp"
        future = timeexpr.tense(text, s.start, s.end, m.start(), m.end()) == "future"
        modality, as_of = ("expected", "after_event") if future else ("reported", "publication")
        as_of_date = None if future else ref
        out.append(_row(s, key, _decimal(value), modality, as_of, as_of_date))
        if key == "share.world_gdp":
            measure = "ppp" if _PPP.search(text, s.start, s.end) else "nominal" if _NOMINAL.search(text, s.start, s.end) else None
            if measure:
                out.append(_row(s, "share.world_gdp.measure", measure, modality, as_of, as_of_date))
    return out


# ---------------------------------------------------------------- assembly

def _summit_modality(text: str, s: _Sent, span: tuple[date, date] | None, ref: date | None) -> str:
    """``expected`` when the summit starts after publication (or, undated, the sentence speaks of it
    in the future tense), else ``reported``."""
    if span and ref:
        return "expected" if span[0] > ref else "reported"
    m = _SUMMIT.search(text, s.start, s.end)
    at, until = (m.start(), m.end()) if m else (s.start, s.start)
    return "expected" if timeexpr.tense(text, s.start, s.end, at, until) == "future" else "reported"


# ---------------------------------------------------------------- prefilters

# Each pattern family above matches only text that contains one of these words (ignoring case), so a
# sentence without any of them cannot yield that claim and is not searched.
_FOUNDING_WORDS = ("founded", "establish", "set", "created", "formed", "launched", "born", "originally",
                   "initially", "founding", "creation", "inception", "inaugurated", "formali")
_SHARE_WHAT_WORDS = ("population", "people", "inhabitants", "humanity", "mankind", "gdp", "gross", "economy",
                     "output")
_SHARE_AMOUNT_WORDS = ("%", "cent", "half", "third", "quarter", "fifth", "tenth")
_SUMMIT_WORDS = ("summit", "council", "heads", "met", "meet", "gather", "conven", "assembl", "edition")
_DOCUMENT_WORDS = ("declaration", "strategy", "agreement", "treaty", "charter", "convention", "program", "plan",
                   "road", "concept", "memorandum", "communiqu", "resolution")
_SECRETARY_WORDS = ("secretary", "sec")
_CHAIR_WORDS = ("chair", "presid", "holds", "baton")
_ATTENDANCE_WORDS = ("attend", "part", "travel", "skip", "miss", "stay", "arriv", "address", "spoke", "speak",
                     "speech", "remarks", "chair", "sidelines", "joined", "at the", "at a", "open", "kick",
                     "present", "meeting", "gather", "is in", "are in", "was in", "were in", "already in", "now in",
                     "also in")
# An ordinal is a digit followed by st/nd/rd/th, or contains one of these words.
_DIGIT_ORDINAL = re.compile(r"\d-?(?:st|nd|rd|th)", re.I)
_ORDINAL_PARTS = tuple(w for w in _ORDINAL_WORDS if not any(v != w and v in w for v in _ORDINAL_WORDS))
# _NUMBERED_EVENT (and so a summit word) may run past the sentence end, but only over these characters.
_WORDY = re.compile(r"[\s\w-]*")
# Within a rule, each costly pattern has its own words (again: every match contains one of them).
_RULE_WORDS = {
    "summit_noun": ("summit", "council", "heads", "edition", "meet"),  # _SUMMIT, _SUMMIT_NOUN
    "summit_word": ("summit",), "where": ("where",),  # _CITY_SUMMIT, _CITY_WHERE
    "host": ("host",), "sidelines": ("sidelines",), "attend_to": ("attend", "part"),  # _CITY_HOSTS, ...
    "leaders": ("leaders", "heads", "presidents"),  # _LEADERS_OF
    "in_city": ("leaders", "heads", "presidents", "due", "be", "land"),  # _IN_CITY_FOR
    "met_verb": ("met", "meet", "gather", "conven", "assembl"),  # _LEADERS_MET_IN
    "length": ("day",),  # _SUMMIT_LENGTH
    "chair_noun": ("presidency", "chair"), "baton": ("baton",), "current": ("current", "rotating", "incumbent"),
    "hold": ("holds", "holding", "chair", "presides", "presided", "under"),  # _HOLD
    "doc_verb": ("adopt", "endors", "sign", "approv", "ratif", "issu"), "will": ("will",),  # _ADOPT, _DOC_SUBJECT
    "event": ("summit", "meeting", "conference", "gathering", "session", "event", "council"),  # _EVENT
    "except": ("except",), "absent": ("not", "won", "skip", "miss", "stay"),  # _EXCEPT, _ABSENT
    "attend_cue": ("attend", "part", "arrived", "address", "spoke", "speak", "speech", "remarks", "chair", "joined",
                   "summit", "council", "sidelines", "open", "kick", "present", "for", "meeting", "gather"),  # _ATTEND_CUE
    "leader": ("president", "minister", "pm", "premier", "king", "emir", "chancellor", "chairman", "leader",
               "counterpart"),  # _LEADER, _LEADER_WORD
    "invited": ("invit", "hosted"),  # _INVITED_BY
}
_SCAN = WordScan({"founding": _FOUNDING_WORDS, "share_what": _SHARE_WHAT_WORDS, "share_amount": _SHARE_AMOUNT_WORDS,
                  "summit": _SUMMIT_WORDS, "document": _DOCUMENT_WORDS, "secretary": _SECRETARY_WORDS,
                  "chair": _CHAIR_WORDS, "attendance": _ATTENDANCE_WORDS, "ordinal": _ORDINAL_PARTS, **_RULE_WORDS})
_BIT = _SCAN.bits
_SUMMITY = WordScan({"summit": _SUMMIT_WORDS})  # the summit family alone, for spans run on past the sentence
# The summit-place patterns and the families each needs (all of them).
_PLACE_NEEDS = {_CITY_SUMMIT: ("summit_word",), _SUMMIT_IN: ("summit_noun",), _CITY_HOSTS: ("host", "summit_noun"),
                _SIDELINES_IN: ("sidelines", "summit_noun"), _ARRIVED_TO_ATTEND: ("attend_to", "summit_noun"),
                _IN_CITY_FOR: ("in_city", "summit_noun"), _CITY_WHERE: ("where", "summit_noun")}
_PLACE_PATTERNS = tuple((rx, sum(_BIT[f] for f in families)) for rx, families in _PLACE_NEEDS.items())


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern:
    """A person's name as a whole word ("Putin", not "Putinism")."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern:
    return re.compile(rf"\b{re.escape(word)}\b")


def _article_claims(text: str, sents: list[_Sent], ref: date | None) -> list[dict]:
    rows: list[dict] = []
    low = lowered(text)
    has = _SCAN.span_masks(low, [(s.start, s.end) for s in sents])
    summity = [bool(m) for m in _SUMMITY.span_masks(low, [(s.start, _WORDY.match(text, s.end).end()) for s in sents])]
    length = _summit_length(text, [s for s, hit, m in zip(sents, summity, has) if hit and m & _BIT["length"]])
    summit_dates = [_summit_dates(text, s, ref, length) if hit and m & _BIT["summit_noun"] else None
                    for s, hit, m in zip(sents, summity, has)]
    span = next((d for d in summit_dates if d), None)
    for s, m in zip(sents, has):
        if m & _BIT["founding"]:
            rows += _founding(text, s, ref)
        if m & _BIT["share_what"] and m & _BIT["share_amount"]:
            rows += _shares(text, s, ref)
    event_end = span[1] if span else None
    attendance = [bool(m & _BIT["attendance"]) for m in has]
    people = {**leaders.named(text, ref), **_people(text, sents, has)} if any(attendance) else {}
    later: list[tuple[_Sent, str]] = []  # places of "the next summit": this article's only when it names no other
    for s, m, hit, got in zip(sents, has, summity, summit_dates):
        if hit:
            places = _summit_places(text, s, ref, m)
            summit = [("summit.place", city) for city, nxt in places if not nxt]
            later += [(s, city) for city, nxt in places if nxt]
            if _DIGIT_ORDINAL.search(text, s.start, s.end) or m & _BIT["ordinal"]:
                summit += [("summit.number", n) for n in _summit_numbers(text, s)]
            if got:
                summit.append(("summit.dates", f"{got[0].isoformat()}/{got[1].isoformat()}"))
            if summit:
                summit_modality = _summit_modality(text, s, span, ref)
                rows += [_row(s, key, value, summit_modality, "publication", ref) for key, value in summit]
        if m & _BIT["document"]:
            documents = _documents(text, s, m)
            if documents and not _other_year(text, s, ref):
                for slug, doc_modality in documents:
                    rows.append(_row(s, f"summit.document.{slug}", "adopted", doc_modality, "publication", ref))
        if m & _BIT["secretary"]:
            for name in _secretary_general(text, s):
                rows.append(_row(s, "secretary_general", name, "reported", "publication", ref))
        if m & _BIT["chair"]:
            for key, iso in _chair(text, s, m):
                if key == "chair.next":
                    rows.append(_row(s, key, iso, "expected", "after_event", event_end))
                else:
                    rows.append(_row(s, key, iso, "reported", "publication", ref))
    if not any(r["claim_key"] == "summit.place" for r in rows):
        rows += [_row(s, "summit.place", city, _summit_modality(text, s, span, ref), "publication", ref)
                 for s, city in later]
    if not any(r["claim_key"] == "summit.place" for r in rows):
        placed = _dateline_place(text, sents, ref)
        if placed:
            s, city = placed
            rows.append(_row(s, "summit.place", city, _summit_modality(text, s, span, ref), "publication", ref))
    if people or any(attendance):
        places = {r["value"] for r in rows if r["claim_key"] == "summit.place"}
        for k, (s, attends, m) in enumerate(zip(sents, attendance, has)):
            if attends and not _other_year(text, s, ref, founding=True):
                named_before = k > 0 and bool(has[k - 1] & _BIT["summit_noun"]) \
                    and bool(_EVENT_PRONOUN.match(text, s.start, s.end)) \
                    and bool(_SUMMIT.search(text, sents[k - 1].start, sents[k - 1].end))
                attending = _attendance(text, s, people, places, m, named_before)
                if attending:
                    modality = _summit_modality(text, s, span, ref)
                    rows += [_row(s, f"summit.leader_attends.{iso}", value, modality, "publication", ref)
                             for iso, value in attending]
    return rows


def extract_claims(corpus, membership: pd.DataFrame, counts: pd.DataFrame,
                   read: dict[str, list] | None = None) -> pd.DataFrame:
    """The ``claims`` table: one row per (article, claim key, value), evidence from a body sentence
    where the article gives one. ``read`` is the shared reading (``sentences.read``) the pipeline made
    for membership and counts: the time expressions it found are used, not found again."""
    refs = {r.article_id: timeexpr.as_date(r.reference_date) for r in _records(corpus.articles)}
    by_article: dict[str, list[_Sent]] = {}
    index: dict[tuple[str, int], _Sent] = {}
    read_dates = {(r.article_id, r.sentence_id): r.dates for sents in (read or {}).values() for r in sents}
    columns = (corpus.sentences[c].tolist() for c in ("article_id", "sentence_id", "start", "end", "kind", "text"))
    for row in zip(*columns):
        s = _Sent(*row)
        index[s.article_id, s.sentence_id] = s
        if read_dates:
            s.dates = read_dates.get((s.article_id, s.sentence_id))
        if s.kind in KINDS:
            by_article.setdefault(s.article_id, []).append(s)
    rows = _from_membership(membership, index, refs) + _from_counts(counts, index)
    for aid, sents in by_article.items():
        rows += _article_claims(corpus.texts[aid], sents, refs.get(aid))
    best: dict[tuple, dict] = {}
    for r in sorted(rows, key=lambda r: (not r["_body"], r["sentence_id"])):
        timed = r["as_of"] if r["claim_key"].startswith(STATUS_PREFIX) else None  # a status at two times is two claims
        best.setdefault((r["article_id"], r["claim_key"], r["value"], timed), r)
    order = {aid: i for i, aid in enumerate(corpus.articles["article_id"])}
    out = sorted(best.values(), key=lambda r: (order.get(r["article_id"], 0), r["sentence_id"], r["claim_key"]))
    for r in out:
        del r["_body"]
    return schema.frame("claims", out)
