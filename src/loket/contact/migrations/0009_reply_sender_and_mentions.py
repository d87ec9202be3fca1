import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contact', '0008_alter_attachment_options_alter_cannedanswer_options_and_more'),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='mentions',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contact.case', verbose_name='mentions case'),
        ),
        migrations.AddField(
            model_name='casemessage',
            name='sender_email',
            field=models.CharField(blank=True, max_length=254),
        ),
        migrations.AddField(
            model_name='casemessage',
            name='sender_name',
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name='casemessage',
            name='from_case_address',
            field=models.BooleanField(null=True),
        ),
    ]
