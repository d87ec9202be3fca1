import base64
import hashlib
import hmac
import re
import struct
import time

from django.test import Client

from loket.staff import actions

PASSWORD = "een-lang-wachtwoord-42"


def make_staff(username: str, *roles: str, password: str = PASSWORD, **extra):
    return actions.add_staff(
        username=username, email=f"{username}@loket.example", roles=list(roles), password=password, **extra
    )


def totp(secret: str, at: float | None = None, step: int = 0) -> str:
    """RFC 6238, written here from the standard: the code an authenticator app would show."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((at if at is not None else time.time()) // 30) + step
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def sign_in(
    client: Client, login: str, password: str = PASSWORD, address: str = "127.0.0.1", next: str = "", **headers: str
):
    url = "/staff/login/" + (f"?next={next}" if next else "")
    return client.post(url, {"login": login, "password": password}, REMOTE_ADDR=address, **headers)


def set_up_totp(client: Client) -> str:
    """The authenticator app is set up through the pages, as a person does it; returns its secret."""
    page = client.get("/staff/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="lk-totp-secret">([A-Z2-7]+)<', page).group(1)
    response = client.post("/staff/2fa/totp/activate/", {"code": totp(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return secret
