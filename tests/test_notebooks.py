"""The notebooks: stored clean, each with a ``parameters`` cell, and each executing on its own, on the
real seeds and on a three-article folder, with the numbers they show checked from their namespace."""

from __future__ import annotations

import json
import shutil
import subprocess

import nbformat
import pytest

from sco_analysis.presenting import report

from .conftest import SEEDS

PATHS = report.notebook_paths()
NAMES = [p.name for p in PATHS]

THIRD = "testwire_2025-09-02_sco-tianjin-summit.txt"
THIRD_TEXT = """SCO leaders meet in Tianjin as the bloc rebrands its partners

The summit in the Chinese port city drew leaders from across Eurasia.

September 02, 2025 by Test Wire

The 25th meeting of the Council of Heads of State of the Shanghai Cooperation Organization (SCO) was held in Tianjin, China on September 1. The leaders adopted the Tianjin Declaration and a development strategy for the next ten years.
The organization now has 10 member states. Member states decided to merge the statuses of observer and dialogue partner into a single status of SCO partner, and Laos was welcomed as a new partner.
Chinese President Xi Jinping said the SCO should oppose hegemonism and power politics and promote trade, investment and energy cooperation.
According to the declaration, Kyrgyzstan takes over the rotating chairmanship of the organization.
Belarus became the 10th member of the SCO in 2024, after Iran joined in 2023.
The weather in Tianjin was warm and humid throughout the week.
"""


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("three") / "seeds"
    shutil.copytree(SEEDS, folder)
    (folder / THIRD).write_text(THIRD_TEXT, encoding="utf-8")
    with open(folder / "catalog.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write(
            f"{THIRD},Test Wire,SCO leaders meet in Tianjin as the bloc rebrands its partners,2025-09-02,,report,,en,,,Written for the tests.\n"
        )
    return folder


# ---------------------------------------------------------------- stored form

def _stored(path) -> str:
    """The notebook as git stores it (through the nbstripout filter `make lab` sets up); the file
    itself outside a git checkout, or when it is not committed yet."""
    proc = subprocess.run(["git", "show", f":./{path.name}"], cwd=path.parent, capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_committed_notebook_has_no_outputs(path):
    nb = nbformat.reads(_stored(path), as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: strip the outputs"
    assert "execution" not in json.dumps([c.metadata for c in nb.cells])


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_notebook_has_a_parameters_cell_and_a_part_heading(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].source.startswith("seeds_dir = ")
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


# ---------------------------------------------------------------- execution

PROBES = {
    "00_summary.ipynb": (
        "{'refuted': sorted(zip(refuted['claim_key'], refuted['value'])), 'n_conflict': n_conflict, 'stale': len(stale),"
        " 'single': len(single), 'n_sources': groups['source_group'].nunique(), 'n_articles': len(articles)}"
    ),
    "05_evidence.ipynb": "{'printed': printed, 'n_articles': len(articles)}",
    "01_corpus.ipynb": "{'n_articles': n_articles, 'n_body': n_body, 'n_all': n_all, 'estimated': len(estimated)}",
    "02_membership_growth.ipynb": (
        "{'members_last': int(wide['member'].iloc[-1]), 'partners_last': int(wide['partner'].iloc[-1]),"
        " 'n_counts': n_counts, 'n_match': n_match, 'wrong': sorted(zip(wrong['article_id'], wrong['status'], wrong['count'].astype(int))),"
        " 'agrees': {k: int(v) for k, v in tally.items()}}"
    ),
    "03_summit_themes.ipynb": (
        "{'n_body': n_body, 'n_unthemed': n_unthemed, 'only_one': sorted(only_one.index),"
        " 'shares_ok': bool(((shares['share'] >= 0) & (shares['share'] <= 1)).all()), 'n_articles': shares['article_id'].nunique()}"
    ),
    "04_source_comparison.ipynb": (
        "{'cells': totals.get('cells', 0), 'refuted': sorted(zip(refuted['article_id'], refuted['claim_key'], refuted['value'])),"
        " 'n_paragraphs': sum(p.startswith('**') for p in reading.split(chr(10) * 2)), 'conflicts': len(conflicts)}"
    ),
}


def _run(path, seeds, folder):
    """Execute one notebook in its own kernel, then read the probe's values from its namespace."""
    nb = nbformat.read(path, as_version=4)
    probe = nbformat.v4.new_code_cell(f"import json\nprint(json.dumps({PROBES[path.name]}, default=str))")
    probe.metadata["tags"] = ["remove-cell"]
    nb.cells.append(probe)
    tmp = folder / path.name
    nbformat.write(nb, tmp)
    (executed,) = report.execute_notebooks([tmp], {"seeds_dir": str(seeds)}, log=lambda *a: None)
    for cell in executed.cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), out["text"]
    return json.loads(executed.cells[-1].outputs[0]["text"]), executed


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_notebook_runs_on_the_seeds(path, tmp_path):
    got, _ = _run(path, SEEDS, tmp_path)
    if path.name == "00_summary.ipynb":
        assert got["refuted"] == [["share.world_population", "0.5"]] and got["n_conflict"] == 0
        assert got["n_sources"] == got["n_articles"] == 2 and got["single"] > 0
    elif path.name == "05_evidence.ipynb":
        assert len(got["printed"]) == 1 and got["printed"][0].startswith("peoplesdispatch")
    elif path.name == "01_corpus.ipynb":
        assert got["n_articles"] == 2 and got["estimated"] == 1 and 0 < got["n_body"] < got["n_all"]
    elif path.name == "02_membership_growth.ipynb":
        assert got["members_last"] == 10 and got["partners_last"] == 17
        assert got["n_counts"] >= 6 and got["n_match"] == got["n_counts"] - len(got["wrong"])
        assert got["agrees"].get("no", 0) == 0 and got["agrees"].get("yes", 0) > 0
    elif path.name == "03_summit_themes.ipynb":
        assert got["shares_ok"] and got["n_articles"] == 2 and 0 <= got["n_unthemed"] < got["n_body"]
        assert got["only_one"], "the preview and the report do not raise exactly the same themes"
    elif path.name == "04_source_comparison.ipynb":
        assert got["cells"] > 5 and got["n_paragraphs"] == 2
        assert [r[1:] for r in got["refuted"]] == [["share.world_population", "0.5"]]
        assert got["refuted"][0][0].startswith("peoplesdispatch")


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_notebook_runs_on_three_articles(path, three_articles, tmp_path):
    got, executed = _run(path, three_articles, tmp_path)
    shown = json.dumps([c.get("outputs", []) for c in executed.cells])
    assert "Test Wire" in shown, "the third article is in every part"
    if path.name == "00_summary.ipynb":
        assert got["n_articles"] == 3 and got["n_sources"] == 3
    elif path.name == "05_evidence.ipynb" or path.name == "01_corpus.ipynb":
        assert got["n_articles"] == 3
    elif path.name == "02_membership_growth.ipynb":
        assert got["members_last"] == 10 and got["n_counts"] >= 7
    elif path.name == "03_summit_themes.ipynb":
        assert got["n_articles"] == 3 and got["n_unthemed"] >= 1
    elif path.name == "04_source_comparison.ipynb":
        assert got["n_paragraphs"] == 3


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_notebook_runs_as_opened_in_jupyterlab(path, tmp_path):
    """Default parameters, working directory ``notebooks/``, nothing injected: what a JupyterLab user runs."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors
    assert sum(len(c.get("outputs", [])) for c in nb.cells if c.cell_type == "code") > 0
