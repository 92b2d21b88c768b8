from __future__ import annotations

import pytest
from django.utils import timezone

from concord.consultations.models import Notification


@pytest.fixture
def kz_mailed(kazakh_representative):
    """The Kazakh representative with a mail address and nothing left to mail: what the seeded
    world notified them of counts as sent, so a test sees only the mail it causes."""
    kazakh_representative.email = "kz@example.org"
    kazakh_representative.save(update_fields=["email"])
    Notification.objects.filter(user=kazakh_representative).update(emailed_at=timezone.now())
    return kazakh_representative
