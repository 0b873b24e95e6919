"""Jinja2 environments for HTML and Markdown output, with German formatting (Babel).

* HTML: autoescape is **on for every template** (``select_autoescape`` would look only at
  the last extension and leave ``*.html.j2`` unescaped).
* Markdown: autoescape off, but every value passes through the ``md`` filter, which
  escapes Markdown punctuation and HTML's ``< > &``.
* Templates are looked up in the area's own ``templates/`` folder first, then in the
  exporter's folders: a county overrides a template by shipping one with the same name.
* Undefined variables are errors (``StrictUndefined``), so a typo in a template fails
  loudly instead of silently printing nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.german import LONG_DATE, date_long, date_short, money, number
from ..model.easy import easy_name, easy_title
from ..model.labels import label
from .wording import in_style, time_span, titled

if TYPE_CHECKING:
    from .api import ExportContext, Output

CORE_TEMPLATES = Path(__file__).parent / "templates"
"""The shared page layout (``base.html.j2``), macros and the accessible ``style.css``."""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
"""Characters with a meaning anywhere in a line (emphasis, code, links, tables)."""
_MD_LINE_START = re.compile(r"^(\s*)([#+\->=]|\d+(?=[.)]))", re.M)
"""What starts a heading, list, quote or setext line: escaped only at a line's start."""


def format_date(value: dt.date | None, fmt: str = LONG_DATE) -> str:
    """``11. Dezember 2019`` (empty for ``None``)."""
    return date_long(value, fmt)


def format_money(value: Decimal | None) -> str:
    """``15.000,00 €`` with a no-break space (empty for ``None``)."""
    return money(value)


def format_number(value: Decimal | int | None, fmt: str = "#,##0.##") -> str:
    """``1.234,5`` (every decimal kept; empty for ``None``)."""
    return number(value, fmt)


def md_escape(value: object) -> str:
    """Text safe inside Markdown: punctuation escaped, HTML special characters as entities."""
    return _md_escaped("" if value is None else str(value))


@lru_cache(maxsize=16384)
def _md_escaped(text: str) -> str:
    """:func:`md_escape` of a text, remembered: the three variants repeat most texts."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(_escape_line_start, text)
    return " ".join(text.split()) if "\n" not in text else "  \n".join(
        " ".join(line.split()) for line in text.splitlines())


def _escape_line_start(match: re.Match[str]) -> str:
    lead, mark = match.group(1), match.group(2)
    if mark[0].isdigit():  # "1." or "1)" would start an ordered list
        return f"{lead}{mark}\\"
    return f"{lead}\\{mark}"


def sentences(text: str) -> list[str]:
    """One entry per sentence (and per line), for Leichte Sprache: one sentence per line."""
    from ..base.text import sentences as split

    return [s.text for s in split(text)]


def environment(folders: Iterable[Path], markdown: bool = False) -> Any:
    """A Jinja2 environment over ``folders`` then the core templates (first match wins).

    One environment per folder list and process: a template is compiled once per process,
    not once per page (Jinja2 checks the file's modification time on every use, so an
    edited template is still read again)."""
    return _environment(tuple(str(f) for f in folders), markdown)


@lru_cache(maxsize=64)
def _environment(folders: tuple[str, ...], markdown: bool) -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, str(CORE_TEMPLATES)]),
        autoescape=not markdown,  # noqa: S701 - Markdown escapes every value with `md`
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        date_de=format_date, date_short=date_short, money=format_money, number=format_number,
        label=label, easy_title=easy_title, easy_name=easy_name,
        md=md_escape, sentences=sentences, titled=titled,
    )
    env.globals["indicator_chart"] = _indicator_chart
    env.globals["time_span"] = time_span
    return env


def _indicator_chart(indicator: Any, element_id: str,
                     labels: dict[str, str] | None = None) -> Any:
    """The indicator's SVG chart as safe markup (the chart escapes every text itself);
    ``labels``: German names of breakdown values."""
    from markupsafe import Markup

    from .charts import indicator_svg

    return Markup(indicator_svg(indicator, element_id, labels))  # noqa: S704 - escaped


def render_page(context: ExportContext, template: str, folders: Sequence[Path] = (),
                **data: Any) -> str:
    """Render an HTML page on the shared layout (``base.html.j2``).

    Folders are searched in order: the area's ``templates/`` (overrides), ``folders``
    (the exporter's own templates), then the core templates.
    """
    from ..model.labels import vocabulary

    env = environment([*context.templates_dirs, *folders])
    shown = easy_name(context.area) if data.get("variant") == "easy" else \
        context.area.name if context.area else ""
    base = {"area_name": shown, "variant": "long",
            "variant_label": "", "root": "", "has_examples": False,
            "vocab": vocabulary(context.area)}
    html = str(env.get_template(template).render(**{**base, **data}))
    return easy_style(html, context) if data.get("variant") == "easy" else html


def easy_style(text: str, context: ExportContext) -> str:
    """An easy page's text with its split words in the area's ``compound_style``."""
    return in_style(text, context.area.easy_language.compound_style) if context.area \
        else text


def stylesheet() -> Output:
    """The shared accessible stylesheet, to ship beside HTML pages as ``style.css``."""
    from .api import Output

    return Output("style.css", (CORE_TEMPLATES / "style.css").read_text("utf-8"))
