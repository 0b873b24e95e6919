"""The publication site of one or more areas: what ``teilhabe publish`` builds.

For each area: the current plan in all three variants (``lang/``, ``kurz/``,
``leicht/``), Markdown copies, each evaluation report, a calendar, OParl for council
papers, and every area-specific exporter that fits the area's documents; plus a landing
page per area and ``index.html`` linking all areas. Everything is rendered in memory
first; :func:`write_site` then builds the new site beside the old one and switches it into
place in one step, so a reader (or a killed or failed run) sees the old site or the new one,
never a mix.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from ..base.errors import FileError
from ..base.fileio import output_folder, replace_folder
from ..model import Variant
from .api import ExportContext, Output, checked_targets, slug
from .templating import render_page, stylesheet

if TYPE_CHECKING:
    from .host import Host

FOLDERS = {Variant.LONG: "lang", Variant.SHORT: "kurz", Variant.EASY: "leicht"}
GENERIC = {"json", "yaml", "csv", "xlsx", "html", "markdown", "oparl", "ical",
           "evaluation-html", "evaluation-markdown", "pdf", "evaluation-pdf"}


@frozen
class Step:
    """One unit of work of the build, for progress reporting."""

    area: str
    label: str
    run: Callable[[], list[Output]]


def _prefixed(outputs: Iterable[Output], folder: str) -> list[Output]:
    return [evolve(o, name=f"{folder}/{o.name}") for o in outputs]


def plan_steps(app: Host, area_id: str,
               pdf: bool = True) -> tuple[list[Step], list[dict[str, str]]]:
    """The build steps of one area and the links (filled as the steps run) for its page."""
    docs = app.documents(area_id)
    plan = docs.current_plan()
    steps: list[Step] = []
    links: list[dict[str, str]] = []

    def add(label: str, folder: str, document: Any, ident: str,
            variant: Variant | None = None, main: str = ".html") -> None:
        def run() -> list[Output]:
            outputs = app.render(document, ident, variant=variant)
            if folder:
                outputs = _prefixed(outputs, folder)
            first = next((o.name for o in outputs if o.name.endswith(main)), outputs[0].name)
            links.append({"label": label, "href": first.removeprefix(f"{area_id}/")})
            return _prefixed(outputs, area_id)

        steps.append(Step(area_id, label, run))

    if plan is not None:
        for variant in (Variant.LONG, Variant.SHORT, Variant.EASY):
            add(f"{plan.title} – {_variant_label(variant)}", FOLDERS[variant], plan, "html",
                variant, "index.html")
        for variant in (Variant.LONG, Variant.SHORT, Variant.EASY):
            add(f"Markdown – {_variant_label(variant)}", "markdown", plan, "markdown", variant,
                ".md")
        add("Maßnahmen als Tabelle (CSV)", "daten", plan, "csv", main=".csv")
        add("Maßnahmen als Excel-Arbeitsmappe", "daten", plan, "xlsx", main=".xlsx")
        add("Kalender (iCalendar)", "kalender", plan, "ical", main=".ics")
        for variant in (Variant.LONG, Variant.SHORT, Variant.EASY) if pdf else ():
            add(f"PDF – {_variant_label(variant)}", "pdf", plan, "pdf", variant, ".pdf")
    for evaluation in docs.evaluations:
        add(evaluation.title or "Evaluationsbericht", "evaluation", evaluation,
            "evaluation-html")
        if pdf:
            add(f"{evaluation.title or 'Evaluationsbericht'} (PDF)", "pdf", evaluation,
                "evaluation-pdf", main=".pdf")
    from .site_extras import OPARL_LABEL, oparl_href

    links.append({"label": OPARL_LABEL, "href": oparl_href(area_id)})
    documents: list[Any] = [*([plan] if plan else []), *docs.evaluations, *docs.papers,
                            *docs.calls]
    for document in documents:
        for cls in app.exporters(document):
            if cls.identifier not in GENERIC:
                add(cls.name, slug(cls.identifier), document, cls.identifier)
    return steps, links


def _variant_label(variant: Variant) -> str:
    from ..model.labels import label

    return label(variant)


def area_page(app: Host, area_id: str, links: list[dict[str, str]]) -> Output:
    source = app.area(area_id)
    docs = app.documents(area_id)
    context = ExportContext(app=app, area=source.area, documents=docs,
                            templates_dirs=(source.templates_dir,) if source.templates_dir
                            else ())
    html = render_page(context, "site_area.html.j2", area=source.area,
                       plan=docs.current_plan(), links=links, root="../",
                       funding=[p for p in app.funding_programmes()
                                if source.area.project and p.id in source.area.project.funding],
                       calls=docs.calls, page_title=source.area.name)
    return Output(f"{area_id}/index.html", html)


def site_index(app: Host, area_ids: list[str]) -> Output:
    areas = [app.area(a).area for a in area_ids]
    html = render_page(ExportContext(app=app), "site_index.html.j2", areas=areas,
                       page_title="Teilhabe: Aktionspläne und Arbeitspläne", area_name="")
    return Output("index.html", html)


def _page_step(app: Host, area_id: str,
               links: list[dict[str, str]]) -> Callable[[], list[Output]]:
    return lambda: [area_page(app, area_id, links)]


def publication_steps(app: Host, area_ids: list[str], base_url: str | None = None,
                      pdf: bool = True) -> list[Step]:
    """Every build step for ``area_ids``, landing pages and the shared stylesheet last;
    ``base_url`` (else the areas' profiles) is where the site will be online."""
    from .oparl import site_base_url
    from .site_extras import extras_step

    steps: list[Step] = []
    for area_id in area_ids:
        area_steps, links = plan_steps(app, area_id, pdf)
        steps.extend(area_steps)
        steps.append(Step(area_id, "Übersichtsseite", _page_step(app, area_id, links)))
    base = site_base_url([app.area(a).area for a in area_ids], base_url)
    steps.append(Step("", "OParl und Schema", extras_step(app, area_ids, base, pdf)))
    steps.append(Step("", "Startseite", lambda: [site_index(app, area_ids), stylesheet()]))
    return steps


SITE_FILES = ("index.html", "style.css")
"""Files every publication site has at its top; a non-empty folder without them is refused."""


def site_folder(out_dir: str | os.PathLike[str]) -> Path:
    """The folder a site may be written to: new, empty, or holding a site."""
    folder = output_folder(out_dir)
    if (folder.is_dir() and any(folder.iterdir())
            and not all((folder / name).is_file() for name in SITE_FILES)):
        raise FileError(f"Der Ordner {folder} ist nicht leer und enthält keine Veröffentlichung "
                        f"({' und '.join(SITE_FILES)} fehlen). Er wird nicht ersetzt; bitte "
                        "einen leeren oder neuen Ordner angeben.", str(folder))
    return folder


def write_site(outputs: Sequence[Output], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Make ``outputs`` the new site in ``out_dir`` in one step (old files stay, unless
    replaced); see :func:`~teilhabe_core.base.fileio.replace_folder`."""
    folder = site_folder(out_dir)
    targets = checked_targets(outputs, folder)
    return replace_folder(folder, [(path.relative_to(folder).as_posix(), data)
                                   for path, data in targets])
