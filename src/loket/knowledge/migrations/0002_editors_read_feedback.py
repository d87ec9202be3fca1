from django.db import migrations

EDITOR_GROUPS = ("Editors", "Moderators")
PERMISSIONS = ("view_feedback", "change_feedback", "delete_feedback")


def grant(apps, schema_editor):
    """Wagtail's editor groups see what visitors said about their pages."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    feedback, _ = ContentType.objects.get_or_create(app_label="knowledge", model="feedback")
    permissions = [
        Permission.objects.get_or_create(
            content_type=feedback, codename=codename, defaults={"name": f"Can {codename.replace('_', ' ')}"}
        )[0]
        for codename in PERMISSIONS
    ]
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="knowledge", codename__in=PERMISSIONS)
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
