"""The menu bar: every action of the main window, each with its shortcut shown beside it.

One owner per key: the shortcuts live here, not on the pages, so a key never means two
things (Qt ignores a shortcut that two actions of one window share).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


def build_menus(window) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    bar = window.menuBar()

    def add(menu, name: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_: slot())
        menu.addAction(action)
        window.addAction(action)  # the shortcut works with the menu bar hidden too
        actions[name] = action
        return action

    file_menu = bar.addMenu(_tr("&Tệp"))
    add(file_menu, "new_visit", _tr("Lượt tiếp &mới (người tiếp theo)"), window.new_visit,
        QKeySequence.New)
    add(file_menu, "save", _tr("&Ghi sổ lượt tiếp"), window.save_visit, QKeySequence.Save)
    add(file_menu, "print_receipt", _tr("&In giấy biên nhận vừa ghi…"), window.print_receipt,
        QKeySequence.Print)
    file_menu.addSeparator()
    add(file_menu, "export_log", _tr("&Xuất sổ tiếp công dân…"), window.export_log, "Ctrl+E")
    file_menu.addSeparator()
    add(file_menu, "quit", _tr("&Thoát"), window.close, "Ctrl+Q")

    view_menu = bar.addMenu(_tr("&Xem"))
    add(view_menu, "intake", _tr("&Tiếp công dân (ô quét mã QR)"),
        lambda: window.show_page("intake"), "F2")
    add(view_menu, "log", _tr("&Sổ tiếp công dân"), lambda: window.show_page("log"), "F3")
    add(view_menu, "cases", _tr("Theo dõi &vụ việc"), lambda: window.show_page("cases"), "F4")
    view_menu.addSeparator()
    add(view_menu, "search", _tr("Tìm &kiếm"), window.focus_search, QKeySequence.Find)
    add(view_menu, "refresh", _tr("&Làm mới danh sách"), window.refresh, "F5")

    tools_menu = bar.addMenu(_tr("&Công cụ"))
    add(tools_menu, "add_officer", _tr("&Thêm cán bộ tiếp công dân…"), window.ask_new_officer)
    add(tools_menu, "settings", _tr("&Cài đặt…"), window.open_settings, "Ctrl+,")

    help_menu = bar.addMenu(_tr("Trợ g&iúp"))
    add(help_menu, "help", _tr("&Hướng dẫn cho màn hình này"), window.open_help,
        QKeySequence.HelpContents)
    add(help_menu, "shortcuts", _tr("&Phím tắt"), lambda: window.open_help("shortcuts"))
    add(help_menu, "legal", _tr("&Căn cứ pháp lý của thời hạn và biểu mẫu"),
        lambda: window.open_help("legal"))
    help_menu.addSeparator()
    add(help_menu, "about", _tr("&Giới thiệu…"), window.open_about)
    return actions
