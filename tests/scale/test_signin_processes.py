"""The lockout counts failures across processes: two `loket web` processes share their counters through Redis."""

import re

import pytest
import requests

from tests.scale.conftest import web_processes
from tests.services import private_redis, run_python

SETUP = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from loket.staff import actions
actions.add_staff(username="ann", email="ann@example.org", roles=["agent"], password="een-lang-wachtwoord-42")
"""


def attempt(port: int, password: str) -> requests.Response:
    browser = requests.Session()
    page = browser.get(f"http://127.0.0.1:{port}/staff/login/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return browser.post(
        f"http://127.0.0.1:{port}/staff/login/",
        data={"csrfmiddlewaretoken": token, "login": "ann", "password": password},
        headers={"Referer": f"http://127.0.0.1:{port}/staff/login/"},
        allow_redirects=False,
        timeout=10,
    )


@pytest.mark.parametrize("shared", [True, False], ids=["with Redis", "without Redis"])
def test_failures_on_two_processes_add_up_to_one_lockout(database, tmp_path, shared):
    with private_redis() as redis_url:
        env = {"DATABASE_URL": database, "LOKET_VAR_DIR": str(tmp_path), **({"REDIS_URL": redis_url} if shared else {})}
        setup = run_python(SETUP, env, tmp_path)
        assert setup.returncode == 0, setup.stderr
        with web_processes(env, "one", "two") as servers:
            one, two = servers["one"][0], servers["two"][0]
            for port in (one, one, one, two, two):
                assert attempt(port, "wrong").status_code == 200
            right = attempt(one, "een-lang-wachtwoord-42")
    if shared:
        assert right.status_code == 200 and "Te veel mislukte pogingen" in right.text
    else:  # (what docs/operations.md warns about: without Redis each process counts alone)
        assert right.status_code == 302
