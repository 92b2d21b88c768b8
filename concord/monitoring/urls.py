from django.urls import path

from . import event_views, mapdata, views

app_name = "monitoring"

urlpatterns = [
    path("", views.picture, name="picture"),
    path("data.json", mapdata.map_data, name="picture-data"),
    path("events/", event_views.event_list, name="event-list"),
    path("areas/<str:country>/", views.area, name="area"),
    path("yearly/<str:country>/", views.yearly, name="yearly"),
    path("alerts/", views.alert_list, name="alert-list"),
    path("alerts/<int:pk>/", views.alert_detail, name="alert-detail"),
    path("regions/", views.region_list, name="region-list"),
    path("regions/new/", views.region_edit, name="region-new"),
    path("regions/<slug:code>/", views.region_edit, name="region-edit"),
    path("reports/", views.report_list, name="report-list"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("afghanistan/", views.afghanistan, name="afghanistan"),
]
