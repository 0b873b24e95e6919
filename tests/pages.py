"""The text a reader gets from a published page: what the tests check for language.

``visible_text`` keeps what a browser shows or a screen reader reads (headings, labels,
table cells, link texts, alt texts, the page title) and drops script, style and markup;
every block element (heading, paragraph, list item, cell, …) becomes its own line, so the
easy-language checker sees each as a sentence of its own, as a reader does.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
    "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "label", "legend", "li", "main", "nav", "ol", "option", "p", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul"})
HIDDEN = frozenset({"script", "style", "template", "noscript"})


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.svg = 0
        self.easy = False
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        if tag == "body" and "easy" in values.get("class", "").split():
            self.easy = True
        if tag in HIDDEN:
            self.hidden += 1
        if tag == "svg":
            self.svg += 1
        if tag in BLOCKS or tag in ("svg", "desc") or (self.svg and tag == "text"):
            self.parts.append("\n")
        if tag in ("img", "area") and values.get("alt"):
            self.parts.append(f"\n{values['alt']}\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag == "svg":
            self.svg = max(0, self.svg - 1)
        if tag in BLOCKS or tag in ("svg", "desc") or (self.svg and tag == "text"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def parse(html: str) -> _Visible:
    page = _Visible()
    page.feed(html)
    page.close()
    return page


def lines(text: str) -> str:
    """One line per block, blanks collapsed, empty lines dropped."""
    return "\n".join(line for line in (" ".join(raw.split()) for raw in text.split("\n"))
                     if line)


def visible_text(html: str) -> str:
    """The visible text of an HTML page, one block per line."""
    return lines("".join(parse(html).parts))


def is_easy_page(html: str) -> bool:
    """Whether the page is a Leichte Sprache page (``<body class="easy">``)."""
    return parse(html).easy


_MD_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)|\*\*|\\(?=[\\`*_\[\]|~#+\->=.!()])",
                       re.M)


def markdown_text(text: str) -> str:
    """The text of a Markdown page: heading, quote and list marks, bold and escapes
    removed, one line per line."""
    return lines(_MD_MARKS.sub("", text))
