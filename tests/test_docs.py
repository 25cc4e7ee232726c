"""Documentation that is generated from code stays in sync with it."""

import re

from sco_analysis import schema

from .conftest import ROOT


def test_readme_data_dictionary_matches_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- data-dictionary:start -->\n(.*?)<!-- data-dictionary:end -->", readme, re.S)
    assert m, "README lacks the data-dictionary markers"
    assert m.group(1) == schema.data_dictionary(), "regenerate with: python -m sco_analysis.schema"


def test_every_table_and_column_is_documented():
    for t in schema.TABLES.values():
        assert t.row
        for c in t.columns:
            assert c.doc.strip(), f"{t.name}.{c.name} has no description"


def test_readme_names_every_claim_key_family():
    import pandas as pd

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    keys = pd.read_csv(ROOT / "sco_analysis" / "data" / "claim_keys.csv")["key"]
    for key in keys:
        family = key.split(".<")[0]
        assert family in readme, f"claim key {key} not described in README"
