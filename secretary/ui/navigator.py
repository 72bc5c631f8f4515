"""The tree on the left: each organ, its years, and in each year its sammanträden, newest
first. A register that runs for years would otherwise be one list of hundreds of dates; the
newest year stands open, and the years the secretary opens stay open across refreshes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from secretary.domain.arbetsgang import tillstand
from secretary.domain.paragrafer import paragraf_range
from secretary.services import agenda, register
from secretary.ui.context import AppContext

ORGAN = "organ"
MEETING = "meeting"
YEAR = "year"
_KIND = Qt.ItemDataRole.UserRole
_ID = Qt.ItemDataRole.UserRole + 1
_ORGAN_ID = Qt.ItemDataRole.UserRole + 2

Selection = tuple[str, int]
"""(ORGAN, organ id) or (MEETING, meeting id). A year is a heading, never a selection."""


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
        if item is None or not item.isSelected() or item.data(0, _KIND) == YEAR:
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
                parent = item.parent()
                while parent is not None:
                    parent.setExpanded(True)
                    parent = parent.parent()
                self.setCurrentItem(item)
                return True
        return False

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:  # child() and topLevelItem() give None only out of range
                return
            found.append(item)
            for j in range(item.childCount()):
                walk(item.child(j))

        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i))
        return found

    def refresh(self) -> None:
        """Rebuild from the services, keeping the selection and which organs and years are
        open."""
        selected = self.current()
        items = self._items()
        closed = {
            item.data(0, _ID)
            for item in items
            if item.data(0, _KIND) == ORGAN and not item.isExpanded()
        }
        years = {
            (item.data(0, _ORGAN_ID), item.data(0, _ID)): item.isExpanded()
            for item in items
            if item.data(0, _KIND) == YEAR
        }
        self.blockSignals(True)
        try:
            self.clear()
            for organ in register.list_organs(self.ctx.store):
                top = QTreeWidgetItem(self, [organ.name])
                top.setToolTip(0, organ.kind.label)
                self._set(top, ORGAN, organ.id, organ.id)
                heading: QTreeWidgetItem | None = None
                open_years: list[QTreeWidgetItem] = []
                for meeting in agenda.list_meetings(self.ctx.store, organ.id):
                    year = meeting.date.year
                    if heading is None or heading.data(0, _ID) != year:
                        newest = heading is None
                        heading = QTreeWidgetItem(top, [str(year)])
                        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                        self._set(heading, YEAR, year, organ.id)
                        if years.get((organ.id, year), newest):
                            open_years.append(heading)
                    text = meeting.date.isoformat()
                    numbers = paragraf_range(meeting.first_paragraf, meeting.arende_count)
                    if numbers:
                        text += f"   {numbers}"
                    lage = tillstand(meeting.state).label
                    child = QTreeWidgetItem(heading, [f"{text}   · {lage.lower()}"])
                    child.setToolTip(0, f"{lage}. {meeting.place or 'Plats ej angiven'}")
                    self._set(child, MEETING, meeting.id, organ.id)
                top.setExpanded(organ.id not in closed)
                for heading in open_years:  # once it has children, or it would not open
                    heading.setExpanded(True)
            found = self.select(selected)
        finally:
            self.blockSignals(False)
        if selected is not None and not found:
            self.setCurrentIndex(QModelIndex())  # what setCurrentItem(None) does
        self.selection_changed.emit()

    @staticmethod
    def _set(item: QTreeWidgetItem, kind: str, id_: int, organ_id: int) -> None:
        item.setData(0, _KIND, kind)
        item.setData(0, _ID, id_)
        item.setData(0, _ORGAN_ID, organ_id)
