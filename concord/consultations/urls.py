from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="consultation-list"),
    path("new/", views.consultation_create, name="consultation-create"),
    path("emergency/", views.consultation_create, {"emergency": True}, name="emergency-create"),
    path("inbox/", views.inbox, name="inbox"),
    path("notifications/", views.notifications, name="notifications"),
    path("statements/<int:year>/", views.annual_list, name="annual-list"),
    path("sessions/", views.session_list, name="session-list"),
    path("sessions/<int:pk>/", views.session_detail, name="session-detail"),
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
