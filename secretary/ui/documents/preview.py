"""The preview: the pages of a PDF one under another, zoom, "Sida N (M)", and buttons to
save, print, or open the file in the system's PDF viewer."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QSettings, Qt, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QImage,
    QKeySequence,
    QPageSize,
    QPainter,
    QPaintEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from secretary.services.errors import ServiceError
from secretary.ui.common import restore_geometry, save_geometry, show_error
from secretary.ui.documents import render
from secretary.ui.documents.files import Dokument, filnamn, save_pdf

SETTINGS_KEY = "windows/document_preview"
ZOOMS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 3.0)
PAGE_GAP = 12


T = TypeVar("T")


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the work runs; shown at once, before the work starts."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def guarded(parent: QWidget, title: str, call: Callable[[], T]) -> tuple[bool, T | None]:
    """`call` under the wait cursor: (True, what it returned), or (False, None) after the
    service's refusal was shown."""
    try:
        with busy():
            return True, call()
    except ServiceError as exc:
        show_error(parent, title, exc)
        return False, None


class PageWidget(QWidget):
    """One page, drawn when it first comes into view and again after a zoom."""

    def __init__(self, pages: render.PdfPages, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.index = index
        self.zoom = 1.0
        self._image: QImage | None = None
        self._image_scale = 0.0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def pixels_per_point(self) -> float:
        return self.zoom * self.logicalDpiX() / render.POINTS_PER_INCH

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        size = self.pages.sizes[self.index] * self.pixels_per_point()
        self.setFixedSize(size.toSize())
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        scale = self.pixels_per_point() * self.devicePixelRatioF()
        if self._image is None or abs(self._image_scale - scale) > 1e-6:
            self._image = self.pages.image(self.index, scale)
            self._image.setDevicePixelRatio(self.devicePixelRatioF())
            self._image_scale = scale
        painter = QPainter(self)
        painter.drawImage(self.rect(), self._image)
        painter.end()


class PreviewDialog(QDialog):
    def __init__(self, settings: QSettings, doc: Dokument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.doc = doc
        self.pages = render.PdfPages(doc.pdf)
        self.zoom = 1.0
        self.setWindowTitle(f"Förhandsgranskning – {doc.titel}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.zoom_out_button = self._tool(
            "−", "Förminska (Ctrl+−)", QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool("+", "Förstora (Ctrl++)", QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.fit_button = QPushButton("Anpassa till bredden")
        self.fit_button.setAutoDefault(False)
        self.fit_button.clicked.connect(self.fit_width)
        self.page_spin = QSpinBox()
        self.page_spin.setRange(1, len(self.pages))
        self.page_spin.setPrefix("Sida ")
        self.page_spin.setSuffix(f" ({len(self.pages)})")
        self.page_spin.setToolTip("Gå till sida")
        self.page_spin.valueChanged.connect(self.go_to_page)

        top = QHBoxLayout()
        top.addWidget(QLabel(doc.titel))
        top.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            top.addWidget(w)
        top.addSpacing(16)
        top.addWidget(self.page_spin)

        self.page_widgets = [PageWidget(self.pages, i) for i in range(len(self.pages))]
        column = QWidget()
        column.setObjectName("pages")
        column.setStyleSheet("#pages { background: palette(dark); }")
        column_layout = QVBoxLayout(column)
        column_layout.setSpacing(PAGE_GAP)
        column_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        for page_widget in self.page_widgets:
            column_layout.addWidget(page_widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.column = column
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(column)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._track_page)

        self.external_button = QPushButton("Öppna i PDF-läsare")
        self.external_button.setToolTip("Öppna dokumentet i datorns program för PDF-filer")
        self.external_button.clicked.connect(lambda: open_external(self, self.doc))
        self.save_button = QPushButton("Spara som PDF…")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton("Skriv ut…")
        self.print_button.clicked.connect(self.print_)
        self.close_button = QPushButton("Stäng")
        self.close_button.clicked.connect(self.close)
        for b in (self.external_button, self.save_button, self.print_button, self.close_button):
            b.setAutoDefault(False)
        self.save_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.external_button)
        bottom.addStretch(1)
        for b in (self.save_button, self.print_button, self.close_button):
            bottom.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)
        self.set_zoom(1.0)
        restore_geometry(settings, SETTINGS_KEY, self, (900, 1000))

    def _tool(self, text: str, tip: str, key: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setShortcut(QKeySequence(key))
        return button

    # --- zoom and pages --------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        page = self.current_page()
        self.zoom = max(ZOOMS[0], min(ZOOMS[-1], zoom))
        for w in self.page_widgets:
            w.set_zoom(self.zoom)
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.zoom_out_button.setEnabled(self.zoom > ZOOMS[0] + 1e-6)
        self.zoom_in_button.setEnabled(self.zoom < ZOOMS[-1] - 1e-6)
        self.column.adjustSize()
        self.go_to_page(page)

    def step_zoom(self, direction: int) -> None:
        if direction > 0:
            bigger = [z for z in ZOOMS if z > self.zoom + 1e-6]
            self.set_zoom(bigger[0] if bigger else ZOOMS[-1])
        else:
            smaller = [z for z in ZOOMS if z < self.zoom - 1e-6]
            self.set_zoom(smaller[-1] if smaller else ZOOMS[0])

    def fit_width(self) -> None:
        widest = max(s.width() for s in self.pages.sizes)
        room = self.scroll_area.viewport().width() - 2 * PAGE_GAP
        per_point = self.logicalDpiX() / render.POINTS_PER_INCH
        self.set_zoom(room / (widest * per_point))

    def current_page(self) -> int:
        """The page (from 1) under the middle of the view."""
        view = self.scroll_area
        middle = view.verticalScrollBar().value() + view.viewport().height() // 2
        for i, w in enumerate(self.page_widgets):
            if middle < w.geometry().bottom() + PAGE_GAP:
                return i + 1
        return len(self.page_widgets)

    def go_to_page(self, page: int) -> None:
        widget = self.page_widgets[max(1, min(page, len(self.page_widgets))) - 1]
        self.scroll_area.verticalScrollBar().setValue(widget.geometry().top() - PAGE_GAP)
        self._track_page()

    def _track_page(self) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(self.current_page())
        self.page_spin.blockSignals(False)

    # --- save and print --------------------------------------------------------------

    def save(self) -> Path | None:
        return save_pdf(self, self.settings, self.doc)

    def new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.doc.titel)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the documents are A4
        printer.setFullPage(True)
        return printer

    def print_(self) -> int:
        """The Qt print dialog, then every chosen page painted at the printer's resolution;
        returns the number of pages sent."""
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Skriv ut")
        dialog.setMinMax(1, len(self.pages))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        try:
            with busy():
                return render.paint_pages(self.pages, printer)
        except OSError as exc:
            QMessageBox.warning(self, "Kunde inte skriva ut", str(exc))
            return 0

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self.settings, SETTINGS_KEY, self)
        self.pages.close()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        save_geometry(self.settings, SETTINGS_KEY, self)
        self.pages.close()
        super().done(result)


def open_external(parent: QWidget | None, doc: Dokument) -> Path | None:
    """Write the document to a temporary file and hand it to the system's PDF viewer."""
    folder = Path(tempfile.gettempdir()) / "secretary-dokument"
    path = folder / filnamn(doc.filnamn.removesuffix(".pdf"))
    try:
        folder.mkdir(exist_ok=True)
        path.write_bytes(doc.pdf)
    except OSError as exc:
        QMessageBox.warning(
            parent, "Kunde inte öppna", f"Den tillfälliga filen kunde inte skrivas: {exc.strerror}."
        )
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        QMessageBox.information(
            parent,
            "Ingen PDF-läsare",
            f"Datorn har inget program som öppnar PDF-filer. Filen finns här:\n{path}",
        )
    return path


def show_document(
    settings: QSettings, doc: Dokument, parent: QWidget | None
) -> PreviewDialog | None:
    """The preview, or where pages cannot be drawn here, the system's viewer (said so)."""
    if not render.available():
        QMessageBox.information(
            parent,
            "Förhandsgranskning",
            "Förhandsgranskning i programmet är inte tillgänglig på den här datorn. "
            "Dokumentet öppnas i datorns PDF-läsare; spara och skriv ut därifrån.",
        )
        open_external(parent, doc)
        return None
    dialog = PreviewDialog(settings, doc, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
