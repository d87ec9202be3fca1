from django import forms
from django.utils.translation import gettext_lazy as _

from loket.privacy.registry import Person


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    cases = forms.CharField(
        label=_("Case references"),
        required=False,
        help_text=_("Optional, separated by spaces: cases sent from another address."),
    )
    chats = forms.CharField(label=_("Chat tokens"), required=False, help_text=_("Optional, separated by spaces."))

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(email=data["email"], cases=tuple(data["cases"].split()), chats=tuple(data["chats"].split()))
