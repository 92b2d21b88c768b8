"""RSS and Atom feeds of each section, in the language of their address."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Publication
from .states import Section
from .views import _in_language, live


class SectionFeed(Feed):
    def get_object(self, request: HttpRequest, section: str) -> str:
        if section not in Section.values:
            raise Http404
        return section

    def title(self, section: str) -> str:
        return _("%(section)s — Concord") % {"section": Section(section).label}

    def link(self, section: str) -> str:
        return reverse("publications:section", args=[section])

    def description(self, section: str) -> str:
        return _("The latest %(section)s, newest first.") % {
            "section": str(Section(section).label).lower()
        }

    def items(self, section: str) -> Any:
        return _in_language(live()).filter(section=section).order_by("-publish_at")[:30]

    def item_title(self, item: Publication) -> str:
        return item.title

    def item_description(self, item: Publication) -> str:
        return item.summary or item.body[:500]

    def item_link(self, item: Publication) -> str:
        return reverse("publications:publication", args=[item.slug])

    def item_pubdate(self, item: Publication) -> dt.datetime | None:
        return item.publish_at

    def item_updateddate(self, item: Publication) -> dt.datetime:
        return item.updated_at


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
    subtitle = SectionFeed.description


class PublicationSitemap(Sitemap):
    """Every live publication in both languages, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self) -> Any:
        return live().order_by("-publish_at")

    def location(self, item: Publication) -> str:
        return reverse("publications:publication", args=[item.slug])

    def lastmod(self, item: Publication) -> dt.datetime:
        return item.updated_at


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[tuple[str, list[str]]]:
        return [
            ("publications:home", []),
            ("publications:states", []),
            ("publications:agreements", []),
        ] + [("publications:section", [s]) for s in Section.values]

    def location(self, item: tuple[str, list[str]]) -> str:
        return reverse(item[0], args=item[1])
