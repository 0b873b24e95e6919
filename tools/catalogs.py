"""The message catalogs' workflow with Babel (docs/translating.md).

Run: ``python tools/catalogs.py update|compile|check [--pot FILE]``.

* ``update`` extracts every marked text of ``teilhabe_core`` and ``plugins`` (``_``,
  ``ngettext``, ``N_``, ``NN_``, ``Msg``, ``nmsg``; comments starting ``i18n:`` go to the
  translators) and merges it into ``teilhabe_core/locale/{de,en}/LC_MESSAGES/teilhabe.po``:
  new texts come in untranslated, changed ones fuzzy with the old translation, removed ones
  obsolete (``#~``). ``--pot FILE`` also writes the template for translation tools.
* ``compile`` writes the ``.mo`` files beside the ``.po`` files (an installed package gets
  them from the build, ``setup.py``; this is for a source tree).
* ``check`` fails (exit 1) where a catalog is out of step with the source: a msgid the
  source has and a ``.po`` lacks (or the reverse), a German entry fuzzy or untranslated,
  a translation whose placeholders differ from its msgid's.

The files are written without line numbers and sorted by msgid, with fixed header dates,
so that a code change moves no entry and the compiled catalogs are reproducible.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "teilhabe_core" / "locale"
DOMAIN = "teilhabe"
LANGUAGES = ("de", "en")
SOURCES = ("teilhabe_core", "plugins")
KEYWORDS = {"_": None, "N_": None, "NN_": (1, 2), "ngettext": (1, 2), "Msg": None,
            "nmsg": (1, 2)}
COMMENT_TAGS = ("i18n:",)
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""Header dates of every catalog: constant, so files and builds do not change by the day."""


def po_file(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every marked text of the source, as a template catalog."""
    template = Catalog(project="teilhabe", domain=DOMAIN, creation_date=FIXED_DATE,
                       revision_date=FIXED_DATE, fuzzy=False,
                       msgid_bugs_address="", copyright_holder="teilhabe")
    for folder in SOURCES:
        for path, lineno, message, comments, context in extract_from_dir(
                ROOT / folder, keywords=KEYWORDS, comment_tags=COMMENT_TAGS,
                strip_comment_tags=True):
            template.add(message, None, [(f"{folder}/{path}", lineno)],
                         auto_comments=comments, context=context)
    return template


def read(lang: str) -> Catalog:
    with open(po_file(lang), "rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


HEADER = "# teilhabe's messages ({lang}). Workflow: docs/translating.md\n#"


def write(catalog: Catalog, path: Path) -> None:
    lang = str(catalog.locale) if catalog.locale else "template"
    catalog.header_comment = HEADER.format(lang=lang)
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.project, catalog.version, catalog.fuzzy = "teilhabe", "1", False
    catalog.msgid_bugs_address = catalog.last_translator = "teilhabe"
    catalog.language_team = f"teilhabe ({lang})"
    data = io.BytesIO()
    write_po(data, catalog, width=100, sort_output=True, include_lineno=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.getvalue())


def update(pot: Path | None = None) -> None:
    template = extract()
    if pot is not None:
        write(template, pot)
    for lang in LANGUAGES:
        path = po_file(lang)
        if path.exists():
            catalog = read(lang)
            catalog.update(template, update_creation_date=False)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="teilhabe", fuzzy=False)
            catalog.update(template, no_fuzzy_matching=True)
        write(catalog, path)
        print(f"{path.relative_to(ROOT)}: {len(catalog)} texts")


def compile_all() -> None:
    for lang in LANGUAGES:
        data = io.BytesIO()
        write_mo(data, read(lang))
        target = po_file(lang).with_suffix(".mo")
        target.write_bytes(data.getvalue())
        print(f"{target.relative_to(ROOT)}")


_BRACES = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")
_PERCENT = re.compile(r"%(?:\(([a-z_]+)\))?[-#0 +]*\d*(?:\.\d+)?[sdrif]")


def placeholders(text: str, percent: bool = False) -> list[str]:
    """``{name}`` fields of a text, sorted; with ``percent`` its ``%(name)s``/``%s``
    conversions instead (argparse's texts)."""
    if percent:
        return sorted(m.group(1) or "%" for m in _PERCENT.finditer(text))
    return sorted(_BRACES.findall(text))


def _forms(message: Message) -> tuple[list[str], list[str]]:
    ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
    strs = (list(message.string) if isinstance(message.string, tuple | list)
            else [message.string])
    return ids, strs


def problems(lang: str, template: Catalog | None = None) -> Iterator[str]:
    """What is out of step between the source and the catalog of ``lang``."""
    template = template or extract()
    catalog = read(lang)
    wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template
              if m.id}
    have = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}
    for key in sorted(wanted - have, key=str):
        yield f"{lang}: missing from the catalog: {key[0]!r}"
    for key in sorted(have - wanted, key=str):
        yield f"{lang}: no longer in the source: {key[0]!r}"
    for message in catalog:
        if not message.id:
            continue
        ids, strs = _forms(message)
        if lang == "de" and message.fuzzy:
            yield f"de: fuzzy (needs review): {ids[0]!r}"
        if lang == "de" and not all(strs):
            yield f"de: untranslated: {ids[0]!r}"
        for index, text in enumerate(strs):
            if not text:
                continue
            source = ids[min(index, len(ids) - 1)]
            percent = not _BRACES.search(ids[0])
            expected = set(placeholders(source, percent))
            found = set(placeholders(text, percent))
            # a translation may leave a placeholder out (a singular "eine Datei" the count;
            # a German syntax error libyaml's English {problem}), never bring in another
            if not found <= expected:
                yield (f"{lang}: placeholders differ in {ids[0]!r}: "
                       f"{sorted(expected)} → {sorted(found)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["update", "compile", "check"])
    parser.add_argument("--pot", type=Path, help="also write the template (update)")
    args = parser.parse_args(argv)
    if args.action == "update":
        update(args.pot)
    elif args.action == "compile":
        compile_all()
    else:
        template = extract()
        found = [p for lang in LANGUAGES for p in problems(lang, template)]
        for problem in found:
            print(problem)
        print(f"{len(found)} problems", file=sys.stderr)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
