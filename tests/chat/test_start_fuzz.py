"""No input to the start call is a 500: bodies made by hypothesis (every JSON type in every field, NUL characters,
lone surrogates, huge numbers and strings) get 201, 409 or a documented 4xx, on SQLite and PostgreSQL alike."""

import json

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

START = "/api/chat/conversations"
DOCUMENTED = {"unknown-topic", "bad-name", "bad-email", "invalid", "bad-request"}

awkward_text = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.sampled_from(["a", " ", "\n", "\x00", "\ud800", "\udfff", "é", "😀", "@", "."]), max_size=12),
    st.sampled_from([100, 101, 254, 255, 500, 501, 2000, 2001, 100_000]).map(lambda n: "x" * n),  # at each limit
    st.sampled_from(["vera@example.org", "vera@", "https://gemeente.example/x", "javascript:alert(1)", "nl", "en"]),
)
scalar = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False), awkward_text)
json_value = st.recursive(
    scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(awkward_text, inner, max_size=3), max_leaves=6
)
FIELDS = ("topic", "name", "email", "message", "source_url", "language", "extra")


def body_of(topic_id):
    """Mostly the right type with awkward values (so the call gets past the schema), sometimes any JSON at all."""
    field_value = {field: st.one_of(*[awkward_text] * 6, json_value) for field in FIELDS}
    field_value["topic"] = st.one_of(st.just(topic_id), st.just(topic_id), st.integers(-(2**70), 2**70), json_value)
    field_value["language"] = st.one_of(
        *[st.sampled_from(["nl", "en"])] * 4, st.sampled_from(["fr", "", "NL"]), json_value
    )
    return st.fixed_dictionaries({}, optional=field_value)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), query=st.sampled_from(["", "?language=en", "?language=fr"]))
def test_no_start_body_is_a_server_error(client, topic, away_agent, settings, data, query):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "chat-start": (10**9, 600)}
    body = data.draw(st.one_of(*[body_of(topic.pk)] * 4, json_value))
    response = client.post(f"{START}{query}", json.dumps(body), content_type="application/json")
    answer = response.json()
    event(f"{response.status_code} {answer.get('code', '')}")
    if response.status_code in (201, 409):
        return
    assert response.status_code in (400, 422), (body, response.status_code, answer)
    assert answer["code"] in DOCUMENTED and answer["detail"], (body, answer)
    if response.status_code == 422:
        assert answer["errors"] and all(error["field"] and error["message"] for error in answer["errors"]), answer
