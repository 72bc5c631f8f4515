"""The window before the meeting: import a list of ärenden from the diarium, choosing the
columns, then make the kallelse and send it as .eml files."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secretary.services import agenda, arende_import
from secretary.ui.arende_import_dialog import ArendeImportDialog
from secretary.ui.context import AppContext
from secretary.ui.documents.preview import PreviewDialog
from secretary.ui.main_window import MainWindow
from secretary.ui.navigator import MEETING
from tests import builders
from tests.ui.helpers import choose

LIST = (
    "Ärendenr;Ärendets titel;Ansvarig;Status\r\n"
    "KS 2026/0001;Budget 2027 för Älvsbyn;Eva Ek;Pågår\r\n"
    "KS 2026/0002;;Olof Lind;Pågår\r\n"
    "KS 2026/0003;Motion om cykelvägar;Olof Lind;Pågår\r\n"
)


@pytest.fixture
def meeting(ctx: AppContext) -> int:
    organ = builders.organ(ctx.store)
    builders.member(ctx.store, organ, "Petra Sandström", "L", ordning=1)
    return builders.meeting(ctx.store, organ, dt.date(2026, 4, 10)).id


def test_import_a_list_choosing_the_columns_then_make_the_kallelse(
    qtbot: QtBot,
    ctx: AppContext,
    meeting: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda _p, _t, text, *_a: shown.append(text))
        )
    path = tmp_path / "platina.csv"
    path.write_bytes(LIST.encode("cp1252"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    choose(window, MEETING, meeting)

    dialog = window.agenda_page.import_arenden()
    assert isinstance(dialog, ArendeImportDialog)
    qtbot.addWidget(dialog)
    ModelTester(None).check(dialog.model)  # type: ignore[no-untyped-call]
    dialog.set_path(path)
    # "Ärendets titel" is no usual name for a rubrik: the secretary says which column it is.
    assert dialog.preview is not None and dialog.preview.problems
    assert not dialog.import_button.isEnabled()
    assert "Välj vilken kolumn som är Rubrik" in dialog.ui.summaryLabel.text()
    dialog.choose_column("rubrik", "Ärendets titel")
    dialog.choose_column("dnr", "Ärendenr")
    dialog.choose_column("handlaggare", "Ansvarig")
    assert dialog.model.rowCount() == 3
    assert dialog.model.index(1, dialog.model.FEL).data() == "Rubrik saknas."
    assert not dialog.import_button.isEnabled()

    path.write_bytes(LIST.replace(";;Olof", ";Taxor 2027;Olof").encode("cp1252"))
    dialog.set_path(path)  # read again with the columns chosen
    assert dialog.ui.summaryLabel.text().startswith("3 rader: 3 nya.")
    assert dialog.import_button.isEnabled()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.resultat is not None and dialog.resultat.new == 3
    assert [a.rubrik for a in agenda.list_arenden(ctx.store, meeting)] == [
        "Budget 2027 för Älvsbyn",
        "Taxor 2027",
        "Motion om cykelvägar",
    ]
    assert window.agenda_page.model.rowCount() == 3
    organ = agenda.get_meeting(ctx.store, meeting).organ_id
    assert arende_import.sparade_kolumner(ctx.store, organ)["rubrik"] == "Ärendets titel"

    preview = window.documents.kallelse()
    assert isinstance(preview, PreviewDialog)
    qtbot.addWidget(preview)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.doc.pdf)).pages)
    assert "Kallelse till Kommunstyrelsen" in text and "§ 2 Taxor 2027" in " ".join(text.split())
    preview.close()

    out = tmp_path / "utskick"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(out)))
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("kansliet@kommun.example", True))
    )
    files = window.documents.skicka_kallelse()
    # Petra has no address in the register: nothing to write, and the message says so.
    assert files == []
    assert shown[-1].startswith("Kallelse Kommunstyrelsen 2026-04-10 är registrerad som skickad.")
    assert (
        "Saknar e-postadress i registret (skicka på annat sätt): Petra Sandström (L)" in shown[-1]
    )


def test_delegationsbeslut_are_read_into_the_selected_paragraf_with_errors_shown_first(
    qtbot: QtBot, ctx: AppContext, meeting: int, tmp_path: Path
) -> None:
    from secretary.ui.delegation_import_dialog import DelegationImportDialog

    arende = agenda.add_arende(
        ctx.store, meeting, agenda.ArendeInput("Anmälan av delegationsbeslut")
    )
    bad = tmp_path / "fel.csv"
    bad.write_bytes(
        "Dnr;Beslut;Datum;Delegat\r\nKS 2026/0100;;den 3 mars;Eva Ek\r\n".encode("cp1252")
    )
    good = tmp_path / "delegation.csv"
    good.write_bytes(
        "Dnr;Beslut;Datum;Delegat\r\n"
        "KS 2026/0100;Yttrande över remiss om kollektivtrafik;2026-03-02;Eva Ek\r\n"
        ";Tillförordnad kommundirektör under påsken;2026-03-20;Ordföranden\r\n".encode("cp1252")
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    choose(window, MEETING, meeting)
    page = window.agenda_page
    page.view.setCurrentIndex(page.model.index(page.model.row_of(arende.id), 0))
    assert page.delegation_action.isEnabled()
    dialog = page.import_delegationsbeslut()
    assert isinstance(dialog, DelegationImportDialog)
    qtbot.addWidget(dialog)
    dialog.set_path(bad)
    assert not dialog.import_button.isEnabled()
    assert "Beslut saknas." in dialog.model.data(dialog.model.index(0, dialog.model.FEL))
    dialog.set_path(good)
    assert dialog.import_button.isEnabled() and dialog.model.rowCount() == 2
    dialog.import_button.click()
    rows = [a for a in agenda.list_arenden(ctx.store, meeting) if a.id == arende.id]
    assert len(rows[0].delegationsbeslut) == 2
    assert "Yttrande över remiss om kollektivtrafik" in rows[0].delegationsbeslut[0]
