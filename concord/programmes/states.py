"""Choices and flows of target programmes, budgets and the implementation of decisions
(docs/programmes.md draws the flows)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.flows import Flow


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")  # the Secretariat builds its stages, activities and funding
    ADOPTED = "adopted", _("Adopted")  # a council adopted it: changes go through consultations


# A programme is adopted once, by the decision of a council; nothing undoes that.
PROGRAMME_FLOW = Flow("status", {ProgrammeStatus.DRAFT: {ProgrammeStatus.ADOPTED}})


class ActivityKind(models.TextChoices):
    SUPPLY = "supply", _("Supply of equipment")
    CONSTRUCTION = "construction", _("Construction")
    TRAINING = "training", _("Training")


class ChangeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Before the bodies")  # its consultation is open
    ADOPTED = "adopted", _("Adopted")  # its consultation adopted it: the programme may change
    WITHDRAWN = "withdrawn", _("Withdrawn")  # the Secretariat took it back


# A proposed change is adopted by its consultation or withdrawn; either is final.
CHANGE_FLOW = Flow(
    "status", {ChangeStatus.PROPOSED: {ChangeStatus.ADOPTED, ChangeStatus.WITHDRAWN}}
)


class BudgetStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")  # items and shares being prepared
    ADOPTED = "adopted", _("Adopted")  # adopted by its decision: contributions are due


# A budget is adopted once, by its decision; payments are recorded against the adopted budget.
BUDGET_FLOW = Flow("status", {BudgetStatus.DRAFT: {BudgetStatus.ADOPTED}})


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")  # the Secretariat and the Permanent Council draw up its tasks
    APPROVED = "approved", _("Approved")  # the chairman approved it: the tasks are reported on


# The chairman approves a drafted plan once; its tasks are then reported on.
PLAN_FLOW = Flow("status", {PlanStatus.DRAFT: {PlanStatus.APPROVED}})


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")  # someone responsible has not reported it done yet
    DONE = "done", _("Done")  # everyone responsible reported it done


# A task is done when everyone responsible has reported it done, and open again when the
# Secretariat returns a report.
TASK_FLOW = Flow("status", {TaskStatus.OPEN: {TaskStatus.DONE}, TaskStatus.DONE: {TaskStatus.OPEN}})


class AssignmentStatus(models.TextChoices):
    OPEN = "open", _("Open")  # the state or body has not reported its part done
    DONE = "done", _("Reported done")  # the state or body reported its part done


# A state's or body's part is reported done, and returned by the Secretariat when the report does
# not show it.
ASSIGNMENT_FLOW = Flow(
    "status",
    {
        AssignmentStatus.OPEN: {AssignmentStatus.DONE},
        AssignmentStatus.DONE: {AssignmentStatus.OPEN},
    },
)
