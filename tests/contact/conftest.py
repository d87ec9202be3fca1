import pytest

from tests.services import smtp_server

SERVICE = "1700@loket.localhost"


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) that Loket's mail goes to; yields what it received."""
    with smtp_server() as (port, mailbox):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.LOKET_SERVICE_EMAIL = SERVICE
        yield mailbox
