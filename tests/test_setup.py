"""The set-up scripts: the system check never flakes, and a missing python3-venv is installed or named.

The scripts run against fake programs on PATH (``fc-list``, ``apt-get``, ``id``...), so no test
installs anything or depends on being root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPT = ROOT / ".ci" / "system-deps.sh"


def _fake(bindir: Path, name: str, body: str) -> None:
    path = bindir / name
    path.write_text("#!/bin/bash\n" + body + "\n")
    path.chmod(0o755)


@pytest.fixture
def fakebin(tmp_path) -> Path:
    bindir = tmp_path / "bin"
    bindir.mkdir()
    _fake(bindir, "chromium", "exit 0")
    _fake(bindir, "pdftoppm", "exit 0")
    _fake(bindir, "apt-get", f'echo "$@" >> {tmp_path}/apt.log; exit 0')
    _fake(bindir, "id", "echo 1000")
    # Many fonts after the DejaVu line: grep -q stops reading early and fc-list meets a closed pipe.
    _fake(bindir, "fc-list", "echo '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf: DejaVu Sans:style=Book'\n"
                             "for i in $(seq 1 20000); do\n"
                             "  echo \"/usr/share/fonts/x/Font$i.ttf: Font $i:style=Regular\"\n"
                             "done")
    return bindir


def _run(fakebin: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PATH": f"{fakebin}:/usr/bin:/bin", "HOME": os.environ.get("HOME", "/root")}
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60)


def test_fonts_check_does_not_flake_on_sigpipe(fakebin):
    results = [_run(fakebin) for _ in range(5)]
    assert [r.returncode for r in results] == [0] * 5, results[0].stderr
    assert not (fakebin.parent / "apt.log").exists()


def test_missing_fonts_are_named(fakebin):
    _fake(fakebin, "fc-list", "echo '/usr/share/fonts/x/Other.ttf: Other:style=Book'")
    proc = _run(fakebin)
    assert proc.returncode == 1 and "apt-get install fonts-dejavu-core" in proc.stderr


def test_python_without_venv_is_named_for_a_normal_user(fakebin):
    _fake(fakebin, "py-no-venv", 'case "$*" in *ensurepip*) exit 1;; esac; exit 0')
    proc = _run(fakebin, "venv", "py-no-venv")
    assert proc.returncode == 1
    assert "python3-venv" in proc.stderr and "apt-get install" in proc.stderr


def test_python_without_venv_is_installed_as_root(fakebin):
    _fake(fakebin, "id", "echo 0")
    _fake(fakebin, "py-no-venv", 'case "$*" in *ensurepip*) exit 1;; esac; exit 0')
    proc = _run(fakebin, "venv", "py-no-venv")
    assert proc.returncode == 0, proc.stderr
    assert "python3-venv" in (fakebin.parent / "apt.log").read_text()


def test_python_with_venv_passes(fakebin):
    proc = _run(fakebin, "venv", "python3")
    assert proc.returncode == 0, proc.stderr
    assert not (fakebin.parent / "apt.log").exists()


# ---------------------------------------------------------------- make lab: notebooks never dirty the repo

def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def _autosave_with_outputs(path: Path) -> None:
    """What JupyterLab writes after running a notebook: outputs, counts, run metadata, kernel details."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.metadata.language_info = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                 "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                 "pygments_lexer": "ipython3", "version": "3.11.7"}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cell.execution_count = i + 1
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="9 members\n")]
            cell.metadata["execution"] = {"iopub.execute_input": "2026-12-02T11:00:00.000Z"}
    nbformat.write(nb, path)


def test_lab_filter_keeps_the_repository_clean(tmp_path):
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / ".gitattributes", repo)
    notebook = repo / "notebooks" / "01_corpus.ipynb"
    shutil.copy(ROOT / "notebooks" / "01_corpus.ipynb", notebook)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "notebooks")
    nbstripout = Path(sys.executable).parent / "nbstripout"
    assert nbstripout.exists(), "requirements.txt changed: run make .venv/.installed"
    subprocess.run(["bash", str(ROOT / ".ci" / "git-filters.sh"), str(nbstripout)], cwd=repo, check=True,
                   env={**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"})
    _autosave_with_outputs(notebook)
    assert "9 members" in notebook.read_text()
    assert _git(repo, "diff") == ""
    _git(repo, "add", "--all")  # also what refreshes `git status`, which compares file sizes first
    assert _git(repo, "status", "--porcelain") == ""
    assert "9 members" not in _git(repo, "show", ":notebooks/01_corpus.ipynb")


def test_lab_filter_outside_git_does_nothing(tmp_path):
    proc = subprocess.run(["bash", str(ROOT / ".ci" / "git-filters.sh"), "nbstripout"], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert proc.returncode == 0 and proc.stderr == ""
