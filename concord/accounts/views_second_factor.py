"""The second factor's pages: give the code after the password, or enrol an authenticator first."""

from __future__ import annotations

from typing import Any

import django_otp
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from concord.core.views import submit

from . import second_factor
from .forms import OneTimeCodeForm
from .models import User


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return "/"
    return target or "/"


def _page(request: HttpRequest, template: str, form: OneTimeCodeForm, **extra: Any) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "next": _next(request), **extra}
    return render(request, template, context, status=status)


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The code after the password, for those who must give one and have an authenticator."""
    user = _user(request)
    if not second_factor.needs_second_factor(user) or request.user.is_verified():  # type: ignore[union-attr]
        return redirect(_next(request))
    if second_factor.confirmed_device(user) is None:
        return redirect(f"{reverse('accounts:otp-enrol')}?{request.GET.urlencode()}")
    form = OneTimeCodeForm(request.POST or None)

    def sign_in(data: dict[str, Any]) -> None:
        django_otp.login(request, second_factor.check_code(user, code=data["code"]))

    if request.method == "POST" and submit(form, sign_in):
        return redirect(_next(request))
    return _page(request, "accounts/otp_verify.html", form)


@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    """A first authenticator: scan the QR code (or type the key), then confirm with a code."""
    user = _user(request)
    if second_factor.confirmed_device(user) is not None:
        return redirect(f"{reverse('accounts:otp-verify')}?{request.GET.urlencode()}")
    device = second_factor.pending_device(user, actor=user)
    form = OneTimeCodeForm(request.POST or None)

    def confirm(data: dict[str, Any]) -> None:
        django_otp.login(request, second_factor.confirm_device(user, actor=user, code=data["code"]))

    if request.method == "POST" and submit(form, confirm):
        return redirect(_next(request))
    return _page(
        request,
        "accounts/otp_enrol.html",
        form,
        qr=second_factor.qr_svg(device),
        secret=second_factor.secret_text(device),
        uri=device.config_url,
    )
