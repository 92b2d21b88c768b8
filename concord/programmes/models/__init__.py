from .budgets import Budget, BudgetItem, Contribution, Payment
from .plans import (
    ActionPlan,
    ActionTask,
    Assignment,
    Indicator,
    IndicatorValue,
    Priority,
    TaskReport,
)
from .programmes import (
    Activity,
    Contract,
    Currency,
    Delivery,
    Funding,
    NationalCustomer,
    Programme,
    ProgrammeChange,
    ProgrammeStage,
)

__all__ = [
    "ActionPlan",
    "ActionTask",
    "Activity",
    "Assignment",
    "Budget",
    "BudgetItem",
    "Contract",
    "Contribution",
    "Currency",
    "Delivery",
    "Funding",
    "Indicator",
    "IndicatorValue",
    "NationalCustomer",
    "Payment",
    "Priority",
    "Programme",
    "ProgrammeChange",
    "ProgrammeStage",
    "TaskReport",
]
