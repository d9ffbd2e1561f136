"""ASGI middleware that turns `?ticket=` on a websocket URL into `scope["user"]`."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from ustad.core.ws_tickets import ws_ticket_consume


@database_sync_to_async
def _user_for_ticket(ticket: str) -> Any:
    user_id = ws_ticket_consume(ticket=ticket)
    if user_id is None:
        return AnonymousUser()
    user = get_user_model().objects.filter(id=user_id, is_active=True).first()
    return user or AnonymousUser()


class TicketAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        query = parse_qs(scope.get("query_string", b"").decode())
        ticket = (query.get("ticket") or [""])[0]
        scope = dict(scope, user=await _user_for_ticket(ticket))
        return await super().__call__(scope, receive, send)
