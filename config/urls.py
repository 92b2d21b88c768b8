from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from concord.core import health
from concord.core import views as core_views
from concord.publications import views as publication_views
from concord.publications.feeds import PagesSitemap, PublicationSitemap
from concord.publications.urls import editor_urlpatterns

from .api import api

urlpatterns = [
    # Outside the language prefix, no sign-in, not audited: for probes (docs/deployment.md).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PagesSitemap, "publications": PublicationSitemap}},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    # Inside the language prefix, so that the page being left is read in its own language when
    # set_language translates its address (outside, the browser's Accept-Language would be used).
    path("i18n/", include("django.conf.urls.i18n")),
    path("", core_views.home, name="home"),
    # A trivial page through every middleware, signed in or not: the yardstick of bench/pages_load.py.
    path("ping/", core_views.ping, name="ping"),
    path("accounts/", include("concord.accounts.urls")),
    path("organization/", include("concord.organization.urls")),
    path("audit/", include("concord.audit.urls")),
    path("documents/", include("concord.documents.urls")),
    path("consultations/", include("concord.consultations.urls")),
    path("agreements/", include("concord.agreements.urls")),
    path("operations/", include("concord.operations.urls")),
    path("monitoring/", include("concord.monitoring.urls")),
    path("forces/", include("concord.forces.urls")),
    path("programmes/", include("concord.programmes.urls")),
    path("relations/", include("concord.relations.urls")),
    path("parliament/", include("concord.parliament.urls")),
    path("public/", include("concord.publications.urls")),
    path("publications/", include((editor_urlpatterns, "editor"))),
    path("search/", publication_views.inside_search, name="search"),
    prefix_default_language=True,
)

handler404 = "concord.core.views.not_found"
handler403 = "concord.core.views.forbidden"
handler500 = "concord.core.views.server_error"
