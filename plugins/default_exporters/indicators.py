"""Import of an indicator's measurement series from a tidy CSV table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrs import define, field

from teilhabe_core.base.errors import DocumentError
from teilhabe_core.base.messages import finding
from teilhabe_core.documents.loader import read_bytes
from teilhabe_core.documents.yamlsafe import decode
from teilhabe_core.evaluation.indicators import import_measurements
from teilhabe_core.model import Plan
from teilhabe_core.publish.api import Importer


@define
class IndicatorOptions:
    indicator: str = field(default="", metadata={"help": "ID des Indikators im Plan"})
    mode: str = field(default="replace", metadata={
        "help": "replace: die Tabelle ersetzt alle Messwerte; merge: gleiche Datum/"
                "Aufschlüsselung werden ersetzt, andere bleiben"})


class IndicatorCsvImporter(Importer):
    identifier = "indicator-csv"
    name = "Messreihe eines Indikators aus CSV"
    description = ("Liest Messwerte (eine Zeile je Datum und Aufschlüsselung: date;value;"
                   "…) in einen Wirkungsindikator des Plans ein.")
    extensions = (".csv",)
    Options = IndicatorOptions

    def read(self, path: Path, target: Any) -> Plan:
        file = str(path)
        if not isinstance(target, Plan):
            raise DocumentError([finding("invalid-value", "into",
                                         reason="Messreihen gehören in einen Plan")], file)
        if self.options.mode not in ("replace", "merge"):
            raise DocumentError([finding("enum", "options.mode", found=self.options.mode,
                                         allowed="replace, merge")], file)
        text = decode(read_bytes(path), file)
        return import_measurements(target, self.options.indicator, text, file,
                                   self.options.mode)
