"""The reference record reproduces the facts file's own counts, and every row is cited."""

from __future__ import annotations

import pandas as pd
import pytest

from sco_analysis import schema
from sco_analysis.checking import reference


@pytest.mark.parametrize("day, expected", [
    ("2001-06-14", dict(member=0, observer=0, dialogue_partner=0, partner=0)),
    ("2001-06-15", dict(member=6, observer=0, dialogue_partner=0, partner=0)),
    ("2016-04-16", dict(member=6, observer=6, dialogue_partner=6, partner=0)),
    ("2017-06-08", dict(member=6, observer=6, dialogue_partner=6, partner=0)),
    ("2017-06-09", dict(member=8, observer=4, dialogue_partner=6, partner=0)),
    ("2023-07-04", dict(member=9, observer=3, dialogue_partner=13, partner=0)),
    ("2023-07-15", dict(member=9, observer=3, dialogue_partner=14, partner=0)),
    ("2024-07-03", dict(member=9, observer=3, dialogue_partner=14, partner=0)),
    ("2024-07-04", dict(member=10, observer=2, dialogue_partner=14, partner=0)),
    ("2025-08-31", dict(member=10, observer=2, dialogue_partner=14, partner=0)),
    ("2025-09-01", dict(member=10, observer=0, dialogue_partner=0, partner=17)),
])
def test_counts_on_key_dates(day, expected):
    assert reference.counts_on(day) == expected


def test_dialogue_partner_count_path_matches_the_facts_file():
    g = reference.growth()
    counts = g.loc[g["status"] == "dialogue_partner", "count"].tolist()
    dp = [n for i, n in enumerate(counts) if i == 0 or n != counts[i - 1]]
    assert dp == [0, 2, 3, 6, 8, 9, 13, 14, 0]


def test_counts_accept_dates_timestamps_and_strings():
    from datetime import date
    assert reference.counts_on(date(2024, 7, 4)) == reference.counts_on(pd.Timestamp("2024-07-04 15:00"))


@pytest.mark.parametrize("day, status", [
    ("2009-05-31", None),
    ("2009-06-01", "dialogue_partner"),
    ("2015-07-09", "dialogue_partner"),
    ("2015-07-10", "observer"),
    ("2024-07-03", "observer"),
    ("2024-07-04", "member"),
    ("2026-01-01", "member"),
])
def test_status_of_belarus_over_time(day, status):
    assert reference.status_on("BLR", day) == status


def test_discrepancies_follow_the_facts_file():
    assert reference.status_on("IRN", "2021-09-17") == "observer"
    assert reference.status_on("IRN", "2023-07-04") == "member"
    assert reference.status_on("LAO", "2024-07-04") is None
    assert reference.status_on("LAO", "2025-09-01") == "partner"
    assert reference.status_on("BHR", "2023-05-31") is None
    ev = reference.events()
    assert not ((ev["iso3"] == "LAO") & (ev["status_to"] == "dialogue_partner")).any()
    assert ev.loc[ev["iso3"] == "IRN", "note"].str.contains("DISCREPANCY").all()


def test_every_row_is_cited_with_known_sources():
    known = set(reference.sources()["source_id"])
    ev = reference.events()
    for col in ("source_outlet", "source_title", "source_address"):
        assert ev[col].notna().all(), col
    for table in (ev, reference.summits(), reference.chairs(), reference.facts()):
        assert set(table["source_id"]) <= known
        others = {s for v in table["other_source_ids"].dropna() for s in v.split(";")}
        assert others <= known
    summits = reference.summits()
    assert set(summits["documents_source_id"].dropna()) <= known
    assert summits["documents"].isna().eq(summits["documents_source_id"].isna()).all()
    assert reference.sources()["address"].str.match(r"https?://").all()


def test_event_chain_is_consistent():
    ev = reference.events()
    assert set(ev["date_precision"]) <= set(schema.DATE_PRECISIONS)
    assert set(ev["status_to"]) <= set(reference.STATUS_KEYS)
    for iso3, rows in ev.groupby("iso3"):
        previous = [pd.NA] + rows["status_to"].tolist()[:-1]
        for before, row in zip(previous, rows.itertuples()):
            assert (pd.isna(before) and pd.isna(row.status_from)) or before == row.status_from, iso3
    month = ev[ev["date_precision"] == "month"]
    assert month["note"].str.contains("UNVERIFIED").all()


def test_founders_agree_between_events_and_facts():
    acc = reference.accessions()
    founders = acc.loc[acc["status"] == "founding_member", "iso3"]
    assert ";".join(sorted(founders)) == reference.value_for("founded.members").value
    assert reference.value_for("founded.count").value == str(len(founders))
    assert acc.loc[acc["status"] == "member", "iso3"].tolist() == ["IND", "PAK", "IRN", "BLR"]


def test_growth_is_tidy_and_extends_to_end():
    g = reference.growth(end="2026-06-30")
    assert list(g.columns) == ["date", "status", "count"]
    assert g.groupby("date").size().eq(len(reference.STATUS_KEYS)).all()
    last = g[g["date"] == g["date"].max()].set_index("status")["count"]
    assert g["date"].max() == pd.Timestamp("2026-06-30") and last["member"] == 10 and last["partner"] == 17
    assert not g.duplicated(["date", "status"]).any()
    window = reference.growth("2017-01-01", "2018-01-01")
    assert window["date"].min() == pd.Timestamp("2017-01-01")
    assert sorted(window.loc[window["status"] == "member", "count"]) == [6, 8, 8]


def test_value_for_counts_chairs_and_summits():
    assert reference.value_for("members.count", "2024-07-03").value == "9"
    assert reference.value_for("members.count", "2024-07-04").value == "10"
    assert reference.value_for("partners.count", "2024-07-04") is None
    assert reference.value_for("partners.count", "2025-09-01").value == "17"
    assert "no longer exists" in reference.value_for("observers.count", "2025-09-01").note
    assert reference.value_for("chair.current", "2024-07-03").value == "KAZ"
    assert reference.value_for("chair.next", "2024-07-03").value == "CHN"
    assert reference.value_for("chair.current", "2024-07-04").value == "CHN"
    assert reference.value_for("summit.place", "2024-05-20").value == "Astana"
    assert reference.value_for("summit.dates", "2024-05-20").value == "2024-07-03/2024-07-04"
    assert reference.value_for("summit.number", "2025-08-01").value == "25"
    assert reference.value_for("summit.dates", "2004-06-10") is None
    assert reference.value_for("accession.year.IRN").value == "2023"
    assert reference.value_for("accession.year.MNG") is None
    assert reference.value_for("no.such.key", "2024-01-01") is None
    assert reference.value_for("members.count") is None


def test_value_for_shares_names_measure_year_and_tolerance():
    nominal = reference.value_for("share.world_gdp", "2024-07-03")
    ppp = reference.value_for("share.world_gdp", "2024-07-03", measure="ppp")
    assert (nominal.value, nominal.measure, ppp.value, ppp.measure) == ("0.23", "nominal", "0.36", "ppp")
    assert "2024" in nominal.note and "±5 points" in nominal.note and nominal.tolerance == reference.SHARE_TOLERANCE
    assert (nominal.year, ppp.year) == (2024, 2024)
    assert reference.value_for("share.world_gdp", "2025-09-01").value == "0.225"
    assert reference.value_for("share.world_population", "2024-07-03").value == "0.42"
    assert reference.value_for("share.world_population", "2017-06-09") is None


def test_frames_separate_count_changes_only():
    nine = reference.frame_of("members.count", "2024-07-03")
    ten = reference.frame_of("members.count", "2024-07-04")
    assert nine == "2023-07-04..2024-07-03" and ten == "2024-07-04.."
    assert reference.frame_of("dialogue_partners.count", "2024-07-03") == \
        reference.frame_of("dialogue_partners.count", "2024-07-04")
    assert reference.frame_of("founded.members", None) == "timeless"
    assert reference.frame_of("summit.place", "2024-05-20") == "summit 2024-07-03/2024-07-04"
    assert reference.frame_of("members.count", None) is None
    assert reference.frame_of("secretary_general", "2024-05-20") == "2024"


def test_summit_documents_known_only_where_cited():
    adopted = reference.value_for("summit.document.declaration", "2024-07-03")
    assert adopted.value == "adopted" and "diplomacy.edu" in adopted.citation
    assert reference.value_for("summit.document.energy_strategy", "2024-07-03") is None
    assert reference.value_for("summit.document.declaration", "2022-09-16") is None
    assert reference.value_for("summit.leader_attends.IND", "2024-07-03") is None


@pytest.fixture
def editable_reference(tmp_path, monkeypatch):
    """A copy of the reference files the test may break; the real ones are re-read afterwards."""
    import shutil
    for path in reference.DATA.glob("reference_*.csv"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(reference, "DATA", tmp_path)
    reference.reload()
    yield tmp_path
    monkeypatch.undo()
    reference.reload()


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        ("reference_events.csv", "2024-07-04,day,BLR", "2024-07-32,day,BLR", "not a real calendar date"),
        ("reference_events.csv", "2024-07-04,day,BLR", "4 July 2024,day,BLR", "is not a date written YYYY-MM-DD"),
        (
            "reference_events.csv",
            "Belarus,observer,member,",
            "Belarus,observer,full_member,",
            "status_to 'full_member'",
        ),
        (
            "reference_events.csv",
            "kazinform-belarus-10th,",
            "kazinform-belarus-11th,",
            "unknown source(s) kazinform-belarus-11th",
        ),
        ("reference_summits.csv", "2024-07-03,2024-07-04", "2024-07-04,2024-07-03", "end 2024-07-03 is before start"),
        ("reference_facts.csv", "0.36,ppp", "0.36,PPP", "measure 'PPP' is not nominal or ppp"),
    ],
)
def test_bad_reference_cells_stop_with_one_line_naming_file_and_row(editable_reference, file, old, new, message):
    from sco_analysis.errors import InputError
    _edit(editable_reference / file, old, new)
    with pytest.raises(InputError) as err:
        reference.counts_on("2024-07-04")
        reference.value_for("share.world_gdp", "2024-07-04", measure="ppp")
        reference.summits()
    text = str(err.value)
    assert file in text and "row " in text and message in text and "\n" not in text


def test_an_added_event_takes_effect_after_reload(editable_reference):
    with open(editable_reference / "reference_events.csv", "a", encoding="utf-8") as fh:
        fh.write("2026-06-15,day,LAO,Laos,partner,member,Test summit,summit decision,tass-2010153,,\n")
    reference.reload()
    assert reference.counts_on("2026-06-15")["member"] == 11
    assert reference.status_on("LAO", "2026-06-15") == "member"


def test_every_listed_source_is_cited_somewhere():
    used = set(reference.summits()["documents_source_id"].dropna())
    for table in (reference.events(), reference.summits(), reference.chairs(), reference.facts()):
        used |= set(table["source_id"])
        used |= {s for v in table["other_source_ids"].dropna() for s in v.split(";")}
    assert set(reference.sources()["source_id"]) == used
