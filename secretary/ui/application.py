"""Start the window: QApplication in Swedish, the database opened with clear messages,
the demo offered on an empty database, and a dialog instead of a traceback on any error."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from secretary.services import demo
from secretary.store.database import Store, open_store
from secretary.store.errors import StoreError
from secretary.ui.context import AppContext

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("secretary")
    app.setApplicationName("Secretary")
    app.setApplicationDisplayName("Secretary – protokoll")
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    translator = QTranslator(app)
    if translator.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app


def install_excepthook(log_file: Path | None, parent: QWidget | None = None) -> None:
    """An unexpected error shows what to do and where the log is. Every change is already
    committed by the service that made it, so the data entered so far is safe."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("Oväntat fel:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        where = f"\n\nLoggen finns i {log_file}." if log_file else ""
        QMessageBox.critical(
            parent,
            "Oväntat fel",
            "Ett oväntat fel inträffade. Allt du har sparat finns kvar i databasen.\n\n"
            f"Felet: {exc}\n\nFortsätt arbeta; om felet återkommer, starta om programmet "
            f"och skicka loggen till support.{where}",
        )

    sys.excepthook = hook


def run_gui(db: str | None, log_file: Path | None) -> int:
    app = make_application()
    install_excepthook(log_file)
    try:
        store = open_store(db)
    except StoreError as exc:
        store = _offer_restore(db, exc)
        if store is None:
            return 1
    ctx = AppContext(store=store, settings=QSettings(), log_file=log_file)
    if demo.is_empty(store) and offer_demo():
        demo.create_demo(store)
    from secretary.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()


def _offer_restore(db: str | None, exc: StoreError) -> Store | None:
    """The database cannot be opened: say why, and offer a backup when there is one."""
    from secretary.store.database import resolve_url
    from secretary.store.errors import DatabaseInUseError
    from secretary.ui.restore import choose_and_restore

    _, path = resolve_url(db)
    if path is None or isinstance(exc, DatabaseInUseError):
        QMessageBox.critical(None, "Databasen kan inte öppnas", str(exc))
        return None
    answer = QMessageBox.critical(
        None,
        "Databasen kan inte öppnas",
        f"{exc}\n\nVill du återställa databasen från en säkerhetskopia?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes or not choose_and_restore(None, path):
        return None
    try:
        return open_store(db)
    except StoreError as again:
        QMessageBox.critical(None, "Databasen kan inte öppnas", str(again))
        return None


def offer_demo() -> bool:
    answer = QMessageBox.question(
        None,
        "Tom databas",
        "Databasen är tom. Vill du skapa ett exempel – Exempelstads kommunstyrelses "
        "arbetsutskott med ledamöter, ersättare och ett sammanträde – att prova med?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
