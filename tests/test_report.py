"""The report command: execution, the self-contained HTML, the PDF, determinism, escaping, atomicity."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from sco_analysis.errors import InputError
from sco_analysis.presenting import report

from .conftest import ROOT, SEEDS

N_NOTEBOOKS = len(report.notebook_paths())


def _notebook(path, *sources, tags_first=("parameters",)):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for i, src in enumerate(sources):
        cell = nbformat.v4.new_markdown_cell(src[3:]) if src.startswith("md:") else nbformat.v4.new_code_cell(src)
        cell.id = f"c{i}"
        if i == 0 and cell.cell_type == "code":
            cell.metadata["tags"] = list(tags_first)
        nb.cells.append(cell)
    nbformat.write(nb, path)
    return path


@pytest.fixture
def tiny_notebooks(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "01_tiny.ipynb", 'seeds_dir = "nowhere"', "md:# 1. Tiny\n\n## Part a",
              "import os\nprint(os.path.isdir(seeds_dir))")
    return folder


# ---------------------------------------------------------------- helpers (fast)

def test_esc_neutralises_html_and_markdown():
    assert "<script>" not in report.esc("<script>alert(1)</script>")
    assert report.esc(None) == ""


@pytest.mark.parametrize("text", [
    "$5 (approx.) and $10", "C:\\path\\to\\file", "*bold* and **strong**", "snake_case_name and _x_",
    "use `code` here", "[link](http://x.org) and ![img](y)", "see https://example.com/a_b now", "# not a heading",
    "1. not a list", "- not a list either", "a | b | c", "~~struck~~", "<b>tag</b> & co", "{braces} + 2",
])
def test_esc_renders_as_the_same_text_in_markdown(text):
    """Through the renderer the report uses: the reader sees the text itself, no markup, no stray
    backslash, no math, no link."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    for wrap in ("{}", "**{}**", "- {}", "Only this article gives {} here."):
        expected = f"Only this article gives {text} here." if wrap.startswith("Only") else text
        out = markdown2html_mistune(wrap.format(report.esc(text)))
        inner = re.sub(r"</?(p|strong|ul|li)>", "", out).strip()
        assert "<a " not in out and "<em>" not in out and "<code>" not in out and "<ol>" not in out
        assert "<h1" not in out and "<table" not in out and "<del>" not in out and "<img" not in out
        assert html.unescape(inner) == expected


def test_table_html_escapes_cells_and_headers():
    import pandas as pd

    df = pd.DataFrame({"<b>col</b>": ["<script>x</script>"], "n": [3]})
    out = report.table_html(df, caption="<i>cap</i>")
    assert "<script>" not in out and "&lt;script&gt;x&lt;/script&gt;" in out
    assert "&lt;b&gt;col&lt;/b&gt;" in out and "&lt;i&gt;cap&lt;/i&gt;" in out
    assert '<td class="num">3</td>' in out


def test_table_html_picks_renames_and_limits_rows():
    import pandas as pd

    df = pd.DataFrame({"a": range(5), "b": list("vwxyz"), "c": [None] * 5})
    out = report.table_html(df, {"b": "letter", "a": "number"}, max_rows=2)
    assert out.index("letter") < out.index("number") and ">c<" not in out
    assert out.count("<tr>") == 3 and "Showing 2 of 5 rows" in out


def test_inject_parameters_goes_after_the_tagged_cell():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# t"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("y"),
    ]
    nb.cells[1].metadata["tags"] = ["parameters"]
    report.inject_parameters(nb, {"seeds_dir": "/data/seeds"})
    assert nb.cells[2].source == "seeds_dir = '/data/seeds'"
    assert nb.cells[2].metadata["tags"] == ["injected-parameters"]


def test_svg_is_deterministic_and_undated():
    from sco_analysis.checking import reference
    from sco_analysis.presenting import plots

    def draw():
        growth = reference.growth()
        return plots.growth_chart(growth, reference.accessions(("member", "observer", "partner")), source="s")

    svgs = [report.svg_bytes(draw()) for _ in range(2)]
    assert svgs[0] == svgs[1]
    assert b"<dc:date>" not in svgs[0]
    assert re.search(rb'clip-path="url\(#p\d+\)"', svgs[0]) and not re.search(rb"#[a-z][0-9a-f]{10}\b", svgs[0])


def test_toc_lists_parts_and_sections_and_marks_parts():
    page = ('<h1 id="1.-A">1. A<a class="anchor-link" href="#1.-A">¶</a></h1><h2 id="x">X &amp; Y</h2>'
            '<h1 id="2.-B">2. B</h1>')
    page, toc = report._toc(page)
    assert page.count('class="sco-part"') == 2
    assert toc == ('<ol><li><a href="#1.-A">1. A</a><ol><li><a href="#x">X &amp; Y</a></li></ol></li>'
                   '<li><a href="#2.-B">2. B</a></li></ol>')


def test_notebook_paths_needs_numbered_notebooks(tmp_path):
    with pytest.raises(InputError, match="no numbered notebooks"):
        report.notebook_paths(tmp_path)


def test_cli_bad_seeds_is_one_line_exit_2(tmp_path):
    r = subprocess.run([sys.executable, "-m", "sco_analysis", "report", "--seeds", str(tmp_path / "missing"),
                        "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "is not a folder of articles" in r.stderr
    assert not (tmp_path / "out" / "sco_report.html").exists()


# ---------------------------------------------------------------- failures leave the old report (one kernel each)

def _previous(out):
    out.mkdir(parents=True, exist_ok=True)
    (out / "sco_report.html").write_text("previous html")
    (out / "sco_report.pdf").write_bytes(b"previous pdf")


@pytest.mark.slow
def test_failing_notebook_names_notebook_and_cell_and_keeps_previous_report(tmp_path, tiny_notebooks):
    _notebook(tiny_notebooks / "02_broken.ipynb", 'seeds_dir = "x"', "md:# 2. Broken", "1 / 0")
    out = tmp_path / "out"
    _previous(out)
    with pytest.raises(InputError) as info:
        report.build_report(SEEDS, out, notebooks=tiny_notebooks, log=lambda *a: None)
    assert str(info.value) == f"{tiny_notebooks / '02_broken.ipynb'}: cell 3: ZeroDivisionError: division by zero"
    assert (out / "sco_report.html").read_text() == "previous html"
    assert (out / "sco_report.pdf").read_bytes() == b"previous pdf"
    assert sorted(p.name for p in out.iterdir()) == ["sco_report.html", "sco_report.pdf"]


@pytest.mark.slow
def test_failing_pdf_keeps_previous_html(tmp_path, tiny_notebooks, monkeypatch):
    def broken(page):
        raise InputError("chromium", "could not print the PDF: crashed")

    monkeypatch.setattr(report, "render_pdf", broken)
    out = tmp_path / "out"
    _previous(out)
    with pytest.raises(InputError, match="could not print"):
        report.build_report(SEEDS, out, notebooks=tiny_notebooks, log=lambda *a: None)
    assert (out / "sco_report.html").read_text() == "previous html"
    assert sorted(p.name for p in out.iterdir()) == ["sco_report.html", "sco_report.pdf"]


# ---------------------------------------------------------------- the real report

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    lines = []
    paths = report.build_report(SEEDS, out, log=lines.append)
    return paths, lines


@pytest.mark.slow
def test_report_html_is_a_self_contained_document(built):
    paths, lines = built
    page = paths["html"].read_text(encoding="utf-8")
    assert sum("ok (" in line for line in lines) == N_NOTEBOOKS
    assert "<title>The Shanghai Cooperation Organisation in the news</title>" in page
    assert 'class="sco-toc"' in page and page.count('class="sco-part"') == N_NOTEBOOKS
    assert page.count('<figure class="sco-figure"><img alt=') >= N_NOTEBOOKS
    assert page.count("<figcaption>") == page.count('<figure class="sco-figure">')
    assert page.count('<table class="sco-table') >= N_NOTEBOOKS
    body = page.split("<body", 1)[1]
    assert "jp-CodeMirrorEditor" not in body and "jp-InputPrompt" not in body and 'class="highlight' not in body
    assert "Traceback" not in body and "application/vnd.jupyter.stderr" not in body and "Error" not in body
    assert "<script" not in page.lower()
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page)
    assert "@import" not in page
    assert "Data: 2 articles" in page


@pytest.mark.slow
def test_report_pdf_pages_and_first_page_renders(built, tmp_path):
    paths, _ = built
    info = subprocess.run(["pdfinfo", str(paths["pdf"])], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= N_NOTEBOOKS + 1
    assert "A4" in info
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", "-singlefile", str(paths["pdf"]),
                    str(tmp_path / "p1")], check=True)
    from matplotlib.image import imread

    img = imread(tmp_path / "p1.png")
    dark = (img[..., :3].mean(axis=2) < 0.5).mean()
    assert 0.002 < dark < 0.5


@pytest.mark.slow
def test_two_builds_give_identical_html(built, tmp_path):
    paths, _ = built
    again = report.build_report(SEEDS, tmp_path, pdf=False, log=lambda *a: None)
    assert again["html"].read_bytes() == paths["html"].read_bytes()


@pytest.mark.slow
def test_script_in_an_article_is_shown_as_text(seeds_copy, tmp_path):
    name = "peoplesdispatch_2024-07-03_sco-astana-summit-opens.txt"
    path = seeds_copy / name
    text = path.read_text(encoding="utf-8")
    evil = "<script>alert('pwned')</script>"
    path.write_text(
        text.replace("Chinese President Xi Jinping attends", f"{evil} Chinese President Xi Jinping attends", 1)
        + f"\n\nThe SCO said {evil} *today* that it has 10 members.",
        encoding="utf-8",
    )
    catalog = (seeds_copy / "catalog.csv").read_text(encoding="utf-8")
    (seeds_copy / "catalog.csv").write_text(
        catalog.replace(",Peoples Dispatch,", ",<b>Peoples</b> Dispatch,"), encoding="utf-8"
    )
    out = report.build_report(seeds_copy, tmp_path / "out", pdf=False, log=lambda *a: None)
    page = out["html"].read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "alert(" in page.replace("\\(", "(")
    assert "&lt;script&gt;alert" in page
    assert "<b>Peoples</b>" not in page and "&lt;b&gt;Peoples&lt;/b&gt; Dispatch" in page


def test_pdf_rebuild_with_only_new_timestamps_keeps_the_old_file(tmp_path):
    from sco_analysis.presenting.report import keep_if_only_dates_differ

    old = (b"%PDF-1.4\n/Producer (Skia)\n/CreationDate (D:20260101000000+00'00')\n"
           b"/ModDate (D:20260101000000+00'00')\nbody A")
    path = tmp_path / "r.pdf"
    path.write_bytes(old)
    newer = old.replace(b"20260101000000", b"20261122150820")
    assert keep_if_only_dates_differ(path, newer) == old
    changed = newer.replace(b"body A", b"body B")
    assert keep_if_only_dates_differ(path, changed) == changed
    assert keep_if_only_dates_differ(tmp_path / "missing.pdf", changed) == changed


# ---------------------------------------------------------------- both files or neither, temp files, writability

@pytest.mark.slow
def test_pdf_that_cannot_be_moved_into_place_keeps_both_old_files(tmp_path, tiny_notebooks, monkeypatch):
    import os

    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst).endswith(".pdf"):
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(report, "render_pdf", lambda page: b"new pdf")
    monkeypatch.setattr(os, "replace", failing_replace)
    out = tmp_path / "out"
    _previous(out)
    with pytest.raises(InputError, match="cannot write the report: no space left on the device") as info:
        report.build_report(SEEDS, out, notebooks=tiny_notebooks, log=lambda *a: None)
    assert info.value.exit_code == 3
    assert (out / "sco_report.html").read_text() == "previous html"
    assert (out / "sco_report.pdf").read_bytes() == b"previous pdf"
    assert sorted(p.name for p in out.iterdir()) == ["sco_report.html", "sco_report.pdf"]


def test_unwritable_output_is_reported_before_the_notebooks_run(tmp_path, tiny_notebooks, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the notebooks ran before the output folder was checked")

    monkeypatch.setattr(report, "execute_notebooks", never)
    out = tmp_path / "out"
    (out / "sco_report.pdf").mkdir(parents=True)
    with pytest.raises(InputError, match=r"sco_report\.pdf: is a folder"):
        report.build_report(SEEDS, out, notebooks=tiny_notebooks, log=lambda *a: None)
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(InputError, match="cannot create the output folder") as info:
        report.build_report(SEEDS, afile / "out", notebooks=tiny_notebooks, log=lambda *a: None)
    assert info.value.exit_code == 3


SIGTERM_SCRIPT = """
import asyncio, sys
from pathlib import Path
from sco_analysis.presenting import report

async def slow_print(path, executable, args):
    Path(sys.argv[3]).write_text(path)
    await asyncio.sleep(120)

report._print = slow_print
report.chromium_path = lambda: "/bin/true"
report.build_report(sys.argv[1], sys.argv[2], notebooks=sys.argv[4], log=lambda *a: None)
"""


@pytest.mark.slow
def test_sigterm_while_printing_leaves_no_temp_files_and_the_old_report(tmp_path, tiny_notebooks):
    import os
    import signal
    import time

    out, tmp, marker = tmp_path / "out", tmp_path / "tmp", tmp_path / "printing"
    tmp.mkdir()
    _previous(out)
    proc = subprocess.Popen(
        [sys.executable, "-c", SIGTERM_SCRIPT, str(SEEDS), str(out), str(marker), str(tiny_notebooks)],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(tmp)},
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert marker.exists(), proc.stderr.read() if proc.poll() is not None else "no print started"
    assert Path(marker.read_text()).exists()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(60) == 143
    assert not Path(marker.read_text()).exists()
    assert list(tmp.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["sco_report.html", "sco_report.pdf"]
    assert (out / "sco_report.html").read_text() == "previous html"


# ---------------------------------------------------------------- a corpus, not two articles

def _links_resolve(page: str) -> None:
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets and not (targets - ids), sorted(targets - ids)[:5]


@pytest.mark.slow
def test_every_evidence_link_in_the_seed_report_has_its_sentence(built):
    paths, _ = built
    page = paths["html"].read_text(encoding="utf-8")
    _links_resolve(page)
    assert page.count('<details class="sco-article"') == 2 and 'class="sco-k-claim' in page
    assert "Summary" in page.split('class="sco-toc"', 1)[1][:400], "the summary comes first"


@pytest.mark.slow
def test_a_larger_corpus_is_summarised_and_detail_collapsed(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import make_corpus

    make_corpus(tmp_path / "corpus", 14, seed=3)
    out = report.build_report(tmp_path / "corpus", tmp_path / "out", pdf=False, log=lambda *a: None)
    page = out["html"].read_text(encoding="utf-8")
    _links_resolve(page)
    assert page.count('<details class="sco-article"') == 14
    assert "Table 1.1: the articles by outlet" in page and "Every article (14 rows, HTML only)" in page
    assert "Figure 2.2: each count claim" in page and "Figure 3.1: mean share of body sentences" in page
    assert "Claim matrix" not in page and "Table 4.1: every claim, the values given" in page
    assert "independent source" in page
