from django.db import migrations

# Before roles, agents were the group "Agents" and editors Wagtail's "Editors" and "Moderators". Their members keep
# working: the groups become the roles Agent and Editor (Moderators' right to publish included). The permissions of
# every role are set from loket/staff/roles.py after each migrate (StaffConfig.ready), so they are always exactly
# those.
RENAMED = {"Agents": "Agent", "Moderators": "Editor", "Editors": "Editor"}


def into_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for old, new in RENAMED.items():
        group = Group.objects.filter(name=old).first()
        if group is None:
            continue
        role = Group.objects.filter(name=new).first()
        if role is None:
            group.name = new
            group.save(update_fields=["name"])
        else:
            role.user_set.add(*group.user_set.all())
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contact", "0004_agents_group"),
        ("knowledge", "0002_editors_read_feedback"),
        # Wagtail's own migrations look its groups up by name: they all run first.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [migrations.RunPython(into_roles, migrations.RunPython.noop)]
