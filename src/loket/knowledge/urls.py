from django.urls import path
from django.utils.translation import gettext_lazy as _

from loket.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path(_("search/"), views.search, name="search"),
    path("feedback/<int:page_id>/", views.vote, name="vote"),
    path("feedback/<int:page_id>/comment/", views.comment, name="comment"),
]
