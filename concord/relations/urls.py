from django.urls import path

from . import calendar_views, group_views, views

app_name = "relations"

urlpatterns = [
    path("", views.partner_list, name="partner-list"),
    path("partners/new/", group_views.partner_create, name="partner-create"),
    path("status-applications/", group_views.application_create, name="application-create"),
    path("partners/<slug:code>/", views.partner_detail, name="partner-detail"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/new/", group_views.group_create, name="group-create"),
    path("groups/<slug:code>/", views.group_detail, name="group-detail"),
    path("groups/<slug:code>/work-plans/", group_views.work_plan_create, name="work-plan-create"),
    path(
        "groups/<slug:code>/work-plans/<int:pk>/items/",
        group_views.plan_item_add,
        name="plan-item-add",
    ),
    path(
        "groups/<slug:code>/items/<int:pk>/status/",
        group_views.plan_item_status,
        name="plan-item-status",
    ),
    path("groups/<slug:code>/reports/", group_views.report_create, name="report-create"),
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/outcome/", views.meeting_outcome, name="meeting-outcome"),
    path("meetings/<int:pk>/follow-ups/", views.meeting_follow_up, name="meeting-follow-up"),
    path("meetings/<int:pk>/tracking/", group_views.follow_up_track, name="follow-up-track"),
    path("meetings/<int:pk>/held/", views.meeting_status, {"to": "held"}, name="meeting-hold"),
    path(
        "meetings/<int:pk>/cancelled/",
        views.meeting_status,
        {"to": "cancelled"},
        name="meeting-cancel",
    ),
    path("resolutions/", views.resolution_list, name="resolution-list"),
    path("calendar/", calendar_views.calendar_page, name="calendar"),
    path("calendar/addresses/", calendar_views.feed_list, name="feed-list"),
    path("calendar/addresses/<int:pk>/revoke/", calendar_views.feed_revoke, name="feed-revoke"),
    path("calendar/feed/<str:secret>.ics", calendar_views.personal_feed, name="feed"),
    path("calendar/bodies/<slug:code>.ics", calendar_views.body_feed, name="body-feed"),
]
