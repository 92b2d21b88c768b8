from django.urls import path

from . import views

app_name = "organization"

urlpatterns = [
    path("states/", views.state_list, name="state-list"),
    path("states/<str:iso2>/", views.state_detail, name="state-detail"),
    path("bodies/", views.body_list, name="body-list"),
    path("bodies/<slug:code>/", views.body_detail, name="body-detail"),
    path("chairmanships/", views.chairmanship_list, name="chairmanship-list"),
    path("secretaries-general/", views.secretary_general_list, name="secretary-general-list"),
]
