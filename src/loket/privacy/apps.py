from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "loket.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # Each app declares its personal data in its own `privacy.py`, next to its models (as the admin finds
        # `admin.py`): the registry is complete once every app is loaded, and no app has to import this one's users.
        autodiscover_modules("privacy")
        from django.db.models.signals import post_delete

        from loket.privacy import actions, registry

        for kind in registry.kinds():
            if kind.files:
                post_delete.connect(
                    actions.delete_file_on_commit, sender=kind.model, dispatch_uid=f"privacy-{kind.name}"
                )
