from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from concord.core.pagecache import cached_page

from . import permissions, selectors
from .forms import EntryFilterForm


@login_required
@cached_page
def entry_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_browse_audit(request.user):
        raise Http404
    form = EntryFilterForm(
        request.GET or None, verbs=selectors.verbs(), object_types=selectors.object_types()
    )
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.entries(**{k: v for k, v in filters.items() if v})
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/entry_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
