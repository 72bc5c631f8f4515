"""`secretary --self-test`: prove that an installation works, without touching the user's data.

It opens a temporary database (the migrations run), creates the demo, renders the final
protocol (PDF/A-2a with signature fields) as the Dokument menu does, loads the PostgreSQL
driver, then starts Qt, loads the Swedish Qt translation, builds the main window and draws
page 1 of the protocol as the preview does. Each check prints one Swedish line; any failure
prints what failed (and the traceback on stderr) and the exit code is 1, else 0.

Made for the installer bundles (installer/): a missing data file, native library or Qt plugin
shows up here instead of on a secretary's desk. Qt is imported only for the Qt checks, so the
database and PDF checks still report when Qt itself is broken.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secretary import __version__

# What the final protocol of the demo meeting must at least have.
MIN_SIDOR = 2


@dataclass
class Lage:
    """What the checks hand on to each other."""

    katalog: Path
    store: Any = None
    meeting_id: int | None = None
    pdf: bytes | None = None
    app: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


class Kontrollfel(Exception):
    """A check found something wrong; the text says what, in Swedish."""


def _databas(lage: Lage) -> str:
    from secretary.store.database import open_store
    from secretary.store.migrate import newest_file_revision

    lage.store = open_store(lage.katalog / "selftest.sqlite")
    return f"tillfällig SQLite-databas skapad, schemat migrerat till {newest_file_revision()}"


def _exempeldata(lage: Lage) -> str:
    from secretary.services import agenda, demo

    text = demo.create_demo(lage.store)
    meetings = [m for o in _organ_ids(lage) for m in agenda.list_meetings(lage.store, o)]
    if not meetings:
        raise Kontrollfel("demon skapade inget sammanträde")
    lage.meeting_id = meetings[0].id
    return text.removeprefix("Demo skapad: ")


def _organ_ids(lage: Lage) -> list[int]:
    from secretary.services import register

    return [o.id for o in register.list_organs(lage.store)]


def _protokoll(lage: Lage) -> str:
    import pikepdf

    from secretary.services import dokument

    assert lage.meeting_id is not None
    pdf = dokument.protokoll(lage.store, lage.meeting_id).pdf
    if not pdf.startswith(b"%PDF-"):
        raise Kontrollfel("resultatet är ingen PDF")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        sidor = len(doc.pages)
        pdfa = doc.open_metadata().pdfa_status
        acroform = doc.Root.get("/AcroForm")
        falt = len(acroform.get("/Fields", [])) if acroform is not None else 0
    if sidor < MIN_SIDOR:
        raise Kontrollfel(f"protokollet har bara {sidor} sidor")
    if pdfa != "2A":  # tagged since issue 14 (reports/arkiv.py)
        raise Kontrollfel(f"protokollet är inte PDF/A-2a (XMP säger {pdfa or 'inget'})")
    if falt == 0:
        raise Kontrollfel("protokollet saknar signaturfält")
    lage.pdf = pdf
    return f"PDF/A-{pdfa.lower()}, {sidor} sidor, {falt} signaturfält, {len(pdf) // 1024} kB"


def _postgresql(lage: Lage) -> str:
    import psycopg
    from sqlalchemy import create_engine

    # Loads the dialect and the driver without connecting to anything.
    engine = create_engine("postgresql+psycopg://självtest@localhost/självtest")
    engine.dispose()
    impl = psycopg.pq.__impl__
    if impl == "python":
        # The pure-Python fallback needs a libpq on the machine, which Windows does not have.
        raise Kontrollfel("psycopg hittar inte sin inbyggda libpq (psycopg-binary saknas)")
    libpq = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({impl}), libpq {libpq // 10000}.{libpq % 10000}"


def _qt(lage: Lage) -> str:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    from secretary.ui.application import make_application
    from secretary.ui.context import AppContext

    lage.app = make_application([sys.argv[0] if sys.argv else "secretary"])
    avbryt = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if avbryt != "Avbryt":
        raise Kontrollfel(f"Qt:s svenska översättning (qtbase_sv) laddades inte: {avbryt!r}")
    from secretary.ui.main_window import MainWindow

    # The user's own settings are left alone: an ini file in the temporary directory.
    settings = QSettings(str(lage.katalog / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store=lage.store, settings=settings)
    window = MainWindow(ctx)
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()
    familjer = len(QFontDatabase.families())
    return (
        f"plattform {QGuiApplication.platformName()}, svensk översättning laddad, "
        f"huvudfönstret skapat, {familjer} typsnittsfamiljer"
    )


def _forhandsvisning(lage: Lage) -> str:
    from secretary.ui.documents.render import PdfPages, available

    if not available():
        raise Kontrollfel("pypdfium2 saknas: förhandsvisningen kan inte rita sidor")
    assert lage.pdf is not None
    pages = PdfPages(lage.pdf)
    image = pages.image(0, 1.0)
    if image.isNull() or image.width() < 100:
        raise Kontrollfel("sida 1 kunde inte ritas")
    return f"sida 1 av {len(pages)} ritad ({image.width()}×{image.height()} bildpunkter)"


@dataclass(frozen=True)
class Kontroll:
    namn: str
    gor: Callable[[Lage], str]
    kraver: tuple[str, ...] = ()


KONTROLLER = (
    Kontroll("Databas", _databas),
    Kontroll("Exempeldata", _exempeldata, ("Databas",)),
    Kontroll("Protokoll", _protokoll, ("Exempeldata",)),
    Kontroll("PostgreSQL-drivrutin", _postgresql),
    Kontroll("Qt", _qt, ("Databas",)),
    Kontroll("Förhandsvisning", _forhandsvisning, ("Protokoll", "Qt")),
)


def _sekunder(s: float) -> str:
    return f"{s:.1f}".replace(".", ",") + " s"


def _skriv(text: str, *, fel: bool = False) -> None:
    # A windowed Windows build has no console: sys.stdout is None there and print() is a
    # no-op; the exit code still tells (installer/windows uses secretary-cli.exe for this).
    print(text, file=sys.stderr if fel else sys.stdout, flush=True)


def _headless_linux() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def run() -> int:
    """Run every check; 0 if all passed, 1 if any failed."""
    if sys.stderr is not None and not faulthandler.is_enabled():
        # A crash in a native library (Qt, pdfium, qpdf) then still prints where it was.
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            faulthandler.enable()
    if _headless_linux():
        # Without a display Qt's xcb plugin would abort the process before any message.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    frozen = " (paketerad)" if getattr(sys, "frozen", False) else ""
    _skriv(f"Självtest av Secretary {__version__}{frozen}, Python {sys.version.split()[0]}")
    start = time.perf_counter()
    klara: set[str] = set()
    misslyckade: list[str] = []
    with tempfile.TemporaryDirectory(
        prefix="secretary-selftest-", ignore_cleanup_errors=True
    ) as katalog:
        lage = Lage(Path(katalog))
        try:
            for k in KONTROLLER:
                saknas = [n for n in k.kraver if n not in klara]
                if saknas:
                    _skriv(f"  --   {k.namn}: hoppades över (kräver {', '.join(saknas)})")
                    misslyckade.append(k.namn)
                    continue
                t0 = time.perf_counter()
                try:
                    text = k.gor(lage)
                except Exception as exc:
                    misslyckade.append(k.namn)
                    orsak = str(exc) if isinstance(exc, Kontrollfel) else repr(exc)
                    _skriv(f"  FEL  {k.namn}: {orsak}")
                    if not isinstance(exc, Kontrollfel):
                        _skriv(traceback.format_exc(), fel=True)
                    continue
                klara.add(k.namn)
                _skriv(f"  ok   {k.namn}: {text} ({_sekunder(time.perf_counter() - t0)})")
        finally:
            if lage.store is not None:
                lage.store.close()
    tid = _sekunder(time.perf_counter() - start)
    if misslyckade:
        _skriv(
            f"Självtestet misslyckades: {len(misslyckade)} av {len(KONTROLLER)} kontroller "
            f"({', '.join(misslyckade)}) på {tid}."
        )
        return 1
    _skriv(f"Självtestet lyckades: alla {len(KONTROLLER)} kontroller på {tid}.")
    return 0
