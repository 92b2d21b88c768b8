"""Events of the Parliamentary Assembly's work that other apps react to."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ModelActAdopted:
    """The Assembly adopted a model law or recommendation: publications drafts its announcement."""

    act_id: int
