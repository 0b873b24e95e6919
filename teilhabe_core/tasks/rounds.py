"""Status rounds end to end: start (files per office), collect (returns through the
workflow), status (who answered). See docs/evaluation.md, "Statusrunde".

Every document is read and written through a :class:`~teilhabe_core.store.contract.Store`
(the app's store, or a :class:`FileStore` of the plan's folder), so a round works the
same on files, SQLite and PostgreSQL. A return is all or nothing: its status changes are
one batch of workflow transitions (:mod:`teilhabe_core.workflow.batch`), written at once,
and its reports one update of the round's evaluation document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from attrs import frozen

from ..app import Teilhabe
from ..base.dates import now
from ..base.dates import today as berlin_today
from ..base.datetext import date_both, date_text
from ..base.errors import ConflictError, DocumentError, Finding, UnknownAreaError, UsageError
from ..base.fileio import atomic_write
from ..base.i18n import N_, Bilingual, Msg, _, both
from ..base.messages import finding
from ..documents.kinds import area_of
from ..documents.loader import dumps, load_text
from ..evaluation import round as logic
from ..model import Evaluation, EvaluationEntry, HistoryEntry, Measure, Plan, Workflow
from ..model.goals import Office
from ..publish import round_files as files
from ..store.contract import Key, Store, Stored, fmt_of_name
from ..store.files import FileStore
from ..workflow.batch import BatchRefused, Refusal, Step, apply_batch

ROUND_RETRIES = 8


@frozen
class Target:
    store: Store
    key: Key
    stored: Stored
    plan: Plan
    offices: tuple[Office, ...]
    flow: Workflow


def open_plan(app: Teilhabe, name: str) -> Target:
    """The plan ``name`` (a file, or with a store its id or area id), validated."""
    if app.store is not None:
        if name in app.store.areas():
            plan = app.documents(name).current_plan()
            if plan is None:
                raise UsageError(_("The area '{area}' has no plan in the store.", area=name))
            name = plan.id
        key = app.find(name)
        store: Store = app.store
        stored = store.read(key)
    else:
        loaded = app.load(name)
        path = Path(loaded.file)
        area = area_of(loaded.document) or ""
        file_store = FileStore({area: path.parent})
        stored = file_store.read_file(area, path)
        store, key = file_store, stored.key
    errors = [f for f in app.validator.check_stored(stored) if f.is_error]
    if errors:
        raise DocumentError(errors, stored.where)
    if not isinstance(stored.document, Plan):
        raise UsageError(_("{name} is not a plan (document: plan).", name=name))
    plan = stored.document
    try:
        offices = app.area(plan.county).area.offices
    except UnknownAreaError:
        offices = ()
    flow = app.workflows().default_for("measure", plan.county)
    return Target(store, key, stored, plan, tuple(offices), flow)


def _round_key(target: Target, round_id: str) -> Key:
    return Key(target.key.area, "evaluation", round_id)


def read_round(target: Target, round_id: str) -> Stored | None:
    key = _round_key(target, round_id)
    if key not in target.store.list(key.area, "evaluation"):
        return None
    return target.store.read(key)


def rounds_of(target: Target) -> list[Evaluation]:
    out = []
    for key in target.store.list(target.key.area, "evaluation"):
        document = target.store.read(key).document
        if isinstance(document, Evaluation) and logic.is_round_of(document, target.plan.id):
            out.append(document)
    return sorted(out, key=lambda e: e.reference_date)


# -- start ------------------------------------------------------------------------------


@frozen
class Started:
    round: str
    created: bool
    files: tuple[tuple[logic.OfficeShare, Path], ...]
    unassigned: tuple[str, ...]


def start(app: Teilhabe, name: str, on: dt.date, out: str | Path, *,
          due: dt.date | None = None, csv: bool = False) -> Started:
    """Create the round of plan ``name`` on ``on`` and write one file per office to ``out``."""
    target = open_plan(app, name)
    if due is not None and due < on:
        raise UsageError(_("The due date {due} is before the reference date {date}.",
                           due=date_text(due), date=date_text(on)))
    parts = logic.shares(target.plan, target.offices)
    if not parts:
        raise UsageError(_("No measure of {plan} names a responsible office "
                           "(responsible_office); there is nobody to ask.", plan=target.plan.id))
    ident = logic.round_id(target.plan.id, on)
    existing = read_round(target, ident)
    created = existing is None
    if existing is None:
        document = logic.new_round(target.plan, on, due)
        fmt = fmt_of_name(target.stored.name)
        folder = PurePosixPath(target.stored.name).parent
        target.store.write(target.key.area, str(folder / f"{ident}.{fmt}"),
                           dumps(document, fmt, fmt == "yaml"), None)
    labels = list(logic.state_labels(target.flow).values())
    measures = logic.measures_by_id(target.plan)
    folder_out = Path(out)
    folder_out.mkdir(parents=True, exist_ok=True)
    written = []
    for share in parts:
        identity = files.Identity(ident, target.plan.id, share.key, on)
        rows = [_row(measures[m], target.flow) for m in share.measures]
        stem = f"{ident}-{logic.file_stem(share.key)}"
        if csv:
            path = atomic_write(folder_out / f"{stem}.csv",
                                files.csv_text(identity, rows).encode("utf-8"))
        else:
            path = atomic_write(folder_out / f"{stem}.xlsx",
                                files.workbook(identity, share.name, rows, labels, due))
        written.append((share, Path(path)))
    return Started(ident, created, tuple(written), tuple(logic.unassigned(target.plan)))


def _row(measure: Measure, flow: Workflow) -> list[str | int]:
    labels = logic.state_labels(flow)
    progress: str | int = "" if measure.progress is None else measure.progress
    return [measure.id, measure.title, labels.get(measure.status.value, measure.status.value),
            progress]


# -- collect ----------------------------------------------------------------------------


@frozen
class Collected:
    file: str
    office: str
    transitions: tuple[HistoryEntry, ...]
    reports: int
    changed: bool


class ReturnRefused(DocumentError):
    """A return with errors; nothing of it was taken over."""


def _at(ret: files.Returned, row: int, column: str, message: Msg | Bilingual) -> Finding:
    index = next(i for i, (k, _, _) in enumerate(files.COLUMNS) if k == column)
    where = f"{ret.sheet}!{files.LETTERS[index]}{row} ({files.HEADERS[index]})"
    return finding("round-row", where, msg=message).at(ret.file, row, index + 1)


def _date(text: str, raw: dt.date | None) -> dt.date | None:
    if raw is not None:
        return raw
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _check_identity(ret: files.Returned, target: Target, current: Evaluation | None,
                    parts: dict[str, logic.OfficeShare]) -> list[Finding]:
    ident = ret.identity
    problems = []

    def bad(message: Msg) -> None:
        problems.append(finding("round-identity", f"{ret.sheet}!A1", msg=message)
                        .at(ret.file, 1, 1))

    if ident["plan"] != target.plan.id:
        bad(Msg(N_("The return belongs to the plan '{returned}', not to '{plan}'. Nothing was "
                   "taken over."), returned=ident["plan"], plan=target.plan.id))
    elif current is None:
        bad(Msg(N_("No status round is running for the plan {plan} (first: teilhabe round "
                   "start)."), plan=target.plan.id))
    elif ident["round"] != current.id:
        bad(Msg(N_("The return belongs to the round '{returned}', but the round '{current}' "
                   "is running. Nothing was taken over."), returned=ident["round"],
                current=current.id))
    elif ident["office"] not in parts:
        bad(Msg(N_("The office '{office}' is responsible for no measure of this plan "
                   "(responsible are: {offices}). Nothing was taken over."),
                office=ident["office"], offices=", ".join(parts)))
    return problems


def _reports(ret: files.Returned, target: Target, share: logic.OfficeShare, on: dt.date,
             base: Plan, today: dt.date) -> tuple[list[logic.Report], list[Step],
                                                  list[Finding]]:
    """The reports and transitions of every row of ``ret`` (``base``: the plan now)."""
    measures = logic.measures_by_id(base)
    labels = ", ".join(logic.state_labels(target.flow).values())
    reports: list[logic.Report] = []
    steps: list[Step] = []
    problems: list[Finding] = []
    seen: set[str] = set()
    for row in ret.rows:
        cells, n = row.cells, row.number
        ident = cells["measure"]
        if ident not in share.measures:
            owner = next((m for m in base.measures if m.id == ident), None)
            problems.append(_at(ret, n, "measure", Msg(N_(
                "The measure '{id}' does not belong to {office}{owner}; the column is "
                "protected."), id=ident, office=share.name, owner=Msg(
                    N_(" (responsible: {office})"), office=owner.responsible_office)
                if owner else Msg(N_(" (it is not in the plan)")))))
            continue
        if ident in seen:
            problems.append(_at(ret, n, "measure", Msg(N_(
                "The measure '{id}' is in the return twice."), id=ident)))
            continue
        seen.add(ident)
        measure = measures[ident]
        current = measure.status.value
        before = len(problems)
        wanted = current
        if cells["new_status"]:
            state = logic.state_of_text(target.flow, cells["new_status"])
            if state is None:
                problems.append(_at(ret, n, "new_status", Msg(N_(
                    "'{value}' is not a status. Possible are: {labels}."),
                    value=cells["new_status"], labels=labels)))
            wanted = state or current
        progress = None
        if cells["new_progress"]:
            text = cells["new_progress"].rstrip("% ")
            if not text.isdigit() or not 0 <= int(text) <= 100:
                problems.append(_at(ret, n, "new_progress", Msg(N_(
                    "'{value}' is not a progress; a whole number from 0 to 100 is allowed."),
                    value=cells["new_progress"])))
            else:
                progress = int(text)
        when = min(on, today)  # a round may be started before its reference date
        if cells["date"]:
            parsed = _date(cells["date"], row.raw_date)
            if parsed is None:
                problems.append(_at(ret, n, "date", Msg(N_(
                    "'{value}' is not a date (DD.MM.YYYY)."), value=cells["date"])))
            elif parsed > today:
                problems.append(_at(ret, n, "date", Msg(N_(
                    "The date {date} lies in the future; only what has happened is "
                    "recorded."), date=date_both(parsed))))
            else:
                when = parsed
        if len(problems) > before:
            continue
        names = logic.path_between(target.flow, current, wanted)
        if names is None:
            label = logic.state_labels(target.flow)
            problems.append(_at(ret, n, "new_status", Msg(N_(
                "No workflow step leads from '{old}' to '{new}'."),
                old=label.get(current, current), new=label.get(wanted, wanted))))
            continue
        moment = now() if when == today else dt.datetime.combine(when, dt.time(12))
        steps.extend(Step(f"measure:{ident}", name, str(n), by=share.key,
                          note=cells["comment"], at=moment) for name in names)
        reports.append(logic.Report(ident, wanted, progress, cells["comment"], when))
    return reports, steps, problems


def _refusal_finding(ret: files.Returned, refusal: Refusal) -> Finding:
    reason = refusal.reason
    de, en = (reason, reason) if isinstance(reason, str) else both(reason)
    if "note" in refusal.missing:
        hint_de, hint_en = both(N_(" Please give the reason in column G (comment)."))
        de, en = de + hint_de, en + hint_en
    return _at(ret, int(refusal.tag), "new_status", Bilingual(de, en))


def collect_file(app: Teilhabe, target: Target, path: str | Path,
                 today: dt.date | None = None) -> Collected:
    """Take over one return (all or nothing); :class:`ReturnRefused` with every problem."""
    today = today or berlin_today()
    ret = files.read_return(path)
    current_round = logic.latest_round(rounds_of(target), target.plan.id)
    parts = {s.key: s for s in logic.shares(target.plan, target.offices)}
    problems = _check_identity(ret, target, current_round, parts)
    if problems or current_round is None:
        raise ReturnRefused(problems, ret.file)
    share = parts[ret.identity["office"]]
    on = current_round.reference_date
    found: list[list[logic.Report]] = []

    def steps(current: Stored) -> list[Step]:
        plan = current.document
        assert isinstance(plan, Plan)
        reports, wanted, problems = _reports(ret, target, share, on, plan, today)
        if problems:
            raise ReturnRefused(problems, ret.file)
        found[:] = [reports]
        return wanted

    try:
        result = apply_batch(app.workflows(), target.store, target.key, steps,
                             retries=ROUND_RETRIES)
    except BatchRefused as exc:
        raise ReturnRefused([_refusal_finding(ret, r) for r in exc.refusals],
                            ret.file) from None
    plan = result.stored.document
    assert isinstance(plan, Plan)
    measures = logic.measures_by_id(plan)
    entries = [logic.entry_of(r, measures[r.measure]) for r in found[0]] if found else []
    changed = _write_reports(target, current_round.id, plan, entries)
    app._documents.pop(target.key.area, None)
    return Collected(ret.file, share.key, result.entries, len(entries),
                     result.written or changed)


def _write_reports(target: Target, round_id: str, plan: Plan,
                   entries: Sequence[EvaluationEntry]) -> bool:
    """Merge ``entries`` into the round document; retried when another return came first."""
    key = _round_key(target, round_id)
    for attempt in range(ROUND_RETRIES + 1):
        stored = target.store.read(key)
        document = stored.document
        assert isinstance(document, Evaluation)
        merged = logic.with_entries(document, plan, entries)
        if merged == document:
            return False
        fmt = fmt_of_name(stored.name)
        text = dumps(merged, fmt, fmt == "yaml")
        load_text(text, stored.where, fmt)
        try:
            target.store.write(key.area, stored.name, text, stored.revision)
            return True
        except ConflictError:
            if attempt == ROUND_RETRIES:
                raise
    return False  # pragma: no cover


# -- status -----------------------------------------------------------------------------


def status(app: Teilhabe, name: str, today: dt.date | None = None,
           due: dt.date | None = None) -> logic.RoundStatus:
    target = open_plan(app, name)
    current = logic.latest_round(rounds_of(target), target.plan.id)
    if current is None:
        raise UsageError(_("There is no status round for the plan {plan} yet (teilhabe round "
                           "start).", plan=target.plan.id))
    return logic.round_status(current, target.plan, target.offices,
                              today or berlin_today(), due)
