"""The justering window's Underskrifter tab driven as the secretary would (issue 12): a
meeting from för justering to justerat by two e-signatures made in the window, the
ordförande's with a certificate file and the justerare's from a PDF signed elsewhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from secretary.domain.arbetsgang import Tillstand
from secretary.reports import signatur
from secretary.services import arbetsgang, lage, underskrift
from secretary.services.versioner import VersionInfo
from secretary.ui.context import AppContext
from secretary.ui.justering.underskrifter import FilDialog
from secretary.ui.justering.window import JusteringWindow
from tests import pki as tpki
from tests.services.justering_helpers import utkast
from tests.ui.helpers import answer_dialogs, answer_questions


def test_from_for_justering_to_justerat_by_two_signatures(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pki = tpki.pki()
    now = dt.datetime.now().replace(microsecond=0)
    ctx.clock = lambda: now
    meeting_id, _, _ = utkast(ctx.store)
    arbetsgang.skicka_for_justering(ctx.store, meeting_id, now - dt.timedelta(minutes=5))
    underskrift.spara_installningar(ctx.store, pki.tillit_pem, "")
    window = JusteringWindow(ctx, meeting_id)
    qtbot.addWidget(window)
    window.show()
    tab = window.underskrifter_tab
    window.tabs.setCurrentWidget(tab)
    answer_questions(monkeypatch, yes=True)
    errors: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _p, _t, m, *_a: errors.append(m) or QMessageBox.StandardButton.Ok),
    )

    assert tab.skicka_button.isVisible()
    tab.skicka()
    assert window.lage.state is Tillstand.FOR_UNDERSKRIFT
    assert "Underskrifter för justering: 0 av 2" in window.next_label.text()
    assert tab.table.rowCount() == 3

    # The ordförande signs with a certificate file.
    p12 = tmp_path / "petra.p12"
    p12.write_bytes(pki.p12(pki.ordforande))

    def fill(d: FilDialog) -> None:
        d.path_edit.setText(str(p12))
        d.password_edit.setText(tpki.LOSEN)

    answer_dialogs(monkeypatch, FilDialog, fill)
    tab.table.selectRow(1)
    tab.signera_fil()
    assert errors == []
    assert tab.table.item(1, 1).text().startswith("Signerat")
    assert "Godkänd, PAdES B-B" in tab.table.item(1, 3).text()
    assert "1 av 2" in window.next_label.text()

    # The justerare signed elsewhere, in the file the window saved for signing.
    sent = underskrift.pdf_for_signering(ctx.store, meeting_id).pdf
    signer = signatur.pkcs12_signer(pki.p12(pki.justerare), tpki.LOSEN)
    back = tmp_path / "tillbaka.pdf"
    back.write_bytes(
        signatur.signera(sent, "Justerare1", signer, namn="Birger Hedlund", roll="Justerare")
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(back), ""))
    )
    tab.importera()
    assert errors == []
    assert lage.lage(ctx.store, meeting_id).state is Tillstand.JUSTERAT
    assert window.lage.state is Tillstand.JUSTERAT
    assert window.anslag_button.isVisible()
    assert "Justerare Birger Hedlund (EP)" in tab.table.item(2, 0).text()
    assert tab.visa_button.isEnabled() and tab.rapport_button.isEnabled()
    window.tabs.setCurrentWidget(tab)
    if Path("/tmp/wt12-shots").is_dir():
        window.grab().save("/tmp/wt12-shots/underskrifter.png")


def _for_underskrift(ctx: AppContext) -> tuple[tpki.Pki, dt.datetime, int, VersionInfo]:
    """A meeting sent for signing, the clock fixed, the test PKI's roots trusted."""
    pki = tpki.pki()
    now = dt.datetime.now().replace(microsecond=0)
    ctx.clock = lambda: now
    meeting_id, _, _ = utkast(ctx.store)
    arbetsgang.skicka_for_justering(ctx.store, meeting_id, now)
    underskrift.spara_installningar(ctx.store, pki.tillit_pem, "")
    return pki, now, meeting_id, underskrift.till_underskrift(ctx.store, meeting_id, now)


def test_a_refused_pdf_is_said_and_nothing_changes(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pki, _, meeting_id, _ = _for_underskrift(ctx)
    window = JusteringWindow(ctx, meeting_id)
    qtbot.addWidget(window)
    shown: list[str] = []

    def warning(_p: Any, _t: str, message: str, *_a: Any) -> QMessageBox.StandardButton:
        shown.append(message)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    sent = underskrift.pdf_for_signering(ctx.store, meeting_id).pdf
    signer = signatur.pkcs12_signer(pki.p12(pki.framling), tpki.LOSEN)
    bad = tmp_path / "främmande.pdf"
    bad.write_bytes(signatur.signera(sent, "Ordforande", signer, namn="x", roll="Ordförande"))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(bad), ""))
    )
    window.underskrifter_tab.importera()
    assert shown and "betrodda utfärdare" in shown[0] and "Ordförande" in shown[0]
    assert window.lage.state is Tillstand.FOR_UNDERSKRIFT
    assert not underskrift.underskrifter(ctx.store, meeting_id).signerad


def test_cancelling_the_signatures_says_what_becomes_of_the_version(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, now, meeting_id, version = _for_underskrift(ctx)
    underskrift.signerat_pa_papper(ctx.store, meeting_id, "Ordforande", now.date(), now)
    window = JusteringWindow(ctx, meeting_id)
    qtbot.addWidget(window)
    tab = window.underskrifter_tab
    asked = answer_questions(monkeypatch, yes=True)

    tab.avbryt()
    assert asked and "blir aldrig det justerade protokollet" in asked[0]
    assert window.lage.state is Tillstand.FOR_JUSTERING
    assert tab.summary.text().startswith(
        f"Underskrifterna av version {version.nummer} avbröts; den versionen blev aldrig det "
        "justerade protokollet men finns kvar i historiken, med underskrifterna av "
        "Ordförande Petra Sandström (L)."
    )
    assert [tab.table.item(i, 1).text() for i in range(3)] == [
        "Avbruten, signerade inte",
        f"Signerat {now.date().isoformat()} på papper",
        "Avbruten, signerade inte",
    ]
    assert not tab.spara_button.isEnabled() and tab.rapport_button.isEnabled()
    rows = {
        window.versions_table.item(i, 0).text(): window.versions_table.item(i, 1).text()
        for i in range(window.versions_table.rowCount())
    }
    assert rows[str(version.nummer)] == "Underskrifterna avbröts (aldrig justerat)"
