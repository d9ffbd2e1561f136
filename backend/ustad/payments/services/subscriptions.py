"""Subscriptions: a monthly plan opens every course marked as included, for as long as it is paid.

Each paid period is an order (kind `plan`), so it has a receipt, a ledger split and can be refunded like any
other. A failed renewal makes the subscription past due: access continues for SUBSCRIPTION_GRACE_DAYS, then
ends. Cancelling keeps access until the end of the paid period; resuming before then undoes it. The courses
a subscription opened are enrolments with source `subscription`, revoked when it ends.
"""

from __future__ import annotations

import calendar
import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.courses.models import Course, CourseStatus, Enrollment, EnrollmentSource, EnrollmentStatus
from ustad.courses.services.enrollment import grant_enrollment, revoke_enrollment
from ustad.payments.models import (
    ItemKind,
    Order,
    OrderItem,
    Payment,
    PaymentStatus,
    Plan,
    Subscription,
    SubscriptionStatus,
    WebhookOutcome,
)
from ustad.payments.providers import get_provider, provider_for_checkout
from ustad.payments.providers.base import EventType, ProviderEvent, ProviderUnavailableError, SubscriptionRequest
from ustad.payments.services.buyables import refuse
from ustad.payments.services.orders import order_mark_paid
from ustad.payments.services.payments import UNAVAILABLE, webhook_url

logger = logging.getLogger(__name__)

LIVE = (SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE)


def add_month(moment: datetime) -> datetime:
    """The same day next month (the 31st becomes the month's last day)."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def grace_ends_at(subscription: Subscription) -> datetime | None:
    if subscription.status != SubscriptionStatus.PAST_DUE or subscription.past_due_since is None:
        return None
    return subscription.past_due_since + timedelta(days=settings.SUBSCRIPTION_GRACE_DAYS)


def active_subscription(user: Any) -> Subscription | None:
    """A subscription that opens courses now: active, or past due within its grace period."""
    if not getattr(user, "is_authenticated", False):
        return None
    for subscription in Subscription.objects.filter(user=user, status__in=LIVE).select_related("plan"):
        grace = grace_ends_at(subscription)
        if subscription.status == SubscriptionStatus.ACTIVE or (grace and grace > timezone.now()):
            return subscription
    return None


def subscription_start(*, user: Any, plan_slug: str, provider_name: str) -> tuple[Subscription, str, dict[str, str]]:
    """Start a subscription checkout. One live subscription per plan: an unfinished one is reused."""
    plan = Plan.objects.filter(slug=plan_slug, active=True).first()
    if plan is None:
        raise refuse("not_found", "No such plan.", "plan", 404)
    provider = provider_for_checkout(provider_name, plan.currency)
    if not provider.supports_subscriptions:
        raise refuse("subscriptions_unsupported", f"{provider.label} cannot take monthly payments.", "provider")
    existing = Subscription.objects.filter(user=user, plan=plan).exclude(status=SubscriptionStatus.ENDED).first()
    if existing is not None and existing.status != SubscriptionStatus.INCOMPLETE:
        raise refuse("already_subscribed", "You already have this subscription.", "plan", 409)
    subscription = existing
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(user=user, plan=plan, provider=provider.name)
        except IntegrityError:  # a double click: the other request made it
            subscription = Subscription.objects.get(user=user, plan=plan, status=SubscriptionStatus.INCOMPLETE)
    Subscription.objects.filter(id=subscription.id).update(provider=provider.name)
    request = SubscriptionRequest(
        subscription_id=str(subscription.id), plan_name=plan.name, amount=plan.price_amount,
        currency=plan.currency,
        provider_plan_ref={"stripe": plan.stripe_price_id, "paypal": plan.paypal_plan_id}.get(provider.name, ""),
        buyer_email=user.email, buyer_name=user.full_name or user.email,
        return_url=f"{settings.SITE_URL}/my/subscription?subscription={subscription.id}",
        cancel_url=f"{settings.SITE_URL}/my/subscription?cancelled=1", webhook_url=webhook_url(provider.name))
    try:
        start = provider.start_subscription(request)
    except ProviderUnavailableError as error:
        raise ApplicationError(code="provider_unavailable", status_code=503, message=UNAVAILABLE) from error
    Subscription.objects.filter(id=subscription.id).update(provider_ref=start.provider_ref[:120],
                                                           updated_at=timezone.now())
    subscription.refresh_from_db()
    return subscription, start.redirect_url, dict(start.form_fields)


def _find(provider: str, event: ProviderEvent) -> Subscription | None:
    query = Subscription.objects.select_for_update().select_related("plan", "user")
    if event.local_ref:
        try:
            found = query.filter(id=uuid.UUID(event.local_ref)).first()
        except ValueError:
            found = None
        if found is not None:
            return found
    if event.subscription_ref:
        return query.filter(provider=provider, provider_ref=event.subscription_ref).first()
    return None


def _period_paid(provider: str, subscription: Subscription, event: ProviderEvent) -> tuple[str, str]:
    plan = subscription.plan
    amount = event.amount if event.amount is not None else plan.price_amount
    currency = (event.currency or plan.currency).upper()
    if currency != plan.currency or amount <= 0:
        return WebhookOutcome.REJECTED, "the period's currency or amount does not match the plan"
    with transaction.atomic():
        order, created = Order.objects.get_or_create(
            buyer=subscription.user, idempotency_key=f"period:{provider}:{event.event_id}"[:80],
            defaults={"currency": currency, "subtotal": amount, "total": amount})
        if created:
            OrderItem.objects.create(order=order, kind=ItemKind.PLAN, subscription=subscription,
                                     title=f"{plan.name}: one month"[:200], unit_amount=amount, amount=amount)
            reference = (event.captured_ref or event.event_id)[:120]
            Payment.objects.get_or_create(  # what a refund of this month goes back through
                provider=provider, provider_ref=reference,
                defaults={"order": order, "amount": amount, "currency": currency,
                          "status": PaymentStatus.SUCCEEDED, "provider_payment_ref": reference})
    order_mark_paid(order_id=order.id, provider=provider, amount=amount, currency=currency,
                    reference=event.captured_ref or event.event_id)
    now = timezone.now()
    subscription.status, subscription.past_due_since, subscription.ended_at = SubscriptionStatus.ACTIVE, None, None
    subscription.current_period_end = event.period_end or add_month(max(now, subscription.current_period_end or now))
    if event.subscription_ref:
        subscription.provider_ref = event.subscription_ref[:120]
    subscription.save()
    return WebhookOutcome.PROCESSED, ""


def subscription_event_apply(provider: str, event: ProviderEvent) -> tuple[str, str]:
    subscription = _find(provider, event)
    if subscription is None:
        return WebhookOutcome.IGNORED, "no subscription of ours matches this event"
    if event.type in (EventType.SUBSCRIPTION_ACTIVATED, EventType.SUBSCRIPTION_RENEWED):
        return _period_paid(provider, subscription, event)
    if subscription.status == SubscriptionStatus.ENDED:
        return WebhookOutcome.IGNORED, "the subscription has ended"
    if event.type == EventType.SUBSCRIPTION_RENEWAL_FAILED:
        if subscription.status == SubscriptionStatus.ACTIVE:
            # the grace period counts from when the unpaid month began, however late the news arrives
            subscription.status = SubscriptionStatus.PAST_DUE
            subscription.past_due_since = subscription.current_period_end or timezone.now()
            subscription.save(update_fields=["status", "past_due_since", "updated_at"])
        return WebhookOutcome.PROCESSED, ""
    if event.type == EventType.SUBSCRIPTION_CANCELLED:
        subscription.cancel_at_period_end = True
        subscription.save(update_fields=["cancel_at_period_end", "updated_at"])
        return WebhookOutcome.PROCESSED, ""
    subscription_end(subscription=subscription)
    return WebhookOutcome.PROCESSED, ""


@transaction.atomic
def subscription_end(*, subscription: Subscription) -> Subscription:
    """End now and take back the courses it opened (unless another live subscription still opens them)."""
    if subscription.status == SubscriptionStatus.ENDED:
        return subscription
    subscription.status, subscription.ended_at = SubscriptionStatus.ENDED, timezone.now()
    subscription.save(update_fields=["status", "ended_at", "updated_at"])
    if active_subscription(subscription.user) is None:
        enrollments = Enrollment.objects.filter(student=subscription.user, source=EnrollmentSource.SUBSCRIPTION,
                                                status=EnrollmentStatus.ACTIVE).select_related("course")
        for enrollment in enrollments:
            revoke_enrollment(student=subscription.user, course=enrollment.course)
    return subscription


def subscription_end_for_order(*, subscription: Subscription) -> None:
    """A paid period was refunded or charged back: the subscription ends now."""
    subscription_end(subscription=Subscription.objects.select_for_update().get(id=subscription.id))


def _provider_call(subscription: Subscription, *, cancel: bool) -> None:
    provider = get_provider(subscription.provider)
    try:
        if cancel:
            provider.cancel_subscription(subscription_ref=subscription.provider_ref, at_period_end=True)
        else:
            provider.resume_subscription(subscription_ref=subscription.provider_ref)
    except ProviderUnavailableError as error:
        raise ApplicationError(code="provider_unavailable", status_code=503, message=UNAVAILABLE) from error


def subscription_cancel(*, subscription: Subscription) -> Subscription:
    """Stop renewing; access continues until the paid period ends."""
    if subscription.status not in LIVE:
        raise refuse("not_active", "Only a running subscription can be cancelled.", status_code=409)
    if subscription.cancel_at_period_end:
        return subscription
    _provider_call(subscription, cancel=True)
    subscription.cancel_at_period_end = True
    subscription.save(update_fields=["cancel_at_period_end", "updated_at"])
    return subscription


def subscription_resume(*, subscription: Subscription) -> Subscription:
    if subscription.status not in LIVE or not subscription.cancel_at_period_end:
        raise refuse("not_cancelled", "Only a cancelled subscription that has not ended can be resumed.",
                     status_code=409)
    _provider_call(subscription, cancel=False)
    subscription.cancel_at_period_end = False
    subscription.save(update_fields=["cancel_at_period_end", "updated_at"])
    return subscription


def subscription_enrol(*, user: Any, course: Course) -> Enrollment:
    """Open an included course with the subscription."""
    if course.status != CourseStatus.PUBLISHED:
        raise refuse("not_found", "No such course.", "course", 404)
    if not course.included_in_subscription:
        raise refuse("not_included", "This course is not included in the subscription: buy it instead.", "course",
                     402)
    if active_subscription(user) is None:
        raise refuse("subscription_required", "Subscribe to open this course.", "course", 402)
    if course.owner_id == user.id:
        raise refuse("own_course", "You teach this course.", "course", 409)
    return grant_enrollment(student=user, course=course, source=EnrollmentSource.SUBSCRIPTION)


def subscriptions_sweep(*, now: datetime | None = None) -> dict[str, int]:
    """Beat task body: end cancelled subscriptions whose period is over, renew local ones that are due,
    mark unpaid ones past due, and end past-due ones after the grace period."""
    from ustad.payments.services.local_gateway import local_renewals_run

    now = now or timezone.now()
    counts = {"ended": 0, "renewed": 0, "past_due": 0}
    due = Subscription.objects.filter(status__in=LIVE, current_period_end__lte=now)
    for subscription in due.filter(cancel_at_period_end=True):
        subscription_end(subscription=subscription)
        counts["ended"] += 1
    counts["renewed"] = local_renewals_run(now=now)
    slack = timedelta(hours=1)  # a provider's renewal webhook may lag a little behind the period's end
    counts["past_due"] = Subscription.objects.filter(
        status=SubscriptionStatus.ACTIVE, cancel_at_period_end=False, current_period_end__lte=now - slack,
    ).exclude(provider="local").update(status=SubscriptionStatus.PAST_DUE, past_due_since=now, updated_at=now)
    grace = now - timedelta(days=settings.SUBSCRIPTION_GRACE_DAYS)
    for subscription in Subscription.objects.filter(status=SubscriptionStatus.PAST_DUE, past_due_since__lte=grace):
        subscription_end(subscription=subscription)
        counts["ended"] += 1
    return counts
