"""File I/O hardening: non-regular inputs, atomic publishing, file modes, German OS errors.

Everything that could hang (a FIFO) runs in a subprocess with a timeout.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import teilhabe_core as th
from teilhabe_core import cli
from teilhabe_core.base import fileio
from teilhabe_core.base.fileio import atomic_write, os_reason, recover, replace_folder
from teilhabe_core.cli import common as cli_common
from teilhabe_core.cli import info as cli_info
from teilhabe_core.publish.api import Output, write_outputs
from tests.conftest import ROOT
from tests.test_cli import SCRIPT, site_files

ENV = {"PATH": "/usr/bin:/bin", "TEILHABE_LANG": "de"}
MEASURE = ("measure:bo-mobilitaet-1", "finish", "--by", "Amt", "--at", "2023-12-01T10:00:00")
UNREADABLE = "error: (Dokument): Die Datei kann nicht gelesen werden: keine normale Datei, sondern"


def run(*args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    """The installed script with a timeout: a hang fails the test instead of blocking it."""
    result = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=ENV,
                            timeout=60, preexec_fn=None if umask is None else
                            (lambda: os.umask(umask)))
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A writable copy of the Börde data; returns its current plan."""
    shutil.copytree(ROOT / "counties" / "boerde" / "data", tmp_path / "data")
    return tmp_path / "data" / "aktionsplan-2.yaml"


@pytest.fixture
def umask():
    """Set a umask for one test; the previous one is restored."""
    previous = os.umask(0o022)
    yield os.umask
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- 1. non-regular files are refused, never block --------------------------------------


def test_validate_refuses_fifo_and_devices(tmp_path):
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    result = run("validate", str(fifo), "/dev/null", "/dev/zero")
    assert result.returncode == 2
    assert f"{fifo}:1:1: {UNREADABLE} eine benannte Pipe (FIFO)." in result.stdout
    assert f"/dev/null:1:1: {UNREADABLE} ein Gerät." in result.stdout
    assert f"/dev/zero:1:1: {UNREADABLE} ein Gerät." in result.stdout


def test_validate_reports_a_fifo_inside_a_folder(tmp_path):
    shutil.copy(ROOT / "counties" / "boerde" / "data" / "evaluation-2020.yaml", tmp_path)
    os.mkfifo(tmp_path / "zz.yaml")
    result = run("validate", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path / 'zz.yaml'}:1:1: {UNREADABLE} eine benannte Pipe (FIFO)." \
        in result.stdout


def test_transition_refuses_a_fifo_as_document(tmp_path):
    path = tmp_path / "plan.yaml"
    os.mkfifo(path)
    result = run("transition", str(path), *MEASURE)
    assert result.returncode == 2
    assert f"{path}:1:1: {UNREADABLE} eine benannte Pipe (FIFO)." in result.stderr


def test_history_that_is_a_fifo_is_refused(plan):
    history = plan.with_name("aktionsplan-2.history.yaml")
    os.mkfifo(history)
    before = plan.read_bytes()
    message = f"{history}:1:1: {UNREADABLE} eine benannte Pipe (FIFO)."
    transition = run("transition", str(plan), *MEASURE)
    assert transition.returncode == 2 and message in transition.stderr
    assert plan.read_bytes() == before
    validate = run("validate", str(plan))
    assert validate.returncode == 2 and message in validate.stdout


def test_history_that_is_a_folder_is_refused(app, plan):
    history = plan.with_name("aktionsplan-2.history.yaml")
    history.mkdir()
    with pytest.raises(th.DocumentError, match=f"{re.escape(str(history))}:1:1: error: "
                       r"\(Dokument\): Die Datei kann nicht gelesen werden: keine normale "
                       "Datei, sondern ein Ordner."):
        app.transition(plan, *MEASURE[:2], by="Amt")


@pytest.mark.parametrize(("fmt", "kind"), [("csv", "fifo"), ("xlsx", "fifo"),
                                           ("indicator-csv", "device")])
def test_import_refuses_a_table_that_is_not_a_file(plan, fmt, kind):
    table = plan.parent / f"tabelle.{fmt}"
    if kind == "fifo":
        os.mkfifo(table)
    else:
        table = Path("/dev/zero")
    out = plan.parent / "neu.yaml"
    result = run("import", str(table), "--format", fmt, "--into", str(plan), "--out", str(out),
                 *(["--option", "indicator=x"] if fmt == "indicator-csv" else []))
    what = "eine benannte Pipe (FIFO)" if kind == "fifo" else "ein Gerät"
    assert result.returncode == 2
    assert f"{table}:1:1: {UNREADABLE} {what}." in result.stderr
    assert not out.exists()


def test_import_into_a_fifo_is_refused(plan):
    fifo = plan.parent / "fifo.yaml"
    os.mkfifo(fifo)
    result = run("import", str(plan), "--format", "csv", "--into", str(fifo), "--out",
                 str(plan.parent / "neu.yaml"))
    assert result.returncode == 2
    assert f"{fifo}:1:1: {UNREADABLE} eine benannte Pipe (FIFO)." in result.stderr


def test_api_refuses_devices_and_folders_with_both_languages(tmp_path):
    for path, de, en in (("/dev/null", "ein Gerät", "a device"),
                         (str(tmp_path), "ein Ordner", "a folder")):
        with pytest.raises(th.DocumentError) as info:
            th.load_file(path)
        (f,) = info.value.findings
        assert (f.code, f.file, f.line) == ("file-unreadable", path, 1)
        assert f.message == f"Die Datei kann nicht gelesen werden: keine normale Datei, " \
                            f"sondern {de}."
        assert f.message_en == f"The file cannot be read: not a regular file but {en}."
        with pytest.raises(th.FileError, match=f"Die Datei {re.escape(path)} kann nicht"):
            fileio.read_regular(path)
    assert fileio.read_regular(ROOT / "constraints.txt") == \
        (ROOT / "constraints.txt").read_bytes()


# -- 2. publishing is atomic as a whole -------------------------------------------------

KILL_TRIALS = int(os.environ.get("TEILHABE_KILL_TRIALS", "10"))


def inside(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_publish_killed_at_random_moments_leaves_old_or_new_site(tmp_path):
    """SIGKILL ``teilhabe publish nienburg`` into a full old site at random moments.

    Even trials are killed at a uniform time over a whole run; odd trials wait until the
    new build folder appears beside the site and are killed while it is being written.
    Every outcome must be exactly the old site or exactly the new one (the other areas
    and foreign files kept), with nothing temporary inside, and the next run's
    :func:`recover` must leave nothing beside it.
    """
    reference = tmp_path / "reference"
    started = time.monotonic()
    assert run("publish", "nienburg", "--no-pdf", "--out", str(reference)).returncode == 0
    duration = time.monotonic() - started
    fresh = site_files(reference)
    old = {name: b"ALT " + data for name, data in fresh.items()}
    old |= {"boerde/index.html": b"<p>alt</p>", "robots.txt": b"User-agent: *\n"}
    new = old | fresh
    rng = random.Random(os.environ.get("TEILHABE_KILL_SEED", "20"))
    delays = [rng.uniform(0, duration) if i % 2 == 0 else rng.uniform(0, 0.02)
              for i in range(KILL_TRIALS)] + [0.0]

    def trial(i: int) -> tuple[str, bool]:
        site = tmp_path / f"trial{i}" / "site"
        for name, data in old.items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_bytes(data)
        proc = subprocess.Popen([str(SCRIPT), "publish", "nienburg", "--no-pdf", "--out",
                                 str(site)],
                                env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while i % 2 and proc.poll() is None and time.monotonic() < deadline \
                and not any(n.startswith(".site.teilhabe-") for n in os.listdir(site.parent)):
            time.sleep(0.002)
        time.sleep(delays[i])
        building = any(n.startswith(".site.teilhabe-neu-") for n in os.listdir(site.parent))
        if i < KILL_TRIALS:
            proc.send_signal(signal.SIGKILL)
        code = proc.wait(timeout=120)
        state = site_files(site)
        assert state in (old, new), f"trial {i}: a mix of old and new pages"
        assert not [n for n in inside(site) if ".tmp" in n or "teilhabe-" in n], i
        recover(site.resolve())
        assert os.listdir(site.parent) == ["site"] and site_files(site) == state
        outcome = "fertig" if code == 0 else "neu" if state == new else "alt"
        assert code == 0 or code == -signal.SIGKILL, code
        assert code != 0 or state == new
        return outcome, building and code != 0

    with ThreadPoolExecutor(2) as pool:  # the last run is not killed: it must give `new`
        *results, (last, _) = pool.map(trial, range(KILL_TRIALS + 1))
    assert last == "fertig"
    outcomes = Counter(outcome for outcome, _ in results)
    print(f"\n{KILL_TRIALS} kill trials (publish {duration:.1f} s): {dict(outcomes)}, "
          f"{sum(b for _, b in results)} killed while a build folder was beside the site")
    assert sum(b for _, b in results) >= 1  # the write phase itself was hit


def full_disk_after(monkeypatch, files: int) -> None:
    real, calls = fileio._write_data, []

    def write(fd, data, keep, sync=True):
        calls.append(1)
        if len(calls) > files:
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data, keep, sync)

    monkeypatch.setattr(fileio, "_write_data", write)


def test_full_disk_leaves_the_old_site_untouched(tmp_path, monkeypatch, capsys, app):
    site = tmp_path / "site"
    old = {"index.html": b"alt", "style.css": b"alt", "nienburg/index.html": b"alt"}
    for name, data in old.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    full_disk_after(monkeypatch, 10)
    monkeypatch.setattr(cli_common, "make_app", lambda: app)
    assert cli.main(["publish", "nienburg", "--out", str(site)]) == 2
    err = capsys.readouterr().err
    assert re.search(rf"teilhabe: Fehler: Die Datei {re.escape(str(site))}/nienburg/\S+ kann "
                     r"nicht geschrieben werden: Kein Speicherplatz mehr auf dem Datenträger\. "
                     rf"Der Ordner {re.escape(str(site))} bleibt unverändert\.", err), err
    assert site_files(site) == old and os.listdir(tmp_path) == ["site"]


def test_replace_folder_keeps_other_files_and_leaves_nothing_beside(tmp_path):
    site = tmp_path / "site"
    (site / "boerde").mkdir(parents=True)
    (site / "boerde" / "index.html").write_bytes(b"boerde")
    (site / "index.html").write_bytes(b"alt")
    orphan = tmp_path / ".site.teilhabe-neu-dead"  # from a run that was killed
    (orphan / "x").mkdir(parents=True)
    stale = tmp_path / ".site.teilhabe-alt-dead"
    stale.mkdir()
    paths = replace_folder(site, [("index.html", b"neu"), ("nienburg/a.html", b"a")])
    assert paths == [site / "index.html", site / "nienburg" / "a.html"]
    assert site_files(site) == {"boerde/index.html": b"boerde", "index.html": b"neu",
                                "nienburg/a.html": b"a"}
    assert os.listdir(tmp_path) == ["site"]


def test_replace_folder_without_exchange_and_recovery_after_a_kill(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio, "_exchange", lambda first, second: False)
    site = tmp_path / "site"
    replace_folder(site, [("a.txt", b"1")])
    replace_folder(site, [("b.txt", b"2")])
    assert site_files(site) == {"a.txt": b"1", "b.txt": b"2"}
    assert os.listdir(tmp_path) == ["site"]
    # killed between the two renames of the fallback: the old folder is moved back
    site.rename(tmp_path / ".site.teilhabe-alt-1234")
    replace_folder(site, [("c.txt", b"3")])
    assert site_files(site) == {"a.txt": b"1", "b.txt": b"2", "c.txt": b"3"}
    assert os.listdir(tmp_path) == ["site"]


def test_a_build_in_progress_is_not_removed(tmp_path):
    site = tmp_path / "site"
    busy = tmp_path / ".site.teilhabe-neu-busy"
    busy.mkdir()
    fd = fileio._try_lock(busy)
    try:
        replace_folder(site, [("a.txt", b"1")])
        assert busy.is_dir()
    finally:
        fileio._release(fd)
    recover(site)
    assert os.listdir(tmp_path) == ["site"]


def test_publish_through_a_symlink_replaces_the_real_folder(tmp_path):
    real = tmp_path / "v1"
    replace_folder(real, [("a.txt", b"1")])
    (tmp_path / "site").symlink_to(real)
    replace_folder(tmp_path / "site", [("a.txt", b"2")])
    assert (tmp_path / "site").is_symlink() and (real / "a.txt").read_bytes() == b"2"
    assert sorted(os.listdir(tmp_path)) == ["site", "v1"]


def test_a_mount_point_cannot_be_replaced(tmp_path, monkeypatch):
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == tmp_path)
    with pytest.raises(th.FileError, match="Einhängepunkt"):
        replace_folder(tmp_path, [("a.txt", b"1")])
    assert os.listdir(tmp_path) == []


def test_publish_out_must_be_a_folder_for_a_site(tmp_path):
    file = tmp_path / "site.html"
    file.write_text("x", "utf-8")
    result = run("publish", "nienburg", "--out", str(file))
    assert result.returncode == 2
    assert result.stderr == f"teilhabe: Fehler: {file} ist eine Datei und kein Ordner; bitte " \
                            "einen Ordner angeben.\n"
    foreign = tmp_path / "projekt"
    foreign.mkdir()
    (foreign / "notizen.txt").write_text("x", "utf-8")
    result = run("publish", "nienburg", "--out", str(foreign))
    assert result.returncode == 2
    assert f"Der Ordner {foreign} ist nicht leer und enthält keine Veröffentlichung " \
           "(index.html und style.css fehlen)" in result.stderr
    assert os.listdir(foreign) == ["notizen.txt"]


# -- 3. file modes ------------------------------------------------------------------------


@pytest.mark.parametrize("mask", [0o022, 0o002])
def test_written_files_get_the_umask_mode(tmp_path, umask, mask):
    umask(mask)
    files, folders = 0o666 & ~mask, 0o777 & ~mask
    assert mode(atomic_write(tmp_path / "new" / "plan.yaml", b"x")) == files
    assert mode(tmp_path / "new") == folders
    write_outputs([Output("a/b.csv", "x"), Output("c.csv", "y")], tmp_path / "export")
    assert (mode(tmp_path / "export"), mode(tmp_path / "export" / "a")) == (folders, folders)
    assert (mode(tmp_path / "export" / "a" / "b.csv"),
            mode(tmp_path / "export" / "c.csv")) == (files, files)
    site = tmp_path / "site"
    replace_folder(site, [("index.html", b"x"), ("boerde/lang/index.html", b"y")])
    assert [mode(p) for p in (site, site / "boerde", site / "boerde" / "lang")] == [folders] * 3
    assert mode(site / "index.html") == mode(site / "boerde" / "lang" / "index.html") == files


@pytest.mark.parametrize("mask", [0o022, 0o002])
def test_rewritten_files_keep_their_mode(tmp_path, umask, mask):
    umask(mask)
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"alt")
    plan.chmod(0o640)
    atomic_write(plan, b"neu")
    assert plan.read_bytes() == b"neu" and mode(plan) == 0o640
    site = tmp_path / "site"
    replace_folder(site, [("index.html", b"1"), ("robots.txt", b"r")])
    site.chmod(0o750)
    (site / "index.html").chmod(0o604)
    replace_folder(site, [("index.html", b"2")])
    assert (mode(site), mode(site / "index.html")) == (0o750, 0o604)
    assert mode(site / "robots.txt") == 0o666 & ~mask


def test_transition_under_umask_002_keeps_the_plan_mode(plan):
    plan.chmod(0o660)
    result = run("transition", str(plan), *MEASURE, umask=0o002)
    assert result.returncode == 0, result.stderr
    assert mode(plan) == 0o660
    assert mode(plan.with_name("aktionsplan-2.history.yaml")) == 0o664


@pytest.mark.parametrize("which", ["plan", "history"])
def test_transition_refuses_a_read_only_file(app, plan, which):
    history = plan.with_name("aktionsplan-2.history.yaml")
    app.transition(plan, "measure:bo-mobilitaet-1", "postpone", by="Amt", note="Haushalt",
                   at=dt.datetime(2023, 12, 1, 10))
    before = {p: p.read_bytes() for p in (plan, history)}
    locked = plan if which == "plan" else history
    locked.chmod(0o444)  # tests run as root: os.access says yes, the mode bits say no
    result = run("transition", str(plan), "measure:bo-mobilitaet-1", "start", "--by", "Amt",
                 "--at", "2023-12-02T10:00:00")
    assert result.returncode == 1
    assert f"teilhabe: Fehler: Die Datei {locked} ist schreibgeschützt und wird nicht ersetzt; " \
           "es wurde nichts geschrieben." in result.stderr
    assert {p: p.read_bytes() for p in (plan, history)} == before
    assert mode(locked) == 0o444 and sorted(os.listdir(plan.parent)) == sorted(
        ["aktionsplan-1.yaml", "aktionsplan-2.yaml", "aktionsplan-2.history.yaml",
         "evaluation-2020.yaml"])


def test_import_refuses_a_read_only_plan(app, plan, tmp_path):
    (table,) = app.export(app.load(plan).document, "csv", tmp_path / "t")
    before = plan.read_bytes()
    plan.chmod(0o444)
    result = run("import", str(table), "--format", "csv", "--into", str(plan), "--out",
                 str(plan))
    assert result.returncode == 1
    assert f"Die Datei {plan} ist schreibgeschützt und wird nicht ersetzt" in result.stderr
    assert plan.read_bytes() == before and mode(plan) == 0o444


def test_write_protection_is_read_from_the_mode_bits(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"alt")
    path.chmod(0o444)
    with pytest.raises(th.ReadOnlyError, match="schreibgeschützt"):
        atomic_write(path, b"neu")
    path.chmod(0o200)  # writable (though unreadable) for its owner
    atomic_write(path, b"neu")
    assert mode(path) == 0o200 and os.listdir(tmp_path) == ["a.yaml"]


# -- 4. messages --------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "text"), [
    (errno.ENOENT, "Datei oder Ordner nicht gefunden"),
    (errno.EEXIST, "Datei oder Ordner existiert bereits"),
    (errno.ENOTDIR, "Ein Teil des Pfads ist kein Ordner"),
    (errno.EISDIR, "Das ist ein Ordner, keine Datei"),
    (errno.EACCES, "Keine Berechtigung"),
    (errno.ENOSPC, "Kein Speicherplatz mehr auf dem Datenträger"),
    (errno.EROFS, "Das Dateisystem ist schreibgeschützt"),
    (errno.EDQUOT, "Speicherkontingent (Quota) überschritten"),
    (errno.ECHILD, "Fehler des Betriebssystems ECHILD"),  # not the system's English
])
def test_os_errors_in_german(code, text):
    assert os_reason(OSError(code, os.strerror(code))) == text


def test_unexpected_os_error_reaches_the_user_in_german(monkeypatch, capsys):
    def broken(args):
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/site")

    monkeypatch.setattr(cli_info, "cmd_counties", broken)
    assert cli.main(["counties"]) == 2
    assert capsys.readouterr().err == \
        "teilhabe: Fehler: Problem mit /srv/site: Keine Berechtigung.\n"


def test_full_disk_on_export_changes_nothing_and_names_the_file(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_bytes(b"alt")
    full_disk_after(monkeypatch, 1)
    with pytest.raises(th.FileError) as info:
        write_outputs([Output("a.csv", "neu"), Output("b/c.csv", "neu")], tmp_path)
    assert str(info.value) == f"Die Datei {tmp_path / 'b' / 'c.csv'} kann nicht geschrieben " \
                              "werden: Kein Speicherplatz mehr auf dem Datenträger. Es wurde " \
                              "nichts geändert."
    assert (tmp_path / "a.csv").read_bytes() == b"alt"
    assert inside(tmp_path) == ["a.csv", "b"]  # no temp file left


def test_a_rename_failing_after_others_says_what_was_replaced(tmp_path, monkeypatch):
    real, calls = os.replace, []

    def replace(source, target):
        calls.append(target)
        if len(calls) > 1:
            raise OSError(errno.EIO, "Input/output error")
        real(source, target)

    monkeypatch.setattr(fileio.os, "replace", replace)
    with pytest.raises(th.FileError) as info:
        write_outputs([Output("a.csv", "neu"), Output("b.csv", "neu")], tmp_path)
    assert str(info.value) == f"Die Datei {tmp_path / 'b.csv'} kann nicht geschrieben werden: " \
                              "Ein-/Ausgabefehler des Datenträgers. Bereits ersetzt: " \
                              f"{tmp_path / 'a.csv'}."
    assert inside(tmp_path) == ["a.csv"]  # the temp file of b.csv is removed


def test_export_out_is_a_file(tmp_path):
    file = tmp_path / "out"
    file.write_text("x", "utf-8")
    result = run("export", str(ROOT / "counties" / "boerde" / "data" / "aktionsplan-2.yaml"),
                 "--format", "csv", "--out", str(file))
    assert result.returncode == 2
    assert f"teilhabe: Fehler: {file} ist eine Datei und kein Ordner" in result.stderr


def test_validate_folder_without_documents_exits_2(tmp_path):
    (tmp_path / "liesmich.txt").write_text("x", "utf-8")
    result = run("validate", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"teilhabe: Fehler: Im Ordner {tmp_path} gibt es keine Dokumente " \
                            "(*.yaml, *.yml, *.json).\n"
    assert "0 Fehler" not in result.stderr + result.stdout


def test_out_file_that_is_a_folder_or_device_is_refused(tmp_path):
    result = run("schema", "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"teilhabe: Fehler: Die Datei {tmp_path} kann nicht geschrieben " \
                            "werden: keine normale Datei, sondern ein Ordner. Es wurde nichts " \
                            "geändert.\n"
    with pytest.raises(th.FileError, match="sondern ein Gerät"):
        atomic_write("/dev/null", b"x")  # as root, a rename would have replaced the device
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_build_syncs_its_files_once_before_it_is_switched_in(tmp_path, monkeypatch):
    """No fsync per file (a journal commit each, ~4 ms: most of a site build's time on an
    idle machine); one sync of everything, before the new content takes the folder's
    place, so a crash after the switch cannot leave empty files in it."""
    site = tmp_path / "site"
    events: list[str] = []
    real_fsync, real_sync = os.fsync, os.sync

    def fsync(fd):
        events.append("fsync")
        real_fsync(fd)

    def sync():
        events.append("sync: " + ("new" if (site / "a").exists() else "old") + " folder")
        real_sync()

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "sync", sync)
    replace_folder(site, [(f"{n}", b"x") for n in "abcdefgh"])
    assert events == ["sync: old folder", "fsync"]  # the one fsync: the parent folder
    assert sorted(os.listdir(site)) == list("abcdefgh")


def test_safe_joins_agrees_with_safe_join_name_by_name_also_through_links(tmp_path):
    """Many names at once (each folder resolved once) give what one name at a time gives:
    the resolved path, or the refusal of a link that leads out of the folder."""
    from teilhabe_core.base.errors import ExportError
    from teilhabe_core.base.fileio import safe_join, safe_joins

    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    (site / "real").mkdir(parents=True)
    elsewhere.mkdir()
    (site / "inside").symlink_to(site / "real")
    (site / "outside").symlink_to(elsewhere)
    (site / "real" / "leak.html").symlink_to(elsewhere / "x.html")
    names = ["a.html", "real/b.html", "inside/c.html", "inside/d/e.html", "real/leak.html",
             "outside/f.html", "new/g.html"]
    one_by_one: list[object] = []
    for name in names:
        try:
            one_by_one.append(safe_join(site, name))
        except ExportError:
            one_by_one.append("refused")
    assert one_by_one[2:4] == [site / "real/c.html", site / "real/d/e.html"]
    assert one_by_one[4:6] == ["refused", "refused"]
    fine = [n for n, r in zip(names, one_by_one, strict=True) if r != "refused"]
    assert safe_joins(site, fine) == [r for r in one_by_one if r != "refused"]
    for bad in ("real/leak.html", "outside/f.html"):
        with pytest.raises(ExportError, match="führt aus dem Ausgabeordner"):
            safe_joins(site, [*fine, bad])
