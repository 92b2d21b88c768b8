from django.urls import path

from . import deployment_views, readiness_views, training_views, views

app_name = "forces"

urlpatterns = [
    path("", views.formation_list, name="formation-list"),
    path("formations/<slug:code>/", views.formation_detail, name="formation-detail"),
    *readiness_views.urlpatterns,
    *training_views.urlpatterns,
    *deployment_views.urlpatterns,
]
