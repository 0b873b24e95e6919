"""The texts of YAML syntax errors (``yaml-syntax.KIND``), in German and English.

Part of the message catalogue (:data:`teilhabe_core.base.messages.MESSAGES`); the cases
are told apart in :mod:`teilhabe_core.documents.syntax`. Every German text says what is
wrong in a clerk's words and how to fix it; libyaml's own English words appear only in the
English fallback (``{problem}``).
"""

from __future__ import annotations

SYNTAX_MESSAGES: dict[str, tuple[str, str]] = {
    "yaml-syntax.other": (
        "YAML-Syntaxfehler: Ab hier kann die Datei nicht gelesen werden. Prüfen Sie diese Zeile "
        "und die davor: Einrückung nur mit Leerzeichen und für Felder einer Ebene gleich weit, "
        "nach jedem Feldnamen ein Doppelpunkt mit Leerzeichen, Werte mit ': ' oder ' #' in "
        "Anführungszeichen, Anführungszeichen und Klammern geschlossen.",
        "YAML syntax error: {problem}. Check indentation (spaces only, the same for the fields "
        "of one level), a colon and a space after each field name, quotes around values with "
        "': ' or ' #', and that quotes and brackets are closed.",
    ),
    "yaml-syntax.tab": (
        "YAML-Syntaxfehler: Zeile {line} ist mit einem Tabulator eingerückt. YAML erlaubt zum "
        "Einrücken nur Leerzeichen: nutzen Sie Leerzeichen statt des Tabulators, hier wohl "
        "{spaces} Leerzeichen{like}.",
        "YAML syntax error: line {line} is indented with a tab. YAML allows only spaces for "
        "indentation: use spaces instead of the tab, here probably {spaces} spaces{like_en}.",
    ),
    "yaml-syntax.tab-inside": (
        "YAML-Syntaxfehler: In Zeile {line} steht ein Tabulator, wo YAML nur Leerzeichen "
        "erlaubt. Nutzen Sie Leerzeichen statt des Tabulators.",
        "YAML syntax error: line {line} has a tab where YAML allows only spaces. Use spaces "
        "instead of the tab.",
    ),
    "yaml-syntax.colon-in-value": (
        "YAML-Syntaxfehler: Der Wert von '{key}' enthält einen Doppelpunkt mit Leerzeichen "
        "danach; YAML liest das als neues Feld. Setzen Sie den Wert in Anführungszeichen: {fix}",
        "YAML syntax error: the value of '{key}' contains a colon followed by a space, which "
        "YAML reads as a new field. Put the value in quotes: {fix}",
    ),
    "yaml-syntax.long-key": (
        "YAML-Syntaxfehler: Der Feldname in Zeile {line} ist {length} Zeichen lang; YAML liest "
        "Feldnamen nur bis {limit} Zeichen. Kürzen Sie ihn. Ist es ein Text, schreiben Sie ihn "
        "als Wert hinter einen Feldnamen (notes: \"…\").",
        "YAML syntax error: the field name in line {line} is {length} characters long; YAML "
        "reads field names of at most {limit} characters. Shorten it. If it is a text, write "
        "it as the value of a field (notes: \"…\").",
    ),
    "yaml-syntax.deeper": (
        "YAML-Syntaxfehler: Zeile {line} ist weiter eingerückt ({found} Leerzeichen) als Zeile "
        "{previous} ({expected} Leerzeichen), darum liest YAML sie als Fortsetzung des Werts "
        "darüber. Felder derselben Ebene stehen genau untereinander: rücken Sie '{key}' mit "
        "{expected} Leerzeichen ein.",
        "YAML syntax error: line {line} is indented further ({found} spaces) than line "
        "{previous} ({expected} spaces), so YAML reads it as part of the value above. Fields of "
        "one level stand exactly below each other: indent '{key}' by {expected} spaces.",
    ),
    "yaml-syntax.not-a-field": (
        "YAML-Syntaxfehler: Zeile {line} ('{text}') ist weder ein Feld (name: Wert) noch ein "
        "Listeneintrag (- …) noch ein Kommentar. Beginnen Sie einen Kommentar mit '#'; einen "
        "Wert schreiben Sie hinter seinen Feldnamen (name: Wert).",
        "YAML syntax error: line {line} ('{text}') is neither a field (name: value) nor a list "
        "entry (- …) nor a comment. Start a comment with '#'; write a value after its field "
        "name (name: value).",
    ),
    "yaml-syntax.missing-colon": (
        "YAML-Syntaxfehler: In Zeile {line} fehlt nach dem Feldnamen der Doppelpunkt "
        "('{text}'). Schreiben Sie 'name: Wert'{example}. Ist die Zeile die Fortsetzung des "
        "Textes darüber, rücken Sie sie weiter ein als dessen Feldnamen.",
        "YAML syntax error: line {line} lacks the colon after the field name ('{text}'). Write "
        "'name: value'{example_en}. If the line continues the text above, indent it further "
        "than that text's field name.",
    ),
    "yaml-syntax.continuation": (
        "YAML-Syntaxfehler: Zeile {line} ('{text}') steht so weit eingerückt wie das Feld "
        "'{key}' in Zeile {previous}, hat aber keinen Doppelpunkt. Ist sie die Fortsetzung des "
        "Textes von '{key}', rücken Sie sie weiter ein (z. B. mit {deeper} Leerzeichen); ist "
        "sie ein eigenes Feld, schreiben Sie 'name: Wert'.",
        "YAML syntax error: line {line} ('{text}') is indented like the field '{key}' in line "
        "{previous} but has no colon. If it continues the text of '{key}', indent it further "
        "(e.g. by {deeper} spaces); if it is a field of its own, write 'name: value'.",
    ),
    "yaml-syntax.colon-space": (
        "YAML-Syntaxfehler: In Zeile {line} ('{text}') fehlt das Leerzeichen nach dem "
        "Doppelpunkt; erst mit ihm wird daraus ein Feld. Schreiben Sie: {fix}",
        "YAML syntax error: line {line} ('{text}') lacks the space after the colon that makes "
        "it a field. Write: {fix}",
    ),
    "yaml-syntax.list-after-key": (
        "YAML-Syntaxfehler: Ein Listeneintrag ('- ') kann nicht in der Zeile des Feldnamens "
        "stehen. Schreiben Sie die Liste in eckigen Klammern: {key}: [{item}] – oder jeden "
        "Eintrag eingerückt in eine eigene Zeile unter '{key}:'.",
        "YAML syntax error: a list entry ('- ') cannot stand on the line of the field name. "
        "Write the list in brackets: {key}: [{item}] – or each entry indented on a line of its "
        "own below '{key}:'.",
    ),
    "yaml-syntax.text-after-closer": (
        "YAML-Syntaxfehler: In Zeile {line} steht nach {what} ({closer}) noch '{extra}'. Gehört "
        "es nicht dazu, löschen Sie es; ist der ganze Wert ein Text, setzen Sie ihn in "
        "Anführungszeichen.{fix}",
        "YAML syntax error: line {line} has '{extra}' after the closing {what_en} ({closer}). "
        "If it does not belong there, delete it; if the whole value is a text, put it in "
        "quotes.{fix_en}",
    ),
    "yaml-syntax.stray-closer": (
        "YAML-Syntaxfehler: Das Zeichen '{char}' in Zeile {line} schließt keine Klammer. "
        "Löschen Sie es, oder setzen Sie den Wert in Anführungszeichen.",
        "YAML syntax error: the '{char}' in line {line} closes no bracket. Delete it, or put "
        "the value in quotes.",
    ),
    "yaml-syntax.list-indent": (
        "YAML-Syntaxfehler: Zeile {line} ({found} Leerzeichen eingerückt) passt nicht zur "
        "Liste, die in Zeile {start} beginnt: neue Einträge beginnen wie dort mit {expected} "
        "Leerzeichen und '- ', die Felder eines Eintrags stehen genau unter seinem ersten Feld "
        "({field} Leerzeichen).",
        "YAML syntax error: line {line} (indented by {found} spaces) does not fit the list "
        "starting in line {start}: new entries start as there with {expected} spaces and "
        "'- ', the fields of an entry stand exactly below its first field ({field} spaces).",
    ),
    "yaml-syntax.list-in-mapping": (
        "YAML-Syntaxfehler: Zeile {line} beginnt einen Listeneintrag ('- '), wo YAML ein Feld "
        "(name: Wert) erwartet.{where}",
        "YAML syntax error: line {line} starts a list entry ('- ') where YAML expects a field "
        "(name: value).{where_en}",
    ),
    "yaml-syntax.mapping-indent": (
        "YAML-Syntaxfehler: Zeile {line} ist mit {found} Leerzeichen eingerückt, die Felder "
        "hier (ab Zeile {start}) mit {expected}. Felder derselben Ebene stehen genau "
        "untereinander: rücken Sie die Zeile mit {expected} Leerzeichen ein.",
        "YAML syntax error: line {line} is indented by {found} spaces, the fields here (from "
        "line {start}) by {expected}. Fields of one level stand exactly below each other: "
        "indent the line by {expected} spaces.",
    ),
    "yaml-syntax.block-text-indent": (
        "YAML-Syntaxfehler: Zeile {line} gehört zum mehrzeiligen Text von '{key}' (ab Zeile "
        "{start}), ist aber mit {found} Leerzeichen weniger eingerückt als die Zeilen davor "
        "({expected}). Rücken Sie alle Zeilen des Textes gleich weit ein.",
        "YAML syntax error: line {line} belongs to the multi-line text of '{key}' (from line "
        "{start}) but is indented by {found} spaces, less than the lines above ({expected}). "
        "Indent all lines of the text equally.",
    ),
    "yaml-syntax.mapping-indent-two": (
        "YAML-Syntaxfehler: Zeile {line} ist mit {found} Leerzeichen eingerückt; passend sind "
        "hier {expected} Leerzeichen (wie ab Zeile {start}) oder {other} (wie die Zeile davor). "
        "Felder derselben Ebene stehen genau untereinander.",
        "YAML syntax error: line {line} is indented by {found} spaces; here {expected} spaces "
        "(as from line {start}) or {other} (as the line above) fit. Fields of one level stand "
        "exactly below each other.",
    ),
    "yaml-syntax.unclosed-quote": (
        "YAML-Syntaxfehler: Das Anführungszeichen {quote} in Zeile {line}, Spalte {column} wird "
        "nicht geschlossen. Setzen Sie ans Ende des Werts ebenfalls {quote} (z. B. {fix}) oder "
        "löschen Sie es, wenn es nicht dazugehört.",
        "YAML syntax error: the quote {quote} in line {line}, column {column} is not closed. "
        "Put {quote} at the end of the value as well (e.g. {fix}), or delete it if it does not "
        "belong there.",
    ),
    "yaml-syntax.escape": (
        "YAML-Syntaxfehler: In doppelten Anführungszeichen leitet der Rückstrich (\\) ein "
        "Sonderzeichen ein; '{sequence}' in Zeile {line} ist keines. Nehmen Sie einfache "
        "Anführungszeichen: {fix}",
        "YAML syntax error: in double quotes a backslash (\\) starts a special character; "
        "'{sequence}' in line {line} is none. Use single quotes: {fix}",
    ),
    "yaml-syntax.unclosed-bracket": (
        "YAML-Syntaxfehler: Die Klammer {opener} in Zeile {line}, Spalte {column} wird nicht "
        "mit {closer} geschlossen. Schließen Sie sie am Ende des Werts: {fix}",
        "YAML syntax error: the bracket {opener} in line {line}, column {column} is not closed "
        "by {closer}. Close it at the end of the value: {fix}",
    ),
    "yaml-syntax.flow-item": (
        "YAML-Syntaxfehler: In der Klammer {opener} … {closer} steht in Zeile {line} '{char}', "
        "wo YAML ein Komma oder {closer} erwartet. Trennen Sie die Einträge mit Kommas, "
        "schließen Sie mit {closer} und setzen Sie Einträge mit : # [ ] {{ }} in "
        "Anführungszeichen.",
        "YAML syntax error: inside {opener} … {closer}, line {line} has '{char}' where YAML "
        "expects a comma or {closer}. Separate the entries by commas, close with {closer} and "
        "put entries with : # [ ] {{ }} in quotes.",
    ),
    "yaml-syntax.reserved": (
        "YAML-Syntaxfehler: Ein Wert darf in YAML nicht mit '{char}' beginnen (Zeile {line}). "
        "Setzen Sie ihn in Anführungszeichen: {fix}",
        "YAML syntax error: a value cannot start with '{char}' in YAML (line {line}). Put it in "
        "quotes: {fix}",
    ),
    "yaml-syntax.block": (
        "YAML-Syntaxfehler: Nach '{char}' (Beginn eines mehrzeiligen Textes) muss die Zeile "
        "enden; der Text steht eingerückt in den Zeilen darunter. Gehört '{char}' zum Wert, "
        "setzen Sie ihn in Anführungszeichen: {fix}",
        "YAML syntax error: after '{char}' (start of a multi-line text) the line must end; the "
        "text follows indented on the lines below. If '{char}' belongs to the value, put it in "
        "quotes: {fix}",
    ),
    "yaml-syntax.reserved-line": (
        "YAML-Syntaxfehler: Zeile {line} darf nicht mit '{char}' beginnen; YAML reserviert das "
        "Zeichen. Löschen Sie es, beginnen Sie einen Kommentar mit '#' oder setzen Sie den "
        "Wert in Anführungszeichen.",
        "YAML syntax error: line {line} cannot start with '{char}', which YAML reserves. Delete "
        "it, start a comment with '#' or put the value in quotes.",
    ),
    "yaml-syntax.control-character": (
        "YAML-Syntaxfehler: In Zeile {line}, Spalte {column} steht das unsichtbare Steuerzeichen "
        "{char}, das in YAML nicht stehen darf (es kommt oft beim Kopieren aus anderen "
        "Programmen mit). Löschen Sie es.",
        "YAML syntax error: line {line}, column {column} holds the invisible control character "
        "{char}, which YAML does not allow (it often comes with text copied from other "
        "programs). Delete it.",
    ),
}
