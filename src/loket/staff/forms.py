"""django-allauth's sign-in form with a label that says what to type (its own says "Login")."""

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or e-mail address")
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)  # the label says it; a placeholder would only repeat it
