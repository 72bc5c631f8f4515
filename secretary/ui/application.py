"""Start the window: QApplication in Swedish, the database opened with clear messages,
the demo offered on an empty database, and a dialog instead of a traceback on any error.

Bad conditions after start-up: the file is checked for damage in the background once the
window is shown (`check_in_background`), with a restore offered if SQLite finds any; a
backup that could not be made is told once (`TellOnce`); a store failure that no window
caught (a full disk, a write-protected file) is shown as its Swedish message, not as an
unexpected error.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from secretary.services import databas, demo
from secretary.services.databas import (
    DamagedDatabaseError,
    DiskFullError,
    FileCheck,
    ReadOnlyError,
    Store,
    StoreError,
    open_store,
)
from secretary.ui.context import AppContext
from secretary.ui.skrap import frys_det_som_finns

if TYPE_CHECKING:
    from secretary.ui.main_window import MainWindow

log = logging.getLogger(__name__)


# Drawn from resources/icon/secretary.svg by scripts/build_resources.py, as is the
# installers' secretary.ico.
ICON = Path(__file__).resolve().parent.parent / "resources" / "secretary.png"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("secretary")
    app.setApplicationName("Secretary")
    # Qt adds this to every window title; the titles say what the window is.
    app.setApplicationDisplayName("Secretary")
    app.setWindowIcon(QIcon(str(ICON)))
    app.setDesktopFileName("secretary")  # Wayland/X11 match the window to secretary.desktop
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    translator = QTranslator(app)
    if translator.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app


def install_excepthook(log_file: Path | None, parent: QWidget | None = None) -> None:
    """An unexpected error shows what to do and where the log is. Every change is already
    committed by the service that made it, so the data entered so far is safe."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, StoreError):
            log.warning("%s", exc, exc_info=(kind, exc, tb))
            QMessageBox.warning(parent, store_error_title(exc), str(exc))
            return
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


def store_error_title(exc: StoreError) -> str:
    if isinstance(exc, DiskFullError):
        return "Disken är full"
    if isinstance(exc, ReadOnlyError):
        return "Kan inte spara"
    if isinstance(exc, DamagedDatabaseError):
        return "Databasfilen är skadad"
    return "Databasen"


def run_gui(db: str | None, log_file: Path | None) -> int:
    app = make_application()
    install_excepthook(log_file)
    tell = TellOnce()
    backup_log = databas.backup_logger()
    backup_log.addHandler(tell)
    try:
        window = open_window(db, log_file)
        if window is None:
            return 1
        checker = check_in_background(window)
        if checker is not None:
            app.aboutToQuit.connect(checker.cancel)
        try:
            return app.exec()
        finally:
            window.ctx.store.close()
    finally:
        backup_log.removeHandler(tell)


def open_window(db: str | None, log_file: Path | None) -> MainWindow | None:
    """The database opened and the main window shown; None when the user was told why not.

    A database that cannot be opened, or that is damaged where the window first reads, is
    explained and a restore offered; the window opens on the restored file."""
    from secretary.ui.main_window import MainWindow

    store: Store | None
    try:
        store = open_store(db)
    except StoreError as exc:
        store = _offer_restore(db, exc)
    if store is None:
        return None
    ctx = AppContext(store=store, settings=QSettings(), log_file=log_file)
    try:
        if demo.is_empty(store) and offer_demo():
            demo.create_demo(store)
        window = MainWindow(ctx)
    except StoreError as exc:
        store.close()
        again = _offer_restore(db, exc)
        if again is None:
            return None
        ctx.store = again
        try:
            window = MainWindow(ctx)
        except StoreError as still:
            again.close()
            QMessageBox.critical(None, "Databasen kan inte öppnas", str(still))
            return None
    window.show()
    frys_det_som_finns()
    return window


class TellOnce(logging.Handler):
    """The first backup that could not be made (logged as a warning by the store) is told to
    the user in a message box, after the action that took it has finished; later ones only go
    to the log. The action itself stood: the change is in the database."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.told: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.told is not None:
            return
        self.told = record.getMessage()
        text = (
            f"{self.told}\n\nDet här sägs bara en gång; om fler säkerhetskopior misslyckas "
            "står det i loggen."
        )
        QTimer.singleShot(
            0, lambda: QMessageBox.warning(None, "Säkerhetskopian kunde inte göras", text)
        )


class _Checker(QObject):
    """Runs `FileCheck` in a thread and hands the answer to the window's thread."""

    found = Signal(list)

    def __init__(self, window: MainWindow, store: Store, path: Path) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.file_check = FileCheck(path)
        self.found.connect(self._found)
        self.worker = threading.Thread(target=self._run, name="secretary-quick-check", daemon=True)

    def cancel(self) -> None:
        self.file_check.cancel()

    def _run(self) -> None:
        try:
            problems = self.file_check.run()
        except Exception:
            log.exception("Kontrollen av databasfilen misslyckades")
            return
        try:
            self.found.emit(problems)
        except RuntimeError:  # the window closed while the check ran
            log.info("Kontrollen av databasfilen blev klar efter att fönstret stängts")

    def _found(self, problems: list[str]) -> None:
        if not problems or self.window.ctx.store is not self.store:
            return  # whole, or the database was already put back from a backup
        log.error("Databasfilen %s är skadad: %s", self.file_check.path, "; ".join(problems[:20]))
        answer = QMessageBox.critical(
            self.window,
            "Databasfilen är skadad",
            f"Kontrollen av databasfilen {self.file_check.path} hittade skadade delar, så "
            "det som finns där kan gå förlorat eller bli fel.\n\n"
            f"SQLite säger: {problems[0]}\n\n"
            "Vill du återställa databasen från en säkerhetskopia nu? Den skadade filen "
            "behålls vid sidan om.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window.restore_backup()


def check_in_background(window: MainWindow) -> _Checker | None:
    """SQLite's quick_check over the whole file, after the window is shown: it reads every
    page (9-17 ms a MB from a cold disk here, seconds for a large file), too slow to wait for
    before the window. When it finds damage the user is offered a restore. None for a
    database server."""
    store = window.ctx.store
    if store.path is None or not store.is_sqlite:
        return None
    checker = _Checker(window, store, store.path)
    checker.worker.start()
    return checker


def _offer_restore(db: str | None, exc: StoreError) -> Store | None:
    """The database cannot be opened: say why, and offer a backup when there is one."""
    from secretary.ui.restore import choose_and_restore

    path = databas.file_of(db)
    if path is None or not exc.backup_helps:
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
