"""The collective forces' tables, by concern: formations and units, readiness, training, deployments."""

from .deployments import Contingent, Deployment, LogEntry, ProtectedSite
from .readiness import Answer, Assessment, Criterion, Questionnaire
from .training import (
    AfterActionReport,
    ExerciseSeries,
    Lesson,
    PlanAmendment,
    TrainingEvent,
    TrainingPlan,
)
from .units import Formation, Requirement, Unit

__all__ = [
    "AfterActionReport",
    "Answer",
    "Assessment",
    "Contingent",
    "Criterion",
    "Deployment",
    "ExerciseSeries",
    "Formation",
    "Lesson",
    "LogEntry",
    "PlanAmendment",
    "ProtectedSite",
    "Questionnaire",
    "Requirement",
    "TrainingEvent",
    "TrainingPlan",
    "Unit",
]
