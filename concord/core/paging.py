"""One page of a list, for the list pages (with `templates/includes/pager.html`): a list page reads
a constant number of queries however long the list grows."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50


def page_of(request: HttpRequest, items: QuerySet[Any], per_page: int = PAGE_SIZE) -> Page[Any]:
    """The page the request asks for (`?page=`); the first for anything unreadable, the last for
    a number past the end."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
