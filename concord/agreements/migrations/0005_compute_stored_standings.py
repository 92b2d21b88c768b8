"""Compute the stored standing (`Agreement.computed`) of the instruments already recorded, with the
same pure functions the services use (`selectors.standing_of`, `standing.as_stored`), on the
historical models."""

from typing import Any

from django.db import migrations
from django.utils import timezone


def compute(apps: Any, schema_editor: Any) -> None:
    from concord.agreements.selectors import standing_of
    from concord.agreements.standing import as_stored
    from concord.organization.states import Membership

    Agreement = apps.get_model("agreements", "Agreement")
    TreatyAction = apps.get_model("agreements", "TreatyAction")
    MemberState = apps.get_model("organization", "MemberState")
    members = list(
        MemberState.objects.filter(membership=Membership.MEMBER).values_list("iso2", flat=True)
    )
    today = timezone.localdate()
    for agreement in Agreement.objects.all().iterator():
        actions = TreatyAction.objects.filter(agreement=agreement).select_related("state")
        block = set(agreement.signatories.values_list("iso2", flat=True))
        standing = standing_of(
            agreement, actions.order_by("date", "pk"), block, today=today, members=members
        )
        Agreement.objects.filter(pk=agreement.pk).update(
            computed=as_stored(standing), computed_in_force=standing.computed
        )


def forget(apps: Any, schema_editor: Any) -> None:
    apps.get_model("agreements", "Agreement").objects.update(computed=None, computed_in_force=None)


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0004_stored_standing"),
    ]

    operations = [migrations.RunPython(compute, forget)]
