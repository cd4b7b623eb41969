"""Invitations keep only whether their link was used, not when (see Invitation.is_used)."""

from django.db import migrations, models


def copy_use(apps, schema_editor):
    Invitation = apps.get_model("surveys", "Invitation")
    Invitation.objects.filter(used_at__isnull=False).update(is_used=True)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="is_used",
            field=models.BooleanField(default=False, verbose_name="käytetty"),
        ),
        migrations.RunPython(copy_use, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="invitation",
            name="used_at",
        ),
    ]
