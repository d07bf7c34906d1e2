"""desk-app search: a page of results at a time (docs/cli.md, docs/search.md)."""

from __future__ import annotations

from dataclasses import asdict

from desk_app import messages
from desk_app.core.errors import DeskError

# Deeper pages are read from the first result on: more than this many results is a list to
# narrow, not to page through.
MAX_PAGE = 10_000


def search_command(args, open_db, emit) -> int:
    from desk_app.core.catalog import PETITION_KIND_LABELS
    from desk_app.core.reception.logbook import log_rows
    from desk_app.core.reception.search import PAGE, search_page

    text = " ".join(args.text)
    if not text.strip():
        raise DeskError(messages.SEARCH_EMPTY)
    if not 1 <= args.limit <= PAGE:
        raise DeskError(messages.SEARCH_LIMIT_RANGE.format(max=PAGE), field="limit")
    if not 1 <= args.page <= MAX_PAGE:
        raise DeskError(messages.SEARCH_PAGE_RANGE.format(max=f"{MAX_PAGE:,}".replace(",", ".")),
                        field="page")
    db = open_db(args)
    found = search_page(db, text, args.limit * args.page)
    rows = log_rows(db, found.ids[args.limit * (args.page - 1):])
    lines = [f"{r.received_at[:10]}  {r.person_name}  [{PETITION_KIND_LABELS.get(r.petition_kind, '')}]"
             f"  {r.summary}" + ("  [ĐÃ HỦY]" if r.cancelled else "") for r in rows]
    if not lines:
        lines = [messages.SEARCH_PAGE_EMPTY.format(page=args.page) if found.ids
                 else messages.SEARCH_NONE]
    elif found.after is not None:
        lines.append(messages.SEARCH_MORE.format(page=args.page + 1))
    emit(args, [asdict(r) for r in rows], lines)
    return 0
