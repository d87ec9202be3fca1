from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from loket.api import api
from loket.chat import urls as chat_urls
from loket.contact import urls as contact_urls
from loket.health import healthz
from loket.metrics import metrics_view
from loket.staff.urls import allauth_urlpatterns

# Loket's own error pages, in its layout and the visitor's language (loket.errors); a 503 while the database is away.
handler400 = "loket.errors.bad_request"
handler403 = "loket.errors.permission_denied"
handler404 = "loket.errors.page_not_found"
handler500 = "loket.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics_view, name="metrics"),  # Prometheus, behind LOKET_METRICS_TOKEN
    # One sign-in for all staff, with lockout and second factors: Wagtail's own login page must not be a way around it.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("console/reports/", include("loket.reports.urls")),
    path("console/", include("loket.console.urls")),
    path("staff/", include("loket.staff.urls")),
    path("staff/", include(allauth_urlpatterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", api.urls),
]

# Dutch lives at the root (/contact/), English under /en/ (/en/contact/).
urlpatterns += i18n_patterns(
    path("", include("loket.knowledge.urls")),
    path("", include("loket.guidance.urls")),
    path("", include(([*contact_urls.urlpatterns, *chat_urls.urlpatterns], "contact"))),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
