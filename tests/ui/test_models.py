"""The table models pass Qt's model checks and show what the secretary needs to see."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap

from secretary.domain.register import Funktion, Roll
from secretary.services import agenda, register
from secretary.ui.models import AgendaTableModel, MemberTableModel
from tests import builders


def test_member_model(qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Anna Ek", "S", funktion=Funktion.ORDFORANDE, ordning=1)
    builders.member(store, organ_id, "Bo Berg", "M", roll=Roll.ERSATTARE, ordning=1)
    model = MemberTableModel()
    model.set_rows(register.list_members(store, organ_id))
    qtmodeltester.check(model, force_py=True)

    assert model.rowCount() == 2
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == ["Anna Ek", "S", "Ledamot", "Ordförande", "1", ""]
    assert model.headerData(MemberTableModel.FUNKTION, Qt.Orientation.Horizontal) == (
        "Funktion/Titel"
    )
    assert model.member(1).name == "Bo Berg"
    assert model.row_of(model.member(1).membership_id) == 1


def test_agenda_model_marks_an_odd_dnr(qapp, qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    organ_id = builders.organ(store, pattern="KS ÅÅÅÅ/####")
    meeting = builders.meeting(store, organ_id, dt.date(2026, 3, 2))
    agenda.add_arende(store, meeting.id, agenda.ArendeInput("Budget", dnr="KS 2026/0001"))
    agenda.add_arende(store, meeting.id, agenda.ArendeInput("Motion", dnr="2026-12"))
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.yellow)
    model = AgendaTableModel(QIcon(pixmap))
    model.set_rows(agenda.list_arenden(store, meeting.id))
    qtmodeltester.check(model, force_py=True)

    assert [model.index(r, AgendaTableModel.PARAGRAF).data() for r in range(2)] == [
        "§ 1",
        "§ 2",
    ]
    good = model.index(0, AgendaTableModel.DNR)
    odd = model.index(1, AgendaTableModel.DNR)
    assert good.data(Qt.ItemDataRole.DecorationRole) is None
    assert isinstance(odd.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert "följer inte organets mönster" in odd.data(Qt.ItemDataRole.ToolTipRole)


def test_empty_models_pass_checks(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(MemberTableModel(), force_py=True)
    qtmodeltester.check(AgendaTableModel(), force_py=True)


def test_lage_raises_only_the_first_letter_and_names_keep_their_case(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from secretary.ui.session.paragraf.models import FragaRad, OrdningModel

    model = OrdningModel()
    lage = "avgjord: Anders Almqvists (S) avslagsyrkande"
    model.set_rows([FragaRad(1, "Huvudfrågan", lage)])
    qtmodeltester.check(model, force_py=True)
    text = model.index(0, OrdningModel.LAGE).data()
    assert text == "Avgjord: Anders Almqvists (S) avslagsyrkande"
    assert model.index(0, OrdningModel.LAGE).data(Qt.ItemDataRole.ToolTipRole) == text
