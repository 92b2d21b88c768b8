"""The pages of sessions and their agendas: the calendar, a session with its agenda and signatures,
and the Secretariat's forms to schedule, change, order and publish."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.pagecache import cached_page
from concord.organization.selectors import chair_of

from . import outcomes, permissions, selectors, sessions
from .forms import AgendaForm, SessionChangeForm, SessionForm
from .models import Session


@login_required
@cached_page
def session_list(request: HttpRequest) -> HttpResponse:
    runs = permissions.runs_procedures(request.user)
    form = SessionForm(request.POST or None) if runs else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                session = sessions.create_session(actor=actor_of(request), **form.cleaned_data)
            except DomainError as error:
                form.add_error(
                    error.field if error.field in form.fields else None, str(error.message)
                )
            else:
                messages.success(request, _("Session scheduled."))
                return redirect("consultations:session-detail", pk=session.pk)
    today = timezone.localdate()
    return render(
        request,
        "consultations/session_list.html",
        {
            "upcoming": selectors.sessions(upcoming=True, today=today).order_by("date"),
            "past": selectors.sessions(upcoming=False, today=today)[:100],
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session(pk)
    items = selectors.agenda(request.user, session)
    runs = permissions.runs_procedures(request.user)
    return render(
        request,
        "consultations/session_detail.html",
        {
            "session": session,
            "rows": [(item, {s.state_id: s for s in item.signatures.all()}) for item in items],
            "states": outcomes.members(),
            "chair": chair_of(session.date.year),
            "participants": set(session.participants.values_list("pk", flat=True)),
            "my_state": permissions.speaking_state(request.user),
            "runs": runs,
            "change_form": _change_form(session) if runs else None,
            "agenda_form": AgendaForm(stages=_placeable(request, session)) if runs else None,
        },
    )


def _change_form(session: Session, data: object = None) -> SessionChangeForm:
    initial = {f: getattr(session, f) for f in ("date", "kind", "format", "venue_ru", "venue_en")}
    return SessionChangeForm(data, initial={**initial, "version": session.version})


def _placeable(request: HttpRequest, session: Session) -> object:
    """Open questions before the session's body that are on no agenda yet."""
    return (
        selectors.open_stages(request.user)
        .filter(body=session.body, session__isnull=True)
        .select_related("consultation")
    )


def _secretariat(request: HttpRequest) -> None:
    if not permissions.runs_procedures(request.user):
        raise PermissionDenied


@login_required
@require_POST
def session_change(request: HttpRequest, pk: int) -> HttpResponse:
    _secretariat(request)
    session = selectors.session(pk)
    form = _change_form(session, request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the session's fields."))
        return redirect("consultations:session-detail", pk=pk)
    try:
        sessions.update_session(session, actor=actor_of(request), **form.cleaned_data)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Session changed."))
    return redirect("consultations:session-detail", pk=pk)


@login_required
@require_POST
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    _secretariat(request)
    session = selectors.session(pk)
    form = AgendaForm(request.POST, stages=_placeable(request, session))
    if not form.is_valid():
        messages.error(request, _("Choose a question before this body."))
        return redirect("consultations:session-detail", pk=pk)
    try:
        sessions.put_on_agenda(
            form.cleaned_data["stage"],
            actor=actor_of(request),
            session=session,
            note=form.cleaned_data["note"],
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("consultations:session-detail", pk=pk)


@login_required
@require_POST
def agenda_move(request: HttpRequest, pk: int, stage_id: int) -> HttpResponse:
    _secretariat(request)
    session = selectors.session(pk)
    stage = get_object_or_404(selectors.agenda_items(request.user, session), pk=stage_id)
    try:
        to = int(request.POST.get("to", ""))
        sessions.move_agenda_item(stage, actor=actor_of(request), to=to)
    except ValueError:
        messages.error(request, _("Give the item's new place."))
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("consultations:session-detail", pk=pk)


@login_required
@require_POST
def agenda_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _secretariat(request)
    try:
        sessions.publish_agenda(selectors.session(pk), actor=actor_of(request), now=timezone.now())
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The agenda was sent to the states."))
    return redirect("consultations:session-detail", pk=pk)
