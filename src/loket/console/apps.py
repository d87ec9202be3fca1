from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsoleConfig(AppConfig):
    name = "loket.console"
    label = "console"
    verbose_name = _("Agents' console")

    def ready(self) -> None:
        from loket.console import receivers  # noqa: F401 - e-mail cases reach the open consoles
