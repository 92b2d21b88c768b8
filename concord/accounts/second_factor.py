"""The second factor: who must give a TOTP code after the password, enrolling an authenticator,
checking a code, and resetting a lost one. Writes are audited like every other."""

from __future__ import annotations

import base64
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from concord.audit.services import record
from concord.core.actions import require
from concord.core.actors import Actor
from concord.core.errors import DomainError
from concord.core.rules import Role

from . import permissions
from .codes import Code, Verb
from .models import Affiliation, User

# Who runs the organization's business and its reference data: a stolen password alone must not do.
SECOND_FACTOR_ROLES = (Role.SECRETARIAT_OFFICER.value, Role.SECRETARIAT_ADMINISTRATOR.value)
WRONG_CODE = _("The code is wrong or has expired. Enter the six digits your app shows now.")


def needs_second_factor(user: User) -> bool:
    """On when CONCORD_REQUIRE_2FA is (production by default), for superusers and staff and for
    anyone holding a Secretariat officer's or administrator's role in any active affiliation, the
    one they act for or not: switching affiliation must not skip the code."""
    if not settings.CONCORD_REQUIRE_2FA:
        return False
    if user.is_superuser or user.is_staff:
        return True
    held = getattr(user, "holds_second_factor_role", None)  # loaded with the request's user
    if held is not None:
        return bool(held)
    return _second_factor_affiliations(user.pk).exists()


def _second_factor_affiliations(user_id: Any) -> QuerySet[Affiliation]:
    return Affiliation.objects.filter(user_id=user_id, active=True, role__in=SECOND_FACTOR_ROLES)


def with_second_factor_role(users: QuerySet[User]) -> QuerySet[User]:
    """`users`, each with `holds_second_factor_role` loaded in the same query."""
    return users.annotate(
        holds_second_factor_role=Exists(_second_factor_affiliations(OuterRef("pk")))
    )


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: User, *, actor: Actor) -> TOTPDevice:
    """The unconfirmed authenticator `user` is enrolling (made on first call), until confirmed."""
    require(permissions.can_manage_account(actor, user), _("Only you enrol your authenticator."))
    with transaction.atomic():
        if confirmed_device(user) is not None:
            raise DomainError(Code.SECOND_FACTOR_ENROLLED, _("You already have an authenticator."))
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Concord", confirmed=False)
            record(Verb.START_SECOND_FACTOR, actor=actor, target=user, summary=user.username)
    return device


def confirm_device(user: User, *, actor: Actor, code: str) -> TOTPDevice:
    """Confirm the pending authenticator with a code it shows; from then on it is asked for."""
    device = pending_device(user, actor=actor)
    with transaction.atomic():
        if not device.verify_token(code.strip()):
            raise DomainError(Code.SECOND_FACTOR_WRONG_CODE, WRONG_CODE, field="code")
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record(Verb.CONFIRM_SECOND_FACTOR, actor=actor, target=user, summary=user.username)
    return device


def check_code(user: User, *, code: str) -> TOTPDevice:
    """The confirmed authenticator that shows `code` now; a wrong code is refused (and slows the
    next tries: django-otp throttles each device after a failure)."""
    device = confirmed_device(user)
    if device is None or not device.verify_token(code.strip()):
        raise DomainError(Code.SECOND_FACTOR_WRONG_CODE, WRONG_CODE, field="code")
    return device


@transaction.atomic
def reset_second_factor(user: User, *, actor: Actor) -> int:
    """Forget `user`'s authenticators (a lost phone): they enrol again at their next sign-in."""
    require(
        permissions.can_administer_accounts(actor),
        _("Only a Secretariat administrator resets an authenticator."),
    )
    removed, _by_model = TOTPDevice.objects.filter(user=user).delete()
    record(
        Verb.RESET_SECOND_FACTOR,
        actor=actor,
        target=user,
        summary=user.username,
        changes={"devices_removed": removed},
    )
    return removed


def secret_text(device: TOTPDevice) -> str:
    """The key as the base32 text authenticator apps accept typed in, in groups of four."""
    raw = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code, drawn here: nothing leaves the server."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg: str = image.to_string(encoding="unicode")
    return svg
