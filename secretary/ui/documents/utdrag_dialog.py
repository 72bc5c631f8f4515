"""Protokollsutdrag: tick the §§ for one utdrag to preview, or write one utdrag per recipient
under "Expedieras till" into a folder; once the meeting is justerat, issue it as a bestyrkt
utdrag for its bestyrkare to sign, and follow the bestyrkta utdrag below (issue 12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.narvaro_text import paragrafer_text
from secretary.services import bestyrkande, dokument
from secretary.services.bestyrkande import BestyrkandeInfo, Slag, Utfardande
from secretary.services.dokument import Utdragsunderlag
from secretary.services.errors import ServiceError
from secretary.ui.common import from_qdate, to_qdate
from secretary.ui.context import AppContext
from secretary.ui.documents.bestyrkanden import BestyrkandenPanel
from secretary.ui.documents.files import (
    FOLDER_KEY,
    Dokument,
    fel_text,
    folder,
    write_whole,
)
from secretary.ui.documents.preview import busy, guarded

SETTINGS_KEY = "windows/utdrag"


T = TypeVar("T")


class UtdragDialog(QDialog):
    preview_requested = Signal(object)  # Dokument

    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        underlag: Utdragsunderlag,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.underlag = underlag
        start = self.start = underlag.start
        self.setWindowTitle(f"Protokollsutdrag – {start}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.list = QListWidget()
        for p in underlag.paragrafer:
            item = QListWidgetItem(f"§ {p.paragraf}   {p.rubrik}")
            item.setData(Qt.ItemDataRole.UserRole, p.paragraf)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if p.expedieras_till:
                item.setToolTip("Expedieras till: " + ", ".join(p.expedieras_till))
            self.list.addItem(item)
        if self.list.count():
            self.list.item(0).setCheckState(Qt.CheckState.Checked)
        all_button = QPushButton("Markera alla")
        all_button.clicked.connect(lambda: self.set_all(True))
        none_button = QPushButton("Avmarkera alla")
        none_button.clicked.connect(lambda: self.set_all(False))
        for b in (all_button, none_button):
            b.setAutoDefault(False)

        self.utkast_box = QCheckBox("Utkast (UTKAST på varje sida, inget signaturfält)")
        self.datum_box = QCheckBox("Datera intyget")
        self.datum_edit = QDateEdit(to_qdate(ctx.clock().date()))
        self.datum_edit.setCalendarPopup(True)
        self.datum_edit.setDisplayFormat("yyyy-MM-dd")
        self.datum_edit.setEnabled(False)
        self.datum_box.toggled.connect(self.datum_edit.setEnabled)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.preview_button = QPushButton("Förhandsgranska utdraget…")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.batch_button = QPushButton("Ett utdrag per mottagare…")
        self.batch_button.setToolTip(
            "Skriv ett utdrag till varje mottagare under ”Expedieras till” i de markerade "
            "paragraferna, med just de paragrafer som skickas till mottagaren"
        )
        self.batch_button.clicked.connect(self.save_per_mottagare)
        close_button = QPushButton("Stäng")
        close_button.clicked.connect(self.close)
        for b in (self.batch_button, close_button):
            b.setAutoDefault(False)

        try:
            self.utfardande = bestyrkande.utfardande(ctx.store, meeting_id)
        except ServiceError:
            self.utfardande = Utfardande(None, "")
        self.bestyrkt_box = QGroupBox("Bestyrkt utdrag för underskrift")
        self.bestyrkare_edit = QLineEdit(self.utfardande.sekreterare)
        self.bestyrkare_edit.setAccessibleName("Bestyrkare")
        self.bestyrkare_edit.setPlaceholderText("Namnet under ”Rätt utdraget intygar”")
        bestyrkare_label = QLabel("&Bestyrkare:")
        bestyrkare_label.setBuddy(self.bestyrkare_edit)
        self.per_mottagare_box = QCheckBox("Ett per &mottagare")
        self.utfarda_button = QPushButton("&Utfärda för underskrift")
        self.utfarda_button.setAutoDefault(False)
        self.utfarda_button.setToolTip(
            "Spara utdraget som det ser ut nu, med bestyrkarens signaturfält, och låt "
            "bestyrkaren skriva under på papper eller digitalt"
        )
        self.utfarda_button.clicked.connect(self.utfarda)
        self.utfarda_hint = QLabel()
        self.utfarda_hint.setWordWrap(True)
        self.panel = BestyrkandenPanel(ctx, meeting_id, Slag.UTDRAG)
        issue_row = QHBoxLayout()
        issue_row.addWidget(bestyrkare_label)
        issue_row.addWidget(self.bestyrkare_edit, 1)
        issue_row.addWidget(self.per_mottagare_box)
        issue_row.addWidget(self.utfarda_button)
        box = QVBoxLayout(self.bestyrkt_box)
        box.addLayout(issue_row)
        box.addWidget(self.utfarda_hint)
        box.addWidget(self.panel, 1)
        justerat = self.utfardande.justerat
        self.bestyrkare_edit.setEnabled(justerat is not None)
        self.per_mottagare_box.setEnabled(justerat is not None)
        self.utfarda_hint.setText(
            f"Protokollet justerades {justerat.isoformat()}. Utdraget sparas som det ser ut "
            "nu och väntar på bestyrkarens underskrift."
            if justerat is not None
            else "Ett bestyrkt utdrag kan utfärdas när protokollet är justerat."
        )
        if justerat is not None:
            self.datum_edit.setMinimumDate(to_qdate(justerat))

        marks = QHBoxLayout()
        marks.addWidget(all_button)
        marks.addWidget(none_button)
        marks.addStretch(1)
        dating = QHBoxLayout()
        dating.addWidget(self.datum_box)
        dating.addWidget(self.datum_edit)
        dating.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.batch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Paragrafer i utdraget:"))
        layout.addWidget(self.list, 1)
        layout.addLayout(marks)
        layout.addWidget(self.utkast_box)
        layout.addLayout(dating)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.bestyrkt_box, 1)
        self.resize(760, 720)
        self.list.itemChanged.connect(self._update)
        self.list.itemActivated.connect(self._toggle)
        self._update()

    # --- choice ----------------------------------------------------------------------

    def chosen(self) -> list[int]:
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_chosen(self, numbers: set[int]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            wanted = int(item.data(Qt.ItemDataRole.UserRole)) in numbers
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def set_all(self, checked: bool) -> None:
        self.set_chosen({p.paragraf for p in self.underlag.paragrafer} if checked else set())

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _update(self) -> None:
        chosen = self.chosen()
        recipients = self.underlag.mottagare(chosen)
        self.preview_button.setEnabled(bool(chosen))
        self.batch_button.setEnabled(bool(recipients))
        self.utfarda_button.setEnabled(bool(chosen) and self.utfardande.justerat is not None)
        if not chosen:
            self.summary.setText("Markera minst en paragraf.")
        elif not recipients:
            self.summary.setText(
                f"Utdraget omfattar {paragrafer_text(chosen)}. "
                "De markerade paragraferna har inga mottagare under ”Expedieras till”."
            )
        else:
            names = ", ".join(recipients)
            self.summary.setText(
                f"Utdraget omfattar {paragrafer_text(chosen)}. "
                f"Ett utdrag per mottagare ger {len(recipients)} filer: {names}."
            )

    # --- documents --------------------------------------------------------------------

    def _intygas(self) -> dt.date | None:
        return from_qdate(self.datum_edit.date()) if self.datum_box.isChecked() else None

    def _made(self, make: Callable[..., T], title: str) -> T | None:
        """The document(s) for the marked §§, or None with the refusal said."""
        try:
            with busy():
                return make(
                    self.ctx.store,
                    self.meeting_id,
                    self.chosen(),
                    intygas=self._intygas(),
                    utkast=self.utkast_box.isChecked(),
                )
        except ServiceError as exc:
            QMessageBox.warning(self, title, str(exc))
            return None

    def make_utdrag(self) -> Dokument | None:
        return self._made(dokument.utdrag, "Utdraget kan inte skapas")

    def preview(self) -> None:
        if self.chosen():
            doc = self.make_utdrag()
            if doc is not None:
                self.preview_requested.emit(doc)

    def per_mottagare(self) -> dict[str, Dokument]:
        """Recipient -> its utdrag, with exactly the marked §§ sent to it."""
        return self._made(dokument.utdrag_per_mottagare, "Utdragen kan inte skapas") or {}

    def save_per_mottagare(self) -> list[Path]:
        """Ask for a folder and write one file per recipient; says how many were written."""
        chosen = QFileDialog.getExistingDirectory(
            self, "Välj mapp för utdragen", str(folder(self.ctx.settings))
        )
        if not chosen:
            return []
        target = Path(chosen)
        docs = self.per_mottagare()
        if not docs:
            return []
        existing = [d.filnamn for d in docs.values() if (target / d.filnamn).exists()]
        if existing:
            answer = QMessageBox.question(
                self,
                "Ersätta filer?",
                f"{len(existing)} av filerna finns redan i mappen {target}:\n"
                + "\n".join(existing[:8])
                + ("\n…" if len(existing) > 8 else "")
                + "\n\nErsätta dem?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return []
        written: list[Path] = []
        for doc in docs.values():
            path = target / doc.filnamn
            try:
                write_whole(path, doc.pdf)
            except OSError as exc:
                done = f"{len(written)} av {len(docs)} utdrag skrevs innan felet.\n\n"
                QMessageBox.warning(self, "Kunde inte spara utdragen", done + fel_text(exc, path))
                return written
            written.append(path)
        self.ctx.settings.setValue(FOLDER_KEY, str(target))
        QMessageBox.information(
            self,
            "Utdragen sparade",
            f"{len(written)} utdrag skrevs till mappen {target}:\n\n"
            + "\n".join(p.name for p in written),
        )
        return written

    def utfarda(self) -> list[BestyrkandeInfo]:
        """Issue the marked §§ as a bestyrkt utdrag (or one per recipient) for signing."""
        chosen = self.chosen()
        if not chosen:
            return []
        namn = self.bestyrkare_edit.text()
        per = self.per_mottagare_box.isChecked()
        intygas = self._intygas()
        done, issued = guarded(
            self,
            "Utdraget kan inte utfärdas",
            lambda: bestyrkande.utfarda_utdrag(
                self.ctx.store,
                self.meeting_id,
                chosen,
                self.ctx.clock(),
                bestyrkare=namn,
                intygas=intygas,
                per_mottagare=per,
            ),
        )
        if not done or not issued:
            return []
        self.panel.refresh(issued[-1].nummer)
        self.ctx.changes.changed.emit("meetings")
        what = issued[0].text if len(issued) == 1 else f"{len(issued)} bestyrkta utdrag"
        self.utfarda_hint.setText(
            f"{what} utfärdat för underskrift av {issued[0].signatar.namn}. Välj i listan hur "
            "det signeras."
        )
        self.panel.table.setFocus()
        return issued
