from django.db import migrations

TOPICS = [
    ("Werk en sociale voorzieningen", "Work and social benefits"),
    ("Wonen en energie", "Housing and energy"),
    ("Onderwijs en studietoelagen", "Education and study grants"),
    ("Mobiliteit", "Mobility"),
    ("Belastingen en premies", "Taxes and grants"),
    ("Integriteit en sociale media voor personeel", "Integrity and social media for staff"),
    ("Iets anders", "Something else"),
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("contact", "Topic")
    if not Topic.objects.exists():
        for order, (dutch, english) in enumerate(TOPICS):
            Topic.objects.create(name_nl=dutch, name_en=english, sort_order=order)


class Migration(migrations.Migration):
    dependencies = [("contact", "0001_initial")]
    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
