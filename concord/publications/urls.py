from django.urls import path

from . import feeds, views
from .caching import public_page

app_name = "publications"

urlpatterns = [
    path("", views.home, name="home"),
    path("section/<str:section>/", views.section, name="section"),
    path("section/<str:section>/rss.xml", public_page(feeds.SectionFeed()), name="rss"),
    path("section/<str:section>/atom.xml", public_page(feeds.SectionAtomFeed()), name="atom"),
    path("p/<slug:slug>/", views.publication, name="publication"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("states/", views.states, name="states"),
    path("agreements/", views.agreements_in_force, name="agreements"),
    path("agreements/<int:pk>/", views.agreement_status, name="agreement"),
    path("search/", views.public_search, name="search"),
]

editor_urlpatterns = [
    path("", views.editor_list, name="editor-list"),
    path("new/", views.editor_edit, name="editor-new"),
    path("<int:pk>/", views.editor_edit, name="editor-edit"),
    path("<int:pk>/preview/", views.editor_preview, name="editor-preview"),
    path("<int:pk>/history/", views.editor_history, name="editor-history"),
    path("<int:pk>/<str:step>/", views.editor_step, name="editor-step"),
]
