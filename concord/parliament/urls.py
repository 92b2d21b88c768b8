from django.urls import path

from . import views

app_name = "parliament"

urlpatterns = [
    path("", views.assembly, name="assembly"),
    path("queue/", views.queue, name="queue"),
    path("model-laws/", views.act_list, name="act-list"),
    path("model-laws/<int:pk>/", views.act_detail, name="act-detail"),
    path("model-laws/<int:pk>/examine/", views.examine_act, name="act-examine"),
    path("model-laws/<int:pk>/adopt/", views.adopt_act, name="act-adopt"),
    path("harmonisation/", views.harmonisation, name="harmonisation"),
    path("cooperation/", views.cooperation, name="cooperation"),
    path("cooperation/<int:pk>/answer/", views.answer_request, name="request-answer"),
]
