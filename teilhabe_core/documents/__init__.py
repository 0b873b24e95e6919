"""Layer 2, reading and checking documents: safe YAML/JSON parsing with limits, the
converter, the loader, field positions, the JSON Schema and the checks of one document
(and of a document against its area's others). Imports ``base`` and ``model``."""

from .kinds import DOCUMENT_KINDS, KIND_OF, Document, area_of, kind_of

__all__ = ["DOCUMENT_KINDS", "KIND_OF", "Document", "area_of", "kind_of"]
