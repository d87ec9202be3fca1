"""Links every page's header and footer need, looked up once per request and only when rendered."""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Page

from loket.knowledge.models import ContactPage, HomePage


def _landmarks(request: HttpRequest) -> dict[str, str]:
    types = ContentType.objects.get_for_models(HomePage, ContactPage)  # cached by Django after the first call
    pages = Page.objects.live().filter(locale__language_code=get_language(), content_type__in=types.values())
    urls = {page.content_type_id: page.url or "/" for page in pages}  # one site: root paths come from the cache
    home = urls.get(types[HomePage].id, "/")
    return {"home": home, "contact": urls.get(types[ContactPage].id, home)}


def navigation(request: HttpRequest) -> dict[str, object]:
    landmarks = SimpleLazyObject(lambda: _landmarks(request))
    return {
        "home_url": SimpleLazyObject(lambda: landmarks["home"]),
        "contact_url": SimpleLazyObject(lambda: landmarks["contact"]),
    }
