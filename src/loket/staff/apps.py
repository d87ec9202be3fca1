from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "loket.staff"
    label = "staff"
    verbose_name = _("Staff")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from loket.staff import receivers  # noqa: F401 - audit entries for sign-in, sign-out, 2FA and roles

        post_migrate.connect(_after_migrate, dispatch_uid="loket-role-groups")


def _after_migrate(sender: AppConfig, **kwargs: object) -> None:
    """Once every app's permissions exist (post_migrate runs per app, the last one last): the roles' groups."""
    from django.apps import apps

    from loket.staff.actions import sync_role_groups

    if sender is [config for config in apps.get_app_configs() if config.models_module][-1]:
        sync_role_groups()
