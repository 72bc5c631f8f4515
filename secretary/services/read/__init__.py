"""The one door for reading inside a unit of work.

`Reads` wraps an open session and composes what the use cases read: a meeting and its first
§ number, the sitting state (the attendance timeline, built once per meeting), the § views,
settings. Each is read on first use and kept for the rest of the unit of work, so an action
that needs the state of every § (the protocol, the checklist) reads each thing once. A write
tells `Reads` what it changed (`wrote`), and what depends on it is read again.

Every use case opens exactly one unit of work and builds on `Reads`, never on another use
case; the functions here take no Store.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from secretary.services.read import agenda as _agenda
from secretary.services.read import paragraf as _paragraf
from secretary.services.read import sittning as _sittning
from secretary.store.models import Arende, Meeting, Setting


class Reads:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._first: dict[int, int] = {}
        self._states: dict[int, _sittning.SessionState] = {}
        self._vyer: dict[int, _paragraf.ParagrafVy] = {}
        # The stored rows behind each § view, held here so the session's identity map keeps
        # them (it holds rows only weakly): a write then changes these very objects, and the
        # view after it is built again without reading what the write did not add or remove.
        self._rader: dict[int, _paragraf.ParagrafRader] = {}
        self._added_or_removed: set[int] = set()  # §§ whose rows a flush added or deleted
        self._settings: dict[str, str] = {}
        event.listen(session, "after_flush", self._flushed)

    # --- rows ------------------------------------------------------------------------------

    def meeting(self, meeting_id: int) -> Meeting:
        return _agenda.get_meeting_row(self.session, meeting_id)

    def arende(self, arende_id: int) -> Arende:
        return _agenda.get_arende_row(self.session, arende_id)

    def setting(self, key: str) -> str:
        if key not in self._settings:
            row = self.session.get(Setting, key)
            self._settings[key] = row.value.strip() if row is not None else ""
        return self._settings[key]

    # --- derived, kept for the unit of work ------------------------------------------------

    def first_paragraf(self, meeting: Meeting) -> int:
        if meeting.id not in self._first:
            self._first[meeting.id] = _agenda.first_paragraf(self.session, meeting)
        return self._first[meeting.id]

    def meeting_data(self, meeting: Meeting) -> _agenda.MeetingData:
        return _agenda.meeting_data(meeting, self.first_paragraf(meeting))

    def arenden(self, meeting: Meeting) -> list[_agenda.ArendeData]:
        first = self.first_paragraf(meeting)
        pattern = meeting.organ.dnr_pattern
        return [_agenda.arende_data(a, first, pattern) for a in meeting.arenden]

    def state(self, meeting: Meeting) -> _sittning.SessionState:
        """The sitting state: the timeline is built here, once per meeting."""
        if meeting.id not in self._states:
            self._states[meeting.id] = _sittning.build_state(
                self.session, meeting, self.first_paragraf(meeting)
            )
        return self._states[meeting.id]

    def vy(self, arende: Arende) -> _paragraf.ParagrafVy:
        if arende.id not in self._vyer:
            self._load_vyer(arende.meeting, [arende])
        return self._vyer[arende.id]

    def vyer(self, meeting: Meeting) -> list[_paragraf.ParagrafVy]:
        """The view of every § of the meeting, in agenda order, from one read per table."""
        missing = [a for a in meeting.arenden if a.id not in self._vyer]
        if missing:
            self._load_vyer(meeting, missing)
        return [self._vyer[a.id] for a in meeting.arenden]

    def _load_vyer(self, meeting: Meeting, arenden: Iterable[Arende]) -> None:
        wanted = list(arenden)
        state = self.state(meeting)
        organ = _paragraf.benamning(meeting.organ)
        unread = [a.id for a in wanted if a.id not in self._rader]
        self._rader.update(_paragraf.paragraf_rader(self.session, unread))
        for a in wanted:
            self._vyer[a.id] = _paragraf.build_vy(a, state, self._rader[a.id], organ)

    def _flushed(self, session: Session, _flush: UOWTransaction) -> None:
        for obj in (*session.new, *session.deleted):
            arende_id = getattr(obj, "arende_id", None)
            if isinstance(arende_id, int):
                self._added_or_removed.add(arende_id)

    # --- after a write ---------------------------------------------------------------------

    def wrote(
        self,
        *,
        meeting_id: int | None = None,
        state: _sittning.SessionState | None = None,
        arende_id: int | None = None,
        agenda: bool = False,
    ) -> None:
        """What a write changed: `state` is the sitting state after it, when the write knows
        it (an attendance event: the timeline derived again without reading); `arende_id` a
        §'s own rows; `agenda` the ärenden or their order (every § number may move)."""
        self.session.flush()
        if agenda:
            self._first.clear()
            self._states.clear()
            self._vyer.clear()
            self._rader.clear()
            return
        if state is not None:
            self._states[state.meeting_id] = state
            self._vyer = {k: v for k, v in self._vyer.items() if v.meeting_id != state.meeting_id}
        elif meeting_id is not None:
            self._states.pop(meeting_id, None)
            self._vyer = {k: v for k, v in self._vyer.items() if v.meeting_id != meeting_id}
        if arende_id is not None:
            self._vyer.pop(arende_id, None)
            rader = self._rader.get(arende_id)
            if (
                arende_id in self._added_or_removed
                or rader is None
                or rader.beslut not in self.session  # the § had no record until this write
            ):
                self._rader.pop(arende_id, None)
            self._added_or_removed.discard(arende_id)
