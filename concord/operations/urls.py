from django.urls import path

from . import views

app_name = "operations"

urlpatterns = [
    path("", views.operation_list, name="operation-list"),
    path("<int:pk>/", views.operation_detail, name="operation-detail"),
    path("<int:pk>/results/", views.results, name="results"),
    path("stages/<int:pk>/", views.stage_detail, name="stage-detail"),
    path("stages/<int:pk>/report/", views.open_report, name="open-report"),
    path("stages/<int:pk>/template.<str:fmt>", views.template, name="template"),
    path("stages/<int:pk>/publicity/", views.publicity, name="publicity"),
    path("stages/<int:pk>/press-release/", views.press_release, name="press-release"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("reports/<int:pk>/<str:step>/", views.report_step, name="report-step"),
]
