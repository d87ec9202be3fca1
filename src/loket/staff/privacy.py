"""Staff accounts: personal data of staff, kept and removed through `loket staff`, not by a visitor's request."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from loket.privacy.registry import Erasure, Kind, register

User = get_user_model()

register(
    Kind(
        model=User,
        what=_(
            "Staff accounts: username, name, e-mail address, roles, last sign-in (passwords and second factors as "
            "hashes and keys)."
        ),
        why="Signing in, roles, and naming who did what.",
        who="administrators",
        find=lambda person: User.objects.filter(email__iexact=person.email),
        fields=("username", "first_name", "last_name", "email", "is_active", "date_joined", "last_login"),
        erasure=Erasure.KEEP,
        keep_reason=_("staff accounts are disabled or removed with `loket staff` (the audit trail keeps the name)"),
        retention_note=_("as long as the person works for the service"),
    ),
)
