"""Who may see and do what in the Parliamentary Assembly's work.

- The Assembly's **structure, sessions, adopted model acts and harmonisation records** are public
  facts: anyone reads them. **Drafts** of model acts are read by the organs and the delegations
  (insiders), members of parliament included: it is their Assembly's work.
- **The ratification queue** reads the depositary's record through the agreements module, so it shows
  what the reader may see there; it needs a signed-in user.
- The Secretariat (its officers) keeps the structure, records examinations, adoptions, national laws
  and chamber votes (as depositary), drafts the report on ratification and answers requests.
- **Requests for information** are asked by a member of parliament with a seat in a delegation and
  read by the member who asked, the Assembly's other members and the Secretariat.
- Members of parliament see nothing of the delegations' negotiating positions: this app shows none.
"""

from __future__ import annotations

from django.db.models import QuerySet

from concord.core.actors import Someone
from concord.core.models import viewer_of
from concord.core.permissions import reads_adopted_only

from .models import InformationRequest, Member, ModelAct
from .states import ActStatus


def is_secretariat(user: Someone) -> bool:
    return viewer_of(user).is_secretariat_officer


def is_member_of_parliament(user: Someone) -> bool:
    return reads_adopted_only(user)


def member_of(user: Someone) -> Member | None:
    """The delegation seat of the signed-in member of parliament, or None."""
    viewer = viewer_of(user)
    if viewer.user_id is None or not reads_adopted_only(user):
        return None
    return (
        Member.objects.select_related("parliament__state", "chamber")
        .filter(user_id=viewer.user_id, until=None)
        .first()
    )


def acts_visible_to(user: Someone) -> QuerySet[ModelAct]:
    viewer = viewer_of(user)
    if viewer.is_insider or viewer.is_secretariat:
        return ModelAct.objects.all()
    return ModelAct.objects.filter(status=ActStatus.ADOPTED)


def can_ask(user: Someone) -> bool:
    return member_of(user) is not None


def requests_visible_to(user: Someone) -> QuerySet[InformationRequest]:
    if is_secretariat(user) or is_member_of_parliament(user):
        return InformationRequest.objects.all()
    return InformationRequest.objects.none()
