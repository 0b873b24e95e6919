"""axe-core (WCAG 2.1 A and AA rules) in real headless Chromium over every published HTML
page: the whole site (all areas, variants, archive, paper and legal pages) and every
standalone HTML export, served by a local HTTP server.

Tools: Debian's ``chromium`` and the npm packages in ``tests/browser`` (axe-core and
playwright-core, pinned with integrity hashes in its ``package-lock.json``; ``npm ci``
there installs them). Where they are missing the tests are skipped, except with
``TEILHABE_REQUIRE_BROWSER=1`` (set by ``.ci/run``): then they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, static_server

BROWSER_TOOLS = ROOT / "tests" / "browser"
RUNNER = BROWSER_TOOLS / "run-axe.mjs"
CHROMIUM = os.environ.get("TEILHABE_CHROMIUM", "/usr/bin/chromium")
REQUIRE = os.environ.get("TEILHABE_REQUIRE_BROWSER") == "1"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_tools() -> None:
    """Node, Chromium and the npm packages; missing ones skip (fail with REQUIRE)."""
    missing = [what for what, ok in (
        ("node", shutil.which("node") is not None),
        (CHROMIUM, Path(CHROMIUM).is_file()),
        ("tests/browser/node_modules (npm ci)",
         (BROWSER_TOOLS / "node_modules" / "axe-core" / "axe.min.js").is_file()
         and (BROWSER_TOOLS / "node_modules" / "playwright-core").is_dir()),
    ) if not ok]
    if missing:
        message = f"axe-core in Chromium cannot run: missing {', '.join(missing)}"
        if REQUIRE:
            pytest.fail(message)
        pytest.skip(message)


def run_axe(base: str, folder: Path, tmp_path: Path) -> dict[str, Any]:
    """axe over every HTML page below ``folder`` (served at ``base``)."""
    urls = sorted(base + p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
    listing = tmp_path / "urls.json"
    listing.write_text(json.dumps(urls), "utf-8")
    done = subprocess.run(["node", str(RUNNER), str(listing), CHROMIUM], cwd=BROWSER_TOOLS,
                          capture_output=True, text=True, timeout=1200, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    assert [p["url"] for p in result["pages"]] == urls  # every page was checked
    if os.environ.get("TEILHABE_AXE_REPORT"):  # the full result, for a look by hand
        Path(os.environ["TEILHABE_AXE_REPORT"]).write_text(done.stdout, "utf-8")
    return result


def standalone_exports(app: Any, out: Path) -> int:
    """Every HTML export of every shipped document, each variant in its own folder."""
    from teilhabe_core.publish.api import write_outputs

    count = 0
    for source in app.areas():
        docs = app.documents(source.id)
        for document in [source.area, *docs.plans, *docs.evaluations, *docs.papers,
                         *docs.calls]:
            for cls in app.exporters(document):
                if cls.media_type != "text/html":
                    continue
                for variant in cls.variants or (None,):
                    name = f"{source.id}-{cls.identifier}-{variant or 'standard'}-{count}"
                    write_outputs(app.render(document, cls.identifier, variant=variant),
                                  out / name)
                    count += 1
    return count


def describe(result: dict[str, Any]) -> str:
    lines = []
    for page in result["pages"]:
        for v in page["violations"]:
            first = v["nodes"][0]
            lines.append(f"{page['url']}: {v['id']} ({v['impact']}, {len(v['nodes'])}×): "
                         f"{v['help']} — {first['target']} {first['html'][:120]}")
    return "\n".join(lines)


def test_axe_finds_no_wcag_violation_on_any_published_page(
        axe_tools, app, published_site, tmp_path):
    root = tmp_path / "root"
    shutil.copytree(published_site, root / "site")
    exports = standalone_exports(app, root / "exports")
    assert exports > 30
    with static_server(root) as base:
        result = run_axe(base, root, tmp_path)
    pages = result["pages"]
    site_pages = [p for p in pages if "/site/" in p["url"]]
    assert len(site_pages) == len(list(published_site.rglob("*.html"))) > 120
    assert result["axe"] == json.loads(
        (BROWSER_TOOLS / "package.json").read_text("utf-8"))["dependencies"]["axe-core"]
    assert result["tags"] == TAGS and len(result["rules"]) > 50
    assert {"color-contrast", "image-alt", "html-has-lang", "label", "link-name",
            "list", "th-has-data-cells", "aria-allowed-attr"} <= set(result["rules"])
    assert all(p["passes"] >= 5 for p in pages)  # axe really ran on each page
    assert describe(result) == ""
    undecided = Counter(i["id"] for p in pages for i in p["incomplete"])
    # axe cannot compute the contrast of text inside an SVG chart (an image node); the
    # chart's fill colours are fixed in charts.py and pass (dark text on white)
    assert set(undecided) <= {"color-contrast"}, undecided
    print(f"\naxe {result['axe']}: {len(pages)} pages ({len(site_pages)} site, "
          f"{len(pages) - len(site_pages)} standalone), {len(result['rules'])} rules, "
          f"0 violations; undecided: {dict(undecided)}")


BROKEN = """<!doctype html>
<html><head><title>Kaputt</title></head>
<body><main><img src="x.png">
<p style="color:#aaa;background:#fff">blass</p>
<a href="weiter.html"></a>
<table><tr><th>Spalte</th></tr></table>
</main></body></html>
"""


def test_the_axe_run_reports_violations_where_there_are_some(axe_tools, tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "seite.html").write_text(BROKEN, "utf-8")
    with static_server(folder) as base:
        result = run_axe(base, folder, tmp_path)
    (page,) = result["pages"]
    found = {v["id"] for v in page["violations"]}
    assert {"html-has-lang", "image-alt", "color-contrast", "link-name"} <= found


def test_a_missing_browser_fails_where_it_is_required(tmp_path):
    import sys

    env = {**os.environ, "TEILHABE_CHROMIUM": str(tmp_path / "kein-chromium")}
    for require, outcome in (("1", "1 error"), ("0", "1 skipped")):
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-rs", str(__file__),
             "-k", "reports_violations"], cwd=ROOT, capture_output=True, text=True,
            env={**env, "TEILHABE_REQUIRE_BROWSER": require}, timeout=300, check=False)
        assert outcome in done.stdout, done.stdout[-2000:]
        assert "kein-chromium" in done.stdout  # the message names what is missing
