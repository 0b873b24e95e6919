"""Message catalogs: every text teilhabe says to its user, in German or English.

Source texts (msgids) are English and carry ``{name}`` placeholders; the German texts live
in ``teilhabe_core/locale/de/LC_MESSAGES/teilhabe.po``, compiled to ``teilhabe.mo`` when
the package is built (``setup.py``; workflow in docs/translating.md). At run time only the
standard library's :mod:`gettext` reads the compiled catalog.

* :func:`_` and :func:`ngettext` translate into the current language: the one
  :func:`speaking` sets for a block (the command line's ``--lang``), else ``TEILHABE_LANG``
  (``de`` or ``en``), German when unset.
* :class:`Msg` is a message not yet in a language; findings render one in both languages
  (``Finding.message`` German, ``Finding.message_en`` English), whatever the current one.
* :func:`N_` (and :func:`NN_` with a plural form) only marks a text for extraction; it is
  translated where it is shown.

Placeholders are filled with :meth:`str.format` after translation, so a literal brace is
written ``{{`` in a msgid that has placeholders (one without is shown as it is written). A
:class:`Msg` given as a placeholder value is rendered in the language of the text around it.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import io
import os
from collections.abc import Iterator
from pathlib import Path

DOMAIN = "teilhabe"
LANGUAGES = ("de", "en")
DEFAULT = "de"
ENV = "TEILHABE_LANG"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
"""``teilhabe_core/locale``: ``LANG/LC_MESSAGES/teilhabe.po`` (source) and ``.mo`` (built)."""


_SPOKEN: list[str] = []
"""The languages :func:`speaking` set, innermost last."""


def language(lang: str | None = None) -> str:
    """``de`` or ``en``: ``lang`` if given, else the one :func:`speaking` set, else
    ``TEILHABE_LANG``, else German. Anything starting with ``en`` (``en_GB.UTF-8``) is
    English; anything else German."""
    chosen = (lang or (_SPOKEN[-1] if _SPOKEN else None) or os.environ.get(ENV)
              or DEFAULT).strip().lower()
    return "en" if chosen.startswith("en") else DEFAULT


@contextlib.contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """``lang`` is the current language while the block runs (``None``: unchanged); the
    previous one holds again after it. Neither ``os.environ`` nor anything else outside
    the block is changed (forked workers inherit it)."""
    if lang is None:
        yield
        return
    _SPOKEN.append(lang)
    try:
        yield
    finally:
        _SPOKEN.pop()


def catalog_file(lang: str, suffix: str = ".mo") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@functools.cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` (``de``/``en``), read once per process.

    In a source tree whose ``.po`` is newer than its ``.mo`` (a translator's edit not yet
    compiled) the ``.po`` is read with Babel instead; an installed package ships only the
    ``.mo``. Without either, texts stay English (the msgids).
    """
    mo, po = catalog_file(lang), catalog_file(lang, ".po")
    try:
        compiled = mo.stat().st_mtime
    except OSError:
        compiled = None
    try:
        source = po.stat().st_mtime
    except OSError:
        source = None
    if source is not None and (compiled is None or source > compiled):
        return _from_po(po)
    if compiled is None:
        return gettext.NullTranslations()
    with open(mo, "rb") as handle:
        return gettext.GNUTranslations(handle)


def _from_po(po: Path) -> gettext.NullTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po, "rb") as handle:
        parsed = read_po(handle)
    data = io.BytesIO()
    write_mo(data, parsed)
    data.seek(0)
    return gettext.GNUTranslations(data)


def translate(message: str, lang: str | None = None) -> str:
    """``message`` in ``lang`` (default: the current language), placeholders unfilled;
    a text the catalog does not know (a plugin's own) comes back unchanged."""
    return catalog(language(lang)).gettext(message) if message else message


def _fill(text: str, lang: str, params: dict[str, object]) -> str:
    if not params:
        return text
    return text.format(**{k: v.text(lang) if isinstance(v, Msg | Bilingual) else v
                          for k, v in params.items()})


def _(message: str, /, **params: object) -> str:
    """``message`` translated into the current language, placeholders filled."""
    lang = language()
    return _fill(catalog(lang).gettext(message) if message else message, lang, params)


def ngettext(singular: str, plural: str, n: int, /, **params: object) -> str:
    """The singular or plural form for ``n`` in the current language; ``{n}`` is ``n``."""
    lang = language()
    return _fill(catalog(lang).ngettext(singular, plural, n), lang, {"n": n, **params})


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; it is translated where it is shown."""
    return message


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a text with a plural form for extraction only (``ngettext`` looks it up)."""
    return singular, plural


class Msg:
    """A message not yet in a language: ``Msg("The file {name} …", name=…)``. ``text(lang)``
    renders it; ``str()`` renders it in the current language."""

    __slots__ = ("message", "n", "params", "plural")

    def __init__(self, message: str, /, **params: object) -> None:
        self.message, self.plural, self.n, self.params = message, "", 0, params

    @classmethod
    def counted(cls, singular: str, plural: str, n: int, /, **params: object) -> Msg:
        """A message with a plural form chosen by ``n`` (``{n}`` is ``n``)."""
        msg = cls(singular, n=n, **params)
        msg.plural, msg.n = plural, n
        return msg

    def text(self, lang: str | None = None) -> str:
        lang = language(lang)
        table = catalog(lang)
        raw = (table.ngettext(self.message, self.plural, self.n) if self.plural
               else table.gettext(self.message) if self.message else "")
        return _fill(raw, lang, self.params)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Msg({self.message!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Msg) and (self.message, self.plural, self.params)
                == (other.message, other.plural, other.params))

    def __hash__(self) -> int:
        return hash((self.message, self.plural))


class Bilingual:
    """A text already given in both languages (a plugin's, or a stored reason), usable
    wherever a :class:`Msg` is."""

    __slots__ = ("de", "en")

    def __init__(self, de: str, en: str = "") -> None:
        self.de, self.en = de, en or de

    def text(self, lang: str | None = None) -> str:
        return self.en if language(lang) == "en" else self.de

    def __str__(self) -> str:
        return self.text()


def nmsg(singular: str, plural: str, n: int, /, **params: object) -> Msg:
    """:meth:`Msg.counted` under the name the extractor knows (``nmsg:1,2``)."""
    return Msg.counted(singular, plural, n, **params)


def both(message: str | Msg | Bilingual, /, **params: object) -> tuple[str, str]:
    """``message`` rendered in German and in English (for findings and file errors)."""
    msg = message if isinstance(message, Msg | Bilingual) else Msg(message, **params)
    return msg.text("de"), msg.text("en")
