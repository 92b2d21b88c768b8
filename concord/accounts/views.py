from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.errors import DomainError
from concord.core.views import submit

from . import selectors, services
from .forms import ApiTokenForm, MailSettingsForm, SwitchAffiliationForm
from .models import User


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html", _profile_context(request))


def _profile_context(request: HttpRequest, **extra: object) -> dict[str, object]:
    user = _user(request)
    return {
        "affiliations": selectors.affiliations_of(user),
        "tokens": selectors.tokens_of(user),
        "token_form": ApiTokenForm(),
        "mail_form": MailSettingsForm(initial={"mode": user.mail_mode, "language": user.language}),
        **extra,
    }


@login_required
@require_POST
def switch_affiliation(request: HttpRequest) -> HttpResponse:
    form = SwitchAffiliationForm(request.POST)
    if form.is_valid():
        try:
            user = _user(request)
            affiliation = services.switch_affiliation(
                user, actor=user, affiliation_id=form.cleaned_data["affiliation"]
            )
        except DomainError as error:
            messages.error(request, str(error.message))
            return redirect("accounts:profile")
        messages.success(request, _("You now act for %(organ)s.") % {"organ": affiliation})
    else:
        messages.error(request, _("Choose an affiliation to act for."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    return redirect(next_url or "accounts:profile")


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            user = _user(request)
            _token, raw = services.create_api_token(
                user, actor=user, name=form.cleaned_data["name"]
            )
        except DomainError as error:
            form.add_error(error.field or None, str(error.message))
        else:
            return render(
                request, "accounts/profile.html", _profile_context(request, new_token=raw)
            )
    return render(
        request, "accounts/profile.html", _profile_context(request, token_form=form), status=400
    )


@login_required
@require_POST
def change_mail_settings(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = MailSettingsForm(request.POST)
    if submit(
        form,
        lambda data: services.change_mail_settings(
            user, actor=user, mode=data["mode"], language=data["language"]
        ),
    ):
        messages.success(request, _("Your e-mail settings have been saved."))
        return redirect("accounts:profile")
    return render(
        request, "accounts/profile.html", _profile_context(request, mail_form=form), status=400
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        user = _user(request)
        token = services.revoke_api_token(user, actor=user, token_id=token_id)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("accounts:profile")
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("accounts:profile")


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_password(user, actor=user, new_password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password has been changed."))
        return redirect("accounts:profile")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/password_change.html", {"form": form}, status=status)


class LoginForm(AuthenticationForm):
    """The standard form, with the username's length enforced before anything is looked up, so an
    overlong name is a field error rather than a failure deeper down."""

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if len(username) > 150:
            raise ValidationError(_("A username has at most 150 characters."), code="max_length")
        return username


class LoginView(auth_views.LoginView):
    """Sign-in that answers 400 to wrong credentials, as every other refused form does."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response
