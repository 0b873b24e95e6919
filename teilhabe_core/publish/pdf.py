"""Tagged, accessible PDF (PDF/UA-1) from the publication's HTML pages, with WeasyPrint.

The exporters render their pages with the same templates as the website; this module
joins the pages' ``<main>`` parts into one document (each page a ``<section>``, links
between the pages turned into links inside the document) and lets WeasyPrint write it
as PDF/UA-1: tagged structure (``StructTreeRoot``, ``MarkInfo``), ``Lang`` ``de``, the
title shown as document title, bookmarks from the headings, and figures with their text
alternative. The creation date comes from the document (adoption, reference date), never
from the clock, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape

from ..model import Variant

PDF_FOLDER = "pdf"
"""The folder of the PDF files on the site (``<area>/pdf/``)."""
VARIANT_SUFFIX = {Variant.LONG: "lang", Variant.SHORT: "kurz", Variant.EASY: "leicht"}

_MAIN = re.compile(r'<main[^>]*>(.*?)</main>', re.S)
_BODY_CLASS = re.compile(r'<body class="([^"]*)"')
_ID = re.compile(r' id="([^"]+)"')
_LINK = re.compile(r'href="([^"#:]+\.html)(#[^"]*)?"')
PRINT_CSS = """
@page { size: A4; margin: 2cm 2cm 2.5cm 2cm;
        @bottom-center { content: "Seite " counter(page) " von " counter(pages); } }
section.page + section.page { break-before: page; }
h1, h2, h3 { break-after: avoid; }
a[href^="#"]::after { content: none; }
dl.facts { display: block; }
dl.facts dd { margin: 0 0 .3rem 1.5rem; }
"""


def plan_pdf_name(plan_id: str, variant: Variant) -> str:
    """``boerde-aktionsplan-2-lang.pdf``: the file name of a plan variant's PDF."""
    from .api import slug

    return f"{slug(plan_id)}-{VARIANT_SUFFIX[variant]}.pdf"


def page_id(page: str) -> str:
    """The id of the section that holds page ``page`` (``wohnen.html``) in the PDF."""
    return "seite-" + page.removesuffix(".html")


def join_pages(title: str, pages: Sequence[tuple[str, str]], stylesheet: str,
               created: dt.date | None = None, author: str = "") -> str:
    """One HTML document from rendered pages ``(file name, html)``, first page first.

    Only each page's ``<main>`` is kept (skip links and navigation are for the web);
    a link to another of the pages points to that page's section in the document, a
    relative link to anything else is dropped (the text stays).
    """
    names = {name for name, _ in pages}
    seen: set[str] = set()

    def unique(match: re.Match[str]) -> str:  # a measure on two pages: one id each
        ident = match.group(1)
        while ident in seen:
            ident += "-2"
        seen.add(ident)
        return f' id="{ident}"'

    sections = []
    body_class = ""
    for name, html in pages:
        found = _MAIN.search(html)
        if found is None:
            raise ValueError(f"page {name} has no <main>")
        classes = _BODY_CLASS.search(html)
        body_class = body_class or (classes.group(1) if classes else "")

        def link(match: re.Match[str]) -> str:
            target, fragment = match.group(1), match.group(2)
            if target not in names:  # a page outside the document: no dead link
                return ""
            return f'href="{fragment or "#" + page_id(target)}"'

        sections.append(f'<section class="page" id="{page_id(name)}">\n'
                        f'{_ID.sub(unique, _LINK.sub(link, found.group(1)))}\n</section>')
    meta = [f'<meta name="dcterms.created" content="{created.isoformat()}">',
            f'<meta name="dcterms.modified" content="{created.isoformat()}">'] \
        if created else []
    if author:
        meta.append(f'<meta name="author" content="{escape(author)}">')
    klass = f' class="{body_class}"' if body_class else ""
    return ("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n" + "\n".join(meta)
            + f"\n<style>\n{stylesheet}\n{PRINT_CSS}</style>\n</head>\n<body{klass}>\n"
            + "\n".join(sections) + "\n</body>\n</html>\n")


def render_pdf(html: str) -> bytes:
    """PDF/UA-1 bytes of a self-contained HTML document (no external resources)."""
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=None)
    data: bytes = document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    return data
