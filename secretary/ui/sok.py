"""Sök i protokoll: full-text search across every § of every meeting (issue 7).

Results come as the secretary types (a short pause first), best first; the words found are
in bold. Enter or a double-click opens the §: the main window shows its meeting with the
ärende chosen, and this window steps aside, keeping the search for the next Ctrl+F.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from secretary.services import sok
from secretary.services.errors import ServiceError
from secretary.ui.common import restore_geometry, save_geometry
from secretary.ui.context import AppContext
from secretary.ui.models import RowsModel
from secretary.ui.table import make_table, select_row, selected_row

SETTINGS_KEY = "windows/sok"
PAUS_MS = 150
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
RUBRIK_MAX = 300  # px: a long rubrik is cut (whole below the list), the träff gets the room

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

HJALP = (
    "Skriv ett eller flera ord. Paragrafer med alla orden visas; ett ord kan vara början på "
    "ett längre ord. Sök på rubrik, diarienummer, sammanfattning, förslag, beslut och "
    "yrkanden. Citattecken håller ihop ord: ”bygglov för”."
)


def markerad_html(m: sok.Markerad) -> str:
    """The text escaped, with the words found in bold."""
    out, at = [], 0
    for start, end in m.traffar:
        out += [html.escape(m.text[at:start]), "<b>", html.escape(m.text[start:end]), "</b>"]
        at = end
    out.append(html.escape(m.text[at:]))
    return "".join(out)


def traff_html(t: sok.Traff) -> str:
    """The chosen hit in full under the list: § and rubrik, organ, date and dnr, utdrag."""
    label = f"<i>{html.escape(t.falt)}:</i> " if t.falt else ""
    dnr = f" · Dnr {markerad_html(t.dnr)}" if t.dnr.text else ""
    return (
        f"<b>§ {t.paragraf}</b> {markerad_html(t.rubrik)}<br>"
        f"{html.escape(t.organ)} {t.datum.isoformat()}{dnr}<br>"
        f"{label}{markerad_html(t.utdrag)}"
    )


class TraffModel(RowsModel):
    """The hits, best first: organ, date, § number, rubrik, dnr and where the words are."""

    ORGAN, DATUM, PARAGRAF, RUBRIK, DNR, TRAFF = range(6)
    HEADERS = ("Organ", "Datum", "§", "Rubrik", "Dnr", "Träff")

    def key(self, item: sok.Traff) -> int:
        return item.arende_id

    def traff(self, row: int) -> sok.Traff | None:
        item: sok.Traff | None = self.row_at(row)
        return item

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t: sok.Traff = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(t, column)
        if role == HTML_ROLE:
            if column == self.RUBRIK:
                return markerad_html(t.rubrik)
            if column == self.DNR:
                return markerad_html(t.dnr)
            if column == self.TRAFF:
                label = f"<i>{html.escape(t.falt)}:</i> " if t.falt else ""
                return label + markerad_html(t.utdrag)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.RUBRIK, self.TRAFF):
            return self._display(t, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PARAGRAF:
            return _RIGHT
        return None

    def _display(self, t: sok.Traff, column: int) -> str | None:
        if column == self.ORGAN:
            return t.organ
        if column == self.DATUM:
            return t.datum.isoformat()
        if column == self.PARAGRAF:
            return f"§ {t.paragraf}"
        if column == self.RUBRIK:
            return t.rubrik.text
        if column == self.DNR:
            return t.dnr.text
        if column == self.TRAFF:
            return f"{t.falt}: {t.utdrag.text}" if t.falt else t.utdrag.text
        return None


class MarkeradDelegate(QStyledItemDelegate):
    """Draws a cell's HTML_ROLE (plain text with <b> and <i>) where the model gives one."""

    def _document(self, option: QStyleOptionViewItem, markup: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(markup)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        markup = index.data(HTML_ROLE)
        if not markup:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        doc = self._document(opt, markup)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left() + margin, top)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        markup = index.data(HTML_ROLE)
        if markup:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            width = int(self._document(opt, markup).idealWidth()) + 8
            size.setWidth(max(size.width(), width))
        return size


class SokDialog(QDialog):
    """Non-modal: the search stays while the secretary reads the § it opened."""

    oppna = Signal(int, int)  # meeting id, ärende id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Sök i protokoll")
        self.field = QLineEdit()
        self.field.setPlaceholderText("Sök i alla paragrafer, t.ex. bygglov eller KS 2021/123")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Sökord")
        self.field.installEventFilter(self)
        self.model = TraffModel(self)
        self.view = make_table(self.model, TraffModel.TRAFF, "Träffar")
        self.view.setItemDelegate(MarkeradDelegate(self.view))
        self.view.setTabKeyNavigation(False)
        self.model.modelReset.connect(self._narrow_rubrik)
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAccessibleName("Vald träff")
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.preview.setStyleSheet(
            "QLabel { background: palette(base); border: 1px solid palette(mid); padding: 6px; }"
        )
        self.status = QLabel(HJALP)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self.status.setAccessibleName("Sökresultat")
        self.open_button = QPushButton("&Öppna paragrafen")
        self.open_button.setAutoDefault(False)
        self.open_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(buttons)
        label = QLabel("&Sök:")
        label.setBuddy(self.field)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.field, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.preview)
        layout.addLayout(bottom)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUS_MS)
        self.timer.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _text: self.timer.start())
        self.field.returnPressed.connect(self.open_current)
        self.view.activated.connect(lambda _index: self.open_current())
        self.open_button.clicked.connect(lambda _checked=False: self.open_current())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.changes.changed.connect(self._data_changed)
        restore_geometry(ctx.settings, SETTINGS_KEY, self, (1000, 520))

    # --- searching ----------------------------------------------------------------------

    def search(self) -> None:
        self.timer.stop()
        typed = self.field.text()
        chosen = self.model.traff(selected_row(self.view))
        try:
            result = sok.sok(self.ctx.store, typed)
        except ServiceError as exc:
            self.model.set_rows([])
            self.status.setText(str(exc))
            return
        self.model.set_rows(result.traffar)
        row = self.model.row_of(chosen.arende_id) if chosen is not None else -1
        select_row(self.view, max(row, 0))
        self.status.setText(self._summary(typed, result))
        self._selection_changed()

    @staticmethod
    def _summary(typed: str, result: sok.Sokresultat) -> str:
        if not sok.fraser(typed):
            return HJALP
        n = len(result.traffar)
        if n == 0:
            return f"Ingen paragraf innehåller ”{typed.strip()}”."
        if result.fler:
            return f"De {n} bästa träffarna visas. Skriv fler ord för att hitta rätt paragraf."
        return "1 paragraf." if n == 1 else f"{n} paragrafer."

    def _data_changed(self, _topic: str = "") -> None:
        if self.isVisible() and self.field.text().strip():
            self.timer.start()

    def _narrow_rubrik(self) -> None:
        if self.view.columnWidth(TraffModel.RUBRIK) > RUBRIK_MAX:
            self.view.setColumnWidth(TraffModel.RUBRIK, RUBRIK_MAX)

    # --- opening a § --------------------------------------------------------------------

    def current(self) -> sok.Traff | None:
        return self.model.traff(selected_row(self.view))

    def _selection_changed(self) -> None:
        hit = self.current()
        self.open_button.setEnabled(hit is not None)
        self.preview.setText(traff_html(hit) if hit is not None else "")
        self.preview.setVisible(hit is not None)

    def open_current(self) -> None:
        if self.timer.isActive():  # Enter before the pause ran out: search what was typed
            self.search()
        hit = self.current()
        if hit is None:
            return
        self.oppna.emit(hit.meeting_id, hit.arende_id)
        self.close()

    # --- keys and the window ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow and page keys in the search field move through the hits."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
                Qt.Key.Key_PageUp,
                Qt.Key.Key_PageDown,
            ):
                QApplication.sendEvent(self.view, event)
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus()
        self.field.selectAll()
        if self.field.text().strip():
            self.search()  # the archive may have changed while the window was away

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        save_geometry(self.ctx.settings, SETTINGS_KEY, self)
        super().hideEvent(event)
