from django import forms
from django.utils.translation import gettext_lazy as _

from loket.guidance.engine import MAX_LENGTH


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Your draft post"),
        strip=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Paste or type the post you want to check."),
            "max_length": _("A post can be at most %(limit_value)d characters long; this one has %(show_value)d."),
        },
    )
    account = forms.ChoiceField(
        label=_("On which account will you post it?"),
        choices=[
            ("private", _("My private account")),
            ("professional", _("My professional account")),
            ("organisation", _("The organisation's account")),
        ],
        initial="private",
        widget=forms.RadioSelect,
    )
    at = forms.DateTimeField(
        label=_("When do you plan to post it? (optional)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": _("Give a date and time, for example 2026-03-10 14:30.")},
    )


class AnswerForm(forms.Form):
    option = forms.CharField(max_length=4, error_messages={"required": _("Choose one of the options.")})
