"""PDF pages as QImages, and printing them: pypdfium2 draws the pages, Qt paints them.

QtPdf would do the same, but for PySide6 6.11 it only ships inside the 175 MB
PySide6-Addons wheel (the small `pyside6-pdf` wheel needs PySide6 6.12, which we cannot
use); pypdfium2 is already installed with pdfplumber and is a few MB."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

try:
    import pypdfium2 as pdfium
except ImportError:  # pragma: no cover - a build without pypdfium2 uses the system viewer
    pdfium = None

POINTS_PER_INCH = 72.0
# Enough for text on paper; a 1200 dpi A4 page would be half a gigabyte of pixels.
MAX_PRINT_DPI = 300


def available() -> bool:
    """Whether pages can be drawn in the application (else: the system's PDF viewer)."""
    return pdfium is not None


class PdfPages:
    """An open PDF whose pages can be drawn at any scale. Not thread-safe (pdfium is not)."""

    def __init__(self, pdf: bytes) -> None:
        if pdfium is None:
            raise RuntimeError("pypdfium2 saknas")
        self._pdf = pdf  # pdfium reads from this buffer while the document is open
        self._doc: Any = None
        self.sizes: list[QSizeF] = []
        doc = self._open()
        for i in range(len(doc)):
            width, height = doc[i].get_size()
            self.sizes.append(QSizeF(width, height))

    def _open(self) -> Any:
        if self._doc is None:
            self._doc = pdfium.PdfDocument(self._pdf)
        return self._doc

    def __len__(self) -> int:
        return len(self.sizes)

    def image(self, index: int, scale: float) -> QImage:
        """Page `index` (from 0) at `scale` pixels per point, on white."""
        bitmap = self._open()[index].render(scale=scale, prefer_bgrx=True)
        # BGRX in memory is QImage's RGB32 on a little-endian machine; copy() detaches the
        # image from pdfium's buffer, which is freed with the bitmap.
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB32,
        )
        return image.copy()

    def close(self) -> None:
        """Free pdfium's copy now; drawing a page later opens it again."""
        if self._doc is not None:
            self._doc.close()
            self._doc = None


def page_range(printer: QPrinter, count: int) -> range:
    """The pages the print dialog asked for (from 0), all of them when it asked for none."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(count)
    return range(min(first, count) - 1, min(last, count))


def paint_pages(pages: PdfPages, printer: QPrinter) -> int:
    """Paint the pages onto `printer`, each scaled to fit its paper, and return how many.

    The printer is used full-page: the PDF carries its own margins. Raises OSError when the
    printer (or its output file) cannot be opened."""
    printer.setFullPage(True)
    wanted = page_range(printer, len(pages))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Skrivaren kunde inte öppnas.")
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    printed = 0
    try:
        for index in wanted:
            if printed and not printer.newPage():
                raise OSError("Skrivaren tog inte emot nästa sida.")
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            image = pages.image(index, dpi / POINTS_PER_INCH)
            painter.drawImage(_fit(pages.sizes[index], paper), image)
            printed += 1
    finally:
        painter.end()
    return printed


def _fit(size: QSizeF, area: QRectF) -> QRectF:
    """`size` scaled to fit `area`, centred, keeping its proportions."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = area.x() + (area.width() - scaled.width()) / 2
    y = area.y() + (area.height() - scaled.height()) / 2
    return QRectF(x, y, scaled.width(), scaled.height())
