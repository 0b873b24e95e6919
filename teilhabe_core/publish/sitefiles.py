"""The site as a whole: the manifest of what teilhabe wrote, the start page over every
area on the site, ``sitemap.xml`` and ``robots.txt``, and writing it all in one step.

``.manifest.teilhabe.json`` records, per area, its name (for the start page) and every
file teilhabe wrote for it. Publishing some areas keeps the others (their entry and files
stay); a file an area's new build no longer produces is removed only if the manifest says
teilhabe wrote it: files that someone else put into the folder are never deleted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from ..base.errors import ExportError, FileError, TeilhabeError
from ..base.fileio import FolderBuild, output_folder, read_regular, safe_join
from .api import ExportContext, Output, checked_targets

MANIFEST = ".manifest.teilhabe.json"
SITE_FILES = ("index.html", "style.css")
"""Files every publication site has at its top; a non-empty folder without them is refused."""
SHARED = ("index.html", "style.css", "robots.txt", "sitemap.xml", MANIFEST)


def site_folder(out_dir: str | os.PathLike[str]) -> Path:
    """The folder a site may be written to: new, empty, or holding a site."""
    folder = output_folder(out_dir)
    if (folder.is_dir() and any(folder.iterdir())
            and not all((folder / name).is_file() for name in SITE_FILES)):
        raise FileError(f"Der Ordner {folder} ist nicht leer und enthält keine Veröffentlichung "
                        f"({' und '.join(SITE_FILES)} fehlen). Er wird nicht ersetzt; bitte "
                        "einen leeren oder neuen Ordner angeben.", str(folder))
    return folder


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the site in ``folder``; empty for a new site, one without it or
    one whose manifest is unreadable (then nothing is removed: the safe side)."""
    empty: dict[str, Any] = {"base_url": "", "areas": {}}
    path = folder / MANIFEST
    if not path.is_file():
        return empty
    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, TeilhabeError):
        return empty
    if not isinstance(data, dict) or not isinstance(data.get("areas"), dict):
        return empty
    if not isinstance(data.get("base_url", ""), str):
        data["base_url"] = ""
    return data


def area_entry(area: Any) -> dict[str, Any]:
    """What the start page shows of an area (kept in the manifest)."""
    from ..model.labels import label

    return {"id": area.id, "name": area.name, "kind": label(area.kind), "state": area.state,
            "ags": area.ags}


def site_index(entries: Sequence[Mapping[str, Any]]) -> Output:
    from .templating import render_page

    html = render_page(ExportContext(), "site_index.html.j2",
                       areas=sorted(entries, key=lambda e: str(e["id"])),
                       page_title="Teilhabe: Aktionspläne und Arbeitspläne", area_name="")
    return Output("index.html", html)


def sitemap(base_url: str, names: Sequence[str]) -> Output:
    base = base_url.rstrip("/") + "/"
    urls = "".join(f"<url><loc>{xml_escape(base + n)}</loc></url>\n"
                   for n in sorted(names) if n.endswith(".html"))
    return Output("sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                  f'"http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')


def robots(base_url: str) -> Output:
    text = "User-agent: *\nAllow: /\n"
    if base_url:
        text += f"Sitemap: {base_url.rstrip('/')}/sitemap.xml\n"
    return Output("robots.txt", text)


def _area_of(name: str) -> str:
    return name.split("/", 1)[0] if "/" in name else ""


def write_site(outputs: Sequence[Output], out_dir: str | os.PathLike[str],
               areas: Sequence[Any] = (), base_url: str | None = None) -> list[Path]:
    """Make ``outputs`` (of the published ``areas``) part of the site in ``out_dir`` in one
    step; other areas on the site stay as they were. Adds the start page over every area,
    ``robots.txt``, ``sitemap.xml`` (with a base URL; the last one given is kept) and the
    manifest; removes files of the published areas that teilhabe wrote before and that
    this build no longer produces. See :func:`~teilhabe_core.base.fileio.replace_folder`
    and, to write the files bit by bit, :class:`SiteWriter`.
    """
    with SiteWriter(out_dir, base_url) as writer:
        writer.add(outputs)
        return writer.finish(areas)


class SiteWriter:
    """:func:`write_site` in steps: :meth:`add` writes files into the new site at once
    (worker processes may call it for their areas), :meth:`finish` adds the start page,
    ``robots.txt``, ``sitemap.xml`` and the manifest and puts the site in place. Leaving
    the ``with`` block without :meth:`finish` leaves the old site as it was."""

    def __init__(self, out_dir: str | os.PathLike[str], base_url: str | None = None) -> None:
        self.folder = site_folder(out_dir)
        self.old = read_manifest(self.folder)
        self.base = self.old.get("base_url", "") if base_url is None else base_url
        self.names: dict[str, None] = {}
        self._build = FolderBuild(self.folder)

    def __enter__(self) -> SiteWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._build.close()

    def add(self, outputs: Sequence[Output]) -> None:
        """Write ``outputs`` into the new site now (see :meth:`write`) and record them."""
        self.add_names(self.write(outputs))

    def write(self, outputs: Sequence[Output]) -> list[str]:
        """Write ``outputs`` into the new site and return their names, without recording
        them (a worker process writes, the main process records with :meth:`add_names`).
        A bad name, or one twice, is refused before anything is written."""
        for path, data in checked_targets(outputs, self.folder):
            self._build.write(path.relative_to(self.folder).as_posix(), data)
        return [o.name for o in outputs]

    def add_names(self, names: Sequence[str]) -> None:
        """Record written files; a name written before is refused."""
        if any(n in self.names for n in names):
            raise ExportError("Ein Exporter hat denselben Dateinamen mehrfach erzeugt.")
        self.names.update(dict.fromkeys(names))

    def finish(self, areas: Sequence[Any] = ()) -> list[Path]:
        """Add the site's own files for the published ``areas``, remove their files of the
        last build that this one no longer has, and put the new site in place."""
        entries: dict[str, Any] = {
            k: {**v, "files": [n for n in v.get("files", []) if isinstance(n, str)]
                if isinstance(v.get("files"), list) else []}
            for k, v in self.old["areas"].items() if isinstance(v, dict) and isinstance(k, str)}
        published = {area.id for area in areas}
        new_files: dict[str, list[str]] = {area_id: [] for area_id in published}
        for name in self.names:
            area_id = _area_of(name)
            if area_id in new_files:
                new_files[area_id].append(name)
        stale: set[str] = set()
        for area in areas:
            stale.update(str(n) for n in entries.get(area.id, {}).get("files", []))
            entries[area.id] = {**area_entry(area), "files": sorted(new_files[area.id])}
        kept = {n for e in entries.values() for n in e.get("files", [])}
        all_files = sorted(kept | set(self.names) | set(SHARED[:2]))
        extra = [site_index([{k: v for k, v in e.items() if k != "files"}
                             for e in entries.values()]), robots(self.base)]
        if self.base:
            extra.append(sitemap(self.base, all_files))
        manifest = {"base_url": self.base, "areas": entries}
        extra.append(Output(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1,
                                                 sort_keys=True) + "\n"))
        shared = {o.name for o in extra}
        names = [n for n in self.names if n not in shared] + [o.name for o in extra]
        written = set(names)
        for name in sorted(n for n in stale - written - kept if _inside(self.folder, n)):
            self._build.remove(name)
        for path, data in checked_targets(extra, self.folder):
            self._build.write(path.relative_to(self.folder).as_posix(), data)
        self._build.commit()
        return [self.folder / name for name in names]


def _inside(folder: Path, name: str) -> bool:
    try:
        safe_join(folder, name)
    except TeilhabeError:
        return False
    return True
