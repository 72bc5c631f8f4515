# Generated from forms/import_dialog.ui by scripts/build_forms.py. Do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(960, 560)
        self.verticalLayout = QVBoxLayout(ImportDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.helpLabel = QLabel(ImportDialog)
        self.helpLabel.setObjectName(u"helpLabel")
        self.helpLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.helpLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(ImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileLayout.addWidget(self.fileLabel)

        self.pathEdit = QLineEdit(ImportDialog)
        self.pathEdit.setObjectName(u"pathEdit")
        self.pathEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.pathEdit)

        self.chooseButton = QPushButton(ImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")
        self.chooseButton.setAutoDefault(False)

        self.fileLayout.addWidget(self.chooseButton)


        self.verticalLayout.addLayout(self.fileLayout)

        self.previewTable = QTableView(ImportDialog)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.previewTable.setWordWrap(True)
        self.previewTable.horizontalHeader().setStretchLastSection(True)
        self.previewTable.verticalHeader().setVisible(False)

        self.verticalLayout.addWidget(self.previewTable)

        self.summaryLabel = QLabel(ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.verticalLayout.addWidget(self.summaryLabel)

        self.buttonBox = QDialogButtonBox(ImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.chooseButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.chooseButton, self.previewTable)

        self.retranslateUi(ImportDialog)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Importera medlemmar", None))
        self.helpLabel.setText("")
        self.fileLabel.setText(QCoreApplication.translate("ImportDialog", u"Fil:", None))
        self.pathEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"Ingen fil vald", None))
        self.chooseButton.setText(QCoreApplication.translate("ImportDialog", u"&V\u00e4lj fil\u2026", None))
        self.summaryLabel.setText(QCoreApplication.translate("ImportDialog", u"V\u00e4lj en fil f\u00f6r att se vad som kommer att importeras.", None))
    # retranslateUi

