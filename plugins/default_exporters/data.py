"""Canonical JSON and YAML of any document (lossless round trip with the loader)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from teilhabe_core.base.i18n import N_
from teilhabe_core.documents.kinds import DOCUMENT_KINDS
from teilhabe_core.documents.loader import dumps
from teilhabe_core.publish.api import ExportContext, Exporter, Output, file_stem


class JsonExporter(Exporter):
    identifier = "json"
    name = N_("JSON (canonical)")
    description = N_("The document as JSON; it is read back without loss.")
    accepts = tuple(DOCUMENT_KINDS.values())
    media_type = "application/json"
    extension = "json"

    def render(self, document: Any, context: ExportContext) -> Sequence[Output]:
        return [Output(f"{file_stem(document)}.json", dumps(document, "json"))]


class YamlExporter(Exporter):
    identifier = "yaml"
    name = "YAML"
    description = N_("The document as YAML with a schema hint for editors.")
    accepts = tuple(DOCUMENT_KINDS.values())
    media_type = "application/yaml"
    extension = "yaml"

    def render(self, document: Any, context: ExportContext) -> Sequence[Output]:
        return [Output(f"{file_stem(document)}.yaml", dumps(document, "yaml", modeline=True))]
