"""Fill a database with generated knowledge pages for the search benchmark (idempotent)."""

import argparse
import json
import os
import random
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from bench.search.words import COMMON, VOCABULARY  # noqa: E402
from loket.knowledge import demo  # noqa: E402
from loket.knowledge.models import ArticlePage, IndexPage  # noqa: E402


def sentence(rng: random.Random) -> str:
    words = [rng.choice(COMMON) if rng.random() < 0.5 else rng.choice(VOCABULARY) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def article(rng: random.Random) -> tuple[str, str, list[str]]:
    """A generated page: title, intro and paragraphs."""
    paragraphs = [sentence(rng) for _ in range(rng.randint(3, 8))]
    return " ".join(rng.sample(VOCABULARY, 3)).capitalize(), sentence(rng), paragraphs


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
                numbers = range(section * 1000 + parent.get_children_count(), min(pages, (section + 1) * 1000))
                if connection.vendor == "postgresql":
                    bulk_insert(parent, numbers, rng)
                    numbers = range(0)
                for number in numbers:
                    title, intro, paragraphs = article(rng)
                    body = [("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))]
                    parent.add_child(instance=ArticlePage(title=title, slug=f"bench-{number}", intro=intro, body=body))
            print(f"seed: {min(pages, (section + 1) * 1000)} pages", flush=True)
    if connection.vendor == "postgresql":
        index_in_bulk()
        backend = get_search_backend()
        for page in Page.objects.exclude(slug__startswith="bench-").specific():  # the demo pages and sections
            backend.add(page)
    else:
        call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # fresh statistics and visibility, as autovacuum gives a live database


PAGE_COLUMNS = (
    "path, depth, numchild, title, draft_title, slug, live, has_unpublished_changes, url_path, seo_title, "
    "show_in_menus, search_description, expired, content_type_id, locked, first_published_at, last_published_at, "
    "translation_key, locale_id"
)


def bulk_insert(parent: IndexPage, numbers: range, rng: random.Random) -> None:
    """PostgreSQL: a section's pages in two statements (page rows, then article rows) instead of one `add_child`
    each (which took about 0.3 s a page on a busy machine: 100,000 pages would take hours). The rows are what
    `add_child` writes for a published page without revisions; the search index is filled afterwards in SQL."""
    if not numbers:
        return
    content_type = ContentType.objects.get_for_model(ArticlePage).pk
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    now = timezone.now()
    rows, params, articles = [], [], []
    for number in numbers:
        title, intro, paragraphs = article(rng)
        step, digits = number % 1000 + 1, ""
        for _ in range(4):
            step, digit = divmod(step, 36)
            digits = alphabet[digit] + digits
        slug = f"bench-{number}"
        rows.append("(" + ", ".join(["%s"] * 19) + ")")
        params += [parent.path + digits, parent.depth + 1, 0, title, title, slug, True, False,
                   f"{parent.url_path}{slug}/", "", False, "", False, content_type, False, now, now, uuid.uuid4(),
                   parent.locale_id]  # fmt: skip
        body = [
            {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs), "id": str(uuid.uuid4())}
        ]
        articles.append((intro, json.dumps(body)))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO wagtailcore_page ({PAGE_COLUMNS}) VALUES {', '.join(rows)} RETURNING id",  # noqa: S608
            params,
        )
        ids = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "INSERT INTO knowledge_articlepage (page_ptr_id, intro, body) VALUES "  # noqa: S608 - placeholders only
            + ", ".join(["(%s, %s, %s::jsonb)"] * len(ids)),
            [value for page_id, (intro, body) in zip(ids, articles, strict=True) for value in (page_id, intro, body)],
        )
    IndexPage.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(ids))


def index_in_bulk() -> None:
    """PostgreSQL: Wagtail's index entries, and Loket's search documents where that table exists, for the generated
    pages, in SQL: the same vectors `update_index` builds (title weight A, intro and text D, the Dutch
    configuration; documents: the title alone, and title plus text), at a fraction of its time for 100,000 pages."""
    content_type = ContentType.objects.get_for_model(ArticlePage).pk
    text = (
        "a.intro || ' ' || regexp_replace(coalesce((SELECT string_agg(b->>'value', ' ') "
        "FROM jsonb_array_elements(a.body) AS b), ''), '<[^>]+>', ' ', 'g')"
    )
    generated = (
        "FROM wagtailcore_page p JOIN knowledge_articlepage a ON a.page_ptr_id = p.id WHERE p.slug LIKE 'bench-%%'"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO wagtailsearch_indexentry
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, p.id::text, setweight(to_tsvector('dutch', p.title), 'A'),
                   setweight(to_tsvector('simple', p.title), 'D'), setweight(to_tsvector('dutch', {text}), 'D'),
                   1.0, p.title, {text}
            {generated} AND NOT EXISTS (
                SELECT 1 FROM wagtailsearch_indexentry e WHERE e.content_type_id = %s AND e.object_id = p.id::text
            )
            """,  # noqa: S608 - fixed SQL
            [content_type, content_type],
        )
        cursor.execute(
            "UPDATE wagtailsearch_indexentry SET title_norm = "
            "(SELECT avg(length(title)) FROM wagtailsearch_indexentry WHERE length(title) > 0) / length(title) "
            "WHERE length(title) > 0"
        )
        if "knowledge_searchdocument" in connection.introspection.table_names(cursor):
            cursor.execute(
                f"""
                INSERT INTO knowledge_searchdocument (page_id, locale_id, live, title, document)
                SELECT p.id, p.locale_id, p.live, to_tsvector('dutch', p.title),
                       setweight(to_tsvector('dutch', p.title), 'A') || setweight(to_tsvector('dutch', {text}), 'D')
                {generated} AND NOT EXISTS (SELECT 1 FROM knowledge_searchdocument s WHERE s.page_id = p.id)
                """  # noqa: S608 - fixed SQL
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    generate(parser.parse_args().pages)
