"""The printing font: a serif with every Vietnamese letter in four styles, embedded as a subset.

Decree 30/2020 asks for Times New Roman (Unicode). Where the system has it (Windows, or the
msttcorefonts package on Linux) it is used; otherwise the bundled Liberation Serif 2.x, which
has the same metrics (SIL OFL 1.1, licence in resources/fonts/). `DESK_APP_PRINT_FONT`
chooses: `auto` (default), `bundled` (tests: the same bytes on every machine) or `times`.
A system font that lacks a Vietnamese letter is skipped, never half used.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.paths import resources_dir

ENV = "DESK_APP_PRINT_FONT"
STYLES = ("regular", "bold", "italic", "bold_italic")
_BUNDLED = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
# Times New Roman file names: Windows / macOS / msttcorefonts (both spellings it has used).
_TIMES_NAMES = {
    "regular": ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf"),
    "bold": ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf"),
    "italic": ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf"),
    "bold_italic": ("timesbi.ttf", "Times New Roman Bold Italic.ttf",
                    "Times_New_Roman_Bold_Italic.ttf"),
}


def _font_dirs() -> list[Path]:
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [Path("/usr/share/fonts/truetype/msttcorefonts"), Path("/usr/share/fonts/msttcore"),
             Path("/usr/share/fonts/truetype/msttcore"), Path("/usr/share/fonts/TTF"),
             Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
             Path.home() / ".fonts", Path.home() / ".local" / "share" / "fonts"]
    return dirs


def _vietnamese_letters() -> str:
    base = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    tones = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    letters = set(base + base.upper())
    for vowel in "aăâeêioôơuưy":
        for tone in tones:
            letters.add(unicodedata.normalize("NFC", vowel + tone))
            letters.add(unicodedata.normalize("NFC", vowel.upper() + tone))
    return "".join(sorted(letters))


VIETNAMESE_LETTERS = _vietnamese_letters()


def _covers(font: TTFont) -> bool:
    glyphs = font.face.charToGlyph
    return all(ord(ch) in glyphs for ch in VIETNAMESE_LETTERS)


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names; `family` makes <b>/<i> work in paragraphs."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    source: str  # "times" or "bundled"
    files: tuple[str, ...]


def _find_times() -> dict[str, Path] | None:
    found = {}
    for style, names in _TIMES_NAMES.items():
        for folder in _font_dirs():
            hit = next((folder / n for n in names if (folder / n).is_file()), None)
            if hit:
                found[style] = hit
                break
        else:
            return None
    return found


def _register(source: str, files: dict[str, Path]) -> FontSet | None:
    family = "DeskSerif-" + source
    names = {style: f"{family}-{style}" for style in STYLES}
    fonts = {}
    for style in STYLES:
        try:
            font = TTFont(names[style], str(files[style]))
        except Exception:  # a broken or unreadable system font: fall back, never fail to print
            return None
        if not _covers(font):
            return None
        fonts[style] = font
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    for bold, italic, style in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"),
                                (1, 1, "bold_italic")):
        addMapping(family, bold, italic, names[style])
    return FontSet(family, names["regular"], names["bold"], names["italic"],
                   names["bold_italic"], source, tuple(str(files[s]) for s in STYLES))


@cache
def _fonts_for(choice: str) -> FontSet:
    if choice in ("auto", "times"):
        times = _find_times()
        chosen = _register("times", times) if times else None
        if chosen:
            return chosen
    folder = resources_dir() / "fonts"
    files = {style: folder / name for style, name in _BUNDLED.items()}
    if not all(p.is_file() for p in files.values()):
        raise DeskError(messages.PRINT_FONT_MISSING.format(folder=folder))
    chosen = _register("bundled", files)
    if chosen is None:
        raise DeskError(messages.PRINT_FONT_MISSING.format(folder=folder))
    return chosen


def fonts() -> FontSet:
    """The printing fonts, registered with reportlab once per process for each choice."""
    choice = os.environ.get(ENV, "auto").strip().lower() or "auto"
    if choice not in ("auto", "bundled", "times"):
        choice = "auto"
    return _fonts_for(choice)
