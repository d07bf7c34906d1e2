"""Vietnamese text folding for search: NFC, lower case, no tones or marks, đ→d; and the
characters a stored text may not hold.

FTS5's remove_diacritics does not fold đ, so everything that goes into the index,
and every query, is folded here first.
"""

import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "d"})
_TOKEN = re.compile(r"[0-9a-z]+")
# Invisible characters that text pasted from a web page or a word processor carries: zero-width
# space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen. Removed from free text
# (they change nothing a reader sees but split words for the search); refused in names.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROP_ZERO_WIDTH = str.maketrans(dict.fromkeys(ZERO_WIDTH))
# Unicode categories never stored: control characters (NUL, ESC …), format characters (the bidi
# overrides U+202A-E and isolates U+2066-9 that reorder what a reader sees), surrogates,
# private-use and unassigned code points.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """'Nguyễn Văn Dũng' → 'nguyen van dung' (NFC or NFD input alike)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower().translate(_D)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def clean(text: str | None) -> str:
    """NFC, single spaces, no zero-width characters: how every user-typed string is stored."""
    if text is None:
        return ""
    return " ".join(nfc(text.translate(_DROP_ZERO_WIDTH)).split())


def hidden_char(text: str, *, allow_whitespace: bool = True) -> str | None:
    """The first character of `text` that must not be stored (a control, bidi or other
    invisible formatting character), or None. Whitespace controls (tab, line ends) are allowed
    unless `allow_whitespace` is False: `clean` turns them into spaces."""
    for ch in text:
        if unicodedata.category(ch) in _HIDDEN_CATEGORIES and not (
                allow_whitespace and ch.isspace()):
            return ch
    return None


def code_point(ch: str) -> str:
    """'U+202E': how a message names a character it must not print."""
    return f"U+{ord(ch):04X}"


def visible(text: str) -> str:
    """Text safe to print on a terminal: every control or formatting character (an escape
    sequence, a bidi override) is shown as its code point instead of acting."""
    if hidden_char(text, allow_whitespace=False) is None:
        return text
    return "".join(f"<{code_point(ch)}>" if unicodedata.category(ch) in _HIDDEN_CATEGORIES
                   else ch for ch in text)
