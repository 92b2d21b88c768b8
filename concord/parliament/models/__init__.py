from .structure import AssemblyBody, Chamber, Member, Observer, Parliament, Seat
from .work import (
    AgendaItem,
    ApproximationProgramme,
    Harmonisation,
    InformationRequest,
    JointPlan,
    ModelAct,
    ProgrammeItem,
    RatificationReport,
    Session,
)

__all__ = [
    "AgendaItem",
    "ApproximationProgramme",
    "AssemblyBody",
    "Chamber",
    "Harmonisation",
    "InformationRequest",
    "JointPlan",
    "Member",
    "ModelAct",
    "Observer",
    "Parliament",
    "ProgrammeItem",
    "RatificationReport",
    "Seat",
    "Session",
]
