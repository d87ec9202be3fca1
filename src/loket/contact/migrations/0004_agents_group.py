from django.db import migrations

PERMISSIONS = [("case", "view_case"), ("case", "change_case"), ("outgoingmail", "view_outgoingmail")]


def create_agents(apps, schema_editor):
    """The information service's agents: they work on cases in /console/."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    agents, _ = Group.objects.get_or_create(name="Agents")
    for model, codename in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="contact", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        agents.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0003_case_assignee_outgoingmail_in_reply_to_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_agents, migrations.RunPython.noop)]
