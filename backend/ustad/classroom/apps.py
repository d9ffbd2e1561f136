from django.apps import AppConfig


class ClassroomConfig(AppConfig):
    name = "ustad.classroom"
    label = "classroom"
    verbose_name = "Live classes"
