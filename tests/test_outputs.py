"""`extract` writes its tables as a set, and a hostile environment ends in one line, exit 3."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from sco_analysis import cli, output
from sco_analysis.errors import EXIT_ENVIRONMENT

from .conftest import write_folder

TEXT = "SCO leaders met in Astana.\n\nKazakhstan hosts the summit on 3-4 July 2024. Belarus will join the SCO.\n"


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err, err
    return err


@pytest.fixture
def folder(tmp_path):
    return write_folder(tmp_path / "articles", {"a.txt": TEXT, "b.txt": TEXT.replace("Belarus", "Laos")})


def _snapshot(path):
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def _leftovers(parent):
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_full_disk_keeps_the_old_set_and_leaves_no_temporary_files(folder, tmp_path, capsys, monkeypatch):
    out = tmp_path / "tables"
    assert _run(capsys, "extract", str(folder), "--out", str(out))[0] == 0
    before = _snapshot(out)
    (folder / "b.txt").write_text(TEXT.replace("Belarus", "Iran"), encoding="utf-8")
    calls = []
    real = output.write_table

    def fills_the_disk(df, path, fmt="csv"):
        calls.append(path.name)
        if len(calls) > 1:
            with open(path, "w") as fh:
                fh.write("article_id,sen")  # a truncated table, as a full disk leaves it
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(df, path, fmt)

    monkeypatch.setattr(output, "write_table", fills_the_disk)
    code, _, err = _run(capsys, "extract", str(folder), "--out", str(out))
    assert code == EXIT_ENVIRONMENT
    assert str(out) in _one_line(err) and "no space left on the device" in err
    assert _snapshot(out) == before
    assert _leftovers(tmp_path) == []


def test_new_set_replaces_the_old_one_whole(folder, tmp_path, capsys):
    out = tmp_path / "tables"
    _run(capsys, "extract", str(folder), "--out", str(out))
    (folder / "b.txt").write_text(TEXT.replace("Belarus", "Iran"), encoding="utf-8")
    assert _run(capsys, "extract", str(folder), "--out", str(out))[0] == 0
    assert "IRN" in (out / "membership.csv").read_text() and _leftovers(tmp_path) == []


def test_out_holding_other_files_keeps_them(folder, tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    assert _run(capsys, "extract", str(folder), "--out", str(out))[0] == 0
    assert (out / "notes.txt").read_text() == "keep me"
    assert len(pd.read_csv(out / "articles.csv")) == 2
    assert _leftovers(tmp_path) == [] and _leftovers(out) == []


def test_out_as_the_working_directory(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _run(capsys, "extract", str(folder), "--out", ".")[0] == 0
    assert (tmp_path / "articles.csv").is_file() and os.getcwd() == str(tmp_path)


def test_out_is_a_file(folder, tmp_path, capsys):
    out = tmp_path / "tables.csv"
    out.write_text("x")
    code, _, err = _run(capsys, "extract", str(folder), "--out", str(out))
    assert code == EXIT_ENVIRONMENT
    assert f"{out}: exists and is a file" in _one_line(err)
    assert out.read_text() == "x"


def test_out_under_a_file(folder, tmp_path, capsys):
    (tmp_path / "plain").write_text("x")
    code, _, err = _run(capsys, "extract", str(folder), "--out", str(tmp_path / "plain" / "sub" / "tables"))
    assert code == EXIT_ENVIRONMENT
    assert str(tmp_path / "plain") in _one_line(err) and "is a file" in err


@pytest.mark.parametrize("err_no, problem", [
    (errno.EACCES, "permission denied"),
    (errno.EROFS, "read-only file system"),
    (errno.ENOSPC, "no space left on the device"),
])
def test_unwritable_parent_is_reported_before_the_slow_work(folder, tmp_path, capsys, monkeypatch, err_no, problem):
    def refuse(*a, **k):
        raise OSError(err_no, os.strerror(err_no), str(tmp_path))

    monkeypatch.setattr(output.tempfile, "mkdtemp", refuse)
    built = []
    monkeypatch.setattr("sco_analysis.pipeline.build", lambda *a, **k: built.append(1))
    code, _, err = _run(capsys, "extract", str(folder), "--out", str(tmp_path / "tables"))
    assert code == EXIT_ENVIRONMENT and not built
    assert f"{tmp_path}: cannot write the output here: {problem}" in _one_line(err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_parent_for_real(folder, tmp_path, capsys):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        code, _, err = _run(capsys, "extract", str(folder), "--out", str(parent / "tables"))
    finally:
        parent.chmod(0o755)
    assert code == EXIT_ENVIRONMENT and "permission denied" in _one_line(err)


def test_unreadable_article_is_one_line(folder, capsys, monkeypatch, tmp_path):
    real = type(folder).read_bytes

    def denied(self):
        if self.name == "b.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(folder), "read_bytes", denied)
    monkeypatch.setenv("SCO_CACHE", "off")
    code, _, err = _run(capsys, "extract", str(folder), "--out", str(tmp_path / "t"))
    assert code == EXIT_ENVIRONMENT and f"{folder / 'b.txt'}: permission denied" in _one_line(err)


def test_sigterm_leaves_no_temporary_folder(folder, tmp_path):
    """A killed extract (SIGTERM while writing) removes its temporary folder and keeps the old set."""
    out = tmp_path / "tables"
    script = (
        "import sys, time\n"
        "from sco_analysis import cli, output\n"
        "real = output.write_table\n"
        "def slow(df, path, fmt='csv'):\n"
        "    real(df, path, fmt)\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(30)\n"
        "output.write_table = slow\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "SCO_CACHE": "off"}
    proc = subprocess.Popen([sys.executable, "-c", script, "extract", str(folder), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert "Traceback" not in proc.stderr.read()
    time.sleep(0.1)
    assert not out.exists() and _leftovers(tmp_path) == []


# ---------------------------------------------------------------- second pass: more hostile outputs

def test_empty_out_is_refused(folder, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # where an empty --out used to write
    code, _, err = _run(capsys, "extract", str(folder), "--out", "")
    assert code == 2 and "--out: is empty; give a folder for the tables" in _one_line(err)


def test_out_as_the_articles_folder_is_refused(folder, capsys):
    before = sorted(p.name for p in folder.iterdir())
    code, _, err = _run(capsys, "extract", str(folder), "--out", str(folder / "." ))
    assert code == 2 and f"{folder}: is the articles folder; write the tables to another folder" in _one_line(err)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_folder_in_the_way_of_a_table(folder, tmp_path, capsys):
    out = tmp_path / "tables"
    (out / "claims.csv").mkdir(parents=True)
    code, _, err = _run(capsys, "extract", str(folder), "--out", str(out))
    assert code == EXIT_ENVIRONMENT and f"{out / 'claims.csv'}: is in the way of a table file" in _one_line(err)
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv"] and _leftovers(tmp_path) == []


def test_out_as_a_link_to_a_folder_stays_a_link(folder, tmp_path, capsys):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    assert _run(capsys, "extract", str(folder), "--out", str(tmp_path / "link"))[0] == 0
    assert (tmp_path / "link").is_symlink() and (real / "articles.csv").is_file()


def test_out_with_a_line_break_prints_one_line_per_table(folder, tmp_path, capsys):
    code, out, _ = _run(capsys, "extract", str(folder), "--out", str(tmp_path / "two\nlines"))
    assert code == 0 and len(out.splitlines()) == 10 and all("two\\nlines" in line for line in out.splitlines())


def test_a_folder_where_nothing_can_be_made(folder, capsys):
    code, _, err = _run(capsys, "extract", str(folder), "--out", "/proc/sco-tables")
    assert code == EXIT_ENVIRONMENT
    assert _one_line(err) == "error: /proc: cannot write the output here: folders cannot be created in it\n"


def test_missing_parents_of_out_are_made(folder, tmp_path, capsys):
    out = tmp_path / "a" / "b" / "tables"
    assert _run(capsys, "extract", str(folder), "--out", str(out))[0] == 0
    assert len(pd.read_csv(out / "articles.csv")) == 2 and _leftovers(out.parent) == []


def test_help_documents_the_exit_codes():
    out = subprocess.run([sys.executable, "-m", "sco_analysis", "--help"], capture_output=True, text=True).stdout
    assert "2 bad input" in out and "3 the environment" in out and "130 interrupted" in out
