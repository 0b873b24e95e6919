"""The exporter and importer API: one base class each, one render (or read) method.

An exporter is a small class::

    class Steckbrief(Exporter):
        identifier = "steckbrief"
        name = "Maßnahmen-Steckbrief"
        description = "Eine Seite je Maßnahme."
        accepts = (Plan,)
        media_type = "text/html"
        extension = "html"

        @define
        class Options:
            title_prefix: str = field(default="", metadata={"help": "Text vor dem Titel"})

        def render(self, document, context):
            return [Output("steckbrief.html", "<p>…</p>")]

Options are an attrs class structured by the library's converter, so bad options get
the same path-style findings as bad data. ``render`` returns :class:`Output` objects;
:func:`write_outputs` writes them below the output folder after *all* of them rendered,
each replaced atomically and only once all are written, so a failing export (or a full
disk) leaves no partial output.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs
from attrs import define, frozen
from cattrs.errors import BaseValidationError

from ..base.errors import ExportError, ExportUsageError, PluginError
from ..base.fileio import output_folder, safe_joins, windows_reserved, write_files
from ..base.i18n import _, language, ngettext, translate
from ..documents.converter import findings_from, structure
from ..documents.kinds import area_of, kind_of
from ..documents.yamlsafe import resolve_plain
from ..model import Area, FundingProgramme, GlossaryEntry, Variant

if TYPE_CHECKING:
    from ..store.area_documents import AreaDocuments
    from ..store.areas import AreaSource


@frozen
class Output:
    """One rendered file: a relative POSIX name below the output folder and its content."""

    name: str
    content: bytes | str

    def data(self) -> bytes:
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


@define
class NoOptions:
    """Exporters without options use this."""


class Host(Protocol):
    """What exporters and the site may ask of the app (``context.app``), as a protocol so
    that publishing never imports the layers above it. :class:`teilhabe_core.app.Teilhabe`
    implements it."""

    def area(self, area_id: str) -> AreaSource:
        """The installed area ``area_id``."""

    def documents(self, area_id: str) -> AreaDocuments:
        """Every document of the area."""

    def funding_programmes(self) -> list[FundingProgramme]:
        """Funding programmes of all plugins, sorted by id."""

    def glossary(self, area_id: str | None) -> tuple[GlossaryEntry, ...]:
        """The merged glossary for the area."""

    def exporters(self, document: Any = None) -> list[type[Exporter]]:
        """Exporter classes; with ``document``, those that accept it."""

    def render(self, document: Any, identifier: str, options: dict[str, Any] | None = None,
               variant: Variant | None = None) -> list[Output]:
        """Render ``document`` with exporter ``identifier`` in memory."""


@frozen
class ExportContext:
    """What an exporter may use besides the document."""

    app: Host | None = None
    area: Area | None = None
    documents: AreaDocuments | None = None
    variant: Variant = Variant.LONG
    templates_dirs: tuple[Path, ...] = ()
    labels: dict[str, str] = attrs.field(factory=dict)


class Exporter:
    """Base class of every exporter; subclasses set the class attributes and ``render``."""

    identifier: ClassVar[str] = ""
    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    name_en: ClassVar[str] = ""
    description_en: ClassVar[str] = ""
    """English name and description for listings in English (``--lang en``); the German
    ``name`` labels the exporter's links on the (German) site."""
    accepts: ClassVar[tuple[type[Any], ...]] = ()
    media_type: ClassVar[str] = "application/octet-stream"
    extension: ClassVar[str] = ""
    variants: ClassVar[tuple[Variant, ...]] = ()
    """Publication variants the exporter renders; empty if it has none."""
    on_site: ClassVar[bool] = False
    """For built-in exporters only: published on every area's site. Any other exporter is
    published only where an area names it in ``site.exporters``."""
    Options: ClassVar[type[Any]] = NoOptions

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()

    def render(self, document: Any, context: ExportContext) -> Sequence[Output]:
        """Render ``document``; raise :class:`ExportError` for problems the user can fix."""
        raise NotImplementedError


class Importer:
    """Base class of importers: read a file into (a change of) a document."""

    identifier: ClassVar[str] = ""
    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    name_en: ClassVar[str] = ""
    description_en: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type[Any]] = NoOptions

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()

    def read(self, path: Path, target: Any) -> Any:
        """Return a new document built from ``target`` and the file; all or nothing."""
        raise NotImplementedError


def option_names(cls: type[Exporter] | type[Importer]) -> list[str]:
    return [a.name for a in attrs.fields(cls.Options)] if attrs.has(cls.Options) else []


def allowed_options(cls: type[Exporter] | type[Importer]) -> str:
    """``Allowed: a, b.`` or, for a format without options, that it has none."""
    names = option_names(cls)
    if not names:
        return _("'{format}' has no options.", format=cls.identifier)
    return ngettext("Allowed: {names}.", "Allowed: {names}.", len(names),
                    names=", ".join(names))


def parse_options(cls: type[Exporter] | type[Importer], raw: dict[str, Any]) -> Any:
    """Structure options (text values from the CLI are read like YAML scalars).

    An option the format does not have is an :class:`ExportUsageError` naming the allowed
    ones; a bad value is an :class:`ExportError` with path-style findings.
    """
    unknown = sorted(set(raw) - set(option_names(cls)))
    if unknown:
        close = difflib.get_close_matches(unknown[0], option_names(cls), n=1, cutoff=0.6)
        hint = _(" Did you mean '{close}'?", close=close[0]) if close else ""
        raise ExportUsageError(
            ngettext("Unknown option {names} for '{format}'.",
                     "Unknown options {names} for '{format}'.", len(unknown),
                     names=", ".join(repr(u) for u in unknown), format=cls.identifier)
            + f"{hint} " + allowed_options(cls))
    values = {k: resolve_plain(v) if isinstance(v, str) else v for k, v in raw.items()}
    try:
        return structure(values, cls.Options)
    except BaseValidationError as exc:
        findings = [attrs.evolve(f, path=f"options.{f.path}") for f in findings_from(exc)]
        raise ExportError(_("Invalid options for '{format}':", format=cls.identifier),
                          findings) from None


def variant_refusal(cls: type[Exporter], variant: Variant) -> str:
    """Why ``variant`` cannot be rendered by ``cls`` (it has other variants, or none)."""
    if not cls.variants:
        return _("The format '{format}' has no variants; --variant '{variant}' does not fit "
                 "it.", format=cls.identifier, variant=variant.value) + " " + allowed_options(cls)
    known = ", ".join(v.value for v in cls.variants)
    return _("The format '{format}' does not know the variant '{variant}'. Allowed: "
             "{known}.", format=cls.identifier, variant=variant.value, known=known)


def describe(cls: type[Exporter] | type[Importer],
             areas: Iterable[str] = ()) -> dict[str, Any]:
    """A plain description of an exporter or importer and its options (for listings and
    ``--json``); ``role`` is ``export`` or ``import``. Names, descriptions and option help
    are in the current language: a built-in format's are catalog msgids, a plugin's own
    German ones are shown as written, with ``name_en``/``description_en`` in English."""
    options = []
    if attrs.has(cls.Options):
        for a in attrs.fields(cls.Options):
            default = a.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            options.append({"name": a.name, "type": getattr(a.type, "__name__", str(a.type)),
                            "default": default, "help": translate(a.metadata.get("help", ""))})
    english = language() == "en"
    name = cls.name_en if english and cls.name_en else translate(cls.name)
    description = (cls.description_en if english and cls.description_en
                   else translate(cls.description))
    if issubclass(cls, Importer):
        return {"role": "import", "id": cls.identifier, "name": name,
                "description": description, "extensions": list(cls.extensions),
                "options": options}
    return {
        "role": "export",
        "id": cls.identifier,
        "name": name,
        "description": description,
        "accepts": [kind_of_class(c) for c in cls.accepts],
        "media_type": cls.media_type,
        "extension": cls.extension,
        "variants": [v.value for v in cls.variants],
        "areas": sorted(areas),
        "options": options,
    }


def kind_of_class(cls: type[Any]) -> str:
    from ..documents.kinds import KIND_OF

    return KIND_OF.get(cls, cls.__name__)


def collect_classes(per_plugin: list[tuple[str, Any]], plugin_areas: dict[str, set[str]],
                    base: type[Any]) -> list[tuple[Any, frozenset[str]]]:
    """Check and order plugin-provided classes; each with the areas it is limited to."""
    seen: dict[str, str] = {}
    out: list[tuple[Any, frozenset[str]]] = []
    for plugin, classes in per_plugin:
        for cls in classes:
            ident = getattr(cls, "identifier", "")
            if not (isinstance(cls, type) and issubclass(cls, base)) or not ident:
                raise PluginError(_("Plugin '{plugin}' delivers {value}: a subclass of {base} "
                                    "with 'identifier' is expected.", plugin=plugin,
                                    value=repr(cls), base=base.__name__))
            if ident in seen:
                raise PluginError(_("The format '{format}' is delivered by two plugins: "
                                    "'{first}' and '{second}'.", format=ident,
                                    first=seen[ident], second=plugin))
            seen[ident] = plugin
            out.append((cls, frozenset(plugin_areas.get(plugin, set()))))
    return sorted(out, key=lambda pair: pair[0].identifier)


def applies(cls: type[Exporter], areas: frozenset[str], document: Any) -> bool:
    """Whether an exporter (limited to ``areas`` if not empty) accepts ``document``."""
    if not isinstance(document, cls.accepts):
        return False
    return not areas or area_of(document) in areas


def checked_targets(outputs: Sequence[Output], folder: Path) -> list[tuple[Path, bytes]]:
    """Each output's path below ``folder`` and its bytes; bad or repeated names refused."""
    targets = list(zip(safe_joins(folder, [o.name for o in outputs]),
                       [o.data() for o in outputs], strict=True))
    names = [t for t, _ in targets]
    if len(set(names)) != len(names):
        raise ExportError(_("An exporter wrote the same file name more than once."))
    return targets


def write_outputs(outputs: Sequence[Output], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Check every name first, then write the files, each replaced atomically, all or none
    if writing fails (:func:`~teilhabe_core.base.fileio.write_files`); returns the paths."""
    return write_files(checked_targets(outputs, output_folder(out_dir)))


def document_kind(document: Any) -> str:
    return kind_of(document)


_UNSAFE = re.compile(r"[^a-z0-9]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(text: str, fallback: str = "dokument") -> str:
    """A file-name-safe slug: ``2019/066`` → ``2019-066``, ``Bildung & Wohnen`` →
    ``bildung-wohnen``; a Windows device name gets the fallback: ``con`` → ``con-dokument``."""
    cleaned = _UNSAFE.sub("-", text.lower().translate(_UMLAUTS)).strip("-")[:80] or fallback
    return f"{cleaned}-{fallback}" if windows_reserved(cleaned) else cleaned


def file_stem(document: Any) -> str:
    """A stable file stem for a document: its id, or a paper's reference."""
    ident = getattr(document, "id", None) or getattr(document, "reference", None) or ""
    return slug(str(ident), kind_of(document))
