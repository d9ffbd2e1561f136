"""What can be bought, resolved from what the buyer asked for, with the reasons it cannot be.

Each kind (a course, a seat in a paid live class, a marketplace listing) becomes a `Buyable`: its price,
currency and seller, and the row an order item points at. Checks here run when the order is made; the
grant after payment checks again where the world may have changed (a class filling up).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from ustad.classroom.models import JoinPolicy, LiveSession, Seat, SessionStatus
from ustad.core.errors import ApplicationError
from ustad.courses import permissions as course_permissions
from ustad.courses.models import Course
from ustad.payments.models import ItemKind, Listing, ListingAccess, ListingStatus

MAX_ITEMS = 20


@dataclass(frozen=True)
class Buyable:
    kind: str
    title: str
    unit_amount: int
    currency: str
    seller_id: Any
    course: Course | None = None
    session: LiveSession | None = None
    listing: Listing | None = None

    @property
    def key(self) -> tuple[str, Any]:
        target = self.course or self.session or self.listing
        return self.kind, getattr(target, "id", None)


def refuse(code: str, message: str, field: str | None = None, status_code: int = 400) -> ApplicationError:
    return ApplicationError(code=code, message=message, status_code=status_code,
                            fields={field: [message]} if field else None)


def course_buyable(buyer: Any, course: Course) -> Buyable:
    if not course_permissions.can_see_course(buyer, course):
        raise refuse("not_found", "No such course.", "items", 404)
    if course.is_free:
        raise refuse("free_course", f"“{course.title}” is free: enrol without paying.", "items", 409)
    if course.owner_id == buyer.id:
        raise refuse("own_course", "You cannot buy your own course.", "items", 409)
    if course_permissions.active_enrollment(buyer, course) is not None:
        raise refuse("already_enrolled", f"You are already enrolled in “{course.title}”.", "items", 409)
    return Buyable(kind=ItemKind.COURSE, title=course.title[:200], unit_amount=course.price_amount,
                   currency=course.currency, seller_id=course.owner_id, course=course)


def session_buyable(buyer: Any, session: LiveSession) -> Buyable:
    if session.join_policy != JoinPolicy.SEATS or session.course_id is not None:
        raise refuse("not_found", "No such class for sale.", "items", 404)
    if session.seat_price_amount <= 0:
        raise refuse("free_session", f"“{session.title}” is free: book a seat without paying.", "items", 409)
    if session.owner_id == buyer.id:
        raise refuse("teaches_session", "You teach this class, so you need no seat.", "items", 409)
    if session.status in (SessionStatus.ENDED, SessionStatus.CANCELLED) or session.ends_at <= timezone.now():
        raise refuse("session_closed", "This class is no longer open.", "items", 409)
    if Seat.objects.filter(session=session, student=buyer).exists():
        raise refuse("already_booked", "You already have a seat in this class.", "items", 409)
    if session.capacity is not None and Seat.objects.filter(session=session).count() >= session.capacity:
        raise refuse("session_full", "Every seat in this class is taken.", "items", 409)
    return Buyable(kind=ItemKind.LIVE_SEAT, title=f"Seat: {session.title}"[:200],
                   unit_amount=session.seat_price_amount, currency=session.seat_currency,
                   seller_id=session.owner_id, session=session)


def listing_buyable(buyer: Any, listing: Listing) -> Buyable:
    if listing.status != ListingStatus.PUBLISHED:
        raise refuse("not_found", "No such listing.", "items", 404)
    if listing.tutor_id == buyer.id:
        raise refuse("own_listing", "You cannot buy your own recordings.", "items", 409)
    if ListingAccess.objects.filter(user=buyer, listing=listing, revoked_at__isnull=True).exists():
        raise refuse("already_owned", f"You already own “{listing.title}”.", "items", 409)
    return Buyable(kind=ItemKind.LISTING, title=listing.title[:200], unit_amount=listing.price_amount,
                   currency=listing.currency, seller_id=listing.tutor_id, listing=listing)


def _get(model: Any, **lookup: Any) -> Any:
    try:
        return model.objects.filter(**lookup).first()
    except (ValidationError, ValueError):  # a malformed UUID
        return None


def buyables_resolve(buyer: Any, items: Sequence[dict[str, str]]) -> list[Buyable]:
    """`[{"kind": "course", "course": slug} | {"kind": "live_seat", "session": id} | {"kind": "listing",
    "listing": slug}]` → Buyables, or the first reason one cannot be bought."""
    if not 1 <= len(items) <= MAX_ITEMS:
        raise refuse("validation_error", f"Choose 1 to {MAX_ITEMS} things to buy.", "items")
    buyables: list[Buyable] = []
    for item in items:
        kind = item.get("kind")
        if kind == ItemKind.COURSE:
            course = _get(Course, slug=item.get("course") or "")
            if course is None:
                raise refuse("not_found", "No such course.", "items", 404)
            buyables.append(course_buyable(buyer, course))
        elif kind == ItemKind.LIVE_SEAT:
            session = _get(LiveSession, id=item.get("session") or None)
            if session is None:
                raise refuse("not_found", "No such class.", "items", 404)
            buyables.append(session_buyable(buyer, session))
        elif kind == ItemKind.LISTING:
            listing = _get(Listing, slug=item.get("listing") or "")
            if listing is None:
                raise refuse("not_found", "No such listing.", "items", 404)
            buyables.append(listing_buyable(buyer, listing))
        else:
            raise refuse("validation_error", "Each item is a course, a live_seat or a listing.", "items")
    if len({buyable.key for buyable in buyables}) != len(buyables):
        raise refuse("validation_error", "Each thing once.", "items")
    if len({buyable.currency for buyable in buyables}) != 1:
        raise refuse("mixed_currencies", "Buy things priced in different currencies separately.", "items")
    return buyables
