from django import forms
from django.utils.translation import gettext_lazy as _

from loket.contact.models import Case
from loket.contact.queries import agents


class TextForm(forms.Form):
    text = forms.CharField(
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write something first.")},
    )


class UpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Case.Status.choices)
    assignee = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=agents(), required=False, empty_label=_("Nobody")
    )
