"""Every message text the core shows to users, in German and English.

Plugins may use :func:`finding` with their own codes by passing ``de``/``en`` texts.
"""

from __future__ import annotations

from typing import Any

from .errors import Finding, Level
from .syntax_messages import SYNTAX_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {
    "file-unreadable": (
        "Die Datei kann nicht gelesen werden: {reason}.",
        "The file cannot be read: {reason_en}.",
    ),
    "file-too-large": (
        "Die Datei ist zu groß ({size} Bytes, erlaubt sind höchstens {limit} Bytes).",
        "The file is too large ({size} bytes, at most {limit} bytes allowed).",
    ),
    "file-empty": (
        "Die Datei ist leer. Erwartet wird ein Dokument, das mit 'document:' beginnt.",
        "The file is empty. A document starting with 'document:' is expected.",
    ),
    "not-utf8": (
        "Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte 0x{byte:02X}). "
        "Bitte im Editor als UTF-8 speichern.",
        "The file is not saved as UTF-8 (invalid byte 0x{byte:02X}). Please save it as UTF-8.",
    ),
    "json-syntax": (
        "JSON-Syntaxfehler: {problem}.",
        "JSON syntax error: {problem}.",
    ),
    "too-deep": (
        "Die Daten sind zu tief verschachtelt (mehr als {limit} Ebenen).",
        "The data is nested too deeply (more than {limit} levels).",
    ),
    "alias": (
        "YAML-Anker und -Verweise (&name, *name, <<) sind nicht erlaubt. "
        "Bitte den Inhalt ausschreiben.",
        "YAML anchors and aliases (&name, *name, <<) are not allowed. "
        "Please write the content out.",
    ),
    "tag": (
        "Der YAML-Tag '{tag}' ist nicht erlaubt; nur einfache Werte, Listen und Zuordnungen.",
        "The YAML tag '{tag}' is not allowed; only plain values, lists and mappings.",
    ),
    "tag-value": (
        "Der Wert '{value}' passt nicht zum YAML-Tag '{tag}'; erwartet wird {expected}. "
        "Schreiben Sie den Wert am besten ohne Tag.",
        "The value '{value}' does not fit the YAML tag '{tag}'. Best write the value "
        "without a tag.",
    ),
    "number-too-long": (
        "Die Zahl {value} ist zu lang oder zu groß (höchstens {limit} Stellen). Ist sie als "
        "Text gemeint, setzen Sie sie in Anführungszeichen.",
        "The number {value} is too long or too large (at most {limit} digits). If it is meant "
        "as text, put it in quotes.",
    ),
    "bad-character": (
        "Ungültiges Zeichen {char}: Ersatzzeichen (Surrogate, U+D800 bis U+DFFF) und Codes über "
        "U+10FFFF sind kein Text und lassen sich weder anzeigen noch speichern. Schreiben Sie "
        "das gemeinte Zeichen selbst (z. B. ä oder 😀).",
        "Invalid character {char}: surrogates (U+D800 to U+DFFF) and codes above U+10FFFF are "
        "not text and can be neither shown nor saved. Write the intended character itself.",
    ),
    "complex-key": (
        "Schlüssel müssen einfache Texte sein.",
        "Keys must be plain text.",
    ),
    "duplicate-key": (
        "Das Feld '{key}' steht doppelt in dieser Zuordnung (Zeile {first} und Zeile {second}); "
        "der erste Wert ginge sonst verloren.",
        "The field '{key}' appears twice in this mapping (line {first} and line {second}); "
        "the first value would be lost.",
    ),
    "multiple-documents": (
        "Die Datei enthält mehrere YAML-Dokumente ('---'); erlaubt ist eines pro Datei.",
        "The file contains several YAML documents ('---'); one per file is allowed.",
    ),
    "top-not-mapping": (
        "Oben in der Datei wird eine Zuordnung erwartet (Feld: Wert), gelesen wurde {found}.",
        "The top level must be a mapping (field: value), read {found}.",
    ),
    "document-missing": (
        "Das Feld 'document' fehlt. Erlaubt sind: {allowed}.",
        "The field 'document' is missing. Allowed: {allowed}.",
    ),
    "document-unknown": (
        "Unbekannte Dokumentart '{value}'. Erlaubt sind: {allowed}.",
        "Unknown document kind '{value}'. Allowed: {allowed}.",
    ),
    "unknown-field": (
        "Unbekanntes Feld '{key}'.{hint} Erlaubte Felder: {allowed}.",
        "Unknown field '{key}'.{hint_en} Allowed fields: {allowed}.",
    ),
    "missing-field": (
        "Das Pflichtfeld '{key}' fehlt.",
        "The required field '{key}' is missing.",
    ),
    "expected-text": (
        "Hier wird ein Text erwartet, gelesen wurde {found}.{quote}",
        "Text is expected here, read {found}.{quote_en}",
    ),
    "expected-int": (
        "Hier wird eine ganze Zahl erwartet, gelesen wurde {found}.",
        "A whole number is expected here, read {found}.",
    ),
    "expected-bool": (
        "Hier wird true oder false erwartet, gelesen wurde {found}.",
        "true or false is expected here, read {found}.",
    ),
    "expected-money": (
        "Hier wird ein Euro-Betrag erwartet (z. B. 15000.00), gelesen wurde {found}.{hint}",
        "An amount in euros is expected here (e.g. 15000.00), read {found}.{hint_en}",
    ),
    "money-precision": (
        "Euro-Beträge haben höchstens zwei Nachkommastellen, gelesen wurde {found}.{hint}",
        "Euro amounts have at most two decimal places, read {found}.{hint_en}",
    ),
    "money-too-large": (
        "Der Betrag {found} ist zu groß; erlaubt sind höchstens {digits} Stellen für die "
        "ganzen Euro.",
        "The amount {found} is too large; at most {digits} digits are allowed for the whole "
        "euros.",
    ),
    "money-negative": (
        "Der Betrag {found} ist negativ; Kosten und Beträge werden ohne Minus angegeben.",
        "The amount {found} is negative; costs and amounts are written without a minus.",
    ),
    "number-form": (
        "'{found}' ist keine einfach geschriebene Zahl: YAML liest das als {read} ({why}). "
        "Schreiben Sie die Zahl nur mit Ziffern und höchstens einem Punkt{example}.",
        "'{found}' is not a plainly written number: YAML reads it as {read} ({why_en}). Write "
        "the number with digits and at most one point only{example_en}.",
    ),
    "number-too-large": (
        "Die Zahl ist zu groß ({digits} Ziffern, erlaubt sind höchstens {limit}).",
        "The number is too large ({digits} digits, at most {limit} allowed).",
    ),
    "not-xlsx": (
        "Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx): {reason}. Speichern Sie die "
        "Tabelle in Excel als 'Excel-Arbeitsmappe (*.xlsx)' oder als CSV.",
        "The file is not a readable Excel workbook (.xlsx): {reason}. Save the table in Excel "
        "as 'Excel Workbook (*.xlsx)' or as CSV.",
    ),
    "expected-number": (
        "Hier wird eine Zahl erwartet, gelesen wurde {found}.",
        "A number is expected here, read {found}.",
    ),
    "expected-date": (
        "Hier wird ein Datum im Format JJJJ-MM-TT erwartet (z. B. 2019-12-11), "
        "gelesen wurde {found}.{hint}",
        "A date in the form YYYY-MM-DD is expected here (e.g. 2019-12-11), read {found}.{hint_en}",
    ),
    "expected-datetime": (
        "Hier wird ein Zeitpunkt wie 2022-06-29T10:30:00 erwartet, gelesen wurde {found}.",
        "A point in time like 2022-06-29T10:30:00 is expected here, read {found}.",
    ),
    "expected-time": (
        "Hier wird eine Uhrzeit wie 18:00 erwartet (Stunden 0 bis 23, Minuten 00 bis 59), "
        "gelesen wurde {found}.",
        "A time of day like 18:00 is expected here (hours 0 to 23, minutes 00 to 59), "
        "read {found}.",
    ),
    "invalid-date": (
        "'{found}' ist kein gültiges Datum: {reason}.",
        "'{found}' is not a valid date: {reason_en}.",
    ),
    "expected-list": (
        "Hier wird eine Liste erwartet (Zeilen mit '- '), gelesen wurde {found}.{hint}",
        "A list is expected here (lines starting with '- '), read {found}.{hint_en}",
    ),
    "expected-mapping": (
        "Hier wird eine Zuordnung (Feld: Wert) erwartet, gelesen wurde {found}.",
        "A mapping (field: value) is expected here, read {found}.",
    ),
    "enum": (
        "'{found}' ist hier nicht erlaubt. Erlaubt sind: {allowed}.",
        "'{found}' is not allowed here. Allowed: {allowed_en}.",
    ),
    "transition-without-label": (
        "Der Schritt '{name}' hat keinen deutschen Namen. Geben Sie ihn unter 'label' an "
        "(z. B. label: abschließen); mit ihm rufen Sachbearbeitende den Schritt auf.",
        "The step '{name}' has no German name. Give it as 'label' (e.g. label: abschließen); "
        "clerks call the step by it.",
    ),
    "name-twice": (
        "'{name}' bezeichnet schon {first} (Groß- und Kleinschreibung, Leerzeichen und die "
        "Schreibung der Umlaute zählen nicht). Wählen Sie einen anderen Namen.",
        "'{name}' already names {first} (case, blanks and the spelling of umlauts do not "
        "count). Choose another name.",
    ),
    "invalid-value": (
        "Ungültiger Wert: {reason}.",
        "Invalid value: {reason}.",
    ),
    "end-before-start": (
        "Das Ende ({end}) liegt vor dem Beginn ({start}).",
        "The end ({end}) is before the start ({start}).",
    ),
    "duplicate-id": (
        "Die Kennung '{id}' kommt mehrfach vor (zuerst bei {first}).",
        "The id '{id}' is used more than once (first at {first}).",
    ),
    "dangling-reference": (
        "'{ref}' verweist auf {what}, das es nicht gibt. Vorhanden: {available}.",
        "'{ref}' refers to a {what_en} that does not exist. Available: {available}.",
    ),
    "out-of-range": (
        "Der Wert {value} liegt außerhalb von {low} bis {high}.",
        "The value {value} is outside {low} to {high}.",
    ),
    "unknown-area": (
        "Das Gebiet '{area}' ist nicht installiert. Installiert sind: {installed}.",
        "The area '{area}' is not installed. Installed: {installed}.",
    ),
    "empty-text": (
        "Das Feld darf nicht leer sein.",
        "The field must not be empty.",
    ),
    "bad-id": (
        "Die Kennung '{id}' darf nur Kleinbuchstaben, Ziffern, '-' und '_' enthalten.",
        "The id '{id}' may contain only lower-case letters, digits, '-' and '_'.",
    ),
    "bad-base-url": (
        "Die Adresse '{url}' ist keine vollständige Web-Adresse; erwartet wird z. B. "
        "https://www.landkreis.de/teilhabe/.",
        "The address '{url}' is not a complete web address; expected e.g. "
        "https://www.county.de/teilhabe/.",
    ),
    "bad-ags": (
        "Der Gemeindeschlüssel '{ags}' muss aus 2, 3, 5 oder 8 Ziffern bestehen.",
        "The municipality key '{ags}' must have 2, 3, 5 or 8 digits.",
    ),
    "ongoing-with-end": (
        "Eine Daueraufgabe (ongoing: true) hat kein Enddatum.",
        "An ongoing measure (ongoing: true) has no end date.",
    ),
    "measurement-outside-period": (
        "Die Messung vom {date} liegt außerhalb des Zeitraums des Indikators '{indicator}' "
        "({low} bis {high}).",
        "The measurement of {date} lies outside the period of indicator '{indicator}' "
        "({low} to {high}).",
    ),
    "duplicate-measurement": (
        "Für den {date}{breakdown} gibt es schon eine Messung ({first}).",
        "There is already a measurement for {date}{breakdown} ({first}).",
    ),
    "duplicate-meeting": (
        "Die Arbeitsgruppe trifft sich am {date}{time} schon einmal ({first}).",
        "The working group already meets on {date}{time} ({first}).",
    ),
    "dropped-without-reason": (
        "Die Maßnahme ist entfallen (status: entfallen); bitte unter 'dropped_reason' den "
        "Grund angeben.",
        "The measure was dropped (status: dropped); please give the reason in "
        "'dropped_reason'.",
    ),
}


MESSAGES.update(SYNTAX_MESSAGES)


def finding(
    code: str,
    path: str = "",
    *,
    level: Level = Level.ERROR,
    de: str | None = None,
    en: str | None = None,
    rule: str = "",
    **params: Any,
) -> Finding:
    """Build a :class:`Finding` from a catalogue code (or explicit ``de``/``en`` texts)."""
    if de is None:
        de_tpl, en_tpl = MESSAGES[code]
        de = de_tpl.format(**params)
        en = en_tpl.format_map(_English(params))
    return Finding(code=code, message=de, message_en=en or de, path=path, level=level,
                   rule=rule)


class _English(dict[str, Any]):
    """Parameters of an English text: a missing ``x_en`` is ``x`` (ids, numbers, names
    that read the same in both languages)."""

    def __missing__(self, key: str) -> Any:
        if key.endswith("_en") and key[:-3] in self:
            return self[key[:-3]]
        raise KeyError(key)


def describe(value: object) -> str:
    """Say in German (nominative) what a loaded value is, e.g. ``der Wahrheitswert false``."""
    if value is None:
        return "nichts (leerer Wert)"
    if value is True or value is False:
        return f"der Wahrheitswert {'true' if value else 'false'}"
    if isinstance(value, dict):
        return "eine Zuordnung"
    if isinstance(value, list | tuple):
        return "eine Liste"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"der Text '{shown}'"
    return f"die Zahl {value}"
