"""The publication site of one or more areas: what ``teilhabe publish`` builds.

For each area: the current plan in all three variants (``lang/``, ``kurz/``,
``leicht/``), every earlier version (``fassungen/ID/…``) with a "Was hat sich geändert?"
page per update (``aenderungen/``), Markdown copies, each evaluation report, a page per
public council paper and its Leichte Sprache summary (``vorlagen/``; non-public papers are
never published), a calendar per area and per plan, OParl for the public council papers,
the accessibility statement, and the
exporters the area opts in to (``site.exporters`` in its profile); plus a landing page per
area. Every page gets breadcrumbs to its area page and the start page. The start page,
``sitemap.xml``, ``robots.txt`` and the manifest are made by :mod:`.sitefiles` when the
site is written, from every area on the site (also those not published in this run).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from ..base.i18n import N_, Msg, language, translate
from ..model import CouncilPaper, Evaluation, Plan, Variant
from ..model.easy import publishes_easy
from .api import ExportContext, Exporter, Output, slug
from .domain_data import PAPERS_FOLDER as PAPERS
from .navigation import navigable
from .site_extras import FOLDERS
from .sitefiles import SITE_FILES, site_folder, site_index, write_site
from .templating import render_page, stylesheet
from .wording import titled, without_area

if TYPE_CHECKING:
    from .api import Host

__all__ = ["SITE_FILES", "Step", "area_page", "area_steps", "plan_steps", "publication_steps",
           "site_exporters", "site_folder", "site_index", "write_site"]


GENERIC = {"json", "yaml", "csv", "xlsx", "html", "markdown", "oparl", "ical",
           "evaluation-html", "evaluation-markdown", "pdf", "evaluation-pdf", "vorlage"}
"""Built-in exporters the site places itself (in the folders above)."""
ON_SITE = ("html", "markdown", "csv", "xlsx", "ical", "evaluation-html", "oparl", "vorlage")
"""Those of them that every area's site carries (an area's own evaluation report replaces
``evaluation-html``)."""


def published_on(app: Host, cls: type[Exporter], area_ids: list[str]) -> list[str]:
    """The areas (of ``area_ids``) whose site publishes exporter ``cls``."""
    if cls.identifier == "evaluation-html":  # an area's own report replaces it
        reports = {c.identifier for c in app.exporters()
                   if c.media_type == "text/html" and Evaluation in c.accepts}
        return [a for a in area_ids if not reports & set(app.area(a).area.site.exporters)]
    if cls.identifier in ON_SITE or (
            cls.identifier not in GENERIC and cls.on_site
            and cls.__module__.startswith("teilhabe_plugins.")):
        return list(area_ids)
    return [a for a in area_ids if cls.identifier in app.area(a).area.site.exporters]


@frozen
class Step:
    """One unit of work of the build, for progress reporting. ``label`` is the German link
    label of what it builds (published content) or a translatable progress text; ``what``
    names it without words (format, variant, document id) for English progress lines."""

    area: str
    label: str | Msg
    run: Callable[[], list[Output]]
    what: str = ""

    def text(self, lang: str | None = None) -> str:
        """The progress text in ``lang`` (default: the current language)."""
        if isinstance(self.label, Msg):
            return self.label.text(lang)
        return self.what if self.what and language(lang) == "en" else self.label


def _prefixed(outputs: list[Output], folder: str) -> list[Output]:
    return [evolve(o, name=f"{folder}/{o.name}") for o in outputs]


def site_exporters(app: Host, area_id: str, document: Any) -> list[type[Exporter]]:
    """Exporters (besides the built-in site formats) published for ``document``: those the
    area names in ``site.exporters``, and built-in ones that set ``on_site``."""
    chosen = set(app.area(area_id).area.site.exporters)
    return [cls for cls in app.exporters(document) if cls.identifier not in GENERIC
            and (cls.identifier in chosen
                 or (cls.on_site and cls.__module__.startswith("teilhabe_plugins.")))]


def _version_label(app: Host, area_id: str, plan: Plan) -> str:
    bodies = {b.id: b.name for b in app.area(area_id).area.bodies}
    text = titled(plan)
    if plan.adoption is not None:
        from .templating import format_date

        text += (f", beschlossen am {format_date(plan.adoption.date)} vom "
                 f"{bodies.get(plan.adoption.body, plan.adoption.body)}")
    return text


def plan_steps(app: Host, area_id: str,
               pdf: bool = True) -> tuple[list[Step], list[dict[str, str]]]:
    """The build steps of one area and the links (filled as the steps run) for its page.

    Each link has ``label``, ``href`` and ``group`` (``current``, ``archive``,
    ``evaluation``, ``paper``, ``calendar`` or ``extra``), and ``item`` where it is one
    of several links to one thing (the variants of an earlier version: the item names
    the version, the label the variant); the legal pages are linked from every page's
    footer.
    """
    source = app.area(area_id)
    docs = app.documents(area_id)
    plan = docs.current_plan()
    steps: list[Step] = []
    links: list[dict[str, str]] = []

    def add(label: str, folder: str, document: Any, ident: str, group: str,
            variant: Variant | None = None, main: str = ".html",
            options: dict[str, Any] | None = None, item: str = "") -> None:
        def run() -> list[Output]:
            outputs = app.render(document, ident, options, variant=variant)
            if folder:
                outputs = _prefixed(outputs, folder)
            first = next((o.name for o in outputs if o.name.endswith(main)), outputs[0].name)
            links.append({"label": label, "href": first, "group": group, "item": item})
            return navigable(_prefixed(outputs, area_id), source.area)

        what = ident + (f" ({variant.value})" if variant else "")
        ident_of = getattr(document, "id", "") or getattr(document, "reference", "")
        steps.append(Step(area_id, f"{item}: {label}" if item else label, run,
                          f"{what}: {ident_of}" if ident_of else what))

    def add_plan(version: Plan, folder: str, group: str, item: str = "") -> None:
        up = "../" * (folder.count("/") + 1)  # from the variant folder to the area's
        for variant in (Variant.LONG, Variant.SHORT, Variant.EASY):
            label = VARIANT_LINKS[variant]
            if variant is Variant.EASY and not publishes_easy(version, source.area):
                label += " (noch nicht erschienen)"
            add(label, f"{folder}{FOLDERS[variant]}",
                version, "html", group, variant, "index.html",
                {"variant_links": True, "papers_folder": f"{up}{PAPERS}/"}, item)

    if plan is not None:
        add_plan(plan, "", "current")
        for variant in (Variant.LONG, Variant.SHORT, Variant.EASY) if pdf else ():
            add(f"{VARIANT_LINKS[variant]} als PDF", "pdf", plan, "pdf", "current", variant,
                ".pdf")
        for variant in (Variant.LONG, Variant.SHORT, Variant.EASY):
            add(f"{VARIANT_LINKS[variant]} als Markdown-Datei", "markdown", plan, "markdown",
                "current", variant, ".md")
        add(f"Alle {area_words(source.area)} als Tabelle (CSV-Datei)", "daten", plan, "csv",
            "current", main=".csv")
        add(f"Alle {area_words(source.area)} als Excel-Arbeitsmappe", "daten", plan, "xlsx",
            "current", main=".xlsx")
    area = app.area(area_id).area
    if area.participation:  # "So haben wir beteiligt", standard and Leichte Sprache
        for variant, label, folder in (
                (Variant.LONG, "So haben wir beteiligt", "beteiligung"),
                (Variant.EASY, "So haben Menschen mit·gemacht (Leichte Sprache)",
                 "beteiligung-leicht")):
            add(label, folder, area, "beteiligung", "extra", variant,
                options={"papers_folder": f"../{PAPERS}/"}
                if variant is Variant.LONG and public_papers(app, area_id) else None)
    earlier = sorted((p for p in docs.plans if p is not plan), key=lambda p: -p.version)
    for version in earlier:
        add_plan(version, f"fassungen/{slug(version.id)}/", "archive",
                 _version_label(app, area_id, version))
    for version in docs.plans:
        predecessor = docs.plan(version.supersedes)
        if predecessor is not None:
            steps.append(Step(area_id, Msg(N_("Changes page (version {version})"),
                                           version=version.version),
                              _changes_step(app, area_id, predecessor, version, links)))
    add("Alle Termine als Kalenderdatei (iCalendar)", "kalender", source.area, "ical",
        "calendar", main=".ics")
    for version in docs.plans:
        add(f"Termine zu „{titled(version)}“ als Kalenderdatei", "kalender", version,
            "ical", "calendar", main=".ics")
    own = {cls.identifier for e in docs.evaluations for cls in site_exporters(app, area_id, e)
           if cls.media_type == "text/html"}
    for evaluation in docs.evaluations:
        report = evaluation.title or f"Evaluationsbericht {evaluation.reference_date.year}"
        if not own:
            add(report, "evaluation", evaluation, "evaluation-html", "evaluation")
        if pdf:
            add(f"{report} als PDF", "pdf", evaluation, "evaluation-pdf", "evaluation",
                main=".pdf")
    if public_papers(app, area_id):
        steps.append(Step(area_id, Msg(N_("Council paper pages")),
                          _papers_step(app, area_id, links)))
    from .site_extras import OPARL_LABEL, oparl_href

    links.append({"label": OPARL_LABEL, "href": oparl_href(area_id), "group": "paper",
                  "item": ""})
    documents: list[Any] = [*docs.plans, *docs.evaluations, *public_papers(app, area_id),
                            *docs.calls]
    for document in documents:
        for cls in site_exporters(app, area_id, document):
            group = ("evaluation" if cls.identifier in own
                     else "paper" if isinstance(document, CouncilPaper) else "extra")
            add(_extra_label(app, area_id, cls, document, group), slug(cls.identifier),
                document, cls.identifier, group)
    steps.append(Step(area_id, Msg(N_("Accessibility statement")),
                      _legal_step(app, area_id)))
    return steps, links


VARIANT_LINKS = {Variant.LONG: "Langfassung", Variant.SHORT: "Kurzfassung",
                 Variant.EASY: "Leichte Sprache"}
"""How the area page names the variants of a plan it links."""


def area_words(area: Any) -> str:
    """The area's word for its measures (``Maßnahmen``)."""
    from ..model.labels import vocabulary

    return vocabulary(area).measures


def _extra_label(app: Host, area_id: str, cls: type[Exporter], document: Any,
                 group: str) -> str:
    """The link label of an exporter the area publishes for ``document``: an evaluation
    report by its title; else the exporter's name without the area's (the page is the
    area's own), with what it shows where the exporter serves several documents."""
    title = getattr(document, "title", "") or getattr(document, "name", "") or ""
    if group == "evaluation" and title:
        return str(title)
    name = without_area(translate(cls.name, "de"),  # the site is German
                        app.area(area_id).area.name)
    if isinstance(document, CouncilPaper):
        return f"{name} (Nr. {document.reference})"
    docs = app.documents(area_id)
    served = [d for d in (*docs.plans, *docs.evaluations, *docs.calls)
              if cls in site_exporters(app, area_id, d)]
    if len(served) > 1 and title:
        return f"{name}: {titled(document) if isinstance(document, Plan) else title}"
    return name


def public_papers(app: Host, area_id: str) -> list[CouncilPaper]:
    """The area's council papers the site may publish: the public ones."""
    return [p for p in app.documents(area_id).papers if p.public]


def _variant_label(variant: Variant) -> str:
    from ..model.labels import label

    return label(variant)


def _changes_step(app: Host, area_id: str, old: Plan, new: Plan,
                  links: list[dict[str, str]]) -> Callable[[], list[Output]]:
    def run() -> list[Output]:
        from .changes import changes_page

        name = f"aenderungen/{slug(new.id)}.html"
        links.append({"label": f"Was hat sich von der {old.version}. zur {new.version}. "
                      "Fassung geändert?", "href": name, "group": "archive", "item": ""})
        source = app.area(area_id)
        html = changes_page(_context(app, area_id), old, new)
        return navigable([Output(f"{area_id}/{name}", html)], source.area)

    return run


def _papers_step(app: Host, area_id: str,
                 links: list[dict[str, str]]) -> Callable[[], list[Output]]:
    """The pages of the area's public council papers (``vorlagen/``), each with its
    Leichte Sprache summary where the area publishes that variant; one stylesheet."""
    def run() -> list[Output]:
        source = app.area(area_id)
        easy = Variant.EASY in source.area.plan_defaults.publication_variants
        outputs: dict[str, Output] = {}
        for paper in public_papers(app, area_id):  # a non-public paper is never published
            for variant in (Variant.LONG, Variant.EASY) if easy else (Variant.LONG,):
                rendered = app.render(paper, "vorlage", {"site_links": True}, variant=variant)
                outputs.update((o.name, o) for o in rendered)
                page = rendered[0].name
                links.append({"label": f"Vorlage {paper.reference}: {paper.title}"
                              + (" (Leichte Sprache)" if variant is Variant.EASY else ""),
                              "href": f"{PAPERS}/{page}", "group": "paper", "item": ""})
        named = _prefixed(list(outputs.values()), PAPERS)
        return navigable(_prefixed(named, area_id), source.area)

    return run


def _legal_step(app: Host, area_id: str) -> Callable[[], list[Output]]:
    def run() -> list[Output]:
        from .legal import accessibility_pages

        source = app.area(area_id)
        pages = accessibility_pages(_context(app, area_id))
        return navigable(_prefixed(pages, area_id), source.area)

    return run


def _context(app: Host, area_id: str) -> ExportContext:
    source = app.area(area_id)
    return ExportContext(app=app, area=source.area, documents=app.documents(area_id),
                         templates_dirs=(source.templates_dir,) if source.templates_dir
                         else ())


GROUPS = (("current", "Aktueller Plan"), ("archive", "Frühere Fassungen und Änderungen"),
          ("evaluation", "Evaluationen"), ("paper", "Ratsdokumente"), ("calendar", "Kalender"),
          ("extra", "Weitere Veröffentlichungen"))
"""The headings of the area page's links, in order."""


def link_groups(links: list[dict[str, str]]) -> list[tuple[str, list[tuple[str, list[Any]]]]]:
    """The area page's links by group (heading, entries): each entry is ``("", [link])``
    or ``(item, [its links])``, in the order the links were made; empty groups left out."""
    out = []
    for key, heading in GROUPS:
        entries: list[tuple[str, list[Any]]] = []
        for link in (link for link in links if link["group"] == key):
            item = link.get("item", "")
            if item and entries and entries[-1][0] == item:
                entries[-1][1].append(link)
            else:
                entries.append((item, [link]))
        if entries:
            out.append((heading, entries))
    return out


def area_page(app: Host, area_id: str, links: list[dict[str, str]]) -> Output:
    from ..model.labels import vocabulary
    from .overview import overview

    source = app.area(area_id)
    words = vocabulary(source.area)
    docs = app.documents(area_id)
    plan = docs.current_plan()
    bodies = {b.id: b.name for b in source.area.bodies}
    html = render_page(_context(app, area_id), "site_area.html.j2", area=source.area,
                       plan=plan, link_groups=link_groups(links), root="../",
                       body_name=lambda ident: bodies.get(ident, ident),
                       overview=overview(plan, words.measures, words.life_area) if plan else None,
                       funding=[p for p in app.funding_programmes()
                                if source.area.project and p.id in source.area.project.funding],
                       calls=docs.calls, page_title=source.area.name,
                       has_examples=any(g.example or any(t.example for t in g.meetings)
                                        for g in source.area.working_groups),
                       legal_href="barrierefreiheit.html")
    return Output(f"{area_id}/index.html", html)


def _page_step(app: Host, area_id: str,
               links: list[dict[str, str]]) -> Callable[[], list[Output]]:
    return lambda: [area_page(app, area_id, links)]


def publication_steps(app: Host, area_ids: list[str], base_url: str | None = None,
                      pdf: bool = True, previous_base_url: str = "") -> list[Step]:
    """Every build step for ``area_ids``, landing pages, OParl and the shared stylesheet
    last; ``base_url`` (else the areas' profiles, else ``previous_base_url``, the one of
    the site's last publication) is where the site will be online.

    The start page itself is made by :func:`write_site` from every area on the site."""
    from .oparl import site_base_url
    from .site_extras import extras_step

    steps = [step for area_id in area_ids for step in area_steps(app, area_id, pdf)]
    base = site_base_url([app.area(a).area for a in area_ids], base_url, previous_base_url)
    steps.append(Step("", Msg(N_("OParl and schema")), extras_step(app, area_ids, base, pdf)))
    steps.append(Step("", Msg(N_("Start page")), lambda: [stylesheet()]))
    return steps


def area_steps(app: Host, area_id: str, pdf: bool = True) -> list[Step]:
    """The build steps of one area, its landing page last (they run in this order, in one
    process: the page links what the steps before made)."""
    steps, links = plan_steps(app, area_id, pdf)
    return [*steps, Step(area_id, Msg(N_("Area page")), _page_step(app, area_id, links))]
