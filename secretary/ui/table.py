"""A table view set up the same way everywhere: whole rows, one at a time, sized to content.

Columns are sized to their content once the model settles, not continuously: Qt's
ResizeToContents mode measures every row on every change and selection, which cost about
20 ms per key press on a 61-member kommunfullmäktige in session mode.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table(
    model: QAbstractItemModel, stretch: int, name: str, parent: QWidget | None = None
) -> QTableView:
    """`stretch`: the column that takes the spare width; -1 for the last one shown."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch < 0:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    _size_when_settled(view, model)
    return view


def _size_when_settled(view: QTableView, model: QAbstractItemModel) -> None:
    """Fit the columns right after a reset, and 250 ms after the last smaller change."""
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(250)
    timer.timeout.connect(view.resizeColumnsToContents)
    model.modelReset.connect(view.resizeColumnsToContents)
    for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
        signal.connect(timer.start)
    view.resizeColumnsToContents()


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def select_row(view: QTableView, row: int) -> None:
    if 0 <= row < view.model().rowCount():
        view.selectRow(row)
        view.setCurrentIndex(view.model().index(row, 0))


def action(
    parent: QWidget,
    text: str,
    *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    act = QAction(text, parent)
    if shortcuts:
        act.setShortcuts([QKeySequence(s) for s in shortcuts])
        act.setShortcutContext(context)
    return act
