"""Small pieces of the session window: titled panels, the key hint bar, the error banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from secretary.ui.table import make_table
from secretary.ui.tangenter import i_text


def key(k: str, size: str = "") -> str:
    """A key badge: dark letters on light grey. Qt's rich text paints a span's background
    only to the font's ascent, so the dots of Ä and the ring of Å stick out above it: white
    on a dark badge they vanished into the page and Ä read as A."""
    big = f" font-size:{size};" if size else ""
    return (
        f"<span style='background-color:#d1d5db; color:#111827; font-weight:bold;{big}'>"
        f"&nbsp;{k}&nbsp;</span>"
    )


def hint(*pairs: tuple[str, str], size: str = "") -> str:
    """`size`: a larger badge where one letter must be read at a glance (Ä beside A)."""
    return " &nbsp; ".join(f"{key(k, size)} {what}" for k, what in pairs)


class Panel(QWidget):
    """A heading with its Alt+digit, over a table."""

    def __init__(
        self, title: str, keys: str, view: QTableView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.heading = QLabel(
            f"{title} <span style='color:#6b7280; font-weight:normal'>{i_text(keys)}</span>", self
        )
        self.heading.setStyleSheet("font-weight: bold; font-size: 11pt; color: #1f2937;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(view)


def session_table(model: object, stretch: int, name: str, row_extra: int = 12) -> QTableView:
    view = make_table(model, stretch, name)  # type: ignore[arg-type]
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_extra)
    view.setTabKeyNavigation(False)
    return view


class Banner(QLabel):
    """A refusal, in words, where the eye is; it never takes the keyboard (Esc hides it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName("Meddelande")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "QLabel { background: #fee2e2; color: #7f1d1d; border: 1px solid #b91c1c;"
            " padding: 6px 10px; font-size: 11pt; font-weight: bold; }"
        )
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(f"⚠ {text}   (Esc stänger)")
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class HintBar(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #f9fafb; padding: 4px 8px; font-size: 10pt; }")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_hints(self, local: str, general: str) -> None:
        self.setText(i_text(f"{local}<br>{general}" if local else general))
