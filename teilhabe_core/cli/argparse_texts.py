"""argparse's own texts, listed so that extraction puts them into the catalog.

argparse looks them up through gettext (:func:`.common.argparse_language` points it at
teilhabe's catalog). These are the msgids of Python 3.11's ``argparse.py``;
``tests/test_i18n.py`` checks that the running Python's argparse asks for no other text.
The list is never read at run time.
"""

from __future__ import annotations

from ..base.i18n import N_, NN_

TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("argument \"-\" with mode %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    # i18n: mistakes of a program's author, not of its user; shown only if teilhabe has a bug
    N_(".__call__() not defined"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    N_("cannot merge actions - two groups are named %r"),
    N_("'required' is an invalid argument for positionals"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("mutually exclusive arguments must be optional"),
    N_("cannot have multiple subparser arguments"),
    N_("%r is not callable"),
    NN_("conflicting option string: %s", "conflicting option strings: %s"),
    NN_("expected %s argument", "expected %s arguments"),
)
