"""``transition``: a workflow step, recorded in the history."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..base.datetext import moment_text
from ..base.i18n import _
from . import common
from .common import EXIT_OK
from .words import state_word, step_word


def cmd_transition(args: argparse.Namespace) -> int:
    app = common.make_app()
    result = app.transition(args.path, args.object, args.name, by=args.by, note=args.note,
                            at=args.at, workflow=args.workflow)
    event = result.event
    flow = app.workflows().get(event.workflow, event.area)
    print(_("{object}: {old} → {new} ({step}, {time})", object=event.object,
            old=state_word(flow, event.from_state), new=state_word(flow, event.to_state),
            step=step_word(flow, event.transition), time=moment_text(event.at)))
    for warning in result.warnings:
        print(_("Warning: {problem}", problem=warning), file=sys.stderr)
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    text = _("carry out a workflow step and record it in the history")
    p = sub.add_parser("transition", help=text, description=text)
    p.add_argument("path", metavar=_("PATH"), help=_("the document (with --store: its id)"))
    p.add_argument("object", metavar=_("OBJECT"),
                   help=_("plan, paper, call, measure:ID or barrier:ID"))
    p.add_argument("name", metavar=_("STEP"), help=_("the step's name"))
    p.add_argument("--by", default="", metavar=_("WHO"), help=_("who takes the step"))
    p.add_argument("--note", default="", metavar=_("TEXT"), help=_("why"))
    p.add_argument("--at", type=common.parse_moment, metavar=_("TIME"),
                   help=_("when: DD.MM.YYYY HH:MM or YYYY-MM-DD HH:MM (Berlin time; ISO "
                          "also with a UTC offset, e.g. 2025-02-01T09:30+01:00); default: "
                          "now"))
    p.add_argument("--workflow", metavar="ID",
                   help=_("the workflow's id, if the object has several"))
    p.set_defaults(func=cmd_transition)

