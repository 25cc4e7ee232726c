"""Builds the report: executes the numbered notebooks against a seeds folder, then renders them as
one self-contained HTML page and one A4 PDF.

``build_report(seeds, out)`` is what ``python -m sco_analysis report`` runs. The notebooks run in one
shared kernel (namespace reset between them), with ``seeds_dir`` injected after the cell tagged
``parameters`` (papermill's convention). Inputs are hidden, scripts and CDN links are left out, and
both files are written to temporary names in ``out`` and renamed only when both are complete, so a
failed build leaves the previous report in place. Same inputs give byte-identical HTML.

The notebooks also use the display helpers here: ``table`` (escaped, readable HTML tables),
``markdown`` / ``esc`` (prose with article text escaped) and ``figure`` (a chart with its caption,
embedded as a deterministic SVG).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import html
import io
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

from sco_analysis import cache
from sco_analysis.checking import reference
from sco_analysis.errors import InputError
from sco_analysis.resources import PACKAGE, TEMPLATES

ROOT = PACKAGE.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATE = "sco_report"
KERNEL = "python3"
CELL_TIMEOUT = 600
REPORT_NAME = "sco_report"
TITLE = "The Shanghai Cooperation Organisation in the news"
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = (
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--disable-dev-shm-usage",
)
HIDDEN_TAGS = {"parameters", "injected-parameters", "report-setup", "remove-cell"}
KERNEL_ENV = {"SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
SVG_SALT = "sco-analysis"
RESET = """for _k in [k for k in get_ipython().user_ns if not k.startswith("_") and k not in get_ipython().user_ns_hidden]:
    get_ipython().user_ns.pop(_k)
globals().pop("_k", None);"""

_HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)</h\1>', re.S)
_TAGS = re.compile(r"<[^>]+>")
_SVG_ID = re.compile(r'(id="|#)([a-z][0-9a-f]{10})\b')
_ISO_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_MD_SPECIAL = re.compile(r"""
    [\\`*_{}\[\]()#+!|~$-]   # emphasis, code, links, headings, lists, tables, strike, math: `a_b_c`, `$5 and $10`
    | :(?=//)                 # the colon of a bare URL, so it is not auto-linked: `https://x.org`
    | (?<=\d)\.(?=\s|$)         # a full stop after a number, which could open an ordered list: `12. item`
    """, re.VERBOSE)


class NotebookError(InputError):
    """A notebook failed while building the report: names the notebook, the cell and the error."""


# ---------------------------------------------------------------- display helpers (used in notebooks)

def esc(value) -> str:
    """Article text made safe for Markdown output: HTML escaped, and every character Markdown could
    read as syntax written as a numeric character reference (``$`` as ``&#36;``), which renders as the
    character itself; backslash escapes would show as backslashes where the renderer does not take them."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = html.escape(" ".join(str(value).split()), quote=False)
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", text)


def shorten(text, width: int = 120) -> str:
    """Text cut at a word boundary to about ``width`` characters, with an ellipsis when cut."""
    import textwrap

    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return textwrap.shorten(" ".join(str(text).split()), width, placeholder=" …")


def markdown(text: str):
    """Display Markdown the notebook wrote itself (interpolate article text through ``esc``)."""
    from IPython.display import Markdown

    return Markdown(text)


def _cell(value) -> str:
    if value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1 else f"{value:,.1f}"
    return str(value)


def _cell_class(value, numeric: bool) -> str:
    if numeric:
        return "num"
    return "date" if isinstance(value, (str, pd.Timestamp)) and _ISO_DATE.fullmatch(_cell(value)) else ""


SMALL_CORPUS = 6
KEEP_ROWS = 12
KEEP_WHOLE = 6


def is_small(articles: pd.DataFrame) -> bool:
    """Whether every article still gets its own row, column and bar (else the report aggregates, and
    keeps per-article detail in collapsed sections of the HTML)."""
    return len(articles) <= SMALL_CORPUS


def collapsed(inner: str, summary: str) -> str:
    """``inner`` (HTML) in a closed ``<details>``: on screen one click away, left out of the PDF."""
    return f'<details class="sco-more"><summary>{html.escape(summary)}</summary>{inner}</details>'


def listing_html(items: list[str], shown: int = 3, sep: str = "; ", noun: str = "more") -> str:
    """HTML items (escaped by the caller) joined by ``sep``; past ``shown`` the rest sit in a folded
    ``<details>`` whose summary says how many: named in the HTML, counted in the PDF."""
    if len(items) <= shown:
        return sep.join(items)
    return (sep.join(items[:shown]) + f'<details class="sco-inline"><summary>and {len(items) - shown} {noun}</summary>'
            f"{sep.join(items[shown:])}</details>")


def table_html(df: pd.DataFrame, columns: dict[str, str] | None = None, caption: str | None = None,
               max_rows: int | None = None, wide: bool = False, html_columns=()) -> str:
    """An escaped HTML table of ``df``: ``columns`` maps column -> header and picks their order;
    ``wide`` stretches it to the page width (for tables with long text). Cells of ``html_columns``
    (named as in ``df``) are HTML the package built itself (links to the evidence) and go in as they are."""
    raw = {columns.get(c, c) if columns else c for c in html_columns}
    if columns:
        df = df[list(columns)].rename(columns=columns)
    shown = df if max_rows is None else df.head(max_rows)
    numeric = [pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c]) for c in df.columns]
    head = "".join(f'<th class="{"num" if n else ""}">{html.escape(str(c))}</th>' for c, n in zip(df.columns, numeric))
    body = []
    is_raw = [c in raw for c in df.columns]
    for row in shown.itertuples(index=False):
        cells = "".join(f'<td class="{_cell_class(v, n)}">{_cell(v) if r else html.escape(_cell(v))}</td>'
                        for v, n, r in zip(row, numeric, is_raw))
        body.append(f"<tr>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{max(len(df.columns), 1)}"><em>none</em></td></tr>')
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    more = (f'<p class="sco-caption">Showing {len(shown)} of {len(df)} rows.</p>'
            if max_rows is not None and len(df) > max_rows else "")
    klass = "sco-table" + (" wide" if wide else "") + (" keep" if len(body) <= KEEP_WHOLE else "")
    return f'<table class="{klass}">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{more}'


def table(df: pd.DataFrame, columns: dict[str, str] | None = None, caption: str | None = None,
          max_rows: int | None = None, wide: bool = False, html_columns=(), collapse: str | None = None):
    """Display ``table_html(...)`` in a notebook; with ``collapse``, inside a closed ``<details>``
    whose summary is ``collapse``."""
    from IPython.display import HTML

    out = table_html(df, columns, caption, max_rows, wide, html_columns)
    return HTML(collapsed(out, collapse) if collapse else out)


def raw_html(text: str):
    """Display HTML the package built (escaped where it holds article text)."""
    from IPython.display import HTML

    return HTML(text)


def svg_bytes(fig) -> bytes:
    """The figure as SVG with no date and stable ids: same figure, same bytes.

    matplotlib salts its ids (``svg.hashsalt``) but keys some clip paths on object addresses, so
    the ids are renumbered in order of first appearance.
    """
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "path"}):
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    ids: dict[str, str] = {}

    def renumber(m: re.Match) -> str:
        return m.group(1) + ids.setdefault(m.group(2), f"{m.group(2)[0]}{len(ids)}")

    return _SVG_ID.sub(renumber, buf.getvalue().decode("utf-8")).encode("utf-8")


def figure_html(fig, caption: str) -> str:
    """A ``<figure>``: the chart embedded as an SVG data URI, and its caption underneath."""
    data = base64.b64encode(svg_bytes(fig)).decode("ascii")
    alt = html.escape(caption, quote=True)
    return (f'<figure class="sco-figure"><img alt="{alt}" src="data:image/svg+xml;base64,{data}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def figure(fig, caption: str):
    """Display a chart with its caption in a notebook (the Figure is closed afterwards)."""
    import matplotlib.pyplot as plt
    from IPython.display import HTML

    out = HTML(figure_html(fig, caption))
    plt.close(fig)
    return out


# ---------------------------------------------------------------- execution

def notebook_paths(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The report's notebooks, in their numbered order."""
    paths = sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        raise InputError(folder, "no numbered notebooks (NN_name.ipynb) to build the report from")
    return paths


def inject_parameters(nb, parameters: dict):
    """Insert a cell assigning ``parameters`` after the cell tagged ``parameters`` (else first)."""
    import nbformat

    source = "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell.id = "injected-parameters"
    at = next((i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), 0)
    nb.cells.insert(at, cell)
    return nb


def _failure(path: Path, nb, err: Exception) -> NotebookError:
    number = None
    for c in nb.cells:
        if any(o.get("output_type") == "error" for o in c.get("outputs", [])):
            number = c.metadata.get("sco_cell")
            break
    ename = getattr(err, "ename", type(err).__name__)
    evalue = getattr(err, "evalue", None) or (str(err).strip().splitlines() or [""])[-1]
    where = f"cell {number}" if number else None
    return NotebookError(_display_path(path), f"{ename}: {evalue}", where)


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def kernel_env() -> dict[str, str]:
    """The kernel's environment: deterministic hashing and figure dates, and this very package first on
    the path (so the notebooks run the code that builds the report, whatever the cwd), and a relative
    ``SCO_CACHE_DIR`` taken from the user's working directory, not the kernel's."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**cache.absolute_env(dict(os.environ)), **KERNEL_ENV, "PYTHONPATH": path}


def execute_notebooks(paths: list[Path], parameters: dict, log=None) -> list:
    """Execute each notebook in one shared kernel (cwd: the notebook's folder); return them executed.

    Raises ``NotebookError`` naming the notebook and cell (1-based, as numbered in the file).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbclient.util import run_sync

    log = log or _progress
    cwd = Path(paths[0]).resolve().parent
    executed = []
    first = None
    try:
        for i, path in enumerate(paths):
            nb = nbformat.read(path, as_version=4)
            for n, c in enumerate(nb.cells, 1):
                c.metadata["sco_cell"] = n
            inject_parameters(nb, parameters)
            if i:
                reset = nbformat.v4.new_code_cell(RESET, metadata={"tags": ["report-setup"]})
                reset.id = "report-reset"
                nb.cells.insert(0, reset)
            client = NotebookClient(nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT, record_timing=False,
                                    allow_errors=False, extra_arguments=["--IPKernelApp.log_level=ERROR"],
                                    resources={"metadata": {"path": str(cwd)}})
            if first is None:
                first = client
                client.km = client.create_kernel_manager()
                client.start_new_kernel(cwd=str(cwd), env=kernel_env())
                client.start_new_kernel_client()
            else:
                client.km, client.kc = first.km, first.kc
            client.owns_km = False
            t0 = time.perf_counter()
            try:
                client.execute()
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
                log(f"  {path.name}: FAILED")
                raise _failure(path, nb, err) from None
            log(f"  {path.name}: ok ({time.perf_counter() - t0:.1f} s)")
            executed.append(nb)
    finally:
        if first is not None and first.km is not None:
            if first.kc is not None:
                first.kc.stop_channels()
            run_sync(first.km.shutdown_kernel)(now=True)
    return executed


# ---------------------------------------------------------------- rendering

def combine(notebooks: list, names: list[str], title: str, lines: list[str]):
    """One notebook of all report cells: setup/parameter cells and stderr output dropped."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["title"] = title
    nb.metadata["sco_report"] = {"title": title, "lines": list(lines)}
    if notebooks:
        nb.metadata["language_info"] = {"name": "python"}
    for name, src in zip(names, notebooks):
        for n, cell in enumerate(src.cells):
            if HIDDEN_TAGS & set(cell.metadata.get("tags", [])):
                continue
            cell = nbformat.from_dict(dict(cell))
            cell.id = f"{name}-{n}"
            cell.metadata = {}
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
                cell.execution_count = None
            nb.cells.append(cell)
    return nb


def _toc(page: str) -> tuple[str, str]:
    """Mark part headings and build the contents list from the ``h1``/``h2`` headings."""
    items: list[tuple[str, str, list]] = []
    for level, hid, inner in _HEADING.findall(page):
        text = html.unescape(_TAGS.sub("", inner)).replace("¶", "").strip()
        if level == "1":
            items.append((hid, text, []))
        elif items:
            items[-1][2].append((hid, text))
    page = _HEADING.sub(lambda m: m.group(0).replace("<h1 id=", '<h1 class="sco-part" id=', 1)
                        if m.group(1) == "1" else m.group(0), page)
    parts = []
    for hid, text, subs in items:
        sub = "".join(f'<li><a href="#{h}">{html.escape(t)}</a></li>' for h, t in subs)
        parts.append(f'<li><a href="#{hid}">{html.escape(text)}</a>{f"<ol>{sub}</ol>" if sub else ""}</li>')
    return page, f"<ol>{''.join(parts)}</ol>"


def render_html(nb) -> str:
    """The combined notebook as one self-contained HTML page, inputs hidden, contents filled in."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(config=_exporter_config(), template_name=TEMPLATE,
                            extra_template_basedirs=[str(TEMPLATES)])
    page, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb.metadata["title"]}})
    page, toc = _toc(page)
    return page.replace("<!-- sco-toc -->", toc, 1)


def _exporter_config():
    from traitlets.config import Config

    c = Config()
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.embed_images = True
    c.HTMLExporter.theme = "light"
    return c


def chromium_path() -> str:
    """Debian's Chromium binary (the PDF renderer); ``InputError`` when none is installed."""
    for candidate in CHROMIUM_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    raise InputError(
        "chromium", "not installed; install the Debian package `chromium` (make system-deps) to render the PDF"
    )


def _pdf_exporter_class():
    from nbconvert.exporters.webpdf import WebPDFExporter

    class ChromiumPDFExporter(WebPDFExporter):
        """nbconvert's WebPDF exporter, launching the system Chromium with the network switched off."""

        def run_playwright(self, html_page: str) -> bytes:
            return _print_pdf(html_page, chromium_path(), [*CHROMIUM_ARGS, *self.browser_args])

    return ChromiumPDFExporter


async def _print(path: str, executable: str, args: list[str]) -> bytes:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=executable, args=args, handle_sigint=False,
                                           handle_sigterm=False, handle_sighup=False)
        try:
            page = await browser.new_page()
            await page.route("**/*", lambda route: route.continue_()
                             if route.request.url.startswith(("file:", "data:")) else route.abort())
            await page.emulate_media(media="print")
            await page.goto(Path(path).as_uri(), wait_until="load")
            footer = ('<div style="font-size:8px;width:100%;text-align:center;color:#555;">'
                      '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
            return await page.pdf(print_background=True, prefer_css_page_size=True, format="A4",
                                  display_header_footer=True, header_template="<div></div>",
                                  footer_template=footer)
        finally:
            await browser.close()


class _Printer(threading.Thread):
    """Runs the async print in its own event loop; ``cancel()`` stops it from the calling thread, so an
    interrupted build (SIGTERM, Ctrl-C) closes Chromium and returns before its temp folder goes."""

    def __init__(self, make):
        super().__init__(daemon=True)
        self.make, self.loop, self.task, self.result, self.error = make, None, None, None, None

    def run(self) -> None:
        async def main():
            self.loop, self.task = asyncio.get_running_loop(), asyncio.current_task()
            return await self.make()

        try:
            self.result = asyncio.run(main())
        except BaseException as err:  # handed to the calling thread
            self.error = err

    def cancel(self, grace: float = 30) -> None:
        if self.loop is not None and self.task is not None:
            self.loop.call_soon_threadsafe(self.task.cancel)
        self.join(grace)


def _print_pdf(html_page: str, executable: str, args: list[str]) -> bytes:
    with tempfile.TemporaryDirectory(prefix="sco-pdf-") as tmp:
        path = os.path.join(tmp, "report.html")
        Path(path).write_text(html_page, encoding="utf-8")
        printer = _Printer(lambda: _print(path, executable, list(args)))
        printer.start()
        try:
            while printer.is_alive():
                printer.join(0.2)
        except BaseException:
            printer.cancel()
            raise
        if printer.error is not None:
            raise printer.error
        return printer.result


def render_pdf(html_page: str) -> bytes:
    """Print the HTML page to an A4 PDF through the WebPDF exporter subclass."""
    exporter = _pdf_exporter_class()(config=_exporter_config())
    try:
        return exporter.run_playwright(html_page)
    except InputError:
        raise
    except Exception as err:
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise InputError(chromium_path(), f"could not print the PDF: {first}") from None


# ---------------------------------------------------------------- the command

def title_lines(articles: pd.DataFrame) -> list[str]:
    """What the report is and the date of its data, read from the ``articles`` table."""
    dates = articles["reference_date"].dropna()
    outlets = sorted(articles["outlet"].dropna().unique())
    n = len(articles)
    span = ""
    if len(dates):
        lo, hi = dates.min().strftime("%d %B %Y").lstrip("0"), dates.max().strftime("%d %B %Y").lstrip("0")
        span = f", dated {lo} to {hi}" if lo != hi else f", dated {lo}"
    estimated = int((articles["reference_date_basis"] == "estimated").sum())
    note = f" ({estimated} date{'s' if estimated != 1 else ''} estimated from the text)" if estimated else ""
    lines = [
        "What news articles say about the Shanghai Cooperation Organisation (SCO): who belongs, how big it is "
        "said to be, what its summits are about, and where the articles agree, conflict, or differ from a "
        "cited reference record.",
        f"Data: {n} article{'s' if n != 1 else ''} from {', '.join(outlets) or 'unnamed outlets'}{span}{note}.",
    ]
    last = pd.to_datetime(reference.events()["date"]).max()
    lines.append(f"Reference record: SCO status changes compiled from cited news-agency reports and declarations, "
                 f"up to {last.day} {last:%B %Y}.")
    lines.append("Generated by sco_analysis from the notebooks in notebooks/; code is hidden in this document.")
    return lines


def _progress(line: str) -> None:
    print(line, flush=True)


def _write_atomically(files: dict[Path, bytes]) -> None:
    """Replace every target or none: each is written to a temp file beside it, the old files are kept
    as hard links until all are in place, and any failure (or interruption) puts the old set back."""
    temps: dict[Path, str] = {}
    backups: dict[Path, str] = {}
    done: list[Path] = []
    try:
        for target, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps[target] = tmp
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
        for target in files:
            if target.exists():
                backup = f"{temps[target]}.old"
                os.link(target, backup)
                backups[target] = backup
        for target, tmp in temps.items():
            os.replace(tmp, target)
            done.append(target)
    except BaseException:
        for target in reversed(done):
            with contextlib.suppress(OSError):
                if target in backups:
                    os.replace(backups[target], target)
                else:
                    os.unlink(target)
        raise
    finally:
        for tmp in [*temps.values(), *backups.values()]:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def check_writable(out: Path, names: list[str]) -> None:
    """``EnvironmentProblem`` (exit 3) unless ``out`` is (or can be made) a folder this process can
    write the report files ``names`` into; checked before the slow work."""
    from sco_analysis.errors import EnvironmentProblem, from_os_error

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise from_os_error(err, out, "cannot create the output folder") from None
    for name in names:
        if (out / name).is_dir():
            raise EnvironmentProblem(out / name, "is a folder; the report file cannot be written there")
    try:
        fd, probe = tempfile.mkstemp(prefix=".sco_report.", suffix=".probe", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise from_os_error(err, out, "cannot write the report here") from None


@contextlib.contextmanager
def terminate_as_exit():
    """SIGTERM raises ``SystemExit(143)`` in the main thread while the build runs, so every ``finally``
    (kernel shutdown, temp files, the old report put back) runs as it would for Ctrl-C.

    Yields a function that installs the handler again: nbclient replaces it while a notebook runs
    (with its own kernel clean-up) and resets it to the default afterwards.
    """
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return

    def handler(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield lambda: signal.signal(signal.SIGTERM, handler)
    finally:
        signal.signal(signal.SIGTERM, previous)


_PDF_DATES = re.compile(rb"/(?:CreationDate|ModDate) \(D:[0-9+\-Z']*\)")


def keep_if_only_dates_differ(path: Path, new: bytes) -> bytes:
    """The PDF at ``path`` when ``new`` differs from it only in Chromium's creation/modification
    timestamps, else ``new``: a rebuild of unchanged content leaves the committed file untouched."""
    try:
        old = path.read_bytes()
    except OSError:
        return new
    return old if _PDF_DATES.sub(b"", old) == _PDF_DATES.sub(b"", new) else new


def build_report(seeds: str | Path = "seeds", out: str | Path = "reports", notebooks: str | Path = NOTEBOOKS,
                 pdf: bool = True, log=None, subset: dict | None = None) -> dict[str, Path]:
    """Execute the notebooks on ``seeds`` and write ``out/sco_report.html`` (and ``.pdf``).

    ``subset`` (``since``, ``until``, ``outlets``) restricts the report to some of the articles
    (``subset.select``). Returns the paths written. Bad input or a failing notebook raises
    ``InputError`` (one line).
    """
    from sco_analysis.reading.corpus import load_corpus
    from sco_analysis.subset import articles_in

    log = log or _progress
    seeds, out = Path(seeds).resolve(), Path(out)
    names = [f"{REPORT_NAME}.html"] + ([f"{REPORT_NAME}.pdf"] if pdf else [])
    with terminate_as_exit() as rearm:
        subset = {k: v for k, v in (subset or {}).items() if v}
        articles = articles_in(load_corpus(seeds).articles, **subset)
        paths = notebook_paths(notebooks)
        check_writable(out, names)
        log(f"Executing {len(paths)} notebooks on {seeds}")
        parameters = {"seeds_dir": str(seeds)}
        if subset:
            parameters.update(
                since=subset.get("since"), until=subset.get("until"), outlets=list(subset.get("outlets") or [])
            )
        executed = execute_notebooks(paths, parameters, log=log)
        rearm()
        nb = combine(executed, [p.stem for p in paths], TITLE, title_lines(articles))
        page = render_html(nb)
        files = {out / names[0]: page.encode("utf-8")}
        if pdf:
            log("Printing the PDF with Chromium")
            pdf_path = out / names[1]
            files[pdf_path] = keep_if_only_dates_differ(pdf_path, render_pdf(page))
        try:
            _write_atomically(files)
        except OSError as err:
            from sco_analysis.errors import from_os_error

            raise from_os_error(err, doing="cannot write the report") from None
    for path in files:
        log(f"Wrote {path}")
    return {path.suffix.lstrip("."): path for path in files}
