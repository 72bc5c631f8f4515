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
from secretary.services.read import minne as _minne
from secretary.services.read import paragraf as _paragraf
from secretary.services.read import sittning as _sittning
from secretary.store import andringar
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
        # Per meeting whose state is kept: the change numbers it was read at (None: read
        # after this unit of work changed it, so not to be kept), and how many of the unit
        # of work's changes it includes (services.read.minne).
        self._nycklar: dict[int, _minne.Nyckel | None] = {}
        self._som_av: dict[int, int] = {}
        event.listen(session, "after_flush", self._flushed)
        andringar.efter_commit(session, self._committed)

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
        """The sitting state: the timeline is built here, once per meeting, or taken from
        the previous unit of work when nothing it was made from has changed since."""
        if meeting.id in self._states:
            return self._states[meeting.id]
        self.session.flush()
        changes = andringar.andringar(self.session)
        first = self.first_paragraf(meeting)
        key: _minne.Nyckel | None = None
        register = andringar.registernummer(self.session)
        if register is not None and not _minne.beror(changes, meeting.id):
            key = (meeting.andringsnummer, register, first)
        kept = _minne.minne(self.session).get(meeting.id, key) if key is not None else None
        state = kept or _sittning.build_state(self.session, meeting, first)
        if key is not None and kept is None:
            _minne.minne(self.session).put(meeting.id, key, state)
        self._states[meeting.id] = state
        self._nycklar[meeting.id] = key
        self._som_av[meeting.id] = len(changes)
        return state

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
        organ = state.organ_benamning
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
            self._som_av[state.meeting_id] = len(andringar.andringar(self.session))
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

    # --- after the commit ------------------------------------------------------------------

    def _committed(self, session: Session) -> None:
        """Keep the states this unit of work knows to be the stored ones now, with the change
        numbers its commit raised (services.read.minne)."""
        raised = andringar.nummer_efter_commit(session)
        if raised is None:
            return  # nothing changed: what was read is kept already
        changes = andringar.andringar(session)
        for meeting_id, state in self._states.items():
            key = self._nycklar.get(meeting_id)
            if key is None or not _minne.harledbara(changes, meeting_id):
                continue
            if _minne.beror(changes[self._som_av[meeting_id] :], meeting_id):
                continue  # changed after the state was given
            number = raised.moten.get(meeting_id)
            if number is not None and number != key[0] + 1:
                continue  # another connection changed the meeting meanwhile
            after = (key[0] if number is None else number, key[1], key[2])
            _minne.minne(session).put(meeting_id, after, state)
