import json


def post_check(client, **payload):
    return client.post("/api/guidance/check", json.dumps(payload), content_type="application/json")


def test_the_api_returns_findings_with_offsets_and_guidelines(client, db):
    response = post_check(client, text="Bel mevrouw Peeters op 0470 12 34 56.", language="en")
    assert response.status_code == 200
    findings = response.json()["findings"]
    assert {f["category"] for f in findings} == {"personal-data"}
    assert {tuple(f) for f in findings} == {
        ("category", "severity", "start", "end", "guideline", "message", "suggestion")
    }
    assert findings[0]["message"] == "This contains someone else's personal data."


def test_the_api_judges_working_hours_from_at(client, db):
    findings = post_check(client, text="Wie gaat mee naar zee?", at="2026-03-10T14:30:00+01:00").json()["findings"]
    assert [f["category"] for f in findings] == ["working-hours"]


def test_a_too_long_post_gets_a_clear_422(client, db):
    response = post_check(client, text="x" * 10_001, language="nl")
    assert response.status_code == 422
    assert response.json() == {
        "code": "too-long",
        "detail": "Een bericht mag hoogstens 10.000 tekens lang zijn; dit heeft er 10.001.",
        "errors": [],
    }


def test_invalid_fields_and_invalid_json_are_refused(client, db):
    assert post_check(client, text="hallo", account="secret").status_code == 422
    assert post_check(client, text="hallo", at="tomorrow-ish").status_code == 422
    assert post_check(client).status_code == 422
    bad = client.post("/api/guidance/check", b'{"text": "\xff', content_type="application/json")
    assert bad.status_code in (400, 422)


def test_the_check_is_in_the_openapi_description(client, db):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/guidance/check"]["post"]
    assert set(operation["responses"]) >= {"200", "422"}


def test_the_api_is_rate_limited_per_address(client, db, settings):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "check": (2, 60)}
    statuses = [post_check(client, text="hallo").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_a_time_at_the_edge_of_the_calendar_gets_a_clear_422(client, db):
    for at in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"):
        response = client.post("/api/guidance/check", {"text": "Hallo", "at": at}, content_type="application/json")
        assert response.status_code == 422 and response.json()["code"] == "at", at
