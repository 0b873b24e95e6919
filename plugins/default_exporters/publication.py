"""The plan publication in three variants: long, short and Leichte Sprache.

HTML is a small static site (``index.html``, one page per life area, ``style.css``):
semantic HTML5, ``lang="de"``, a skip link, one ``h1`` per page and ordered headings,
tables with captions and header cells, visible focus, print CSS, no JavaScript, no
external resources. Markdown is one file per variant. An area overrides any template by
shipping one with the same name in its ``templates/`` folder, and its words
(``Handlungsfeld`` …) come from its profile's ``vocabulary``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from attrs import define, evolve, field
from markupsafe import Markup

from teilhabe_core.base.i18n import N_
from teilhabe_core.evaluation.coverage import barrier_summary, chain, transition_gaps
from teilhabe_core.evaluation.diff import COMPLETED, CONTINUED, DROPPED, NEW, lineage
from teilhabe_core.evaluation.indicators import progress, series
from teilhabe_core.model import GlossaryEntry, LifeArea, Measure, Plan, Variant
from teilhabe_core.model.easy import easy_name, easy_title, publishes_easy
from teilhabe_core.model.labels import label, vocabulary
from teilhabe_core.publish.api import ExportContext, Exporter, Output, slug
from teilhabe_core.publish.domain_data import domain_context
from teilhabe_core.publish.easy_markup import GlossaryMarker
from teilhabe_core.publish.templating import easy_style, environment, stylesheet

HERE = Path(__file__).parent / "templates"


def page_of(life_area: LifeArea) -> str:
    return f"{slug(life_area.id, 'bereich')}.html"


def anchor(measure: Measure) -> str:
    return "m-" + slug(measure.id, "massnahme")


@define
class PublicationOptions:
    include_examples: bool = field(default=True, metadata={
        "help": N_("publish example measures (example: true) too")})
    variant_links: bool = field(default=False, metadata={
        "help": N_("links to the other variants (only when they are published beside it)")})
    papers_folder: str = field(default="", metadata={
        "help": N_("relative path to the pages of the council papers (on the website only)")})


LINEAGE_LABELS = {NEW: "neu", CONTINUED: "fortgeführt", COMPLETED: "abgeschlossen",
                  DROPPED: "entfallen"}

VARIANT_FOLDERS = {Variant.LONG: "lang", Variant.SHORT: "kurz", Variant.EASY: "leicht"}
EASY_VARIANT_LABELS = {Variant.LONG: "Die lange Fassung", Variant.SHORT: "Die kurze Fassung",
                       Variant.EASY: "Leichte Sprache"}
"""How the Leichte Sprache pages name the variants they link to."""


def plan_context(plan: Plan, context: ExportContext, include_examples: bool,
                 variant_links: bool = False, papers_folder: str = "") -> dict[str, Any]:
    measures = [m for m in plan.measures if include_examples or not m.example]
    area = context.area
    names = {la.id: la.name for la in plan.life_areas}
    bodies = {b.id: b.name for b in area.bodies} if area else {}
    predecessor = context.documents.plan(plan.supersedes) if context.documents else None
    variant = context.variant
    marks = lineage(plan, predecessor)
    shown = plan if include_examples else evolve(
        plan, indicators=tuple(i for i in plan.indicators if not i.example),
        transitions=tuple(t for t in plan.transitions if not t.example),
        barriers=tuple(b for b in plan.barriers if not b.example))
    previous = {m.id: m for m in predecessor.measures} if predecessor else {}
    current = context.documents.current_plan() if context.documents else None
    return {
        **(site_links(plan, current, predecessor, variant) if variant_links else
           {"predecessor_href": "", "current": None, "current_href": "", "changes_href": ""}),
        "lineage": marks,
        "lineage_label": LINEAGE_LABELS,
        "completed": [previous[i] for i, mark in marks.items()
                      if mark == COMPLETED and (include_examples or not previous[i].example)],
        "given_up": [previous[i] for i, mark in marks.items()
                     if mark == DROPPED and (include_examples or not previous[i].example)],
        "indicators": shown.indicators,
        "indicator_series": series,
        "breakdown_labels": area.breakdown_labels if area else {},
        "indicator_progress": progress,
        "stages": chain(shown),
        "gaps": transition_gaps(shown),
        "barriers": barrier_summary(shown) if shown.barriers else None,
        "measure_titles": {m.id: m.title for m in plan.measures},
        "plan": plan,
        "in_easy": publishes_easy(plan, area),
        "measures_all": measures,
        "counts": {la.id: sum(1 for m in measures if la.id in m.life_areas)
                   for la in plan.life_areas},
        "vocab": vocabulary(area),
        "area_name": (easy_name(area) if variant is Variant.EASY else area.name) if area else "",
        "variant": variant.value,
        "variant_label": label(variant),
        "has_examples": any(m.example for m in measures),
        "predecessor": predecessor,
        "body_name": lambda ident: bodies.get(ident, ident),
        **domain_context(plan, area, context.documents.papers if context.documents else (),
                         lambda ident: bodies.get(ident, ident), measures,
                         context.app.funding_programmes() if context.app else (),
                         papers_folder),
        "page_of": page_of,
        "page_of_measure": lambda m: next((page_of(la) for la in plan.life_areas
                                           if la.id in m.life_areas), "index.html"),
        "anchor": anchor,
        "other_areas": lambda m: ", ".join(names.get(i, i) for i in m.life_areas),
        "other_variants": [
            {"href": f"../{VARIANT_FOLDERS[v]}/index.html", "label": label(v),
             "easy_label": EASY_VARIANT_LABELS[v]}
            for v in (Variant.LONG, Variant.SHORT, Variant.EASY) if v is not variant
        ] if variant_links else [],
    }


def site_links(plan: Plan, current: Plan | None, predecessor: Plan | None,
               variant: Variant) -> dict[str, Any]:
    """Links between the versions of a plan on the website (``variant_links``): the
    current version is in ``<area>/<variant>/``, each earlier one in
    ``<area>/fassungen/<id>/<variant>/``, the "Was hat sich geändert?" pages in
    ``<area>/aenderungen/``."""
    up = "../" if plan is current else "../../../"  # from this page to the area's folder

    def href(version: Plan) -> str:
        folder = "" if version is current else f"fassungen/{slug(version.id)}/"
        return f"{up}{folder}{VARIANT_FOLDERS[variant]}/index.html"

    return {"predecessor_href": href(predecessor) if predecessor else "",
            "current": current if current is not None and current is not plan else None,
            "current_href": href(current) if current is not None else "",
            "changes_href": f"{up}aenderungen/{slug(plan.id)}.html" if predecessor else ""}


def template_env(context: ExportContext, markdown: bool = False) -> Any:
    return environment([*context.templates_dirs, HERE], markdown=markdown)


def glossary_of(context: ExportContext) -> tuple[GlossaryEntry, ...]:
    if context.app is None:
        return ()
    return context.app.glossary(context.area.id if context.area else None)


def easy_html(context: ExportContext) -> Callable[[str], Markup]:
    """A fresh per-page function: easy text → sentence lines with glossary words
    explained at their first use on that page."""
    marker = GlossaryMarker(glossary_of(context))
    return lambda text: Markup(marker.html(text))  # noqa: S704 - GlossaryMarker escapes


def easy_markdown(context: ExportContext) -> Callable[[str], str]:
    marker = GlossaryMarker(glossary_of(context))
    return marker.markdown


class HtmlPublication(Exporter):
    identifier = "html"
    name = N_("Publication as a website (HTML)")
    description = N_("Accessible static website of the plan: a start page and one page per "
                      "life area; long or short version or Leichte Sprache.")
    accepts = (Plan,)
    media_type = "text/html"
    extension = "html"
    variants = (Variant.LONG, Variant.SHORT, Variant.EASY)
    Options = PublicationOptions

    def render(self, document: Plan, context: ExportContext) -> Sequence[Output]:
        pages = plan_pages(document, context, self.options.include_examples,
                           self.options.variant_links, self.options.papers_folder)
        return [stylesheet(), *(Output(name, html) for name, html in pages)]


def plan_pages(plan: Plan, context: ExportContext, include_examples: bool,
               variant_links: bool = False, papers_folder: str = "",
               **overrides: Any) -> list[tuple[str, str]]:
    """The plan's pages ``(file name, html)``: ``index.html``, then one per life area;
    ``overrides`` replace template values (the PDF has no links to other variants)."""
    env = template_env(context)
    data = plan_context(plan, context, include_examples, variant_links,
                        papers_folder) | overrides
    easy = context.variant is Variant.EASY
    title = f"{easy_title(plan) if easy else plan.title} – {data['variant_label']}"
    if easy and not data["in_easy"]:  # not yet in Leichter Sprache: one page says so
        title = f"{plan.easy_title or 'Der Plan'} – Leichte Sprache"
    # the example note stands where an example is shown (the easy start page shows none)
    index = data | ({"has_examples": data["in_easy"] and any(la.example
                                                             for la in plan.life_areas)}
                    if easy else {})
    pages = [("index.html", env.get_template("plan_index.html.j2").render(
        **index, root="", page_title=title, easy_html=easy_html(context)))]
    for life_area in plan.life_areas if data["in_easy"] or not easy else ():
        measures = [m for m in data["measures_all"] if life_area.id in m.life_areas]
        shown = data | {"has_examples": life_area.example or any(m.example for m in measures)}
        html = env.get_template("plan_area.html.j2").render(
            **shown, root="", life_area=life_area, measures=measures,
            page_title=f"{easy_name(life_area)} – {data['variant_label']}" if easy
            else f"{life_area.name} – {title}",
            easy_html=easy_html(context))
        pages.append((page_of(life_area), html))
    return [(name, easy_style(html, context)) for name, html in pages] if easy else pages


class MarkdownPublication(Exporter):
    identifier = "markdown"
    name = N_("Publication as Markdown")
    description = N_("The plan as one Markdown document; long or short version or Leichte "
                     "Sprache.")
    accepts = (Plan,)
    media_type = "text/markdown"
    extension = "md"
    variants = (Variant.LONG, Variant.SHORT, Variant.EASY)
    Options = PublicationOptions

    def render(self, document: Plan, context: ExportContext) -> Sequence[Output]:
        env = template_env(context, markdown=True)
        data = plan_context(document, context, self.options.include_examples)
        by_area = {la.id: [m for m in data["measures_all"] if la.id in m.life_areas]
                   for la in document.life_areas}
        text = env.get_template("plan.md.j2").render(**data, by_area=by_area,
                                                     easy_md=easy_markdown(context))
        if context.variant is Variant.EASY:
            text = easy_style(text, context)
        name = f"{slug(document.id)}-{VARIANT_FOLDERS[context.variant]}.md"
        return [Output(name, text)]

