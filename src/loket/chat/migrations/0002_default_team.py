from django.db import migrations


def add_team(apps, schema_editor):
    """One team, the information service, takes every topic until editors split the work."""
    Team = apps.get_model("chat", "Team")
    Topic = apps.get_model("contact", "Topic")
    if not Team.objects.exists():
        team = Team.objects.create(name_nl="Informatiedienst", name_en="Information service")
        team.topics.set(Topic.objects.all())


class Migration(migrations.Migration):
    dependencies = [("chat", "0001_initial"), ("contact", "0002_default_topics")]
    operations = [migrations.RunPython(add_team, migrations.RunPython.noop)]
