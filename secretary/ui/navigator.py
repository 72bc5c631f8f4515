"""The tree on the left: each organ with its sammanträden, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from secretary.domain.paragrafer import paragraf_range
from secretary.services import agenda, register
from secretary.ui.context import AppContext

ORGAN = "organ"
MEETING = "meeting"
_KIND = Qt.ItemDataRole.UserRole
_ID = Qt.ItemDataRole.UserRole + 1
_ORGAN_ID = Qt.ItemDataRole.UserRole + 2

Selection = tuple[str, int]
"""(ORGAN, organ id) or (MEETING, meeting id)."""


class Navigator(QTreeWidget):
    selection_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAccessibleName("Organ och sammanträden")
        self.itemSelectionChanged.connect(self.selection_changed)

    def current(self) -> Selection | None:
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        return (item.data(0, _KIND), item.data(0, _ID))

    def current_organ_id(self) -> int | None:
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        organ_id: int = item.data(0, _ORGAN_ID)
        return organ_id

    def select(self, selection: Selection | None) -> bool:
        for item in self._items():
            if selection is not None and (item.data(0, _KIND), item.data(0, _ID)) == selection:
                if item.parent() is not None:
                    item.parent().setExpanded(True)
                self.setCurrentItem(item)
                return True
        return False

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            found.append(top)
            found.extend(top.child(j) for j in range(top.childCount()))
        return found

    def refresh(self) -> None:
        """Rebuild from the services, keeping the selection and which organs are open."""
        selected = self.current()
        collapsed = {
            item.data(0, _ID)
            for item in self._items()
            if item.data(0, _KIND) == ORGAN and not item.isExpanded()
        }
        self.blockSignals(True)
        try:
            self.clear()
            for organ in register.list_organs(self.ctx.store):
                top = QTreeWidgetItem(self, [organ.name])
                top.setToolTip(0, organ.kind.label)
                self._set(top, ORGAN, organ.id, organ.id)
                for meeting in agenda.list_meetings(self.ctx.store, organ.id):
                    text = meeting.date.isoformat()
                    numbers = paragraf_range(meeting.first_paragraf, meeting.arende_count)
                    if numbers:
                        text += f"   {numbers}"
                    child = QTreeWidgetItem(top, [text])
                    child.setToolTip(0, meeting.place or "Plats ej angiven")
                    self._set(child, MEETING, meeting.id, organ.id)
                top.setExpanded(organ.id not in collapsed)
            found = self.select(selected)
        finally:
            self.blockSignals(False)
        if selected is not None and not found:
            self.setCurrentItem(None)
        self.selection_changed.emit()

    @staticmethod
    def _set(item: QTreeWidgetItem, kind: str, id_: int, organ_id: int) -> None:
        item.setData(0, _KIND, kind)
        item.setData(0, _ID, id_)
        item.setData(0, _ORGAN_ID, organ_id)
