import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from wagtail.models import Locale, Page, Site

from loket.knowledge.models import ArticlePage, ContactPage, GuidancePage, HomePage, IndexPage
from loket.security import forget_local_limits
from tests.services import smtp_server

SERVICE = "1700@loket.localhost"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache and in this process's buckets; each test starts with none."""
    cache.clear()
    forget_local_limits()
    yield
    cache.clear()
    forget_local_limits()


def _checked_out() -> int:
    stats = connection.pool.get_stats()
    return stats["pool_size"] - stats["pool_available"]


@pytest.fixture(scope="session", autouse=True)
def no_leaked_connections(request, django_db_setup, django_db_blocker):
    """On PostgreSQL, every pooled connection is back in the pool when the suite ends. A connection opened in a
    context that nobody closes (plain `sync_to_async` around database work does that) stays checked out for good;
    ten of them made CI's suite fail late, far from their cause, so the end of the suite names the tests after which
    more connections were out than before."""
    if connection.vendor != "postgresql":
        yield
        return
    request.config.loket_checked_out = []
    yield
    with django_db_blocker.unblock():
        connection.close()  # the main thread's own, which the django_db fixtures keep open between tests
        leaked = _checked_out()
    starts = [*request.config.loket_checked_out, ("the end", leaked)]
    rises = [name for (name, before), (_, later) in itertools.pairwise(starts) if later > before]
    assert leaked == 0, f"{leaked} pooled connection(s) never went back; more were out after: {rises}"


@pytest.fixture(autouse=True)
def count_checked_out(request):
    """Feeds `no_leaked_connections`: how many pooled connections were out when each test started."""
    seen = getattr(request.config, "loket_checked_out", None)
    if seen is not None:
        seen.append((request.node.nodeid, _checked_out()))
    yield


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) that Loket's mail goes to; yields what it received."""
    with smtp_server() as (port, mailbox):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.LOKET_SERVICE_EMAIL = SERVICE
        yield mailbox


@pytest.fixture
async def hub():
    """This event loop's chat hub (consumers start it), stopped afterwards."""
    from loket.chat import hub as chat_hub

    found = await chat_hub.current()
    yield found
    await found.stop()


@pytest.fixture
def required_2fa(settings):
    settings.LOKET_STAFF_2FA = "required"


@pytest.fixture
def optional_2fa(settings):
    settings.LOKET_STAFF_2FA = "optional"


@pytest.fixture
def client_class():
    """Each call is a new browser: its own cookies and session."""
    return Client


@pytest.fixture
def site(db):
    """A small site in Dutch with its English translation: home, an overview with two articles, contact."""
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    for placeholder in root.get_children():
        placeholder.delete()
    home = root.add_child(
        instance=HomePage(title="Welkom bij Loket", slug="home", locale=dutch, intro="Vind uw antwoord.")
    )
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    topic = home.add_child(instance=IndexPage(title="Integriteit", slug="integriteit", intro="Over integriteit."))
    guidance = topic.add_child(
        instance=GuidancePage(
            title="Sociale media",
            slug="sociale-media",
            intro="Hoe u als personeelslid verstandig sociale media gebruikt.",
            body=[
                ("heading", "Wat zijn sociale media?"),
                ("paragraph", "<p>Tweerichtingsverkeer tussen gebruikers.</p>"),
            ],
        )
    )
    article = topic.add_child(
        instance=ArticlePage(title="Geschenken", slug="geschenken", intro="Geschenken van derden weigert u meestal.")
    )
    contact = home.add_child(instance=ContactPage(title="Contacteer ons", slug="contact", intro="Kies een kanaal."))
    english_home = home.copy_for_translation(english)
    english_home.title = "Welcome to Loket"
    english_home.save_revision().publish()
    return {
        "home": home,
        "topic": topic,
        "guidance": guidance,
        "article": article,
        "contact": contact,
        "english_home": english_home,
    }


@pytest.fixture
def guidance(db):
    """The guidelines and dilemmas as `loket serve` loads them."""
    from loket.guidance import actions

    actions.load_guidance_content()
