"""Certified copies: the depositary keeps the original and sends each signatory a copy of the final
text, a PDF that carries the text's fingerprint on every page and the certification at its end."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.core.actors import Someone
from concord.core.errors import DomainError
from concord.core.permissions import speaking_state
from concord.documents import exporting
from concord.organization.models import MemberState

from .codes import Code
from .models import Agreement
from .notices import day_en, day_ru
from .permissions import is_depositary
from .selectors import Row


def may_take(user: Someone, state: MemberState) -> bool:
    """The depositary makes every signatory's copy; a delegation takes its own state's."""
    return is_depositary(user) or speaking_state(user) == state.pk


def may_have(user: Someone, agreement: Agreement, rows: Sequence[Row]) -> list[MemberState]:
    """The signatories whose certified copy `user` may take; none without a final text."""
    if agreement.document is None or agreement.document.final_version_id is None:
        return []
    return [r.state for r in rows if r.signatory and may_take(user, r.state)]


def certified_copy(agreement: Agreement, state: MemberState) -> tuple[bytes, str]:
    if agreement.document is None:
        raise DomainError(
            Code.NO_FINAL_TEXT, _("The final text of this instrument is not recorded.")
        )
    today = timezone.localdate()
    data, filename = exporting.certified_copy(
        agreement.document,
        [
            (
                f"Заверенная копия для: {state.name_ru}.",
                f"Certified true copy for: {state.name_en}.",
            ),
            (
                f"Верно. Секретариат, выступая депозитарием, {day_ru(today)}.",
                f"Certified by the Secretariat, acting as depositary, on {day_en(today)}.",
            ),
        ],
    )
    return data, filename.replace(".pdf", f"-{state.iso2}.pdf")
