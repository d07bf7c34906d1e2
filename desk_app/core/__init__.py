"""Qt-free domain core: storage, rules, intake, search. Never import PySide6 here."""
