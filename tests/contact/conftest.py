import pytest

from loket.contact.mailin import ServiceInbox
from tests.conftest import SERVICE
from tests.services import free_port

__all__ = ["SERVICE"]


@pytest.fixture
def inbox(transactional_db, settings):
    """`loket mail-in`'s receiver on a free port, talking to the test database."""
    from aiosmtpd.controller import Controller

    settings.LOKET_SERVICE_EMAIL = SERVICE
    controller = Controller(ServiceInbox("loket.localhost"), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port
    controller.stop()
