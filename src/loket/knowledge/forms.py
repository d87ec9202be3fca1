from django import forms
from django.utils.translation import gettext_lazy as _


class VoteForm(forms.Form):
    useful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))], coerce=lambda value: value == "yes", empty_value=None
    )


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("What were you looking for, or what can we improve?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        error_messages={
            "required": _("Write a few words, or leave the page if you do not want to add anything."),
            "max_length": _("Keep it under %(limit_value)d characters (you wrote %(show_value)d)."),
        },
    )
