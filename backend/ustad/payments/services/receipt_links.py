"""Receipt links that cost nothing to hand out: a signed token, rendered into a PDF only when followed.

Lists of orders carry one per paid order, so making the link must not render or store anything; the
link's view checks the signature and its age, then sends the buyer on to the stored PDF.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing

from ustad.payments.models import Order

SALT = "ustad.payments.receipt"
LINK_SECONDS = 3600


def receipt_link(order: Order) -> str:
    token = signing.dumps(str(order.id), salt=SALT, compress=False)
    return f"{settings.SITE_URL}/api/v1/receipts/{token}"


def receipt_order_id(token: str) -> Any | None:
    """The order a receipt token names, or None for a forged or expired one."""
    try:
        return signing.loads(token, salt=SALT, max_age=LINK_SECONDS)
    except signing.BadSignature:
        return None
