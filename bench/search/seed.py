"""Fill a database with generated knowledge pages for the search benchmark (idempotent)."""

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import override_settings  # noqa: E402

from bench.search.words import COMMON, VOCABULARY  # noqa: E402
from loket.knowledge import demo  # noqa: E402
from loket.knowledge.models import ArticlePage, IndexPage  # noqa: E402


def sentence(rng: random.Random) -> str:
    words = [rng.choice(COMMON) if rng.random() < 0.5 else rng.choice(VOCABULARY) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def generate(pages: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    demo.load_demo_content()
    home = demo.HomePage.objects.get(locale__language_code="nl")
    existing = ArticlePage.objects.filter(slug__startswith="bench-").count()
    # No background tasks while seeding; the index is rebuilt once at the end.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        for section in range(existing // 1000, -(-pages // 1000)):
            with transaction.atomic():
                parent = IndexPage.objects.filter(slug=f"bench-section-{section}").first() or home.add_child(
                    instance=IndexPage(title=f"Thema {section}", slug=f"bench-section-{section}")
                )
                for number in range(section * 1000 + parent.get_children_count(), min(pages, (section + 1) * 1000)):
                    body = [("paragraph", "".join(f"<p>{sentence(rng)}</p>" for _ in range(rng.randint(3, 8))))]
                    title = " ".join(rng.sample(VOCABULARY, 3)).capitalize()
                    parent.add_child(
                        instance=ArticlePage(title=title, slug=f"bench-{number}", intro=sentence(rng), body=body)
                    )
            print(f"seed: {min(pages, (section + 1) * 1000)} pages", flush=True)
    call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a live database


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    generate(parser.parse_args().pages)
