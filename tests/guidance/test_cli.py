import json
import subprocess
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "eval"


def loket_check(*args, stdin: bytes = b""):
    return subprocess.run(["loket", "check", *args], input=stdin, capture_output=True, timeout=60)


def test_a_post_as_an_argument_is_checked_for_a_person_to_read():
    result = loket_check("Mijn baas is een idioot.")
    assert result.returncode == 0
    assert "respect-and-loyalty" in result.stdout.decode()
    assert "“idioot”" in result.stdout.decode()


def test_json_output_and_a_post_from_standard_input():
    result = loket_check("-", "--json", "--language", "en", stdin=b"Bel haar op 0486 33 90 17.")
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["category"] == "personal-data"
    assert finding["message"] == "This contains someone else's personal data."


def test_at_judges_working_hours():
    busy = loket_check("Wie gaat mee naar zee?", "--json", "--at", "2026-03-10T14:30:00+01:00")
    evening = loket_check("Wie gaat mee naar zee?", "--json", "--at", "2026-03-10T20:30:00+01:00")
    assert [f["category"] for f in json.loads(busy.stdout)["findings"]] == ["working-hours"]
    assert json.loads(evening.stdout)["findings"] == []


def test_a_batch_is_one_post_per_line_in_and_out():
    lines = [
        json.dumps({"id": "a", "text": "Mijn baas is een idioot."}),
        "Gewoon een fijne dag.",
        json.dumps({"id": "b", "text": "x" * 10_001}),
        "{not json",
    ]
    result = loket_check("--jsonl", stdin="\n".join(lines).encode())
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert out[0]["id"] == "a" and out[0]["findings"][0]["category"] == "respect-and-loyalty"
    assert out[1] == {"findings": []}
    assert out[2]["id"] == "b" and "hoogstens 10.000 tekens" in out[2]["error"]
    assert out[3]["error"].startswith("invalid JSON")
    assert result.returncode == 1  # some lines could not be checked


def test_invalid_utf8_on_standard_input_does_not_crash():
    result = loket_check("-", stdin=b"Mijn baas is een \xff\xfe idioot.")
    assert result.returncode == 0
    assert "respect-and-loyalty" in result.stdout.decode()


def test_a_too_long_post_is_refused_with_a_message():
    result = loket_check("-", stdin=b"a" * 10_001)
    assert result.returncode == 2
    assert "hoogstens 10.000 tekens" in result.stderr.decode()


def test_eval_prints_precision_and_recall_per_category():
    result = loket_check("--eval", str(EVAL / "posts-tuning.jsonl"))
    table = result.stdout.decode()
    assert result.returncode == 0
    for category in ("speaking-for-organisation", "personal-data", "working-hours", "overall"):
        assert category in table
    assert "(110 posts)" in table


def test_the_evaluation_set_is_large_and_covers_every_category():
    posts = [json.loads(line) for name in ("tuning", "holdout") for line in (EVAL / f"posts-{name}.jsonl").open()]
    assert len(posts) >= 150
    expected = [category for post in posts for category in post["expected"]]
    assert all(expected.count(c) >= 15 for c in set(expected)) and len(set(expected)) == 7
    assert sum(not post["expected"] for post in posts) >= 40
    assert {post["language"] for post in posts} == {"nl", "en"}
