"""Short-lived, single-use tickets that authenticate a websocket.

Browsers cannot set headers on a websocket, and an access token in a URL would linger in logs;
a ticket is useless after its first use or after WS_TICKET_SECONDS.
"""

from __future__ import annotations

import secrets
from uuid import UUID

from django.conf import settings

from ustad.core.redis_client import get_redis, key


def ws_ticket_issue(*, user_id: UUID) -> str:
    ticket = secrets.token_urlsafe(32)
    get_redis().set(key("ws-ticket", ticket), str(user_id), ex=settings.WS_TICKET_SECONDS)
    return ticket


def ws_ticket_consume(*, ticket: str) -> str | None:
    """Return the user id the ticket was issued to, and burn it; None when unknown, used or expired."""
    if not ticket or len(ticket) > 128:
        return None
    value = get_redis().getdel(key("ws-ticket", ticket))
    return value.decode() if isinstance(value, bytes) else None
