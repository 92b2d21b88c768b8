from django.urls import path

from . import budget_views, create_views, plan_views, views

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="programme-list"),
    path("new/", create_views.create_programme, name="programme-create"),
    path("<int:pk>/", views.programme_detail, name="programme-detail"),
    path("<int:pk>/stages/new/", create_views.add_stage, name="stage-add"),
    path("<int:pk>/customers/new/", create_views.add_customer, name="customer-add"),
    path("<int:pk>/activities/new/", create_views.add_activity, name="activity-add"),
    path("<int:pk>/stages/<int:number>/funding/", create_views.set_funding, name="funding-set"),
    path("<int:pk>/adopt/", create_views.adopt_programme, name="programme-adopt"),
    path("<int:pk>/timeline.svg", views.timeline, name="programme-timeline"),
    path("<int:pk>/stages/<int:number>/report/", views.stage_report, name="stage-report"),
    path("<int:pk>/export.xlsx", views.programme_export, name="programme-export"),
    path("<int:pk>/deliveries/", views.record_delivery, name="delivery-record"),
    path("<int:pk>/contracts/", views.record_contract, name="contract-record"),
    path("<int:pk>/changes/", views.propose_change, name="change-propose"),
    path("budgets/", budget_views.budget_list, name="budget-list"),
    path("budgets/new/", create_views.create_budget, name="budget-create"),
    path("budgets/<int:year>/", budget_views.budget_detail, name="budget-detail"),
    path("budgets/<int:year>/items/", create_views.save_item, name="item-save"),
    path("budgets/<int:year>/shares/", create_views.set_shares, name="shares-set"),
    path("budgets/<int:year>/adopt/", create_views.adopt_budget, name="budget-adopt"),
    path("budgets/<int:year>/payments/", budget_views.record_payment, name="payment-record"),
    path("budgets/<int:year>/export.xlsx", budget_views.budget_export, name="budget-export"),
    path("plans/", plan_views.plan_list, name="plan-list"),
    path("plans/<int:pk>/", plan_views.plan_detail, name="plan-detail"),
    path("plans/<int:pk>/tasks/", plan_views.add_task, name="task-add"),
    path("plans/<int:pk>/approve/", plan_views.approve_plan, name="plan-approve"),
    path("plans/<int:pk>/export.xlsx", plan_views.plan_export, name="plan-export"),
    path("parts/<int:pk>/report/", plan_views.report_task, name="task-report"),
    path("parts/<int:pk>/return/", plan_views.return_report, name="report-return"),
    path("tasks/", plan_views.task_list, name="task-list"),
    path("priorities/", plan_views.priority_list, name="priority-list"),
    path("priorities/<int:year>/", plan_views.priority_list, name="priority-year"),
    path("indicators/<int:pk>/values/", plan_views.record_value, name="value-record"),
]
