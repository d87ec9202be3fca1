from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0004_options_to_rows"),
    ]

    operations = [migrations.RemoveField(model_name="dilemma", name="options_json")]
