from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .errors import DomainError
from .pagecache import cached_page
from .waiting import waiting_for


@login_required
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    """The dashboard: what waits for the user first (settings.CONCORD_WAITING, `core.waiting`), then
    each module's panel (settings.CONCORD_DASHBOARD_PANELS)."""
    today = timezone.localdate()
    waiting = [(item, item.overdue(today)) for item in waiting_for(request)]
    panels = [import_string(path)(request) for path in settings.CONCORD_DASHBOARD_PANELS]
    return render(request, "core/home.html", {"panels": panels, "waiting": waiting, "today": today})


def ping(request: HttpRequest) -> HttpResponse:
    """A trivial page behind every middleware, as any page is (bench/pages_load.py measures the
    pages beside it): it asks who is signed in, as every page does, and writes nothing."""
    response = HttpResponse("ok", content_type="text/plain; charset=utf-8")
    response["X-Signed-In"] = "1" if request.user.is_authenticated else "0"
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):  # API clients get the API's error shape
        return JsonResponse(
            {"code": "not_found", "message": _("Not found."), "errors": []}, status=404
        )
    return render(request, "404.html", status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "403.html",
        {
            "message": _(
                "The form had expired or came from elsewhere. Go back, reload the page and try again."
            )
        },
        status=403,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


def int_param(value: str | None) -> int | None:
    """A whole number from a query or form parameter, or None for anything else (never an error)."""
    return int(value) if value and value.isdigit() and len(value) < 10 else None


def panel(template: str, **context: Any) -> dict[str, Any]:
    """What a dashboard panel returns: the template to include and its context."""
    return {"template": template, "context": context}


def show_error(form: forms.BaseForm, error: DomainError) -> None:
    """A service's refusal beside the field it names, or above the form when the form has no such
    field or it is hidden (the edit counter)."""
    shown = error.field in form.fields and not form.fields[error.field].widget.is_hidden
    form.add_error(error.field if shown else None, str(error.message))  # hidden: above the form


def submit(form: forms.BaseForm, call: Callable[[dict[str, Any]], object]) -> bool:
    """Validate the form and call the service with its cleaned data; a refusal goes beside its
    field. True when done."""
    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except DomainError as error:
        show_error(form, error)
        return False
    return True


# --- Required edit counters (issue 22: every write that replaces data carries its version) ----------


class RequiresVersion(forms.Form):
    """A form that replaces a record's content: it carries, hidden, the edit counter it was drawn
    from, and one posted without it is refused above the form (never saved over a newer record). The
    service's `lock(obj, version=…)` refuses a stale counter (409 `stale`), shown the same way, with
    the user's input kept."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.cleaned_data.get("version") is None:
            self.errors.pop("version", None)  # a hidden field's error is shown above the form
            raise forms.ValidationError(
                _("The form carries no edit counter: reload the page and enter your change again."),
                code="version",
            )
        return cleaned
