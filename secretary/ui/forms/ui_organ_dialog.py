# Generated from forms/organ_dialog.ui by scripts/build_forms.py. Do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organ_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_OrganDialog(object):
    def setupUi(self, OrganDialog):
        if not OrganDialog.objectName():
            OrganDialog.setObjectName(u"OrganDialog")
        OrganDialog.resize(520, 640)
        self.verticalLayout = QVBoxLayout(OrganDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(OrganDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(OrganDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.shortNameLabel = QLabel(OrganDialog)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortNameEdit = QLineEdit(OrganDialog)
        self.shortNameEdit.setObjectName(u"shortNameEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortNameEdit)

        self.kindLabel = QLabel(OrganDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(OrganDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.forvaringsplatsLabel = QLabel(OrganDialog)
        self.forvaringsplatsLabel.setObjectName(u"forvaringsplatsLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.forvaringsplatsLabel)

        self.forvaringsplatsEdit = QLineEdit(OrganDialog)
        self.forvaringsplatsEdit.setObjectName(u"forvaringsplatsEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.forvaringsplatsEdit)

        self.dnrPatternLabel = QLabel(OrganDialog)
        self.dnrPatternLabel.setObjectName(u"dnrPatternLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dnrPatternLabel)

        self.dnrPatternEdit = QLineEdit(OrganDialog)
        self.dnrPatternEdit.setObjectName(u"dnrPatternEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dnrPatternEdit)

        self.dnrExampleLabel = QLabel(OrganDialog)
        self.dnrExampleLabel.setObjectName(u"dnrExampleLabel")
        self.dnrExampleLabel.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dnrExampleLabel)

        self.personligaCheck = QCheckBox(OrganDialog)
        self.personligaCheck.setObjectName(u"personligaCheck")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.personligaCheck)

        self.partiordningLabel = QLabel(OrganDialog)
        self.partiordningLabel.setObjectName(u"partiordningLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.partiordningLabel)

        self.partiordningEdit = QPlainTextEdit(OrganDialog)
        self.partiordningEdit.setObjectName(u"partiordningEdit")
        self.partiordningEdit.setTabChangesFocus(True)
        self.partiordningEdit.setMaximumSize(QSize(16777215, 70))

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.partiordningEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.labelsGroup = QGroupBox(OrganDialog)
        self.labelsGroup.setObjectName(u"labelsGroup")
        self.labelsForm = QFormLayout(self.labelsGroup)
        self.labelsForm.setObjectName(u"labelsForm")

        self.verticalLayout.addWidget(self.labelsGroup)

        self.errorLabel = QLabel(OrganDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(OrganDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.shortNameLabel.setBuddy(self.shortNameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.forvaringsplatsLabel.setBuddy(self.forvaringsplatsEdit)
        self.dnrPatternLabel.setBuddy(self.dnrPatternEdit)
        self.partiordningLabel.setBuddy(self.partiordningEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.shortNameEdit)
        QWidget.setTabOrder(self.shortNameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.forvaringsplatsEdit)
        QWidget.setTabOrder(self.forvaringsplatsEdit, self.dnrPatternEdit)
        QWidget.setTabOrder(self.dnrPatternEdit, self.personligaCheck)
        QWidget.setTabOrder(self.personligaCheck, self.partiordningEdit)

        self.retranslateUi(OrganDialog)

        QMetaObject.connectSlotsByName(OrganDialog)
    # setupUi

    def retranslateUi(self, OrganDialog):
        OrganDialog.setWindowTitle(QCoreApplication.translate("OrganDialog", u"Organ", None))
        self.nameLabel.setText(QCoreApplication.translate("OrganDialog", u"&Namn:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("OrganDialog", u"t.ex. Kommunstyrelsens arbetsutskott", None))
        self.shortNameLabel.setText(QCoreApplication.translate("OrganDialog", u"&Kortnamn:", None))
        self.shortNameEdit.setPlaceholderText(QCoreApplication.translate("OrganDialog", u"t.ex. KSAU", None))
        self.kindLabel.setText(QCoreApplication.translate("OrganDialog", u"&Typ:", None))
        self.forvaringsplatsLabel.setText(QCoreApplication.translate("OrganDialog", u"&F\u00f6rvaringsplats:", None))
        self.forvaringsplatsEdit.setPlaceholderText(QCoreApplication.translate("OrganDialog", u"var protokollen f\u00f6rvaras, t.ex. Kommunkansliet", None))
        self.dnrPatternLabel.setText(QCoreApplication.translate("OrganDialog", u"&Dnr-m\u00f6nster:", None))
        self.dnrPatternEdit.setPlaceholderText(QCoreApplication.translate("OrganDialog", u"m\u00f6nster, t.ex. KS \u00c5\u00c5\u00c5\u00c5/####", None))
        self.personligaCheck.setText(QCoreApplication.translate("OrganDialog", u"Organet har &personliga ers\u00e4ttare", None))
        self.partiordningLabel.setText(QCoreApplication.translate("OrganDialog", u"&Ers\u00e4ttarordning\n"
"mellan partier:", None))
        self.partiordningEdit.setPlaceholderText(QCoreApplication.translate("OrganDialog", u"Alla: S, M, L, C, KD, MP, V\n"
"S: V, MP", None))
#if QT_CONFIG(tooltip)
        self.partiordningEdit.setToolTip(QCoreApplication.translate("OrganDialog", u"Ur vilka andra partier ers\u00e4ttare kallas in n\u00e4r det egna partiet inte har n\u00e5gon p\u00e5 plats. F\u00f6rsta raden g\u00e4ller alla partier; en rad per parti g\u00e4ller det partiets egen ordning.", None))
#endif // QT_CONFIG(tooltip)
        self.labelsGroup.setTitle(QCoreApplication.translate("OrganDialog", u"Rubriker i protokollet", None))
    # retranslateUi

