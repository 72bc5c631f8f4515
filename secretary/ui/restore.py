"""'Återställ från säkerhetskopia': choose one of the database's backups and put it back.

Used from the Arkiv menu and when the database cannot be opened at start. The current file
is kept as a backup of its own first, so a restore can itself be undone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from secretary.services import databas
from secretary.services.databas import BackupFile, StoreError

REASONS = {
    "före-uppgradering": "före uppgradering",
    "sammanträde-öppnat": "sammanträdet öppnades",
    "sammanträde-avslutat": "sammanträdet avslutades",
    "före-återställning": "före en återställning",
}


def label(backup: BackupFile) -> str:
    reason = REASONS.get(backup.reason, backup.reason)
    return f"{backup.taken:%Y-%m-%d %H.%M.%S} – {reason}"


def choose_and_restore(parent: QWidget | None, db_path: Path) -> bool:
    """Ask which backup, confirm, restore. True when the file was replaced.
    The caller must have closed the database."""
    backups = databas.backups(db_path)
    if not backups:
        QMessageBox.information(
            parent, "Återställ", f"Det finns inga säkerhetskopior av {db_path.name} ännu."
        )
        return False
    labels = [label(b) for b in backups]
    chosen, ok = QInputDialog.getItem(
        parent,
        "Återställ från säkerhetskopia",
        "Välj säkerhetskopia (nyaste först):",
        labels,
        0,
        False,
    )
    if not ok:
        return False
    backup = backups[labels.index(chosen)]
    answer = QMessageBox.question(
        parent,
        "Återställ",
        f"Ersätta databasen med säkerhetskopian från {label(backup)}?\n\n"
        "Det som ändrats sedan dess finns kvar i en egen säkerhetskopia "
        "(”före en återställning”), så återställningen kan göras ogjord.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        databas.restore(backup, db_path)
    except StoreError as exc:
        QMessageBox.critical(parent, "Återställ", str(exc))
        return False
    return True
