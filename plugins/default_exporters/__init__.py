"""The standard exporters and importers, found through the ``teilhabe_exporters`` and
``teilhabe_importers`` hooks like any third-party ones. Modules are imported only when the
hooks are called, so ``import teilhabe_core`` and ``teilhabe --help`` stay cheap.
"""

from __future__ import annotations

from typing import Any

from teilhabe_core.plugin import hookimpl


@hookimpl
def teilhabe_exporters() -> list[type[Any]]:
    from .calendar import IcalExporter
    from .data import JsonExporter, YamlExporter
    from .oparl import OparlExporter
    from .paper import PaperPage
    from .participation import ParticipationPage
    from .pdf import EvaluationPdf, PlanPdf
    from .publication import HtmlPublication, MarkdownPublication
    from .report import EvaluationHtml, EvaluationMarkdown
    from .tables import CsvExporter, XlsxExporter

    return [JsonExporter, YamlExporter, CsvExporter, XlsxExporter, HtmlPublication,
            MarkdownPublication, OparlExporter, IcalExporter, EvaluationHtml,
            EvaluationMarkdown, ParticipationPage, PaperPage, PlanPdf, EvaluationPdf]


@hookimpl
def teilhabe_importers() -> list[type[Any]]:
    from .indicators import IndicatorCsvImporter
    from .tables import CsvMeasureImporter, XlsxMeasureImporter

    return [CsvMeasureImporter, XlsxMeasureImporter, IndicatorCsvImporter]
