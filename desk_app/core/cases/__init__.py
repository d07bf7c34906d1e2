"""Cases: the working-day calendar, effective-dated deadline rules, the legal path of a case
(lifecycle), events → cached state (tracking), duplicates and transfers (links), dialogues,
attachments, the dashboard and what the case page shows (view).

Sits on storage; reception (intake opens cases) and documents sit on it.
"""
