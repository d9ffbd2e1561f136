"""Server-to-browser events over Channels. Events leave only after the transaction commits,
so no client hears of a change that rolled back. Event types are listed in docs/events.md."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def user_group(user_id: UUID | str) -> str:
    return f"user.{user_id}"


def send_event(*, user_ids: Iterable[UUID | str], event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    assert layer is not None
    for user_id in user_ids:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": "event.deliver", "event": event})


def send_event_on_commit(*, user_ids: Iterable[UUID | str], event: dict[str, Any]) -> None:
    ids = list(user_ids)
    transaction.on_commit(lambda: send_event(user_ids=ids, event=event))
