"""The package installs as a package: a wheel built from the checkout ships every file of
``sco_analysis`` and declares what it imports, so in a fresh virtualenv ``extract`` runs from any folder.

Offline and quick: the wheel is built with the current venv's setuptools, and the fresh venv sees
only the distributions the wheel declares (and theirs), linked from the current venv. A dependency
that is imported but not declared is missing there, so the run fails.
"""

from __future__ import annotations

import importlib.metadata as md
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow

SKIP = shutil.ignore_patterns(".git", ".venv", ".cache", "__pycache__", "*.pyc", "*.egg-info", "build",
                              "out", "reports", ".pytest_cache", ".hypothesis", ".ipynb_checkpoints")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    need = Requirement("setuptools>=68")
    assert md.version("setuptools") in need.specifier, "requirements.txt changed: run make .venv/.installed"
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=SKIP)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(tmp / "dist"), str(src)], check=True, capture_output=True)
    (found,) = (tmp / "dist").glob("sco_analysis-*.whl")
    return found


def _requires(metadata: str) -> list[Requirement]:
    return [Requirement(r) for r in Parser().parsestr(metadata).get_all("Requires-Dist") or []]


def _closure(requirements: list[Requirement]) -> set[str]:
    """Names of the installed distributions the requirements need, transitively (no extras)."""
    seen: set[str] = set()
    todo = [r for r in requirements if not r.marker or r.marker.evaluate({"extra": ""})]
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        seen.add(name)
        dist = md.distribution(req.name)
        todo += [r for r in _requires(dist.read_text("METADATA") or "")
                 if not r.marker or r.marker.evaluate({"extra": ""})]
    return seen


def test_wheel_ships_every_file_of_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "sco_analysis"
    files = {p.relative_to(ROOT).as_posix() for p in package.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts}
    assert files - names == set()
    assert any(n.startswith("sco_analysis/data/other_organizations") for n in names)


def test_wheel_installed_in_a_fresh_venv_runs_extract_from_another_folder(wheel, tmp_path):
    with zipfile.ZipFile(wheel) as z:
        metadata = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    declared = _requires(metadata)
    assert {canonicalize_name(r.name) for r in declared} >= {"pandas", "pandera", "pycountry", "matplotlib"}

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    ours = Path(sysconfig.get_paths()["purelib"])
    for name in _closure(declared):
        for f in md.distribution(name).files or []:
            top = f.parts[0]
            if top != ".." and not (site / top).exists() and (ours / top).exists():
                (site / top).symlink_to(ours / top)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["SCO_CACHE"] = "off"
    proc = subprocess.run([str(venv / "bin" / "sco-analysis"), "extract", str(SEEDS), "--out", "tables"],
                          cwd=elsewhere, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (elsewhere / "tables" / "claims.csv").stat().st_size > 1000
    where = subprocess.run([str(python), "-c", "import sco_analysis; print(sco_analysis.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(venv))
