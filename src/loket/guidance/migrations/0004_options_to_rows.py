from django.db import migrations


def json_to_rows(apps, schema_editor):
    """[{"key", "verdict", "nl": {"text", "feedback"}, "en": {...}}, ...] -> one Option per item, in its order."""
    Dilemma = apps.get_model("guidance", "Dilemma")
    Option = apps.get_model("guidance", "Option")
    for dilemma in Dilemma.objects.all():
        Option.objects.bulk_create(
            Option(
                dilemma=dilemma,
                sort_order=position,
                key=item["key"],
                verdict=item["verdict"],
                # an option without English fell back to Dutch in the trainer: it keeps doing so, now as text
                **{
                    f"{name}_{lang}": (item.get(lang) or item["nl"])[name]
                    for name in ("text", "feedback")
                    for lang in ("nl", "en")
                },
            )
            for position, item in enumerate(dilemma.options_json or [])
        )


def rows_to_json(apps, schema_editor):
    Dilemma = apps.get_model("guidance", "Dilemma")
    for dilemma in Dilemma.objects.all():
        dilemma.options_json = [
            {
                "key": option.key,
                "verdict": option.verdict,
                **{lang: {name: getattr(option, f"{name}_{lang}") for name in ("text", "feedback")} for lang in ("nl", "en")},
            }
            for option in dilemma.options.order_by("sort_order")
        ]
        dilemma.save(update_fields=["options_json"])


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0003_option"),
    ]

    operations = [migrations.RunPython(json_to_rows, rows_to_json)]
