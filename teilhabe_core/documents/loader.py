"""Loading documents from YAML and JSON, and writing them back.

The path from bytes to a model object: size cap → UTF-8 → hardened parse
(:mod:`~teilhabe_core.documents.yamlsafe`) → ``document:`` kind → strict structuring
(:mod:`~teilhabe_core.documents.converter`) → intra-document checks
(:mod:`~teilhabe_core.documents.checks`). All errors of a file are raised together as one
:class:`~teilhabe_core.base.errors.DocumentError`, each finding with file, line,
column and field path. The text is read once: the YAML parse records the marks of every
node while it builds the data, and :class:`Loaded` keeps them (a JSON text is scanned for
tokens on first use instead). Positions are looked up on the error path only, from one
:class:`~teilhabe_core.documents.positions.Positions` index per file, each finding in
constant time; no module composes or parses the text again to find them.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Any

from attrs import field, frozen
from cattrs.errors import BaseValidationError

from ..base.collector import paused
from ..base.errors import DocumentError, FileError, Finding
from ..base.fileio import atomic_write, open_regular, os_reason_msg
from ..base.i18n import Bilingual, Msg
from ..base.messages import describe, finding
from . import yamlsafe
from .checks import check
from .converter import findings_from, structure, structure_fast, unstructure
from .fast import model_depth
from .hint_check import judge_for
from .jsonsafe import json_marks, parse_json_quick
from .kinds import DOCUMENT_KINDS, Document, kind_of
from .positions import DocumentIndex, Positions

SCHEMA_FILE = "teilhabe.schema.json"
SCHEMA_URL = SCHEMA_FILE
"""The schema a ``yaml-language-server`` modeline names when no schema file is found near
the document: a relative path, the file ``teilhabe schema --out teilhabe.schema.json``
writes beside it. The package ships the schema as ``teilhabe_core/teilhabe.schema.json``
(and the site as ``schema/teilhabe.schema.json``)."""
PACKAGE_SCHEMA = Path(__file__).resolve().parent.parent / SCHEMA_FILE


def schema_reference(path: str | os.PathLike[str] | None = None) -> str:
    """What the modeline of a file at ``path`` names: the relative path to the nearest
    schema file, in the file's folder or a parent folder, or in a ``teilhabe_core``
    folder beside one (the source tree, site-packages); else :data:`SCHEMA_URL`."""
    if path is None:
        return SCHEMA_URL
    folder = Path(path).resolve().parent
    for parent in (folder, *folder.parents):
        for candidate in (parent / SCHEMA_FILE, parent / "teilhabe_core" / SCHEMA_FILE):
            if candidate.is_file():
                return Path(os.path.relpath(candidate, folder)).as_posix()
    return SCHEMA_URL


def modeline(path: str | os.PathLike[str] | None = None) -> str:
    """The ``# yaml-language-server: $schema=…`` line for a file at ``path``."""
    return f"# yaml-language-server: $schema={schema_reference(path)}\n"


@frozen
class Loaded:
    """A loaded document with where it came from and its warnings."""

    document: Any
    kind: str
    file: str
    digest: str
    text: str
    findings: tuple[Finding, ...] = ()
    index: DocumentIndex | None = field(default=None, eq=False, repr=False)
    """Marks from the parse; made without one, the text is indexed on first use."""

    @property
    def positions(self) -> Positions:
        """The position index of this document (built on first use from its parse)."""
        if self.index is None:
            object.__setattr__(self, "index", _text_index(self.text,
                                                          format_of(self.file, self.text)))
        assert self.index is not None
        return self.index.positions()

    def locate(self, findings: list[Finding]) -> list[Finding]:
        """Add line and column to findings whose path points into this document."""
        if not findings:
            return []
        return position_findings(findings, self.text, self.file, self.positions)


def _text_index(text: str, fmt: str) -> DocumentIndex:
    if fmt == "json":
        return DocumentIndex(lambda: json_marks(text))
    return DocumentIndex(lambda: yamlsafe.marks_of(text))


def format_of(name: str, text: str | None = None) -> str:
    """``json`` for ``*.json`` (or text starting with ``{``), else ``yaml``."""
    if name.lower().endswith(".json"):
        return "json"
    if text is not None and not name and text.lstrip().startswith("{"):
        return "json"
    return "yaml"


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a regular file, refusing oversize files before reading them whole.

    Anything else (a FIFO, a device, a folder) is refused without blocking
    (:func:`~teilhabe_core.base.fileio.open_regular`); every problem is a ``file-unreadable``
    or ``file-too-large`` finding.
    """
    file = str(path)
    try:
        with open_regular(file) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > yamlsafe.MAX_BYTES:
                raise DocumentError([finding("file-too-large", size=size,
                                             limit=yamlsafe.MAX_BYTES).at(file, 1, 1)], file)
            return handle.read(yamlsafe.MAX_BYTES + 1)
    except FileError as exc:
        reason: Bilingual | Msg = Bilingual(exc.reason, exc.reason_en)
    except OSError as exc:
        reason = os_reason_msg(exc)
    raise DocumentError([finding("file-unreadable", reason=reason).at(file, 1, 1)], file)


def parse(text: str, file: str = "", fmt: str | None = None) -> Any:
    """Plain data from YAML or JSON text, with every safety limit applied."""
    return parse_indexed(text, file, fmt)[0]


def parse_indexed(text: str, file: str = "", fmt: str | None = None) -> tuple[Any, DocumentIndex]:
    """Plain data and its position index from one read of YAML or JSON text."""
    fmt = fmt or format_of(file, text)
    if fmt == "json":
        return yamlsafe.parse_json(text, file), DocumentIndex(lambda: json_marks(text))
    data, marks = yamlsafe.parse_yaml_marked(text, file)
    return data, DocumentIndex.of(marks)


def load_text(text: str, file: str = "", fmt: str | None = None,
              digest: str | None = None) -> Loaded:
    """Load one document from text; raises :class:`DocumentError` with every finding."""
    return _load_text(text, file, fmt, digest)


def _load_text(text: str, file: str, fmt: str | None, digest: str | None,
               decoded: bool = False) -> Loaded:
    """:func:`load_text`; ``decoded``: ``text`` comes from :func:`yamlsafe.decode`."""
    with paused():  # a large document: every object made lives on (base/collector.py)
        return _load_paused(text, file, fmt, digest, decoded)


def _load_paused(text: str, file: str, fmt: str | None, digest: str | None,
                 decoded: bool) -> Loaded:
    yamlsafe.check_not_empty(text, file)
    fmt = fmt or format_of(file, text)
    quick = _quick_json(text, decoded) if fmt == "json" else None
    if quick is not None:
        document, kind = quick
        index = DocumentIndex(lambda: json_marks(text))
    else:
        data, index = parse_indexed(text, file, fmt)
        document, kind = _structure(data, text, file, index)
        del data
    found = check(document)
    if found:
        found = position_findings(found, text, file, index.positions())
        if any(f.is_error for f in found):
            raise DocumentError(found, file)
    return Loaded(document, kind, file,
                  digest or hashlib.sha256(text.encode("utf-8")).hexdigest(), text, tuple(found),
                  index)


def load_bytes(data: bytes, file: str = "", fmt: str | None = None) -> Loaded:
    text = yamlsafe.decode(data, file)
    return _load_text(text, file, fmt or format_of(file, text), hashlib.sha256(data).hexdigest(),
                      decoded=True)


def load_file(path: str | os.PathLike[str]) -> Loaded:
    """Load a ``.yaml``/``.yml``/``.json`` file."""
    file = str(path)
    return load_bytes(read_bytes(file), file, format_of(file))


def load(path: str | os.PathLike[str]) -> Document:
    """Load a document file and return the model object."""
    document: Document = load_file(path).document
    return document


def loads(text: str, fmt: str = "yaml") -> Document:
    """Load a document from YAML (default) or JSON text."""
    document: Document = load_text(text, "", fmt).document
    return document


@cache
def _shallow_kinds() -> frozenset[str]:
    """The document kinds whose data is never deeper than :data:`~yamlsafe.MAX_DEPTH`
    when it structures (all of them: the model is not recursive)."""
    return frozenset(kind for kind, cls in DOCUMENT_KINDS.items()
                     if model_depth(cls) <= yamlsafe.MAX_DEPTH)


def _quick_json(text: str, decoded: bool) -> tuple[Any, str] | None:
    """A valid JSON document the quick way: :func:`~jsonsafe.parse_json_quick` and the
    fast structuring; ``None`` where the full parse and the detailed conversion have to
    decide (they then give every finding, exactly as without this path). The nesting
    depth needs no check of its own here: data that structures is as shallow as the model."""
    data = parse_json_quick(text, decoded)
    if not isinstance(data, dict):
        return None
    kind = data.get("document")
    if not isinstance(kind, str) or kind not in _shallow_kinds():
        return None
    body = dict(data)
    del body["document"]
    try:
        return structure_fast(body, DOCUMENT_KINDS[kind]), kind
    except Exception:  # any refusal: the full path decides
        return None


def _structure(data: Any, text: str, file: str, index: DocumentIndex) -> tuple[Any, str]:
    allowed = ", ".join(DOCUMENT_KINDS)
    if not isinstance(data, dict):
        raise DocumentError([finding("top-not-mapping", found=describe(data)).at(file, 1, 1)],
                            file)
    body = dict(data)
    kind = body.pop("document", None)
    if kind is None:
        raise DocumentError(position_findings(
            [finding("document-missing", "", allowed=allowed)], text, file, index.positions()),
            file)
    if not isinstance(kind, str) or kind not in DOCUMENT_KINDS:
        shown = yamlsafe.shorten(str(kind))
        raise DocumentError(position_findings(
            [finding("document-unknown", "document", value=shown, allowed=allowed)], text, file,
            index.positions()), file)
    try:
        return structure(body, DOCUMENT_KINDS[kind]), kind
    except BaseValidationError as exc:
        positions = index.positions()
        found = findings_from(exc, plain=positions.plain,
                              judge=judge_for(body, DOCUMENT_KINDS[kind]))
        raise DocumentError(position_findings(found, text, file, positions), file) from None


def position_findings(findings: list[Finding], text: str, file: str,
                      positions: Positions | None = None) -> list[Finding]:
    """Add file, line and column to findings (error path only). ``positions`` is the index
    of ``text`` from its parse; a caller without one has the text indexed here."""
    if not findings:
        return []
    index = positions or _text_index(text, format_of(file, text)).positions()
    out: list[Finding] = []
    found: dict[str, tuple[int, int]] = {}  # many findings share a path
    for f in findings:
        place = found.get(f.path)
        if place is None:
            place = found[f.path] = index.find(f.path)
        out.append(f.at(file, f.line or place[0], f.column or place[1]))
    return out


def to_data(document: Any) -> dict[str, Any]:
    """Plain data for a document, ``document:`` first, in stable field order."""
    return {"document": kind_of(document), **unstructure(document)}


def dumps(document: Any, fmt: str = "yaml", modeline: bool = False,
          schema: str = SCHEMA_URL) -> str:
    """Text of a document in ``yaml`` or ``json``; loading it gives an equal object.
    With ``modeline``, YAML starts with a modeline naming ``schema``."""
    data = to_data(document)
    if fmt == "json":
        return yamlsafe.dump_json(data)
    header = f"# yaml-language-server: $schema={schema}\n" if modeline else ""
    return yamlsafe.dump_yaml(data, header)


def dump(document: Any, path: str | os.PathLike[str], modeline: bool = True) -> Path:
    """Write a document atomically; the format follows the file extension. YAML gets a
    modeline naming the nearest schema file (:func:`schema_reference`)."""
    fmt = format_of(str(path))
    text = dumps(document, fmt, modeline and fmt == "yaml", schema_reference(path))
    return atomic_write(path, text.encode("utf-8"))
