from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from concord.agreements import selectors as agreements
from concord.agreements.standing import gap_text
from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.pagecache import cached_page
from concord.core.views import show_error
from concord.organization import selectors as organization

from . import permissions, services
from . import search as searching
from .caching import public_page
from .codes import Code
from .forms import PublicationForm, PublishForm, SearchForm, UnpublishForm
from .models import Publication, Tag
from .states import Section, Status

PER_PAGE = 20


def live(now: dt.datetime | None = None) -> QuerySet[Publication]:
    """What the public sees: published, and its time has come."""
    return Publication.objects.filter(
        status=Status.PUBLISHED, publish_at__lte=now or timezone.now()
    ).prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name_ru")))


def _in_language(qs: QuerySet[Publication]) -> QuerySet[Publication]:
    """Only what exists in the page's language."""
    return qs.exclude(title_en="") if get_language() == "en" else qs.exclude(title_ru="")


def _page(request: HttpRequest, qs: QuerySet[Publication]) -> Any:
    return Paginator(qs.order_by("-publish_at", "-pk"), PER_PAGE).get_page(request.GET.get("page"))


@public_page
def home(request: HttpRequest) -> HttpResponse:
    items = _in_language(live())
    return render(
        request,
        "publications/home.html",
        {
            "news": items.filter(section=Section.NEWS).order_by("-publish_at")[:8],
            "statements": items.filter(section=Section.STATEMENT).order_by("-publish_at")[:4],
            "articles": items.filter(section=Section.PUBLICATION).order_by("-publish_at")[:4],
            "sections": Section.choices,
        },
    )


@public_page
def section(request: HttpRequest, section: str) -> HttpResponse:
    if section not in Section.values:
        raise Http404
    return render(
        request,
        "publications/list.html",
        {
            "title": Section(section).label,
            "page": _page(request, _in_language(live()).filter(section=section)),
            "section": section,
        },
    )


@public_page
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Tag, slug=slug)
    return render(
        request,
        "publications/list.html",
        {"title": found.name, "page": _page(request, _in_language(live()).filter(tags=found))},
    )


@public_page
def publication(request: HttpRequest, slug: str) -> HttpResponse:
    pub = Publication.objects.filter(slug=slug).prefetch_related("tags").first()
    if pub is None or not (pub.is_live() or pub.status == Status.UNPUBLISHED):
        raise Http404
    if pub.status == Status.UNPUBLISHED:  # the address keeps answering, with the reason
        return render(request, "publications/withdrawn.html", {"pub": pub}, status=410)
    language = get_language()
    missing = not (pub.title_en if language == "en" else pub.title_ru)
    return render(
        request, "publications/publication.html", {"pub": pub, "missing": missing}, status=200
    )


@public_page
def states(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "publications/states.html",
        {"states": organization.member_states(), "bodies": organization.bodies()},
    )


@public_page
def agreements_in_force(request: HttpRequest) -> HttpResponse:
    """The organization's agreements as the depositary records them (public instruments only)."""
    statuses = agreements.overview(AnonymousUser(), today=timezone.localdate())
    return render(request, "publications/agreements.html", {"statuses": statuses})


@public_page
def agreement_status(request: HttpRequest, pk: int) -> HttpResponse:
    """One agreement's status as the depositary records it: the parties, their signatures,
    ratifications and deposits, the entry into force; what the record does not hold is said so."""
    found = agreements.agreement(AnonymousUser(), pk)  # 404 unless public
    if found.illustrative:
        raise Http404
    standing, rows, _actions = agreements.status_table(found, today=timezone.localdate())
    return render(
        request,
        "publications/agreement_status.html",
        {
            "a": found,
            "s": standing,
            "rows": rows,
            "in_force": standing.in_force(timezone.localdate()),
            "gaps": [gap_text(g) for g in standing.gaps],
        },
    )


@public_page
def public_search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        d = form.cleaned_data
        results = searching.search(
            AnonymousUser(),
            d["q"],
            section=d["section"],
            language=d["language"],
            start=d["start"],
            end=d["end"],
            page=d["page"] or 1,
            public_only=True,
        )
    return render(
        request,
        "publications/search.html",
        {"form": form, "results": results, "query": _query(request)},
        status=400 if form.errors else 200,
    )


@login_required
def inside_search(request: HttpRequest) -> HttpResponse:
    """The same search over everything the user may see."""
    form = SearchForm(request.GET or None, inside=True)
    results = None
    if form.is_valid():
        d = form.cleaned_data
        results = searching.search(
            request.user,
            d["q"],
            kinds=[d["kind"]] if d["kind"] else None,
            section=d["section"],
            language=d["language"],
            start=d["start"],
            end=d["end"],
            page=d["page"] or 1,
        )
    return render(
        request,
        "publications/search_inside.html",
        {"form": form, "results": results, "query": _query(request)},
        status=400 if form.errors else 200,
    )


def _query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# --- Editorial ----------------------------------------------------------------------------------


def _editor(request: HttpRequest) -> None:
    if not permissions.is_editor(request.user):
        raise PermissionDenied


@login_required
@cached_page
def editor_list(request: HttpRequest) -> HttpResponse:
    _editor(request)
    status = request.GET.get("status", "")
    pubs = Publication.objects.all().order_by("-updated_at")
    if status in Status.values:
        pubs = pubs.filter(status=status)
    return render(
        request,
        "publications/editor_list.html",
        {
            "page": Paginator(pubs, 50).get_page(request.GET.get("page")),
            "status": status,
            "Status": Status,
            "now": timezone.now(),
        },
    )


@login_required
def editor_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _editor(request)
    pub = get_object_or_404(Publication, pk=pk) if pk else None
    form = PublicationForm(request.POST or None, instance=pub)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            pub = services.save_draft(
                pub,
                actor=actor_of(request),
                tags=list(d["tags"]),
                version=d["version"],
                **{k: d[k] for k in services.FIELDS},
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("editor:editor-edit", pk=pub.pk)
    return render(
        request,
        "publications/editor_edit.html",
        {
            "pub": pub,
            "form": form,
            "publish_form": PublishForm(initial={"version": pub.version}) if pub else None,
            "unpublish_form": UnpublishForm(initial={"version": pub.version}) if pub else None,
            "Status": Status,
        },
        status=400 if form.errors else 200,
    )


@login_required
def editor_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    _editor(request)
    pub = get_object_or_404(Publication, pk=pk)
    if request.method != "POST":
        raise Http404
    try:
        if step == "publish":
            form = PublishForm(request.POST)
            if not form.is_valid():
                raise DomainError(
                    Code.INVALID,
                    "; ".join(str(e) for errors in form.errors.values() for e in errors),
                )
            pub = services.publish_publication(
                pub,
                actor=actor_of(request),
                at=form.cleaned_data["at"],
                version=form.cleaned_data["version"],
            )
            messages.success(
                request,
                _("Published.")
                if pub.is_live()
                else _("Scheduled for %(at)s.")
                % {"at": timezone.localtime(pub.publish_at).strftime("%d.%m.%Y %H:%M")},
            )
        elif step == "unpublish":
            withdrawal = UnpublishForm(request.POST)
            withdrawal.is_valid()
            d = withdrawal.cleaned_data
            services.unpublish_publication(
                pub,
                actor=actor_of(request),
                note_ru=d.get("note_ru", ""),
                note_en=d.get("note_en", ""),
                version=d.get("version"),
            )
            messages.success(request, _("Withdrawn from the site; its address now says so."))
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("editor:editor-edit", pk=pk)


@login_required
def editor_preview(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    pub = get_object_or_404(Publication, pk=pk)
    return render(
        request,
        "publications/publication.html",
        {
            "pub": pub,
            "preview": True,
            "missing": not (pub.title_en if get_language() == "en" else pub.title_ru),
        },
    )


@login_required
def editor_history(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    pub = get_object_or_404(Publication, pk=pk)
    return render(
        request,
        "publications/editor_history.html",
        {"pub": pub, "revisions": pub.revisions.select_related("by")},
    )
