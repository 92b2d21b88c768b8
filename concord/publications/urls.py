from django.urls import path

from . import feeds, views

app_name = "publications"

urlpatterns = [
    path("", views.home, name="home"),
    path("section/<str:section>/", views.section, name="section"),
    path("section/<str:section>/rss.xml", feeds.SectionFeed(), name="rss"),
    path("section/<str:section>/atom.xml", feeds.SectionAtomFeed(), name="atom"),
    path("p/<slug:slug>/", views.publication, name="publication"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("states/", views.states, name="states"),
    path("agreements/", views.agreements_in_force, name="agreements"),
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
