"""The payment providers, chosen per currency by `PAYMENT_PROVIDERS` (docs/payments.md)."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings

from ustad.core.errors import ApplicationError
from ustad.payments.providers.base import PaymentProvider

# name -> "module:Class"; each module reads its own settings.
REGISTRY = {
    "local": "ustad.payments.providers.local:LocalProvider",
    "stripe": "ustad.payments.providers.stripe:StripeProvider",
    "paypal": "ustad.payments.providers.paypal:PayPalProvider",
    "jazzcash": "ustad.payments.providers.jazzcash:JazzCashProvider",
    "easypaisa": "ustad.payments.providers.easypaisa:EasypaisaProvider",
}


def get_provider(name: str) -> PaymentProvider:
    if name not in REGISTRY:
        raise ApplicationError(code="unknown_provider", status_code=404, message=f"No payment provider “{name}”.")
    module_name, class_name = REGISTRY[name].split(":")
    provider: PaymentProvider = getattr(import_module(module_name), class_name)()
    return provider


def provider_names_for(currency: str) -> list[str]:
    """The providers offered for a currency, in the configured order (only known names)."""
    return [name for name in settings.PAYMENT_PROVIDERS.get(currency, []) if name in REGISTRY]


def provider_for_checkout(name: str, currency: str) -> PaymentProvider:
    if name not in provider_names_for(currency):
        raise ApplicationError(code="provider_not_offered", status_code=400,
                               message=f"“{name}” does not take payments in {currency} here.",
                               fields={"provider": [f"Choose one of: {', '.join(provider_names_for(currency))}."]})
    return get_provider(name)
