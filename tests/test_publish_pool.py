"""Publishing with worker processes: the same site as one process, built in parallel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from teilhabe_core.model import Variant
from teilhabe_core.publish import templating
from teilhabe_core.publish.oparl import body_file
from teilhabe_core.publish.pool import build_areas
from teilhabe_core.publish.site import publication_steps, write_site
from teilhabe_core.publish.sitefiles import SiteWriter, read_manifest

SCRIPT = Path(sys.executable).parent / "teilhabe"
AREAS = ["boerde", "nienburg", "saale_orla"]


def site_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def publish(out: Path, *args: str, areas: list[str] = AREAS,
            ) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(SCRIPT), "publish", *areas, "--no-pdf", "--out", str(out),
                             *args], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": "de"})
    assert result.returncode == 0, result.stderr
    return result


def test_workers_write_the_same_site_as_one_process(tmp_path):
    one = publish(tmp_path / "one", "--jobs", "1")
    three = publish(tmp_path / "three", "--jobs", "3")
    assert site_files(tmp_path / "one") == site_files(tmp_path / "three")
    # the per-area lines for logs: one per area, then the shared files
    for result in (one, three):
        lines = [x for x in result.stderr.splitlines() if x.startswith("[")]
        assert [x.split("]")[0] for x in lines] == ["[1/4", "[2/4", "[3/4", "[4/4"]
        assert [x.split()[1] for x in lines[:3]] == [f"{a}:" for a in AREAS]


def test_the_site_of_the_steps_is_the_site_of_the_pool(tmp_path, app):
    """The old way (every step in one list, one write) and the pool give the same files."""
    steps = publication_steps(app, AREAS, None, pdf=False)
    write_site([o for step in steps for o in step.run()], tmp_path / "steps",
               [app.area(a).area for a in AREAS])
    publish(tmp_path / "pool", "--jobs", "2")
    assert site_files(tmp_path / "steps") == site_files(tmp_path / "pool")


def test_publishing_areas_into_a_site_is_the_same_by_the_steps_and_by_the_pool(tmp_path, app):
    """Two of three areas published again, without a base URL: the workers write their
    areas, the main process the OParl System over every Body on the site (the third one's
    from the manifest) at the site's last base URL, as the steps in one process do."""
    base = "https://teilhabe.example.org/"
    for name in ("steps", "pool"):
        publish(tmp_path / name, "--jobs", "3", "--base-url", base)
    again = AREAS[:2]
    steps = publication_steps(app, again, None, pdf=False,
                              previous_base_url=read_manifest(tmp_path / "steps")["base_url"])
    write_site([o for step in steps for o in step.run()], tmp_path / "steps",
               [app.area(a).area for a in again])
    publish(tmp_path / "pool", "--jobs", "2", areas=again)
    assert site_files(tmp_path / "steps") == site_files(tmp_path / "pool")
    bodies = json.loads((tmp_path / "pool" / "oparl" / "body.json").read_text("utf-8"))
    assert sorted(b["web"].removeprefix(base).split("/")[0] for b in bodies["data"]) == AREAS
    manifest = read_manifest(tmp_path / "pool")
    assert sorted(manifest["areas"]) == AREAS
    for area in AREAS:  # each area owns its Body and the objects below it
        files, body = manifest["areas"][area]["files"], body_file(area)
        assert body in files and body.replace(".json", "/paper.json") in files


def test_areas_are_built_by_worker_processes(tmp_path, app):
    with SiteWriter(tmp_path / "site") as writer:
        built = list(build_areas(app, AREAS, False, writer.write,
                                 lambda area_id: [str(os.getpid())], jobs=2))
    assert [b.area for b in built] == AREAS  # in the order asked for
    workers = {b.notes[0] for b in built}
    assert str(os.getpid()) not in workers and 1 <= len(workers) <= 2
    assert all(b.names and not b.errors for b in built)


def test_a_template_is_compiled_once_per_process(app, monkeypatch):
    import jinja2

    compiled: list[str] = []
    real = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name or "")
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    templating._environment.cache_clear()
    plan = app.documents("boerde").current_plan()
    for _ in range(2):
        for variant in Variant:
            app.render(plan, "html", variant=variant)
        app.render(app.documents("boerde").plans[0], "html")
    assert compiled and len(compiled) == len(set(compiled))  # each template compiled once
    assert templating.environment([]) is templating.environment([])


@pytest.mark.parametrize("jobs", ["0", "-1", "zwei"])
def test_jobs_must_be_a_positive_number(tmp_path, jobs):
    result = subprocess.run([str(SCRIPT), "publish", "--jobs", jobs, "--out", str(tmp_path)],
                            capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": "de"})
    assert result.returncode == 2 and "--jobs" in result.stderr


def test_a_worker_that_dies_stops_the_build_with_a_german_error(tmp_path, app):
    import teilhabe_core as th

    site = tmp_path / "site"
    publish(site, "--jobs", "1")
    before = site_files(site)
    with pytest.raises(th.TeilhabeError, match="Arbeitsprozess"), SiteWriter(site) as writer:
        list(build_areas(app, AREAS, False, writer.write, lambda area_id: os._exit(3), jobs=2))
    assert site_files(site) == before  # the old site stays
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no build left beside it
