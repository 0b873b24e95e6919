"""The site as a whole: the manifest of what teilhabe wrote, the start page over every
area on the site, ``sitemap.xml`` and ``robots.txt``, and writing it all in one step.

``.manifest.teilhabe.json`` records, per area, its name (for the start page) and every
file teilhabe wrote for it. Publishing some areas keeps the others (their entry and files
stay); a file an area's new build no longer produces is removed only if the manifest says
teilhabe wrote it: files that someone else put into the folder are never deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from ..base.errors import ExportError, FileError, TeilhabeError
from ..base.fileio import FolderBuild, output_folder, read_regular, safe_join
from ..base.i18n import _
from .api import ExportContext, Output, checked_targets
from .oparl import body_file, system_files

MANIFEST = ".manifest.teilhabe.json"
SITE_FILES = ("index.html", "style.css")
"""Files every publication site has at its top; a non-empty folder without them is refused."""
SHARED = ("index.html", "style.css", "robots.txt", "sitemap.xml", MANIFEST)
OPARL_SYSTEM = "oparl/system.json"
OPARL_BODIES = "oparl/body/"


def site_folder(out_dir: str | os.PathLike[str]) -> Path:
    """The folder a site may be written to: new, empty, or holding a site."""
    folder = output_folder(out_dir)
    if (folder.is_dir() and any(folder.iterdir())
            and not all((folder / name).is_file() for name in SITE_FILES)):
        raise FileError(_("The folder {folder} is not empty and holds no publication ({files} "
                          "are missing). It is not replaced; please name an empty or new "
                          "folder.", folder=folder, files=_(" and ").join(SITE_FILES)), str(folder))
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


def _owner(name: str, bodies: Mapping[str, str]) -> str:
    """The area a site file belongs to: its folder, or its OParl Body and the objects
    below it (``bodies`` maps each Body's :func:`body_file` to its area); ``""`` for the
    shared files."""
    if name.startswith(OPARL_BODIES):
        stem, below, _rest = name[len(OPARL_BODIES):].partition("/")
        return bodies.get(f"{OPARL_BODIES}{stem}.json" if below else name, "")
    return name.split("/", 1)[0] if "/" in name else ""


def _system_part(name: str) -> bool:
    """Whether ``name`` is what :func:`_oparl_system` reads: the System or a Body."""
    return name == OPARL_SYSTEM or (name.startswith(OPARL_BODIES) and name.count("/") == 2)


def _oparl_system(folder: Path, outputs: Sequence[Output],
                  entries: dict[str, Any]) -> list[Output]:
    """The OParl System and Body list over every area on the site that has a Body (the
    run's Bodies are in ``outputs``, the others' in their manifest entries or, for a
    manifest of an older teilhabe, in their Body file); nothing when this run wrote no
    OParl System."""
    by_name = {o.name: o for o in outputs}
    system = by_name.get(OPARL_SYSTEM)
    if system is None:
        return []
    bodies = {o.name: json.loads(o.data().decode("utf-8")) for o in outputs
              if _system_part(o.name) and o.name != OPARL_SYSTEM}
    for area_id, entry in entries.items():
        name = body_file(area_id)
        if name in bodies:
            entry["oparl_body"] = bodies[name]
        elif isinstance(entry.get("oparl_body"), dict):
            bodies[name] = entry["oparl_body"]
        elif (folder / name).is_file():  # unreadable: the Body stays out of the list
            with contextlib.suppress(ValueError, UnicodeDecodeError, TeilhabeError):
                bodies[name] = entry["oparl_body"] = json.loads(
                    read_regular(folder / name).decode("utf-8"))
    data = json.loads(system.data().decode("utf-8"))
    base = str(data["id"]).removesuffix(OPARL_SYSTEM)
    return system_files(base, list(bodies.values()), str(data.get("name", "")),
                        site="web" in data)


def write_site(outputs: Sequence[Output], out_dir: str | os.PathLike[str],
               areas: Sequence[Any] = (), base_url: str | None = None) -> list[Path]:
    """Make ``outputs`` (of the published ``areas``) part of the site in ``out_dir`` in one
    step; other areas on the site stay as they were. Adds the start page over every area,
    ``robots.txt``, ``sitemap.xml`` (with a base URL; the last one given is kept), the
    OParl System over every area's Body and the manifest; removes files of the published
    areas (and OParl list pages) that teilhabe wrote before and that this build no longer
    produces. See :func:`~teilhabe_core.base.fileio.replace_folder` and, to write the
    files bit by bit, :class:`SiteWriter`.
    """
    with SiteWriter(out_dir, base_url) as writer:
        writer.add(outputs)
        return writer.finish(areas)


class SiteWriter:
    """:func:`write_site` in steps: :meth:`write` puts files into the new site at once
    (worker processes call it for their areas), :meth:`add` also records them (the main
    process, for what spans the areas: the run's OParl System and Bodies are kept for
    :meth:`finish`), :meth:`finish` adds the start page, ``robots.txt``, ``sitemap.xml``,
    the OParl System over every Body on the site and the manifest and puts the site in
    place. Leaving the ``with`` block without :meth:`finish` leaves the old site as it was."""

    def __init__(self, out_dir: str | os.PathLike[str], base_url: str | None = None) -> None:
        self.folder = site_folder(out_dir)
        self.old = read_manifest(self.folder)
        self.base = self.old.get("base_url", "") if base_url is None else base_url
        self.names: dict[str, None] = {}
        self._oparl: dict[str, Output] = {}
        self._build = FolderBuild(self.folder)

    def __enter__(self) -> SiteWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._build.close()

    @property
    def previous_base_url(self) -> str:
        """The base URL of the site's last publication (``""`` if none)."""
        return str(self.old.get("base_url", ""))

    def add(self, outputs: Sequence[Output]) -> None:
        """Write ``outputs`` into the new site now (see :meth:`write`) and record them."""
        self.add_names(self.write(outputs))
        self._oparl.update((o.name, o) for o in outputs if _system_part(o.name))

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
            raise ExportError(_("An exporter wrote the same file name more than once."))
        self.names.update(dict.fromkeys(names))

    def finish(self, areas: Sequence[Any] = ()) -> list[Path]:
        """Add the site's own files for the published ``areas``, remove their files of the
        last build that this one no longer has, and put the new site in place."""
        entries: dict[str, Any] = {
            k: {**v, "files": [n for n in v.get("files", []) if isinstance(n, str)]
                if isinstance(v.get("files"), list) else []}
            for k, v in self.old["areas"].items() if isinstance(v, dict) and isinstance(k, str)}
        bodies = {body_file(area.id): area.id for area in areas}
        new_files: dict[str, list[str]] = {area.id: [] for area in areas}
        for name in self.names:
            area_id = _owner(name, bodies)
            if area_id in new_files:
                new_files[area_id].append(name)
        stale: set[str] = set()
        for area in areas:
            stale.update(str(n) for n in entries.get(area.id, {}).get("files", []))
            old_body = entries.get(area.id, {}).get("oparl_body")
            entries[area.id] = {**area_entry(area), "files": sorted(new_files[area.id])}
            if old_body is not None:  # kept until this run's Body replaces it
                entries[area.id]["oparl_body"] = old_body
        system = _oparl_system(self.folder, list(self._oparl.values()), entries)
        old_system = [n for n in self.old.get("system", []) if isinstance(n, str)]
        if system:  # earlier list pages this System no longer has
            stale.update(old_system)
        names = {**self.names, **dict.fromkeys(o.name for o in system)}
        kept = {n for e in entries.values() for n in e.get("files", [])}
        all_files = sorted(kept | set(names) | set(SHARED[:2]))
        extra = [site_index([{k: v for k, v in e.items() if k not in ("files", "oparl_body")}
                             for e in entries.values()]), robots(self.base)]
        if self.base:
            extra.append(sitemap(self.base, all_files))
        manifest: dict[str, Any] = {"base_url": self.base, "areas": entries}
        if system or old_system:
            manifest["system"] = [o.name for o in system] if system else old_system
        extra.append(Output(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1,
                                                 sort_keys=True) + "\n"))
        shared = {o.name for o in extra}
        final = [n for n in names if n not in shared] + [o.name for o in extra]
        written = set(final)
        for name in sorted(n for n in stale - written - kept if _inside(self.folder, n)):
            self._build.remove(name)
        for path, data in checked_targets([*system, *extra], self.folder):
            self._build.write(path.relative_to(self.folder).as_posix(), data)
        self._build.commit()
        return [self.folder / name for name in final]


def _inside(folder: Path, name: str) -> bool:
    try:
        safe_join(folder, name)
    except TeilhabeError:
        return False
    return True
