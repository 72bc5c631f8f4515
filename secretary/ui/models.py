"""Table models over the services' frozen dataclasses: members of an organ, a meeting's agenda.

Models hold plain rows, never ORM objects (style.md, habit 8). A refresh replaces all rows
with begin/endResetModel; the views restore their selection by id afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from secretary.domain.register import Funktion
from secretary.services.agenda import ArendeData
from secretary.services.register import MemberRow

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsModel(QAbstractTableModel):
    """Shared plumbing: a list of rows and a header per column (a header may be retitled).
    The session's models refresh in place instead (secretary.ui.session.models)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers = list(self.HEADERS)

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def set_header(self, section: int, text: str) -> None:
        if self._headers[section] != text:
            self._headers[section] = text
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, section, section)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, key: Any) -> int:
        """The row holding the item with this key, or -1."""
        for i, item in enumerate(self._rows):
            if self.key(item) == key:
                return i
        return -1

    def key(self, item: Any) -> Any:
        raise NotImplementedError


class MemberTableModel(RowsModel):
    NAMN, PARTI, ROLL, FUNKTION, ORDNING, ERSATTARE_FOR = range(6)
    HEADERS = ("Namn", "Parti", "Roll", "Funktion/Titel", "Ordning", "Personlig ersättare för")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section == self.ORDNING
        ):
            return "Ledamöter: platsens nummer. Ersättare: platsen i partiets ersättarordning."
        return super().headerData(section, orientation, role)

    def key(self, item: MemberRow) -> int:
        return item.membership_id

    def member(self, row: int) -> MemberRow | None:
        item: MemberRow | None = self.row_at(row)
        return item

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: MemberRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ORDNING:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAMN and row.email:
            return row.email
        return None

    def _display(self, row: MemberRow, column: int) -> str | None:
        if column == self.NAMN:
            return row.name
        if column == self.PARTI:
            return row.party
        if column == self.ROLL:
            return row.roll.label
        if column == self.FUNKTION:
            text = row.funktion.label if row.funktion is not Funktion.INGEN else row.title
            return text[:1].upper() + text[1:]
        if column == self.ORDNING:
            return str(row.ordning) if row.ordning else ""
        if column == self.ERSATTARE_FOR:
            return row.personlig_ersattare_for
        return None


class AgendaTableModel(RowsModel):
    """The föredragningslista: § number, rubrik and dnr, with a warning on an odd dnr."""

    PARAGRAF, RUBRIK, DNR = range(3)
    HEADERS = ("§", "Rubrik", "Dnr")

    def __init__(self, warning_icon: QIcon | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._warning_icon = warning_icon if warning_icon is not None else QIcon()

    def key(self, item: ArendeData) -> int:
        return item.id

    def arende(self, row: int) -> ArendeData | None:
        item: ArendeData | None = self.row_at(row)
        return item

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: ArendeData = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PARAGRAF:
                return f"§ {row.paragraf}"
            if column == self.RUBRIK:
                return row.rubrik
            if column == self.DNR:
                return row.dnr
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PARAGRAF:
            return _RIGHT
        if column == self.DNR and row.dnr_warning:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._warning_icon
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.dnr_warning
        if role == Qt.ItemDataRole.ToolTipRole and column == self.RUBRIK:
            return row.forslag_till_beslut or None
        return None
