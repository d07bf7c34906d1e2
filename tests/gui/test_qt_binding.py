"""The Qt binding keeps Python's reference counts: a binding that drops a reference to None
on each call of a Qt method returning nothing aborts the app ("deallocating None") after
enough calls on Python 3.11 (PySide6 6.12.0 does; pyproject.toml keeps it out there)."""

import sys

import pytest
from PySide6.QtWidgets import QLabel, QProgressDialog


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_the_reference_count_of_none(qtbot):
    label, bar = QLabel(), QProgressDialog()
    qtbot.addWidget(label)
    qtbot.addWidget(bar)
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText("Đặng Văn Dũng")
        bar.setValue(n % 100)
    assert sys.getrefcount(None) - before > -100
