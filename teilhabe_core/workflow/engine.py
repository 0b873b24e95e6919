"""The workflow engine: declarative states and transitions, guards, history, conflicts.

Design of the audit trail (see docs/workflows.md):

* Every transition is appended to a journal beside the document
  (``plan.yaml`` → ``plan.history.yaml``, ``document: history``). Earlier entries are
  never rewritten: the new file is the old bytes plus one entry, written atomically.
* If the workflow mirrors its state into a field (``field: status``), only that one
  scalar is replaced in the clerk's file, in place; every comment, blank line and
  layout choice stays byte-identical. A missing field is inserted as one new line.
* A transition is one atomic unit of a :class:`~teilhabe_core.store.contract.Store`: under
  the store's lock the current document and history are read, the step is checked
  against them and the new text and entry are written together (docs/storage.md).
  Transitions of other objects since the caller's view merge; a change of the same
  object, or any other edit, is a :class:`~teilhabe_core.base.errors.ConflictError` and
  nothing is written.
* On load, :meth:`Workflows.check_history` replays the journal: only allowed
  transitions, each starting where the previous one ended (the first entry of an object
  may start in any state: tracking can begin late), non-decreasing times, and the last
  state equal to the current one.
* Times: every ``at`` is stored as an aware Europe/Berlin timestamp; a naive time (given
  by a caller or found in an older journal) counts as Berlin local time, so journals that
  mix both compare safely. A time more than :data:`CLOCK_TOLERANCE` in the future is
  refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..base.dates import aware, berlin, now
from ..base.datetext import moment_both
from ..base.errors import (
    ConflictError,
    DocumentError,
    Finding,
    Level,
    UsageError,
    WorkflowError,
    WorkflowUsageError,
    message_of,
)
from ..base.i18n import N_, Bilingual, Msg, _, both
from ..base.messages import finding, listing
from ..documents.kinds import area_of
from ..documents.loader import Loaded, format_of, load_file, load_text
from ..documents.refs import GUARD
from ..model import History, HistoryEntry, Workflow
from ..store.contract import (
    Change,
    Commit,
    Key,
    Store,
    Stored,
    changed_since,
    journal_loaded,
    key_of,
)
from ..store.files import FileStore
from ..store.journal import history_path, read_history
from .events import (
    CLOCK_TOLERANCE,
    EARLIEST,
    Guard,
    GuardContext,
    Registered,
    TransitionEvent,
    TransitionResult,
)
from .host import WorkflowHost
from .objects import locate_object, state_of
from .text_edit import set_state


class Workflows:
    """Workflow definitions and guards of all plugins, looked up per area."""

    def __init__(self, app: WorkflowHost) -> None:
        self.app = app
        self.registered: list[Registered] = []
        self.guards: dict[str, tuple[str, Guard]] = {}
        problems: list[Finding] = []
        for plugin, sources in app.per_plugin("teilhabe_workflows"):
            areas = app.areas_of_plugin(plugin)
            for source in sources:
                try:
                    loaded = load_file(source.path)
                except DocumentError as exc:
                    problems.extend(exc.findings)
                    continue
                if not isinstance(loaded.document, Workflow):
                    problems.append(finding("document-unknown", "document", value=loaded.kind,
                                            allowed="workflow").at(loaded.file, 1, 1))
                    continue
                owners: list[str | None] = [*sorted(areas)] or [None]
                for area in owners:
                    self.registered.append(Registered(loaded.document, loaded.file, area))
        for plugin, guards in app.per_plugin("teilhabe_guards"):
            for name, fn in guards.items():
                if name in self.guards:
                    raise WorkflowError(Msg("The guard '{name}' is delivered by two plugins: "
                                            "'{first}' and '{second}'.", name=name,
                                            first=self.guards[name][0], second=plugin))
                self.guards[name] = (plugin, fn)
        for item in self.registered:
            problems.extend(self._unknown_guards(item))
        if problems:
            raise DocumentError(problems)

    def _unknown_guards(self, item: Registered) -> Iterator[Finding]:
        loaded = load_file(item.file)
        for i, t in enumerate(item.workflow.transitions):
            for j, name in enumerate(t.guards):
                if name not in self.guards:
                    f = finding("dangling-reference", f"transitions[{i}].guards[{j}]", ref=name,
                                what=GUARD,
                                available=listing(sorted(self.guards)))
                    yield from loaded.locate([f])

    def get(self, workflow_id: str, area: str | None) -> Workflow:
        """The workflow ``workflow_id``; an area's own definition wins over the generic one."""
        found = self._find(workflow_id, area)
        if isinstance(found, Msg):
            raise WorkflowUsageError(str(found))
        return found

    def _find(self, workflow_id: str, area: str | None) -> Workflow | Msg:
        """The workflow, or why there is none."""
        for want in (area, None):
            for item in self.registered:
                if item.workflow.id == workflow_id and item.area == want:
                    return item.workflow
        known = sorted({i.workflow.id for i in self.registered if i.area in (area, None)})
        return Msg(N_("Unknown workflow '{workflow}'. Available: {known}."),
                   workflow=workflow_id, known=listing(known))

    def for_kind(self, kind: str, area: str | None) -> list[Workflow]:
        """Workflows applying to ``kind`` for ``area`` (area definitions replace generic ones)."""
        chosen: dict[str, Workflow] = {}
        for item in self.registered:
            if item.workflow.applies_to == kind and item.area is None:
                chosen[item.workflow.id] = item.workflow
        for item in self.registered:
            if item.workflow.applies_to == kind and item.area == area and area is not None:
                chosen[item.workflow.id] = item.workflow
        return [chosen[k] for k in sorted(chosen)]

    def default_for(self, kind: str, area: str | None) -> Workflow:
        """The workflow mirrored into the object's field, or the only one for ``kind``."""
        flows = self.for_kind(kind, area)
        candidates = [w for w in flows if w.field] or flows
        if len(candidates) != 1:
            names = [w.id for w in self.for_kind(kind, area)]
            raise WorkflowUsageError(Msg("Please name the workflow (workflow=…). For '{kind}' "
                                         "there are: {names}.", kind=kind,
                                         names=listing(names)))
        return candidates[0]

    # -- transitions ------------------------------------------------------------

    def transition(self, path: str | Path, ref: str, name: str, *, by: str = "",
                   note: str = "", at: dt.datetime | None = None,
                   workflow: str | None = None, loaded: Loaded | None = None) -> TransitionResult:
        """Carry out transition ``name`` on object ``ref`` of the document at ``path``.

        ``loaded`` is the caller's view of the file (default: read now). Raises
        :class:`WorkflowError` (not allowed, guard refused, veto, missing input) or
        :class:`ConflictError` (the object, or the file by hand, changed since ``loaded``);
        in both cases nothing is written.
        """
        loaded = loaded or load_file(path)
        doc_path = Path(loaded.file)
        area = area_of(loaded.document) or ""
        store = FileStore({area: doc_path.parent})
        history, _digest = read_history(history_path(doc_path), doc_path.name)
        view = Stored(key_of(area, doc_path.name, loaded.document), doc_path.name, "",
                      loaded.text, loaded.document, history, str(doc_path))
        return self._apply(lambda change: store.transition_file(area, doc_path, change), view,
                           ref, name, by=by, note=note, at=at, workflow=workflow)

    def transition_stored(self, store: Store, key: Key, ref: str, name: str, *, by: str = "",
                          note: str = "", at: dt.datetime | None = None,
                          workflow: str | None = None,
                          view: Stored | None = None) -> TransitionResult:
        """:meth:`transition` for document ``key`` of ``store``; ``view`` is what the caller
        read (default: read now, under the store's lock)."""
        return self._apply(lambda change: store.transition(key, change), view, ref, name,
                           by=by, note=note, at=at, workflow=workflow)

    def _apply(self, run: Callable[[Change], Stored], view: Stored | None, ref: str,
               name: str, *, by: str, note: str, at: dt.datetime | None,
               workflow: str | None) -> TransitionResult:
        done: list[TransitionEvent] = []

        def change(current: Stored) -> Commit:
            if view is not None:
                self._refuse_conflicts(view, current, ref)
            commit, event = self._step(current, ref, name, by=by, note=note, at=at,
                                       workflow=workflow)
            done.append(event)
            return commit

        run(change)
        event = done[-1]
        warnings: list[str] = []
        try:
            self.app.hook_caller("teilhabe_transition_done", event.area)(event=event)
        except Exception as exc:
            warnings.append(_("Notification failed: {error}", error=exc))
        return TransitionResult(event, tuple(warnings))

    def _refuse_conflicts(self, view: Stored, current: Stored, ref: str) -> None:
        """:class:`ConflictError` unless ``current`` is ``view`` plus recorded transitions
        of other objects (those merge: different measures of one plan never conflict)."""
        if view.text == current.text and view.history == current.history:
            return
        seen, now_entries = view.history.entries, current.history.entries
        if now_entries[:len(seen)] != seen:
            raise changed_since(current.where)
        added = now_entries[len(seen):]
        for entry in added:
            if entry.object == ref:
                flow = self._find(entry.workflow, area_of(current.document))
                step = (Bilingual(flow.step_title(entry.transition), entry.transition)
                        if isinstance(flow, Workflow) else entry.transition)
                old, new = ((_state(flow, entry.from_state), _state(flow, entry.to_state))
                            if isinstance(flow, Workflow) else (entry.from_state, entry.to_state))
                raise ConflictError(Msg(
                    "'{object}' in {file} was changed since it was loaded: '{step}' by {who} "
                    "({old} → {new}, {time}). Nothing was written; please load it again.",
                    object=ref, file=current.where, step=step, who=entry.by or Msg("someone"),
                    old=old, new=new, time=moment_both(entry.at)))
        replayed = view.text
        area = area_of(current.document)
        fmt = format_of(current.name)
        for entry in added:
            flow = self.get(entry.workflow, area)
            if flow.field:
                replayed_doc = load_text(replayed, current.where, fmt).document
                _obj, _kind, obj_path = locate_object(replayed_doc, entry.object)
                field_path = f"{obj_path}.{flow.field}" if obj_path else flow.field
                replayed = set_state(replayed, field_path, flow, entry.to_state, fmt)
        if replayed != current.text:  # edited by hand or saved: a real conflict
            raise changed_since(current.where)

    def _step(self, current: Stored, ref: str, name: str, *, by: str, note: str,
              at: dt.datetime | None, workflow: str | None) -> tuple[Commit, TransitionEvent]:
        """The commit for transition ``name`` of ``ref`` in ``current``, after every check."""
        history, document = current.history, current.document
        obj, kind, obj_path = locate_object(document, ref)
        area = area_of(document)
        flow = self.get(workflow, area) if workflow else self.default_for(kind, area)
        if flow.applies_to != kind:
            raise WorkflowUsageError(Msg("The workflow '{workflow}' applies to '{applies}', not "
                                         "to '{kind}'.", workflow=flow.id,
                                         applies=flow.applies_to, kind=kind))
        state = state_of(flow, obj, ref, history.entries)
        step = flow.transition_named(name)
        if step is None:
            labels = ", ".join(t.label or t.name for t in flow.transitions)
            ids = ", ".join(t.name for t in flow.transitions)
            raise WorkflowUsageError(Msg("There is no step '{step}' in the workflow "
                                         "'{workflow}'. Available: {known}.", step=name,
                                         workflow=flow.id,
                                         known=Bilingual(labels, ids) if ids else Msg("(none)")))
        title = Bilingual(step.label or step.name, step.name)  # a clerk's word, or the id
        if state not in step.sources:
            allowed = flow.allowed(state)
            names_de = ", ".join(flow.transition_label(t) for t in allowed)
            names_en = ", ".join(f"{t.name} (→ {t.target})" for t in allowed)
            raise WorkflowError(Msg("The step '{step}' is not allowed in the state '{state}'. "
                                    "Allowed: {names}.", step=title,
                                    state=_state(flow, state),
                                    names=Bilingual(names_de, names_en) if allowed
                                    else Msg("none")))
        inputs = {"by": by, "note": note, "at": at}
        missing = [k for k in step.requires if not inputs.get(k)]
        if missing:
            raise MissingInputs(tuple(missing), title)
        when = _checked_time(at)
        event = TransitionEvent(document, current.where, ref, area, flow.id, step.name, state,
                                step.target, by, when, note)
        last = next((e for e in reversed(history.entries) if e.object == ref), None)
        if last is not None and when < aware(last.at):
            raise WorkflowError(Msg("The time {time} is before the last entry ({last}).",
                                    time=moment_both(when), last=moment_both(last.at)))
        self._run_guards(step.guards, event, obj, history.entries, title)
        reasons = [r for r in self.app.hook_caller("teilhabe_veto_transition", area)(event=event)
                   if r]
        if reasons:
            raise WorkflowError(Msg("The step was refused: {reasons}", reasons=" ".join(reasons)))
        entry = HistoryEntry(ref, flow.id, step.name, state, step.target, when, by, note)
        new_doc = None
        if flow.field:
            field_path = f"{obj_path}.{flow.field}" if obj_path else flow.field
            new_doc = set_state(current.text, field_path, flow, step.target,
                                format_of(current.name))
        return Commit(new_doc, entry), event

    def _run_guards(self, names: tuple[str, ...], event: TransitionEvent, obj: Any,
                    history: tuple[HistoryEntry, ...], title: Bilingual) -> None:
        context = GuardContext(event.document, obj, self.app.context_for(event.document),
                               history, event)
        for name in names:
            plugin, fn = self.guards[name]
            try:
                verdict = fn(event.document, context)
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                raise WorkflowError(Msg("The guard '{name}' of plugin '{plugin}' failed: "
                                        "{error}. The state stays as it was.", name=name,
                                        plugin=plugin, error=error)) from exc
            if verdict is False or isinstance(verdict, str | Bilingual):
                reason = (Msg("guard '{name}' not met", name=name) if verdict is False
                          else verdict)
                raise WorkflowError(Msg("The step '{step}' is not possible yet: {reason}.",
                                        step=title, reason=reason))

    # -- history ----------------------------------------------------------------

    def check_history(self, loaded: Loaded) -> list[Finding]:
        """Replay the journal beside ``loaded`` against the workflows; findings if broken."""
        hist_path = history_path(loaded.file)
        if not hist_path.exists():
            return []
        try:
            hist_loaded = load_file(hist_path)
        except DocumentError as exc:
            return list(exc.findings)
        return self.check_journal(loaded, hist_loaded)

    def check_journal(self, loaded: Loaded, hist_loaded: Loaded) -> list[Finding]:
        """Replay the journal ``hist_loaded`` of ``loaded`` against the workflows."""
        history = hist_loaded.document
        if not isinstance(history, History):
            return []
        return hist_loaded.locate(self.journal_problems(loaded, history))

    def check_stored(self, loaded: Loaded, stored: Stored) -> list[Finding]:
        """Replay the history of a store's document (positions only on the error path)."""
        problems = self.journal_problems(loaded, stored.history)
        return journal_loaded(stored).locate(problems) if problems else []

    def journal_problems(self, loaded: Loaded, history: History) -> list[Finding]:
        """What is wrong with ``history`` as the journal of ``loaded`` (no positions)."""
        problems: list[Finding] = []
        if history.file != Path(loaded.file).name:
            problems.append(_hist("file", Msg(N_("The history belongs to '{owner}', not to "
                                                 "'{file}'."), owner=history.file,
                                              file=Path(loaded.file).name)))
        area = area_of(loaded.document)
        states: dict[tuple[str, str], str] = {}
        times: dict[str, dt.datetime] = {}
        for i, entry in enumerate(history.entries):
            here = f"entries[{i}]"
            flow_or_why = self._find(entry.workflow, area)
            if isinstance(flow_or_why, Msg):
                problems.append(_hist(f"{here}.workflow", flow_or_why))
                continue
            flow = flow_or_why
            key = (entry.object, entry.workflow)
            # Tracking may begin in any state: the first entry of an object sets it.
            expected = states.get(key, entry.from_state)
            if entry.from_state != expected:
                problems.append(_hist(f"{here}.from_state", Msg(N_(
                    "The state '{expected}' was expected, '{found}' is entered."),
                    expected=_state(flow, expected), found=_state(flow, entry.from_state))))
            step = next((t for t in flow.allowed(entry.from_state)
                         if t.name == entry.transition and t.target == entry.to_state), None)
            if step is None:
                problems.append(_hist(f"{here}.transition", Msg(N_(
                    "The step '{step}' from '{old}' to '{new}' is not allowed in the workflow "
                    "'{workflow}'."), step=Bilingual(flow.step_title(entry.transition),
                                                   entry.transition),
                    old=_state(flow, entry.from_state), new=_state(flow, entry.to_state),
                    workflow=flow.id)))
            wrong_time = _time_problem(entry.at)
            if wrong_time is not None:
                problems.append(_hist(f"{here}.at", wrong_time))
            previous, when = times.get(entry.object), aware(entry.at)
            if previous is not None and when < previous:
                problems.append(_hist(f"{here}.at", Msg(N_("The times of the entries must not "
                                                           "go back."))))
            times[entry.object] = when
            states[key] = entry.to_state
        for (ref, flow_id), last in states.items():
            try:
                flow = self.get(flow_id, area)
                obj, _kind, _path = locate_object(loaded.document, ref)
            except WorkflowError as exc:
                problems.append(_hist("entries", message_of(exc)))
                continue
            if flow.field:
                current = state_of(flow, obj, ref, ())
                if current != last:
                    problems.append(_hist("entries", Msg(N_(
                        "By the history '{object}' is in the state '{last}', the file says "
                        "'{current}'."), object=ref, last=_state(flow, last),
                        current=_state(flow, current))))
        return problems



class MissingInputs(WorkflowError):
    """A step that needs ``by``, ``note`` or ``at`` was called without them."""

    def __init__(self, missing: tuple[str, ...], step: Bilingual) -> None:
        self.missing = missing
        super().__init__(Msg(N_("The step '{step}' needs more: {missing} (by = who, note = "
                                "why, at = when)."), step=step, missing=", ".join(missing)))


def _checked_time(at: dt.datetime | None) -> dt.datetime:
    """``at`` (default: now) as an aware Berlin time; refused before 1900 or in the future."""
    if at is None:
        return now()
    why = _time_problem(at)
    if why is not None:
        raise WorkflowUsageError(str(why))
    return berlin(at)


def _time_problem(at: dt.datetime) -> Msg | None:
    """Why ``at`` cannot be a recorded time (outside the calendar, before 1900, ahead)."""
    try:
        when = berlin(at)
    except UsageError:
        return Msg(N_("The time {time} lies outside the calendar."), time=moment_both(at))
    if when < EARLIEST:
        return Msg(N_("The time {time} is before 1900 and cannot be right."),
                   time=moment_both(when))
    if when > now() + CLOCK_TOLERANCE:
        return Msg(N_("The time {time} lies in the future. Only what has happened is "
                      "recorded."), time=moment_both(when))
    return None


def _state(flow: Workflow, state: str) -> Bilingual:
    """A state as a clerk names it (its German label), in English by its id."""
    return Bilingual(flow.state_label(state), state)


def _hist(path: str, message: Msg | str) -> Finding:
    de, en = both(message) if isinstance(message, Msg) else (message, message)
    return Finding(code="history", path=path, message=de, message_en=en, level=Level.ERROR)
