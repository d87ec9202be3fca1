from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "loket.guidance"
    label = "guidance"
    verbose_name = _("Social-media integrity toolkit")
