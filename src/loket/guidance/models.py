"""Guidelines for staff, the dilemmas of the trainer with their options, and the anonymous answers given to them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from loket.i18n import content_language

VERDICTS = [("recommended", _("Recommended")), ("acceptable", _("Acceptable")), ("risky", _("Risky"))]


class Bilingual:
    """Fields kept as `<name>_nl` and `<name>_en`; `localized("title")` picks the active language's."""

    def localized(self, name: str) -> str:
        return getattr(self, f"{name}_{content_language()}") or getattr(self, f"{name}_nl")


class Guideline(Bilingual, index.Indexed, models.Model):
    code = models.SlugField(_("code"), unique=True, help_text=_("Stable: findings and dilemmas refer to it."))
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=[
            ("code", _("Deontological code")),
            ("guidelines", _("Social-media guidelines")),
            ("ict-code", _("ICT code")),
        ],
    )
    version = models.CharField(_("version"), max_length=20)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    examples_nl = models.TextField(_("examples (Dutch)"), blank=True, help_text=_("One example per line."))
    examples_en = models.TextField(_("examples (English)"), blank=True, help_text=_("One example per line."))
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("code"), FieldPanel("source"), FieldPanel("version"), FieldPanel("title_nl"), FieldPanel("title_en"),
        FieldPanel("text_nl"), FieldPanel("text_en"), FieldPanel("examples_nl"), FieldPanel("examples_en"),
        FieldPanel("sort_order"),
    ]  # fmt: skip
    search_fields = [index.SearchField("title_nl"), index.SearchField("title_en"), index.AutocompleteField("code")]

    class Meta:
        verbose_name = _("guideline")
        verbose_name_plural = _("guidelines")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.title_nl}"

    @property
    def title(self) -> str:
        return self.localized("title")

    @property
    def text(self) -> str:
        return self.localized("text")

    def examples(self) -> list[str]:
        return [line for line in self.localized("examples").splitlines() if line.strip()]


class DilemmaForm(WagtailAdminModelForm):
    """The admin's dilemma form: exactly one option recommended, as the trainer shows that one as the answer."""

    def clean(self) -> dict:
        cleaned = super().clean()
        options = self.formsets["options"]
        if options.is_valid():
            kept = [form.cleaned_data for form in options.forms if form.cleaned_data.get("DELETE") is False]
            if [option.get("verdict") for option in kept].count("recommended") != 1:
                self.add_error(None, _("Exactly one option must be recommended: the trainer shows it as the answer."))
        return cleaned


class Dilemma(Bilingual, ClusterableModel):
    slug = models.SlugField(_("slug"), unique=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    scenario_nl = models.TextField(_("scenario (Dutch)"))
    scenario_en = models.TextField(_("scenario (English)"))
    guidelines = models.ManyToManyField(Guideline, related_name="dilemmas", verbose_name=_("guidelines"))
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    base_form_class = DilemmaForm
    panels = [
        FieldPanel("slug"), FieldPanel("title_nl"), FieldPanel("title_en"), FieldPanel("scenario_nl"),
        FieldPanel("scenario_en"), InlinePanel("options", label=_("options"), min_num=2), FieldPanel("guidelines"),
        FieldPanel("sort_order"),
    ]  # fmt: skip

    class Meta:
        verbose_name = _("dilemma")
        verbose_name_plural = _("dilemmas")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.title_nl

    @property
    def title(self) -> str:
        return self.localized("title")

    @property
    def scenario(self) -> str:
        return self.localized("scenario")

    def localized_options(self) -> list[dict[str, str]]:
        return [
            {"key": o.key, "verdict": o.verdict, "text": o.localized("text"), "feedback": o.localized("feedback")}
            for o in self.options.all()
        ]

    def option(self, key: str) -> dict[str, str] | None:
        return next((o for o in self.localized_options() if o["key"] == key), None)


class Option(Bilingual, Orderable):
    """One answer a dilemma offers: its text, how the trainer judges it, and the feedback that says why."""

    dilemma = ParentalKey(Dilemma, on_delete=models.CASCADE, related_name="options")
    key = models.CharField(_("key"), max_length=4, help_text=_("Stable: the trainer's answers refer to it."))
    verdict = models.CharField(_("verdict"), max_length=12, choices=VERDICTS)
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    feedback_nl = models.TextField(_("feedback (Dutch)"))
    feedback_en = models.TextField(_("feedback (English)"))

    panels = [
        FieldPanel("key"), FieldPanel("verdict"), FieldPanel("text_nl"), FieldPanel("text_en"),
        FieldPanel("feedback_nl"), FieldPanel("feedback_en"),
    ]  # fmt: skip

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [models.UniqueConstraint(fields=["dilemma", "key"], name="guidance_option_key_unique")]

    def __str__(self) -> str:
        return f"{self.key}: {self.text_nl}"


class Answer(models.Model):
    """One anonymous answer in the trainer: which option, and how the trainer judged it."""

    wagtail_reference_index_ignore = True  # no page content here: no reference-index task per save

    dilemma = models.ForeignKey(Dilemma, on_delete=models.CASCADE, related_name="answers")
    option = models.CharField(max_length=4)
    verdict = models.CharField(max_length=12, choices=VERDICTS)
    answered_on = models.DateField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("trainer answer")
        verbose_name_plural = _("trainer answers")
        permissions = [("view_statistics", _("Can see the trainer's statistics"))]

    def __str__(self) -> str:
        return f"{self.dilemma.slug}: {self.option} ({self.verdict})"
