from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "loket.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge pages")

    def ready(self) -> None:
        from loket.knowledge import receivers  # noqa: F401 - connects the receivers
