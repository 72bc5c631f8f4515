# Generated from forms/meeting_dialog.ui by scripts/build_forms.py. Do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSizePolicy, QSpacerItem, QSpinBox,
    QTimeEdit, QVBoxLayout, QWidget)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.resize(500, 560)
        self.verticalLayout = QVBoxLayout(MeetingDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.dateLabel = QLabel(MeetingDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(MeetingDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.placeLabel = QLabel(MeetingDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(MeetingDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.startCheck = QCheckBox(MeetingDialog)
        self.startCheck.setObjectName(u"startCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startCheck)

        self.startTime = QTimeEdit(MeetingDialog)
        self.startTime.setObjectName(u"startTime")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startTime)

        self.firstParagrafCheck = QCheckBox(MeetingDialog)
        self.firstParagrafCheck.setObjectName(u"firstParagrafCheck")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.firstParagrafCheck)

        self.firstParagrafLayout = QHBoxLayout()
        self.firstParagrafLayout.setObjectName(u"firstParagrafLayout")
        self.firstParagrafSpin = QSpinBox(MeetingDialog)
        self.firstParagrafSpin.setObjectName(u"firstParagrafSpin")
        self.firstParagrafSpin.setMinimum(1)
        self.firstParagrafSpin.setMaximum(99999)

        self.firstParagrafLayout.addWidget(self.firstParagrafSpin)

        self.firstParagrafNote = QLabel(MeetingDialog)
        self.firstParagrafNote.setObjectName(u"firstParagrafNote")
        self.firstParagrafNote.setWordWrap(True)

        self.firstParagrafLayout.addWidget(self.firstParagrafNote)

        self.firstParagrafSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.firstParagrafLayout.addItem(self.firstParagrafSpacer)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.firstParagrafLayout)


        self.verticalLayout.addLayout(self.formLayout)

        self.justeringGroup = QGroupBox(MeetingDialog)
        self.justeringGroup.setObjectName(u"justeringGroup")
        self.justeringForm = QFormLayout(self.justeringGroup)
        self.justeringForm.setObjectName(u"justeringForm")
        self.justerareLabel = QLabel(self.justeringGroup)
        self.justerareLabel.setObjectName(u"justerareLabel")

        self.justeringForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.justerareLabel)

        self.justerareList = QListWidget(self.justeringGroup)
        self.justerareList.setObjectName(u"justerareList")

        self.justeringForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.justerareList)

        self.justeringPlaceLabel = QLabel(self.justeringGroup)
        self.justeringPlaceLabel.setObjectName(u"justeringPlaceLabel")

        self.justeringForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.justeringPlaceLabel)

        self.justeringPlaceEdit = QLineEdit(self.justeringGroup)
        self.justeringPlaceEdit.setObjectName(u"justeringPlaceEdit")

        self.justeringForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.justeringPlaceEdit)

        self.justeringDateCheck = QCheckBox(self.justeringGroup)
        self.justeringDateCheck.setObjectName(u"justeringDateCheck")

        self.justeringForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.justeringDateCheck)

        self.justeringDate = QDateEdit(self.justeringGroup)
        self.justeringDate.setObjectName(u"justeringDate")
        self.justeringDate.setCalendarPopup(True)

        self.justeringForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.justeringDate)

        self.justeringTimeCheck = QCheckBox(self.justeringGroup)
        self.justeringTimeCheck.setObjectName(u"justeringTimeCheck")

        self.justeringForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.justeringTimeCheck)

        self.justeringTime = QTimeEdit(self.justeringGroup)
        self.justeringTime.setObjectName(u"justeringTime")

        self.justeringForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.justeringTime)


        self.verticalLayout.addWidget(self.justeringGroup)

        self.errorLabel = QLabel(MeetingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.justerareLabel.setBuddy(self.justerareList)
        self.justeringPlaceLabel.setBuddy(self.justeringPlaceEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.startCheck)
        QWidget.setTabOrder(self.startCheck, self.startTime)
        QWidget.setTabOrder(self.startTime, self.firstParagrafCheck)
        QWidget.setTabOrder(self.firstParagrafCheck, self.firstParagrafSpin)
        QWidget.setTabOrder(self.firstParagrafSpin, self.justerareList)
        QWidget.setTabOrder(self.justerareList, self.justeringPlaceEdit)
        QWidget.setTabOrder(self.justeringPlaceEdit, self.justeringDateCheck)
        QWidget.setTabOrder(self.justeringDateCheck, self.justeringDate)
        QWidget.setTabOrder(self.justeringDate, self.justeringTimeCheck)
        QWidget.setTabOrder(self.justeringTimeCheck, self.justeringTime)

        self.retranslateUi(MeetingDialog)

        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"Sammantr\u00e4de", None))
        self.dateLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Datum:", None))
        self.placeLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Plats:", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"t.ex. Stadshuset, sammantr\u00e4desrum Stora salen", None))
        self.startCheck.setText(QCoreApplication.translate("MeetingDialog", u"Planerad &start:", None))
        self.startTime.setDisplayFormat(QCoreApplication.translate("MeetingDialog", u"HH:mm", None))
        self.firstParagrafCheck.setText(QCoreApplication.translate("MeetingDialog", u"Eget f\u00f6rsta &\u00a7:", None))
        self.justeringGroup.setTitle(QCoreApplication.translate("MeetingDialog", u"Justering", None))
        self.justerareLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Justerare:", None))
#if QT_CONFIG(tooltip)
        self.justerareList.setToolTip(QCoreApplication.translate("MeetingDialog", u"Kryssa f\u00f6r dem som ska justera protokollet.", None))
#endif // QT_CONFIG(tooltip)
        self.justeringPlaceLabel.setText(QCoreApplication.translate("MeetingDialog", u"P&lats:", None))
        self.justeringPlaceEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"t.ex. Kommunkontoret", None))
        self.justeringDateCheck.setText(QCoreApplication.translate("MeetingDialog", u"Da&tum:", None))
        self.justeringTimeCheck.setText(QCoreApplication.translate("MeetingDialog", u"T&id:", None))
        self.justeringTime.setDisplayFormat(QCoreApplication.translate("MeetingDialog", u"HH:mm", None))
    # retranslateUi

