"""The one stylesheet of every report: page geometry in mm, the embedded font family, the
paragraph and table styles. Fonts are registered once, from secretary/resources/fonts (copied
there from resources/fonts by scripts/build_resources.py), so every PDF carries its own
(subset, embedded) fonts and never falls back to Helvetica."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FONT = "LiberationSans"
BOLD = "LiberationSans-Bold"
ITALIC = "LiberationSans-Italic"
BOLD_ITALIC = "LiberationSans-BoldItalic"

# Page geometry (mm).
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 36 * mm  # below the header
MARGIN_BOTTOM = 34 * mm  # above the signature boxes
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
HEADER_TOP = PAGE_HEIGHT - 14 * mm
FOOTER_BOX_HEIGHT = 16 * mm
FOOTER_BOX_WIDTH = 45 * mm
FOOTER_BOTTOM = 12 * mm
LABEL_WIDTH = 48 * mm  # the left column of the front page and of the § heading
SIGNATURE_LINE = 80 * mm

GREY = colors.Color(0.45, 0.45, 0.45)
LIGHT = colors.Color(0.88, 0.88, 0.88)
WATERMARK = colors.Color(0.8, 0.8, 0.8, alpha=0.5)


@cache
def register_fonts() -> str:
    """Register the family once per process; returns the regular face's name."""
    for name, file in (
        (FONT, "LiberationSans-Regular.ttf"),
        (BOLD, "LiberationSans-Bold.ttf"),
        (ITALIC, "LiberationSans-Italic.ttf"),
        (BOLD_ITALIC, "LiberationSans-BoldItalic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FONT


class Stylesheet:
    """Named paragraph styles, created once."""

    def __init__(self) -> None:
        register_fonts()
        # allowWidows=0: the last line of a paragraph never begins a page on its own.
        base = ParagraphStyle(
            "body", fontName=FONT, fontSize=10.5, leading=14, spaceAfter=5, allowWidows=0
        )
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=8, leading=10, spaceAfter=0)
        self.label = ParagraphStyle("label", base, fontName=BOLD, spaceAfter=0)
        self.cell = ParagraphStyle("cell", base, spaceAfter=0)
        self.title = ParagraphStyle("title", base, fontName=BOLD, fontSize=16, leading=20)
        self.paragraf = ParagraphStyle(
            "paragraf", base, fontName=BOLD, fontSize=13, leading=17, spaceAfter=2
        )
        self.dnr = ParagraphStyle("dnr", base, spaceAfter=10)
        self.heading = ParagraphStyle(
            "heading", base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        )
        self.note = ParagraphStyle("note", base, fontName=BOLD_ITALIC)
        self.beslut = ParagraphStyle("beslut", base, fontName=BOLD_ITALIC)
        self.att = ParagraphStyle("att", base, leftIndent=0)
        self.bullet = ParagraphStyle("bullet", base, spaceAfter=2)
        self.boxheading = ParagraphStyle("boxheading", base, fontName=BOLD, fontSize=12)
        self.center = ParagraphStyle("center", base, alignment=TA_CENTER)


@cache
def stylesheet() -> Stylesheet:
    return Stylesheet()


NBSP = "\u00a0"
_MANAD = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_DATUM = re.compile(rf"(?:\b(\d{{1,2}}) )?\b({_MANAD})\b(?: (\d{{4}})\b)?")
_NUMMER = re.compile(r"(§§?|\bkl\.|\bklockan|\bnr) (?=\d)")


def oavbrutet(value: str) -> str:
    """Dates ("30 november 2026", "oktober 2026"), "§ 335", "§§ 335–339", "kl. 10.30"
    joined by no-break spaces, so a line never breaks inside them. Liberation Sans has the
    glyph; pypdf, pdfplumber and pdftotext read it back as an ordinary space."""
    value = _DATUM.sub(lambda m: NBSP.join(g for g in m.groups() if g), value)
    return _NUMMER.sub(lambda m: m.group(1) + NBSP, value)


def text(value: str) -> str:
    """User text made safe for reportlab's Paragraph markup (style.md, habit 13), with
    dates and § numbers that do not break over lines."""
    return escape(oavbrutet(value))


TABLE_BASE: list[tuple[Any, ...]] = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), 9.5),
    ("LEADING", (0, 0), (-1, -1), 12),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 1),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
]
