"""What every step of a deployment checks: dated not in the future and not before the step it
follows, allowed now by the way (DEPLOYMENT_FLOW), given what it needs; each refusal names the field."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.errors import Conflict, DomainError

from .codes import Code
from .deployment_rules import Earlier, first_later, in_future
from .models import Deployment
from .states import DEPLOYMENT_FLOW, DeploymentStatus

DECISIONS_ONLY = gettext_lazy(
    "Only the Secretariat records the decisions of the bodies and the report."
)
RUN_ONLY = gettext_lazy("Only the Joint Staff or the Secretariat runs a deployment.")
# The statuses in which the forces are there (or on their way back).
AFTER_DECISION = {DeploymentStatus.DECIDED, DeploymentStatus.DEPLOYED, DeploymentStatus.COMPLETING}


def now_or(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def dated(
    at: dt.datetime | dt.date, *, field: str, now: dt.datetime, earlier: list[Earlier]
) -> None:
    """Refuse a step dated in the future or before a step it follows, naming the field."""
    if in_future(at, now):
        raise DomainError(
            Code.IN_THE_FUTURE, _("A step cannot be dated in the future."), field=field
        )
    moment = at if isinstance(at, dt.datetime) else dt.datetime.combine(at, dt.time.max, dt.UTC)
    before = first_later(moment, earlier)
    if before is not None:
        raise DomainError(
            Code.BEFORE_PREVIOUS,
            _("This is dated before %(step)s (%(at)s UTC).")
            % {"step": before.name, "at": f"{before.at:%d.%m.%Y %H:%M}"},
            field=field,
        )


def out_of_order(message: str, field: str) -> Conflict:
    return Conflict(Code.OUT_OF_ORDER, message, field=field)


def expect(deployment: Deployment, to: str, *, field: str, message: str) -> None:
    """A status step the flow does not allow from here, refused naming the step's field."""
    if not DEPLOYMENT_FLOW.allows(deployment.status, to):
        raise out_of_order(message, field)


def required(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise DomainError(Code.REQUIRED, message, field=field)
    return value.strip()


def request_step(d: Deployment) -> Earlier:
    return Earlier(d.requested_at, _("the request"))


def decision_step(d: Deployment) -> Earlier:
    return Earlier(d.decided_at, _("the decision"))
