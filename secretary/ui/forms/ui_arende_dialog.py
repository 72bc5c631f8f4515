# Generated from forms/arende_dialog.ui by scripts/build_forms.py. Do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'arende_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ArendeDialog(object):
    def setupUi(self, ArendeDialog):
        if not ArendeDialog.objectName():
            ArendeDialog.setObjectName(u"ArendeDialog")
        ArendeDialog.resize(640, 640)
        self.verticalLayout = QVBoxLayout(ArendeDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.rubrikLabel = QLabel(ArendeDialog)
        self.rubrikLabel.setObjectName(u"rubrikLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.rubrikLabel)

        self.rubrikEdit = QLineEdit(ArendeDialog)
        self.rubrikEdit.setObjectName(u"rubrikEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.rubrikEdit)

        self.dnrLabel = QLabel(ArendeDialog)
        self.dnrLabel.setObjectName(u"dnrLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dnrLabel)

        self.dnrEdit = QLineEdit(ArendeDialog)
        self.dnrEdit.setObjectName(u"dnrEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dnrEdit)

        self.dnrWarningLabel = QLabel(ArendeDialog)
        self.dnrWarningLabel.setObjectName(u"dnrWarningLabel")
        self.dnrWarningLabel.setWordWrap(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dnrWarningLabel)

        self.forslagLabel = QLabel(ArendeDialog)
        self.forslagLabel.setObjectName(u"forslagLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.forslagLabel)

        self.forslagEdit = QPlainTextEdit(ArendeDialog)
        self.forslagEdit.setObjectName(u"forslagEdit")
        self.forslagEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.forslagEdit)

        self.sammanfattningLabel = QLabel(ArendeDialog)
        self.sammanfattningLabel.setObjectName(u"sammanfattningLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sammanfattningLabel)

        self.sammanfattningEdit = QPlainTextEdit(ArendeDialog)
        self.sammanfattningEdit.setObjectName(u"sammanfattningEdit")
        self.sammanfattningEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sammanfattningEdit)

        self.beslutsunderlagLabel = QLabel(ArendeDialog)
        self.beslutsunderlagLabel.setObjectName(u"beslutsunderlagLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.beslutsunderlagLabel)

        self.beslutsunderlagEdit = QPlainTextEdit(ArendeDialog)
        self.beslutsunderlagEdit.setObjectName(u"beslutsunderlagEdit")
        self.beslutsunderlagEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.beslutsunderlagEdit)

        self.expedierasLabel = QLabel(ArendeDialog)
        self.expedierasLabel.setObjectName(u"expedierasLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.expedierasLabel)

        self.expedierasEdit = QPlainTextEdit(ArendeDialog)
        self.expedierasEdit.setObjectName(u"expedierasEdit")
        self.expedierasEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.expedierasEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ArendeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ArendeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.rubrikLabel.setBuddy(self.rubrikEdit)
        self.dnrLabel.setBuddy(self.dnrEdit)
        self.forslagLabel.setBuddy(self.forslagEdit)
        self.sammanfattningLabel.setBuddy(self.sammanfattningEdit)
        self.beslutsunderlagLabel.setBuddy(self.beslutsunderlagEdit)
        self.expedierasLabel.setBuddy(self.expedierasEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rubrikEdit, self.dnrEdit)
        QWidget.setTabOrder(self.dnrEdit, self.forslagEdit)
        QWidget.setTabOrder(self.forslagEdit, self.sammanfattningEdit)
        QWidget.setTabOrder(self.sammanfattningEdit, self.beslutsunderlagEdit)
        QWidget.setTabOrder(self.beslutsunderlagEdit, self.expedierasEdit)

        self.retranslateUi(ArendeDialog)

        QMetaObject.connectSlotsByName(ArendeDialog)
    # setupUi

    def retranslateUi(self, ArendeDialog):
        ArendeDialog.setWindowTitle(QCoreApplication.translate("ArendeDialog", u"\u00c4rende", None))
        self.rubrikLabel.setText(QCoreApplication.translate("ArendeDialog", u"&Rubrik:", None))
        self.dnrLabel.setText(QCoreApplication.translate("ArendeDialog", u"&Dnr:", None))
        self.forslagLabel.setText(QCoreApplication.translate("ArendeDialog", u"&F\u00f6rslag till beslut:", None))
        self.forslagEdit.setPlaceholderText(QCoreApplication.translate("ArendeDialog", u"att-satser, en per rad", None))
        self.sammanfattningLabel.setText(QCoreApplication.translate("ArendeDialog", u"&Sammanfattning:", None))
        self.beslutsunderlagLabel.setText(QCoreApplication.translate("ArendeDialog", u"&Beslutsunderlag:", None))
        self.beslutsunderlagEdit.setPlaceholderText(QCoreApplication.translate("ArendeDialog", u"ett dokument per rad", None))
        self.expedierasLabel.setText(QCoreApplication.translate("ArendeDialog", u"&Expedieras till:", None))
        self.expedierasEdit.setPlaceholderText(QCoreApplication.translate("ArendeDialog", u"en mottagare per rad", None))
    # retranslateUi

