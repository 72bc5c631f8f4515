# Generated from forms/member_dialog.ui by scripts/build_forms.py. Do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(480, 460)
        self.verticalLayout = QVBoxLayout(MemberDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.firstNameLabel = QLabel(MemberDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(MemberDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(MemberDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(MemberDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.partyLabel = QLabel(MemberDialog)
        self.partyLabel.setObjectName(u"partyLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.partyLabel)

        self.partyCombo = QComboBox(MemberDialog)
        self.partyCombo.setObjectName(u"partyCombo")
        self.partyCombo.setEditable(True)
        self.partyCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.partyCombo)

        self.rollLabel = QLabel(MemberDialog)
        self.rollLabel.setObjectName(u"rollLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rollLabel)

        self.rollCombo = QComboBox(MemberDialog)
        self.rollCombo.setObjectName(u"rollCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rollCombo)

        self.funktionLabel = QLabel(MemberDialog)
        self.funktionLabel.setObjectName(u"funktionLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.funktionLabel)

        self.funktionCombo = QComboBox(MemberDialog)
        self.funktionCombo.setObjectName(u"funktionCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.funktionCombo)

        self.ordningLabel = QLabel(MemberDialog)
        self.ordningLabel.setObjectName(u"ordningLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ordningLabel)

        self.ordningSpin = QSpinBox(MemberDialog)
        self.ordningSpin.setObjectName(u"ordningSpin")
        self.ordningSpin.setMaximum(999)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ordningSpin)

        self.titleLabel = QLabel(MemberDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(MemberDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.emailLabel = QLabel(MemberDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(MemberDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.ersattareForLabel = QLabel(MemberDialog)
        self.ersattareForLabel.setObjectName(u"ersattareForLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.ersattareForLabel)

        self.ersattareForCombo = QComboBox(MemberDialog)
        self.ersattareForCombo.setObjectName(u"ersattareForCombo")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.ersattareForCombo)

        self.periodLabel = QLabel(MemberDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodLayout = QHBoxLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodFromCheck = QCheckBox(MemberDialog)
        self.periodFromCheck.setObjectName(u"periodFromCheck")

        self.periodLayout.addWidget(self.periodFromCheck)

        self.periodFromDate = QDateEdit(MemberDialog)
        self.periodFromDate.setObjectName(u"periodFromDate")
        self.periodFromDate.setCalendarPopup(True)

        self.periodLayout.addWidget(self.periodFromDate)

        self.periodToCheck = QCheckBox(MemberDialog)
        self.periodToCheck.setObjectName(u"periodToCheck")

        self.periodLayout.addWidget(self.periodToCheck)

        self.periodToDate = QDateEdit(MemberDialog)
        self.periodToDate.setObjectName(u"periodToDate")
        self.periodToDate.setCalendarPopup(True)

        self.periodLayout.addWidget(self.periodToDate)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodLayout.addItem(self.periodSpacer)


        self.formLayout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.periodLayout)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(MemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verticalLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.partyLabel.setBuddy(self.partyCombo)
        self.rollLabel.setBuddy(self.rollCombo)
        self.funktionLabel.setBuddy(self.funktionCombo)
        self.ordningLabel.setBuddy(self.ordningSpin)
        self.titleLabel.setBuddy(self.titleEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.ersattareForLabel.setBuddy(self.ersattareForCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.partyCombo)
        QWidget.setTabOrder(self.partyCombo, self.rollCombo)
        QWidget.setTabOrder(self.rollCombo, self.funktionCombo)
        QWidget.setTabOrder(self.funktionCombo, self.ordningSpin)
        QWidget.setTabOrder(self.ordningSpin, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.ersattareForCombo)
        QWidget.setTabOrder(self.ersattareForCombo, self.periodFromCheck)
        QWidget.setTabOrder(self.periodFromCheck, self.periodFromDate)
        QWidget.setTabOrder(self.periodFromDate, self.periodToCheck)
        QWidget.setTabOrder(self.periodToCheck, self.periodToDate)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"Ledamot eller ers\u00e4ttare", None))
        self.firstNameLabel.setText(QCoreApplication.translate("MemberDialog", u"&F\u00f6rnamn:", None))
        self.lastNameLabel.setText(QCoreApplication.translate("MemberDialog", u"&Efternamn:", None))
        self.partyLabel.setText(QCoreApplication.translate("MemberDialog", u"&Parti:", None))
        self.rollLabel.setText(QCoreApplication.translate("MemberDialog", u"&Roll:", None))
        self.funktionLabel.setText(QCoreApplication.translate("MemberDialog", u"F&unktion:", None))
        self.ordningLabel.setText(QCoreApplication.translate("MemberDialog", u"&Ordning:", None))
        self.titleLabel.setText(QCoreApplication.translate("MemberDialog", u"&Titel:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"t.ex. kommundirekt\u00f6r", None))
        self.emailLabel.setText(QCoreApplication.translate("MemberDialog", u"E-&post:", None))
        self.ersattareForLabel.setText(QCoreApplication.translate("MemberDialog", u"Personlig ers\u00e4ttare &f\u00f6r:", None))
        self.periodLabel.setText(QCoreApplication.translate("MemberDialog", u"Mandatperiod:", None))
        self.periodFromCheck.setText(QCoreApplication.translate("MemberDialog", u"fr\u00e5n", None))
        self.periodToCheck.setText(QCoreApplication.translate("MemberDialog", u"till", None))
    # retranslateUi

