"""The audit trail: what staff did with personal data and with access. Rows are only ever added (and purged after
the retention period); the database refuses to change one (migrations/0001_initial.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    wagtail_reference_index_ignore = True

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    event = models.CharField(_("event"), max_length=40, db_index=True)
    # No foreign-key constraint: the trail outlives accounts, and keeps the name the person had at the time.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who"), max_length=150, blank=True)
    subject = models.CharField(_("object"), max_length=100, blank=True, db_index=True)  # "case:2026-000123"
    address = models.CharField(_("address"), max_length=45, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor_name or '-'} {self.event} {self.subject}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise PermissionError("audit entries are never changed")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit entries are only removed by the retention purge")
