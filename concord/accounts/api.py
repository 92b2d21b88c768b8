from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from concord.core.api import ErrorOut

from . import selectors, services
from .models import ApiToken, User
from .schemas import (
    MailSettingsIn,
    MailSettingsOut,
    MeOut,
    NewTokenOut,
    SwitchIn,
    TokenIn,
    TokenOut,
)

router = Router(tags=["accounts"])


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _me(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "acting_for": user.acting_affiliation,
        "affiliations": list(selectors.affiliations_of(user)),
    }


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> dict[str, Any]:
    return _me(_user(request))


@router.post("/me/affiliation", response={200: MeOut, 403: ErrorOut, 422: ErrorOut})
def switch_affiliation(request: HttpRequest, payload: SwitchIn) -> dict[str, Any]:
    user = _user(request)
    services.switch_affiliation(user, actor=user, affiliation_id=payload.affiliation)
    return _me(user)


@router.get("/me/tokens", response=list[TokenOut])
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(selectors.tokens_of(_user(request)))


@router.post("/me/tokens", response={201: NewTokenOut, 400: ErrorOut, 422: ErrorOut})
def create_token(request: HttpRequest, payload: TokenIn) -> Status[dict[str, Any]]:
    user = _user(request)
    token, raw = services.create_api_token(user, actor=user, name=payload.name)
    return Status(201, {**TokenOut.from_orm(token).model_dump(), "token": raw})


@router.delete("/me/tokens/{token_id}", response={200: TokenOut, 400: ErrorOut})
def revoke_token(request: HttpRequest, token_id: int) -> ApiToken:
    user = _user(request)
    return services.revoke_api_token(user, actor=user, token_id=token_id)


@router.get("/me/mail", response=MailSettingsOut)
def mail_settings(request: HttpRequest) -> User:
    return _user(request)


@router.put(
    "/me/mail", response={200: MailSettingsOut, 400: ErrorOut, 403: ErrorOut, 422: ErrorOut}
)
def change_mail_settings(request: HttpRequest, payload: MailSettingsIn) -> User:
    user = _user(request)
    return services.change_mail_settings(
        user, actor=user, mode=payload.mode, language=payload.language
    )
