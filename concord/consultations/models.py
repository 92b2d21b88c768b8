from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from concord.core.models import EditCounted, MarkedModel, in_language

from . import rules
from .states import (
    BreakersChoices,
    ConsentChoices,
    ConsultationStatus,
    QuestionKind,
    RuleChoices,
    SessionFormat,
    SessionKind,
    StageMode,
    StageOutcome,
    StageStatus,
    StanceChoices,
    TermUnitChoices,
)


class Route(models.Model):
    """The tiers a question goes through, in order: data, not code."""

    code = models.SlugField(_("code"), unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    silence_breakers = models.CharField(
        _("who may break silence"),
        max_length=16,
        choices=BreakersChoices.choices,
        default=BreakersChoices.MEMBERS,
        help_text=_("In a written procedure where silence is consent: whose objection stops it."),
    )

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self) -> str:
        return in_language(self.name_ru, self.name_en)


class RouteStep(models.Model):
    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("order"))
    body = models.ForeignKey("organization.Body", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["route", "position"]
        constraints = [
            models.UniqueConstraint(fields=["route", "position"], name="route_step_unique")
        ]

    def __str__(self) -> str:
        return f"{self.route}: {self.position}. {self.body}"


class DecisionRule(models.Model):
    """Which rule a body applies to a kind of question. Empty body or kind: any. The most specific
    row wins; with none, consensus without quorum."""

    body = models.ForeignKey(
        "organization.Body", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("kind of question"), max_length=24, choices=QuestionKind.choices, blank=True
    )
    rule = models.CharField(_("rule"), max_length=24, choices=RuleChoices.choices)
    quorum = models.PositiveSmallIntegerField(_("quorum"), default=0)

    class Meta:
        verbose_name = _("decision rule")
        verbose_name_plural = _("decision rules")
        constraints = [
            models.UniqueConstraint(fields=["body", "kind"], name="decision_rule_unique")
        ]

    def __str__(self) -> str:
        return f"{self.body or '*'} / {self.kind or '*'}: {self.rule}"


class ProcedureTerm(models.Model):
    """How long a written procedure runs on a route, for a kind of question. Empty route or kind: any.
    The most specific row wins; with none, 10 working days."""

    route = models.ForeignKey(
        Route, null=True, blank=True, on_delete=models.CASCADE, related_name="terms"
    )
    kind = models.CharField(
        _("kind of question"), max_length=24, choices=QuestionKind.choices, blank=True
    )
    amount = models.PositiveSmallIntegerField(_("term"))
    unit = models.CharField(_("counted in"), max_length=16, choices=TermUnitChoices.choices)

    class Meta:
        verbose_name = _("term of a written procedure")
        verbose_name_plural = _("terms of written procedures")
        constraints = [
            models.UniqueConstraint(fields=["route", "kind"], name="procedure_term_unique"),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="procedure_term_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.route or '*'} / {self.kind or '*'}: {self.amount} {self.get_unit_display()}"


class NonWorkingDay(models.Model):
    date = models.DateField(_("date"), unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("non-working day")
        verbose_name_plural = _("non-working days")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {in_language(self.name_ru, self.name_en)}"


class Consultation(MarkedModel):
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=QuestionKind.choices)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("subject document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    initiator_state = models.ForeignKey(
        "organization.MemberState",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    initiator_body = models.ForeignKey(
        "organization.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    route = models.ForeignKey(
        Route, verbose_name=_("route"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.OPEN,
    )
    emergency = models.BooleanField(_("emergency"), default=False)
    reason = models.TextField(_("reason"), blank=True)
    decide_by = models.DateTimeField(_("decision clock"), null=True, blank=True)
    planned_year = models.PositiveSmallIntegerField(
        _("on the annual list of"),
        null=True,
        blank=True,
        help_text=_("For joint statements: the year of the Permanent Council's list."),
    )
    # For an annual list: the joint statements it puts on the year's list.
    statements = models.ManyToManyField(
        "self",
        verbose_name=_("statements on the list"),
        symmetrical=False,
        blank=True,
        related_name="lists",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    # Demo data whose positions and outcome no source gives: pages say so.
    illustrative = models.BooleanField(_("illustrative (demo)"), default=False)

    class Meta(MarkedModel.Meta):
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)


class Session(EditCounted):
    body = models.ForeignKey(
        "organization.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=SessionKind.choices, default=SessionKind.REGULAR
    )
    format = models.CharField(
        _("format"), max_length=16, choices=SessionFormat.choices, default=SessionFormat.IN_PERSON
    )
    date = models.DateField(_("date"))
    venue_ru = models.CharField(_("venue (Russian)"), max_length=200, blank=True)
    venue_en = models.CharField(_("venue (English)"), max_length=200, blank=True)
    participants = models.ManyToManyField(
        "organization.MemberState", verbose_name=_("states present"), blank=True, related_name="+"
    )
    minutes = models.ForeignKey(
        "documents.Document",
        verbose_name=_("minutes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agenda_published_at = models.DateTimeField(_("agenda published"), null=True, blank=True)
    # Demo data whose day or place no source gives: pages say so.
    illustrative = models.BooleanField(_("illustrative (demo)"), default=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.body} {self.date:%d.%m.%Y}"

    @property
    def venue(self) -> str:
        return in_language(self.venue_ru, self.venue_en)


class Stage(models.Model):
    """A question before one tier, on one version of its text."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="stages")
    position = models.PositiveSmallIntegerField(_("tier in the route"))
    body = models.ForeignKey(
        "organization.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        "documents.Version",
        verbose_name=_("version before the stage"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    mode = models.CharField(
        _("mode"), max_length=12, choices=StageMode.choices, default=StageMode.SESSION
    )
    consent = models.CharField(
        _("consent"), max_length=12, choices=ConsentChoices.choices, default=ConsentChoices.SESSION
    )
    rule = models.CharField(_("rule"), max_length=24, choices=RuleChoices.choices)
    quorum = models.PositiveSmallIntegerField(_("quorum"), default=0)
    breakers = models.CharField(
        _("who may break silence"),
        max_length=16,
        choices=BreakersChoices.choices,
        default=BreakersChoices.MEMBERS,
    )  # the route's, as it was when the stage opened
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    agenda_order = models.PositiveSmallIntegerField(default=0)
    # Placed at a session held before the stage opened: history entered after the fact, and why.
    agenda_note = models.CharField(_("why placed after the fact"), max_length=300, blank=True)
    opened_at = models.DateTimeField(_("opened"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    reminded = models.BooleanField(default=False)
    status = models.CharField(
        _("status"), max_length=8, choices=StageStatus.choices, default=StageStatus.OPEN
    )
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=StageOutcome.choices, blank=True
    )
    result = models.CharField(_("result"), max_length=16, blank=True)  # rules.Result at closing
    explanation_ru = models.TextField(blank=True)
    explanation_en = models.TextField(blank=True)
    note = models.TextField(_("note"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["consultation", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="stage_status_deadline"),
            models.Index(fields=["session", "agenda_order"], name="stage_agenda"),
        ]
        constraints = [
            # One open stage per consultation at a time.
            models.UniqueConstraint(
                fields=["consultation"], condition=Q(status="open"), name="one_open_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation} @ {self.body}"

    @property
    def explanation(self) -> str:
        return in_language(self.explanation_ru, self.explanation_en)


class Position(models.Model):
    """A state's position at a stage. Never changed: a new row supersedes the last one, so the
    history is complete and two delegates recording at once are both kept (the later one current)."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="positions")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    stance = models.CharField(_("position"), max_length=16, choices=StanceChoices.choices)
    statement = models.TextField(
        _("statement"),
        blank=True,
        help_text=_("Special opinion, reasons for objecting, or why more time is needed."),
    )
    clauses = models.JSONField(
        _("clauses concerned"), default=list, blank=True
    )  # unit ids of the version
    amendments = models.JSONField(
        _("amendments concerned"), default=list, blank=True
    )  # amendment ids
    version = models.ForeignKey(
        "documents.Version", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    fingerprint = models.CharField(
        max_length=64, blank=True
    )  # of the text the position was given on
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    acting_for = models.CharField(max_length=200)
    at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["stage", "pk"]
        indexes = [models.Index(fields=["stage", "state", "-id"], name="position_latest")]

    def __str__(self) -> str:
        return f"{self.state}: {self.stance}"


class Signature(models.Model):
    """A state's signature under an adopted decision; a state that did not join at the session
    joins by signing later."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="signatures")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    signed_on = models.DateField(_("signed on"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    acting_for = models.CharField(max_length=200)
    note = models.CharField(_("note"), max_length=300, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)  # of the text signed

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["stage", "signed_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "state"], name="signature_once_per_state")
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.signed_on}"


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject_ru = models.CharField(max_length=300)
    subject_en = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # When it was mailed (at once or in a digest: `mailing`); empty while it waits to be.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread"),
            models.Index(fields=["emailed_at", "user"], name="notification_unmailed"),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def subject(self) -> str:
        return in_language(self.subject_ru, self.subject_en)

    def path_in(self, language: str) -> str:
        """The page it is about, in `language` (its own prefix), whatever the writer's language."""
        return rules.path_in(self.url, language, [code for code, _name in settings.LANGUAGES])

    @property
    def link(self) -> str:
        """The page it is about, in the active language (the notification list)."""
        return self.path_in((get_language() or settings.LANGUAGE_CODE)[:2])
