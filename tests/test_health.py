import json

import pytest

from tests.services import private_redis, run_python

HEALTH = """
import django; django.setup()
from django.test import Client
response = Client(HTTP_HOST="localhost").get("/healthz")
print(response.status_code, response.content.decode())
"""


def healthz(tmp_path, **env):
    result = run_python(HEALTH, {"LOKET_VAR_DIR": str(tmp_path), **env}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    return int(status), json.loads(body)


def test_healthz_reports_the_database_and_says_redis_is_not_configured(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "not configured"}


def test_healthz_checks_redis_when_it_is_configured(tmp_path):
    with private_redis() as redis_url:
        status, body = healthz(tmp_path, REDIS_URL=redis_url)
    assert (status, body["redis"]) == (200, "ok")


def test_healthz_says_degraded_but_stays_200_when_redis_is_down(tmp_path):
    with private_redis() as redis_url:
        pass  # started and stopped: nothing listens there any more
    status, body = healthz(tmp_path, REDIS_URL=redis_url)
    assert status == 200  # the process still serves: a load balancer must not take every node out for Redis
    assert body["status"] == "degraded"
    assert body["redis"].startswith("down")
    assert body["database"] == "ok"


@pytest.mark.parametrize("database_url", ["postgres://loket@127.0.0.1:9/loket"])
def test_healthz_is_503_when_the_database_is_down(tmp_path, database_url):
    status, body = healthz(tmp_path, DATABASE_URL=database_url)
    assert status == 503
    assert body["database"].startswith("down")
