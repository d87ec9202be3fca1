import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

INDEXES = {"knowledge_searchdocument_document_gin": "document", "knowledge_searchdocument_title_gin": "title"}


def create_index(apps, schema_editor):
    """PostgreSQL: the GIN indexes that find a word's pages, and the pages with it in their title."""
    if schema_editor.connection.vendor == "postgresql":
        for name, column in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON knowledge_searchdocument USING gin ({column})")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def fill(apps, schema_editor):
    """Existing pages get their document now, so the site search finds them right after the upgrade."""
    if schema_editor.connection.vendor != "postgresql":
        return
    from wagtail.models import Page

    from loket.knowledge import search_postgres

    pages = Page.objects.all().specific().iterator(chunk_size=500)
    batch: list[Page] = []
    for page in pages:
        batch.append(page)
        if len(batch) == 500:
            search_postgres.store_documents(batch)
            batch = []
    search_postgres.store_documents(batch)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0005_unansweredsearch"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("live", models.BooleanField(default=True)),
                ("title", django.contrib.postgres.search.SearchVectorField()),
                ("document", django.contrib.postgres.search.SearchVectorField()),
                (
                    "locale",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
            ],
            options={"verbose_name": "search document", "verbose_name_plural": "search documents"},
        ),
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
