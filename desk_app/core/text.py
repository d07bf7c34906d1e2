"""Vietnamese text folding for search: NFC, lower case, no tones or marks, đ→d; and the
characters a stored text may not hold.

FTS5's remove_diacritics does not fold đ, so everything that goes into the index,
and every query, is folded here first.
"""

import re
import unicodedata
from datetime import date

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


def dmy(value: date | str | None) -> str:
    """dd/mm/yyyy, as dates are written in Vietnamese documents, from a date (or datetime) or
    an ISO text ("2026-03-05", "2026-03-05T09:30"); "" for none; any other text as it is."""
    if not value:
        return ""
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
    return value


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


# Vietnamese collation: the alphabet's own letters after their base (a < ă < â, d < đ, e < ê,
# o < ô < ơ, u < ư), and the tones only where the letters are equal, in dictionary order:
# ngang, huyền, hỏi, ngã, sắc, nặng. Python compares code points, which puts "Chũ" before
# "Cảnh" and "Đ" after "Z".
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# base letter + breve, circumflex or horn
_WITH_MODIFIER = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                  ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SEPARATOR = "\x01"  # below every primary character: a prefix sorts before what extends it


def _letters(text: str):
    """(letter, tone, upper?) for each character of NFD text, modifiers folded into letters."""
    out: list[list] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not out:
                continue
            if ch in _TONES:
                out[-1][1] = _TONES[ch]
            else:
                out[-1][0] = _WITH_MODIFIER.get((out[-1][0], ch), out[-1][0])
            continue
        lower = ch.lower()
        out.append([lower, 0, ch != lower])
    return out


def sort_key(text: str) -> str:
    """A string whose plain (binary) order is Vietnamese dictionary order: usable in Python
    `sorted(key=sort_key)` and, stored in a column, by SQLite's BINARY collation (every
    character of the key is ASCII)."""
    primary, tones, cases = [], [], []
    for letter, tone, upper in _letters(text):
        if letter in _RANK:
            primary.append(chr(0x41 + _RANK[letter]))
        elif letter.isdigit():
            primary.append(chr(0x30 + int(letter)) if letter in "0123456789" else "9")
        elif letter.isspace():
            if primary and primary[-1] != " ":
                primary.append(" ")
            continue
        elif letter.isalpha():
            primary.append("~")  # another script: after the Vietnamese letters
        else:
            continue  # punctuation does not order names
        tones.append(chr(0x30 + tone))
        cases.append("1" if upper else "0")
    return "".join(primary).strip() + _SEPARATOR + "".join(tones) + _SEPARATOR + "".join(cases)


def matches(query: str, text: str) -> bool:
    """Every word of the query starts a word of the text, tones and đ ignored, in any order:
    "nhan hoa", "hoa nh" and "Nhân Hòa" all find "Phường Nhân Hòa"."""
    words = tokens(text)
    return all(any(w.startswith(q) for w in words) for q in tokens(query))


# ---- Vietnamese collation -------------------------------------------------------------------
# The alphabet's order (ă after a, â after ă, đ after d …), then the tones in dictionary order:
# none, huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot below), as CLDR's
# Vietnamese collation orders them. A key is compared as plain text (SQLite's BINARY, Python's
# str order): the letters first, then the tones. Unlike `sort_key` above (the catalog's names,
# sorted in Python), this key is stored (identity_snapshots.sort_key, migration 0013): its
# format may not change without a step that rewrites the column.
_KEY_ALPHABET = ("a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
                 "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z")
# Each letter becomes one printable ASCII character from 'A' on, in the alphabet's order.
_PRIMARY = {letter: chr(0x41 + i) for i, letter in enumerate(_KEY_ALPHABET)}
# Marks that make another letter of the alphabet (a + breve = ă …).
_LETTER_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                 ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_KEY_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_VOWELS = frozenset("aăâeêioôơuưy")
# Words are separated by '!', the letters from the tones by ' ': both sort before any letter or
# digit, so "An" < "An Bình" < "Anh". Letters outside the alphabet sort after it, as '}' and the
# letter itself; SORT_LAST ('~') sorts after every key.
_WORD_BREAK, _LEVEL_BREAK, _OTHER = "!", " ", "}"
SORT_LAST = "~"


def collation_key(text: str) -> str:
    """A text key that sorts Vietnamese as a dictionary does: 'Anh' < 'Ánh' < 'Ăn' < 'Ân' <
    'Dũng' < 'Đào'. Case is ignored; spaces and punctuation only separate words."""
    primary: list[str] = []
    tones: list[str] = []
    letter = tone = ""

    def close() -> None:
        nonlocal letter, tone
        if letter:
            primary.append(_PRIMARY.get(letter) or _OTHER + letter)
            if letter in _VOWELS:
                tones.append(tone or "0")
        letter = tone = ""

    for ch in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(ch):
            if (letter, ch) in _LETTER_MARKS:
                letter = _LETTER_MARKS[letter, ch]
            elif ch in _KEY_TONES and letter:
                tone = _KEY_TONES[ch]
            continue  # other marks do not change the order
        close()
        if ch.isalpha():
            letter = "đ" if ch == "ð" else ch  # the look-alike eth, typed for Đ on some keyboards
        elif ch.isdigit() and ch.isascii():
            primary.append(ch)
        elif primary and primary[-1] != _WORD_BREAK:  # spaces, hyphens …: between words
            primary.append(_WORD_BREAK)
    close()
    while primary and primary[-1] == _WORD_BREAK:
        primary.pop()
    # Trailing toneless vowels add nothing: two keys with the same letters have their vowels in
    # the same places, so dropping them keeps the order.
    return "".join(primary) + _LEVEL_BREAK + "".join(tones).rstrip("0")
