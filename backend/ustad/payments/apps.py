from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "ustad.payments"
    label = "payments"
    verbose_name = "Payments"
