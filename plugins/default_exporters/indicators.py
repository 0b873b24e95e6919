"""Import of an indicator's measurement series from a tidy CSV table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrs import define, field

from teilhabe_core.base.errors import DocumentError
from teilhabe_core.base.i18n import N_, Msg
from teilhabe_core.base.messages import finding
from teilhabe_core.documents.loader import read_bytes
from teilhabe_core.documents.yamlsafe import decode
from teilhabe_core.evaluation.indicators import import_measurements
from teilhabe_core.model import Plan
from teilhabe_core.publish.api import Importer


@define
class IndicatorOptions:
    indicator: str = field(default="", metadata={"help": N_("id of the indicator in the plan")})
    mode: str = field(default="replace", metadata={
        "help": N_("replace: the table replaces all measurements; merge: the same "
                   "date/breakdown is replaced, others stay")})


class IndicatorCsvImporter(Importer):
    identifier = "indicator-csv"
    name = N_("Measurement series of an indicator from CSV")
    description = N_("Reads measurements (one row per date and breakdown: date;value;…) into "
                      "an impact indicator of the plan.")
    extensions = (".csv",)
    Options = IndicatorOptions

    def read(self, path: Path, target: Any) -> Plan:
        file = str(path)
        if not isinstance(target, Plan):
            raise DocumentError([finding("invalid-value", "into",
                                         reason=Msg(N_("measurement series belong in a "
                                                       "plan")))], file)
        if self.options.mode not in ("replace", "merge"):
            raise DocumentError([finding("enum", "options.mode", found=self.options.mode,
                                         allowed="replace, merge")], file)
        text = decode(read_bytes(path), file)
        return import_measurements(target, self.options.indicator, text, file,
                                   self.options.mode)
