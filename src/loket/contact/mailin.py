"""`loket mail-in`: an SMTP receiver for the service's own domain; every mail becomes part of a case."""

import asyncio
import logging

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.conf import settings

from loket.db import in_thread

logger = logging.getLogger(__name__)
MAX_MESSAGE_SIZE = 10 * 1024 * 1024


class ServiceInbox:
    """Accepts mail for the service's domain only; stores it before saying "accepted"."""

    def __init__(self, domain: str):
        self.domain = domain.lower()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address.rpartition("@")[2].lower() != self.domain:
            return "550 5.7.1 Not a mailbox of this service"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        from loket.contact.actions import receive_mail

        try:
            received = await in_thread(receive_mail)(
                envelope.original_content or b"", recipients=list(envelope.rcpt_tos), envelope_sender=envelope.mail_from
            )
        except Exception:  # the database is down: the sender's server will try again later, nothing is lost
            logger.exception("incoming mail could not be stored")
            return "451 4.3.0 Could not store the message, try again later"
        logger.info("incoming mail: %s, case %s", received.status, received.case.reference if received.case else "-")
        return "250 2.0.0 Stored"


def serve_mail_in(host: str, port: int) -> None:
    domain = settings.LOKET_SERVICE_EMAIL.rpartition("@")[2]
    controller = Controller(
        ServiceInbox(domain), hostname=host, port=port, data_size_limit=MAX_MESSAGE_SIZE, decode_data=False
    )
    controller.start()
    print(f"Loket mail-in: receiving mail for @{domain} on {host}:{port}", flush=True)
    try:
        asyncio.run(asyncio.Event().wait())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
