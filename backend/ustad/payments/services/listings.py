"""The marketplace: tutors sell their recorded classes and video lessons on their own, for lifetime access.

A listing is a draft until its tutor publishes it, and archiving only stops new sales: whoever bought it
keeps it. Access comes from the orders service alone (`listing_access_grant` when an order is paid,
`listing_access_revoke` when it is refunded), so a listing can never be opened without a paid order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from ustad.classroom.models import Recording, RecordingStatus
from ustad.core.errors import ApplicationError
from ustad.courses import permissions as course_permissions
from ustad.courses.models import MAX_PRICE_MINOR, Lesson
from ustad.payments.models import ItemKind, Listing, ListingAccess, ListingStatus, Order
from ustad.users.models import Currency, Role

TITLE_MIN = 5
TITLE_MAX = 160
DESCRIPTION_MAX = 5000
MAX_ITEMS = 50  # recordings and lessons together: a bundle, not a whole catalogue
EDITABLE_FIELDS = ("title", "description", "currency", "price_amount")


def _invalid(field: str, message: str, code: str = "validation_error", status_code: int = 400) -> ApplicationError:
    return ApplicationError(code=code, message=message, status_code=status_code, fields={field: [message]})


def _check_fields(*, title: str, description: str, currency: str, price_amount: Any) -> None:
    if not TITLE_MIN <= len(title) <= TITLE_MAX:
        raise _invalid("title", f"Give the listing a title of {TITLE_MIN} to {TITLE_MAX} characters.")
    if len(description) > DESCRIPTION_MAX:
        raise _invalid("description", f"Keep the description under {DESCRIPTION_MAX} characters.")
    if currency not in Currency.values:
        raise _invalid("currency", f"Price it in {' or '.join(Currency.values)}.")
    # bool is an int in Python; a price of True is not a price.
    if isinstance(price_amount, bool) or not isinstance(price_amount, int) \
            or not 0 < price_amount <= MAX_PRICE_MINOR:
        raise _invalid("price_amount", f"Set a price above zero and at most {MAX_PRICE_MINOR} in minor units "
                                       "(paisa or cents).")


def _own_recordings(tutor: Any, ids: Sequence[Any]) -> list[Recording]:
    """Ready recordings of the tutor's own classes; the same refusal for missing and foreign ones."""
    unique = list(dict.fromkeys(ids))
    found = {r.id: r for r in Recording.objects.filter(id__in=unique, session__owner=tutor)}
    if len(found) != len(unique):
        raise _invalid("recordings", "Choose recordings of your own classes.")
    for recording in found.values():
        if recording.status != RecordingStatus.READY or not recording.video_name:
            raise _invalid("recordings", f"“{recording.title}” is not ready yet: wait until it has been processed.",
                           code="recording_not_ready")
    return [found[i] for i in unique]


def _own_lessons(tutor: Any, ids: Sequence[Any]) -> list[Lesson]:
    """Video lessons of courses the tutor owns (co-tutors do not sell someone else's course)."""
    unique = list(dict.fromkeys(ids))
    found = {lesson.id: lesson for lesson in Lesson.objects.filter(id__in=unique, course__owner=tutor)}
    if len(found) != len(unique):
        raise _invalid("lessons", "Choose lessons of your own courses.")
    for lesson in found.values():
        if not lesson.video_name:
            raise _invalid("lessons", f"“{lesson.title}” has no video: only video lessons can be sold.")
    return [found[i] for i in unique]


def _check_item_count(recordings: Sequence[Any], lessons: Sequence[Any]) -> None:
    if len(recordings) + len(lessons) > MAX_ITEMS:
        raise _invalid("recordings", f"A listing holds at most {MAX_ITEMS} recordings and lessons.")


def _unique_slug(title: str) -> str:
    root = (slugify(title) or "recording")[:70].strip("-") or "recording"
    candidate, n = root, 2
    while Listing.objects.filter(slug=candidate).exists():
        candidate, n = f"{root}-{n}", n + 1
    return candidate


def _must_sell(user: Any) -> None:
    if not (user.is_authenticated and user.role == Role.TUTOR):
        raise ApplicationError(code="permission_denied", status_code=403,
                               message="Only tutors sell recordings in the marketplace.")


@transaction.atomic
def listing_create(*, tutor: Any, title: str, description: str = "", currency: str, price_amount: int,
                   recording_ids: Sequence[Any] = (), lesson_ids: Sequence[Any] = ()) -> Listing:
    """A draft listing of the tutor's own ready recordings and video lessons."""
    _must_sell(tutor)
    title, description = title.strip(), description.strip()
    _check_fields(title=title, description=description, currency=currency, price_amount=price_amount)
    recordings, lessons = _own_recordings(tutor, recording_ids), _own_lessons(tutor, lesson_ids)
    _check_item_count(recordings, lessons)
    for _ in range(3):  # two tutors choosing the same title at the same moment
        listing = Listing(tutor=tutor, slug=_unique_slug(title), title=title, description=description,
                          currency=currency, price_amount=price_amount)
        listing.full_clean()
        try:
            with transaction.atomic():
                listing.save()
            break
        except IntegrityError:
            continue
    else:
        raise _invalid("title", "This title is being used right now; try again.", status_code=409)
    listing.recordings.set(recordings)
    listing.lessons.set(lessons)
    return listing


def _has_buyers(listing: Listing) -> bool:
    return ListingAccess.objects.filter(listing=listing, revoked_at__isnull=True).exists()


@transaction.atomic
def listing_update(*, listing: Listing, data: dict[str, Any]) -> Listing:
    """Change what is sold and for how much. Buyers keep what they paid for: once someone owns the listing,
    recordings and lessons can be added but not taken out, and a published listing never becomes empty."""
    listing = Listing.objects.select_for_update().get(id=listing.id)
    if listing.status == ListingStatus.ARCHIVED:
        raise ApplicationError(code="listing_archived", status_code=409,
                               message="This listing is archived: publish it again to change it.")
    values = {field: getattr(listing, field) for field in EDITABLE_FIELDS}
    values.update({field: data[field] for field in EDITABLE_FIELDS if field in data})
    values["title"], values["description"] = str(values["title"]).strip(), str(values["description"]).strip()
    _check_fields(**values)
    recordings = _own_recordings(listing.tutor, data["recordings"]) if "recordings" in data \
        else list(listing.recordings.all())
    lessons = _own_lessons(listing.tutor, data["lessons"]) if "lessons" in data else list(listing.lessons.all())
    _check_item_count(recordings, lessons)
    if ("recordings" in data or "lessons" in data) and _has_buyers(listing):
        kept_recordings = set(listing.recordings.values_list("id", flat=True))
        kept_lessons = set(listing.lessons.values_list("id", flat=True))
        if not kept_recordings <= {r.id for r in recordings} or not kept_lessons <= {le.id for le in lessons}:
            raise ApplicationError(code="listing_has_buyers", status_code=409,
                                   message="People have bought this listing: you can add recordings and lessons, "
                                           "but not take any out.")
    if listing.status == ListingStatus.PUBLISHED and not (recordings or lessons):
        raise _invalid("recordings", "A listing on sale needs at least one recording or lesson.")
    for field, value in values.items():
        setattr(listing, field, value)
    listing.full_clean()
    listing.save()
    if "recordings" in data:
        listing.recordings.set(recordings)
    if "lessons" in data:
        listing.lessons.set(lessons)
    return listing


@transaction.atomic
def listing_publish(*, listing: Listing) -> Listing:
    """Put the listing on sale (again, when archived). Everything in it must still be the tutor's and ready."""
    listing = Listing.objects.select_for_update().get(id=listing.id)
    recording_ids = list(listing.recordings.values_list("id", flat=True))
    lesson_ids = list(listing.lessons.values_list("id", flat=True))
    if not (recording_ids or lesson_ids):
        raise _invalid("recordings", "Add at least one recording or lesson before publishing.",
                       code="listing_empty")
    _own_recordings(listing.tutor, recording_ids)
    _own_lessons(listing.tutor, lesson_ids)
    if listing.status != ListingStatus.PUBLISHED:
        listing.status = ListingStatus.PUBLISHED
        listing.save(update_fields=["status", "updated_at"])
    return listing


@transaction.atomic
def listing_archive(*, listing: Listing) -> Listing:
    """Stop selling it. Buyers keep their access; the listing just leaves the marketplace."""
    Listing.objects.filter(id=listing.id).update(status=ListingStatus.ARCHIVED, updated_at=timezone.now())
    listing.refresh_from_db()
    return listing


@transaction.atomic
def listing_access_grant(*, user: Any, listing: Listing, order: Order) -> ListingAccess:
    """Lifetime access after a paid order. Safe to repeat; a revoked access (refund) is granted again."""
    if order.buyer_id != user.id:
        raise ValueError("access goes to the order's buyer")
    if not order.items.filter(kind=ItemKind.LISTING, listing=listing).exists():
        raise ValueError("the order does not contain this listing")
    try:
        with transaction.atomic():
            access, created = ListingAccess.objects.select_for_update().get_or_create(
                user=user, listing=listing, defaults={"order": order})
    except IntegrityError:  # the same payment delivered twice at once
        access, created = ListingAccess.objects.select_for_update().get(user=user, listing=listing), False
    if not created and access.revoked_at is not None:
        access.order, access.revoked_at = order, None
        access.save(update_fields=["order", "revoked_at", "updated_at"])
    return access


@transaction.atomic
def listing_access_revoke(*, order: Order) -> int:
    """The order was refunded: what it granted is closed again. Returns how many accesses were revoked."""
    return ListingAccess.objects.filter(order=order, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), updated_at=timezone.now())


def listing_can_open(user: Any, listing: Listing) -> bool:
    """The tutor, admins, and buyers whose access has not been revoked (archived listings included)."""
    if not user.is_authenticated:
        return False
    if listing.tutor_id == user.id or course_permissions.is_admin(user):
        return True
    return ListingAccess.objects.filter(user=user, listing=listing, revoked_at__isnull=True).exists()


def listing_can_edit(user: Any, listing: Listing) -> bool:
    """Its tutor, and admins (who may take a listing off sale)."""
    return bool(user.is_authenticated and (listing.tutor_id == user.id or course_permissions.is_admin(user)))
