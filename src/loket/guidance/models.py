"""Guidelines for staff, the dilemmas of the trainer, and the anonymous answers given to them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
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


class Dilemma(Bilingual, models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    scenario_nl = models.TextField(_("scenario (Dutch)"))
    scenario_en = models.TextField(_("scenario (English)"))
    # [{"key": "a", "verdict": "recommended", "nl": {"text", "feedback"}, "en": {...}}, ...]
    options = models.JSONField(_("options"))
    guidelines = models.ManyToManyField(Guideline, related_name="dilemmas", verbose_name=_("guidelines"))
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("slug"), FieldPanel("title_nl"), FieldPanel("title_en"), FieldPanel("scenario_nl"),
        FieldPanel("scenario_en"), FieldPanel("options"), FieldPanel("guidelines"), FieldPanel("sort_order"),
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
        language = content_language()
        return [
            {"key": o["key"], "verdict": o["verdict"], **o.get(language, o["nl"])}  # text, feedback
            for o in self.options
        ]

    def option(self, key: str) -> dict[str, str] | None:
        return next((o for o in self.localized_options() if o["key"] == key), None)


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
