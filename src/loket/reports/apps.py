from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "loket.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from loket.reports import receivers  # noqa: F401  (connects the chat's turned_away signal)
