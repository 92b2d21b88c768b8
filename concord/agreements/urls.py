from django.urls import path

from . import views

app_name = "agreements"

urlpatterns = [
    path("", views.agreement_list, name="agreement-list"),
    path("mine/", views.my_state, name="my-state"),
    path("<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("<int:pk>/copies/<str:iso2>.pdf", views.certified_copy, name="certified-copy"),
]
