"""Canonical JSON and YAML of any document (lossless round trip with the loader)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from teilhabe_core.documents.kinds import DOCUMENT_KINDS
from teilhabe_core.documents.loader import dumps
from teilhabe_core.publish.api import ExportContext, Exporter, Output, file_stem


class JsonExporter(Exporter):
    identifier = "json"
    name = "JSON (kanonisch)"
    description = "Das Dokument als JSON; wird verlustfrei wieder eingelesen."
    accepts = tuple(DOCUMENT_KINDS.values())
    media_type = "application/json"
    extension = "json"

    def render(self, document: Any, context: ExportContext) -> Sequence[Output]:
        return [Output(f"{file_stem(document)}.json", dumps(document, "json"))]


class YamlExporter(Exporter):
    identifier = "yaml"
    name = "YAML"
    description = "Das Dokument als YAML mit Schema-Hinweis für Editoren."
    accepts = tuple(DOCUMENT_KINDS.values())
    media_type = "application/yaml"
    extension = "yaml"

    def render(self, document: Any, context: ExportContext) -> Sequence[Output]:
        return [Output(f"{file_stem(document)}.yaml", dumps(document, "yaml", modeline=True))]
