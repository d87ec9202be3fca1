"""Where a contact submission's time goes: POSTs of the form in-process, through the whole middleware stack.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_profile_contact \
        uv run python bench/contact/submit_profile.py [300]

Migrates the database named in DATABASE_URL (use a database of its own), then: 50 warm-up POSTs, the statements of
one submission, wall and CPU time per submission over N, and a profile of N more (`cProfile`, cumulative).
"""

import cProfile
import os
import pstats
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
os.environ.setdefault("LOKET_RATE_LIMITS", "contact=100000000/60,contact-address=100000000/60")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from loket.contact.models import Case, Topic  # noqa: E402


def main(count: int) -> None:
    call_command("migrate", verbosity=0)
    topic = Topic.objects.filter(active=True).first() or Topic.objects.create(name_nl="Algemeen", name_en="General")
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/contact/email/")
    first = Case.objects.count()

    def submit(number: int) -> None:
        fields = {"email": f"p{first + number}@example.org", "name": "Bench", "topic": topic.pk,
                  "subject": f"Vraag {number}", "message": "Een vraag om de snelheid te meten."}  # fmt: skip
        assert client.post("/contact/email/", fields).status_code == 302

    for number in range(50):
        submit(number)
    with CaptureQueriesContext(connection) as captured:
        submit(50)
    print(f"statements per submission: {len(captured.captured_queries)}")
    for query in captured.captured_queries:
        print("  ", query["sql"][:120])
    started, cpu = time.perf_counter(), time.process_time()
    for number in range(count):
        submit(100 + number)
    wall, cpu = (time.perf_counter() - started) / count * 1000, (time.process_time() - cpu) / count * 1000
    print(f"per submission: {wall:.2f} ms wall, {cpu:.2f} ms CPU of this process")
    profile = cProfile.Profile()
    profile.enable()
    for number in range(count):
        submit(100 + count + number)
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(60)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
