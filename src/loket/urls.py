from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from loket.api import api
from loket.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("console/", include("loket.console.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", api.urls),
]

# Dutch lives at the root (/contact/), English under /en/ (/en/contact/).
urlpatterns += i18n_patterns(
    path("", include("loket.knowledge.urls")),
    path("", include("loket.guidance.urls")),
    path("", include("loket.contact.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
