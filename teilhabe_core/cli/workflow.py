"""``transition``: a workflow step, recorded in the history."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from . import common
from .common import EXIT_OK

if TYPE_CHECKING:
    pass


def cmd_transition(args: argparse.Namespace) -> int:
    app = common.make_app()
    result = app.transition(args.path, args.object, args.name, by=args.by, note=args.note,
                            at=args.at, workflow=args.workflow)
    event = result.event
    flow = app.workflows().get(event.workflow, event.area)
    print(f"{event.object}: {flow.state_label(event.from_state)} → "
          f"{flow.state_label(event.to_state)} ({flow.step_title(event.transition)})")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("transition", help="carry out a workflow step and record it")
    p.add_argument("path", metavar="PATH")
    p.add_argument("object", help="plan, paper, call, measure:ID or barrier:ID")
    p.add_argument("name", help="transition name")
    p.add_argument("--by", default="", help="who")
    p.add_argument("--note", default="", help="why")
    p.add_argument("--at", type=common.parse_moment,
                   help="when (ISO date-time; without UTC offset: Berlin time; default: now)")
    p.add_argument("--workflow", help="workflow id if the object has several")
    p.set_defaults(func=cmd_transition)

