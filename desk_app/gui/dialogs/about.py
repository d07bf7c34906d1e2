"""Giới thiệu: version, where the data and the log live, and the licences of what the app
bundles (fonts and libraries)."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from desk_app import __version__, paths
from desk_app.gui.widgets.screen import fit


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giới thiệu Bàn tiếp dân"))
        self.setObjectName("about")
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        self.text.setSearchPaths([str(paths.resources_dir() / "help")])
        self.text.setHtml(self._html(data_dir))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        fit(self, 720, 620)

    def _html(self, data_dir: Path) -> str:
        licences = (paths.resources_dir() / "help" / "licences.html").read_text(encoding="utf-8")
        rows = [
            (self.tr("Phiên bản"), __version__),
            (self.tr("Thư mục dữ liệu"), str(data_dir)),
            (self.tr("Tệp nhật ký lỗi"), str(paths.log_dir() / "desk_app.log")),
            (self.tr("Nền tảng"), f"Python {platform.python_version()} · Qt {qVersion()} · "
                                  f"PySide6 {pyside_version} · {platform.system()}"),
        ]
        table = "".join(f"<tr><th align=left valign=top>{escape(k)}</th>"
                        f"<td>{escape(v)}</td></tr>" for k, v in rows)
        title = self.tr("Bàn tiếp dân")
        about = self.tr("Phần mềm tiếp công dân, ghi sổ, theo dõi vụ việc của Ủy ban nhân dân cấp "
                        "xã. Chạy không cần mạng; dữ liệu nằm trong thư mục dữ liệu dưới đây.")
        return (f"<h2>{escape(title)}</h2><p>{escape(about)}</p>"
                f"<table cellspacing=4>{table}</table>" + licences)
