"""The findings' message catalogue: one English source text (msgid) per code.

The German texts are in the catalog (``teilhabe_core/locale/de``, docs/translating.md).
:func:`finding` renders a code's text in German (``Finding.message``) and English
(``Finding.message_en``). Parameters that are themselves words (a reason, a hint, what a
value is) are passed as :class:`~teilhabe_core.base.i18n.Msg`, so each language gets its
own. Plugins may still use :func:`finding` with their own codes by passing ``de``/``en``.
"""

from __future__ import annotations

from typing import Any

from .errors import Finding, Level
from .i18n import N_, Bilingual, Msg, both
from .syntax_messages import SYNTAX_MESSAGES

MESSAGES: dict[str, str] = {
    "file-unreadable": N_(
        "The file cannot be read: {reason}."),
    "file-too-large": N_(
        "The file is too large ({size} bytes, at most {limit} bytes allowed)."),
    "file-empty": N_(
        "The file is empty. A document starting with 'document:' is expected."),
    "not-utf8": N_(
        "The file is not saved as UTF-8 (invalid byte 0x{byte:02X}). Please save it as UTF-8."),
    "json-syntax": N_(
        "JSON syntax error: {problem}."),
    "too-deep": N_(
        "The data is nested too deeply (more than {limit} levels)."),
    "alias": N_(
        "YAML anchors and aliases (&name, *name, <<) are not allowed. Please write the "
        "content out."),
    "tag": N_(
        "The YAML tag '{tag}' is not allowed; only plain values, lists and mappings."),
    "tag-value": N_(
        "The value '{value}' does not fit the YAML tag '{tag}'; {expected} is expected. Best "
        "write the value without a tag."),
    "number-too-long": N_(
        "The number {value} is too long or too large (at most {limit} digits). If it is meant "
        "as text, put it in quotes."),
    "bad-character": N_(
        "Invalid character {char}: surrogates (U+D800 to U+DFFF) and codes above U+10FFFF are "
        "not text and can be neither shown nor saved. Write the intended character itself."),
    "complex-key": N_(
        "Keys must be plain text."),
    "duplicate-key": N_(
        "The field '{key}' appears twice in this mapping (line {first} and line {second}); "
        "the first value would be lost."),
    "multiple-documents": N_(
        "The file contains several YAML documents ('---'); one per file is allowed."),
    "top-not-mapping": N_(
        "The top level must be a mapping (field: value), read {found}."),
    "document-missing": N_(
        "The field 'document' is missing. Allowed: {allowed}."),
    "document-unknown": N_(
        "Unknown document kind '{value}'. Allowed: {allowed}."),
    "unknown-field": N_(
        "Unknown field '{key}'.{hint} Allowed fields: {allowed}."),
    "missing-field": N_(
        "The required field '{key}' is missing."),
    "expected-text": N_(
        "Text is expected here, read {found}.{quote}"),
    "expected-int": N_(
        "A whole number is expected here, read {found}."),
    "expected-bool": N_(
        "true or false is expected here, read {found}."),
    "expected-money": N_(
        "An amount in euros is expected here (e.g. 15000.00), read {found}.{hint}"),
    "money-precision": N_(
        "Euro amounts have at most two decimal places, read {found}.{hint}"),
    "money-too-large": N_(
        "The amount {found} is too large; at most {digits} digits are allowed for the whole "
        "euros."),
    "money-negative": N_(
        "The amount {found} is negative; costs and amounts are written without a minus."),
    "number-form": N_(
        "'{found}' is not a plainly written number: YAML reads it as {read} ({why}). Write "
        "the number with digits and at most one point only{example}."),
    "number-too-large": N_(
        "The number is too large ({digits} digits, at most {limit} allowed)."),
    "not-xlsx": N_(
        "The file is not a readable Excel workbook (.xlsx): {reason}. Save the table in Excel "
        "as 'Excel Workbook (*.xlsx)' or as CSV."),
    "expected-number": N_(
        "A number is expected here, read {found}."),
    "expected-date": N_(
        "A date in the form YYYY-MM-DD is expected here (e.g. 2019-12-11), read "
        "{found}.{hint}"),
    "expected-datetime": N_(
        "A point in time like 2022-06-29T10:30:00 is expected here, read {found}."),
    "expected-time": N_(
        "A time of day like 18:00 is expected here (hours 0 to 23, minutes 00 to 59), read "
        "{found}."),
    "invalid-date": N_(
        "'{found}' is not a valid date: {reason}."),
    "expected-list": N_(
        "A list is expected here (lines starting with '- '), read {found}.{hint}"),
    "expected-mapping": N_(
        "A mapping (field: value) is expected here, read {found}."),
    "enum": N_(
        "'{found}' is not allowed here. Allowed: {allowed}."),
    "transition-without-label": N_(
        "The step '{name}' has no German name. Give it as 'label' (e.g. label: abschließen); "
        "clerks call the step by it."),
    "name-twice": N_(
        "'{name}' already names {first} (case, blanks and the spelling of umlauts do not "
        "count). Choose another name."),
    "invalid-value": N_(
        "Invalid value: {reason}."),
    "end-before-start": N_(
        "The end ({end}) is before the start ({start})."),
    "duplicate-id": N_(
        "The id '{id}' is used more than once (first at {first})."),
    "dangling-reference": N_(
        "'{ref}' refers to {what}, but there is no such id. Available: {available}."),
    "out-of-range": N_(
        "The value {value} is outside {low} to {high}."),
    "unknown-area": N_(
        "The area '{area}' is not installed. Installed: {installed}."),
    "empty-text": N_(
        "The field must not be empty."),
    "bad-id": N_(
        "The id '{id}' may contain only lower-case letters, digits, '-' and '_'."),
    "bad-base-url": N_(
        "The address '{url}' is not a complete web address; expected e.g. "
        "https://www.county.de/teilhabe/."),
    "bad-ags": N_(
        "The municipality key '{ags}' must have 2, 3, 5 or 8 digits."),
    "ongoing-with-end": N_(
        "An ongoing measure (ongoing: true) has no end date."),
    "measurement-outside-period": N_(
        "The measurement of {date} lies outside the period of indicator '{indicator}' ({low} "
        "to {high})."),
    "duplicate-measurement": N_(
        "There is already a measurement for {date}{breakdown} ({first})."),
    "duplicate-meeting": N_(
        "The working group already meets on {date}{time} ({first})."),
    "import-transition": N_(
        "No workflow step leads from '{old}' to '{new}'."),
    "dropped-without-reason": N_(
        "The measure was dropped (status: dropped); please give the reason in "
        "'dropped_reason'."),
}
MESSAGES.update(SYNTAX_MESSAGES)


def finding(
    code: str,
    path: str = "",
    *,
    level: Level = Level.ERROR,
    de: str | None = None,
    en: str | None = None,
    msg: Msg | Bilingual | None = None,
    rule: str = "",
    **params: Any,
) -> Finding:
    """Build a :class:`Finding` from a catalogue code: its text with ``params``, or ``msg``
    (a text of its own for this code), or explicit ``de``/``en`` texts (plugins).

    A parameter given twice, German as ``x`` and English as ``x_en``, is one
    :class:`Bilingual` ``x``."""
    if de is None:
        de, en = both(msg if msg is not None else Msg(MESSAGES[code], **_paired(params)))
    return Finding(code=code, message=de, message_en=en or de, path=path, level=level,
                   rule=rule)



def _paired(params: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in params.items() if not (k.endswith("_en") and k[:-3] in params)}
    for key, value in out.items():
        english = params.get(f"{key}_en")
        if isinstance(value, str) and isinstance(english, str):
            out[key] = Bilingual(value, english)
    return out


NONE = Msg(N_("(none)"))
"""What a list of available values says when it is empty."""


def listing(values: list[str] | tuple[str, ...]) -> str | Msg:
    """``a, b, c``, or "(keine)"/"(none)" for no values."""
    return ", ".join(values) if values else NONE


def describe(value: object) -> Msg:
    """What a loaded value is, as a noun phrase (German nominative: ``der Wahrheitswert
    false``; English: ``the boolean false``)."""
    if value is None:
        return Msg(N_("nothing (an empty value)"))
    if value is True or value is False:
        return Msg(N_("the boolean {value}"), value="true" if value else "false")
    if isinstance(value, dict):
        return Msg(N_("a mapping"))
    if isinstance(value, list | tuple):
        return Msg(N_("a list"))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return Msg(N_("the text '{text}'"), text=shown)
    return Msg(N_("the number {value}"), value=value)
