"""Screenshots of the first run, every page and every dialog at a given screen size, scale
and theme, for a person to look at (offscreen Qt, no display needed).

    .venv/bin/python tools/screenshots.py --size 1366x768 --scale 1.5 --theme dark --out shots/

Each window is shown at the size the app gives it on that screen and grabbed to a PNG; a
report (fit.txt) lists every window's size against the available screen and flags any that
do not fit or whose minimum size is larger than the screen.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _configure(size: str, scale: float, theme: str) -> None:
    width, height = (int(x) for x in size.split("x"))
    config = Path(tempfile.mkdtemp(prefix="desk-shots-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "shot", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    os.environ["DESK_APP_THEME"] = theme
    sys.path.insert(0, str(ROOT))


class Shots:
    def __init__(self, out: Path):
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance()
        self.out = out
        self.lines: list[str] = []
        self.screen = self.app.primaryScreen().availableGeometry()

    def settle(self, ms: int = 150) -> None:
        import time

        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def grab(self, widget, name: str) -> None:
        widget.show()
        widget.raise_()
        self.settle()
        frame = widget.frameGeometry()
        hint = widget.minimumSizeHint()
        fits = (frame.width() <= self.screen.width() and frame.height() <= self.screen.height())
        hint_fits = (hint.width() <= self.screen.width() and hint.height() <= self.screen.height())
        flag = "ok" if fits and hint_fits else "DOES NOT FIT"
        self.lines.append(f"{name:34} {frame.width():5}x{frame.height():<5} min "
                          f"{hint.width():5}x{hint.height():<5} screen {self.screen.width()}x"
                          f"{self.screen.height()}  {flag}")
        widget.grab().save(str(self.out / f"{name}.png"))

    def wait(self, condition, timeout: float = 10) -> None:
        import time

        end = time.monotonic() + timeout
        while not condition() and time.monotonic() < end:
            self.settle(30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size", default="1366x768")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--theme", default="light", choices=("light", "dark"))
    ap.add_argument("--out", default="shots")
    ap.add_argument("--only", default="", help="comma-separated names to take (default: all)")
    args = ap.parse_args()
    _configure(args.size, args.scale, args.theme)

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.AA_DontUseNativeDialogs, True)
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("BanTiepDanShots")
    app.setApplicationName("shots")
    from desk_app.gui.app import install_translators
    from desk_app.gui.theme import apply_theme

    apply_theme(app)
    install_translators(app)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    shots = Shots(out)
    from tools.screens import take_all

    take_all(shots, Path(tempfile.mkdtemp(prefix="desk-shots-data-")),
             set(filter(None, args.only.split(","))))
    (out / "fit.txt").write_text("\n".join(shots.lines) + "\n", encoding="utf-8")
    print("\n".join(shots.lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
