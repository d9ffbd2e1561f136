from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "ustad.courses"
    label = "courses"
    verbose_name = "Courses"
