"""The marketplace: tutors list their own ready recordings and video lessons; buyers get lifetime access
through a paid order (and lose it on a refund); drafts stay hidden; archived listings stay open to buyers;
each route answers every kind of caller as documented; a page of listings costs a fixed number of queries."""

from __future__ import annotations

import io
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import imageio_ffmpeg
import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from conftest import client_for
from ustad.classroom.models import LiveSession, Recording
from ustad.classroom.tests.test_room import make_class
from ustad.core.errors import ApplicationError
from ustad.core.files.sniff import sniff_bytes
from ustad.core.files.storage import private_file_store
from ustad.core.tests.samples import image
from ustad.courses.models import MAX_PRICE_MINOR, Lesson
from ustad.payments.models import Listing, ListingAccess, ListingStatus, Order, OrderItem
from ustad.payments.services.listings import (
    listing_access_grant,
    listing_access_revoke,
    listing_archive,
    listing_can_open,
    listing_create,
    listing_publish,
    listing_update,
)
from ustad.users.tests.factories import StudentFactory, UserFactory

pytestmark = pytest.mark.django_db

ACTORS = ("anonymous", "student", "other_student", "tutor", "other_tutor", "admin")


@pytest.fixture(scope="module")
def mp4(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real one-second MP4, a few kilobytes."""
    out: Path = tmp_path_factory.mktemp("media") / "clip.mp4"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", "testsrc=duration=1:size=64x48:rate=10", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                    "-movflags", "+faststart", str(out)], check=True, timeout=60)
    return out.read_bytes()


def stored(data: bytes, filename: str) -> str:
    found = sniff_bytes(data)
    assert found is not None
    return private_file_store(file=io.BytesIO(data), found=found, original_filename=filename, size=len(data),
                              folder="recordings").name


def ready_recording(session: LiveSession, mp4: bytes, **fields: Any) -> Recording:
    values: dict[str, Any] = {"title": "Algebra class 1", "status": "ready", "duration_seconds": 1.0,
                              "video_name": stored(mp4, "class.mp4"), "thumbnail_name": stored(image("JPEG"), "t.jpg")}
    values.update(fields)
    return Recording.objects.create(session=session, course=session.course, started_by=session.owner,
                                    started_at=session.starts_at, **values)


def video_lesson(course: Any, mp4: bytes) -> Lesson:
    lesson = Lesson.objects.filter(course=course).order_by("position").last()
    assert lesson is not None
    lesson.kind, lesson.video_name, lesson.video_content_type = "video", stored(mp4, "l.mp4"), "video/mp4"
    lesson.save()
    return lesson


@pytest.fixture
def market(mp4: bytes) -> dict[str, Any]:
    """"tutor" taught a class (recorded, ready) of a course with a video lesson; "alice" attended it.
    "other_tutor" has a class, recording and video lesson of their own."""
    mine, theirs = make_class(), make_class()
    return {
        "tutor": mine["tutor"], "student": mine["alice"], "other_student": StudentFactory(),
        "other_tutor": theirs["tutor"], "admin": UserFactory(role="admin", is_staff=True, is_superuser=True),
        "session": mine["session"],
        "recording": ready_recording(mine["session"], mp4),
        "lesson": video_lesson(mine["session"].course, mp4),
        "foreign_recording": ready_recording(theirs["session"], mp4, title="Their class"),
        "foreign_lesson": video_lesson(theirs["session"].course, mp4),
    }


def new_listing(world: dict[str, Any], *, title: str = "Algebra, recorded", price: int = 150_000,
                currency: str = "PKR", publish: bool = True, lessons: bool = True) -> Listing:
    listing = listing_create(tutor=world["tutor"], title=title, description="Two classes and a lesson.",
                             currency=currency, price_amount=price, recording_ids=[world["recording"].id],
                             lesson_ids=[world["lesson"].id] if lessons else [])
    return listing_publish(listing=listing) if publish else listing


def paid_order(buyer: Any, listing: Listing) -> Order:
    """A paid order for the listing, made as the orders service makes it (the database checks the sums)."""
    price = listing.price_amount
    discount = price // 10  # a 10 % coupon
    order = Order.objects.create(buyer=buyer, currency=listing.currency, subtotal=price, discount=discount,
                                 total=price - discount, status="paid", paid_at=timezone.now(),
                                 idempotency_key=uuid.uuid4().hex)
    OrderItem.objects.create(order=order, kind="listing", listing=listing, seller=listing.tutor, title=listing.title,
                             unit_amount=price, discount=discount, amount=price - discount)
    return order


def bought(world: dict[str, Any], listing: Listing, who: str = "student") -> Order:
    order = paid_order(world[who], listing)
    listing_access_grant(user=world[who], listing=listing, order=order)
    return order


def api(world: dict[str, Any], actor: str) -> APIClient:
    return APIClient() if actor == "anonymous" else client_for(world[actor])


def refusal(call: Any) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        call()
    return caught.value


# --- Creating and changing listings -----------------------------------------------------------------------

def test_a_tutor_lists_own_ready_recordings_and_video_lessons_as_a_draft_under_a_unique_slug(market):
    tutor = client_for(market["tutor"])
    body = {"title": "  Algebra: week 1!  ", "description": "All of week one.", "currency": "PKR",
            "price_amount": 150_000, "recordings": [str(market["recording"].id)],
            "lessons": [str(market["lesson"].id)]}
    first = tutor.post("/api/v1/listings", body, format="json")
    assert first.status_code == 201, first.json()
    made = first.json()
    assert (made["slug"], made["title"], made["status"]) == ("algebra-week-1", "Algebra: week 1!", "draft")
    assert (made["recording_count"], made["lesson_count"], made["owned"], made["can_edit"]) == (1, 1, False, True)
    assert made["tutor"] == {"id": str(market["tutor"].id), "name": market["tutor"].full_name}
    assert [r["id"] for r in made["recordings"]] == [str(market["recording"].id)]
    again = tutor.post("/api/v1/listings", {**body, "recordings": [], "lessons": []}, format="json")
    assert again.json()["slug"] == "algebra-week-1-2"  # a draft may start empty


@pytest.mark.parametrize(("case", "field", "code"), [
    ("foreign_recording", "recordings", "validation_error"),
    ("foreign_lesson", "lessons", "validation_error"),
    ("missing_recording", "recordings", "validation_error"),
    ("recording_not_ready", "recordings", "recording_not_ready"),
    ("recording_without_video", "recordings", "recording_not_ready"),
    ("article_lesson", "lessons", "validation_error"),
    ("zero_price", "price_amount", "validation_error"),
    ("negative_price", "price_amount", "validation_error"),
    ("huge_price", "price_amount", "validation_error"),
    ("boolean_price", "price_amount", "validation_error"),
    ("euro", "currency", "validation_error"),
    ("short_title", "title", "validation_error"),
    ("long_title", "title", "validation_error"),
    ("long_description", "description", "validation_error"),
])
def test_creation_refuses_what_is_not_the_tutors_not_ready_or_badly_priced(market, case, field, code):
    session = market["session"]
    fields: dict[str, Any] = {"title": "Algebra, recorded", "description": "", "currency": "PKR",
                              "price_amount": 1000, "recording_ids": [market["recording"].id], "lesson_ids": []}
    changes: dict[str, Callable[[], dict[str, Any]]] = {
        "foreign_recording": lambda: {"recording_ids": [market["recording"].id, market["foreign_recording"].id]},
        "foreign_lesson": lambda: {"lesson_ids": [market["foreign_lesson"].id]},
        "missing_recording": lambda: {"recording_ids": [uuid.uuid4()]},
        "recording_not_ready": lambda: {"recording_ids": [Recording.objects.create(
            session=session, title="Still processing", status="processing", started_at=session.starts_at).id]},
        "recording_without_video": lambda: {"recording_ids": [Recording.objects.create(
            session=session, title="No video", status="ready", started_at=session.starts_at).id]},
        "article_lesson": lambda: {"lesson_ids": [Lesson.objects.filter(course=session.course, kind="article")
                                                  .values_list("id", flat=True).first()]},
        "zero_price": lambda: {"price_amount": 0},
        "negative_price": lambda: {"price_amount": -500},
        "huge_price": lambda: {"price_amount": MAX_PRICE_MINOR + 1},
        "boolean_price": lambda: {"price_amount": True},
        "euro": lambda: {"currency": "EUR"},
        "short_title": lambda: {"title": "   Alg   "},
        "long_title": lambda: {"title": "A" * 161},
        "long_description": lambda: {"description": "d" * 5001},
    }
    fields.update(changes[case]())
    error = refusal(lambda: listing_create(tutor=market["tutor"], **fields))
    assert (error.code, error.status_code, list(error.fields)) == (code, 400, [field])
    assert not Listing.objects.exists()


def test_only_tutors_create_listings_and_the_api_checks_types(market):
    for who in ("student", "admin"):
        assert refusal(lambda who=who: listing_create(tutor=market[who], title="Algebra, recorded",
                                                      currency="PKR", price_amount=100)).status_code == 403
    bad = client_for(market["tutor"]).post("/api/v1/listings", {"title": "Algebra, recorded", "currency": "PKR",
                                                                "price_amount": "cheap", "recordings": ["x"]},
                                           format="json")
    assert bad.status_code == 400
    assert set(bad.json()["error"]["fields"]) == {"price_amount", "recordings.0"}
    assert not Listing.objects.exists()


def test_publishing_needs_something_to_sell_that_is_still_the_tutors_and_is_safe_to_repeat(market):
    empty = listing_create(tutor=market["tutor"], title="Nothing yet", currency="USD", price_amount=999)
    error = refusal(lambda: listing_publish(listing=empty))
    assert (error.code, list(error.fields)) == ("listing_empty", ["recordings"])
    assert Listing.objects.get(id=empty.id).status == ListingStatus.DRAFT
    listing = new_listing(market, publish=False)
    assert listing_publish(listing=listing).status == ListingStatus.PUBLISHED
    assert listing_publish(listing=listing).status == ListingStatus.PUBLISHED
    # The lesson's course changed hands after it was listed: it can no longer be sold by this tutor.
    market["lesson"].course.owner = market["other_tutor"]
    market["lesson"].course.save()
    listing_archive(listing=listing)
    assert refusal(lambda: listing_publish(listing=listing)).fields == {"lessons": ["Choose lessons of your own "
                                                                                    "courses."]}


def test_updating_keeps_the_slug_checks_the_rules_and_never_takes_away_what_buyers_paid_for(market, mp4):
    listing = new_listing(market, lessons=False)
    updated = listing_update(listing=listing, data={"title": "Algebra, the whole week", "price_amount": 200_000})
    assert (updated.slug, updated.title, updated.price_amount) == ("algebra-recorded", "Algebra, the whole week",
                                                                    200_000)
    assert refusal(lambda: listing_update(listing=listing, data={"price_amount": 0})).fields.keys() == \
        {"price_amount"}
    assert refusal(lambda: listing_update(listing=listing, data={"recordings": [market["foreign_recording"].id]})
                   ).fields.keys() == {"recordings"}
    emptied = refusal(lambda: listing_update(listing=listing, data={"recordings": []}))
    assert emptied.fields.keys() == {"recordings"}  # on sale, it must hold something
    bought(market, listing)
    second = ready_recording(market["session"], mp4, title="Algebra class 2")
    grown = listing_update(listing=listing, data={"recordings": [market["recording"].id, second.id],
                                                  "lessons": [market["lesson"].id]})
    assert set(grown.recordings.values_list("id", flat=True)) == {market["recording"].id, second.id}
    shrunk = refusal(lambda: listing_update(listing=listing, data={"recordings": [second.id]}))
    assert (shrunk.code, shrunk.status_code) == ("listing_has_buyers", 409)
    listing_archive(listing=listing)
    assert refusal(lambda: listing_update(listing=listing, data={"title": "Changed again"})).code == \
        "listing_archived"


def test_a_partial_update_over_the_api_changes_only_what_was_sent(market):
    listing = new_listing(market)
    tutor = client_for(market["tutor"])
    response = tutor.patch(f"/api/v1/listings/{listing.slug}", {"price_amount": 99_000}, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["price_amount"], response.json()["recording_count"],
            response.json()["lesson_count"]) == (99_000, 1, 1)
    assert client_for(market["other_tutor"]).patch(f"/api/v1/listings/{listing.slug}", {"price_amount": 1},
                                                   format="json").status_code == 403
    assert Listing.objects.get(id=listing.id).price_amount == 99_000


# --- Visibility ---------------------------------------------------------------------------------------------

def test_drafts_are_seen_only_by_their_tutor_and_admins_and_the_list_shows_what_is_on_sale(market):
    draft = new_listing(market, title="Geometry draft", publish=False)
    on_sale = new_listing(market, title="Algebra on sale")
    theirs = listing_publish(listing=listing_create(
        tutor=market["other_tutor"], title="Their algebra", currency="USD", price_amount=1500,
        recording_ids=[market["foreign_recording"].id]))
    for actor, code in zip(ACTORS, (404, 404, 404, 200, 404, 200), strict=True):
        assert api(market, actor).get(f"/api/v1/listings/{draft.slug}").status_code == code, actor
    for actor in ACTORS:
        slugs = [item["slug"] for item in api(market, actor).get("/api/v1/listings").json()["results"]]
        assert slugs == [theirs.slug, on_sale.slug], actor
    anyone = APIClient()
    assert [i["slug"] for i in anyone.get("/api/v1/listings", {"q": "ALGEBRA on"}).json()["results"]] == \
        [on_sale.slug]
    by_tutor = {"tutor": str(market["tutor"].id)}
    assert [i["slug"] for i in anyone.get("/api/v1/listings", by_tutor).json()["results"]] == [on_sale.slug]
    own = client_for(market["tutor"]).get("/api/v1/listings", by_tutor).json()["results"]
    assert {i["slug"] for i in own} == {draft.slug, on_sale.slug}  # a tutor's own page shows their drafts
    assert anyone.get("/api/v1/listings", {"tutor": "not-an-id"}).status_code == 400


# --- Access: a paid order opens it, a refund closes it, archiving does not ---------------------------------

def test_content_opens_after_a_paid_order_closes_after_a_refund_and_survives_archiving(market, mp4):
    listing = new_listing(market)
    student, other = client_for(market["student"]), client_for(market["other_student"])
    content = f"/api/v1/listings/{listing.slug}/content"

    before = student.get(content)
    assert before.status_code == 403
    assert before.json()["error"]["code"] == "payment_required"
    assert "Buy “Algebra, recorded”" in before.json()["error"]["message"]

    order = paid_order(market["student"], listing)
    first = listing_access_grant(user=market["student"], listing=listing, order=order)
    assert listing_access_grant(user=market["student"], listing=listing, order=order) == first  # a redelivery
    assert ListingAccess.objects.count() == 1
    opened = student.get(content)
    assert opened.status_code == 200
    recording = opened.json()["recordings"][0]
    assert (recording["id"], recording["title"], recording["duration_seconds"]) == \
        (str(market["recording"].id), "Algebra class 1", 1.0)
    video = student.get(recording["video_url"])
    assert video.status_code == 200 and video["Content-Type"] == "video/mp4"
    assert video.getvalue() == mp4
    assert student.get(recording["thumbnail_url"])["Content-Type"] == "image/jpeg"
    lesson = opened.json()["lessons"][0]
    assert lesson["id"] == str(market["lesson"].id)
    assert student.get(lesson["video_url"], HTTP_RANGE="bytes=0-9").status_code == 206
    assert other.get(content).status_code == 403
    assert student.get(f"/api/v1/listings/{listing.slug}").json()["owned"] is True
    assert other.get(f"/api/v1/listings/{listing.slug}").json()["owned"] is False
    assert [i["slug"] for i in student.get("/api/v1/me/listings").json()["results"]] == [listing.slug]
    assert other.get("/api/v1/me/listings").json()["results"] == []

    assert listing_access_revoke(order=order) == 1
    assert listing_access_revoke(order=order) == 0
    assert student.get(content).status_code == 403
    assert student.get("/api/v1/me/listings").json()["results"] == []
    assert student.get("/api/v1/listings").json()["results"][0]["owned"] is False

    again = paid_order(market["student"], listing)
    regranted = listing_access_grant(user=market["student"], listing=listing, order=again)
    assert (regranted.id, regranted.order_id, regranted.revoked_at) == (first.id, again.id, None)
    listing_archive(listing=listing)
    assert student.get(content).status_code == 200  # bought once, kept for good
    assert student.get(f"/api/v1/listings/{listing.slug}").json()["status"] == "archived"
    assert [i["slug"] for i in student.get("/api/v1/me/listings").json()["results"]] == [listing.slug]
    assert other.get(f"/api/v1/listings/{listing.slug}").status_code == 404
    assert other.get(content).status_code == 404
    assert student.get("/api/v1/listings").json()["results"] == []  # no longer on sale


def test_access_goes_only_to_the_orders_buyer_for_what_the_order_holds(market):
    listing, other_listing = new_listing(market), new_listing(market, title="Another bundle")
    order = paid_order(market["student"], listing)
    with pytest.raises(ValueError, match="buyer"):
        listing_access_grant(user=market["other_student"], listing=listing, order=order)
    with pytest.raises(ValueError, match="does not contain"):
        listing_access_grant(user=market["student"], listing=other_listing, order=order)
    assert not ListingAccess.objects.exists()
    assert not listing_can_open(market["student"], listing)
    assert listing_can_open(market["tutor"], listing) and listing_can_open(market["admin"], listing)


# --- Who may call what ---------------------------------------------------------------------------------------

# For a minimal request (empty body) when "tutor" has a published listing that "student" bought.
EXPECTED: dict[tuple[str, str], tuple[int, ...]] = {
    ("get", "/listings"): (200, 200, 200, 200, 200, 200),
    ("post", "/listings"): (401, 403, 403, 400, 400, 403),
    ("get", "/listings/{slug}"): (200, 200, 200, 200, 200, 200),
    ("patch", "/listings/{slug}"): (401, 403, 403, 200, 403, 200),
    ("post", "/listings/{slug}/publish"): (401, 403, 403, 200, 403, 200),
    ("post", "/listings/{slug}/archive"): (401, 403, 403, 200, 403, 200),
    ("get", "/listings/{slug}/content"): (401, 200, 403, 200, 403, 200),
    ("get", "/me/listings"): (401, 200, 200, 200, 200, 200),
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("method", "route"), sorted(EXPECTED))
def test_each_route_answers_each_kind_of_caller(market, method, route, actor):
    listing = new_listing(market)
    bought(market, listing)
    response = getattr(api(market, actor), method)(f"/api/v1{route.format(slug=listing.slug)}", {}, format="json")
    expected = EXPECTED[(method, route)][ACTORS.index(actor)]
    assert response.status_code == expected, response.content[:300]
    if expected >= 400:
        assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_a_draft_is_not_found_for_anyone_but_its_tutor_and_admins_on_every_route(market):
    draft = new_listing(market, publish=False)
    for path in ("", "/publish", "/archive", "/content"):
        for actor in ("student", "other_tutor"):
            method = "get" if path in ("", "/content") else "post"
            response = getattr(api(market, actor), method)(f"/api/v1/listings/{draft.slug}{path}")
            assert response.status_code == 404, (actor, path)
    assert client_for(market["tutor"]).get(f"/api/v1/listings/{draft.slug}/content").status_code == 200


# --- Cost ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("actor", ["anonymous", "student"])
def test_a_page_of_listings_costs_the_same_few_queries_however_many_there_are(market, mp4, actor,
                                                                             django_assert_max_num_queries):
    client = api(market, actor)
    for n in range(5):
        listing = new_listing(market, title=f"Bundle number {n}")
        if n % 2:
            bought(market, listing)
    theirs = listing_publish(listing=listing_create(
        tutor=market["other_tutor"], title="Their bundle", currency="USD", price_amount=1500,
        recording_ids=[market["foreign_recording"].id], lesson_ids=[market["foreign_lesson"].id]))
    bought(market, theirs)
    # The user (when signed in), the count, the page with its counts, tutors and `owned`.
    with django_assert_max_num_queries(3):
        page = client.get("/api/v1/listings").json()
    assert page["count"] == 6
    counts = {(item["recording_count"], item["lesson_count"]) for item in page["results"]}
    assert counts == {(1, 1)}
    assert sum(item["owned"] for item in page["results"]) == (3 if actor == "student" else 0)
    if actor == "student":
        with django_assert_max_num_queries(3):
            mine = client.get("/api/v1/me/listings").json()
        assert mine["count"] == 3 and all(item["owned"] for item in mine["results"])
