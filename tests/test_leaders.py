"""Leaders named without their country (data/leaders.csv, reading/leaders.py)."""

from datetime import date

from sco_analysis.reading import leaders


def test_a_full_name_in_office_names_the_country_and_lends_its_short_name():
    got = leaders.named("Vladimir Putin arrived. Later Putin spoke.", date(2019, 6, 14))
    assert got == {"Vladimir Putin": "RUS", "Putin": "RUS"}


def test_a_short_name_counts_only_after_a_title():
    assert leaders.named("President Xi opened the summit.", date(2019, 6, 14)) == {"Xi": "CHN"}
    assert leaders.named("Xi opened the summit.", date(2019, 6, 14)) == {}


def test_a_leader_out_of_office_is_not_read():
    assert leaders.named("Islam Karimov attended.", date(2022, 9, 16)) == {}
    assert leaders.named("Islam Karimov attended.", date(2008, 8, 28)) == {"Islam Karimov": "UZB", "Karimov": "UZB"}
    assert leaders.named("President Karimov attended.", None) == {}
