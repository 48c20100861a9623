from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content (``manage.py load_demo``), written from the party's work plans."""

    name = "resourcebank.demo"
    label = "demo"
    verbose_name = "Demo"
