from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "ustad.users"
    label = "users"
    verbose_name = "Users"
