import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    """Dilemma options become rows (edited in the admin as an inline) instead of a JSON field; 0004 copies them."""

    dependencies = [
        ("guidance", "0002_alter_answer_options_alter_dilemma_options_and_more"),
    ]

    operations = [
        migrations.RenameField(model_name="dilemma", old_name="options", new_name="options_json"),
        # a default, so that going back past 0005 can add the column again (0004's reverse then fills it)
        migrations.AlterField(model_name="dilemma", name="options_json", field=models.JSONField(default=list)),
        migrations.CreateModel(
            name="Option",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("key", models.CharField(help_text="Stable: the trainer's answers refer to it.", max_length=4, verbose_name="key")),
                ("verdict", models.CharField(choices=[("recommended", "Recommended"), ("acceptable", "Acceptable"), ("risky", "Risky")], max_length=12, verbose_name="verdict")),
                ("text_nl", models.TextField(verbose_name="text (Dutch)")),
                ("text_en", models.TextField(verbose_name="text (English)")),
                ("feedback_nl", models.TextField(verbose_name="feedback (Dutch)")),
                ("feedback_en", models.TextField(verbose_name="feedback (English)")),
                ("dilemma", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="options", to="guidance.dilemma")),
            ],
            options={
                "verbose_name": "option",
                "verbose_name_plural": "options",
                "ordering": ["sort_order"],
                "abstract": False,
                "constraints": [models.UniqueConstraint(fields=("dilemma", "key"), name="guidance_option_key_unique")],
            },
        ),
    ]
