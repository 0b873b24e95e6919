"""The texts of YAML and JSON syntax errors (``yaml-syntax.KIND``, ``json-syntax.KIND``):
English msgids, German in the catalog (docs/translating.md).

Part of the message catalogue (:data:`teilhabe_core.base.messages.MESSAGES`); the cases
are told apart in :mod:`teilhabe_core.documents.syntax`. Every German text says what is
wrong in a clerk's words and how to fix it; libyaml's own English words appear only in the
English text of the cases it has no own words for (``{problem}``).
"""

from __future__ import annotations

from .i18n import N_

SYNTAX_MESSAGES: dict[str, str] = {
    "yaml-syntax.other": N_(
        "YAML syntax error: {problem}. Check indentation (spaces only, the same for the fields "
        "of one level), a colon and a space after each field name, quotes around values with "
        "': ' or ' #', and that quotes and brackets are closed."),
    "yaml-syntax.tab": N_(
        "YAML syntax error: line {line} is indented with a tab. YAML allows only spaces for "
        "indentation: use spaces instead of the tab, here probably {spaces} spaces{like}."),
    "yaml-syntax.tab-inside": N_(
        "YAML syntax error: line {line} has a tab where YAML allows only spaces. Use spaces "
        "instead of the tab."),
    "yaml-syntax.colon-in-value": N_(
        "YAML syntax error: the value of '{key}' contains a colon followed by a space, which "
        "YAML reads as a new field. Put the value in quotes: {fix}"),
    "yaml-syntax.long-key": N_(
        "YAML syntax error: the field name in line {line} is {length} characters long; YAML "
        "reads field names of at most {limit} characters. Shorten it. If it is a text, write it "
        "as the value of a field (notes: \"…\")."),
    "yaml-syntax.deeper": N_(
        "YAML syntax error: line {line} is indented further ({found} spaces) than line "
        "{previous} ({expected} spaces), so YAML reads it as part of the value above. Fields of "
        "one level stand exactly below each other: indent '{key}' by {expected} spaces."),
    "yaml-syntax.not-a-field": N_(
        "YAML syntax error: line {line} ('{text}') is neither a field (name: value) nor a list "
        "entry (- …) nor a comment. Start a comment with '#'; write a value after its field name "
        "(name: value)."),
    "yaml-syntax.missing-colon": N_(
        "YAML syntax error: line {line} lacks the colon after the field name ('{text}'). Write "
        "'name: value'{example}. If the line continues the text above, indent it further than "
        "that text's field name."),
    "yaml-syntax.continuation": N_(
        "YAML syntax error: line {line} ('{text}') is indented like the field '{key}' in line "
        "{previous} but has no colon. If it continues the text of '{key}', indent it further "
        "(e.g. by {deeper} spaces); if it is a field of its own, write 'name: value'."),
    "yaml-syntax.colon-space": N_(
        "YAML syntax error: line {line} ('{text}') lacks the space after the colon that makes it "
        "a field. Write: {fix}"),
    "yaml-syntax.list-after-key": N_(
        "YAML syntax error: a list entry ('- ') cannot stand on the line of the field name. "
        "Write the list in brackets: {key}: [{item}] – or each entry indented on a line of its "
        "own below '{key}:'."),
    "yaml-syntax.text-after-closer": N_(
        "YAML syntax error: line {line} has '{extra}' after {what} ({closer}). If it does not "
        "belong there, delete it; if the whole value is a text, put it in quotes.{fix}"),
    "yaml-syntax.stray-closer": N_(
        "YAML syntax error: the '{char}' in line {line} closes no bracket. Delete it, or put the "
        "value in quotes."),
    "yaml-syntax.list-indent": N_(
        "YAML syntax error: line {line} (indented by {found} spaces) does not fit the list "
        "starting in line {start}: new entries start as there with {expected} spaces and '- ', "
        "the fields of an entry stand exactly below its first field ({field} spaces)."),
    "yaml-syntax.list-in-mapping": N_(
        "YAML syntax error: line {line} starts a list entry ('- ') where YAML expects a field "
        "(name: value).{where}"),
    "yaml-syntax.mapping-indent": N_(
        "YAML syntax error: line {line} is indented by {found} spaces, the fields here (from "
        "line {start}) by {expected}. Fields of one level stand exactly below each other: indent "
        "the line by {expected} spaces."),
    "yaml-syntax.block-text-indent": N_(
        "YAML syntax error: line {line} belongs to the multi-line text of '{key}' (from line "
        "{start}) but is indented by {found} spaces, less than the lines above ({expected}). "
        "Indent all lines of the text equally."),
    "yaml-syntax.mapping-indent-two": N_(
        "YAML syntax error: line {line} is indented by {found} spaces; here {expected} spaces "
        "(as from line {start}) or {other} (as the line above) fit. Fields of one level stand "
        "exactly below each other."),
    "yaml-syntax.unclosed-quote": N_(
        "YAML syntax error: the quote {quote} in line {line}, column {column} is not closed. Put "
        "{quote} at the end of the value as well (e.g. {fix}), or delete it if it does not "
        "belong there."),
    "yaml-syntax.escape": N_(
        "YAML syntax error: in double quotes a backslash (\\) starts a special character; "
        "'{sequence}' in line {line} is none. Use single quotes: {fix}"),
    "yaml-syntax.unclosed-bracket": N_(
        "YAML syntax error: the bracket {opener} in line {line}, column {column} is not closed "
        "by {closer}. Close it at the end of the value: {fix}"),
    "yaml-syntax.flow-item": N_(
        "YAML syntax error: inside {opener} … {closer}, line {line} has '{char}' where YAML "
        "expects a comma or {closer}. Separate the entries by commas, close with {closer} and "
        "put entries with : # [ ] {{ }} in quotes."),
    "yaml-syntax.reserved": N_(
        "YAML syntax error: a value cannot start with '{char}' in YAML (line {line}). Put it in "
        "quotes: {fix}"),
    "yaml-syntax.block": N_(
        "YAML syntax error: after '{char}' (start of a multi-line text) the line must end; the "
        "text follows indented on the lines below. If '{char}' belongs to the value, put it in "
        "quotes: {fix}"),
    "yaml-syntax.reserved-line": N_(
        "YAML syntax error: line {line} cannot start with '{char}', which YAML reserves. Delete "
        "it, start a comment with '#' or put the value in quotes."),
    "yaml-syntax.control-character": N_(
        "YAML syntax error: line {line}, column {column} holds the invisible control character "
        "{char}, which YAML does not allow (it often comes with text copied from other "
        "programs). Delete it."),
    "json-syntax.trailing-comma": N_(
        "JSON syntax error: line {line} has a comma after the last entry, before '{closer}'. "
        "JSON allows no comma there: delete it."),
    "json-syntax.unclosed-bracket": N_(
        "JSON syntax error: the bracket {opener} in line {line}, column {column} is not closed. "
        "Close it with {closer} after its last entry."),
    "json-syntax.incomplete": N_(
        "JSON syntax error: the file ends where a value is expected. Complete the value, or "
        "delete the comma or colon before it."),
    "json-syntax.unclosed-quote": N_(
        "JSON syntax error: the quote \" in line {line}, column {column} is not closed. Put "
        "\" at the end of the text as well."),
    "json-syntax.line-break": N_(
        "JSON syntax error: the text starting in line {line}, column {column} runs past the "
        "end of its line. Close it with \" on the same line; a line break inside a text is "
        "written \\n."),
    "json-syntax.control-character": N_(
        "JSON syntax error: the text starting in line {line}, column {column} holds the "
        "invisible control character {char}, which JSON does not allow in a text (a tab is "
        "written \\t). Delete it."),
    "json-syntax.escape": N_(
        "JSON syntax error: in a text a backslash (\\) starts a special character; "
        "'{sequence}' in line {line} is none. Write a backslash itself as \\\\ (e.g. "
        "\"C:\\\\Daten\")."),
    "json-syntax.extra": N_(
        "JSON syntax error: line {line} has '{extra}' after the end of the document. A JSON "
        "document is one {{ … }}: delete the rest, or move it inside the brackets."),
    "json-syntax.single-quotes": N_(
        "JSON syntax error: JSON writes names and texts in double quotes, not in single ones "
        "(line {line}). Write: {fix}"),
    "json-syntax.unquoted-name": N_(
        "JSON syntax error: the field name {name} in line {line} is not in double quotes. "
        "Write: {fix}"),
    "json-syntax.unquoted-text": N_(
        "JSON syntax error: the value {value} in line {line} is neither a number nor true, "
        "false or null; a text stands in double quotes. Write: {fix}"),
    "json-syntax.name-quote": N_(
        "JSON syntax error: the field name '{name}' in line {line} lacks its closing quote. "
        "Write \"{name}\": and then the value."),
    "json-syntax.missing-colon": N_(
        "JSON syntax error: after the field name \"{name}\" in line {line} a colon is expected. "
        "Write \"{name}\": and then the value."),
    "json-syntax.missing-comma": N_(
        "JSON syntax error: a comma is missing before '{found}' in line {line}, column "
        "{column}. Separate the entries by commas."),
}
