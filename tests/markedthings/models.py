from django.db import models

from concord.core.models import MarkedModel


class Note(MarkedModel):
    """A record that carries nothing but a marking: the reusable piece under test."""

    title = models.CharField(max_length=100)

    class Meta(MarkedModel.Meta):
        app_label = "markedthings"
