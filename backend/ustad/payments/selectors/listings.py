"""Reading the marketplace: what is on sale, one listing as its viewer may see it, what a buyer owns, and
short-lived links to what they bought.

Every list carries its recording and lesson counts and the viewer's `owned` flag as annotations, so a page
of listings costs the same few queries however long it is.
"""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Count, Exists, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from ustad.classroom.models import Recording, RecordingStatus
from ustad.classroom.selectors_recordings import LINK_SECONDS
from ustad.core.errors import ApplicationError
from ustad.core.files.signing import private_file_url
from ustad.courses import permissions as course_permissions
from ustad.courses.models import Lesson
from ustad.payments.models import Listing, ListingAccess, ListingStatus

SEARCH_MAX = 100


def _count_of(through: Any) -> Coalesce:
    counted = (through.objects.filter(listing_id=OuterRef("pk")).order_by().values("listing_id")
               .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _active_access(user: Any) -> QuerySet[ListingAccess]:
    return ListingAccess.objects.filter(user=user, revoked_at__isnull=True)


def _annotated(listings: QuerySet[Listing], user: Any) -> QuerySet[Listing]:
    owned: Any = (Exists(_active_access(user).filter(listing_id=OuterRef("pk"))) if user.is_authenticated
                  else Value(False, output_field=BooleanField()))
    return listings.select_related("tutor").annotate(
        recording_count=_count_of(Listing.recordings.through),
        lesson_count=_count_of(Listing.lessons.through),
        owned=owned,
    )


def listing_list_public(*, user: Any, search: str = "", tutor_id: Any = None) -> QuerySet[Listing]:
    """Listings on sale, newest first; a tutor filtering by themselves also sees their drafts and archive."""
    listings = Listing.objects.all()
    if tutor_id is not None:
        listings = listings.filter(tutor_id=tutor_id)
    if tutor_id is None or not (user.is_authenticated and str(user.id) == str(tutor_id)):
        listings = listings.filter(status=ListingStatus.PUBLISHED)
    search = search.strip()[:SEARCH_MAX]
    if search:
        listings = listings.filter(title__icontains=search)
    return _annotated(listings, user).order_by("-created_at", "id")


def listing_list_for_buyer(*, user: Any) -> QuerySet[Listing]:
    """What this user bought and still owns, archived listings included, most recent purchase first."""
    access = _active_access(user).filter(listing_id=OuterRef("pk"))
    listings = Listing.objects.filter(Exists(access)).annotate(
        bought_at=Subquery(access.values("created_at")[:1])).order_by("-bought_at", "id")
    return _annotated(listings, user)


def _not_found() -> ApplicationError:
    return ApplicationError(code="not_found", status_code=404, message="No listing here.")


def listing_get_for_user(*, slug: str, user: Any) -> Listing:
    """The listing if this user may see it, with what it holds; the same 404 otherwise, so drafts can't be
    probed. Drafts are their tutor's and admins'; archived listings also stay visible to their buyers."""
    listing = (
        _annotated(Listing.objects.filter(slug=slug), user)
        .prefetch_related(
            Prefetch("recordings", queryset=Recording.objects.only("id", "title", "duration_seconds", "started_at")
                     .order_by("started_at")),
            Prefetch("lessons", queryset=Lesson.objects.only("id", "title", "duration_seconds", "position",
                                                             "course").order_by("course_id", "position")),
        )
        .first()
    )
    if listing is None:
        raise _not_found()
    manager = user.is_authenticated and (listing.tutor_id == user.id or course_permissions.is_admin(user))
    visible = (listing.status == ListingStatus.PUBLISHED or manager
               or (listing.status == ListingStatus.ARCHIVED and getattr(listing, "owned", False)))
    if not visible:
        raise _not_found()
    return listing


def _safe_name(title: str, extension: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title).strip() or "lesson"
    return f"{' '.join(safe.split())[:80]}.{extension}"


def _link(name: str, title: str, extension: str) -> str | None:
    return private_file_url(name=name, download_name=_safe_name(title, extension), ttl=LINK_SECONDS) if name else None


def listing_content(*, listing: Listing) -> dict[str, Any]:
    """Signed links to the listing's videos. Callers check `listing_can_open` first: a link is the key."""
    recordings = (listing.recordings.filter(status=RecordingStatus.READY).exclude(video_name="")
                  .order_by("started_at"))
    lessons = listing.lessons.order_by("course_id", "position")
    return {
        "recordings": [{
            "id": recording.id, "title": recording.title, "duration_seconds": recording.duration_seconds,
            "video_url": _link(recording.video_name, recording.title, "mp4"),
            "thumbnail_url": _link(recording.thumbnail_name, recording.title, "jpg"),
        } for recording in recordings],
        "lessons": [{
            "id": lesson.id, "title": lesson.title, "duration_seconds": lesson.duration_seconds,
            "video_url": _link(lesson.video_name, lesson.title,
                               "webm" if "webm" in lesson.video_content_type else "mp4"),
        } for lesson in lessons],
    }

