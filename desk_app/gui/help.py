"""Offline help: one plain-Vietnamese page per screen (resources/help/*.html), opened with F1
on that screen, with the legal basis of each deadline and form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from desk_app import paths
from desk_app.gui.widgets.screen import fit

translate = QCoreApplication.translate


def topics() -> dict[str, str]:
    """Help page name → its title in the list, in reading order."""
    return {
        "index": translate("Help", "Bắt đầu"),
        "first_run": translate("Help", "Thiết lập lần đầu"),
        "intake": translate("Help", "Tiếp công dân"),
        "log": translate("Help", "Sổ tiếp công dân"),
        "cases": translate("Help", "Theo dõi vụ việc"),
        "case": translate("Help", "Cửa sổ vụ việc"),
        "schedule": translate("Help", "Lịch tiếp công dân"),
        "reports": translate("Help", "Báo cáo định kỳ"),
        "overview": translate("Help", "Tổng quan"),
        "documents": translate("Help", "In giấy tờ"),
        "settings": translate("Help", "Cài đặt"),
        "legal": translate("Help", "Căn cứ pháp lý"),
        "shortcuts": translate("Help", "Phím tắt"),
    }


def help_dir():
    return paths.resources_dir() / "help"


class HelpDialog(QDialog):
    def __init__(self, topic: str = "index", parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Hướng dẫn — Bàn tiếp dân"))
        self.setObjectName("help")
        self.pages = QListWidget(self)
        for name, title in topics().items():
            item = QListWidgetItem(title, self.pages)
            item.setData(Qt.UserRole, name)
        self.pages.setMaximumWidth(200)
        self.text = QTextBrowser(self)
        self.text.setSearchPaths([str(help_dir())])
        self.text.setOpenExternalLinks(False)
        self.text.sourceChanged.connect(self._sync_list)
        self.pages.currentRowChanged.connect(self._list_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.pages)
        body.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        fit(self, 900, 680)
        self.show_topic(topic)

    def show_topic(self, topic: str) -> None:
        if topic not in topics():
            topic = "index"
        self.text.setSource(QUrl(f"{topic}.html"))

    def _list_changed(self, row: int) -> None:
        item = self.pages.item(row)
        if item is not None and self.text.source().toString() != f"{item.data(Qt.UserRole)}.html":
            self.show_topic(item.data(Qt.UserRole))

    def _sync_list(self, url: QUrl) -> None:
        name = url.fileName().removesuffix(".html")
        for row in range(self.pages.count()):
            if self.pages.item(row).data(Qt.UserRole) == name:
                self.pages.blockSignals(True)
                self.pages.setCurrentRow(row)
                self.pages.blockSignals(False)


def show_help(parent, topic: str) -> HelpDialog:
    """One help window per parent, brought to the front on the asked page."""
    dialog = getattr(parent, "_help_dialog", None)
    if dialog is None:
        dialog = HelpDialog(topic, parent)
        parent._help_dialog = dialog
    else:
        dialog.show_topic(topic)
    dialog.show()
    dialog.raise_()
    return dialog


def add_help_key(widget, topic: str) -> QAction:
    """F1 in this window opens its help page."""
    action = QAction(widget)
    action.setShortcut(QKeySequence(QKeySequence.HelpContents))
    action.triggered.connect(lambda *_: show_help(widget, topic))
    widget.addAction(action)
    return action
