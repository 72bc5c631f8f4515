"""Guard against a Qt binding that crashes Python: PySide6 6.12.0 dropped a reference to
None each time QModelIndex.data() returned nothing, and Python 3.11 aborted with
'none_dealloc' after some thousands of calls (every table view does this constantly)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class _Model(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


def test_empty_model_data_does_not_eat_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _Model()
    index = model.index(1, 1)
    gc.collect()  # earlier tests' garbage must not be freed during the measurement
    before = sys.getrefcount(None)
    for _ in range(5000):
        index.data(Qt.ItemDataRole.ToolTipRole)
    assert sys.getrefcount(None) >= before - 50
