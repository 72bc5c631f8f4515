"""Draw the program icon: a white sheet with a blue § on a dark blue rounded square.

Writes secretary/resources/secretary.png (256 px: the window icon, and the Linux .desktop
file's) and
installer/secretary.ico (16-256 px, for secretary.exe and the Windows shortcuts). Both are
committed; run this again only to change the icon:

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

HERE = Path(__file__).resolve().parent
PNG = HERE.parent / "secretary" / "resources" / "secretary.png"
SIZE = 256
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    back = QPainterPath()
    back.addRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.fillPath(back, QColor("#1f4e79"))
    sheet = QPainterPath()
    sheet.addRoundedRect(QRectF(56 * s, 36 * s, 144 * s, 184 * s), 10 * s, 10 * s)
    p.fillPath(sheet, QColor("#ffffff"))
    font = QFont("DejaVu Serif")
    font.setPixelSize(round(150 * s))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#1f4e79"))
    p.drawText(QRectF(56 * s, 36 * s, 144 * s, 184 * s), Qt.AlignmentFlag.AlignCenter, "§")
    p.end()
    return image


def to_pil(image: QImage) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> None:
    _app = QGuiApplication([])
    big = to_pil(draw())
    big.save(PNG, optimize=True)
    big.save(HERE / "secretary.ico", sizes=ICO_SIZES)
    print(f"Skrev {PNG} och {HERE / 'secretary.ico'}.")


if __name__ == "__main__":
    main()
