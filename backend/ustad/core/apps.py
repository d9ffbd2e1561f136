from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ustad.core"
    label = "core"
    verbose_name = "Ustad core"
