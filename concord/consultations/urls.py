from django.urls import path

from . import session_views, views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="consultation-list"),
    path("new/", views.consultation_create, name="consultation-create"),
    path("emergency/", views.consultation_create, {"emergency": True}, name="emergency-create"),
    path("inbox/", views.inbox, name="inbox"),
    path("notifications/", views.notifications, name="notifications"),
    path("statements/<int:year>/", views.annual_list, name="annual-list"),
    path("sessions/", session_views.session_list, name="session-list"),
    path("sessions/<int:pk>/", session_views.session_detail, name="session-detail"),
    path("sessions/<int:pk>/change/", session_views.session_change, name="session-change"),
    path("sessions/<int:pk>/agenda/", session_views.agenda_add, name="agenda-add"),
    path(
        "sessions/<int:pk>/agenda/<int:stage_id>/move/",
        session_views.agenda_move,
        name="agenda-move",
    ),
    path("sessions/<int:pk>/publish/", session_views.agenda_publish, name="agenda-publish"),
    path("<int:pk>/", views.consultation_detail, name="consultation-detail"),
    path("<int:pk>/stages/", views.open_stage, name="stage-open"),
    path(
        "<int:pk>/stages/<int:stage_id>/positions/", views.record_position, name="position-record"
    ),
    path("<int:pk>/stages/<int:stage_id>/close/", views.close_stage, name="stage-close"),
    path("<int:pk>/stages/<int:stage_id>/extend/", views.extend_stage, name="stage-extend"),
    path("<int:pk>/stages/<int:stage_id>/version/", views.put_version, name="stage-version"),
    path("<int:pk>/stages/<int:stage_id>/sign/", views.sign, name="sign"),
]
