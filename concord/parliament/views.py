"""Pages of the Parliamentary Assembly: its structure and sessions, the ratification queue (the
reader's own parliament first), model acts with their harmonisation tables, the programme of
approximation, and cooperation with the Secretariat."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.pagecache import cached_page
from concord.core.views import show_error

from . import permissions, ratification, selectors, services
from .models import ModelAct
from .states import ActStatus


class ExamineForm(forms.Form):
    on = forms.DateField(label=gettext_lazy("Examined on"), required=False)
    session = forms.ModelChoiceField(
        queryset=selectors.sessions(), label=gettext_lazy("At the meeting"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AdoptForm(forms.Form):
    session = forms.ModelChoiceField(queryset=selectors.sessions(), label=gettext_lazy("Session"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=gettext_lazy("Question"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=gettext_lazy("Answer"), widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _call(form: forms.Form, call: object) -> bool:
    """Validate the form and call the service; its error goes beside its field."""
    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)  # type: ignore[operator]
    except DomainError as error:
        show_error(form, error)
        return False
    return True


@login_required
def assembly(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "parliament/assembly.html",
        {
            "bodies": selectors.bodies(),
            "parliaments": selectors.parliaments(),
            "observers": selectors.observers(),
            "sessions": selectors.sessions(),
            "me": permissions.member_of(request.user),
        },
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    asked = request.GET.get("parliament", "")
    only = selectors.parliament_of(asked) if asked else None
    if asked and only is None:
        raise Http404
    return render(
        request,
        "parliament/queue.html",
        {
            "queues": ratification.queues(request.user, today=timezone.localdate(), only=only),
            "parliaments": selectors.parliaments(),
            "asked": asked.upper(),
        },
    )


@login_required
@cached_page
def act_list(request: HttpRequest) -> HttpResponse:
    return render(request, "parliament/act_list.html", {"acts": selectors.acts(request.user)})


def _act_page(request: HttpRequest, act: ModelAct, **bound: forms.Form) -> HttpResponse:
    keeps = permissions.is_secretariat(request.user)
    return render(
        request,
        "parliament/act_detail.html",
        {
            "act": act,
            "table": selectors.harmonisation_table(act),
            "examine_form": bound.get("examine")
            or (ExamineForm(initial={"version": act.version}) if keeps else None),
            "adopt_form": bound.get("adopt")
            or (AdoptForm(initial={"version": act.version}) if keeps else None),
            "draft": act.status == ActStatus.DRAFT,
            "examined": act.status == ActStatus.EXAMINED,
        },
        status=400 if bound else 200,
    )


@login_required
def act_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_page(request, selectors.act(request.user, pk))


@login_required
@require_POST
def examine_act(request: HttpRequest, pk: int) -> HttpResponse:
    act = selectors.act(request.user, pk)
    form = ExamineForm(request.POST)
    done = _call(
        form,
        lambda d: services.examine_act(
            act, actor=actor_of(request), on=d["on"], session=d["session"], version=d["version"]
        ),
    )
    if not done:
        return _act_page(request, act, examine=form)
    messages.success(request, _("The examination is recorded."))
    return redirect("parliament:act-detail", pk=pk)


@login_required
@require_POST
def adopt_act(request: HttpRequest, pk: int) -> HttpResponse:
    act = selectors.act(request.user, pk)
    form = AdoptForm(request.POST)
    done = _call(
        form,
        lambda d: services.adopt_act(
            act, actor=actor_of(request), session=d["session"], version=d["version"]
        ),
    )
    if not done:
        return _act_page(request, act, adopt=form)
    messages.success(request, _("The adoption is recorded."))
    return redirect("parliament:act-detail", pk=pk)


@login_required
def harmonisation(request: HttpRequest) -> HttpResponse:
    return render(request, "parliament/harmonisation.html", {"programmes": selectors.programmes()})


@login_required
def cooperation(request: HttpRequest) -> HttpResponse:
    can_ask = permissions.can_ask(request.user)
    form = QuestionForm(request.POST or None) if can_ask else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if _call(
            form, lambda d: services.ask_request(actor=actor_of(request), question=d["question"])
        ):
            messages.success(request, _("Your request is sent to the Secretariat."))
            return redirect("parliament:cooperation")
    return render(
        request,
        "parliament/cooperation.html",
        {
            "plans": selectors.joint_plans(),
            "requests": selectors.requests(request.user),
            "form": form,
            "answers": permissions.is_secretariat(request.user),
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_POST
def answer_request(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.request(request.user, pk)
    form = AnswerForm(request.POST)
    if _call(
        form,
        lambda d: services.answer_request(
            found, actor=actor_of(request), answer=d["answer"], version=d["version"]
        ),
    ):
        messages.success(request, _("The answer is recorded."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("parliament:cooperation")
