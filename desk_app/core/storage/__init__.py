"""Storage: the one place a connection is opened (pragmas, WAL, migrations, backups), the
append-only schema steps, office identity and officers, and the office's settings.

Lowest layer of the core: it imports nothing from reception, cases or documents.
"""
