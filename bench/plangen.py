"""Synthetic plans for the benchmarks: one county plan of N measures (default 6,000).

Three variants, all valid plans of the installed county ``boerde``:

* ``repeated``: every measure has the same texts (only ids and titles differ);
* ``distinct``: every measure has its own easy-language text and problem, drawn
  deterministically from a vocabulary of words used in the shipped county plans;
* ``warnings``: distinct texts that break easy-language rules (passive, genitive,
  long compounds, abbreviations, special characters …), so ``validate`` reports
  several thousand warnings, each with its line and column.

Run: ``python bench/plangen.py VARIANT OUT.yaml [--measures N] [--json]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

AREAS = ("mobilitaet", "kommunikation", "bildung", "arbeit", "freizeit", "wohnen",
         "gesundheit")
STATUS = ("planned", "in_progress", "done", "postponed")
SUBJECTS = ("Der Landkreis", "Die Stadt", "Das Amt", "Die Schule", "Der Verein", "Wir",
            "Die Gemeinde", "Das Team", "Die Beratung", "Der Bus")
VERBS = ("baut", "plant", "macht", "hilft bei", "zeigt", "erklärt", "prüft", "sucht",
         "bezahlt", "fragt nach")
OBJECTS = ("die Halte·stelle", "den Weg", "die Schule", "das Haus", "die Internet·seite",
           "das Fest", "die Wohnung", "den Sport·platz", "die Arbeit", "das Rat·haus",
           "die Kita", "den Bahn·hof", "die Bücherei", "das Formular", "die Toilette")
TAILS = ("für alle Menschen", "mit Hilfe", "im Sommer", "in der Stadt", "im Kreis",
         "mit dem Bus", "für Kinder", "für ältere Menschen", "jeden Monat", "schnell")
HARD = ("Der Gebärdensprachdolmetscher wurde von dem Amt beauftragt.",
        "Wegen des Umbaus ist die Haltestelle z. B. gesperrt.",
        "Die Barrierefreiheitsanforderungen würden die Kosten (ca. 20 %) erhöhen.",
        "Die Verwaltungsvorschrift wird überarbeitet, damit alle sie verstehen.",
        "Der Kreistag hat drei Maßnahmen beschlossen und die Umsetzung wurde geprüft.")


def easy_sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} " \
           f"{rng.choice(TAILS)}."


def measure(i: int, variant: str, rng: random.Random) -> dict[str, Any]:
    if variant == "repeated":
        easy = "Der Landkreis baut Bus·halte·stellen um. Dann kommen alle Menschen gut in den Bus."
        problem = "Viele Haltestellen haben keine erhöhten Bordsteine."
    else:
        easy = " ".join(easy_sentence(rng) for _ in range(rng.randint(2, 3)))
        easy = f"{easy} Das ist Nummer {i}."
        if variant == "warnings":
            easy = f"{rng.choice(HARD)} {easy}"
        problem = f"An {i} Orten fehlen erhöhte Bordsteine und ein Leitsystem."
    return {
        "id": f"m-{i}", "title": f"Maßnahme {i} für Barrierefreiheit",
        "life_areas": [AREAS[i % len(AREAS)]], "problem": problem,
        "approach": "Haltestellen werden nach einer Prioritätenliste umgebaut.",
        "responsible_office": "Amt für Kreisstraßen und ÖPNV", "partners": ["Verkehrsbetrieb"],
        "start": dt.date(2020, 1, 1), "end": dt.date(2023, 12, 31),
        "status": STATUS[i % len(STATUS)],
        "costs": Decimal("1500.50"), "crpd_articles": [9, 20], "easy_text": easy,
        "easy_title": "Bus·halte·stellen für alle" if variant == "repeated"
        else f"Nummer {i}: {OBJECTS[i % len(OBJECTS)]}",
    }


def plan_data(measures: int = 6000, variant: str = "repeated", seed: int = 15) -> dict[str, Any]:
    rng = random.Random(seed)
    life_areas = [{"id": a, "name": a.title(), "crpd_articles": [9, 24],
                   "easy_text": "Wie Menschen gut leben."} for a in AREAS]
    return {"document": "plan", "id": f"bench-{variant}", "county": "boerde",
            "kind": "action_plan", "title": f"Aktionsplan ({variant})", "version": 1,
            "status": "draft", "easy_text": "Das ist der Plan vom Land·kreis.",
            "easy_title": "Der Plan vom Land·kreis",
            "life_areas": life_areas,
            "measures": [measure(i, variant, rng) for i in range(measures)]}


def write_plan(path: Path, measures: int = 6000, variant: str = "repeated",
               fmt: str = "yaml") -> Path:
    """Write the plan as YAML (the project's own dumper) or JSON; returns ``path``."""
    from teilhabe_core.documents.yamlsafe import dump_json, dump_yaml

    data = plan_data(measures, variant)
    text = dump_json(data) if fmt == "json" else dump_yaml(data)
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", choices=["repeated", "distinct", "warnings"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--measures", type=int, default=6000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    write_plan(args.out, args.measures, args.variant, "json" if args.json else "yaml")
    print(json.dumps({"file": str(args.out), "bytes": args.out.stat().st_size}))


if __name__ == "__main__":
    main()
