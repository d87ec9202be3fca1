from django.urls import path
from django.utils.translation import gettext_lazy as _

from loket.guidance import views

app_name = "guidance"

urlpatterns = [
    path(_("guidelines/"), views.guidelines, name="guidelines"),
    path(_("guidelines/check/"), views.check, name="check"),
    path(_("guidelines/dilemmas/"), views.trainer, name="trainer"),
    path(_("guidelines/dilemmas/<slug:slug>/"), views.dilemma, name="dilemma"),
    path(_("guidelines/statistics/"), views.statistics, name="statistics"),
]
