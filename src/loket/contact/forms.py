from django import forms
from django.utils.translation import gettext_lazy as _

from loket.contact.incoming import has_control_character, has_line_break
from loket.contact.models import Topic

NO_LINE_BREAKS = _("Write this on one line.")
NO_CONTROL_CHARACTERS = _("This contains an invisible control character; type it again without it.")


def _one_line(value: str) -> None:
    """Line breaks and control characters in a name or subject could forge mail headers or make the mail impossible
    to build; they have no place there anyway."""
    if has_line_break(value):
        raise forms.ValidationError(NO_LINE_BREAKS, code="line-break")
    if has_control_character(value):
        raise forms.ValidationError(NO_CONTROL_CHARACTERS, code="control-character")


class EmailContactForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Fill in your e-mail address, so we can answer you."),
            "invalid": _("This is not a valid e-mail address, for example name@example.org."),
        },
    )
    name = forms.CharField(label=_("Your name (optional)"), max_length=100, required=False, validators=[_one_line])
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.filter(active=True),
        empty_label=_("Choose a topic"),
        error_messages={
            "required": _("Choose the topic of your question."),
            "invalid_choice": _("Choose a topic from the list."),
        },
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=150,
        validators=[_one_line],
        error_messages={"required": _("Give your question a short subject.")},
    )
    message = forms.CharField(
        label=_("Your question"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your question."),
            "max_length": _("Keep your question under %(limit_value)d characters (you wrote %(show_value)d)."),
        },
    )
    # Left empty by people (it is hidden); filled in by bots that fill in everything.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
