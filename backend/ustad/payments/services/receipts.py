"""Numbered PDF receipts for paid orders, kept in private storage and handed out through signed links.

A receipt is rendered once per state of its order (paid, then again after each refund), so a link
always shows what the buyer was charged and what came back. The number is `UST-<receipt_number>`, from
the database sequence `payments_receipt_number`.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.files.base import ContentFile
from django.db.models.expressions import RawSQL
from django.utils import timezone
from fpdf import FPDF

from ustad.core.errors import ApplicationError
from ustad.core.files.signing import private_file_url
from ustad.core.files.storage import private_storage
from ustad.courses.services.certificates import FONTS
from ustad.payments.models import (
    AccountKind,
    LedgerEntry,
    Order,
    OrderItem,
    OrderStatus,
    PaymentStatus,
    Refund,
    RefundKind,
)

RECEIPT_STATUSES = (OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED)
RECEIPT_LINK_SECONDS = 300
PROVIDER_LABELS = {"local": "Ustad test gateway", "stripe": "Card (Stripe)", "paypal": "PayPal",
                   "jazzcash": "JazzCash", "easypaisa": "Easypaisa"}


def money(amount: int, currency: str) -> str:
    """`PKR 2,500.00`: both currencies have two decimal places."""
    sign = "−" if amount < 0 else ""
    units, cents = divmod(abs(amount), 100)
    return f"{sign}{currency} {units:,}.{cents:02d}"


def receipt_code(order: Order) -> str:
    return order.receipt_code


def _require_paid(order: Order) -> None:
    if order.status not in RECEIPT_STATUSES:
        raise ApplicationError(code="not_paid", status_code=409,
                               message="A receipt is issued once the order is paid.")


def receipt_number_ensure(order: Order) -> Order:
    """Number a paid order that has no receipt number yet (the sequence never hands out one twice)."""
    _require_paid(order)
    if order.receipt_number is None:
        Order.objects.filter(id=order.id, receipt_number__isnull=True).update(
            receipt_number=RawSQL("nextval('payments_receipt_number')", []))
        order.receipt_number = Order.objects.values_list("receipt_number", flat=True).get(id=order.id)
    return order


def _provider(order: Order) -> str:
    payment = order.payments.filter(status=PaymentStatus.SUCCEEDED).order_by("-created_at").first()
    name = payment.provider if payment is not None else (
        LedgerEntry.objects.filter(transaction__reference=f"paid:{order.id}", account__kind=AccountKind.PROVIDER)
        .values_list("account__provider", flat=True).first() or "")
    return PROVIDER_LABELS.get(name, name.title() or "—")


def _zone(user: Any) -> ZoneInfo:
    try:
        return ZoneInfo(user.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


class _Receipt(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        # The certificates' fonts: DejaVu covers Latin and the Arabic letters of Urdu names.
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=20)

    def row(self, label: str, value: str, *, bold: bool = False) -> None:
        self.set_font("DejaVu", "B" if bold else "", 11)
        self.cell(130, 8, label)
        self.cell(0, 8, value, align="R", new_x="LMARGIN", new_y="NEXT")


def receipt_pdf(order: Order) -> bytes:
    """An A4 receipt: number, date, buyer, items, discount, total, how it was paid, and any refunds."""
    receipt_number_ensure(order)
    items = list(OrderItem.objects.filter(order=order).order_by("created_at"))
    refunds = list(Refund.objects.filter(order=order).order_by("created_at"))
    buyer = order.buyer
    pdf = _Receipt()
    pdf.set_title(f"Receipt {receipt_code(order)}")
    pdf.set_author("Ustad")
    pdf.add_page()
    pdf.set_text_color(20, 83, 45)
    pdf.set_font("DejaVu", "B", 20)
    pdf.cell(0, 12, "USTAD", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(30, 41, 59)
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(0, 10, f"Receipt {receipt_code(order)}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 11)
    zone = _zone(buyer)
    paid_at = timezone.localtime(order.paid_at or order.created_at, zone)
    for label, value in (("Date", f"{paid_at:%d %B %Y, %H:%M %Z}"), ("Billed to", buyer.full_name),
                         ("E-mail", buyer.email), ("Order", str(order.id)), ("Paid with", _provider(order))):
        pdf.cell(30, 7, label)
        pdf.cell(0, 7, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_draw_color(203, 213, 225)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(2)
    for item in items:
        pdf.set_font("DejaVu", "", 11)
        top = pdf.get_y()
        pdf.multi_cell(130, 7, item.title, new_x="LMARGIN", new_y="NEXT")  # a long title wraps
        bottom = pdf.get_y()
        pdf.set_xy(pdf.l_margin + 130, top)
        pdf.cell(0, 7, money(item.unit_amount, order.currency), align="R")
        pdf.set_y(bottom)
    pdf.ln(2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(2)
    pdf.row("Subtotal", money(order.subtotal, order.currency))
    if order.discount:
        coupon = f" ({order.coupon.code})" if order.coupon is not None else ""
        pdf.row(f"Discount{coupon}", money(-order.discount, order.currency))
    pdf.row("Total paid", money(order.total, order.currency), bold=True)
    for refund in refunds:
        kind = "Chargeback" if refund.kind == RefundKind.CHARGEBACK else "Refund"
        when = timezone.localtime(refund.created_at, zone)
        pdf.row(f"{kind} on {when:%d %B %Y}", money(-refund.amount, refund.currency))
    if order.refunded:
        pdf.row("Net paid", money(order.total - order.refunded, order.currency), bold=True)
    pdf.ln(8)
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(100, 116, 139)
    pdf.multi_cell(0, 5, "Thank you for learning with Ustad. Keep this receipt for your records.")
    return bytes(pdf.output())


def _receipt_name(order: Order) -> str:
    """One file per state of the order: a refund makes a new receipt, repeating a request does not."""
    return f"receipts/{order.id}-{order.status}-{order.refunded}.pdf"


def receipt_store(order: Order) -> str:
    """Render the receipt once and keep it in private storage; the stored file's name."""
    _require_paid(order)
    storage = private_storage()
    name = _receipt_name(order)
    if storage.exists(name):
        return name
    return storage.save(name, ContentFile(receipt_pdf(order), name=name))


def receipt_url(order: Order, *, ttl: int = RECEIPT_LINK_SECONDS) -> str:
    """A short-lived link that downloads the receipt (stored first if it was not yet)."""
    name = receipt_store(order)
    return private_file_url(name=name, download_name=f"ustad-receipt-{receipt_code(order)}.pdf", ttl=ttl,
                            attachment=True)
