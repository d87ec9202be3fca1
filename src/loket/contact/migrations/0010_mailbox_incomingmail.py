import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contact', '0009_reply_sender_and_mentions'),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='undeliverable',
            field=models.BooleanField(default=False, verbose_name='address undeliverable'),
        ),
        migrations.AddField(
            model_name='casemessage',
            name='automatic',
            field=models.BooleanField(default=False),
        ),
        migrations.CreateModel(
            name='Mailbox',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=300, unique=True, verbose_name='mailbox')),
                ('uidvalidity', models.BigIntegerField(blank=True, null=True)),
                ('last_uid', models.BigIntegerField(default=0)),
                ('connected', models.BooleanField(default=False, verbose_name='connected')),
                ('last_check_at', models.DateTimeField(blank=True, null=True, verbose_name='last successful check')),
                ('waiting', models.PositiveIntegerField(default=0, verbose_name='mails waiting')),
                ('last_error', models.TextField(blank=True, verbose_name='last error')),
            ],
            options={'verbose_name': 'mailbox', 'verbose_name_plural': 'mailboxes', 'ordering': ['name']},
        ),
        migrations.CreateModel(
            name='IncomingMail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=250, unique=True)),
                ('mailbox', models.CharField(blank=True, max_length=300, verbose_name='mailbox')),
                ('status', models.CharField(choices=[('stored', 'Stored'), ('own', "Loket's own mail"), ('automatic', 'Automatic mail, no case'), ('failed', 'Could not be stored')], max_length=10, verbose_name='status')),
                ('tries', models.PositiveIntegerField(default=0, verbose_name='tries')),
                ('error', models.TextField(blank=True, verbose_name='reason')),
                ('received_at', models.DateTimeField(auto_now_add=True, verbose_name='received at')),
                ('case', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contact.case')),
            ],
            options={'verbose_name': 'incoming mail', 'verbose_name_plural': 'incoming mail', 'ordering': ['-received_at']},
        ),
    ]
