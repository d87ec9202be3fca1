"""The building blocks of a knowledge page's body."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    """A section heading; its anchor feeds the page's table of contents."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value)
        return context

    class Meta:
        icon = "title"
        template = "knowledge/blocks/heading.html"
        label = _("Section heading")


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(choices=[("info", _("Information")), ("warning", _("Warning"))], default="info")
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "knowledge/blocks/callout.html"
        label = _("Callout")


class RuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    text = blocks.TextBlock()


class ChannelBlock(blocks.StructBlock):
    """A way to reach the service, as listed on the contact overview."""

    kind = blocks.ChoiceBlock(
        choices=[("email", _("E-mail")), ("chat", _("Chat")), ("phone", _("Phone")), ("social", _("Social media"))]
    )
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock()
    link = blocks.CharBlock(
        max_length=300,
        help_text=_("A URL or path; 'route:contact:email' links to the e-mail form, 'route:contact:chat' to the chat."),
    )

    class Meta:
        icon = "mail"
        template = "knowledge/blocks/channel.html"
        label = _("Contact channel")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="knowledge/blocks/paragraph.html")
    callout = CalloutBlock()
    documents = blocks.ListBlock(
        DocumentChooserBlock(), template="knowledge/blocks/documents.html", label=_("Downloads"), icon="doc-full"
    )
    rules = blocks.ListBlock(
        RuleBlock(), template="knowledge/blocks/rules.html", label=_("Numbered rules"), icon="list-ol"
    )
    channel = ChannelBlock()
