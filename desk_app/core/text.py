"""Vietnamese text folding for search: NFC, lower case, no tones or marks, đ→d.

FTS5's remove_diacritics does not fold đ, so everything that goes into the index,
and every query, is folded here first.
"""

import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "d"})
_TOKEN = re.compile(r"[0-9a-z]+")


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
    """NFC and single spaces: how every user-typed string is stored."""
    if text is None:
        return ""
    return " ".join(nfc(text).split())
