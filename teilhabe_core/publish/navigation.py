"""Site navigation for pages that exporters render without knowing the site around them.

Every HTML page of an area gets breadcrumbs "Alle Gebiete › area › page" (put in front of
the page's own breadcrumbs, or added to its header) and a footer navigation to the legal
pages. A Leichte Sprache page (``<body class="easy">``) gets them in Leichte Sprache: the
area's easy name, and its footer leads to the accessibility statement in Leichter Sprache.
Only the page's own layout markers are used (``<header>``, ``<footer>``, the
``breadcrumb`` list of ``base.html.j2``); text comes escaped. Deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import evolve
from markupsafe import escape

from ..model import Area
from ..model.easy import easy_name
from .api import Output
from .wording import in_style

CRUMBS = '<nav class="breadcrumb" aria-label="Brotkrumen"><ol>'
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_BODY = re.compile(r"<body[^>]*>")
_EASY_BODY = re.compile(r'<body[^>]*\bclass="[^"]*\beasy\b')
LINKS = {"statement": "Erklärung zur Barrierefreiheit", "imprint": "Impressum",
         "privacy": "Datenschutzerklärung"}
EASY_LINKS = {"statement": "Barriere·freiheit in Leichter Sprache",
              "imprint": "Wer macht diese Seiten?", "privacy": "Daten·schutz"}
"""The footer's link texts on standard and on Leichte Sprache pages."""


def legal_links(area: Area, up: str, easy: bool = False) -> str:
    """The footer navigation: accessibility statement, Impressum, Datenschutzerklärung
    (``easy``: in Leichter Sprache, to the statement in Leichter Sprache)."""
    words = EASY_LINKS if easy else LINKS
    page = "barrierefreiheit-leicht.html" if easy else "barrierefreiheit.html"
    items = [f'<li><a href="{up}{page}">{words["statement"]}</a></li>']
    if area.site.imprint_url:
        items.append(f'<li><a href="{escape(area.site.imprint_url)}">{words["imprint"]}'
                     "</a></li>")
    if area.site.privacy_url:
        items.append(f'<li><a href="{escape(area.site.privacy_url)}">{words["privacy"]}'
                     "</a></li>")
    return f'<nav class="legal" aria-label="Rechtliches"><ul>{"".join(items)}</ul></nav>'


def _navigable_page(html: str, area: Area, depth: int) -> str:
    up = "../" * depth
    area_up = "../" * (depth - 1)
    easy = _EASY_BODY.search(html) is not None
    name = easy_name(area) if easy else area.name
    head = (f'<li><a href="{up}index.html">Alle Gebiete</a></li>'
            f'<li><a href="{area_up}index.html">{escape(name)}</a></li>')
    if easy:
        head = in_style(head, area.easy_language.compound_style)
    if CRUMBS in html:
        html = html.replace(CRUMBS, CRUMBS + head, 1)
    else:
        found = _TITLE.search(html)
        title = found.group(1).strip() if found else ""
        nav = f'{CRUMBS}{head}<li aria-current="page">{title}</li></ol></nav>\n'
        if "</header>" in html:  # after the header's own line, as base.html.j2 has it
            html = html.replace("</header>", nav + "</header>", 1)
        elif (body := _BODY.search(html)) is not None:
            html = html[:body.end()] + "\n<header>\n" + nav + "</header>" + html[body.end():]
    footer = legal_links(area, area_up, easy)
    if easy:
        footer = in_style(footer, area.easy_language.compound_style)
    if "</footer>" in html:
        return html.replace("</footer>", footer + "\n</footer>", 1)
    return html.replace("</body>", f"<footer>\n{footer}\n</footer>\n</body>", 1)


def navigable(outputs: Sequence[Output], area: Area) -> list[Output]:
    """``outputs`` (names below the site root, in the area's folder) with site navigation
    in every HTML page."""
    out = []
    for o in outputs:
        depth = o.name.count("/")
        if o.name.endswith(".html") and depth >= 2:
            html = o.data().decode("utf-8")
            o = evolve(o, content=_navigable_page(html, area, depth))
        out.append(o)
    return out
