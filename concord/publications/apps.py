from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "concord.publications"
    label = "publications"
    verbose_name = _("Publications and search")

    def ready(self) -> None:
        from . import caching, indexing, sources

        caching.connect()
        indexing.connect()
        sources.connect()
