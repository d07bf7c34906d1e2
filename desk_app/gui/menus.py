"""The menu bar: every action of the main window, each with its shortcut shown beside it.

One owner per key: the shortcuts live here, not on the pages, so a key never means two
things (Qt ignores a shortcut that two actions of one window share).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

translate = QCoreApplication.translate


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

    file_menu = bar.addMenu(translate("Menus", "&Tệp"))
    add(file_menu, "new_visit", translate("Menus", "Lượt tiếp &mới (người tiếp theo)"), window.new_visit,
        QKeySequence.New)
    add(file_menu, "save", translate("Menus", "&Ghi sổ lượt tiếp"), window.save_visit, QKeySequence.Save)
    add(file_menu, "print_receipt", translate("Menus", "&In giấy biên nhận vừa ghi…"), window.print_receipt,
        QKeySequence.Print)
    file_menu.addSeparator()
    add(file_menu, "export_log", translate("Menus", "&Xuất sổ tiếp công dân…"), window.export_log, "Ctrl+E")
    file_menu.addSeparator()
    add(file_menu, "quit", translate("Menus", "&Thoát"), window.quit, "Ctrl+Q")

    view_menu = bar.addMenu(translate("Menus", "&Xem"))
    add(view_menu, "intake", translate("Menus", "&Tiếp công dân (ô quét mã QR)"),
        lambda: window.show_page("intake"), "F2")
    add(view_menu, "log", translate("Menus", "&Sổ tiếp công dân"), lambda: window.show_page("log"), "F3")
    add(view_menu, "cases", translate("Menus", "Theo dõi &vụ việc"), lambda: window.show_page("cases"), "F4")
    add(view_menu, "schedule", translate("Menus", "Lịc&h tiếp công dân"),
        lambda: window.show_page("schedule"), "F6")
    add(view_menu, "reception_day", translate("Menus", "&Buổi tiếp của lãnh đạo đang diễn ra…"),
        window.open_current_day, "F7")
    add(view_menu, "reports", translate("Menus", "Báo cáo định &kỳ"),
        lambda: window.show_page("reports"), "F8")
    add(view_menu, "overview", translate("Menus", "Tổng &quan (biểu đồ cho lãnh đạo)"),
        lambda: window.show_page("overview"), "F9")
    view_menu.addSeparator()
    add(view_menu, "search", translate("Menus", "Tìm &kiếm"), window.focus_search, QKeySequence.Find)
    add(view_menu, "refresh", translate("Menus", "&Làm mới danh sách"), window.refresh, "F5")

    tools_menu = bar.addMenu(translate("Menus", "&Công cụ"))
    add(tools_menu, "add_officer", translate("Menus", "&Thêm cán bộ tiếp công dân…"), window.ask_new_officer)
    add(tools_menu, "settings", translate("Menus", "&Cài đặt…"), window.open_settings, "Ctrl+,")
    add(tools_menu, "bundle", translate("Menus", "Gửi dữ liệu lên &tỉnh…"), window.open_bundle)
    add(tools_menu, "backups", translate("Menus", "&Sao lưu, khôi phục…"), window.open_backups)
    add(tools_menu, "lock", translate("Menus", "&Khóa màn hình"), window.lock_now, "Ctrl+L")

    help_menu = bar.addMenu(translate("Menus", "Trợ g&iúp"))
    add(help_menu, "help", translate("Menus", "&Hướng dẫn cho màn hình này"), window.open_help,
        QKeySequence.HelpContents)
    add(help_menu, "shortcuts", translate("Menus", "&Phím tắt"), lambda: window.open_help("shortcuts"))
    add(help_menu, "legal", translate("Menus", "&Căn cứ pháp lý của thời hạn và biểu mẫu"),
        lambda: window.open_help("legal"))
    help_menu.addSeparator()
    add(help_menu, "about", translate("Menus", "&Giới thiệu…"), window.open_about)
    return actions
