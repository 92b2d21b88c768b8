from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="document-list"),
    path("new/", views.document_create, name="document-create"),
    path("import/", views.document_import, name="document-import"),
    path("amendments/mine/", views.my_amendments, name="my-amendments"),
    path("<int:pk>/", views.document_detail, name="document-detail"),
    path("<int:pk>/versions/", views.version_list, name="version-list"),
    path("<int:pk>/versions/<int:number>/export/", views.export_version, name="version-export"),
    path("<int:pk>/compare/", views.compare, name="compare"),
    path("<int:pk>/compare/export/", views.export_compare, name="compare-export"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/final/", views.declare_final, name="declare-final"),
    path("<int:pk>/amendments/", views.amendment_inbox, name="amendment-inbox"),
    path("<int:pk>/amendments/new/", views.amendment_create, name="amendment-create"),
    path(
        "<int:pk>/amendments/<int:amendment_id>/", views.amendment_detail, name="amendment-detail"
    ),
    path(
        "<int:pk>/amendments/<int:amendment_id>/support/",
        views.amendment_action,
        {"action": "support"},
        name="amendment-support",
    ),
    path(
        "<int:pk>/amendments/<int:amendment_id>/withdraw/",
        views.amendment_action,
        {"action": "withdraw"},
        name="amendment-withdraw",
    ),
    path("<int:pk>/attachments/", views.attachment_upload, name="attachment-upload"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment-download",
    ),
]
