from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status

from concord.core.actors import actor_of
from concord.core.api import ErrorOut
from concord.core.errors import DomainError

from . import selectors, services
from .codes import Code
from .models import Body, Chairmanship, MemberState, SecretaryGeneralTerm
from .schemas import BodyOut, ChairmanshipIn, ChairmanshipOut, MemberStateOut, SecretaryGeneralOut

# Like every page of the system, the API answers signed-in users only; what is published to the
# public goes out through the publications module.
router = Router(tags=["organization"])


@router.get("/member-states", response=list[MemberStateOut])
def list_member_states(request: HttpRequest) -> list[MemberState]:
    return list(selectors.member_states())


@router.get("/member-states/{iso2}", response={200: MemberStateOut, 404: ErrorOut})
def get_member_state(request: HttpRequest, iso2: str) -> MemberState:
    return get_object_or_404(selectors.member_states(), iso2=iso2.upper())


@router.get("/bodies", response=list[BodyOut])
def list_bodies(request: HttpRequest) -> list[Body]:
    return list(selectors.bodies())


@router.get("/bodies/{code}", response={200: BodyOut, 404: ErrorOut})
def get_body(request: HttpRequest, code: str) -> Body:
    return get_object_or_404(selectors.bodies(), code=code)


@router.get("/chairmanships", response=list[ChairmanshipOut])
def list_chairmanships(request: HttpRequest) -> list[Chairmanship]:
    return list(selectors.chairmanships())


@router.post(
    "/chairmanships",
    response={201: ChairmanshipOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
)
def record_chairmanship(request: HttpRequest, payload: ChairmanshipIn) -> Status[Chairmanship]:
    state = selectors.member_states().filter(iso2=payload.state.upper()).first()
    if state is None:
        raise DomainError(Code.UNKNOWN_STATE, _("No member state has this code."), field="state")
    data = payload.model_dump(exclude={"state"})
    return Status(201, services.record_chairmanship(actor=actor_of(request), state=state, **data))


@router.get("/secretaries-general", response=list[SecretaryGeneralOut])
def list_secretaries_general(request: HttpRequest) -> list[SecretaryGeneralTerm]:
    return list(selectors.secretary_general_terms())
